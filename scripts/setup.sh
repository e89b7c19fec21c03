# Installs what building and testing sift need, idempotently. Sourced by serve.sh and test.sh.
# Everything comes from package registries: rustup's target, crates.io, Debian, npm. Nothing fetches its own binaries.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown && return
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
}

ensure_lint_tools() {
  cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1 && return
  log "rustup component add rustfmt clippy"
  rustup component add rustfmt clippy
}

# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock.
ensure_wasm_bindgen() {
  local want have
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  [ "$have" = "$want" ] && return
  log "cargo install wasm-bindgen-cli --version $want (about 5 minutes, once)"
  cargo install wasm-bindgen-cli --version "$want" --force
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return
  log "apt-get install chromium chromium-driver"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
}

ensure_npm() {
  if [ -d node_modules/playwright-core ] && [ -x node_modules/.bin/wasm-opt ] \
     && [ node_modules/.package-lock.json -nt package-lock.json ]; then return; fi
  log "npm ci (playwright-core, binaryen)"
  npm ci --no-audit --no-fund --loglevel=error
}

export PATH="$HOME/.cargo/bin:$PATH"
