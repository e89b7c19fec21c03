#!/usr/bin/env bash
# Builds the second bundle, dist/sift-precise.html: the app with the precise tier (candle, the tokenizer, the
# model's worker), which the main bundle (scripts/build.sh) leaves out; dist/precise-pkg is its wasm, which
# benches/wasm_precise.mjs also loads. SIMD128 on: candle's matrix products use it, and every current browser has
# it. Needs what scripts/setup.sh installs.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
ensure_wasm_target
ensure_wasm_bindgen
ensure_npm

log "cargo build --lib --target wasm32-unknown-unknown --release (precise, +simd128)"
CARGO_TARGET_DIR=target/precise-wasm RUSTFLAGS="-C target-feature=+simd128" \
  cargo build --lib --target wasm32-unknown-unknown --release
rm -rf dist/precise-pkg && mkdir -p dist/precise-pkg
wasm-bindgen --target web --no-typescript --out-dir dist/precise-pkg \
  target/precise-wasm/wasm32-unknown-unknown/release/sift.wasm
node scripts/bundle.mjs --precise
