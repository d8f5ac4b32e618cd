#!/usr/bin/env bash
# Where a big run's slow frames go: builds the page with its wasm function
# names kept (no wasm-opt) into dist-prof/, then traces one run in headless
# Chromium with benches/frames.mjs. A tool for the frame-gap work, not a
# test; see the README's Benchmarks.
#
#   scripts/frames.sh                     # the 1.17M-event token cache
#   scripts/frames.sh 'pattern=pipeline&count=1000&workers=20&work_ms=50'
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"
ensure_test_tools

# Trunk reads its assets relative to the page, so the profiling copy of
# index.html sits beside it for the build, and goes once it is done.
page=".index.frames.html"
trap 'rm -f "$page"' EXIT
sed 's|data-wasm-opt="z" data-wasm-opt-params="[^"]*"|data-wasm-opt="0" data-keep-debug|' index.html >"$page"
grep -q 'data-keep-debug' "$page" || { echo "frames.sh: index.html's rust link changed; update the sed above" >&2; exit 1; }
say "building the page with function names into dist-prof/"
trunk build --release --dist dist-prof "$page" >/dev/null
node benches/frames.mjs "$@"
