//! Lanes (one per task), spans (parked, sleeping), arrows (send to receive)
//! and the output order.

use crate::dense::Dense;
use crate::rt::{Event, Kind, Millis};

/// What a task was doing over a span of time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpanKind {
    /// Blocked on a channel, lock, group or context (`on` says which).
    Parked { on: String },
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

fn sleeping_until(on: &str) -> Option<Millis> {
    on.strip_prefix("sleep until ")?.strip_suffix(" ms")?.parse().ok()
}

/// Whether an event recorded for a task means the task itself ran (and so
/// is no longer parked): wakes, timer firings and polls are recorded for a
/// parked task by someone else or by the executor.
pub(super) fn is_own_step(kind: &Kind) -> bool {
    !matches!(
        kind,
        Kind::Park { .. } | Kind::Wake { .. } | Kind::TimerFired { .. } | Kind::Poll
    )
}

/// One lane per task, in spawn order, with its parked and sleeping spans.
pub fn lanes(trace: &[Event]) -> Vec<Lane> {
    let mut lanes: Dense<Lane> = Dense::new();
    let mut open: Dense<(Millis, String)> = Dense::new();
    let lane = |lanes: &mut Dense<Lane>, id: u32, name: &str, t: Millis| {
        lanes.get_or_insert_with(id, || Lane {
            task_id: id,
            name: name.to_string(),
            start: t,
            end: LaneEnd::Alive,
            spans: Vec::new(),
        });
    };
    let close = |lanes: &mut Dense<Lane>, open: &mut Dense<(Millis, String)>, id: u32, t: Millis| {
        if let Some((start, on)) = open.remove(id) {
            let kind = match sleeping_until(&on) {
                Some(until) => SpanKind::Sleeping { until },
                // A select that waits on a timer among other things is
                // mostly waiting for time to pass: drawn as sleeping.
                None if on.starts_with("select ") && on.split(" | ").any(|arm| arm.ends_with("Sleep")) => {
                    SpanKind::Sleeping { until: t }
                }
                None => SpanKind::Parked { on },
            };
            if let Some(l) = lanes.get_mut(id) {
                l.spans.push(Span { start, end: t, kind });
            }
        }
    };
    for e in trace {
        if e.task_id == u32::MAX {
            continue;
        }
        if let Kind::Spawn { child, name } = &e.kind {
            lane(&mut lanes, *child, name, e.t);
        }
        lane(&mut lanes, e.task_id, &e.task, e.t);
        match &e.kind {
            Kind::Park { on } => {
                if open.get(e.task_id).is_some_and(|(_, o)| o == on) {
                    continue;
                }
                close(&mut lanes, &mut open, e.task_id, e.t);
                open.insert(e.task_id, (e.t, on.clone()));
            }
            Kind::End => {
                close(&mut lanes, &mut open, e.task_id, e.t);
                if let Some(l) = lanes.get_mut(e.task_id) {
                    l.end = LaneEnd::Returned(e.t);
                }
            }
            Kind::Killed { reason } => {
                close(&mut lanes, &mut open, e.task_id, e.t);
                if let Some(l) = lanes.get_mut(e.task_id) {
                    l.end = LaneEnd::Killed(e.t, reason.clone());
                }
            }
            // A send or receive recorded at a handoff also ends the park:
            // the task has what it waited for.
            kind if is_own_step(kind) => close(&mut lanes, &mut open, e.task_id, e.t),
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

/// Every send paired with its receive (values never received have none).
pub fn arrows(trace: &[Event]) -> Vec<Arrow> {
    // [channel][message] -> (sender, time)
    let mut sends: Dense<Dense<(u32, Millis)>> = Dense::new();
    let mut out = Vec::new();
    for e in trace {
        match &e.kind {
            Kind::Send { chan_id, msg, .. } => {
                sends
                    .get_or_insert_with(*chan_id, Dense::new)
                    .insert(*msg as u32, (e.task_id, e.t));
            }
            Kind::Recv {
                chan,
                chan_id,
                msg,
                value,
            } => {
                if let Some((from_task, from_t)) = sends.get_mut(*chan_id).and_then(|c| c.remove(*msg as u32))
                {
                    out.push(Arrow {
                        chan: chan.clone(),
                        msg: *msg,
                        value: value.clone(),
                        from_task,
                        from_t,
                        to_task: e.task_id,
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
    /// The source position of the task whose value was printed, when the
    /// printer printed what it had just received from a task named like
    /// `word-3` (the third word of the text is position 3).
    pub source: Option<u64>,
}

/// The printed lines in arrival order, each with its source position.
pub fn outputs(trace: &[Event]) -> Vec<OutputLine> {
    // [channel][message] -> the sending task's name
    let mut senders: Dense<Dense<String>> = Dense::new();
    // The task that sent what each task received last.
    let mut last_from: Dense<String> = Dense::new();
    let mut out = Vec::new();
    for e in trace {
        match &e.kind {
            Kind::Send { chan_id, msg, .. } => {
                senders
                    .get_or_insert_with(*chan_id, Dense::new)
                    .insert(*msg as u32, e.task.clone());
            }
            Kind::Recv { chan_id, msg, .. } if e.task_id != u32::MAX => {
                if let Some(from) = senders.get(*chan_id).and_then(|c| c.get(*msg as u32)) {
                    last_from.insert(e.task_id, from.clone());
                }
            }
            Kind::Output { text } => {
                let source = last_from
                    .get(e.task_id)
                    .and_then(|from| from.rsplit_once('-'))
                    .and_then(|(_, n)| n.parse().ok());
                out.push(OutputLine {
                    t: e.t,
                    task: e.task.clone(),
                    text: text.clone(),
                    source,
                });
            }
            _ => {}
        }
    }
    out
}
