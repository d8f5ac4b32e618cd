//! The deadline ledger and the refresher's state: pattern state read back
//! from the trace's `state` events.

use super::model::Model;
use crate::rt::{Event, Millis, RefreshState};

/// How one worker fared against the deadline.
pub use crate::rt::JobStatus as LedgerStatus;

/// One worker of the deadline ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerEntry {
    pub worker: String,
    pub work_ms: Millis,
    pub status: LedgerStatus,
    /// When it finished or was cancelled.
    pub at: Option<Millis>,
}

/// Who finished before the deadline and who was cancelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ledger {
    pub deadline: Millis,
    pub entries: Vec<LedgerEntry>,
    /// `ctx.Err()` once the context is done.
    pub err: Option<String>,
}

/// How the workers a [`Model::ledger_head`] leaves out stand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LedgerRest {
    pub finished: usize,
    pub cancelled: usize,
    pub working: usize,
}

impl LedgerRest {
    /// How many workers were left out.
    pub fn len(&self) -> usize {
        self.finished + self.cancelled + self.working
    }

    /// Whether none were.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The deadline ledger, for traces of patterns with a deadline.
pub fn deadline_ledger(trace: &[Event]) -> Option<Ledger> {
    Model::of(trace).ledger()
}

/// The token refresher at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refresher {
    pub state: RefreshState,
    pub token: String,
    pub expires: Option<Millis>,
    pub refreshes: u64,
    pub failures_in_row: u64,
    /// Tasks blocked on a lock right now (the cache's: the token patterns
    /// have no other).
    pub waiting: Vec<String>,
}

/// The refresher's state at time `t`, for traces of the token patterns.
pub fn refresher_at(trace: &[Event], t: Millis) -> Option<Refresher> {
    Model::at(trace, t).refresher()
}
