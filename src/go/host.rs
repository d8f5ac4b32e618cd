//! The interpreter's one door into `rt`: every channel, timer, lock,
//! context, spawn and trace record the Go engine makes goes through here, so
//! a change in `rt`'s API (a typed trace, explicit positions) changes this
//! file only.
//!
//! [`at`] is the one place that tells `rt` which Go position the current op
//! is at.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context as TaskCx, Poll};

use crate::rt::{self, Rt};

use super::ir::Span;
use super::value::Value;

pub type Chan = rt::Chan<Value>;
pub type Context = rt::Context;
pub type WaitGroup = rt::WaitGroup;
pub use rt::Run;

/// A Go `sync.Mutex`: Go unlocks by a call, not by dropping a guard, so the
/// guard lives here between `Lock` and `Unlock`.
pub struct Mutex {
    lock: rt::Mutex<()>,
    guard: RefCell<Option<rt::MutexGuard<()>>>,
}

/// A ticker's epoch: its ticks go on while it holds the number they began
/// with, so `Stop` and `Reset` end them by moving it on.
pub type Epoch = Rc<Cell<u64>>;

/// The Go position of the op the current goroutine runs: its events carry it.
/// The prelude's code has none (line 0): its ops keep the position of the
/// program's call into it.
pub fn at(rt: &Rt, span: Span) {
    if span.in_prelude() {
        return;
    }
    rt.set_pos(rt::Pos {
        line: span.line,
        col: span.col,
    });
}

/// Bytes live on the heap, where the binary counts them.
pub fn live_bytes() -> Option<usize> {
    csp_meter::live()
}

pub fn now_ms(rt: &Rt) -> u64 {
    rt.now()
}

pub fn output(rt: &Rt, line: &str) {
    rt.output(line);
}

pub fn output_stderr(rt: &Rt, line: &str) {
    rt.output_stderr(line);
}

/// The rt task id of the goroutine running now.
pub fn task_id(rt: &Rt) -> Option<u32> {
    rt.current_ids().map(|(id, _)| id)
}

/// Runs `f` as main if the run is about to end in a deadlock.
pub fn before_deadlock(rt: &Rt, f: impl FnOnce() + 'static) {
    rt.before_deadlock(f);
}

pub fn note(rt: &Rt, text: &str) {
    rt.note(text);
}

pub fn error(rt: &Rt, message: &str) {
    rt.error(message);
}

pub fn rand_below(rt: &Rt, n: u64) -> u64 {
    rt.rand_below(n.max(1))
}

pub fn spawn(rt: &Rt, name: &str, future: impl Future<Output = ()> + 'static) -> u32 {
    rt.go(name, future)
}

pub fn make_chan(rt: &Rt, name: &str, cap: usize) -> Chan {
    rt.chan(name, cap)
}

pub fn chan_len(c: &Chan) -> usize {
    c.len()
}

pub fn chan_cap(c: &Chan) -> usize {
    c.cap()
}

/// `close(c)`: `false` when it was closed already.
pub fn close(c: &Chan) -> bool {
    c.close().is_ok()
}

pub fn same_chan(a: &Chan, b: &Chan) -> bool {
    chan_key(a) == chan_key(b)
}

/// A channel's identity: each channel's name is its own allocation, so its
/// address is the channel's.
fn chan_key(c: &Chan) -> usize {
    c.name().as_ptr() as usize
}

pub fn wait_group(rt: &Rt) -> WaitGroup {
    rt.wait_group("wg")
}

/// `wg.Add(delta)`: `false` when the counter would go negative.
pub fn wg_add(wg: &WaitGroup, delta: i64) -> bool {
    wg.add(delta).is_ok()
}

pub fn mutex(rt: &Rt) -> Mutex {
    Mutex {
        lock: rt.mutex("mu", ()),
        guard: RefCell::new(None),
    }
}

/// What copying a Go `sync.Mutex` value makes: a lock of its own, locked
/// if this one is (Go copies the state, and the copy's `Unlock` then
/// works), but never shared with it, and with no event for the copy.
pub fn copy_mutex(m: &Mutex) -> Mutex {
    let (lock, guard) = m.lock.copy_with(());
    Mutex {
        lock,
        guard: RefCell::new(guard),
    }
}

impl Drop for Mutex {
    // A mutex that goes away locked was never unlocked by the program:
    // its guard must not record an Unlock at whatever time the value is
    // dropped.
    fn drop(&mut self) {
        if let Some(guard) = self.guard.get_mut().take() {
            guard.release_quietly();
        }
    }
}

/// Whether somebody holds `m`.
pub fn is_locked(m: &Mutex) -> bool {
    m.lock.is_locked()
}

/// `mu.Unlock()`: `false` when it was not locked.
pub fn unlock(m: &Mutex) -> bool {
    let guard = m.guard.borrow_mut().take();
    guard.is_some()
}

/// `mu.TryLock()`: whether it took the lock.
pub fn try_lock(m: &Mutex) -> bool {
    match m.lock.try_lock() {
        Some(guard) => {
            *m.guard.borrow_mut() = Some(guard);
            true
        }
        None => false,
    }
}

pub fn background(rt: &Rt) -> Context {
    rt.background()
}

pub fn with_cancel(parent: &Context) -> Context {
    parent.with_cancel("ctx")
}

/// `context.WithTimeout`; the deadline goes into the trace as a fact, so
/// the page's deadline ledger shows it as it does for the pattern.
pub fn with_timeout(rt: &Rt, parent: &Context, ms: u64) -> Context {
    let ctx = parent.with_timeout("ctx", ms);
    note_deadline(rt, &ctx);
    ctx
}

/// `context.WithDeadline`, its deadline a fact as for `with_timeout`.
pub fn with_deadline(rt: &Rt, parent: &Context, at_ms: u64) -> Context {
    let ctx = parent.with_deadline("ctx", at_ms);
    note_deadline(rt, &ctx);
    ctx
}

fn note_deadline(rt: &Rt, ctx: &Context) {
    // A child keeps its parent's earlier deadline: the fact is the one
    // that applies.
    if let Some(at) = ctx.deadline() {
        rt.fact(rt::Fact::Deadline { at });
    }
}

pub fn cancel(ctx: &Context) {
    ctx.cancel();
}

/// `ctx.Err()`: `None`, or `Some(true)` for a deadline, `Some(false)` for a cancel.
pub fn ctx_err(ctx: &Context) -> Option<bool> {
    ctx.err().map(|e| matches!(e, rt::CtxError::DeadlineExceeded))
}

pub fn ctx_deadline(ctx: &Context) -> Option<u64> {
    ctx.deadline()
}

pub fn same_ctx(a: &Context, b: &Context) -> bool {
    std::ptr::eq(a.name().as_ptr(), b.name().as_ptr())
}

/// One arm of a `select`.
pub enum Arm {
    Recv(usize, Chan),
    Send(usize, Chan, Value),
    Done(usize, Context),
}

/// What a finished blocking op gives back.
#[derive(Debug)]
pub enum Done {
    Unit,
    /// A receive: the value, or `None` once closed and drained.
    Recv(Option<Value>),
    /// A send that found the channel closed.
    SendClosed,
    /// The select arm taken, and what it received (`None`: closed), or
    /// whether its send found the channel closed.
    Select(usize, Option<Value>, bool),
    Locked,
}

type SelOut = (usize, Option<Value>, bool);

/// A blocking op in progress; the goroutine polls it before running on.
pub enum Pending {
    Send(rt::SendFuture<Value>),
    Recv(rt::RecvFuture<Value>),
    Sleep(rt::Sleep),
    Wait(rt::WgWait),
    Lock(rt::Lock<()>, Rc<super::value::NativeObj>),
    CtxDone(rt::Done),
    Select(rt::Select<'static, SelOut>),
    Forever(&'static str),
}

impl Pending {
    pub fn send(c: &Chan, v: Value) -> Pending {
        Pending::Send(c.send(v))
    }

    pub fn recv(c: &Chan) -> Pending {
        Pending::Recv(c.recv())
    }

    pub fn sleep(rt: &Rt, ms: u64) -> Pending {
        Pending::Sleep(rt.sleep(ms))
    }

    pub fn wait(wg: &WaitGroup) -> Pending {
        Pending::Wait(wg.wait())
    }

    pub fn lock(m: &Mutex, obj: Rc<super::value::NativeObj>) -> Pending {
        Pending::Lock(m.lock.lock(), obj)
    }

    pub fn done(ctx: &Context) -> Pending {
        Pending::CtxDone(ctx.done())
    }

    pub fn select(rt: &Rt, arms: Vec<Arm>, default: Option<usize>) -> Pending {
        let mut sel = rt.select::<SelOut>();
        for arm in arms {
            sel = match arm {
                Arm::Recv(i, c) => sel.recv(&c, move |v| (i, v, false)),
                Arm::Send(i, c, v) => sel.send(&c, v, move |r| (i, None, r.is_err())),
                Arm::Done(i, ctx) => sel.future(ctx.done(), move |()| (i, None, false)),
            };
        }
        if let Some(d) = default {
            sel = sel.default(move || (d, None, false));
        }
        Pending::Select(sel)
    }

    pub fn poll(&mut self, cx: &mut TaskCx<'_>) -> Poll<Done> {
        match self {
            Pending::Send(f) => {
                Pin::new(f)
                    .poll(cx)
                    .map(|r| if r.is_ok() { Done::Unit } else { Done::SendClosed })
            }
            Pending::Recv(f) => Pin::new(f).poll(cx).map(Done::Recv),
            Pending::Sleep(f) => Pin::new(f).poll(cx).map(|()| Done::Unit),
            Pending::Wait(f) => Pin::new(f).poll(cx).map(|()| Done::Unit),
            Pending::Lock(f, obj) => Pin::new(f).poll(cx).map(|guard| {
                if let super::value::NativeObj::Mutex(m) = &**obj {
                    *m.guard.borrow_mut() = Some(guard);
                }
                Done::Locked
            }),
            Pending::CtxDone(f) => Pin::new(f).poll(cx).map(|()| Done::Recv(None)),
            Pending::Select(f) => Pin::new(f)
                .poll(cx)
                .map(|(i, v, closed)| Done::Select(i, v, closed)),
            Pending::Forever(_) => Poll::Pending,
        }
    }
}

/// When the runtime's timers will send on the channels that `time.After`
/// and `time.NewTimer` made. A `select` that races one of them against a
/// context's `Done` is a job against the deadline, and this gives its
/// length, for the page's deadline ledger.
#[derive(Default)]
pub struct Dues {
    /// By channel, when its timer fires. Entries of timers that fired stay
    /// until the next prune, and are never read as pending.
    map: RefCell<HashMap<usize, u64>>,
    /// Prune when the map grows to this many entries: twice what the last
    /// prune kept, so a program with many timers pays O(1) per timer.
    prune_at: Cell<usize>,
}

impl Dues {
    fn set(&self, rt: &Rt, c: &Chan, at: u64) {
        let mut map = self.map.borrow_mut();
        if map.len() >= self.prune_at.get() {
            let now = rt.now();
            map.retain(|_, due| *due > now);
            self.prune_at.set((map.len() * 2).max(64));
        }
        map.insert(chan_key(c), at);
    }

    /// The timer behind `c` was stopped: it will not fire.
    fn clear(&self, c: &Chan) {
        self.map.borrow_mut().remove(&chan_key(c));
    }

    /// When the timer behind `c` fires, if it is one still to fire at `now`.
    pub fn get(&self, c: &Chan, now: u64) -> Option<u64> {
        let due = *self.map.borrow().get(&chan_key(c))?;
        (due > now).then_some(due)
    }
}

/// Who the current goroutine is, for the deadline ledger: Go names
/// goroutines by number, and several run the same function.
pub fn worker_name(rt: &Rt, goid: u64) -> String {
    format!("{} (goroutine {goid})", rt.current_name())
}

/// A fact for the page's panels (the refresher's token, say).
pub fn fact(rt: &Rt, fact: rt::Fact) {
    rt.fact(fact);
}

/// The token cache's refresher is now in `state`.
pub fn refresh_state(rt: &Rt, state: rt::RefreshState) {
    rt.fact(rt::Fact::Refresh { state });
}

/// A job against the deadline is now `status`.
pub fn job(rt: &Rt, worker: &str, work_ms: u64, status: rt::JobStatus) {
    fact(
        rt,
        rt::Fact::Job {
            worker: worker.to_string(),
            work_ms,
            status,
        },
    );
}

/// `time.After`: one value on `c` after `ms`, sent by the runtime's timer
/// as Go's is (no goroutine, so none is drawn).
pub fn after(rt: &Rt, dues: &Dues, c: Chan, ms: u64, value: impl FnOnce(u64) -> Value + 'static) {
    dues.set(rt, &c, rt.now() + ms);
    rt.call_at(rt.now() + ms, move |rt| {
        let _ = c.try_send(value(rt.now()));
    });
}

/// A `time.Timer`: which arming is current (each `Reset` makes a new one)
/// and whether it is still to fire.
#[derive(Default)]
pub struct TimerState {
    arming: Cell<u64>,
    active: Cell<bool>,
    /// `time.AfterFunc`'s function, which each firing runs in a goroutine
    /// of its own (Nil for a timer that sends on its channel).
    pub func: RefCell<Value>,
}

pub type Timer = Rc<TimerState>;

/// Arms `timer` to send on `c` after `ms`, replacing any earlier arming:
/// whether one was still to fire (`Timer.Reset`'s result).
pub fn arm(
    rt: &Rt,
    dues: &Dues,
    c: Chan,
    ms: u64,
    timer: &Timer,
    value: impl FnOnce(u64) -> Value + 'static,
) -> bool {
    dues.set(rt, &c, rt.now() + ms);
    arm_with(rt, ms, timer, move |rt| {
        let _ = c.try_send(value(rt.now()));
    })
}

/// Arms `timer` to call `fire` after `ms`, replacing any earlier arming:
/// whether one was still to fire.
pub fn arm_with(rt: &Rt, ms: u64, timer: &Timer, fire: impl FnOnce(&Rt) + 'static) -> bool {
    let n = timer.arming.get() + 1;
    timer.arming.set(n);
    let was = timer.active.replace(true);
    let t = timer.clone();
    rt.call_at(rt.now() + ms, move |rt| {
        if t.arming.get() == n && t.active.replace(false) {
            fire(rt);
        }
    });
    was
}

/// `Timer.Stop`: whether the timer was still to fire. A `select` on its
/// channel is then no longer racing a deadline.
pub fn disarm(dues: &Dues, c: Option<&Chan>, timer: &Timer) -> bool {
    if let Some(c) = c {
        dues.clear(c);
    }
    timer.active.replace(false)
}

/// `time.NewTicker`/`time.Tick`: a value every `ms` from the runtime's
/// timer, dropped when the reader is behind (capacity 1), until `epoch`
/// moves on.
pub fn ticker(rt: &Rt, c: Chan, ms: u64, epoch: Epoch, value: impl Fn(u64) -> Value + 'static) {
    let mine = epoch.get();
    tick(rt, c, ms.max(1), (epoch, mine), Rc::new(value));
}

fn tick(rt: &Rt, c: Chan, ms: u64, epoch: (Epoch, u64), value: Rc<dyn Fn(u64) -> Value>) {
    rt.call_at(rt.now() + ms, move |rt| {
        if epoch.0.get() != epoch.1 {
            return;
        }
        let _ = c.try_send(value(rt.now()));
        tick(rt, c, ms, epoch, value);
    });
}

/// How a run of a Go program ended, as `rt` saw it.
pub enum Ended {
    Finished(u64),
    /// Every goroutine blocked: (task name, what it waits on) each.
    Deadlock(Vec<rt::Blocked>),
}

pub fn run_to_end(run: &Run) -> Ended {
    match run.run_to_end() {
        rt::Outcome::Finished { at } => Ended::Finished(at),
        rt::Outcome::Deadlock(d) => Ended::Deadlock(d.blocked),
    }
}
