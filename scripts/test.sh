#!/usr/bin/env bash
# Runs every test suite, installing whatever is missing first (idempotent).
# Stops at the first failure. This is what CI runs (.ci/run).
#
#   scripts/test.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

ensure_test_tools
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# Trunk.toml must name the wasm-bindgen that Cargo.lock locks, or Trunk
# (offline) refuses to build.
want="$(wasm_bindgen_version)"
grep -q "^wasm_bindgen = \"$want\"" Trunk.toml ||
    { echo "Trunk.toml's wasm_bindgen is not $want (Cargo.lock): update it" >&2; exit 1; }

say "cargo fmt --check"
cargo fmt --all -- --check

say "gofmt and go vet (the article's Go, src/patterns/go)"
unformatted="$(cd src/patterns/go && gofmt -l .)"
[ -z "$unformatted" ] || { echo "gofmt would change: $unformatted" >&2; exit 1; }
(cd src/patterns/go && GOFLAGS=-mod=mod go vet ./...)

say "cargo clippy (native)"
cargo clippy --all-targets --locked -- -D warnings

say "cargo clippy (wasm32)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

say "cargo test (native)"
cargo test --locked

say "wasm-pack test --headless --chrome"
wasm-pack test --headless --chrome

say "trunk build --release"
trunk build --release

say "end-to-end tests (playwright-core, headless Chromium)"
node --test tests/e2e/

wasm="$(ls dist/*_bg.wasm)"
js="$(ls dist/*.js | head -n 1)"
raw=$(( $(stat -c %s "$wasm") + $(stat -c %s "$js") ))
gz=$(( $(gzip -9c "$wasm" | wc -c) + $(gzip -9c "$js" | wc -c) ))
echo "release size: .wasm $(stat -c %s "$wasm") bytes, .wasm + .js ${raw} bytes raw, ${gz} bytes gzipped"
