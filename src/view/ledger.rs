//! The deadline ledger and the refresher's state: pattern state read back
//! from the trace's `state` events.

use crate::dense::{Dense, VecMap};
use crate::rt::{Event, Kind, Millis};

/// How one worker fared against the deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LedgerStatus {
    /// Still working.
    Working,
    /// Finished its work before the deadline.
    Finished,
    /// Saw `Done` and cleaned up.
    Cancelled,
}

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

/// The deadline ledger, for traces of patterns with a deadline.
pub fn deadline_ledger(trace: &[Event]) -> Option<Ledger> {
    let mut deadline = None;
    // In the order the workers were first reported.
    let mut entries: VecMap<String, LedgerEntry> = VecMap::new();
    let mut err = None;
    for e in trace {
        match &e.kind {
            Kind::State { key, value } if key == "deadline" => deadline = value.parse().ok(),
            Kind::State { key, value } if key.starts_with("worker-") => {
                let (status, ms) = value.split_once(' ').unwrap_or((value, "0"));
                let status = match status {
                    "finished" => LedgerStatus::Finished,
                    "cancelled" => LedgerStatus::Cancelled,
                    _ => LedgerStatus::Working,
                };
                let at = (status != LedgerStatus::Working).then_some(e.t);
                entries.insert(
                    key.clone(),
                    LedgerEntry {
                        worker: key.clone(),
                        work_ms: ms.parse().unwrap_or(0),
                        status,
                        at,
                    },
                );
            }
            Kind::Cancel { reason, .. } if err.is_none() => err = Some(reason.clone()),
            _ => {}
        }
    }
    Some(Ledger {
        deadline: deadline?,
        entries: entries.iter().map(|(_, e)| e.clone()).collect(),
        err,
    })
}

/// The token refresher at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Refresher {
    /// fresh, refreshing, failed or stopped.
    pub state: String,
    pub token: String,
    pub expires: Option<Millis>,
    pub refreshes: u64,
    pub failures_in_row: u64,
    /// Callers blocked on the cache's lock right now.
    pub waiting: Vec<String>,
}

/// The refresher's state at time `t`, for traces of the token patterns.
pub fn refresher_at(trace: &[Event], t: Millis) -> Option<Refresher> {
    let mut r = Refresher::default();
    let mut seen = false;
    let mut waiting: Dense<String> = Dense::new();
    for e in trace.iter().take_while(|e| e.t <= t) {
        match &e.kind {
            Kind::State { key, value } => {
                seen |= key == "state";
                match key.as_str() {
                    "state" => r.state = value.clone(),
                    "token" => r.token = value.clone(),
                    "expires" => r.expires = value.parse().ok(),
                    "refreshes" => r.refreshes = value.parse().unwrap_or(0),
                    "failures" => r.failures_in_row = value.parse().unwrap_or(0),
                    _ => {}
                }
            }
            Kind::Park { on } if on == "lock cache" && e.task.starts_with("caller") => {
                waiting.insert(e.task_id, e.task.clone());
            }
            Kind::Lock { .. } | Kind::End | Kind::Killed { .. } => {
                waiting.remove(e.task_id);
            }
            _ => {}
        }
    }
    r.waiting = waiting.into_values().collect();
    seen.then_some(r)
}
