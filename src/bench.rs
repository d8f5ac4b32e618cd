//! Benchmark workloads for `rt`, shared by the native benchmark
//! (`cargo bench --bench rt`) and the browser one (`bench.html`, its own wasm binary),
//! so both measure the same code. Each is timed with a wall clock the caller
//! hands in, since nothing in the core reads ambient time.
//!
//! ```
//! use csp_playground::bench;
//! let mut t = 0.0;
//! let mut tick = || { t += 1.0; t };
//! let r = bench::ping_pong(100, &mut tick);
//! assert_eq!(r.n, 100);
//! ```

use std::cell::Cell;
use std::rc::Rc;

use crate::rt::{Level, Outcome, Run};

/// One workload's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// Short name, the same as the Go program prints.
    pub name: &'static str,
    /// How many operations (tasks, round trips, messages, sleeps).
    pub n: u64,
    /// Wall milliseconds for the whole workload.
    pub wall_ms: f64,
}

impl Sample {
    /// Nanoseconds per operation.
    pub fn ns_per_op(&self) -> f64 {
        self.wall_ms * 1e6 / self.n as f64
    }
}

fn quiet_run(seed: u64) -> Run {
    let run = Run::new_virtual(seed);
    run.set_level(Level::Off);
    run
}

fn finish(run: &Run) {
    let outcome = run.run_to_end();
    assert!(
        matches!(outcome, Outcome::Finished { .. }),
        "benchmark run failed: {outcome:?}"
    );
}

/// Spawns `n` tasks that each return at once; `main` waits for all of them
/// on a WaitGroup (Go: `go func() { wg.Done() }()` n times).
pub fn spawn_complete(n: u64, now: &mut dyn FnMut() -> f64) -> Sample {
    let run = quiet_run(1);
    spawn_on(&run, n);
    let start = now();
    finish(&run);
    Sample {
        name: "spawn",
        n,
        wall_ms: now() - start,
    }
}

/// Starts the spawn-and-complete workload on `run` (the browser drives it
/// through the page's driver to count frames).
pub fn spawn_on(run: &Run, n: u64) {
    let rt = run.rt();
    run.start(async move {
        let wg = rt.wait_group("wg");
        let _ = wg.add(n as i64);
        for _ in 0..n {
            let wg = wg.clone();
            rt.go("t", async move { wg.done() });
        }
        wg.wait().await;
    });
}

/// Parks `n` tasks on one unbuffered channel, calls `measure` while they are
/// all parked (to read memory), then releases them by closing it.
pub fn parked(n: u64, now: &mut dyn FnMut() -> f64, measure: &mut dyn FnMut()) -> Sample {
    let run = quiet_run(1);
    let rt = run.rt();
    let released = Rc::new(Cell::new(0u64));
    let count = released.clone();
    let gate = rt.chan::<()>("gate", 0);
    let close = gate.clone();
    run.start(async move {
        let wg = rt.wait_group("wg");
        let _ = wg.add(n as i64);
        for _ in 0..n {
            let (gate, wg, count) = (gate.clone(), wg.clone(), count.clone());
            rt.go("p", async move {
                let _ = gate.recv().await;
                count.set(count.get() + 1);
                wg.done();
            });
        }
        wg.wait().await;
    });
    let start = now();
    // Every task runs once and parks; main parks on the WaitGroup.
    while run.has_ready() {
        run.step();
    }
    let wall_ms = now() - start;
    measure();
    let _ = close.close();
    finish(&run);
    assert_eq!(released.get(), n);
    Sample {
        name: "parked",
        n,
        wall_ms,
    }
}

/// `n` round trips of one value between two tasks over unbuffered channels.
pub fn ping_pong(n: u64, now: &mut dyn FnMut() -> f64) -> Sample {
    let run = quiet_run(1);
    ping_pong_on(&run, n);
    let start = now();
    finish(&run);
    Sample {
        name: "ping-pong",
        n,
        wall_ms: now() - start,
    }
}

/// Starts the ping-pong workload on `run` (the browser bench drives it on
/// the real clock).
pub fn ping_pong_on(run: &Run, n: u64) {
    let rt = run.rt();
    run.start(async move {
        let ping = rt.chan::<u64>("ping", 0);
        let pong = rt.chan::<u64>("pong", 0);
        let (ping2, pong2) = (ping.clone(), pong.clone());
        rt.go("ponger", async move {
            while let Some(v) = ping2.recv().await {
                let _ = pong2.send(v + 1).await;
            }
        });
        let mut v = 0;
        for _ in 0..n {
            let _ = ping.send(v).await;
            v = pong.recv().await.unwrap_or(v);
        }
        let _ = ping.close();
        assert_eq!(v, n);
    });
}

/// One producer streams `n` values through a channel of capacity 128 to one
/// consumer.
pub fn stream(n: u64, now: &mut dyn FnMut() -> f64) -> Sample {
    let run = quiet_run(1);
    let rt = run.rt();
    run.start(async move {
        let ch = rt.chan::<u64>("stream", 128);
        let tx = ch.clone();
        rt.go("producer", async move {
            for i in 0..n {
                let _ = tx.send(i).await;
            }
            let _ = tx.close();
        });
        let mut sum = 0u64;
        while let Some(v) = ch.recv().await {
            sum = sum.wrapping_add(v);
        }
        assert_eq!(sum, n * (n - 1) / 2);
    });
    let start = now();
    finish(&run);
    Sample {
        name: "stream",
        n,
        wall_ms: now() - start,
    }
}

/// `n` tasks each sleep a seed-chosen virtual time up to 10 s.
pub fn sleeps(n: u64, now: &mut dyn FnMut() -> f64) -> Sample {
    let run = quiet_run(7);
    let rt = run.rt();
    run.start(async move {
        let wg = rt.wait_group("wg");
        let _ = wg.add(n as i64);
        for _ in 0..n {
            let (rt2, wg) = (rt.clone(), wg.clone());
            let ms = rt.rand_below(10_000);
            rt.go("s", async move {
                rt2.sleep(ms).await;
                wg.done();
            });
        }
        wg.wait().await;
    });
    let start = now();
    finish(&run);
    Sample {
        name: "sleeps",
        n,
        wall_ms: now() - start,
    }
}
