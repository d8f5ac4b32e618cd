//! Lanes (one per task), spans (parked, sleeping), arrows (send to receive)
//! and the output order.

use super::model::Model;
use crate::rt::{Event, Label, Millis, Name, Pos, Wait};

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
    /// Where its spawner started it: lanes started by the same `go`
    /// statement form a group, which a crowded timeline folds into one row.
    pub spawned_at: Option<Pos>,
    pub name: String,
    pub start: Millis,
    pub end: LaneEnd,
    pub spans: Vec<Span>,
    /// Time spent blocked (parked, not sleeping) in the closed spans.
    pub blocked_ms: Millis,
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

/// One lane per task, in spawn order, with its parked and sleeping spans.
pub fn lanes(trace: &[Event]) -> Vec<Lane> {
    Model::of(trace).lanes()
}

/// A value's trip through a channel: from its send to its receive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrow {
    pub chan: Name,
    pub msg: u64,
    pub value: Name,
    pub from_task: u32,
    pub from_t: Millis,
    pub to_task: u32,
    pub to_t: Millis,
}

/// Every send paired with its receive (values never received have none).
pub fn arrows(trace: &[Event]) -> Vec<Arrow> {
    Model::of(trace).arrows().to_vec()
}

/// One printed line, where it came from, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputLine {
    pub t: Millis,
    pub task_id: u32,
    pub task: Name,
    /// Shared with the trace's `output` event.
    pub text: Name,
    /// What the pattern calls the line's origin ("word #3"): the label of
    /// the task whose value the printer had just received, or else of the
    /// printer itself (see [`Rt::go_labelled`](crate::rt::Rt::go_labelled)).
    pub label: Option<Label>,
    /// Written to standard error.
    pub stderr: bool,
}

/// The printed lines in arrival order, each with its label.
pub fn outputs(trace: &[Event]) -> Vec<OutputLine> {
    Model::of(trace).outputs().to_vec()
}
