//! `waitgroup`: wait for a known number of workers.
//!
//! `wg.Add(n)` up front, one task per worker, and a results channel
//! buffered to exactly `n`, so no worker ever blocks on its send. The caller
//! waits on the group, closes the channel, and drains it.
//!
//! Go to Rust: `sync.WaitGroup` is [`WaitGroup`](crate::rt::WaitGroup);
//! `defer wg.Done()` is a `wg.done()` after the work; `for r := range res`
//! is `while let Some(r) = res.recv().await`.

use serde::{Deserialize, Serialize};

use super::{Check, ParamSpec};
use crate::rt::Rt;

/// The parameters.
pub const SPECS: &[ParamSpec] = &[
    ParamSpec {
        name: "workers",
        label: "Workers",
        default: "2",
        check: Check::Int { min: 1, max: 50 },
        help: "How many goroutines to start (wg.Add of this many).",
    },
    ParamSpec {
        name: "work_ms",
        label: "Work (ms)",
        default: "1000",
        check: Check::Int { min: 0, max: 60_000 },
        help: "How long each worker works.",
    },
];

/// Typed parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params {
    /// Workers started, and the channel's capacity.
    pub workers: u64,
    /// Each worker's work.
    pub work_ms: u64,
}

impl From<&super::Params> for Params {
    fn from(p: &super::Params) -> Params {
        Params {
            workers: p.int("workers"),
            work_ms: p.int("work_ms"),
        }
    }
}

/// Which line of the article's Go does what a line of the Rust does: a
/// snippet of each, so the page can highlight both (tests check that every
/// snippet is found).
pub const GO_LINES: &[(&str, &str)] = &[
    ("rt.wait_group(\"wg\")", "var wg sync.WaitGroup"),
    ("rt.chan::<String>(\"res\"", "res := make(chan string, workers)"),
    ("wg.add(p.workers", "wg.Add(workers)"),
    ("rt.go(format!(\"worker-{id}\")", "go func(id int) {"),
    ("rt2.sleep(p.work_ms)", "time.Sleep(work)"),
    (
        "res.send(format!(\"worker {id} done\"))",
        "res <- fmt.Sprintf(\"worker %d done\", id)",
    ),
    ("wg.done()", "defer wg.Done()"),
    ("wg.wait().await", "wg.Wait()"),
    ("res.close()", "close(res)"),
    ("while let Some(r) = res.recv()", "for r := range res {"),
    ("rt.output(r)", "fmt.Println(r)"),
];

/// This file, as `#[track_caller]` names it: events carry its lines.
pub(crate) const FILE: &str = file!();

// region: run
pub async fn run(rt: Rt, p: Params) {
    let wg = rt.wait_group("wg");
    // Buffered to the number of results: no worker blocks on its send.
    let res = rt.chan::<String>("res", p.workers as usize);
    let _ = wg.add(p.workers as i64);
    for id in 0..p.workers {
        let (rt2, wg, res) = (rt.clone(), wg.clone(), res.clone());
        rt.go(format!("worker-{id}"), async move {
            rt2.sleep(p.work_ms).await;
            let _ = res.send(format!("worker {id} done")).await;
            wg.done();
        });
    }
    wg.wait().await;
    let _ = res.close();
    while let Some(r) = res.recv().await {
        rt.output(r);
    }
}
// endregion
