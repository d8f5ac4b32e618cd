//! Channels with Go's semantics, traced.
//!
//! `rt.chan(name, n)` makes a channel that holds exactly `n` values; `n = 0`
//! is a rendezvous, where a send completes only when a receiver takes the
//! value. `close` lets receivers drain what is buffered and then gives them
//! `None`; a send on a closed channel is an error (Go panics). Cloning a
//! [`Chan`] clones the reference, as copying a Go `chan` does; [`Chan::split`]
//! gives the send-only and receive-only halves (`chan<- T`, `<-chan T`).
//!
//! ```
//! use csp_playground::rt::{Run, Outcome};
//!
//! let run = Run::new_virtual(1);
//! let rt = run.rt();
//! run.start(async move {
//!     let (tx, rx) = rt.chan::<u32>("res", 0).split();
//!     rt.go("worker", {
//!         let rt = rt.clone();
//!         async move {
//!             rt.sleep(1000).await;
//!             tx.send(42).await.unwrap();
//!         }
//!     });
//!     let v = rx.recv().await;
//!     assert_eq!((v, rt.now()), (Some(42), 1000));
//! });
//! assert_eq!(run.run_to_end(), Outcome::Finished { at: 1000 });
//! ```
//!
//! # How this differs from `futures::channel::mpsc`
//!
//! futures' `mpsc::channel(n)` accepts `n` values plus one per live
//! `Sender`, so with three senders a "capacity 2" channel can hold five
//! values, and it has no rendezvous (`channel(0)` still buffers one per
//! sender). A page built on it would show sends completing where Go is still
//! blocked. These channels keep Go's count exactly, and the page says so.
//! futures' `oneshot` is still the right tool for a single promise-style
//! reply.

// Implementer notes. A blocked operation queues a waiter holding an
// `Rc<Parker>` (Go's sudog) and a slot the counterpart fills. A counterpart
// pops waiters until it can `claim` one; waiters of a select that another arm
// already won, or of an operation that was dropped, are claimed already and
// are skipped there (lazy removal keeps cancellation O(1) with a million
// parked tasks).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::executor::Rt;
use super::trace::{Kind, Name, Op, Wait};
use super::wait::Parker;

/// A send on a closed channel; gives the value back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError<T>(pub T);

impl<T> fmt::Display for SendError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "send on closed channel")
    }
}

impl<T: fmt::Debug> std::error::Error for SendError<T> {}

/// Why [`Chan::try_send`] did not send; gives the value back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrySendError<T> {
    /// The buffer is full (or, at capacity 0, no receiver is waiting).
    Full(T),
    /// The channel is closed.
    Closed(T),
}

impl<T> fmt::Display for TrySendError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrySendError::Full(_) => write!(f, "channel full"),
            TrySendError::Closed(_) => write!(f, "send on closed channel"),
        }
    }
}

/// Why [`Chan::try_recv`] did not receive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TryRecvError {
    /// Nothing buffered and no sender waiting.
    Empty,
    /// Closed and drained.
    Closed,
}

impl fmt::Display for TryRecvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TryRecvError::Empty => write!(f, "channel empty"),
            TryRecvError::Closed => write!(f, "channel closed"),
        }
    }
}

/// Closing a channel twice (Go panics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CloseError;

impl fmt::Display for CloseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "close of closed channel")
    }
}

impl std::error::Error for CloseError {}

pub(crate) struct SendSlot<T> {
    value: RefCell<Option<(u64, T)>>,
    // Set by the claimer: true when the value was taken, false when closed.
    delivered: Cell<bool>,
}

struct SendWaiter<T> {
    parker: Rc<Parker>,
    arm: u32,
    slot: Rc<SendSlot<T>>,
}

// A blocked receive: the value is handed to its parker (nothing handed
// after a claim means the channel was closed).
struct RecvWaiter {
    parker: Rc<Parker>,
    arm: u32,
}

struct State<T> {
    buf: VecDeque<(u64, T)>,
    closed: bool,
    next_msg: u64,
    sendq: VecDeque<SendWaiter<T>>,
    recvq: VecDeque<RecvWaiter>,
}

struct Inner<T> {
    rt: Rt,
    id: u32,
    name: Rc<str>,
    cap: usize,
    state: RefCell<State<T>>,
}

impl<T> Drop for Inner<T> {
    // The last handle is gone: record it, so a view can fold the many
    // short-lived channels of a long run (one reply channel per request)
    // into a count instead of listing each.
    fn drop(&mut self) {
        if self.rt.tracing() {
            self.rt.record(Kind::ChanDropped {
                chan: self.name.clone(),
                chan_id: self.id,
            });
        }
    }
}

/// A Go channel: both ends. Clone it to share it.
pub struct Chan<T> {
    inner: Rc<Inner<T>>,
}

/// The send-only half (`chan<- T`).
pub struct Sender<T> {
    chan: Chan<T>,
}

/// The receive-only half (`<-chan T`).
pub struct Receiver<T> {
    chan: Chan<T>,
}

impl<T> Clone for Chan<T> {
    fn clone(&self) -> Self {
        Chan {
            inner: self.inner.clone(),
        }
    }
}

impl<T> Clone for Sender<T> {
    fn clone(&self) -> Self {
        Sender {
            chan: self.chan.clone(),
        }
    }
}

impl<T> Clone for Receiver<T> {
    fn clone(&self) -> Self {
        Receiver {
            chan: self.chan.clone(),
        }
    }
}

impl<T> fmt::Debug for Chan<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Chan")
            .field("name", &self.inner.name)
            .field("cap", &self.inner.cap)
            .finish()
    }
}

impl<T> fmt::Debug for Sender<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Sender").field(&self.chan).finish()
    }
}

impl<T> fmt::Debug for Receiver<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Receiver").field(&self.chan).finish()
    }
}

impl Rt {
    /// `make(chan T, cap)`, named for the trace.
    #[track_caller]
    pub fn chan<T: fmt::Debug + 'static>(&self, name: &str, cap: usize) -> Chan<T> {
        self.at(std::panic::Location::caller());
        let id = self.next_object_id();
        if self.tracing() {
            self.record(Kind::Make {
                chan: name.into(),
                chan_id: id,
                cap,
            });
        }
        Chan {
            inner: Rc::new(Inner {
                rt: self.clone(),
                id,
                name: name.into(),
                cap,
                state: RefCell::new(State {
                    buf: VecDeque::with_capacity(cap.min(1024)),
                    closed: false,
                    next_msg: 0,
                    sendq: VecDeque::new(),
                    recvq: VecDeque::new(),
                }),
            }),
        }
    }
}

impl<T: fmt::Debug + 'static> Chan<T> {
    /// The send-only and receive-only halves.
    pub fn split(self) -> (Sender<T>, Receiver<T>) {
        (Sender { chan: self.clone() }, Receiver { chan: self })
    }

    /// The name given at `make`.
    pub fn name(&self) -> &str {
        &self.inner.name
    }

    /// The channel's number in its run (the trace's `chan_id`), in the
    /// order channels were made.
    pub fn id(&self) -> u32 {
        self.inner.id
    }

    /// Values buffered now (`len(ch)`).
    pub fn len(&self) -> usize {
        self.inner.state.borrow().buf.len()
    }

    /// Whether nothing is buffered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The capacity given at `make` (`cap(ch)`).
    pub fn cap(&self) -> usize {
        self.inner.cap
    }

    /// Whether `close` was called.
    pub fn is_closed(&self) -> bool {
        self.inner.state.borrow().closed
    }

    /// Tasks blocked sending now.
    pub fn blocked_senders(&self) -> usize {
        let state = self.inner.state.borrow();
        state.sendq.iter().filter(|w| !w.parker.is_settled()).count()
    }

    /// Tasks blocked receiving now.
    pub fn blocked_receivers(&self) -> usize {
        let state = self.inner.state.borrow();
        state.recvq.iter().filter(|w| !w.parker.is_settled()).count()
    }

    /// `ch <- value`: completes when the value is buffered or, at capacity
    /// 0, taken by a receiver.
    ///
    /// # Cancellation safety
    ///
    /// Dropping the future before it completes means the value was not
    /// sent, and it is dropped with the future.
    #[track_caller]
    pub fn send(&self, value: T) -> SendFuture<T> {
        self.inner.rt.at(std::panic::Location::caller());
        SendFuture {
            chan: self.clone(),
            value: Some(value),
            wait: None,
        }
    }

    /// `<-ch`: the next value, or `None` once the channel is closed and
    /// drained.
    ///
    /// # Cancellation safety
    ///
    /// Cancel safe until a sender hands it a value; a value handed to a
    /// receive that is then dropped counts as received (the trace shows it),
    /// as in Go where the receiving goroutine got it.
    #[track_caller]
    pub fn recv(&self) -> RecvFuture<T> {
        self.inner.rt.at(std::panic::Location::caller());
        RecvFuture {
            chan: self.clone(),
            wait: None,
        }
    }

    /// Sends without blocking.
    #[track_caller]
    pub fn try_send(&self, value: T) -> Result<(), TrySendError<T>> {
        self.inner.rt.at(std::panic::Location::caller());
        let inner = &self.inner;
        let mut state = inner.state.borrow_mut();
        if state.closed {
            drop(state);
            inner.rt.error("send on closed channel");
            return Err(TrySendError::Closed(value));
        }
        // A waiting receiver takes the value straight from our hands.
        while let Some(waiter) = state.recvq.pop_front() {
            if !waiter.parker.claim(waiter.arm) {
                continue;
            }
            let msg = state.next_msg;
            state.next_msg += 1;
            drop(state);
            let rt = &inner.rt;
            if rt.tracing() {
                let shown: Name = format!("{value:?}").into();
                rt.record(self.send_event(msg, shown.clone()));
                waiter.parker.record_for_waiter(rt, self.recv_event(msg, shown));
            }
            waiter.parker.hand(Box::new((msg, value)));
            waiter.parker.wake(rt);
            return Ok(());
        }
        if state.buf.len() < inner.cap {
            let msg = state.next_msg;
            state.next_msg += 1;
            if inner.rt.tracing() {
                inner.rt.record(self.send_event(msg, format!("{value:?}").into()));
            }
            state.buf.push_back((msg, value));
            return Ok(());
        }
        Err(TrySendError::Full(value))
    }

    /// Receives without blocking.
    #[track_caller]
    pub fn try_recv(&self) -> Result<T, TryRecvError> {
        self.inner.rt.at(std::panic::Location::caller());
        let inner = &self.inner;
        let rt = &inner.rt;
        let mut state = inner.state.borrow_mut();
        if let Some((msg, value)) = state.buf.pop_front() {
            if rt.tracing() {
                rt.record(self.recv_event(msg, format!("{value:?}").into()));
            }
            // A slot opened: the first blocked sender's value moves in.
            while let Some(waiter) = state.sendq.pop_front() {
                if !waiter.parker.claim(waiter.arm) {
                    continue;
                }
                let moved = waiter.slot.value.borrow_mut().take();
                if let Some((m, v)) = moved {
                    if rt.tracing() {
                        waiter
                            .parker
                            .record_for_waiter(rt, self.send_event(m, format!("{v:?}").into()));
                    }
                    state.buf.push_back((m, v));
                }
                waiter.slot.delivered.set(true);
                drop(state);
                waiter.parker.wake(rt);
                return Ok(value);
            }
            return Ok(value);
        }
        // Unbuffered (or drained with senders waiting): take from a sender.
        while let Some(waiter) = state.sendq.pop_front() {
            if !waiter.parker.claim(waiter.arm) {
                continue;
            }
            waiter.slot.delivered.set(true);
            let taken = waiter.slot.value.borrow_mut().take();
            // Only the claimer takes a blocked sender's value, so it is there.
            let Some((msg, value)) = taken else {
                continue;
            };
            drop(state);
            if rt.tracing() {
                let shown: Name = format!("{value:?}").into();
                waiter
                    .parker
                    .record_for_waiter(rt, self.send_event(msg, shown.clone()));
                rt.record(self.recv_event(msg, shown));
            }
            waiter.parker.wake(rt);
            return Ok(value);
        }
        if state.closed {
            drop(state);
            if !rt.tracing() {
                return Err(TryRecvError::Closed);
            }
            rt.record(Kind::RecvClosed {
                chan: self.inner.name.clone(),
                chan_id: self.inner.id,
            });
            return Err(TryRecvError::Closed);
        }
        Err(TryRecvError::Empty)
    }

    /// `close(ch)`: receivers drain the buffer, then get `None`; blocked
    /// senders fail with [`SendError`].
    #[track_caller]
    pub fn close(&self) -> Result<(), CloseError> {
        self.inner.rt.at(std::panic::Location::caller());
        let inner = &self.inner;
        let rt = &inner.rt;
        let (receivers, senders) = {
            let mut state = inner.state.borrow_mut();
            if state.closed {
                drop(state);
                rt.error("close of closed channel");
                return Err(CloseError);
            }
            state.closed = true;
            (std::mem::take(&mut state.recvq), std::mem::take(&mut state.sendq))
        };
        if rt.tracing() {
            rt.record(Kind::Close {
                chan: inner.name.clone(),
                chan_id: inner.id,
            });
        }
        for waiter in receivers {
            if waiter.parker.claim(waiter.arm) {
                waiter.parker.wake(rt);
            }
        }
        for waiter in senders {
            if waiter.parker.claim(waiter.arm) {
                waiter.parker.wake(rt);
            }
        }
        Ok(())
    }

    pub(crate) fn rt(&self) -> &Rt {
        &self.inner.rt
    }

    /// `ch <- v` on this channel, as a park names it.
    pub(crate) fn send_op(&self) -> Op {
        Op::Send {
            chan: self.inner.name.clone(),
            chan_id: self.inner.id,
        }
    }

    /// `<-ch` on this channel, as a park names it.
    pub(crate) fn recv_op(&self) -> Op {
        Op::Recv {
            chan: self.inner.name.clone(),
            chan_id: self.inner.id,
        }
    }

    pub(crate) fn enqueue_send(&self, parker: &Rc<Parker>, arm: u32, value: T) -> Rc<SendSlot<T>> {
        let mut state = self.inner.state.borrow_mut();
        // The message number is fixed when the send starts blocking, so the
        // trace pairs it with its receive however long it waits.
        let msg = state.next_msg;
        state.next_msg += 1;
        let slot = Rc::new(SendSlot {
            value: RefCell::new(Some((msg, value))),
            delivered: Cell::new(false),
        });
        state.sendq.push_back(SendWaiter {
            parker: parker.clone(),
            arm,
            slot: slot.clone(),
        });
        slot
    }

    pub(crate) fn enqueue_recv(&self, parker: &Rc<Parker>, arm: u32) {
        self.inner.state.borrow_mut().recvq.push_back(RecvWaiter {
            parker: parker.clone(),
            arm,
        });
    }

    /// The outcome of a claimed blocked send: `Ok` or the value back.
    pub(crate) fn finish_send(&self, slot: &SendSlot<T>) -> Result<(), SendError<T>> {
        if slot.delivered.get() {
            return Ok(());
        }
        self.inner.rt.error("send on closed channel");
        match slot.value.borrow_mut().take() {
            Some((_, v)) => Err(SendError(v)),
            None => Ok(()),
        }
    }

    /// The outcome of a claimed blocked receive.
    pub(crate) fn finish_recv(&self, parker: &Parker) -> Option<T> {
        let value = parker.take_handed::<(u64, T)>();
        if value.is_none() && self.inner.rt.tracing() {
            self.inner.rt.record(Kind::RecvClosed {
                chan: self.inner.name.clone(),
                chan_id: self.inner.id,
            });
        }
        value.map(|(_, v)| v)
    }

    /// Takes back the value of a blocked send that was abandoned.
    pub(crate) fn reclaim(slot: &SendSlot<T>) -> Option<T> {
        slot.value.borrow_mut().take().map(|(_, v)| v)
    }

    fn send_event(&self, msg: u64, value: Name) -> Kind {
        Kind::Send {
            chan: self.inner.name.clone(),
            chan_id: self.inner.id,
            msg,
            value,
        }
    }

    fn recv_event(&self, msg: u64, value: Name) -> Kind {
        Kind::Recv {
            chan: self.inner.name.clone(),
            chan_id: self.inner.id,
            msg,
            value,
        }
    }
}

impl<T: fmt::Debug + 'static> Sender<T> {
    /// See [`Chan::send`].
    #[track_caller]
    pub fn send(&self, value: T) -> SendFuture<T> {
        self.chan.send(value)
    }
    /// See [`Chan::try_send`].
    #[track_caller]
    pub fn try_send(&self, value: T) -> Result<(), TrySendError<T>> {
        self.chan.try_send(value)
    }
    /// See [`Chan::close`].
    #[track_caller]
    pub fn close(&self) -> Result<(), CloseError> {
        self.chan.close()
    }
    /// The channel behind this half.
    pub fn chan(&self) -> &Chan<T> {
        &self.chan
    }
}

impl<T: fmt::Debug + 'static> Receiver<T> {
    /// See [`Chan::recv`].
    #[track_caller]
    pub fn recv(&self) -> RecvFuture<T> {
        self.chan.recv()
    }
    /// See [`Chan::try_recv`].
    #[track_caller]
    pub fn try_recv(&self) -> Result<T, TryRecvError> {
        self.chan.try_recv()
    }
    /// The channel behind this half.
    pub fn chan(&self) -> &Chan<T> {
        &self.chan
    }
}

/// The future of [`Chan::send`].
#[must_use = "a send does nothing unless awaited"]
pub struct SendFuture<T: fmt::Debug + 'static> {
    chan: Chan<T>,
    value: Option<T>,
    wait: Option<(Rc<Parker>, Rc<SendSlot<T>>)>,
}

impl<T: fmt::Debug + 'static> fmt::Debug for SendFuture<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendFuture").field("chan", &self.chan).finish()
    }
}

impl<T: fmt::Debug + 'static> Unpin for SendFuture<T> {}

impl<T: fmt::Debug + 'static> Future for SendFuture<T> {
    type Output = Result<(), SendError<T>>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        if let Some((parker, slot)) = &this.wait {
            if parker.is_settled() {
                let result = this.chan.finish_send(slot);
                this.wait = None;
                return Poll::Ready(result);
            }
            parker.set_waker(cx.waker());
            return Poll::Pending;
        }
        let Some(value) = this.value.take() else {
            return Poll::Ready(Ok(()));
        };
        match this.chan.try_send(value) {
            Ok(()) => Poll::Ready(Ok(())),
            Err(TrySendError::Closed(v)) => Poll::Ready(Err(SendError(v))),
            Err(TrySendError::Full(v)) => {
                let rt = this.chan.rt();
                let parker = Parker::new(rt, cx.waker());
                let slot = this.chan.enqueue_send(&parker, 0, v);
                rt.park(|| Wait::Op(this.chan.send_op()));
                this.wait = Some((parker, slot));
                Poll::Pending
            }
        }
    }
}

impl<T: fmt::Debug + 'static> Drop for SendFuture<T> {
    fn drop(&mut self) {
        if let Some((parker, _)) = &self.wait {
            parker.abandon();
        }
    }
}

/// The future of [`Chan::recv`].
#[must_use = "a receive does nothing unless awaited"]
pub struct RecvFuture<T: fmt::Debug + 'static> {
    chan: Chan<T>,
    wait: Option<Rc<Parker>>,
}

impl<T: fmt::Debug + 'static> fmt::Debug for RecvFuture<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecvFuture").field("chan", &self.chan).finish()
    }
}

impl<T: fmt::Debug + 'static> Future for RecvFuture<T> {
    type Output = Option<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let this = self.get_mut();
        if let Some(parker) = &this.wait {
            if parker.is_settled() {
                let value = this.chan.finish_recv(parker);
                this.wait = None;
                return Poll::Ready(value);
            }
            parker.set_waker(cx.waker());
            return Poll::Pending;
        }
        match this.chan.try_recv() {
            Ok(v) => Poll::Ready(Some(v)),
            Err(TryRecvError::Closed) => Poll::Ready(None),
            Err(TryRecvError::Empty) => {
                let rt = this.chan.rt();
                let parker = Parker::new(rt, cx.waker());
                this.chan.enqueue_recv(&parker, 0);
                rt.park(|| Wait::Op(this.chan.recv_op()));
                this.wait = Some(parker);
                Poll::Pending
            }
        }
    }
}

impl<T: fmt::Debug + 'static> Drop for RecvFuture<T> {
    fn drop(&mut self) {
        if let Some(parker) = &self.wait {
            parker.abandon();
        }
    }
}
