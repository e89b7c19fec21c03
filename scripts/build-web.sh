#!/usr/bin/env bash
# Builds the browser app into one self-contained file, dist/sift.html.
# Usage: scripts/build-web.sh [--dev]   (--dev: unoptimised, faster to compile)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=release
flags=(--release)
if [[ "${1:-}" == "--dev" ]]; then profile=debug; flags=(); fi
cargo build --lib --target wasm32-unknown-unknown "${flags[@]}"
out=target/pkg
wasm-bindgen --target web --no-typescript --out-dir "$out" "target/wasm32-unknown-unknown/$profile/sift.wasm"
if [[ "$profile" == release && -x node_modules/.bin/wasm-opt ]]; then
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue "$out/sift_bg.wasm" -o "$out/sift_bg.wasm"
fi
node scripts/bundle-web.mjs "$out" dist/sift.html
