//! Clocks: where a run's time comes from, and the timers it sets.
//!
//! Nothing in `rt`, `patterns` or `view` reads ambient time. A run is handed a
//! [`Clock`] and asks it for `now()` and for timers. Two clocks exist:
//!
//! * [`VirtualClock`] (here): time stands still until the executor finds no
//!   task ready, then jumps to the earliest timer. Runs are exact and
//!   repeatable, a second of pattern time costs microseconds, and tests never
//!   sleep.
//! * the browser clock (in `web`, wasm only): `performance.now()` and gloo
//!   timeouts.
//!
//! Timers are callbacks first (as gloo's `Timeout` is); the [`Sleep`] future
//! of `rt` wraps one and clears it on drop.
//!
//! ```
//! use csp_playground::rt::{Clock, VirtualClock};
//! use std::{cell::Cell, rc::Rc};
//!
//! let clock = VirtualClock::new();
//! let fired = Rc::new(Cell::new(false));
//! let f = fired.clone();
//! clock.set_timer(250, Box::new(move || f.set(true)));
//! assert_eq!(clock.pending_timers(), 1);
//! assert_eq!(clock.advance_to_next(u64::MAX), Some(250));
//! assert!(fired.get());
//! assert_eq!(clock.now(), 250);
//! ```
//!
//! [`Sleep`]: crate::rt::Sleep

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt;

/// Milliseconds since the start of a run.
pub type Millis = u64;

/// What a timer does when it fires.
pub type TimerCallback = Box<dyn FnOnce()>;

/// Names one timer of one clock, to clear it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimerId {
    /// When the timer fires.
    pub at: Millis,
    /// Unique per clock; orders timers set for the same instant.
    pub seq: u64,
}

/// A source of time and timers for one run.
pub trait Clock {
    /// Milliseconds since the run started.
    fn now(&self) -> Millis;
    /// Calls `callback` at `at` (or as soon as possible if that has passed).
    fn set_timer(&self, at: Millis, callback: TimerCallback) -> TimerId;
    /// Forgets a timer; clearing one that fired already does nothing.
    fn clear_timer(&self, id: TimerId);
    /// Timers set and not yet fired or cleared.
    fn pending_timers(&self) -> usize;
    /// The virtual clock behind this one, if it is virtual: the executor
    /// advances it when no task is ready.
    fn as_virtual(&self) -> Option<&VirtualClock> {
        None
    }
}

/// Time that moves only when the executor moves it.
#[derive(Default)]
pub struct VirtualClock {
    now: Cell<Millis>,
    next_seq: Cell<u64>,
    // A BTreeMap keyed by (time, sequence) fires same-instant timers in the
    // order they were set, and makes clearing exact, so "zero pending timers"
    // is a real count and not an estimate.
    timers: RefCell<BTreeMap<TimerId, TimerCallback>>,
}

impl fmt::Debug for VirtualClock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VirtualClock")
            .field("now", &self.now.get())
            .field("pending_timers", &self.pending_timers())
            .finish()
    }
}

impl VirtualClock {
    /// A clock at t = 0 with no timers.
    pub fn new() -> VirtualClock {
        VirtualClock::default()
    }

    /// When the earliest pending timer fires.
    pub fn next_timer(&self) -> Option<Millis> {
        self.timers.borrow().keys().next().map(|id| id.at)
    }

    /// Jumps to the earliest pending timer if it is due at or before `limit`,
    /// and fires every timer due at that instant. Returns the new time, or
    /// `None` when no timer is due by `limit` (time then stays put).
    pub fn advance_to_next(&self, limit: Millis) -> Option<Millis> {
        let at = self.next_timer()?;
        if at > limit {
            return None;
        }
        self.now.set(self.now.get().max(at));
        self.fire_due();
        Some(self.now.get())
    }

    /// Moves time forward to `t` (never backwards), firing what falls due.
    pub fn advance_to(&self, t: Millis) {
        while self.advance_to_next(t).is_some() {}
        self.now.set(self.now.get().max(t));
    }

    fn fire_due(&self) {
        loop {
            // Pop before calling: a callback may set or clear timers.
            let due = {
                let mut timers = self.timers.borrow_mut();
                match timers.first_key_value() {
                    Some((id, _)) if id.at <= self.now.get() => timers.pop_first(),
                    _ => None,
                }
            };
            match due {
                Some((_, callback)) => callback(),
                None => break,
            }
        }
    }
}

impl Clock for VirtualClock {
    fn now(&self) -> Millis {
        self.now.get()
    }

    fn set_timer(&self, at: Millis, callback: TimerCallback) -> TimerId {
        let seq = self.next_seq.get();
        self.next_seq.set(seq + 1);
        // A timer in the past fires at the next advance, as a zero-delay
        // timeout does in a browser.
        let id = TimerId {
            at: at.max(self.now.get()),
            seq,
        };
        self.timers.borrow_mut().insert(id, callback);
        id
    }

    fn clear_timer(&self, id: TimerId) {
        // Dropping the callback may drop state that clears other timers, so
        // drop it outside the borrow.
        let callback = self.timers.borrow_mut().remove(&id);
        drop(callback);
    }

    fn pending_timers(&self) -> usize {
        self.timers.borrow().len()
    }

    fn as_virtual(&self) -> Option<&VirtualClock> {
        Some(self)
    }
}
