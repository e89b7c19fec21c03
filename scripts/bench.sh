#!/usr/bin/env bash
# Prints sift's figures: core throughput, the development benchmarks in ../shared/bench (boilerplate on plain text
# and on HTML, check-worthiness), and, if the app is built, paste-to-highlight times in headless Chromium.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
bench=../shared/bench
[ -d "$bench" ] || { echo "no $bench beside the project" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

log "core throughput (cargo bench --bench detect)"
cargo bench --quiet --bench detect

cargo build --quiet --release --bin sift
# GNU time adds peak memory to the wall time (Debian package `time`); bash's own `time` otherwise.
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "annotate: %es wall, %MKB max RSS"); else timer=(time); fi
for set in aeb aebhtml ct24; do
  log "$set"
  python3 "$bench/score.py" input "$set" > "$tmp/$set.in.jsonl"
  "${timer[@]}" target/release/sift annotate --jsonl < "$tmp/$set.in.jsonl" > "$tmp/$set.preds.jsonl"
  python3 "$bench/score.py" "$set" "$tmp/$set.preds.jsonl"
done

if [ -f dist/sift.html ] && [ -f benches/browser.mjs ]; then
  log "browser (headless Chromium)"
  node benches/browser.mjs
fi
