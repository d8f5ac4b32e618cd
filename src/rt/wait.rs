//! Parkers and wait lists: how a blocked task is queued on a channel, lock,
//! group or context, and how exactly one counterpart claims it.
//!
//! A [`Parker`] plays the part of Go's `sudog` plus `selectDone`: one task's
//! one wait, possibly spread over several `select` arms. The first
//! counterpart to `claim` it wins, and every other arm of the same select
//! then sees it claimed and skips it. That is what keeps a `select` from
//! completing two operations at once.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::task::Waker;

use super::executor::Rt;
use super::task::TaskRef;
use super::trace::Kind;

/// Where one wait stands. A plain enum rather than a number with reserved
/// values: an earlier `usize::MAX` "abandoned" marker, squeezed into a `u32`,
/// became the "unclaimed" marker on wasm32 (where `usize` is 32 bits), so an
/// abandoned wait stayed claimable there and swallowed the next value sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Claim {
    /// Still waiting: the first counterpart to claim it wins.
    Open,
    /// A counterpart completed arm `n` (0 for a wait that is not a select).
    Arm(u32),
    /// The waiting future was dropped, or a select went back to look again:
    /// nobody may complete it any more.
    Abandoned,
}

pub(crate) struct Parker {
    // Which task waits, as its number and slab index: 8 bytes rather than a
    // name, since a million of these may be parked at once. `None` for a
    // wait made outside any task (a future polled by hand).
    task: Option<(u32, u32)>,
    // Eight bytes: a parked task stays small.
    claim: Cell<Claim>,
    waker: RefCell<Option<Waker>>,
    // What a counterpart handed over with the claim (a received value).
    // Only the claimed arm can be handed anything, so one slot serves every
    // arm of a select, and a parked receive costs no allocation of its own.
    handed: RefCell<Option<Box<dyn Any>>>,
}

impl Parker {
    pub(crate) fn new(rt: &Rt, waker: &Waker) -> Rc<Parker> {
        Rc::new(Parker {
            task: rt.current_ids(),
            claim: Cell::new(Claim::Open),
            waker: RefCell::new(Some(waker.clone())),
            handed: RefCell::new(None),
        })
    }

    /// Claims the wait for `arm`; `false` if another arm already has it, or
    /// the wait was abandoned.
    pub(crate) fn claim(&self, arm: u32) -> bool {
        if self.claim.get() != Claim::Open {
            return false;
        }
        self.claim.set(Claim::Arm(arm));
        true
    }

    /// Gives up the wait: no counterpart can complete it from now on. Does
    /// nothing to a wait that was claimed already.
    pub(crate) fn abandon(&self) {
        if self.claim.get() == Claim::Open {
            self.claim.set(Claim::Abandoned);
        }
    }

    /// Hands `value` to the claimed waiter.
    pub(crate) fn hand(&self, value: Box<dyn Any>) {
        *self.handed.borrow_mut() = Some(value);
    }

    /// Takes what was handed over, if it is a `V`.
    pub(crate) fn take_handed<V: 'static>(&self) -> Option<V> {
        let value = self.handed.borrow_mut().take()?;
        value.downcast::<V>().ok().map(|v| *v)
    }

    /// Where the wait stands.
    pub(crate) fn state(&self) -> Claim {
        self.claim.get()
    }

    /// Whether the wait is over, claimed or abandoned: its future may stop
    /// waiting.
    pub(crate) fn is_settled(&self) -> bool {
        self.claim.get() != Claim::Open
    }

    pub(crate) fn set_waker(&self, waker: &Waker) {
        let mut slot = self.waker.borrow_mut();
        if !slot.as_ref().is_some_and(|w| w.will_wake(waker)) {
            *slot = Some(waker.clone());
        }
    }

    /// The waiting task, as the trace names it, while it is alive.
    pub(crate) fn task(&self, rt: &Rt) -> Option<TaskRef> {
        let (id, index) = self.task?;
        rt.shared.task_ref(id, index)
    }

    /// Records `kind` for the waiting task, if it is still alive.
    pub(crate) fn record_for_waiter(&self, rt: &Rt, kind: Kind) {
        if let Some(task) = self.task(rt) {
            rt.shared.record_as(&task, kind);
        }
    }

    /// Wakes the parked task, recording who woke it.
    pub(crate) fn wake(&self, rt: &Rt) {
        if rt.tracing() {
            let by = rt.current_name();
            self.record_for_waiter(rt, Kind::Wake { by });
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
    // Waiters removed since the last sweep (see `remove`).
    removed: Cell<usize>,
}

impl WaitList {
    pub(crate) fn push(&self, parker: Rc<Parker>) {
        self.waiters.borrow_mut().push_back(parker);
    }

    /// Forgets `parker`, which its owner abandoned (or another arm of its
    /// select claimed) first, so no wake can take it any more. It may stay
    /// in the list until the removed outnumber the rest, and one sweep then
    /// drops them all: scanning the list for each one was quadratic when
    /// 20,000 goroutines each raced a timer against one context and left
    /// its list one at a time.
    pub(crate) fn remove(&self, parker: &Rc<Parker>) {
        debug_assert!(parker.is_settled(), "a waiter is settled before it is removed");
        let removed = self.removed.get() + 1;
        let mut waiters = self.waiters.borrow_mut();
        if removed * 2 > waiters.len() {
            waiters.retain(|p| !p.is_settled());
            self.removed.set(0);
        } else {
            self.removed.set(removed);
        }
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
        let waiters = std::mem::take(&mut *self.waiters.borrow_mut());
        for parker in waiters {
            if parker.claim(0) {
                parker.wake(rt);
            }
        }
    }

    pub(crate) fn names(&self, rt: &Rt) -> Vec<String> {
        self.waiters
            .borrow()
            .iter()
            .filter(|p| !p.is_settled())
            .filter_map(|p| p.task(rt))
            .map(|t| t.name.to_string())
            .collect()
    }
}
