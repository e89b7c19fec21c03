#!/usr/bin/env bash
# Runs every test: the Rust core, CLI and corpus tests natively, then the built app in headless Chromium.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
ensure_chromium

log "cargo test"
cargo test --all-targets --no-fail-fast
cargo test --doc

"$(dirname "$0")/build.sh"

log "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
