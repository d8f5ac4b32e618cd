//! [`BrowserClock`]: `performance.now()` for time and gloo timeouts for
//! timers, which clear themselves when dropped.

use std::cell::RefCell;
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
    timers: Rc<RefCell<VecMap<TimerId, Timeout>>>,
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
            if let Some(timers) = timers.upgrade() {
                // Forget the fired Timeout before running user code.
                let fired = timers.borrow_mut().remove(&id);
                if let Some(fired) = fired {
                    fired.forget();
                }
            }
            callback();
        });
        self.timers.borrow_mut().insert(id, timeout);
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
