//! `WaitGroup` and an async `Mutex` whose waiters are visible, after Go's
//! `sync` package.
//!
//! ```
//! use csp_playground::rt::{Outcome, Run};
//!
//! let run = Run::new_virtual(1);
//! let rt = run.rt();
//! run.start(async move {
//!     let wg = rt.wait_group("wg");
//!     wg.add(2);
//!     for ms in [300, 700] {
//!         let (rt2, wg) = (rt.clone(), wg.clone());
//!         rt.go(format!("sleep {ms}"), async move {
//!             rt2.sleep(ms).await;
//!             wg.done();
//!         });
//!     }
//!     wg.wait().await;
//!     assert_eq!(rt.now(), 700);
//! });
//! assert_eq!(run.run_to_end(), Outcome::Finished { at: 700 });
//! ```

use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::executor::Rt;
use super::trace::{Kind, Op, Wait};
use super::wait::{Claim, Parker, WaitList};

struct WgInner {
    rt: Rt,
    name: Rc<str>,
    count: Cell<i64>,
    waiters: WaitList,
}

/// `sync.WaitGroup`. Clones share one counter.
#[derive(Clone)]
pub struct WaitGroup {
    inner: Rc<WgInner>,
}

impl fmt::Debug for WaitGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WaitGroup")
            .field("name", &self.inner.name)
            .field("count", &self.inner.count.get())
            .finish()
    }
}

/// A WaitGroup counter went below zero (Go panics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NegativeCounter;

impl fmt::Display for NegativeCounter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sync: negative WaitGroup counter")
    }
}

impl std::error::Error for NegativeCounter {}

impl Rt {
    /// A `sync.WaitGroup` at zero.
    pub fn wait_group(&self, name: &str) -> WaitGroup {
        WaitGroup {
            inner: Rc::new(WgInner {
                rt: self.clone(),
                name: name.into(),
                count: Cell::new(0),
                waiters: WaitList::default(),
            }),
        }
    }

    /// A `sync.Mutex` guarding `value`.
    pub fn mutex<T>(&self, name: &str, value: T) -> Mutex<T> {
        Mutex {
            inner: Rc::new(MutexInner {
                rt: self.clone(),
                name: name.into(),
                locked: Cell::new(false),
                waiters: WaitList::default(),
                value: RefCell::new(value),
            }),
        }
    }
}

impl WaitGroup {
    /// `wg.Add(delta)`. Waiters wake when the counter reaches zero.
    #[track_caller]
    pub fn add(&self, delta: i64) -> Result<(), NegativeCounter> {
        self.inner.rt.at(std::panic::Location::caller());
        let inner = &self.inner;
        let count = inner.count.get() + delta;
        if count < 0 {
            inner.rt.error(NegativeCounter.to_string());
            return Err(NegativeCounter);
        }
        inner.count.set(count);
        if inner.rt.tracing() {
            inner.rt.record(Kind::WgAdd {
                wg: inner.name.clone(),
                delta,
                count,
            });
        }
        if count == 0 {
            inner.waiters.wake_all(&inner.rt);
        }
        Ok(())
    }

    /// `wg.Done()`: `add(-1)`.
    #[track_caller]
    pub fn done(&self) {
        // A negative counter is recorded as an error in the trace by `add`.
        let _ = self.add(-1);
    }

    /// The counter now.
    pub fn count(&self) -> i64 {
        self.inner.count.get()
    }

    /// What copying a Go `sync.WaitGroup` value makes: a counter of its
    /// own, starting where this one stands, with none of its waiters. A
    /// `Done` on the copy never reaches the original, so passing one by
    /// value to a goroutine deadlocks the `Wait`, as in Go.
    pub fn copy(&self) -> WaitGroup {
        let inner = &self.inner;
        WaitGroup {
            inner: Rc::new(WgInner {
                rt: inner.rt.clone(),
                name: inner.name.clone(),
                count: Cell::new(inner.count.get()),
                waiters: WaitList::default(),
            }),
        }
    }

    /// `wg.Wait()`: completes when the counter is zero.
    ///
    /// # Cancellation safety
    ///
    /// Cancel safe: it only observes.
    #[track_caller]
    pub fn wait(&self) -> WgWait {
        self.inner.rt.at(std::panic::Location::caller());
        WgWait {
            wg: self.clone(),
            parker: None,
        }
    }
}

/// The future of [`WaitGroup::wait`].
#[must_use = "Wait does nothing unless awaited"]
pub struct WgWait {
    wg: WaitGroup,
    parker: Option<Rc<Parker>>,
}

impl fmt::Debug for WgWait {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WgWait").field("wg", &self.wg).finish()
    }
}

impl Future for WgWait {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        let inner = &this.wg.inner;
        if inner.count.get() == 0 || this.parker.as_ref().is_some_and(|p| p.is_settled()) {
            this.parker = None;
            return Poll::Ready(());
        }
        match &this.parker {
            Some(parker) => parker.set_waker(cx.waker()),
            None => {
                let parker = Parker::new(&inner.rt, cx.waker());
                inner.waiters.push(parker.clone());
                this.parker = Some(parker);
            }
        }
        inner.rt.park(|| {
            Wait::Op(Op::Wait {
                wg: inner.name.clone(),
            })
        });
        Poll::Pending
    }
}

impl Drop for WgWait {
    fn drop(&mut self) {
        if let Some(parker) = self.parker.take() {
            parker.abandon();
            self.wg.inner.waiters.remove(&parker);
        }
    }
}

struct MutexInner<T> {
    rt: Rt,
    name: Rc<str>,
    locked: Cell<bool>,
    waiters: WaitList,
    value: RefCell<T>,
}

/// `sync.Mutex` around a value, for async tasks. Unlocking hands the lock to
/// the longest waiter (Go's starvation mode), so the order is fair and
/// visible.
pub struct Mutex<T> {
    inner: Rc<MutexInner<T>>,
}

impl<T> Clone for Mutex<T> {
    fn clone(&self) -> Self {
        Mutex {
            inner: self.inner.clone(),
        }
    }
}

impl<T> fmt::Debug for Mutex<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mutex")
            .field("name", &self.inner.name)
            .field("locked", &self.inner.locked.get())
            .finish()
    }
}

impl<T> Mutex<T> {
    /// `mu.Lock()`.
    ///
    /// # Cancellation safety
    ///
    /// Cancel safe: a lock handed to a dropped waiter passes straight on.
    #[track_caller]
    pub fn lock(&self) -> Lock<T> {
        self.inner.rt.at(std::panic::Location::caller());
        Lock {
            mutex: self.clone(),
            parker: None,
            done: false,
        }
    }

    /// What copying a Go `sync.Mutex` value makes: a mutex of its own
    /// guarding `value`, under this one's name, locked if this one is, and
    /// then with the guard that unlocks it. Go copies the state, and
    /// nobody locked the copy, so no event says so.
    pub fn copy_with<U>(&self, value: U) -> (Mutex<U>, Option<MutexGuard<U>>) {
        let copy = self.inner.rt.mutex(&self.inner.name, value);
        let guard = self.inner.locked.get().then(|| {
            copy.inner.locked.set(true);
            MutexGuard {
                mutex: copy.clone(),
                quiet: false,
            }
        });
        (copy, guard)
    }

    /// `mu.TryLock()`: the lock, at once, if nobody holds it.
    pub fn try_lock(&self) -> Option<MutexGuard<T>> {
        let inner = &self.inner;
        if inner.locked.get() {
            return None;
        }
        inner.locked.set(true);
        if inner.rt.tracing() {
            inner.rt.record(Kind::Lock {
                lock: inner.name.clone(),
            });
        }
        Some(MutexGuard {
            mutex: self.clone(),
            quiet: false,
        })
    }

    /// Whether someone holds it.
    pub fn is_locked(&self) -> bool {
        self.inner.locked.get()
    }

    /// Names of the tasks waiting for it, longest first.
    pub fn waiters(&self) -> Vec<String> {
        self.inner.waiters.names(&self.inner.rt)
    }

    fn unlock(&self) {
        let inner = &self.inner;
        if inner.rt.tracing() {
            inner.rt.record(Kind::Unlock {
                lock: inner.name.clone(),
            });
        }
        match inner.waiters.wake_one(&inner.rt) {
            // Ownership passes to the waiter; `locked` stays true.
            Some(_) => {}
            None => inner.locked.set(false),
        }
    }
}

/// The future of [`Mutex::lock`].
#[must_use = "Lock does nothing unless awaited"]
pub struct Lock<T> {
    mutex: Mutex<T>,
    parker: Option<Rc<Parker>>,
    done: bool,
}

impl<T> fmt::Debug for Lock<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lock").field("mutex", &self.mutex).finish()
    }
}

impl<T> Unpin for Lock<T> {}

impl<T> Future for Lock<T> {
    type Output = MutexGuard<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<MutexGuard<T>> {
        let this = self.get_mut();
        let inner = &this.mutex.inner;
        let acquired = match &this.parker {
            Some(parker) if parker.is_settled() => true,
            Some(parker) => {
                parker.set_waker(cx.waker());
                false
            }
            None if !inner.locked.get() => {
                inner.locked.set(true);
                true
            }
            None => {
                let parker = Parker::new(&inner.rt, cx.waker());
                inner.waiters.push(parker.clone());
                this.parker = Some(parker);
                false
            }
        };
        if !acquired {
            inner.rt.park(|| {
                Wait::Op(Op::Lock {
                    mutex: inner.name.clone(),
                })
            });
            return Poll::Pending;
        }
        this.parker = None;
        this.done = true;
        if inner.rt.tracing() {
            inner.rt.record(Kind::Lock {
                lock: inner.name.clone(),
            });
        }
        Poll::Ready(MutexGuard {
            mutex: this.mutex.clone(),
            quiet: false,
        })
    }
}

impl<T> Drop for Lock<T> {
    fn drop(&mut self) {
        let Some(parker) = self.parker.take() else {
            return;
        };
        if matches!(parker.state(), Claim::Arm(_)) && !self.done {
            // The lock was handed to us and we are gone: pass it on.
            self.mutex.unlock();
        } else {
            parker.abandon();
            self.mutex.inner.waiters.remove(&parker);
        }
    }
}

/// Holds the lock; dropping it unlocks (Go's `defer mu.Unlock()`).
pub struct MutexGuard<T> {
    mutex: Mutex<T>,
    // Let go without an Unlock event (see `release_quietly`).
    quiet: bool,
}

impl<T> fmt::Debug for MutexGuard<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MutexGuard").field("mutex", &self.mutex).finish()
    }
}

impl<T> MutexGuard<T> {
    /// Reads the guarded value.
    pub fn borrow(&self) -> std::cell::Ref<'_, T> {
        self.mutex.inner.value.borrow()
    }

    /// Writes the guarded value.
    pub fn borrow_mut(&self) -> std::cell::RefMut<'_, T> {
        self.mutex.inner.value.borrow_mut()
    }

    /// Lets go of a lock that goes away with its mutex (a Go value dropped
    /// while locked), where no program called Unlock: no event. Nobody
    /// can be waiting for it, since a goroutine waiting to lock a value
    /// keeps that value alive.
    pub fn release_quietly(mut self) {
        self.quiet = true;
    }
}

impl<T> Drop for MutexGuard<T> {
    fn drop(&mut self) {
        if self.quiet {
            self.mutex.inner.locked.set(false);
        } else {
            self.mutex.unlock();
        }
    }
}
