//! The browser half of `scripts/bench.sh`: the `rt` workloads of
//! [`crate::bench`] in the release wasm build, timed with
//! `performance.now()`. The benchmark page (`bench.html`) shows them.
//!
//! Ping-pong runs on the real clock through the page's [`drive`] loop, since
//! that is the path whose per-wake cost matters in the browser; the others
//! run on the virtual clock, as the page's virtual mode does.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;

use super::{drive, performance, yield_to_browser, BrowserClock, FrameCounter, Pace};
use crate::bench;
use crate::rt::{Level, Run};

fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// Runs every workload with `n` operations; returns one line per workload in
/// the format the native benchmark prints (`name n ns_per_op [extra]`).
pub async fn run_all(n: u64) -> Vec<String> {
    let performance = performance();
    let mut now = || performance.now();
    let mut lines = Vec::new();

    let s = bench::spawn_complete(n, &mut now);
    lines.push(format!("{} {} {:.1}", s.name, s.n, s.ns_per_op()));
    yield_to_browser().await;

    let before = wasm_memory_bytes();
    let mut during = before;
    let s = bench::parked(n, &mut now, &mut || during = wasm_memory_bytes());
    lines.push(format!(
        "{} {} {:.1} {:.0} wasm_memory_growth_mb={:.1}",
        s.name,
        s.n,
        s.ns_per_op(),
        (during - before) / n as f64,
        (during - before) / 1e6
    ));
    yield_to_browser().await;

    // Ping-pong on the real clock, through the driver.
    let run = Run::new(Rc::new(BrowserClock::new()), 1);
    run.set_level(Level::Off);
    bench::ping_pong_on(&run, n);
    let start = performance.now();
    let finished = Rc::new(Cell::new(None));
    let seen = finished.clone();
    let perf = performance.clone();
    let handle = drive(
        run,
        Pace::Real,
        move |run| {
            if run.outcome().is_some() && seen.get().is_none() {
                seen.set(Some(perf.now()));
            }
        },
        |_| false,
    );
    while !handle.is_stopped() {
        yield_to_browser().await;
    }
    let end = finished.get().unwrap_or_else(|| performance.now());
    lines.push(format!("ping-pong {} {:.1}", n, (end - start) * 1e6 / n as f64));
    drop(handle);

    let s = bench::stream(n, &mut now);
    lines.push(format!("{} {} {:.1}", s.name, s.n, s.ns_per_op()));
    yield_to_browser().await;

    let s = bench::sleeps(n / 10, &mut now);
    lines.push(format!(
        "{} {} {:.1} wall_ms={:.1}",
        s.name,
        s.n,
        s.ns_per_op(),
        s.wall_ms
    ));
    yield_to_browser().await;

    // n tasks spawned and completed through the page's driver, while
    // counting animation frames: the page keeps rendering.
    let run = Run::new_virtual(1);
    run.set_level(Level::Off);
    bench::spawn_on(&run, n);
    let counter = FrameCounter::start();
    let start = performance.now();
    let handle = drive(run, Pace::Flat, |_| {}, |_| false);
    while !handle.is_stopped() {
        gloo_timers::future::TimeoutFuture::new(5).await;
    }
    lines.push(format!(
        "frames {} {:.1} frames={} longest_frame_gap_ms={:.0}",
        n,
        (performance.now() - start) * 1e6 / n as f64,
        counter.frames(),
        counter.longest_gap_ms()
    ));
    yield_to_browser().await;

    // The Go interpreter on the programs `cargo bench --bench go_interp`
    // runs natively, with the trace off as there.
    for (name, src, ops) in [
        (
            "loop",
            include_str!("../../benches/go/interp/loop.go"),
            10_000_000u64,
        ),
        (
            "ping-pong",
            include_str!("../../benches/go/interp/pingpong.go"),
            100_000,
        ),
        ("spawn", include_str!("../../benches/go/interp/spawn.go"), 100_000),
    ] {
        let opts = crate::go::Options {
            seed: 1,
            trace: false,
            limits: crate::go::Limits {
                step_cap: u64::MAX,
                ..crate::go::Limits::default()
            },
            ..crate::go::Options::default()
        };
        let start = performance.now();
        let ok = crate::go::run(src, &opts).is_ok_and(|ran| ran.exit == 0);
        let ms = performance.now() - start;
        lines.push(format!(
            "interp-{name} {ms:.1} {:.1} ok={ok}",
            ms * 1e6 / ops as f64
        ));
        yield_to_browser().await;
    }
    lines
}
