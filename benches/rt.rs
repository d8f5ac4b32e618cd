//! `cargo bench --bench rt`: the `rt` workloads natively, in numbers.
//! `scripts/bench.sh` prints them beside the Go program's and the browser's.
//!
//! Prints one line per workload: `name n ns_per_op [bytes_per_task]`.

// A benchmark measures wall time by definition; the ban on ambient time is
// for the product code in src/.
#![allow(clippy::disallowed_methods)]

use std::time::Instant;

use csp_playground::bench;

/// Resident memory in bytes, from /proc (Linux), without unsafe code.
fn rss_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

fn main() {
    let origin = Instant::now();
    let mut now = move || origin.elapsed().as_secs_f64() * 1e3;
    let n: u64 = std::env::var("BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);

    let s = bench::spawn_complete(n, &mut now);
    println!("{} {} {:.1}", s.name, s.n, s.ns_per_op());

    let before = rss_bytes();
    let mut during = 0;
    let s = bench::parked(n, &mut now, &mut || during = rss_bytes());
    println!(
        "{} {} {:.1} {:.0}",
        s.name,
        s.n,
        s.ns_per_op(),
        during.saturating_sub(before) as f64 / n as f64
    );

    let s = bench::ping_pong(n, &mut now);
    println!("{} {} {:.1}", s.name, s.n, s.ns_per_op());

    let s = bench::stream(n, &mut now);
    println!("{} {} {:.1}", s.name, s.n, s.ns_per_op());

    let s = bench::sleeps(n / 10, &mut now);
    println!("{} {} {:.1} wall_ms={:.1}", s.name, s.n, s.ns_per_op(), s.wall_ms);
}
