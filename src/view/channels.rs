//! Channels at an instant: what each holds, and who is blocked on it; and
//! the channels nothing refers to any more, folded into groups.

use super::model::Model;
use crate::rt::{Event, Millis, Name, Pos};

/// One channel at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelState {
    pub name: Name,
    pub cap: usize,
    /// The buffered values, oldest first.
    pub buffered: Vec<Name>,
    pub closed: bool,
    /// Tasks blocked sending on it (directly or in a select).
    pub senders: Vec<Name>,
    /// Tasks blocked receiving from it.
    pub receivers: Vec<Name>,
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
    pub like: Name,
    /// How many still held values when they were dropped.
    pub holding: usize,
}

/// The channels (of [`channels_at`] or [`Model::channels`]), in order, with the short-lived ones folded: channels
/// that nothing refers to any more, made by a `make` that made several (one
/// reply channel per request), become one line per `make`, however long the
/// run. A channel made once is listed even after it is dropped, so a
/// finished run still shows its `res` and `done`. This is what the page's
/// Channels panel shows, bounded by the program's text, not its length.
pub fn channel_groups(all: Vec<ChannelState>) -> (Vec<ChannelState>, Vec<DroppedChannels>) {
    // Unknown positions group by name instead.
    type Key = (Option<Pos>, Option<Name>);
    let key = |c: &ChannelState| -> Key { (c.made_at, c.made_at.is_none().then(|| c.name.clone())) };
    let mut made: Vec<(Key, usize)> = Vec::new();
    for c in all.iter().filter(|c| c.dropped) {
        let k = key(c);
        match made.iter_mut().find(|(m, _)| *m == k) {
            Some((_, n)) => *n += 1,
            None => made.push((k, 1)),
        }
    }
    let folded = |c: &ChannelState| c.dropped && made.iter().any(|(m, n)| *n > 1 && *m == key(c));
    let mut listed = Vec::new();
    let mut groups: Vec<(Key, DroppedChannels)> = Vec::new();
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
    Model::at(trace, t).channels()
}
