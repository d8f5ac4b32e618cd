#!/usr/bin/env bash
# Installs what the playground needs to build and test, only where it is
# missing or at the wrong version. Sourced by scripts/serve.sh and
# scripts/test.sh; safe to run again and again (each step checks first).
#
#   ensure_build_tools   wasm32 target, wasm-bindgen CLI, Trunk 0.21, wasm-opt
#   ensure_test_tools    the above plus Chromium, ChromeDriver, wasm-pack, Go,
#                        playwright-core
#
# Everything comes from the package registries (the Rust package registry, npm,
# Debian); no tool downloads a prebuilt binary of its own, so this works on a
# machine whose only network is those registries.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The wasm-bindgen CLI must match the library version in Cargo.lock exactly,
# or the generated JS glue does not fit the .wasm.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        say "adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown
    fi
}

ensure_wasm_bindgen() {
    local want
    want="$(wasm_bindgen_version)"
    if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ] ||
        ! command -v wasm-bindgen-test-runner >/dev/null; then
        say "installing wasm-bindgen-cli $want (about 5 minutes)"
        # No --locked: the CLI's own lockfile pins a crate the registry no
        # longer serves.
        cargo install wasm-bindgen-cli --version "=$want" --force
    fi
}

ensure_trunk() {
    if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
        say "installing trunk 0.21 (about 11 minutes)"
        # 0.22 needs a newer rustc than this machine has.
        cargo install trunk --version '^0.21' --locked --force
    fi
}

# npm's binaryen (not Debian's, which is too old for today's wasm),
# playwright-core and axe-core, all pinned by package-lock.json.
ensure_node_modules() {
    if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] ||
        [ ! -d "$ROOT/node_modules/axe-core" ] ||
        [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
        say "installing node modules (binaryen, playwright-core, axe-core)"
        (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    fi
}

ensure_wasm_pack() {
    if ! command -v wasm-pack >/dev/null; then
        say "installing wasm-pack (about 5 minutes)"
        cargo install wasm-pack --locked
    fi
}

apt_install() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        # `dpkg -s` succeeds for a removed package whose config files remain.
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing ${missing[*]} from Debian"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

ensure_build_tools() {
    ensure_wasm_target
    ensure_node_modules
    ensure_wasm_bindgen
    ensure_trunk
}

ensure_test_tools() {
    ensure_build_tools
    apt_install chromium chromium-driver golang-go
    ensure_wasm_pack
}

# Run directly, it installs everything the tests need, or runs the one step
# named: `scripts/tools.sh ensure_trunk`.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    if [ $# -eq 0 ]; then set -- ensure_test_tools; fi
    "$@"
fi
