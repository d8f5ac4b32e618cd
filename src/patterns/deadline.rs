//! `deadline`: give up on work that takes too long.
//!
//! The caller forks the background context with a deadline `deadline_ms` in
//! the future and starts one worker per entry of `work_ms`. Each worker
//! waits for its work or for `ctx.Done()`, whichever comes first: the quick
//! ones print their result, the slow ones see `Done` at exactly the deadline,
//! clean up and return. The caller waits on `Done` too and reports
//! `ctx.Err()`, "context deadline exceeded".
//!
//! Go to Rust: `context.WithDeadline` is
//! [`Context::with_deadline`](crate::rt::Context::with_deadline); `select`
//! over `<-time.After(work)` and `<-ctx.Done()` is a two-arm
//! [`Select`](crate::rt::Select).

use serde::{Deserialize, Serialize};

use super::{Check, ParamSpec};
use crate::rt::{Fact, JobStatus, Rt};

/// The parameters.
pub const SPECS: &[ParamSpec] = &[
    ParamSpec {
        name: "deadline_ms",
        label: "Deadline (ms)",
        default: "1000",
        check: Check::Int { min: 1, max: 60_000 },
        help: "When the context's deadline falls.",
    },
    ParamSpec {
        name: "work_ms",
        label: "Work (ms)",
        default: "500,1500,800,2000",
        check: Check::List {
            min: 0,
            max: 60_000,
            min_len: 1,
            max_len: 20,
        },
        help: "One worker per entry: how long each one's work takes.",
    },
];

/// Typed parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params {
    pub deadline_ms: u64,
    pub work_ms: Vec<u64>,
}

impl From<&super::Params> for Params {
    fn from(p: &super::Params) -> Params {
        Params {
            deadline_ms: p.int("deadline_ms"),
            work_ms: p.list("work_ms"),
        }
    }
}

/// Which line of the article's Go does what a line of the Rust does: a
/// snippet of each, so the page can highlight both (tests check that every
/// snippet is found).
pub const GO_LINES: &[(&str, &str)] = &[
    ("with_deadline(\"ctx\"", "context.WithDeadline"),
    ("rt.wait_group(\"wg\")", "var wg sync.WaitGroup"),
    ("wg.add(1)", "wg.Add(1)"),
    (
        "rt.go(format!(\"worker-{id}\")",
        "go func(id int, work time.Duration) {",
    ),
    (".future(rt2.sleep(work)", "case <-time.After(work):"),
    (".future(ctx.done()", "case <-ctx.Done():"),
    ("finished after", "finished after"),
    ("cleaning up", "cleaning up"),
    ("wg.done()", "defer wg.Done()"),
    ("ctx.done().await", "<-ctx.Done()"),
    ("wg.wait().await", "wg.Wait()"),
    ("main: {err}", "fmt.Println(\"main:\", ctx.Err())"),
];

/// This file, as `#[track_caller]` names it: events carry its lines.
pub(crate) const FILE: &str = file!();

// region: run
pub async fn run(rt: Rt, p: Params) {
    let ctx = rt.background().with_deadline("ctx", rt.now() + p.deadline_ms);
    rt.fact(Fact::Deadline {
        at: rt.now() + p.deadline_ms,
    });
    let wg = rt.wait_group("wg");
    for (id, work) in p.work_ms.iter().copied().enumerate() {
        let (rt2, ctx, wg) = (rt.clone(), ctx.clone(), wg.clone());
        let _ = wg.add(1);
        let job = move |status| Fact::Job {
            worker: format!("worker-{id}"),
            work_ms: work,
            status,
        };
        rt.fact(job(JobStatus::Working));
        rt.go(format!("worker-{id}"), async move {
            let finished = rt2
                .select()
                .future(rt2.sleep(work), |()| true)
                .future(ctx.done(), |()| false)
                .await;
            if finished {
                rt2.output(format!("worker {id}: finished after {work} ms"));
                rt2.fact(job(JobStatus::Finished));
            } else {
                let err = ctx.err().map(|e| e.to_string()).unwrap_or_default();
                rt2.output(format!("worker {id}: cleaning up: {err}"));
                rt2.fact(job(JobStatus::Cancelled));
            }
            wg.done();
        });
    }
    ctx.done().await;
    wg.wait().await;
    if let Some(err) = ctx.err() {
        rt.output(format!("main: {err}"));
    }
}
// endregion
