#!/usr/bin/env bash
# Quick unoptimised build of dist/sift.html for working on the web app (scripts/build.sh is the real build).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --lib --target wasm32-unknown-unknown
rm -rf dist/pkg && mkdir -p dist/pkg
wasm-bindgen --target web --no-typescript --out-dir dist/pkg target/wasm32-unknown-unknown/debug/sift.wasm
node scripts/bundle.mjs
