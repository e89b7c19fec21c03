#!/usr/bin/env bash
# Bounded random-mutation fuzzing of every reader, HTML input, the JSONL stream and the analysis
# (examples/fuzz.rs; not part of `cargo test`). Usage: bash scripts/fuzz.sh [SECONDS] [SEED]
# Failing inputs land in target/fuzz-failures/; turn each into a file under tests/data/regress/.
set -euo pipefail
cd "$(dirname "$0")/.."
nice -n 10 cargo run --release --example fuzz -- --seconds "${1:-60}" --seed "${2:-1}"
