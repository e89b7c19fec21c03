#!/usr/bin/env bash
# Runs every test: style (rustfmt, clippy native and wasm32), the Rust core, CLI and corpus tests natively, then
# the built app in headless Chromium.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
ensure_chromium
ensure_wasm_target
ensure_lint_tools

log "style: cargo fmt --check, cargo clippy -D warnings (native, all targets, with and without the precise tier;" \
  "wasm32, the library and its web shell, the main bundle's build and the precise bundle's)"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --all-targets --no-default-features -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings

log "cargo test"
cargo test --all-targets --no-fail-fast
cargo test --doc

"$(dirname "$0")/build.sh"
"$(dirname "$0")/build_precise.sh"

log "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
