//! The trace: everything a run did, in order, as typed data.
//!
//! Every layer above `rt` works from this list alone: `view` turns it into
//! lanes, arrows, ledgers and text; the page and the CLI draw what `view`
//! returns. What a task blocks on ([`Wait`], [`Op`]), how its outputs are
//! labelled ([`Label`]), the pattern state a view draws ([`Fact`]) and the
//! source position that did it ([`Pos`]) are fields, so no reader of the
//! trace ever parses a label, a task name or a type name.
//!
//! An [`Event`] serialises to one flat JSON object, e.g.
//! `{"t":1000,"task_id":0,"task":"main","kind":"output","text":"hi"}`:
//!
//! ```
//! use csp_playground::rt::{Event, Kind};
//! let e = Event { t: 5, task_id: Some(1), task: "worker".into(), pos: None, kind: Kind::Output { text: "fox".into(), label: None, stderr: false } };
//! let json = serde_json::to_string(&e).unwrap();
//! assert_eq!(json, r#"{"t":5,"task_id":1,"task":"worker","kind":"output","text":"fox"}"#);
//! assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), e);
//! ```
//!
//! Its `Display` reads as Go would say it, which is what the event log and
//! the CLI's `log` format show:
//!
//! ```
//! use csp_playground::rt::{Kind, Op, Wait};
//! let park = Kind::Park {
//!     wait: Wait::Select(vec![Op::Done { ctx: "ctx".into() }, Op::After { ms: 800, until: 800 }]),
//! };
//! assert_eq!(park.to_string(), "blocked in select: <-ctx.Done() | <-time.After(800ms)");
//! ```

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::time::Millis;
use crate::dense::{chunk_get, chunk_iter_from, chunk_partition_point, Chunked};

/// A name the trace repeats in many events: a task's, a channel's, a
/// lock's, a context's, or a value as it was shown. It is shared, so a run of
/// a million events holds each name once, and copying an event copies no
/// text.
pub type Name = Rc<str>;

/// How much a run records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Level {
    /// Nothing (benchmarks).
    Off,
    /// Only the lines the program printed: what comparing output orders
    /// over many seeds needs, at a fraction of a full trace's time and
    /// memory.
    Outputs,
    /// Everything but individual polls: what the page and CLI show.
    #[default]
    Events,
    /// Also one `poll` event per poll of a task.
    Verbose,
}

/// One thing that happened, at virtual (or real) time `t`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Milliseconds since the run started.
    pub t: Millis,
    /// The task's number, in spawn order (`main` is 0); `None` when the
    /// runtime or the reader did it (see [`Event::actor`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<u32>,
    /// Who did it, as the page shows it: the task's name, `runtime` or `you`.
    /// Shared with the task and every other event it records, so a run of
    /// a million events does not hold a million copies of a few names.
    pub task: Rc<str>,
    /// The source position the task last called the runtime from, in the
    /// program the run shows (the pattern's Rust, or the reader's Go).
    #[serde(default, flatten, skip_serializing_if = "Option::is_none")]
    pub pos: Option<Pos>,
    /// What happened.
    #[serde(flatten)]
    pub kind: Kind,
}

/// Who did something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// A task of the run, by number.
    Task(u32),
    /// The runtime itself: a timer, the deadlock detector.
    Runtime,
    /// The reader, from outside the run (an injected fault).
    Reader,
}

impl Event {
    /// Who did it.
    pub fn actor(&self) -> Actor {
        match (self.task_id, &self.kind) {
            (Some(id), _) => Actor::Task(id),
            (None, Kind::Inject { .. }) => Actor::Reader,
            (None, _) => Actor::Runtime,
        }
    }
}

/// A line and column (both from 1) in the program a run shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// One operation a task can block on: a channel operation, a timer, a
/// context, a lock or a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Op {
    /// `<-ch`.
    Recv { chan: Name, chan_id: u32 },
    /// `ch <- v`.
    Send { chan: Name, chan_id: u32 },
    /// `time.Sleep(d)`: `ms` long, ending at `until`.
    Sleep { ms: Millis, until: Millis },
    /// `<-time.After(d)` as a `select` arm.
    After { ms: Millis, until: Millis },
    /// `<-ctx.Done()`.
    Done { ctx: Name },
    /// `mu.Lock()`.
    Lock { mutex: Name },
    /// `wg.Wait()`.
    Wait { wg: Name },
    /// Any other future, as its maker named it.
    Future { label: Name },
}

impl Op {
    /// The timer this operation waits for, if it is one.
    pub fn timer_until(&self) -> Option<Millis> {
        match self {
            Op::Sleep { until, .. } | Op::After { until, .. } => Some(*until),
            _ => None,
        }
    }

    /// The channel this operation sends to or receives from.
    pub fn chan_id(&self) -> Option<u32> {
        match self {
            Op::Recv { chan_id, .. } | Op::Send { chan_id, .. } => Some(*chan_id),
            _ => None,
        }
    }

    /// What Go's goroutine dump says a goroutine blocked here is doing.
    pub fn go_status(&self) -> &'static str {
        match self {
            Op::Recv { .. } | Op::Done { .. } => "chan receive",
            Op::Send { .. } => "chan send",
            Op::Sleep { .. } | Op::After { .. } => "sleep",
            Op::Lock { .. } => "sync.Mutex.Lock",
            Op::Wait { .. } => "sync.WaitGroup.Wait",
            Op::Future { .. } => "select",
        }
    }
}

impl fmt::Display for Op {
    /// Go syntax: `<-res`, `res <- v`, `<-time.After(800ms)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Op::Recv { chan, .. } => write!(f, "<-{chan}"),
            Op::Send { chan, .. } => write!(f, "{chan} <- v"),
            Op::Sleep { ms, .. } => write!(f, "time.Sleep({})", GoDuration(*ms)),
            Op::After { ms, .. } => write!(f, "<-time.After({})", GoDuration(*ms)),
            Op::Done { ctx } => write!(f, "<-{ctx}.Done()"),
            Op::Lock { mutex } => write!(f, "{mutex}.Lock()"),
            Op::Wait { wg } => write!(f, "{wg}.Wait()"),
            Op::Future { label } => write!(f, "{label}"),
        }
    }
}

/// What a parked task waits for: one operation, or a `select` of several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Wait {
    Op(Op),
    /// A `select` with these arms (it has no `default`, or it would not block).
    Select(Vec<Op>),
}

impl Wait {
    /// Every operation waited on.
    pub fn ops(&self) -> &[Op] {
        match self {
            Wait::Op(op) => std::slice::from_ref(op),
            Wait::Select(arms) => arms,
        }
    }

    /// What Go's goroutine dump says.
    pub fn go_status(&self) -> &'static str {
        match self {
            Wait::Op(op) => op.go_status(),
            Wait::Select(_) => "select",
        }
    }
}

impl fmt::Display for Wait {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Wait::Op(op) => write!(f, "{op}"),
            Wait::Select(arms) => {
                write!(f, "select: ")?;
                for (i, arm) in arms.iter().enumerate() {
                    if i > 0 {
                        write!(f, " | ")?;
                    }
                    write!(f, "{arm}")?;
                }
                Ok(())
            }
        }
    }
}

/// How a task's outputs are labelled, given by the pattern when it starts
/// the task: the third word of the text is `Label { noun: "word", n: 2 }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub noun: String,
    /// Counted from 0.
    pub n: u64,
}

impl Label {
    /// The `n`th (from 0) of its `noun`.
    pub fn new(noun: &str, n: u64) -> Label {
        Label {
            noun: noun.to_string(),
            n,
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} #{}", self.noun, self.n + 1)
    }
}

/// How a worker fared (the deadline ledger, the words that `done` stopped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JobStatus {
    /// Still working.
    Working,
    /// Finished its work.
    Finished,
    /// Saw cancellation (`Done`, a done channel) and stopped.
    Cancelled,
}

/// The token refresher's state word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefreshState {
    Fresh,
    Refreshing,
    Failed,
    Stopped,
}

impl fmt::Display for RefreshState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RefreshState::Fresh => "fresh",
            RefreshState::Refreshing => "refreshing",
            RefreshState::Failed => "failed",
            RefreshState::Stopped => "stopped",
        })
    }
}

/// A piece of a pattern's observable state that a view draws beyond tasks
/// and channels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fact {
    /// A deadline `at` ms into the run (the deadline ledger's line).
    Deadline { at: Millis },
    /// Worker `worker`, with `work_ms` of work to do, is now `status`.
    Job {
        worker: String,
        work_ms: Millis,
        status: JobStatus,
    },
    /// The refresher's state word.
    Refresh { state: RefreshState },
    /// The cached token and when it expires.
    Token { token: String, expires: Millis },
    /// Refreshes that succeeded so far.
    Refreshes { count: u64 },
    /// Refreshes that failed in a row (0 after a success).
    Failures { in_row: u64 },
}

impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fact::Deadline { at } => write!(f, "deadline at {at} ms"),
            Fact::Job {
                worker,
                work_ms,
                status,
            } => {
                let status = match status {
                    JobStatus::Working => "working",
                    JobStatus::Finished => "finished",
                    JobStatus::Cancelled => "cancelled",
                };
                write!(f, "{worker} ({}): {status}", GoDuration(*work_ms))
            }
            Fact::Refresh { state } => write!(f, "refresher {state}"),
            Fact::Token { token, expires } => write!(f, "token = {token}, expires at {expires} ms"),
            Fact::Refreshes { count } => write!(f, "refreshes = {count}"),
            Fact::Failures { in_row } => write!(f, "failures in a row = {in_row}"),
        }
    }
}

/// One task blocked when a deadlock was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blocked {
    pub task_id: u32,
    pub task: String,
    /// What it waits for (`None`: it never said).
    pub wait: Option<Wait>,
}

impl fmt::Display for Blocked {
    /// `goroutine 1 [chan receive]: main: <-res`, as Go's dump heads each
    /// goroutine (Go numbers them from 1, with main first).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = self.wait.as_ref().map_or("waiting", Wait::go_status);
        write!(
            f,
            "goroutine {} [{status}]: {}",
            u64::from(self.task_id) + 1,
            self.task
        )?;
        if let Some(wait) = &self.wait {
            write!(f, ": {wait}")?;
        }
        Ok(())
    }
}

/// What happened. The JSON `kind` field is the kebab-case variant name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Kind {
    /// This task started a new task, whose outputs carry `label`.
    Spawn {
        child: u32,
        name: Name,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<Label>,
    },
    /// The executor polled this task (only at [`Level::Verbose`]).
    Poll,
    /// This task blocked.
    Park { wait: Wait },
    /// Another task (`by`) made this parked task runnable again.
    Wake { by: Name },
    /// A channel was made (`make(chan T, cap)`).
    Make { chan: Name, chan_id: u32, cap: usize },
    /// A value entered channel `chan` (its buffer, or a receiver's hands).
    Send {
        chan: Name,
        chan_id: u32,
        msg: u64,
        value: Name,
    },
    /// A value left channel `chan`; `msg` pairs it with its `send`.
    Recv {
        chan: Name,
        chan_id: u32,
        msg: u64,
        value: Name,
    },
    /// A receive found the channel closed and drained.
    RecvClosed { chan: Name, chan_id: u32 },
    /// The channel was closed.
    Close { chan: Name, chan_id: u32 },
    /// Nothing refers to the channel any more: no task can use it again.
    ChanDropped { chan: Name, chan_id: u32 },
    /// A `select` took this arm (`None`: its `default`).
    Select {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        arm: Option<Op>,
    },
    /// A context's deadline timer was set to fire at `at`.
    TimerSet { at: Millis },
    /// A timer this task waits for fired.
    TimerFired { at: Millis },
    /// A context was cancelled; `reason` is its error.
    Cancel { ctx: Name, reason: Name },
    /// This task took the lock.
    Lock { lock: Name },
    /// This task released the lock.
    Unlock { lock: Name },
    /// A WaitGroup counter changed by `delta` to `count`.
    WgAdd { wg: Name, delta: i64, count: i64 },
    /// A line the program printed: what the Go program writes to stdout;
    /// `label` when the pattern names the line's origin itself.
    Output {
        text: Name,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<Label>,
        /// Written to standard error (Go's `println`, `log`, `os.Stderr`),
        /// which the page shows among the output, as the Go Playground does.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        stderr: bool,
    },
    /// A remark from the pattern that is not output (a log line).
    Note { text: String },
    /// The reader injected a fault from outside the run.
    Inject { fault: String },
    /// A piece of the pattern's observable state changed.
    State { fact: Fact },
    /// Something went wrong that Go would report (a panic, a bad close).
    Error { message: String },
    /// Every remaining task is blocked and no timer will wake one: Go's
    /// `fatal error: all goroutines are asleep - deadlock!`.
    Deadlock { blocked: Vec<Blocked> },
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
            Kind::ChanDropped { .. } => "chan-dropped",
            Kind::Select { .. } => "select",
            Kind::TimerSet { .. } => "timer-set",
            Kind::TimerFired { .. } => "timer-fired",
            Kind::Cancel { .. } => "cancel",
            Kind::Lock { .. } => "lock",
            Kind::Unlock { .. } => "unlock",
            Kind::WgAdd { .. } => "wg-add",
            Kind::Output { .. } => "output",
            Kind::Note { .. } => "note",
            Kind::Inject { .. } => "inject",
            Kind::State { .. } => "state",
            Kind::Error { .. } => "error",
            Kind::Deadlock { .. } => "deadlock",
            Kind::End => "end",
            Kind::Killed { .. } => "killed",
        }
    }
}

/// Go's first line for a deadlock.
pub const DEADLOCK: &str = "fatal error: all goroutines are asleep - deadlock!";

impl fmt::Display for Kind {
    /// A short sentence in Go's words, as the event log shows it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::Spawn { name, .. } => write!(f, "go {name}"),
            Kind::Poll => write!(f, "poll"),
            Kind::Park {
                wait: wait @ Wait::Select(_),
            } => write!(f, "blocked in {wait}"),
            Kind::Park { wait } => write!(f, "blocked on {wait}"),
            Kind::Wake { by } => write!(f, "woken by {by}"),
            Kind::Make { chan, cap, .. } => write!(f, "{chan} := make(chan, {cap})"),
            Kind::Send { chan, value, .. } => write!(f, "{chan} <- {value}"),
            Kind::Recv { chan, value, .. } => write!(f, "{value} = <-{chan}"),
            Kind::RecvClosed { chan, .. } => write!(f, "<-{chan}: closed"),
            Kind::Close { chan, .. } => write!(f, "close({chan})"),
            Kind::ChanDropped { chan, .. } => write!(f, "{chan} dropped: nothing refers to it"),
            Kind::Select { arm: Some(arm) } => write!(f, "select took case {arm}"),
            Kind::Select { arm: None } => write!(f, "select took default"),
            Kind::TimerSet { at } => write!(f, "deadline timer set for {at} ms"),
            Kind::TimerFired { at } => write!(f, "timer for {at} ms fired"),
            Kind::Cancel { ctx, reason } => write!(f, "{ctx} done: {reason}"),
            Kind::Lock { lock } => write!(f, "{lock}.Lock()"),
            Kind::Unlock { lock } => write!(f, "{lock}.Unlock()"),
            Kind::WgAdd { wg, delta: -1, count } => write!(f, "{wg}.Done(), counter {count}"),
            Kind::WgAdd { wg, delta, count } => write!(f, "{wg}.Add({delta}), counter {count}"),
            Kind::Output {
                text, stderr: true, ..
            } => write!(f, "print {text:?} to stderr"),
            Kind::Output { text, .. } => write!(f, "print {text:?}"),
            Kind::Note { text } => write!(f, "{text}"),
            Kind::Inject { fault } => write!(f, "injected: {fault}"),
            Kind::State { fact } => write!(f, "{fact}"),
            Kind::Error { message } => write!(f, "{message}"),
            Kind::Deadlock { blocked } => {
                // One line, as the log has one row per event; the run's
                // error message spreads the same over lines as Go does.
                write!(f, "{DEADLOCK}")?;
                for (i, b) in blocked.iter().enumerate() {
                    write!(f, "{} {b}", if i == 0 { "" } else { ";" })?;
                }
                Ok(())
            }
            Kind::End => write!(f, "return"),
            Kind::Killed { reason } => write!(f, "killed: {reason}"),
        }
    }
}

/// A duration of whole milliseconds as Go's `time.Duration` prints it:
/// `0s`, `800ms`, `1s`, `1.5s`, `2m3s`, `1h0m0s`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoDuration(pub Millis);

impl fmt::Display for GoDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = self.0;
        if ms == 0 {
            return write!(f, "0s");
        }
        if ms < 1000 {
            return write!(f, "{ms}ms");
        }
        let (h, m) = (ms / 3_600_000, ms / 60_000 % 60);
        if h > 0 {
            write!(f, "{h}h{m}m")?;
        } else if m > 0 {
            write!(f, "{m}m")?;
        }
        let (s, frac) = (ms / 1000 % 60, ms % 1000);
        if frac == 0 {
            write!(f, "{s}s")
        } else {
            let frac = format!("{frac:03}");
            write!(f, "{s}.{}s", frac.trim_end_matches('0'))
        }
    }
}

/// The trace of one run as it grows: append-only, shared between the run
/// that writes it and the readers that draw it, so a reader never copies
/// it. Only rt appends; readers take a [`Trace`], a prefix of it.
///
/// It is a [`Chunked`] list, whose chunks never move: a run of a million
/// events never copies its trace to grow it (which would stall the page
/// for the copy, and hold the old and the new copy at once), and holds at
/// most one chunk more than it uses.
#[derive(Clone, Default)]
pub struct TraceLog {
    events: Rc<RefCell<Chunked<Event>>>,
}

impl fmt::Debug for TraceLog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TraceLog").field("len", &self.len()).finish()
    }
}

impl TraceLog {
    /// Events recorded so far.
    pub fn len(&self) -> usize {
        self.events.borrow().len()
    }

    /// Whether nothing is recorded yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The whole log as it stands now.
    pub fn snapshot(&self) -> Trace {
        Trace {
            log: self.clone(),
            len: self.len(),
        }
    }

    // Recording never panics, even from a destructor that runs while a
    // reader borrows the log: a panic would abort the page. Readers borrow
    // only inside `Trace::with`, which never runs the executor.
    pub(crate) fn push(&self, event: Event) {
        if let Ok(mut events) = self.events.try_borrow_mut() {
            events.push(event);
        }
    }
}

/// The events of a [`Trace`], in order, as [`Trace::with`] lends them: read
/// like a slice (`len`, `[i]`, `iter`, `partition_point`), held in chunks.
#[derive(Clone, Copy)]
pub struct Events<'a> {
    chunks: &'a [Vec<Event>],
    len: usize,
}

impl fmt::Debug for Events<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> Events<'a> {
    /// How many events.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The `i`th event (from 0).
    pub fn get(&self, i: usize) -> Option<&'a Event> {
        chunk_get(self.chunks, self.len, i)
    }

    /// The last event.
    pub fn last(&self) -> Option<&'a Event> {
        self.len.checked_sub(1).and_then(|i| self.get(i))
    }

    /// Every event, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'a Event> + 'a {
        self.iter_from(0)
    }

    /// The events from the `from`th on (none if there are fewer).
    pub fn iter_from(&self, from: usize) -> impl Iterator<Item = &'a Event> + 'a {
        chunk_iter_from(self.chunks, self.len, from)
    }

    /// The index of the first event for which `pred` is false, given that
    /// it holds for a prefix of the events and not after (as
    /// `slice::partition_point`).
    pub fn partition_point(&self, pred: impl FnMut(&Event) -> bool) -> usize {
        chunk_partition_point(self.chunks, self.len, pred)
    }

    /// The events, copied.
    pub fn to_vec(&self) -> Vec<Event> {
        self.iter().cloned().collect()
    }
}

impl std::ops::Index<usize> for Events<'_> {
    type Output = Event;

    fn index(&self, i: usize) -> &Event {
        match self.get(i) {
            Some(e) => e,
            None => panic!("event {i} of {}", self.len),
        }
    }
}

impl<'a> IntoIterator for Events<'a> {
    type Item = &'a Event;
    type IntoIter = Box<dyn Iterator<Item = &'a Event> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// The first `len` events of a [`TraceLog`]: what a reader has seen. Cheap
/// to clone; two are equal when they are the same prefix of the same log,
/// which is what lets a view skip work when nothing new arrived.
///
/// ```
/// use csp_playground::rt::Run;
/// let run = Run::new_virtual(1);
/// let rt = run.rt();
/// run.start(async move { rt.output("hi") });
/// let before = run.log().snapshot();
/// run.run_to_end();
/// let after = run.log().snapshot();
/// assert!(before.is_empty() && after.len() == 2 && before != after);
/// assert_eq!(after.with(|events| events[0].kind.name()), "output");
/// ```
#[derive(Clone, Default)]
pub struct Trace {
    log: TraceLog,
    len: usize,
}

impl fmt::Debug for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Trace").field("len", &self.len).finish()
    }
}

impl PartialEq for Trace {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && Rc::ptr_eq(&self.log.events, &other.log.events)
    }
}

impl Trace {
    /// Events in this prefix.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the prefix is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Calls `f` with the events of this prefix. Do not run the executor
    /// inside `f`.
    pub fn with<R>(&self, f: impl FnOnce(Events<'_>) -> R) -> R {
        let events = self.log.events.borrow();
        f(Events {
            chunks: events.chunks(),
            len: self.len.min(events.len()),
        })
    }

    /// Whether `other` is a longer (or equal) prefix of the same log: a
    /// reader that has folded `self` can fold on from there.
    pub fn is_prefix_of(&self, other: &Trace) -> bool {
        Rc::ptr_eq(&self.log.events, &other.log.events) && self.len <= other.len
    }

    /// This prefix cut to its first `len` events.
    pub fn prefix(&self, len: usize) -> Trace {
        Trace {
            log: self.log.clone(),
            len: len.min(self.len),
        }
    }

    /// The last event's time (0 when empty).
    pub fn end_time(&self) -> Millis {
        self.with(|events| events.last().map_or(0, |e| e.t))
    }
}
