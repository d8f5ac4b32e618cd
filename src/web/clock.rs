//! [`BrowserClock`]: `performance.now()` for time and gloo timeouts for
//! timers, which clear themselves when dropped.
//!
//! The clock owns every `Timeout` it sets until the timeout fires or is
//! cleared, and then drops it, so its JavaScript closure is freed too:
//! [`live_timeouts`] counts the ones not yet dropped, and goes back to zero
//! once every timer has fired or been cleared.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use gloo_timers::callback::Timeout;

use crate::dense::VecMap;
use crate::rt::{Clock, Millis, TimerCallback, TimerId};

/// The real clock of the page, counted from the clock's creation.
pub struct BrowserClock {
    performance: web_sys::Performance,
    start: f64,
    next_seq: std::cell::Cell<u64>,
    // Owning the `Timeout`s is what makes clearing work: dropping one calls
    // clearTimeout.
    timers: Rc<RefCell<VecMap<TimerId, Owned>>>,
}

thread_local! {
    static LIVE_TIMEOUTS: Cell<usize> = const { Cell::new(0) };
}

/// How many timeouts of every `BrowserClock` are alive: set and not yet
/// dropped (a fired or cleared timeout is dropped at once, closure and all).
pub fn live_timeouts() -> usize {
    LIVE_TIMEOUTS.with(Cell::get)
}

/// A `Timeout` counted in [`live_timeouts`] while it exists. Only its drop
/// matters (it clears the timeout and frees the closure).
struct Owned {
    _timeout: Timeout,
}

impl Owned {
    fn new(timeout: Timeout) -> Owned {
        LIVE_TIMEOUTS.with(|n| n.set(n.get() + 1));
        Owned { _timeout: timeout }
    }
}

impl Drop for Owned {
    fn drop(&mut self) {
        LIVE_TIMEOUTS.with(|n| n.set(n.get() - 1));
    }
}

impl fmt::Debug for BrowserClock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BrowserClock")
            .field("now", &self.now())
            .field("pending_timers", &self.pending_timers())
            .finish()
    }
}

impl BrowserClock {
    /// A clock whose zero is now.
    pub fn new() -> BrowserClock {
        let performance = super::performance();
        let start = performance.now();
        BrowserClock {
            performance,
            start,
            next_seq: std::cell::Cell::new(0),
            timers: Rc::default(),
        }
    }

    /// Milliseconds since creation, with the fraction.
    pub fn now_f64(&self) -> f64 {
        self.performance.now() - self.start
    }
}

impl Default for BrowserClock {
    fn default() -> Self {
        BrowserClock::new()
    }
}

impl Clock for BrowserClock {
    fn now(&self) -> Millis {
        self.now_f64().max(0.0) as Millis
    }

    fn set_timer(&self, at: Millis, callback: TimerCallback) -> TimerId {
        let seq = self.next_seq.get();
        self.next_seq.set(seq + 1);
        let id = TimerId { at, seq };
        // Round the delay up, so a timer never fires before `now()` reads
        // `at` (performance.now() has sub-millisecond resolution).
        let delay = (at as f64 - self.now_f64()).ceil().max(0.0) as u32;
        let timers = Rc::downgrade(&self.timers);
        let timeout = Timeout::new(delay, move || {
            // Take the fired Timeout out of the map before running user code
            // (which may set or clear timers), and drop it: its clearTimeout
            // is a no-op now, and wasm-bindgen frees a closure dropped during
            // its own call only once that call returns, so this is safe.
            // Forgetting it instead would leak the closure for the life of
            // the page, one per timer.
            let fired = timers.upgrade().and_then(|t| t.borrow_mut().remove(&id));
            drop(fired);
            callback();
        });
        self.timers.borrow_mut().insert(id, Owned::new(timeout));
        id
    }

    fn clear_timer(&self, id: TimerId) {
        let timeout = self.timers.borrow_mut().remove(&id);
        drop(timeout);
    }

    fn pending_timers(&self) -> usize {
        self.timers.borrow().len()
    }
}
