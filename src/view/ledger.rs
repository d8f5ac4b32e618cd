//! The deadline ledger and the refresher's state: pattern state read back
//! from the trace's `state` events.

use crate::dense::{Dense, VecMap};
use crate::rt::{Event, Fact, JobStatus, Kind, Millis, Op, RefreshState, Wait};

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

/// The deadline ledger, for traces of patterns with a deadline.
pub fn deadline_ledger(trace: &[Event]) -> Option<Ledger> {
    let mut deadline = None;
    // In the order the workers were first reported.
    let mut entries: VecMap<String, LedgerEntry> = VecMap::new();
    let mut err = None;
    for e in trace {
        match &e.kind {
            Kind::State {
                fact: Fact::Deadline { at },
            } => deadline = Some(*at),
            Kind::State {
                fact:
                    Fact::Job {
                        worker,
                        work_ms,
                        status,
                    },
            } => {
                let at = (*status != JobStatus::Working).then_some(e.t);
                entries.insert(
                    worker.clone(),
                    LedgerEntry {
                        worker: worker.clone(),
                        work_ms: *work_ms,
                        status: *status,
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
    let mut state = None;
    let (mut token, mut expires, mut refreshes, mut failures_in_row) = (String::new(), None, 0, 0);
    let mut waiting: Dense<String> = Dense::new();
    for e in trace.iter().take_while(|e| e.t <= t) {
        let Some(task_id) = e.task_id else {
            continue;
        };
        match &e.kind {
            Kind::State { fact } => match fact {
                Fact::Refresh { state: s } => state = Some(*s),
                Fact::Token {
                    token: v,
                    expires: at,
                } => {
                    token = v.clone();
                    expires = Some(*at);
                }
                Fact::Refreshes { count } => refreshes = *count,
                Fact::Failures { in_row } => failures_in_row = *in_row,
                Fact::Deadline { .. } | Fact::Job { .. } => {}
            },
            Kind::Park {
                wait: Wait::Op(Op::Lock { .. }),
            } => {
                waiting.insert(task_id, e.task.clone());
            }
            Kind::Lock { .. } | Kind::End | Kind::Killed { .. } => {
                waiting.remove(task_id);
            }
            _ => {}
        }
    }
    Some(Refresher {
        state: state?,
        token,
        expires,
        refreshes,
        failures_in_row,
        waiting: waiting.into_values().collect(),
    })
}
