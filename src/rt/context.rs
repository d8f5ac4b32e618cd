//! `Context`, after Go's `context` package, named in the spirit of
//! tokio-util's `CancellationToken`.
//!
//! A context is cancelled once, by [`Context::cancel`], by its deadline, or
//! by its parent; it then stays cancelled, its [`done`](Context::done)
//! future completes for every waiter, its children are cancelled too, and
//! [`err`](Context::err) says why.
//!
//! ```
//! use csp_playground::rt::{CtxError, Outcome, Run};
//!
//! let run = Run::new_virtual(1);
//! let rt = run.rt();
//! run.start(async move {
//!     let ctx = rt.background().with_deadline("req", 1000);
//!     let child = ctx.with_cancel("db");
//!     child.done().await;
//!     assert_eq!(rt.now(), 1000);
//!     assert_eq!(child.err(), Some(CtxError::DeadlineExceeded));
//! });
//! assert_eq!(run.run_to_end(), Outcome::Finished { at: 1000 });
//! ```

use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context as TaskContext, Poll};

use super::executor::Rt;
use super::select::SelectArm;
use super::task::TaskRef;
use super::time::{Millis, TimerId};
use super::trace::{Kind, Op, Wait};
use super::wait::{Parker, WaitList};

/// Why a context is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CtxError {
    /// `cancel()` was called (on it or a parent).
    Canceled,
    /// Its deadline passed.
    DeadlineExceeded,
}

impl fmt::Display for CtxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CtxError::Canceled => write!(f, "context canceled"),
            CtxError::DeadlineExceeded => write!(f, "context deadline exceeded"),
        }
    }
}

impl std::error::Error for CtxError {}

struct Inner {
    rt: Rt,
    name: Rc<str>,
    owner: Option<TaskRef>,
    deadline: Option<Millis>,
    err: Cell<Option<CtxError>>,
    waiters: WaitList,
    children: RefCell<Vec<Weak<Inner>>>,
    timer: Cell<Option<TimerId>>,
}

/// A Go `context.Context`. Clones share one cancellation.
#[derive(Clone)]
pub struct Context {
    inner: Rc<Inner>,
}

impl fmt::Debug for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Context")
            .field("name", &self.inner.name)
            .field("deadline", &self.inner.deadline)
            .field("err", &self.inner.err.get())
            .finish()
    }
}

impl Rt {
    /// `context.Background()`: never cancelled, no deadline.
    pub fn background(&self) -> Context {
        Context::new(self, "background".into(), None)
    }
}

impl Context {
    fn new(rt: &Rt, name: Rc<str>, deadline: Option<Millis>) -> Context {
        Context {
            inner: Rc::new(Inner {
                rt: rt.clone(),
                name,
                owner: rt.current_task(),
                deadline,
                err: Cell::new(None),
                waiters: WaitList::default(),
                children: RefCell::default(),
                timer: Cell::new(None),
            }),
        }
    }

    fn child(&self, name: &str, deadline: Option<Millis>) -> Context {
        // A child never outlives its parent's deadline.
        let deadline = match (self.inner.deadline, deadline) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let child = Context::new(&self.inner.rt, name.into(), deadline);
        if let Some(err) = self.inner.err.get() {
            child.cancel_with(err);
            return child;
        }
        self.inner.children.borrow_mut().retain(|c| c.strong_count() > 0);
        self.inner.children.borrow_mut().push(Rc::downgrade(&child.inner));
        if let Some(at) = deadline {
            let rt = &child.inner.rt;
            if at <= rt.now() {
                child.cancel_with(CtxError::DeadlineExceeded);
            } else {
                let weak = Rc::downgrade(&child.inner);
                let id = rt.clock().set_timer(
                    at,
                    Box::new(move || {
                        if let Some(inner) = weak.upgrade() {
                            inner.timer.set(None);
                            Context { inner }.cancel_with(CtxError::DeadlineExceeded);
                        }
                    }),
                );
                child.inner.timer.set(Some(id));
                rt.record(Kind::TimerSet { at });
            }
        }
        child
    }

    /// `context.WithCancel(ctx)`: a child cancelled with this one or by its
    /// own `cancel()` (tokio-util's `child_token`).
    #[track_caller]
    pub fn with_cancel(&self, name: &str) -> Context {
        self.inner.rt.at(std::panic::Location::caller());
        self.child(name, None)
    }

    /// `context.WithDeadline(ctx, at)`: cancelled at `at` (virtual ms) at
    /// the latest.
    #[track_caller]
    pub fn with_deadline(&self, name: &str, at: Millis) -> Context {
        self.inner.rt.at(std::panic::Location::caller());
        self.child(name, Some(at))
    }

    /// `context.WithTimeout(ctx, ms)`: a deadline `ms` from now.
    #[track_caller]
    pub fn with_timeout(&self, name: &str, ms: Millis) -> Context {
        self.inner.rt.at(std::panic::Location::caller());
        let at = self.inner.rt.now().saturating_add(ms);
        self.child(name, Some(at))
    }

    /// Cancels this context and its children (Go's `cancel()`); idempotent.
    #[track_caller]
    pub fn cancel(&self) {
        self.inner.rt.at(std::panic::Location::caller());
        self.cancel_with(CtxError::Canceled);
    }

    fn cancel_with(&self, err: CtxError) {
        let inner = &self.inner;
        if inner.err.get().is_some() {
            return;
        }
        inner.err.set(Some(err));
        if let Some(id) = inner.timer.take() {
            inner.rt.clock().clear_timer(id);
        }
        let rt = &inner.rt;
        if rt.tracing() {
            let kind = Kind::Cancel {
                ctx: inner.name.clone(),
                reason: err.to_string().into(),
            };
            // A deadline fires outside any task: charge it to the creator.
            // A deadline's timer fires outside any task: the cancel is
            // charged to the task that made the context.
            match (rt.current_task(), &inner.owner) {
                (None, Some(owner)) => rt.shared.record_as(owner, kind),
                _ => rt.record(kind),
            }
        }
        inner.waiters.wake_all(rt);
        let children = std::mem::take(&mut *inner.children.borrow_mut());
        for child in children.iter().filter_map(Weak::upgrade) {
            Context { inner: child }.cancel_with(err);
        }
    }

    /// Whether it is done.
    pub fn is_cancelled(&self) -> bool {
        self.inner.err.get().is_some()
    }

    /// `ctx.Err()`: `None` until done, then why.
    pub fn err(&self) -> Option<CtxError> {
        self.inner.err.get()
    }

    /// `ctx.Deadline()`.
    pub fn deadline(&self) -> Option<Millis> {
        self.inner.deadline
    }

    /// The name given at creation.
    pub fn name(&self) -> &str {
        &self.inner.name
    }

    /// `<-ctx.Done()`: completes once the context is cancelled.
    ///
    /// # Cancellation safety
    ///
    /// Cancel safe: it only observes.
    #[track_caller]
    pub fn done(&self) -> Done {
        self.inner.rt.at(std::panic::Location::caller());
        Done {
            ctx: self.clone(),
            parker: None,
        }
    }

    /// tokio-util's name for [`done`](Context::done).
    #[track_caller]
    pub fn cancelled(&self) -> Done {
        self.done()
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(id) = self.timer.take() {
            self.rt.clock().clear_timer(id);
        }
    }
}

/// The future of [`Context::done`].
#[must_use = "Done does nothing unless awaited"]
pub struct Done {
    ctx: Context,
    parker: Option<Rc<Parker>>,
}

impl fmt::Debug for Done {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Done").field("ctx", &self.ctx).finish()
    }
}

impl Future for Done {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<()> {
        let this = self.get_mut();
        if this.ctx.is_cancelled() {
            this.parker = None;
            return Poll::Ready(());
        }
        match &this.parker {
            Some(parker) => parker.set_waker(cx.waker()),
            None => {
                let inner = &this.ctx.inner;
                let parker = Parker::new(&inner.rt, cx.waker());
                inner.waiters.push(parker.clone());
                this.parker = Some(parker);
            }
        }
        let inner = &this.ctx.inner;
        inner.rt.park(|| Wait::Op(this.op()));
        Poll::Pending
    }
}

impl SelectArm for Done {
    fn op(&self) -> Op {
        Op::Done {
            ctx: self.ctx.inner.name.clone(),
        }
    }
}

impl Drop for Done {
    fn drop(&mut self) {
        if let Some(parker) = self.parker.take() {
            parker.abandon();
            self.ctx.inner.waiters.remove(&parker);
        }
    }
}
