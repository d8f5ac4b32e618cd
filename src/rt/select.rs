//! `select`: wait on several channel operations and futures, take the first
//! that can proceed, and when several can, let the seed choose, as Go picks
//! uniformly among ready cases.
//!
//! Each arm maps its result into one type `R`, so the caller matches on a
//! plain enum:
//!
//! ```
//! use csp_playground::rt::{Run, Outcome};
//!
//! enum Ev { Word(Option<String>), Timeout }
//!
//! let run = Run::new_virtual(3);
//! let rt = run.rt();
//! run.start(async move {
//!     let words = rt.chan::<String>("words", 1);
//!     let got = rt
//!         .select()
//!         .recv(&words, Ev::Word)
//!         .future(rt.sleep(100), |()| Ev::Timeout)
//!         .await;
//!     assert!(matches!(got, Ev::Timeout));
//!     assert_eq!(rt.now(), 100);
//! });
//! assert_eq!(run.run_to_end(), Outcome::Finished { at: 100 });
//! ```
//!
//! # Cancellation safety
//!
//! Dropping a `Select` before it completes leaves every channel as it was:
//! a blocked send arm's value is dropped with it, unsent. Once a counterpart
//! has completed one arm, that arm is the result; no other arm can complete
//! in the same select (the [`Parker`](super::wait) is claimed once).

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::chan::{Chan, SendError, SendSlot, TryRecvError, TrySendError};
use super::executor::Rt;
use super::trace::{Kind, Name, Op, Wait};
use super::wait::{Claim, Parker};

trait Arm<R> {
    /// Completes now if it can, without blocking.
    fn try_now(&mut self, cx: &mut Context<'_>) -> Option<R>;
    /// Queues as arm `index` of `parker`.
    fn enqueue(&mut self, parker: &Rc<Parker>, index: u32);
    /// The result, after a counterpart claimed this arm of `parker`.
    fn finish(&mut self, parker: &Parker) -> R;
    /// Takes back what was queued after the wait was abandoned.
    fn abandon(&mut self);
    /// The operation this arm waits for, as the trace names it.
    fn op(&self) -> Op;
}

/// A future that can be a `select` arm, and says which Go operation it
/// stands for: [`Sleep`](super::Sleep) is `<-time.After(d)`,
/// [`Done`](super::Done) is `<-ctx.Done()`. The trace records that
/// operation, so no reader has to guess it from a type name.
pub trait SelectArm: Future {
    /// The operation, as the trace and the event log name it.
    fn op(&self) -> Op;
}

struct RecvArm<T: fmt::Debug + 'static, F> {
    chan: Chan<T>,
    map: Option<F>,
}

impl<T: fmt::Debug + 'static, R, F: FnOnce(Option<T>) -> R> Arm<R> for RecvArm<T, F> {
    fn try_now(&mut self, _: &mut Context<'_>) -> Option<R> {
        let value = match self.chan.try_recv() {
            Ok(v) => Some(v),
            Err(TryRecvError::Closed) => None,
            Err(TryRecvError::Empty) => return None,
        };
        self.map.take().map(|f| f(value))
    }

    fn enqueue(&mut self, parker: &Rc<Parker>, index: u32) {
        self.chan.enqueue_recv(parker, index);
    }

    fn finish(&mut self, parker: &Parker) -> R {
        let value = self.chan.finish_recv(parker);
        (self.map.take().expect("an arm finishes once"))(value)
    }

    fn abandon(&mut self) {}

    fn op(&self) -> Op {
        self.chan.recv_op()
    }
}

struct SendArm<T: fmt::Debug + 'static, F> {
    chan: Chan<T>,
    value: Option<T>,
    map: Option<F>,
    slot: Option<Rc<SendSlot<T>>>,
}

impl<T: fmt::Debug + 'static, R, F: FnOnce(Result<(), SendError<T>>) -> R> Arm<R> for SendArm<T, F> {
    fn try_now(&mut self, _: &mut Context<'_>) -> Option<R> {
        let value = self.value.take()?;
        let result = match self.chan.try_send(value) {
            Ok(()) => Ok(()),
            Err(TrySendError::Closed(v)) => Err(SendError(v)),
            Err(TrySendError::Full(v)) => {
                self.value = Some(v);
                return None;
            }
        };
        self.map.take().map(|f| f(result))
    }

    fn enqueue(&mut self, parker: &Rc<Parker>, index: u32) {
        if let Some(value) = self.value.take() {
            self.slot = Some(self.chan.enqueue_send(parker, index, value));
        }
    }

    fn finish(&mut self, _: &Parker) -> R {
        let slot = self.slot.take().expect("a claimed send arm was queued");
        let result = self.chan.finish_send(&slot);
        (self.map.take().expect("an arm finishes once"))(result)
    }

    fn abandon(&mut self) {
        if let Some(slot) = self.slot.take() {
            self.value = Chan::reclaim(&slot);
        }
    }

    fn op(&self) -> Op {
        self.chan.send_op()
    }
}

struct FutureArm<Fut, F> {
    future: Pin<Box<Fut>>,
    map: Option<F>,
    op: Op,
}

impl<Fut: Future, R, F: FnOnce(Fut::Output) -> R> Arm<R> for FutureArm<Fut, F> {
    fn try_now(&mut self, cx: &mut Context<'_>) -> Option<R> {
        match self.future.as_mut().poll(cx) {
            Poll::Ready(out) => self.map.take().map(|f| f(out)),
            Poll::Pending => None,
        }
    }

    // A future wakes the task itself; it is never claimed through a parker.
    fn enqueue(&mut self, _: &Rc<Parker>, _: u32) {}

    fn finish(&mut self, _: &Parker) -> R {
        unreachable!("future arms are never claimed")
    }

    fn abandon(&mut self) {}

    fn op(&self) -> Op {
        self.op.clone()
    }
}

/// A `select` being built or awaited; made by [`Rt::select`].
#[must_use = "a select does nothing unless awaited"]
pub struct Select<'a, R> {
    rt: Rt,
    arms: Vec<Box<dyn Arm<R> + 'a>>,
    default: Option<Box<dyn FnOnce() -> R + 'a>>,
    parker: Option<Rc<Parker>>,
}

impl<R> fmt::Debug for Select<'_, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ops: Vec<Op> = self.arms.iter().map(|a| a.op()).collect();
        f.debug_struct("Select").field("arms", &ops).finish()
    }
}

impl Rt {
    /// Starts a `select`; add arms, then `.await` it.
    #[track_caller]
    pub fn select<'a, R>(&self) -> Select<'a, R> {
        self.at(std::panic::Location::caller());
        Select {
            rt: self.clone(),
            arms: Vec::new(),
            default: None,
            parker: None,
        }
    }
}

impl<'a, R: 'a> Select<'a, R> {
    /// `case v, ok := <-ch`: `None` when the channel is closed and drained.
    pub fn recv<T: fmt::Debug + 'static>(
        mut self,
        chan: &Chan<T>,
        map: impl FnOnce(Option<T>) -> R + 'a,
    ) -> Self {
        self.arms.push(Box::new(RecvArm {
            chan: chan.clone(),
            map: Some(map),
        }));
        self
    }

    /// `case ch <- value`.
    pub fn send<T: fmt::Debug + 'static>(
        mut self,
        chan: &Chan<T>,
        value: T,
        map: impl FnOnce(Result<(), SendError<T>>) -> R + 'a,
    ) -> Self {
        self.arms.push(Box::new(SendArm {
            chan: chan.clone(),
            value: Some(value),
            map: Some(map),
            slot: None,
        }));
        self
    }

    /// A runtime future as an arm: `ctx.done()`, or `rt.sleep(ms)` (Go's
    /// `<-time.After(ms)`). It is dropped if another arm wins, which is safe
    /// for both.
    pub fn future<Fut: SelectArm + 'a>(self, future: Fut, map: impl FnOnce(Fut::Output) -> R + 'a) -> Self {
        let op = future.op();
        self.push_future(op, future, map)
    }

    /// Any other future as an arm, shown in the trace as `label`. It must be
    /// cancel safe: it is dropped if another arm wins.
    pub fn labelled_future<Fut: Future + 'a>(
        self,
        label: impl Into<Name>,
        future: Fut,
        map: impl FnOnce(Fut::Output) -> R + 'a,
    ) -> Self {
        self.push_future(Op::Future { label: label.into() }, future, map)
    }

    fn push_future<Fut: Future + 'a>(
        mut self,
        op: Op,
        future: Fut,
        map: impl FnOnce(Fut::Output) -> R + 'a,
    ) -> Self {
        self.arms.push(Box::new(FutureArm {
            future: Box::pin(future),
            map: Some(map),
            op,
        }));
        self
    }

    /// `default:` taken when no arm can proceed at once.
    pub fn default(mut self, f: impl FnOnce() -> R + 'a) -> Self {
        self.default = Some(Box::new(f));
        self
    }

    fn chose(&self, arm: Option<Op>) {
        if self.rt.tracing() {
            self.rt.record(Kind::Select { arm });
        }
    }
}

impl<R> Unpin for Select<'_, R> {}

impl<'a, R: 'a> Future for Select<'a, R> {
    type Output = R;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R> {
        let this = self.get_mut();
        if let Some(parker) = this.parker.take() {
            if let Claim::Arm(index) = parker.state() {
                let index = index as usize;
                for (i, arm) in this.arms.iter_mut().enumerate() {
                    if i != index {
                        arm.abandon();
                    }
                }
                this.chose(Some(this.arms[index].op()));
                return Poll::Ready(this.arms[index].finish(&parker));
            }
            // Woken by a future arm (or spuriously): leave every queue, then
            // look again from scratch.
            parker.abandon();
            for arm in &mut this.arms {
                arm.abandon();
            }
        }
        // Go picks uniformly among ready cases; the seed fixes the shuffle.
        let mut order: Vec<usize> = (0..this.arms.len()).collect();
        for i in (1..order.len()).rev() {
            let j = this.rt.rand_below(i as u64 + 1) as usize;
            order.swap(i, j);
        }
        let rt = this.rt.clone();
        let ready = rt.in_select(|| {
            order
                .into_iter()
                .find_map(|index| this.arms[index].try_now(cx).map(|result| (index, result)))
        });
        if let Some((index, result)) = ready {
            this.chose(Some(this.arms[index].op()));
            return Poll::Ready(result);
        }
        if let Some(default) = this.default.take() {
            this.chose(None);
            return Poll::Ready(default());
        }
        let parker = Parker::new(&this.rt, cx.waker());
        for (index, arm) in (0u32..).zip(this.arms.iter_mut()) {
            arm.enqueue(&parker, index);
        }
        let arms = &this.arms;
        this.rt
            .park(|| Wait::Select(arms.iter().map(|a| a.op()).collect()));
        this.parker = Some(parker);
        Poll::Pending
    }
}

impl<R> Drop for Select<'_, R> {
    fn drop(&mut self) {
        if let Some(parker) = &self.parker {
            parker.abandon();
        }
    }
}
