//! The driver: runs an executor on the page in slices, so a run of any size
//! never freezes rendering.
//!
//! Each slice polls for at most [`SLICE_MS`], then yields through a
//! macrotask. Once slices have had [`FRAME_MS`] since the last frame, the
//! driver renders and waits for the next frame, so the browser draws every
//! render it gets and a frame is never held behind a queue of slices.
//!
//! A slice looks at the wall clock after each [`Batch`] of polls, sized by
//! what the last batch cost: a poll takes under a microsecond in a
//! ping-pong, but a millisecond for a goroutine that prints a thousand
//! lines in its instruction budget, and 256 of those held one slice for
//! 700 ms. A chain of microtasks would starve rendering; a `setTimeout(0)`
//! chain is clamped to 4 ms; a `MessageChannel` message is neither. Within
//! a slice, tasks woken by other tasks run in the same tick, which is what
//! makes a ping-pong round trip cost well under the microsecond that stock
//! `spawn_local` needs for its per-wake microtask.
//!
//! The driver itself is one `spawn_local` future, owned by a
//! [`DriverHandle`]: dropping the handle drops the `Run`, and with it every
//! task and timer.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::performance;
use crate::rt::{Millis, Run, Step};

/// The most polls between two looks at the wall clock: when polls turn
/// slow at once (a goroutine starts printing), a batch overruns its slice
/// by at most this many slow polls, each at most one goroutine's
/// instruction budget (about a millisecond).
pub const SLICE_POLLS: usize = 32;
/// Wall milliseconds one slice may take before yielding to the browser.
pub const SLICE_MS: f64 = 8.0;
/// Wall milliseconds of slices after a frame before the driver renders and
/// waits for the next one, so that a frame holds at most this much of the
/// run's work besides its own render, style, layout and paint (the worst
/// gaps measured are in the README).
pub const FRAME_MS: f64 = 10.0;

/// How many polls to run before the next look at the wall clock: enough
/// for about a quarter of a slice at the last batch's cost per poll, at
/// least 1 and at most [`SLICE_POLLS`]. It starts at 1, so the first batch
/// of a heavy program is one poll, not a slice's worth of guesses; while
/// polls are too quick for the clock to see, it doubles.
#[derive(Debug, Clone, Copy)]
pub struct Batch {
    polls: usize,
}

impl Default for Batch {
    fn default() -> Batch {
        Batch { polls: 1 }
    }
}

impl Batch {
    /// Sizes the next batch, from `ms` spent on this one.
    fn took(&mut self, ms: f64) {
        let per_poll = ms / self.polls as f64;
        let next = if per_poll > 0.0 {
            (SLICE_MS / 4.0 / per_poll) as usize
        } else {
            self.polls * 2
        };
        self.polls = next.clamp(1, SLICE_POLLS);
    }

    /// Runs `run` (up to virtual time `limit`) in batches sized as it goes,
    /// until it stops polling (it waits or ends), the slice that began at
    /// `slice_start` (wall ms) has had its [`SLICE_MS`], or `enough` says
    /// the page has as much to show as one frame takes. `enough` is asked
    /// before every poll (a poll can print dozens of lines), so a slice
    /// may run none.
    pub fn run_slice(
        &mut self,
        run: &Run,
        limit: Millis,
        slice_start: f64,
        mut enough: impl FnMut(&Run) -> bool,
    ) -> Step {
        let performance = performance();
        let mut batch_start = performance.now();
        loop {
            let mut step = Step::Polled;
            for _ in 0..self.polls {
                if enough(run) {
                    return Step::Polled;
                }
                step = run.run_budget(1, limit);
                if step != Step::Polled {
                    break;
                }
            }
            let now = performance.now();
            self.took(now - batch_start);
            batch_start = now;
            if step != Step::Polled || now - slice_start >= SLICE_MS {
                return step;
            }
        }
    }
}

/// How fast a run advances.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pace {
    /// The run is on the browser clock: timers fire in real time.
    Real,
    /// The run is on a virtual clock, played at `speed` virtual ms per
    /// wall ms.
    Virtual { speed: f64 },
    /// The run is on a virtual clock, played as fast as it goes.
    Flat,
}

struct State {
    run: RefCell<Option<Run>>,
    waker: RefCell<Option<Waker>>,
    stopped: Cell<bool>,
}

/// Owns a driven run. Dropping it stops the driver and drops the run.
#[must_use = "dropping the DriverHandle stops the run"]
pub struct DriverHandle {
    state: Rc<State>,
}

impl fmt::Debug for DriverHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DriverHandle")
            .field("stopped", &self.state.stopped.get())
            .finish()
    }
}

impl DriverHandle {
    /// Stops driving and gives the run back (to pause it, or inspect it).
    pub fn stop(self) -> Option<Run> {
        self.halt()
    }

    fn halt(&self) -> Option<Run> {
        self.state.stopped.set(true);
        if let Some(waker) = self.state.waker.borrow_mut().take() {
            waker.wake();
        }
        self.state.run.borrow_mut().take()
    }

    /// Calls `f` with the run, if it is still driven.
    pub fn with_run<R>(&self, f: impl FnOnce(&Run) -> R) -> Option<R> {
        self.state.run.borrow().as_ref().map(f)
    }

    /// Whether the driver has stopped (the run ended or was stopped).
    pub fn is_stopped(&self) -> bool {
        self.state.stopped.get()
    }
}

impl Drop for DriverHandle {
    fn drop(&mut self) {
        drop(self.halt());
    }
}

/// Drives `run` at `pace`, calling `on_slice` (to render) once the page has
/// drawn a frame since the last call and the slices since that frame have
/// had [`FRAME_MS`] (or `enough` says the run has as much to show as one
/// frame takes), and always before the run waits or ends. After a render
/// the driver waits for the frame that draws it (at most
/// `FRAME_WAIT_MS`, as a hidden tab draws none), so a burst of output is
/// drawn over several frames, each showing the run as it stood.
pub fn drive(
    run: Run,
    pace: Pace,
    on_slice: impl Fn(&Run) + 'static,
    enough: impl Fn(&Run) -> bool + 'static,
) -> DriverHandle {
    let state = Rc::new(State {
        run: RefCell::new(Some(run)),
        waker: RefCell::new(None),
        stopped: Cell::new(false),
    });
    let driver = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        // The first slice runs in a task of its own: the click that started
        // the run has its own render and layout to do in its task.
        yield_to_browser().await;
        let performance = performance();
        let wall_start = performance.now();
        let virtual_start = driver.run.borrow().as_ref().map_or(0, Run::now);
        // Whether the page drew a frame since the last render. Two slices
        // can run between frames, and each rendered: the first render was
        // never seen, and its work held the frame (measured: 2 renders of
        // ~15 ms in a 66 ms gap between frames of the 20 s token-cache run).
        let drawn = Rc::new(Cell::new(true));
        // When the last frame was drawn (wall ms), so slices can stop
        // in time for the next one.
        let frame_at = Rc::new(Cell::new(performance.now()));
        // Held until it fires: dropping the request cancels it.
        let mut _frame: Option<gloo_render::AnimationFrame> = None;
        let mut batch = Batch::default();
        loop {
            if driver.stopped.get() {
                return;
            }
            let limit = match pace {
                Pace::Real | Pace::Flat => Millis::MAX,
                Pace::Virtual { speed } => {
                    virtual_start + ((performance.now() - wall_start) * speed).max(0.0) as Millis
                }
            };
            // A hidden tab draws no frames: pacing to them would hold the
            // run until the reader came back (and let a real clock's timers
            // pile up). Asked once a slice: it is three calls into JS.
            let visible = !page_hidden();
            let enough = |run: &Run| visible && enough(run);
            let step = {
                let run = driver.run.borrow();
                let Some(run) = run.as_ref() else { return };
                let step = batch.run_slice(run, limit, performance.now(), &enough);
                // Rendering is the costly half of a slice: render at most once
                // a frame, late enough in it that the slices before had
                // their [`FRAME_MS`], and always before the run waits or
                // ends, so what the page shows is never stale.
                let moving = matches!(step, Step::Polled | Step::Advanced(_));
                let due = performance.now() - frame_at.get() >= FRAME_MS || enough(run) || !visible;
                if !moving || (drawn.get() && due) {
                    drawn.set(false);
                    let (drawn, frame_at) = (drawn.clone(), frame_at.clone());
                    _frame = Some(gloo_render::request_animation_frame(move |at| {
                        drawn.set(true);
                        frame_at.set(at);
                    }));
                    on_slice(run);
                }
                step
            };
            match step {
                Step::Ended(_) => {
                    driver.stopped.set(true);
                    return;
                }
                // What was rendered is not on the screen yet: give the
                // browser the frame now. Slices posted as messages would
                // run first, and Chrome let them hold a frame for up to
                // 100 ms (measured on the 1,000-item pipeline).
                // The slice after it waits for a message too: woken in the
                // frame callback, it would run before the frame's own style,
                // layout and paint.
                Step::Polled | Step::Advanced(_) if visible && !drawn.get() => {
                    frame_or(FRAME_WAIT_MS).await;
                    yield_to_browser().await;
                }
                Step::Polled | Step::Advanced(_) => yield_to_browser().await,
                Step::Waiting => match pace {
                    Pace::Real => WaitReady { state: &driver }.await,
                    // Virtual time is ahead of the wall: wait a frame.
                    Pace::Virtual { .. } | Pace::Flat => next_frame().await,
                },
            }
        }
    });
    DriverHandle { state }
}

/// Waits until a task is ready or the driver is stopped.
struct WaitReady<'a> {
    state: &'a State,
}

impl Future for WaitReady<'_> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.state.stopped.get() {
            return Poll::Ready(());
        }
        let run = self.state.run.borrow();
        let Some(run) = run.as_ref() else {
            return Poll::Ready(());
        };
        run.register_ready_waker(cx.waker());
        *self.state.waker.borrow_mut() = Some(cx.waker().clone());
        if run.has_ready() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

/// Yields to the browser through a macrotask, so it can render and handle
/// input before the next slice.
pub async fn yield_to_browser() {
    let (tx, rx) = futures::channel::oneshot::channel::<()>();
    let channel = web_sys::MessageChannel::new().expect_throw("should create a MessageChannel");
    let on_message = Closure::once(move || {
        let _ = tx.send(());
    });
    channel
        .port1()
        .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    channel
        .port2()
        .post_message(&JsValue::NULL)
        .expect_throw("should post to a MessageChannel");
    let _ = rx.await;
    channel.port1().set_onmessage(None);
}

fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// The longest the driver waits for a frame: a tab hidden after the slice
/// looked draws none, and the run must not stop until the reader is back.
const FRAME_WAIT_MS: u32 = 100;

/// Waits for the browser's next animation frame, or `ms`, whichever comes
/// first.
async fn frame_or(ms: u32) {
    let (tx, rx) = futures::channel::oneshot::channel::<()>();
    let tx = Rc::new(RefCell::new(Some(tx)));
    let send = |tx: &Rc<RefCell<Option<futures::channel::oneshot::Sender<()>>>>| {
        if let Some(tx) = tx.borrow_mut().take() {
            let _ = tx.send(());
        }
    };
    let (a, b) = (tx.clone(), tx);
    let _frame = gloo_render::request_animation_frame(move |_| send(&a));
    let _timeout = gloo_timers::callback::Timeout::new(ms, move || send(&b));
    let _ = rx.await;
}

async fn next_frame() {
    gloo_timers::future::TimeoutFuture::new(16).await;
}
