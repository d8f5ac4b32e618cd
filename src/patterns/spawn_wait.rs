//! `spawn-wait`: start one goroutine and block on its answer.
//!
//! The caller makes an unbuffered channel, hands the send-only half to a new
//! task, and blocks on `<-res`. The worker sleeps `delay_ms`, then sends; the
//! caller is parked the whole time and wakes at exactly `delay_ms`.
//!
//! Go to Rust: `go func(out chan<- string)` is `rt.go(name, async move ..)`
//! with a [`Sender`](crate::rt::Sender); `<-res` is `res.recv().await`.

use serde::{Deserialize, Serialize};

use super::{Check, ParamSpec};
use crate::rt::Rt;

/// The parameters.
pub const SPECS: &[ParamSpec] = &[ParamSpec {
    name: "delay_ms",
    label: "Delay (ms)",
    default: "1000",
    check: Check::Int { min: 0, max: 60_000 },
    help: "How long the goroutine works before it sends its answer.",
}];

/// Typed parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params {
    /// How long the worker sleeps before sending.
    pub delay_ms: u64,
}

impl From<&super::Params> for Params {
    fn from(p: &super::Params) -> Params {
        Params {
            delay_ms: p.int("delay_ms"),
        }
    }
}

/// Which line of the article's Go does what a line of the Rust does: a
/// snippet of each, so the page can highlight both (tests check that every
/// snippet is found).
pub const GO_LINES: &[(&str, &str)] = &[
    ("rt.chan::<String>(\"res\", 0)", "res := make(chan string)"),
    ("rt.go(\"worker\"", "go func(out chan<- string) {"),
    ("worker_rt.sleep(", "time.Sleep(delay)"),
    ("tx.send(", "out <- fmt.Sprintf"),
    ("res.recv()", "fmt.Println(<-res)"),
    ("rt.output(answer)", "fmt.Println(<-res)"),
];

/// This file, as `#[track_caller]` names it: events carry its lines.
pub(crate) const FILE: &str = file!();

// region: run
pub async fn run(rt: Rt, p: Params) {
    let (tx, res) = rt.chan::<String>("res", 0).split();
    let worker_rt = rt.clone();
    rt.go("worker", async move {
        worker_rt.sleep(p.delay_ms).await;
        let _ = tx.send(format!("done after {} ms", p.delay_ms)).await;
    });
    if let Some(answer) = res.recv().await {
        rt.output(answer);
    }
}
// endregion
