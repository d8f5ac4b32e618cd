#!/usr/bin/env bash
# Prints the rt benchmarks natively, in headless Chromium (release wasm) and
# for the Go program doing the same work, side by side with the ratio.
# Numbers, not pass/fail: nothing here is a test.
#
#   scripts/bench.sh               # 1,000,000 operations per workload
#   BENCH_N=100000 scripts/bench.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"
ensure_test_tools

out="$(mktemp -d)"
say "native (cargo bench --bench rt)"
cargo bench --locked --bench rt 2>/dev/null | tee "$out/rust"
say "Go $(go version | awk '{print $3}'), GOMAXPROCS=1 (benches/go)"
(cd benches/go && GOMAXPROCS=1 go run main.go) | tee "$out/go"
say "browser (release wasm, headless Chromium)"
trunk build --release >/dev/null 2>&1
# The benchmark page is its own wasm binary, so the playground stays small.
trunk build --release=true --dist dist/bench --public-url /bench/ bench.html >/dev/null 2>&1
node benches/browser.mjs | tee "$out/wasm"

echo
printf '%-10s %14s %14s %10s %14s\n' workload "rust ns/op" "go ns/op" "rust/go" "wasm ns/op"
for w in spawn parked ping-pong stream sleeps; do
    r=$(awk -v w=$w '$1==w {print $3}' "$out/rust")
    g=$(awk -v w=$w '$1==w {print $3}' "$out/go")
    b=$(awk -v w=$w '$1==w {print $3}' "$out/wasm")
    printf '%-10s %14s %14s %10s %14s\n' "$w" "$r" "$g" "$(awk -v r="$r" -v g="$g" 'BEGIN { printf "%.2f", r / g }')" "$b"
done
rb=$(awk '$1=="parked" {print $4}' "$out/rust")
gb=$(awk '$1=="parked" {print $4}' "$out/go")
wb=$(awk '$1=="parked" {print $5}' "$out/wasm")
printf '%-10s %14s %14s %10s %14s\n' "bytes/task" "$rb" "$gb" "$(awk -v r="$rb" -v g="$gb" 'BEGIN { printf "%.2f", r / g }')" "$(awk '$1=="parked" {print $4}' "$out/wasm")"
echo "wasm memory growth with every task parked: ${wb#wasm_memory_growth_mb=} MB"
echo "browser, 1,000,000 tasks through the page's driver: $(awk '$1=="frames" {print $4, $5}' "$out/wasm" 2>/dev/null)"

say "Go interpreter (cargo bench --bench go_interp) beside the real Go on the same programs"
cargo bench --locked --bench go_interp 2>/dev/null | tee "$out/interp"
printf '%-10s %12s %12s %14s %14s %14s\n' program "interp ms" "interp cpu" "interp ns/op" "browser ms" "go ms"
for w in loop:loop.go ping-pong:pingpong.go spawn:spawn.go; do
    name=${w%%:*}
    file=${w#*:}
    (cd benches/go/interp && GO111MODULE=off go build -o "$out/$name.bin" "$file")
    start=$(date +%s%N)
    GOMAXPROCS=1 "$out/$name.bin" >/dev/null
    go_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    browser_ms=$(awk -v w="interp-$name" '$1==w {print $2}' "$out/wasm")
    awk -v w="$name" -v g="$go_ms" -v b="$browser_ms" '$1==w {printf "%-10s %12s %12s %14s %14s %14s\n", w, $2, $5, $3, b, g}' "$out/interp"
done
echo "targets: loop under 1000 ms natively and under 2x that in the browser; ping-pong under 1000 ns per round trip (the Rust port's ping-pong is in the first table)"

say "the page at scale (benches/page.mjs: big runs at speed 100, zoom, 1000 switches)"
# The CLI's time for the same token-cache run, for the "within 2x + 1 s" target.
start=$(date +%s%N)
cargo run --locked --release --bin csp -- run token-cache --set callers=20 --set call_every_ms=10 --set run_ms=20000 --format json >/dev/null
echo "native CLI, the 20 s token-cache run: $(( ($(date +%s%N) - start) / 1000000 )) ms"
trunk build --release >/dev/null 2>&1
node benches/page.mjs

say "the playground (benches/editor.mjs: page size, time to interactive, keystroke to highlighted text)"
node benches/editor.mjs
echo "targets: worst frame gap under 50 ms; token-cache within 2x the CLI + 1 s; under 150 bytes per event; zoom under 50 ms; memory flat over 1000 switches"
rm -rf "$out"
