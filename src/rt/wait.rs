//! Parkers and wait lists: how a blocked task is queued on a channel, lock,
//! group or context, and how exactly one counterpart claims it.
//!
//! A [`Parker`] plays the part of Go's `sudog` plus `selectDone`: one task's
//! one wait, possibly spread over several `select` arms. The first
//! counterpart to `claim` it wins, and every other arm of the same select
//! then sees it claimed and skips it. That is what keeps a `select` from
//! completing two operations at once.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::task::Waker;

use super::executor::{Rt, TaskRef};
use super::trace::Kind;

pub(crate) struct Parker {
    pub(crate) task: TaskRef,
    claimed: Cell<Option<usize>>,
    waker: RefCell<Option<Waker>>,
}

impl Parker {
    pub(crate) fn new(rt: &Rt, waker: &Waker) -> Rc<Parker> {
        Rc::new(Parker {
            task: rt.current_task(),
            claimed: Cell::new(None),
            waker: RefCell::new(Some(waker.clone())),
        })
    }

    /// Claims the wait for `arm`; `false` if another arm already has it.
    pub(crate) fn claim(&self, arm: usize) -> bool {
        if self.claimed.get().is_some() {
            return false;
        }
        self.claimed.set(Some(arm));
        true
    }

    pub(crate) fn claimed(&self) -> Option<usize> {
        self.claimed.get()
    }

    pub(crate) fn set_waker(&self, waker: &Waker) {
        let mut slot = self.waker.borrow_mut();
        if !slot.as_ref().is_some_and(|w| w.will_wake(waker)) {
            *slot = Some(waker.clone());
        }
    }

    /// Wakes the parked task, recording who woke it.
    pub(crate) fn wake(&self, rt: &Rt) {
        if rt.tracing() {
            let by = rt.current_task().name.to_string();
            rt.shared.record_as(&self.task, Kind::Wake { by });
        }
        if let Some(waker) = self.waker.borrow_mut().take() {
            waker.wake();
        }
    }
}

/// Tasks waiting for a condition (a context's cancellation, a WaitGroup
/// reaching zero, a lock), in arrival order.
#[derive(Default)]
pub(crate) struct WaitList {
    waiters: RefCell<VecDeque<Rc<Parker>>>,
}

impl WaitList {
    pub(crate) fn push(&self, parker: Rc<Parker>) {
        self.waiters.borrow_mut().push_back(parker);
    }

    pub(crate) fn remove(&self, parker: &Rc<Parker>) {
        self.waiters.borrow_mut().retain(|p| !Rc::ptr_eq(p, parker));
    }

    /// Claims and wakes the first waiter not already claimed elsewhere.
    pub(crate) fn wake_one(&self, rt: &Rt) -> Option<Rc<Parker>> {
        loop {
            let parker = self.waiters.borrow_mut().pop_front()?;
            if parker.claim(0) {
                parker.wake(rt);
                return Some(parker);
            }
        }
    }

    /// Claims and wakes every waiter.
    pub(crate) fn wake_all(&self, rt: &Rt) {
        let waiters: Vec<_> = self.waiters.borrow_mut().drain(..).collect();
        for parker in waiters {
            if parker.claim(0) {
                parker.wake(rt);
            }
        }
    }

    pub(crate) fn names(&self) -> Vec<String> {
        self.waiters
            .borrow()
            .iter()
            .map(|p| p.task.name.to_string())
            .collect()
    }
}
