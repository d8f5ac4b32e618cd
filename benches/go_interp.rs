//! `cargo bench --bench go_interp`: the Go interpreter on three programs
//! (benches/go/interp/*.go), with the trace off as a benchmark run wants.
//! `scripts/bench.sh` prints them beside the real Go's times.
//!
//! Prints one line per program: `name wall_ms per_op_ns ops cpu_ms`. The
//! CPU time (user + system, from /proc, 10 ms resolution) is the fairer
//! figure on a shared machine.

// A benchmark measures wall time by definition; the ban on ambient time is
// for the product code in src/.
#![allow(clippy::disallowed_methods)]

use std::time::Instant;

use csp_playground::go::{self, Limits, Options};

/// This process's CPU time in ms (Linux), 0 elsewhere.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) start at ")".
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<f64> = rest.split_whitespace().filter_map(|x| x.parse().ok()).collect();
    // utime and stime are the 12th and 13th fields after the state.
    f.get(10).zip(f.get(11)).map_or(0.0, |(u, s)| (u + s) * 10.0)
}

fn main() {
    for (name, src, ops) in [
        ("loop", include_str!("go/interp/loop.go"), 10_000_000u64),
        ("ping-pong", include_str!("go/interp/pingpong.go"), 100_000),
        ("spawn", include_str!("go/interp/spawn.go"), 100_000),
    ] {
        let opts = Options {
            seed: 1,
            trace: false,
            limits: Limits {
                step_cap: u64::MAX,
                ..Limits::default()
            },
            ..Options::default()
        };
        let (start, cpu) = (Instant::now(), cpu_ms());
        let ran = go::run(src, &opts).expect("the benchmark compiles");
        let ms = start.elapsed().as_secs_f64() * 1e3;
        let cpu = cpu_ms() - cpu;
        assert_eq!(ran.exit, 0, "{name}: {}", ran.stderr);
        println!("{name} {ms:.1} {:.1} {ops} {cpu:.0}", ms * 1e6 / ops as f64);
    }
}
