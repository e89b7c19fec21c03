#!/usr/bin/env bash
# Builds the web app: Rust -> wasm32 -> wasm-bindgen -> wasm-opt -> one self-contained dist/sift.html
# (and dist/index.html, the same file, for serving). Needs what scripts/setup.sh installs.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
ensure_wasm_target
ensure_wasm_bindgen
ensure_npm

profile=release-wasm
log "cargo build --lib --target wasm32-unknown-unknown --profile $profile --no-default-features"
# The main bundle leaves out the precise tier (candle, the tokenizer): it is the second bundle's.
cargo build --lib --target wasm32-unknown-unknown --profile "$profile" --no-default-features
rm -rf dist/pkg && mkdir -p dist/pkg
wasm-bindgen --target web --no-typescript --out-dir dist/pkg "target/wasm32-unknown-unknown/$profile/sift.wasm"
log "wasm-opt -Os"
node_modules/.bin/wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  dist/pkg/sift_bg.wasm -o dist/pkg/sift_bg.opt.wasm
mv dist/pkg/sift_bg.opt.wasm dist/pkg/sift_bg.wasm
node scripts/bundle.mjs
