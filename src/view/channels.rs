//! Channels at an instant: what each holds, and who is blocked on it; and
//! the channels nothing refers to any more, folded into groups.

use super::lanes::is_own_step;
use crate::dense::Dense;
use crate::rt::{Event, Kind, Millis, Op, Pos, Wait};

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
    /// Where it was made, in the program the run shows.
    pub made_at: Option<Pos>,
    /// Nothing refers to it any more.
    pub dropped: bool,
}

/// Channels that nothing refers to any more, made by the same `make`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedChannels {
    /// How many.
    pub count: usize,
    /// The latest one's name, to show what they were.
    pub like: String,
    /// How many still held values when they were dropped.
    pub holding: usize,
}

/// The channels at `t`, in order, with the short-lived ones folded: channels
/// that nothing refers to any more, made by a `make` that made several (one
/// reply channel per request), become one line per `make`, however long the
/// run. A channel made once is listed even after it is dropped, so a
/// finished run still shows its `res` and `done`. This is what the page's
/// Channels panel shows, bounded by the program's text, not its length.
pub fn channel_groups(trace: &[Event], t: Millis) -> (Vec<ChannelState>, Vec<DroppedChannels>) {
    let all = channels_at(trace, t);
    // Unknown positions group by name instead.
    let key = |c: &ChannelState| {
        (
            c.made_at,
            if c.made_at.is_some() {
                String::new()
            } else {
                c.name.clone()
            },
        )
    };
    let mut made: Vec<((Option<Pos>, String), usize)> = Vec::new();
    for c in all.iter().filter(|c| c.dropped) {
        let k = key(c);
        match made.iter_mut().find(|(m, _)| *m == k) {
            Some((_, n)) => *n += 1,
            None => made.push((k, 1)),
        }
    }
    let folded = |c: &ChannelState| c.dropped && made.iter().any(|(m, n)| *n > 1 && *m == key(c));
    let mut listed = Vec::new();
    let mut groups: Vec<((Option<Pos>, String), DroppedChannels)> = Vec::new();
    for c in all {
        if !folded(&c) {
            listed.push(c);
            continue;
        }
        let k = key(&c);
        let holding = usize::from(!c.buffered.is_empty());
        match groups.iter_mut().find(|(m, _)| *m == k) {
            Some((_, g)) => {
                g.count += 1;
                g.holding += holding;
                g.like = c.name;
            }
            None => groups.push((
                k,
                DroppedChannels {
                    count: 1,
                    like: c.name,
                    holding,
                },
            )),
        }
    }
    (listed, groups.into_iter().map(|(_, g)| g).collect())
}

/// Every channel made so far, in order, as it stands at time `t`.
pub fn channels_at(trace: &[Event], t: Millis) -> Vec<ChannelState> {
    let mut chans: Dense<ChannelState> = Dense::new();
    // [channel][message] -> value, for values sent and not yet received
    let mut in_flight: Dense<Dense<String>> = Dense::new();
    let mut parked: Dense<(String, Wait)> = Dense::new();
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
                        made_at: e.pos,
                        dropped: false,
                    },
                );
            }
            Kind::Send {
                chan_id, msg, value, ..
            } => {
                in_flight
                    .get_or_insert_with(*chan_id, Dense::new)
                    .insert(super::lanes::msg_key(*msg), value.clone());
            }
            Kind::Recv { chan_id, msg, .. } => {
                if let Some(c) = in_flight.get_mut(*chan_id) {
                    c.remove(super::lanes::msg_key(*msg));
                }
            }
            Kind::Close { chan_id, .. } => {
                if let Some(c) = chans.get_mut(*chan_id) {
                    c.closed = true;
                }
            }
            Kind::ChanDropped { chan_id, .. } => {
                if let Some(c) = chans.get_mut(*chan_id) {
                    c.dropped = true;
                }
            }
            _ => {}
        }
        let Some(task_id) = e.task_id else {
            continue;
        };
        match &e.kind {
            Kind::Park { wait } => {
                parked.insert(task_id, (e.task.clone(), wait.clone()));
            }
            kind if is_own_step(kind) => {
                parked.remove(task_id);
            }
            _ => {}
        }
    }
    for (chan_id, values) in in_flight.iter() {
        if let Some(c) = chans.get_mut(chan_id) {
            c.buffered.extend(values.values().cloned());
        }
    }
    for (task, wait) in parked.values() {
        for op in wait.ops() {
            match op {
                Op::Send { chan_id, .. } => {
                    if let Some(c) = chans.get_mut(*chan_id) {
                        c.senders.push(task.clone());
                    }
                }
                Op::Recv { chan_id, .. } => {
                    if let Some(c) = chans.get_mut(*chan_id) {
                        c.receivers.push(task.clone());
                    }
                }
                _ => {}
            }
        }
    }
    chans.into_values().collect()
}
