//! `words`: one goroutine per word, a small buffer, and a done channel.
//!
//! Every word of `text` gets its own task, which works for a seed-chosen
//! time up to `work_ms` and then sends its word on `res`. The caller prints
//! what arrives: the order is the order the work finished in, not the order
//! of the text. With `capture=shared` every task reads one shared loop
//! variable after the loop has finished, so every task sends the last word:
//! the loop-variable gotcha of Go before 1.22. With `stop_after=k` the
//! caller closes `done` after `k` words, and every task still working or
//! blocked on its send stops through it.
//!
//! Go to Rust: the shared loop variable is an `Rc<RefCell<String>>` the loop
//! overwrites; `word := word` (the fix) is a clone per task. Each task's
//! `select { case res <- word: case <-done: }` is a two-arm
//! [`Select`](crate::rt::Select). The caller waits for every task before it
//! returns, so nothing is left running.

use std::cell::RefCell;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{Check, ParamSpec};
use crate::rt::{Fact, JobStatus, Label, Rt};

/// The parameters.
pub const SPECS: &[ParamSpec] = &[
    ParamSpec {
        name: "text",
        label: "Text",
        default: "the quick brown fox jumped over the lazy dog",
        check: Check::Text { max_len: 200 },
        help: "The words; each gets its own goroutine.",
    },
    ParamSpec {
        name: "buffer",
        label: "Buffer",
        default: "2",
        check: Check::Int { min: 0, max: 100 },
        help: "The capacity of the results channel.",
    },
    ParamSpec {
        name: "work_ms",
        label: "Work (ms)",
        default: "100",
        check: Check::Int { min: 0, max: 10_000 },
        help: "Each goroutine works for a seed-chosen time up to this.",
    },
    ParamSpec {
        name: "capture",
        label: "Capture",
        default: "copy",
        check: Check::OneOf(&["copy", "shared"]),
        help:
            "copy: each goroutine gets its word (the fix); shared: all read the loop variable (the gotcha).",
    },
    ParamSpec {
        name: "stop_after",
        label: "Stop after",
        default: "0",
        check: Check::Int { min: 0, max: 100 },
        help: "0: read every word; k: close the done channel after k words.",
    },
];

/// How the tasks see the loop variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Capture {
    /// Each task gets its own copy (`word := word`).
    Copy,
    /// Every task shares the loop variable.
    Shared,
}

/// Typed parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params {
    pub text: String,
    pub buffer: u64,
    pub work_ms: u64,
    pub capture: Capture,
    pub stop_after: u64,
}

impl From<&super::Params> for Params {
    fn from(p: &super::Params) -> Params {
        Params {
            text: p.text("text"),
            buffer: p.int("buffer"),
            work_ms: p.int("work_ms"),
            capture: if p.text("capture") == "shared" {
                Capture::Shared
            } else {
                Capture::Copy
            },
            stop_after: p.int("stop_after"),
        }
    }
}

/// Which line of the article's Go does what a line of the Rust does: a
/// snippet of each, so the page can highlight both (tests check that every
/// snippet is found).
pub const GO_LINES: &[(&str, &str)] = &[
    ("rt.chan::<String>(\"res\"", "res := make(chan string, 2)"),
    ("rt.chan::<()>(\"done\"", "done := make(chan struct{})"),
    ("rt.wait_group(\"wg\")", "var wg sync.WaitGroup"),
    ("Capture::Copy => Some(word.clone())", "word := word"),
    ("wg.add(1)", "wg.Add(1)"),
    ("rt.go_labelled(format!(\"word-{i}\")", "go func() {"),
    (".future(rt2.sleep(work)", "case <-time.After(work):"),
    (".send(&res, word", "case res <- word:"),
    (".recv(&done", "case <-done:"),
    ("wg.done()", "defer wg.Done()"),
    ("res.recv()", "fmt.Println(<-res)"),
    ("rt.output(word)", "fmt.Println(<-res)"),
    ("done.close()", "close(done)"),
    ("wg.wait().await", "wg.Wait()"),
];

/// This file, as `#[track_caller]` names it: events carry its lines.
pub(crate) const FILE: &str = file!();

// region: run
pub async fn run(rt: Rt, p: Params) {
    let words: Vec<String> = p.text.split_whitespace().map(String::from).collect();
    let res = rt.chan::<String>("res", p.buffer as usize);
    let done = rt.chan::<()>("done", 0);
    let wg = rt.wait_group("wg");
    // The loop variable: one cell the loop overwrites, as in Go before 1.22.
    let loop_var = Rc::new(RefCell::new(String::new()));
    for (i, word) in words.iter().enumerate() {
        *loop_var.borrow_mut() = word.clone();
        let mine = match p.capture {
            Capture::Copy => Some(word.clone()), // word := word
            Capture::Shared => None,
        };
        let shared = loop_var.clone();
        let work = rt.rand_below(p.work_ms + 1);
        let (rt2, res, done, wg) = (rt.clone(), res.clone(), done.clone(), wg.clone());
        let _ = wg.add(1);
        let label = Label::new("word", i as u64);
        rt.go_labelled(format!("word-{i}"), label, async move {
            let stopped = rt2
                .select()
                .future(rt2.sleep(work), |()| false)
                .recv(&done, |_| true)
                .await;
            // Read the word only now, after the work: a shared variable
            // holds whatever the loop left in it.
            let word = mine.unwrap_or_else(|| shared.borrow().clone());
            let status = if stopped {
                JobStatus::Cancelled
            } else {
                rt2.select()
                    .send(&res, word, |_| JobStatus::Finished)
                    .recv(&done, |_| JobStatus::Cancelled)
                    .await
            };
            rt2.fact(Fact::Job {
                worker: format!("word-{i}"),
                work_ms: work,
                status,
            });
            wg.done();
        });
    }
    let wanted = match p.stop_after {
        0 => words.len(),
        k => words.len().min(k as usize),
    };
    for _ in 0..wanted {
        if let Some(word) = res.recv().await {
            rt.output(word);
        }
    }
    // Stop whoever is still working or blocked, then wait for them all.
    let _ = done.close();
    wg.wait().await;
}
// endregion
