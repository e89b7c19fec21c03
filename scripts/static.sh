#!/usr/bin/env bash
# Builds a fully static `sift` for x86_64 Linux (target x86_64-unknown-linux-musl, installed with rustup), for
# machines without a matching glibc (cluster executors: README, "Running on a cluster"), and checks that it is
# statically linked and writes the same output as the glibc build on the seed corpus.
# Usage: bash scripts/static.sh   (prints the binary's path)
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
target=x86_64-unknown-linux-musl
rustup target list --installed | grep -qx "$target" || { log "rustup target add $target"; rustup target add "$target"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
log "cargo build --release --target $target --bin sift"
# The library's cdylib crate type is for wasm; cargo notes that it cannot build one for musl, as expected here.
status=0
cargo build --quiet --release --target "$target" --bin sift 2> "$tmp/build.log" || status=$?
grep -v -e "dropping unsupported crate type .cdylib." -e "^warning: .sift. (lib) generated 1 warning$" -e '^$' "$tmp/build.log" >&2 || true
[ "$status" = 0 ] || exit "$status"
bin="target/$target/release/sift"
file "$bin" | grep -q "static" || { echo "$bin is not statically linked: $(file "$bin")" >&2; exit 1; }
cargo build --quiet --release --bin sift
for f in tests/data/corpus/*.txt; do python3 -c 'import json,sys; print(json.dumps({"id": sys.argv[1], "text": open(sys.argv[1]).read()}))' "$f"; done > "$tmp/in.jsonl"
"$bin" annotate --jsonl < "$tmp/in.jsonl" > "$tmp/static.jsonl"
target/release/sift annotate --jsonl < "$tmp/in.jsonl" > "$tmp/glibc.jsonl"
cmp -s "$tmp/static.jsonl" "$tmp/glibc.jsonl" || { echo "the static build's output differs from the glibc build's" >&2; exit 1; }
log "static, same output as the glibc build: $bin ($(du -h "$bin" | cut -f1))"
echo "$bin"
