//! Lanes (one per task), spans (parked, sleeping), arrows (send to receive)
//! and the output order.

use crate::dense::Dense;
use crate::rt::{Event, Kind, Label, Millis, Wait};

/// What a task was doing over a span of time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpanKind {
    /// Blocked on a channel, lock, group or context (`on` says which).
    Parked { on: Wait },
    /// Waiting for a timer (`time.Sleep`, or a `select` with a timer arm:
    /// working, in the patterns' terms).
    Sleeping { until: Millis },
}

/// A stretch of one lane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: Millis,
    pub end: Millis,
    pub kind: SpanKind,
}

/// How a lane ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LaneEnd {
    /// Still alive at the end of the trace.
    Alive,
    /// The task returned.
    Returned(Millis),
    /// The task was dropped (`reason`).
    Killed(Millis, String),
}

/// One task's lane on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    pub task_id: u32,
    pub name: String,
    pub start: Millis,
    pub end: LaneEnd,
    pub spans: Vec<Span>,
}

impl Lane {
    /// When the lane stops (its end, or `fallback` while alive).
    pub fn end_or(&self, fallback: Millis) -> Millis {
        match self.end {
            LaneEnd::Alive => fallback,
            LaneEnd::Returned(t) | LaneEnd::Killed(t, _) => t,
        }
    }
}

/// How a park ending at `end` is drawn: a wait for a timer alone is sleep,
/// and so is a select with a timer among its arms, which is mostly waiting
/// for time to pass; anything else is parked.
fn span_kind(wait: Wait, end: Millis) -> SpanKind {
    match &wait {
        Wait::Op(op) => match op.timer_until() {
            Some(until) => SpanKind::Sleeping { until },
            None => SpanKind::Parked { on: wait },
        },
        Wait::Select(arms) if arms.iter().any(|op| op.timer_until().is_some()) => {
            SpanKind::Sleeping { until: end }
        }
        Wait::Select(_) => SpanKind::Parked { on: wait },
    }
}

/// Whether an event recorded for a task means the task itself ran (and so
/// is no longer parked): wakes, timer firings and polls are recorded for a
/// parked task by someone else or by the executor.
pub(super) fn is_own_step(kind: &Kind) -> bool {
    !matches!(
        kind,
        Kind::Park { .. }
            | Kind::Wake { .. }
            | Kind::TimerFired { .. }
            | Kind::Poll
            | Kind::ChanDropped { .. }
    )
}

/// One lane per task, in spawn order, with its parked and sleeping spans.
pub fn lanes(trace: &[Event]) -> Vec<Lane> {
    let mut lanes: Dense<Lane> = Dense::new();
    let mut open: Dense<(Millis, Wait)> = Dense::new();
    let lane = |lanes: &mut Dense<Lane>, id: u32, name: &str, t: Millis| {
        lanes.get_or_insert_with(id, || Lane {
            task_id: id,
            name: name.to_string(),
            start: t,
            end: LaneEnd::Alive,
            spans: Vec::new(),
        });
    };
    let close = |lanes: &mut Dense<Lane>, open: &mut Dense<(Millis, Wait)>, id: u32, t: Millis| {
        if let Some((start, wait)) = open.remove(id) {
            if let Some(l) = lanes.get_mut(id) {
                l.spans.push(Span {
                    start,
                    end: t,
                    kind: span_kind(wait, t),
                });
            }
        }
    };
    for e in trace {
        let Some(task_id) = e.task_id else {
            continue;
        };
        if let Kind::Spawn { child, name, .. } = &e.kind {
            lane(&mut lanes, *child, name, e.t);
        }
        lane(&mut lanes, task_id, &e.task, e.t);
        match &e.kind {
            Kind::Park { wait } => {
                if open.get(task_id).is_some_and(|(_, w)| w == wait) {
                    continue;
                }
                close(&mut lanes, &mut open, task_id, e.t);
                open.insert(task_id, (e.t, wait.clone()));
            }
            Kind::End => {
                close(&mut lanes, &mut open, task_id, e.t);
                if let Some(l) = lanes.get_mut(task_id) {
                    l.end = LaneEnd::Returned(e.t);
                }
            }
            Kind::Killed { reason } => {
                close(&mut lanes, &mut open, task_id, e.t);
                if let Some(l) = lanes.get_mut(task_id) {
                    l.end = LaneEnd::Killed(e.t, reason.clone());
                }
            }
            // A send or receive recorded at a handoff also ends the park:
            // the task has what it waited for.
            kind if is_own_step(kind) => close(&mut lanes, &mut open, task_id, e.t),
            _ => {}
        }
    }
    let end = trace.last().map_or(0, |e| e.t);
    let ids: Vec<u32> = open.iter().map(|(id, _)| id).collect();
    for id in ids {
        close(&mut lanes, &mut open, id, end);
    }
    lanes.into_values().collect()
}

/// A value's trip through a channel: from its send to its receive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrow {
    pub chan: String,
    pub msg: u64,
    pub value: String,
    pub from_task: u32,
    pub from_t: Millis,
    pub to_task: u32,
    pub to_t: Millis,
}

/// A message number as a dense key. Messages are numbered per channel from
/// 0, and a run stops long before one channel carries four billion values;
/// a `u64` to `u32` cast is the same on every target (unlike `usize`).
pub(super) fn msg_key(msg: u64) -> u32 {
    msg as u32
}

/// Every send paired with its receive (values never received have none).
pub fn arrows(trace: &[Event]) -> Vec<Arrow> {
    // [channel][message] -> (sender, time)
    let mut sends: Dense<Dense<(u32, Millis)>> = Dense::new();
    let mut out = Vec::new();
    for e in trace {
        let Some(task_id) = e.task_id else {
            continue;
        };
        match &e.kind {
            Kind::Send { chan_id, msg, .. } => {
                sends
                    .get_or_insert_with(*chan_id, Dense::new)
                    .insert(msg_key(*msg), (task_id, e.t));
            }
            Kind::Recv {
                chan,
                chan_id,
                msg,
                value,
            } => {
                if let Some((from_task, from_t)) =
                    sends.get_mut(*chan_id).and_then(|c| c.remove(msg_key(*msg)))
                {
                    out.push(Arrow {
                        chan: chan.clone(),
                        msg: *msg,
                        value: value.clone(),
                        from_task,
                        from_t,
                        to_task: task_id,
                        to_t: e.t,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// One printed line, where it came from, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputLine {
    pub t: Millis,
    pub task: String,
    pub text: String,
    /// What the pattern calls the line's origin ("word #3"): the label of
    /// the task whose value the printer had just received, or else of the
    /// printer itself (see [`Rt::go_labelled`](crate::rt::Rt::go_labelled)).
    pub label: Option<Label>,
}

/// The printed lines in arrival order, each with its label.
pub fn outputs(trace: &[Event]) -> Vec<OutputLine> {
    // [task] -> the label its spawner gave it
    let mut labels: Dense<Label> = Dense::new();
    // [channel][message] -> the sending task
    let mut senders: Dense<Dense<u32>> = Dense::new();
    // The task that sent what each task received last.
    let mut last_from: Dense<u32> = Dense::new();
    let mut out = Vec::new();
    for e in trace {
        let Some(task_id) = e.task_id else {
            continue;
        };
        match &e.kind {
            Kind::Spawn {
                child,
                label: Some(label),
                ..
            } => {
                labels.insert(*child, label.clone());
            }
            Kind::Send { chan_id, msg, .. } => {
                senders
                    .get_or_insert_with(*chan_id, Dense::new)
                    .insert(msg_key(*msg), task_id);
            }
            Kind::Recv { chan_id, msg, .. } => {
                if let Some(from) = senders.get(*chan_id).and_then(|c| c.get(msg_key(*msg))) {
                    last_from.insert(task_id, *from);
                }
            }
            Kind::Output { text } => {
                let origin = last_from.get(task_id).copied().unwrap_or(task_id);
                let label = labels.get(origin).or_else(|| labels.get(task_id)).cloned();
                out.push(OutputLine {
                    t: e.t,
                    task: e.task.clone(),
                    text: text.clone(),
                    label,
                });
            }
            _ => {}
        }
    }
    out
}
