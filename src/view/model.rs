//! The views' state, folded one event at a time: what each view needs at
//! the end of a prefix of the trace. A reader that has folded `n` events
//! folds only the new ones after the next slice, so the page's work per
//! slice is proportional to the slice, not to the run so far; and the pure
//! functions of `view` (`lanes`, `channels_at`, ...) are this same fold run
//! over a whole trace, so there is one piece of code for both.
//!
//! ```
//! use csp_playground::patterns::{self, Params, PatternId};
//! use csp_playground::rt::Run;
//! use csp_playground::view::Model;
//!
//! let run = Run::new_virtual(1);
//! patterns::start(&run, &Params::defaults(PatternId::SpawnWait));
//! let mut model = Model::default();
//! while !matches!(run.step(), csp_playground::rt::Step::Ended(_)) {
//!     let trace = run.log().snapshot();
//!     trace.with(|events| model.extend(events.iter_from(model.len())));
//! }
//! let whole = Model::of(&run.trace());
//! assert_eq!(model.lanes(), whole.lanes());
//! assert_eq!(model.outputs().len(), 1);
//! ```

use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use super::channels::ChannelState;
use super::lanes::{Arrow, Lane, LaneEnd, OutputLine, Span, SpanKind};
use super::ledger::{Ledger, LedgerEntry, LedgerRest, Refresher};
use crate::dense::{Chunked, Dense};
use crate::rt::{Event, Events, Fact, JobStatus, Kind, Label, Millis, Name, Op, Pos, RefreshState, Wait};

/// Everything the views draw, as of the last event folded in.
#[derive(Debug, Clone, Default)]
pub struct Model {
    count: usize,
    end: Millis,
    // Lanes, and each task's open park.
    lanes: Dense<Lane>,
    open: Dense<(Millis, Wait)>,
    // Arrows: per channel, sends not yet received (oldest first).
    unreceived: Dense<VecDeque<Sent>>,
    arrows: Vec<Arrow>,
    // Outputs: labels by task, who sent what each task received last.
    labels: Dense<Label>,
    last_from: Dense<u32>,
    outputs: Chunked<OutputLine>,
    // Each task's outputs, as indices into `outputs`, and their times: the
    // timeline finds a row's marks by searching the times, which sit side
    // by side, where a search through `outputs` missed the cache on every
    // probe (a third of a million-event timeline's time).
    outputs_of: Dense<Vec<u32>>,
    output_times_of: Dense<Vec<Millis>>,
    // Errors Go would report: (task, time, message).
    errors: Vec<(u32, Millis, String)>,
    // Channels, and who is parked on what.
    chans: Dense<ChannelState>,
    parked: Dense<(Rc<str>, Wait)>,
    // The deadline ledger.
    deadline: Option<Millis>,
    jobs: Jobs,
    ctx_err: Option<String>,
    // The refresher.
    refresh: Option<RefreshState>,
    token: String,
    expires: Option<Millis>,
    refreshes: u64,
    failures: u64,
    lock_waiters: Dense<Rc<str>>,
    // The latest event with a source position: its task and position.
    latest_pos: Option<(u32, Pos)>,
}

#[derive(Debug, Clone)]
struct Sent {
    msg: u64,
    from: u32,
    t: Millis,
    value: Name,
}

/// Whether an event recorded for a task means the task itself ran (and so
/// is no longer parked): wakes, timer firings and polls are recorded for a
/// parked task by someone else or by the executor.
fn is_own_step(kind: &Kind) -> bool {
    !matches!(
        kind,
        Kind::Park { .. }
            | Kind::Wake { .. }
            | Kind::TimerFired { .. }
            | Kind::Poll
            | Kind::ChanDropped { .. }
    )
}

/// How a park ending at `end` is drawn: a wait for a timer alone is sleep,
/// and so is a select with a timer among its arms, which is mostly waiting
/// for time to pass; anything else is parked.
fn span_kind(wait: &Wait, end: Millis) -> SpanKind {
    match wait {
        Wait::Op(op) => match op.timer_until() {
            Some(until) => SpanKind::Sleeping { until },
            None => SpanKind::Parked { on: wait.clone() },
        },
        Wait::Select(arms) if arms.iter().any(|op| op.timer_until().is_some()) => {
            SpanKind::Sleeping { until: end }
        }
        Wait::Select(_) => SpanKind::Parked { on: wait.clone() },
    }
}

impl Model {
    /// The model of a whole trace (a slice, or a [`Trace`]'s
    /// [`Events`](crate::rt::Events)).
    pub fn of<'a>(trace: impl IntoIterator<Item = &'a Event>) -> Model {
        let mut model = Model::default();
        model.extend(trace);
        model
    }

    /// The model of the events of `trace` at or before `t`: every view at
    /// that instant (time travel reads the past from the trace).
    pub fn at(trace: &[Event], t: Millis) -> Model {
        let upto = trace.partition_point(|e| e.t <= t);
        let mut model = Model::of(&trace[..upto]);
        model.end = model.end.max(t);
        model
    }

    /// [`at`](Model::at), for the events a [`Trace`](crate::rt::Trace) lends.
    pub fn at_events(events: Events<'_>, t: Millis) -> Model {
        let upto = events.partition_point(|e| e.t <= t);
        let mut model = Model::of(events.iter().take(upto));
        model.end = model.end.max(t);
        model
    }

    /// Events folded in so far.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether nothing is folded in yet.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The time of the last event folded in.
    pub fn end(&self) -> Millis {
        self.end
    }

    /// Folds in `events`, which follow the ones folded so far.
    pub fn extend<'a>(&mut self, events: impl IntoIterator<Item = &'a Event>) {
        for e in events {
            self.push(e);
        }
    }

    /// Folds in one event.
    pub fn push(&mut self, e: &Event) {
        self.count += 1;
        self.end = self.end.max(e.t);
        self.channel_event(e);
        let Some(task) = e.task_id else {
            return;
        };
        if let Some(pos) = e.pos {
            self.latest_pos = Some((task, pos));
        }
        self.lane_event(task, e);
        self.message_event(task, e);
        self.fact_event(task, e);
    }

    fn lane_event(&mut self, task: u32, e: &Event) {
        if let Kind::Spawn { child, name, label } = &e.kind {
            self.lane(*child, name, e.t, e.pos);
            if let Some(label) = label {
                self.labels.insert(*child, label.clone());
            }
        }
        self.lane(task, &e.task, e.t, None);
        match &e.kind {
            Kind::Park { wait } => {
                if self.open.get(task).is_some_and(|(_, w)| w == wait) {
                    return;
                }
                self.close(task, e.t);
                self.open.insert(task, (e.t, wait.clone()));
                self.parked.insert(task, (e.task.clone(), wait.clone()));
                if let Wait::Op(Op::Lock { .. }) = wait {
                    self.lock_waiters.insert(task, e.task.clone());
                }
            }
            kind if is_own_step(kind) => {
                self.close(task, e.t);
                self.parked.remove(task);
                let end = match kind {
                    Kind::End => Some(LaneEnd::Returned(e.t)),
                    Kind::Killed { reason } => Some(LaneEnd::Killed(e.t, reason.clone())),
                    _ => None,
                };
                if let (Some(end), Some(lane)) = (end, self.lanes.get_mut(task)) {
                    lane.end = end;
                }
                if matches!(kind, Kind::Lock { .. } | Kind::End | Kind::Killed { .. }) {
                    self.lock_waiters.remove(task);
                }
            }
            _ => {}
        }
    }

    fn lane(&mut self, id: u32, name: &str, t: Millis, spawned_at: Option<Pos>) {
        self.lanes.get_or_insert_with(id, || Lane {
            task_id: id,
            spawned_at,
            name: name.to_string(),
            start: t,
            end: LaneEnd::Alive,
            spans: Vec::new(),
            blocked_ms: 0,
        });
    }

    fn close(&mut self, id: u32, t: Millis) {
        if let Some((start, wait)) = self.open.remove(id) {
            if let Some(lane) = self.lanes.get_mut(id) {
                let kind = span_kind(&wait, t);
                if let SpanKind::Parked { .. } = kind {
                    lane.blocked_ms += t - start;
                }
                lane.spans.push(Span { start, end: t, kind });
            }
        }
    }

    fn message_event(&mut self, task: u32, e: &Event) {
        match &e.kind {
            Kind::Send {
                chan_id, msg, value, ..
            } => {
                self.unreceived
                    .get_or_insert_with(*chan_id, VecDeque::new)
                    .push_back(Sent {
                        msg: *msg,
                        from: task,
                        t: e.t,
                        value: value.clone(),
                    });
            }
            Kind::Recv {
                chan, chan_id, msg, ..
            } => {
                let Some(queue) = self.unreceived.get_mut(*chan_id) else {
                    return;
                };
                // Values leave in the order they entered, so this is almost
                // always the front.
                let Some(i) = queue.iter().position(|s| s.msg == *msg) else {
                    return;
                };
                let Some(sent) = queue.remove(i) else {
                    return;
                };
                self.last_from.insert(task, sent.from);
                self.arrows.push(Arrow {
                    chan: chan.clone(),
                    msg: *msg,
                    value: sent.value,
                    from_task: sent.from,
                    from_t: sent.t,
                    to_task: task,
                    to_t: e.t,
                });
            }
            Kind::Error { message } => self.errors.push((task, e.t, message.clone())),
            Kind::Output { text, label, stderr } => {
                let origin = self.last_from.get(task).copied().unwrap_or(task);
                let label = label
                    .clone()
                    .or_else(|| self.labels.get(origin).or_else(|| self.labels.get(task)).cloned());
                self.outputs_of
                    .get_or_insert_with(task, Vec::new)
                    .push(self.outputs.len() as u32);
                self.output_times_of.get_or_insert_with(task, Vec::new).push(e.t);
                self.outputs.push(OutputLine {
                    t: e.t,
                    task_id: task,
                    task: e.task.clone(),
                    text: text.clone(),
                    label,
                    stderr: *stderr,
                });
            }
            _ => {}
        }
    }

    fn channel_event(&mut self, e: &Event) {
        match &e.kind {
            Kind::Make { chan, chan_id, cap } => {
                self.chans.insert(
                    *chan_id,
                    ChannelState {
                        name: chan.clone(),
                        cap: *cap,
                        buffered: Vec::new(),
                        closed: false,
                        senders: Vec::new(),
                        receivers: Vec::new(),
                        made_at: e.pos,
                        dropped: false,
                    },
                );
            }
            Kind::Close { chan_id, .. } => {
                if let Some(c) = self.chans.get_mut(*chan_id) {
                    c.closed = true;
                }
            }
            Kind::ChanDropped { chan_id, .. } => {
                if let Some(c) = self.chans.get_mut(*chan_id) {
                    c.dropped = true;
                }
            }
            Kind::Cancel { reason, .. } if self.ctx_err.is_none() => self.ctx_err = Some(reason.to_string()),
            _ => {}
        }
    }

    fn fact_event(&mut self, _task: u32, e: &Event) {
        let Kind::State { fact } = &e.kind else {
            return;
        };
        match fact {
            Fact::Deadline { at } => self.deadline = Some(*at),
            Fact::Job {
                worker,
                work_ms,
                status,
            } => {
                let at = (*status != JobStatus::Working).then_some(e.t);
                self.jobs.set(LedgerEntry {
                    worker: worker.clone(),
                    work_ms: *work_ms,
                    status: *status,
                    at,
                });
            }
            Fact::Refresh { state } => self.refresh = Some(*state),
            Fact::Token { token, expires } => {
                self.token = token.clone();
                self.expires = Some(*expires);
            }
            Fact::Refreshes { count } => self.refreshes = *count,
            Fact::Failures { in_row } => self.failures = *in_row,
        }
    }

    /// One lane per task, in spawn order, with its spans; a park still open
    /// is drawn up to the model's end.
    pub fn lanes(&self) -> Vec<Lane> {
        let mut lanes: Vec<Lane> = self.lanes.values().cloned().collect();
        for lane in &mut lanes {
            if let Some(span) = self.open_span(lane.task_id) {
                if let SpanKind::Parked { .. } = span.kind {
                    lane.blocked_ms += span.end - span.start;
                }
                lane.spans.push(span);
            }
        }
        lanes
    }

    /// The lanes as they stand, without copying: spans still open are not
    /// in them (see [`open_span`](Model::open_span)).
    pub fn lanes_ref(&self) -> impl Iterator<Item = &Lane> {
        self.lanes.values()
    }

    /// How many lanes there are (every task ever spawned).
    pub fn lane_count(&self) -> usize {
        self.lanes.values().count()
    }

    /// The span task `task` is in now, if it is parked.
    pub fn open_span(&self, task: u32) -> Option<Span> {
        self.open.get(task).map(|(start, wait)| Span {
            start: *start,
            end: self.end,
            kind: span_kind(wait, self.end),
        })
    }

    /// Every value received so far, from its send to its receive.
    pub fn arrows(&self) -> &[Arrow] {
        &self.arrows
    }

    /// The printed lines in arrival order, each with its label.
    pub fn outputs(&self) -> &Chunked<OutputLine> {
        &self.outputs
    }

    /// Task `task`'s printed lines, as indices into [`outputs`](Model::outputs),
    /// in time order.
    pub fn outputs_of(&self, task: u32) -> &[u32] {
        self.outputs_of.get(task).map_or(&[], Vec::as_slice)
    }

    /// The times of task `task`'s printed lines, one for each of
    /// [`outputs_of`](Model::outputs_of).
    pub fn output_times_of(&self, task: u32) -> &[Millis] {
        self.output_times_of.get(task).map_or(&[], Vec::as_slice)
    }

    /// Every channel made so far, in order, with what it holds and who is
    /// blocked on it.
    pub fn channels(&self) -> Vec<ChannelState> {
        let mut chans: Dense<ChannelState> = Dense::new();
        for (id, c) in self.chans.iter() {
            let mut c = c.clone();
            if let Some(queue) = self.unreceived.get(id) {
                c.buffered = queue.iter().map(|s| s.value.clone()).collect();
            }
            chans.insert(id, c);
        }
        for (task, wait) in self.parked.values() {
            for op in wait.ops() {
                let (Some(id), send) = (op.chan_id(), matches!(op, Op::Send { .. })) else {
                    continue;
                };
                if let Some(c) = chans.get_mut(id) {
                    if send {
                        c.senders.push(task.clone());
                    } else {
                        c.receivers.push(task.clone());
                    }
                }
            }
        }
        chans.into_values().collect()
    }

    /// The deadline ledger, once the pattern has declared a deadline, its
    /// workers in the order a reader counts them (`worker-2` before
    /// `worker-10`; Go's goroutines by number, not by when each first
    /// waited).
    pub fn ledger(&self) -> Option<Ledger> {
        self.ledger_head(usize::MAX).map(|(ledger, _)| ledger)
    }

    /// The deadline, once a pattern has set one (without building the
    /// ledger, which a timeline drawn every frame does not need).
    pub fn deadline(&self) -> Option<Millis> {
        self.deadline
    }

    /// The ledger's first `limit` workers in the same order, and how the
    /// rest stand: for a page that draws a table of many thousands, in
    /// time linear in the workers, not `n log n` and a copy of each.
    pub fn ledger_head(&self, limit: usize) -> Option<(Ledger, LedgerRest)> {
        let deadline = self.deadline?;
        let mut order: Vec<&Job> = self.jobs.entries.iter().collect();
        if order.len() > limit {
            order.select_nth_unstable_by(limit, |a, b| a.cmp_order(b));
        }
        let split = limit.min(order.len());
        let mut rest = LedgerRest::default();
        for job in &order[split..] {
            match job.entry.status {
                JobStatus::Finished => rest.finished += 1,
                JobStatus::Cancelled => rest.cancelled += 1,
                JobStatus::Working => rest.working += 1,
            }
        }
        order.truncate(split);
        crate::sort::sort_by(&mut order, |a, b| a.cmp_order(b));
        let ledger = Ledger {
            deadline,
            entries: order.into_iter().map(|j| j.entry.clone()).collect(),
            err: self.ctx_err.clone(),
        };
        Some((ledger, rest))
    }

    /// The token refresher, once it has said its state.
    pub fn refresher(&self) -> Option<Refresher> {
        Some(Refresher {
            state: self.refresh?,
            token: self.token.clone(),
            expires: self.expires,
            refreshes: self.refreshes,
            failures_in_row: self.failures,
            waiting: self.lock_waiters.values().map(|t| t.to_string()).collect(),
        })
    }

    /// Errors Go would report, as (task, time, message).
    pub fn errors(&self) -> &[(u32, Millis, String)] {
        &self.errors
    }

    /// Task `id`'s name.
    pub fn task_name(&self, id: u32) -> Option<&str> {
        self.lanes.get(id).map(|l| l.name.as_str())
    }

    /// The latest source position any task's event carried, and its task.
    pub fn latest_pos(&self) -> Option<(u32, Pos)> {
        self.latest_pos
    }
}

/// The deadline ledger's workers: each worker's latest entry, with its
/// sort key made once, and an index by name (a Go program may race tens of
/// thousands of goroutines against one deadline).
#[derive(Debug, Clone, Default)]
struct Jobs {
    entries: Vec<Job>,
    index: HashMap<String, usize>,
}

#[derive(Debug, Clone)]
struct Job {
    key: Vec<Result<u64, String>>,
    entry: LedgerEntry,
}

impl Job {
    /// The ledger's order: by [`natural_key`], then by name, so that two
    /// names with one key (`w01`, `w1`) still have one order.
    fn cmp_order(&self, other: &Job) -> std::cmp::Ordering {
        self.key
            .cmp(&other.key)
            .then_with(|| self.entry.worker.cmp(&other.entry.worker))
    }
}

impl Jobs {
    /// Records `entry` as its worker's latest.
    fn set(&mut self, entry: LedgerEntry) {
        if let Some(&i) = self.index.get(&entry.worker) {
            self.entries[i].entry = entry;
            return;
        }
        self.index.insert(entry.worker.clone(), self.entries.len());
        self.entries.push(Job {
            key: natural_key(&entry.worker),
            entry,
        });
    }
}

/// A name as runs of text and numbers, so that sorting by it counts:
/// `worker-2` comes before `worker-10`.
fn natural_key(name: &str) -> Vec<Result<u64, String>> {
    let mut key = Vec::new();
    let mut rest = name;
    while !rest.is_empty() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (run, tail) = if digits > 0 {
            rest.split_at(digits)
        } else {
            rest.split_at(rest.len() - rest.trim_start_matches(|c: char| !c.is_ascii_digit()).len())
        };
        key.push(if digits > 0 {
            Ok(run.parse().unwrap_or(u64::MAX))
        } else {
            Err(run.to_string())
        });
        rest = tail;
    }
    key
}
