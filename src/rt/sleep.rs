//! [`Sleep`]: a timer as a future, cleared when dropped (gloo's `Timeout`,
//! tokio's `Sleep`).
//!
//! ```
//! use csp_playground::rt::{Run, Outcome};
//! let run = Run::new_virtual(0);
//! let rt = run.rt();
//! run.start(async move {
//!     rt.sleep(300).await;
//!     assert_eq!(rt.now(), 300);
//! });
//! assert_eq!(run.run_to_end(), Outcome::Finished { at: 300 });
//! ```

use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::executor::Rt;
use super::select::SelectArm;
use super::time::{Millis, TimerId};
use super::trace::{Kind, Op, Wait};

#[derive(Default)]
struct TimerState {
    fired: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

/// Completes at a virtual (or real) instant. Made by [`Rt::sleep`] and
/// [`Rt::sleep_until`].
///
/// # Cancellation safety
///
/// Cancel safe: dropping it clears its timer and nothing else happens.
#[must_use = "a Sleep does nothing unless awaited; dropping it clears its timer"]
pub struct Sleep {
    rt: Rt,
    at: Millis,
    // How long it was asked to sleep, as Go's `time.Sleep(d)` names it.
    ms: Millis,
    timer: Option<(TimerId, Rc<TimerState>)>,
}

impl fmt::Debug for Sleep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sleep").field("at", &self.at).finish()
    }
}

impl Sleep {
    /// When it completes.
    pub fn deadline(&self) -> Millis {
        self.at
    }

    fn sleep_op(&self) -> Op {
        Op::Sleep {
            ms: self.ms,
            until: self.at,
        }
    }
}

impl SelectArm for Sleep {
    /// A sleep as a select arm is Go's `<-time.After(d)`.
    fn op(&self) -> Op {
        Op::After {
            ms: self.ms,
            until: self.at,
        }
    }
}

impl Future for Sleep {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        if let Some((_, state)) = &this.timer {
            if state.fired.get() {
                this.timer = None;
                return Poll::Ready(());
            }
            *state.waker.borrow_mut() = Some(cx.waker().clone());
            this.rt.park(|| Wait::Op(this.sleep_op()));
            return Poll::Pending;
        }
        if this.rt.now() >= this.at {
            return Poll::Ready(());
        }
        let state = Rc::new(TimerState::default());
        *state.waker.borrow_mut() = Some(cx.waker().clone());
        let fired = state.clone();
        let owner = this.rt.current_task();
        let weak = Rc::downgrade(&this.rt.shared);
        let at = this.at;
        let id = this.rt.clock().set_timer(
            at,
            Box::new(move || {
                fired.fired.set(true);
                if let (Some(shared), Some(owner)) = (weak.upgrade(), &owner) {
                    shared.record_as(owner, Kind::TimerFired { at });
                }
                if let Some(waker) = fired.waker.borrow_mut().take() {
                    waker.wake();
                }
            }),
        );
        this.rt.park(|| Wait::Op(this.sleep_op()));
        this.timer = Some((id, state));
        Poll::Pending
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        if let Some((id, state)) = self.timer.take() {
            if !state.fired.get() {
                self.rt.clock().clear_timer(id);
            }
        }
    }
}

impl Rt {
    /// Sleeps for `ms` (Go's `time.Sleep`, and `<-time.After(ms)` as a
    /// `select` arm).
    #[track_caller]
    pub fn sleep(&self, ms: Millis) -> Sleep {
        self.at(std::panic::Location::caller());
        Sleep {
            rt: self.clone(),
            at: self.now().saturating_add(ms),
            ms,
            timer: None,
        }
    }

    /// Sleeps until the instant `at`.
    #[track_caller]
    pub fn sleep_until(&self, at: Millis) -> Sleep {
        self.at(std::panic::Location::caller());
        Sleep {
            rt: self.clone(),
            at,
            ms: at.saturating_sub(self.now()),
            timer: None,
        }
    }
}
