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
use std::cmp::Reverse;
use std::collections::BinaryHeap;
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
    timers: RefCell<Timers>,
}

/// The pending timers of a [`VirtualClock`]. Ordered by (time, sequence),
/// so same-instant timers fire in the order they were set; clearing is
/// exact, so "zero pending timers" is a real count and not an estimate.
///
/// A heap of ids orders them, and the callbacks wait in a list sorted by
/// sequence number (timers are numbered as they are set, so a new one goes
/// at the end). Firing or clearing a timer takes its callback at once and
/// leaves its id and its empty place behind, dropped together once they
/// outnumber the pending timers: memory stays in proportion to what is
/// pending, even while one early timer waits for a long time. (A
/// `BTreeMap` keyed by id would do it all, but costs the page kilobytes of
/// tree code of its own.)
#[derive(Default)]
struct Timers {
    heap: BinaryHeap<Reverse<TimerId>>,
    /// Each timer's sequence number and callback, `None` once it fired or
    /// was cleared; sorted by sequence number.
    callbacks: Vec<(u64, Option<TimerCallback>)>,
    next_seq: u64,
    pending: usize,
}

impl Timers {
    fn insert(&mut self, at: Millis, callback: TimerCallback) -> TimerId {
        let id = TimerId {
            at,
            seq: self.next_seq,
        };
        self.next_seq += 1;
        self.callbacks.push((id.seq, Some(callback)));
        self.heap.push(Reverse(id));
        self.pending += 1;
        id
    }

    /// Whether timer `seq` is pending.
    fn is_pending(callbacks: &[(u64, Option<TimerCallback>)], seq: u64) -> bool {
        callbacks
            .binary_search_by_key(&seq, |c| c.0)
            .is_ok_and(|i| callbacks[i].1.is_some())
    }

    /// The earliest pending timer (dropping cleared ids from the top).
    fn first(&mut self) -> Option<TimerId> {
        while let Some(&Reverse(id)) = self.heap.peek() {
            if Timers::is_pending(&self.callbacks, id.seq) {
                return Some(id);
            }
            self.heap.pop();
        }
        None
    }

    /// Takes the callback of timer `seq` if it is pending.
    fn take(&mut self, seq: u64) -> Option<TimerCallback> {
        let i = self.callbacks.binary_search_by_key(&seq, |c| c.0).ok()?;
        let callback = self.callbacks[i].1.take()?;
        self.pending -= 1;
        if self.pending == 0 {
            self.heap.clear();
            self.callbacks.clear();
        } else if self.callbacks.len() > 2 * self.pending + 64 {
            // Fired and cleared timers outnumber the pending: drop their
            // places and ids now. A loop that sets and clears a far timer
            // (`case <-time.After(time.Hour)`) beside a ticker, or one that
            // sleeps a million times while a context's deadline waits,
            // would otherwise keep every timer it ever set.
            self.callbacks.retain(|c| c.1.is_some());
            let callbacks = &self.callbacks;
            self.heap
                .retain(|&Reverse(id)| Timers::is_pending(callbacks, id.seq));
        }
        Some(callback)
    }

    /// How many places the timers hold (pending or not yet dropped).
    fn places(&self) -> usize {
        self.callbacks.len().max(self.heap.len())
    }
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

    /// How many places the timer list holds, pending or not yet dropped:
    /// what its memory is in proportion to (a test checks it stays near
    /// the pending count).
    #[doc(hidden)]
    pub fn timer_places(&self) -> usize {
        self.timers.borrow().places()
    }

    /// When the earliest pending timer fires.
    pub fn next_timer(&self) -> Option<Millis> {
        self.timers.borrow_mut().first().map(|id| id.at)
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
                match timers.first() {
                    Some(id) if id.at <= self.now.get() => {
                        timers.heap.pop();
                        timers.take(id.seq)
                    }
                    _ => None,
                }
            };
            match due {
                Some(callback) => callback(),
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
        // A timer in the past fires at the next advance, as a zero-delay
        // timeout does in a browser.
        self.timers.borrow_mut().insert(at.max(self.now.get()), callback)
    }

    fn clear_timer(&self, id: TimerId) {
        // Dropping the callback may drop state that clears other timers, so
        // drop it outside the borrow.
        let callback = self.timers.borrow_mut().take(id.seq);
        drop(callback);
    }

    fn pending_timers(&self) -> usize {
        self.timers.borrow().pending
    }

    fn as_virtual(&self) -> Option<&VirtualClock> {
        Some(self)
    }
}
