#!/usr/bin/env bash
# Builds the app and serves it on http://127.0.0.1:${PORT:-8080}/ ; dist/sift.html also works on its own from file://.
set -euo pipefail
"$(dirname "$0")/build.sh"
cd "$(dirname "$0")/../dist"
port="${PORT:-8080}"
echo "sift: http://127.0.0.1:$port/   (single file: $(pwd)/sift.html)" >&2
exec python3 -m http.server --bind 127.0.0.1 "$port"
