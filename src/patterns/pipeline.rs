//! `pipeline`: stages joined by channels, cancelled by a done channel.
//!
//! `gen` sends 1..=`count`; `workers` square stages each read from it
//! (fan-out) and send squares on their own channel; `merge` forwards every
//! square channel into one (fan-in) and closes it when all are drained. The
//! caller prints squares as they arrive. Every channel holds `buffer`
//! values: at 0 every stage blocks until the next one receives. With
//! `stop_after=k` the caller closes `done` after `k` squares and every stage
//! returns through it.
//!
//! Go to Rust: each `select { case out <- v: case <-done: return }` is a
//! two-arm [`Select`](crate::rt::Select); merge's `sync.WaitGroup` closes the
//! output when the last forwarder ends.

use serde::{Deserialize, Serialize};

use super::{Check, ParamSpec};
use crate::rt::{Chan, Label, Rt};

/// The parameters.
pub const SPECS: &[ParamSpec] = &[
    ParamSpec {
        name: "count",
        label: "Count",
        default: "10",
        check: Check::Int { min: 1, max: 1000 },
        help: "How many numbers the generator sends.",
    },
    ParamSpec {
        name: "workers",
        label: "Workers",
        default: "3",
        check: Check::Int { min: 1, max: 20 },
        help: "How many square stages read from the generator (fan-out).",
    },
    ParamSpec {
        name: "buffer",
        label: "Buffer",
        default: "0",
        check: Check::Int { min: 0, max: 100 },
        help: "The capacity of every channel (0: each send waits for a receive).",
    },
    ParamSpec {
        name: "stop_after",
        label: "Stop after",
        default: "0",
        check: Check::Int { min: 0, max: 1000 },
        help: "0: read every square; k: close done after k squares.",
    },
    ParamSpec {
        name: "work_ms",
        label: "Work (ms)",
        default: "50",
        check: Check::Int { min: 0, max: 10_000 },
        help: "Each square takes a seed-chosen time up to this.",
    },
];

/// Typed parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params {
    pub count: u64,
    pub workers: u64,
    pub buffer: u64,
    pub stop_after: u64,
    pub work_ms: u64,
}

impl From<&super::Params> for Params {
    fn from(p: &super::Params) -> Params {
        Params {
            count: p.int("count"),
            workers: p.int("workers"),
            buffer: p.int("buffer"),
            stop_after: p.int("stop_after"),
            work_ms: p.int("work_ms"),
        }
    }
}

/// Which line of the article's Go does what a line of the Rust does: a
/// snippet of each, so the page can highlight both (tests check that every
/// snippet is found).
pub const GO_LINES: &[(&str, &str)] = &[
    (
        "rt.go(\"gen\"",
        "func gen(done <-chan struct{}, count int, stages *sync.WaitGroup) <-chan int {",
    ),
    ("send_or_done(&rt2, &out, v, &d)", "case out <- v:"),
    (
        "rt.go(format!(\"square-{w}\")",
        "func square(done <-chan struct{}, in <-chan int, stages *sync.WaitGroup) <-chan int {",
    ),
    ("recv_or_done(&rt2, &input, &d)", "case v, ok = <-in:"),
    (
        "rt2.sleep(work)",
        "case <-time.After(time.Duration(rand.Intn(51)) * time.Millisecond):",
    ),
    ("send_or_done(&rt2, &sq, v * v, &d)", "case out <- v * v:"),
    ("rt.go(format!(\"merge-{w}\")", "go func(c <-chan int) {"),
    ("recv_or_done(&rt2, &sq, &d)", "case v, ok := <-c:"),
    ("forwarders.wait().await", "forwarders.Wait()"),
    ("out.close()", "close(out)"),
    (
        "merged.recv()",
        "for v := range merge(done, &stages, squares...) {",
    ),
    ("rt.output_labelled(v.to_string()", "fmt.Println(v)"),
    ("done.close()", "close(done)"),
    ("stages.wait().await", "stages.Wait()"),
];

/// This file, as `#[track_caller]` names it: events carry its lines.
pub(crate) const FILE: &str = file!();

// region: run
/// Sends `v` on `out` unless `done` closes first; `false` means stop.
async fn send_or_done(rt: &Rt, out: &Chan<u64>, v: u64, done: &Chan<()>) -> bool {
    rt.select()
        .send(out, v, |r| r.is_ok())
        .recv(done, |_| false)
        .await
}

/// Receives from `input` unless `done` closes first.
async fn recv_or_done(rt: &Rt, input: &Chan<u64>, done: &Chan<()>) -> Option<u64> {
    rt.select().recv(input, |v| v).recv(done, |_| None).await
}

pub async fn run(rt: Rt, p: Params) {
    let cap = p.buffer as usize;
    let done = rt.chan::<()>("done", 0);
    let stages = rt.wait_group("stages");

    // Stage 1: generate.
    let nums = rt.chan::<u64>("nums", cap);
    let (rt2, out, d, wg) = (rt.clone(), nums.clone(), done.clone(), stages.clone());
    let _ = stages.add(1);
    rt.go("gen", async move {
        for v in 1..=p.count {
            if !send_or_done(&rt2, &out, v, &d).await {
                break;
            }
        }
        let _ = out.close();
        wg.done();
    });

    // Stage 2: square, fanned out over `workers` tasks.
    let mut squares = Vec::new();
    for w in 0..p.workers {
        let sq = rt.chan::<u64>(&format!("sq-{w}"), cap);
        squares.push(sq.clone());
        let (rt2, input, d, wg) = (rt.clone(), nums.clone(), done.clone(), stages.clone());
        let _ = stages.add(1);
        rt.go(format!("square-{w}"), async move {
            while let Some(v) = recv_or_done(&rt2, &input, &d).await {
                let work = rt2.rand_below(p.work_ms + 1);
                let stopped = rt2
                    .select()
                    .future(rt2.sleep(work), |()| false)
                    .recv(&d, |_| true)
                    .await;
                if stopped || !send_or_done(&rt2, &sq, v * v, &d).await {
                    break;
                }
            }
            let _ = sq.close();
            wg.done();
        });
    }

    // Stage 3: merge (fan-in); the last forwarder closes the output.
    let merged = rt.chan::<u64>("merged", cap);
    let forwarders = rt.wait_group("merge");
    for (w, sq) in squares.into_iter().enumerate() {
        let (rt2, out, d, fw, wg) = (
            rt.clone(),
            merged.clone(),
            done.clone(),
            forwarders.clone(),
            stages.clone(),
        );
        let _ = forwarders.add(1);
        let _ = stages.add(1);
        rt.go(format!("merge-{w}"), async move {
            while let Some(v) = recv_or_done(&rt2, &sq, &d).await {
                if !send_or_done(&rt2, &out, v, &d).await {
                    break;
                }
            }
            fw.done();
            wg.done();
        });
    }
    let (out, wg) = (merged.clone(), stages.clone());
    let _ = stages.add(1);
    rt.go("merge-closer", async move {
        forwarders.wait().await;
        let _ = out.close();
        wg.done();
    });

    let mut printed = 0;
    while let Some(v) = merged.recv().await {
        // Each square is labelled by the number it squares (gen sends 1..).
        rt.output_labelled(v.to_string(), Label::new("input", v.isqrt() - 1));
        printed += 1;
        if printed == p.stop_after {
            break;
        }
    }
    let _ = done.close();
    stages.wait().await;
}
// endregion
