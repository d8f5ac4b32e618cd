//! The trace: everything a run did, in order, as data.
//!
//! Every layer above `rt` works from this list alone: `view` turns it into
//! lanes, arrows, ledgers and text; the page and the CLI draw what `view`
//! returns. An [`Event`] serialises to one flat JSON object, e.g.
//! `{"t":1000,"task_id":0,"task":"main","kind":"output","text":"hi"}`.
//!
//! ```
//! use csp_playground::rt::{Event, Kind};
//! let e = Event { t: 5, task_id: 1, task: "worker".into(), line: None, kind: Kind::Output { text: "fox".into() } };
//! let json = serde_json::to_string(&e).unwrap();
//! assert_eq!(json, r#"{"t":5,"task_id":1,"task":"worker","kind":"output","text":"fox"}"#);
//! assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), e);
//! ```

use serde::{Deserialize, Serialize};

use super::time::Millis;

/// How much a run records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Level {
    /// Nothing (benchmarks).
    Off,
    /// Everything but individual polls: what the page and CLI show.
    #[default]
    Events,
    /// Also one `poll` event per poll of a task.
    Verbose,
}

/// One thing that happened, at virtual (or real) time `t`, in task `task`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Milliseconds since the run started.
    pub t: Millis,
    /// The task's number, in spawn order (`main` is 0).
    pub task_id: u32,
    /// The task's name.
    pub task: String,
    /// The line of the pattern's source file the task last called the
    /// runtime from, when it is a pattern's task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// What happened.
    #[serde(flatten)]
    pub kind: Kind,
}

/// What happened. The JSON `kind` field is the kebab-case variant name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Kind {
    /// This task started a new task.
    Spawn { child: u32, name: String },
    /// The executor polled this task (only at [`Level::Verbose`]).
    Poll,
    /// This task blocked; `on` says on what ("recv results", "lock cache").
    Park { on: String },
    /// Another task (`by`) made this parked task runnable again.
    Wake { by: String },
    /// A channel was made (`make(chan T, cap)`).
    Make { chan: String, chan_id: u32, cap: usize },
    /// A value entered channel `chan` (its buffer, or a receiver's hands).
    Send {
        chan: String,
        chan_id: u32,
        msg: u64,
        value: String,
    },
    /// A value left channel `chan`; `msg` pairs it with its `send`.
    Recv {
        chan: String,
        chan_id: u32,
        msg: u64,
        value: String,
    },
    /// A receive found the channel closed and drained.
    RecvClosed { chan: String, chan_id: u32 },
    /// The channel was closed.
    Close { chan: String, chan_id: u32 },
    /// A `select` took this arm.
    Select { arm: String },
    /// A timer was set to fire at `at`.
    TimerSet { at: Millis },
    /// A timer this task set fired.
    TimerFired { at: Millis },
    /// A context was cancelled; `reason` is its error.
    Cancel { ctx: String, reason: String },
    /// This task took the lock.
    Lock { lock: String },
    /// This task released the lock.
    Unlock { lock: String },
    /// A WaitGroup counter changed by `delta` to `count`.
    WgAdd { wg: String, delta: i64, count: i64 },
    /// A line the pattern printed: what the Go program writes to stdout.
    Output { text: String },
    /// A remark from the pattern that is not output (a log line, a state).
    Note { text: String },
    /// A piece of the pattern's observable state changed (a token, a
    /// ledger entry): what `view` draws beyond tasks and channels.
    State { key: String, value: String },
    /// Something went wrong that Go would report (a panic, a bad close).
    Error { message: String },
    /// The task returned.
    End,
    /// The task was dropped before it returned (its run ended or was cancelled).
    Killed { reason: String },
}

impl Kind {
    /// The kebab-case name used in JSON and text output.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Spawn { .. } => "spawn",
            Kind::Poll => "poll",
            Kind::Park { .. } => "park",
            Kind::Wake { .. } => "wake",
            Kind::Make { .. } => "make",
            Kind::Send { .. } => "send",
            Kind::Recv { .. } => "recv",
            Kind::RecvClosed { .. } => "recv-closed",
            Kind::Close { .. } => "close",
            Kind::Select { .. } => "select",
            Kind::TimerSet { .. } => "timer-set",
            Kind::TimerFired { .. } => "timer-fired",
            Kind::Cancel { .. } => "cancel",
            Kind::Lock { .. } => "lock",
            Kind::Unlock { .. } => "unlock",
            Kind::WgAdd { .. } => "wg-add",
            Kind::Output { .. } => "output",
            Kind::Note { .. } => "note",
            Kind::State { .. } => "state",
            Kind::Error { .. } => "error",
            Kind::End => "end",
            Kind::Killed { .. } => "killed",
        }
    }
}

impl std::fmt::Display for Kind {
    /// A short human sentence, as the event log shows it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Kind::Spawn { name, .. } => write!(f, "go {name}"),
            Kind::Poll => write!(f, "poll"),
            Kind::Park { on } => write!(f, "blocked: {on}"),
            Kind::Wake { by } => write!(f, "woken by {by}"),
            Kind::Make { chan, cap, .. } => write!(f, "{chan} := make(chan, {cap})"),
            Kind::Send { chan, value, .. } => write!(f, "{chan} <- {value}"),
            Kind::Recv { chan, value, .. } => write!(f, "{value} = <-{chan}"),
            Kind::RecvClosed { chan, .. } => write!(f, "<-{chan}: closed"),
            Kind::Close { chan, .. } => write!(f, "close({chan})"),
            Kind::Select { arm } => write!(f, "select: {arm}"),
            Kind::TimerSet { at } => write!(f, "timer set for {at} ms"),
            Kind::TimerFired { at } => write!(f, "timer for {at} ms fired"),
            Kind::Cancel { ctx, reason } => write!(f, "{ctx} done: {reason}"),
            Kind::Lock { lock } => write!(f, "lock {lock}"),
            Kind::Unlock { lock } => write!(f, "unlock {lock}"),
            Kind::WgAdd { wg, delta, count } => write!(f, "{wg}.Add({delta}) = {count}"),
            Kind::Output { text } => write!(f, "print {text:?}"),
            Kind::Note { text } => write!(f, "{text}"),
            Kind::State { key, value } => write!(f, "{key} = {value}"),
            Kind::Error { message } => write!(f, "error: {message}"),
            Kind::End => write!(f, "return"),
            Kind::Killed { reason } => write!(f, "killed: {reason}"),
        }
    }
}
