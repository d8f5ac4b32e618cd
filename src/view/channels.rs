//! Channels at an instant: what each holds, and who is blocked on it.

use super::lanes::is_own_step;
use crate::dense::Dense;
use crate::rt::{Event, Kind, Millis};

/// One channel at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelState {
    pub name: String,
    pub cap: usize,
    /// The buffered values, oldest first.
    pub buffered: Vec<String>,
    pub closed: bool,
    /// Tasks blocked sending on it (directly or in a select).
    pub senders: Vec<String>,
    /// Tasks blocked receiving from it.
    pub receivers: Vec<String>,
}

/// Whether a park label (`send res`, `select recv a | Sleep`) waits for
/// `op` on `chan`.
fn waits_for(on: &str, op: &str, chan: &str) -> bool {
    on.trim_start_matches("select ")
        .split(" | ")
        .any(|arm| arm.strip_prefix(op).and_then(|r| r.strip_prefix(' ')) == Some(chan))
}

/// Every channel made so far, in order, as it stands at time `t`.
pub fn channels_at(trace: &[Event], t: Millis) -> Vec<ChannelState> {
    let mut chans: Dense<ChannelState> = Dense::new();
    // [channel][message] -> value, for values sent and not yet received
    let mut in_flight: Dense<Dense<String>> = Dense::new();
    let mut parked: Dense<(String, String)> = Dense::new();
    for e in trace.iter().take_while(|e| e.t <= t) {
        match &e.kind {
            Kind::Make { chan, chan_id, cap } => {
                chans.insert(
                    *chan_id,
                    ChannelState {
                        name: chan.clone(),
                        cap: *cap,
                        buffered: Vec::new(),
                        closed: false,
                        senders: Vec::new(),
                        receivers: Vec::new(),
                    },
                );
            }
            Kind::Send {
                chan_id, msg, value, ..
            } => {
                in_flight
                    .get_or_insert_with(*chan_id, Dense::new)
                    .insert(*msg as u32, value.clone());
            }
            Kind::Recv { chan_id, msg, .. } => {
                if let Some(c) = in_flight.get_mut(*chan_id) {
                    c.remove(*msg as u32);
                }
            }
            Kind::Close { chan_id, .. } => {
                if let Some(c) = chans.get_mut(*chan_id) {
                    c.closed = true;
                }
            }
            _ => {}
        }
        if e.task_id == u32::MAX {
            continue;
        }
        match &e.kind {
            Kind::Park { on } => {
                parked.insert(e.task_id, (e.task.clone(), on.clone()));
            }
            kind if is_own_step(kind) => {
                parked.remove(e.task_id);
            }
            _ => {}
        }
    }
    for (chan_id, values) in in_flight.iter() {
        if let Some(c) = chans.get_mut(chan_id) {
            c.buffered.extend(values.values().cloned());
        }
    }
    for c in chans.values_mut() {
        for (task, on) in parked.values() {
            if waits_for(on, "send", &c.name) {
                c.senders.push(task.clone());
            }
            if waits_for(on, "recv", &c.name) {
                c.receivers.push(task.clone());
            }
        }
    }
    chans.into_values().collect()
}
