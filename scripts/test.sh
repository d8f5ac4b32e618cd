#!/usr/bin/env bash
# Runs every test suite, installing whatever is missing first (idempotent).
# Stops at the first failure. This is what CI runs (.ci/run).
#
#   scripts/test.sh
set -euo pipefail  # pipefail: a failing runner fails through its tee
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

say "gofmt and go vet (the article's Go, src/patterns/go, and the starting programs, src/starters)"
unformatted="$(gofmt -l src/patterns/go src/starters)"
[ -z "$unformatted" ] || { echo "gofmt would change: $unformatted" >&2; exit 1; }
(cd src/patterns/go && GOFLAGS=-mod=mod go vet ./...)
# Each starter is a program of its own (package main), so one vet each.
for f in src/starters/*.go; do GO111MODULE=off go vet "$f"; done

say "cargo clippy (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings

say "cargo clippy (wasm32)"
cargo clippy --workspace --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

# Every runner's output also goes to a log, for the closing summary.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

say "cargo test (native)"
cargo test --workspace --locked 2>&1 | tee -a "$log"

say "wasm-pack test --headless --chrome"
wasm-pack test --headless --chrome 2>&1 | tee -a "$log"

say "trunk build --release"
trunk build --release

say "scripts/build.sh --public-url /csp/ --dist dist-csp (a deployed build under a sub-path)"
bash scripts/build.sh --public-url /csp/ --dist dist-csp

say "end-to-end tests (playwright-core, headless Chromium)"
node --test tests/e2e/ 2>&1 | tee -a "$log"

wasm="$(ls dist/*_bg.wasm)"
js="$(ls dist/*.js | head -n 1)"
raw=$(( $(stat -c %s "$wasm") + $(stat -c %s "$js") ))
gz=$(( $(gzip -9c "$wasm" | wc -c) + $(gzip -9c "$js" | wc -c) ))
echo "release size: .wasm $(stat -c %s "$wasm") bytes, .wasm + .js ${raw} bytes raw, ${gz} bytes gzipped"

# Every suite passed (set -e stops at the first failure); count them.
rust=$(grep -oE '^test result: ok\. [0-9]+ passed' "$log" | awk '{s += $4} END {print s + 0}')
e2e=$(grep -oE '^# pass [0-9]+' "$log" | awk '{s += $3} END {print s + 0}')
echo "cargo and wasm-bindgen tests: $rust passed; end-to-end: $e2e passed"
echo "$((rust + e2e)) passed, 0 failed"
