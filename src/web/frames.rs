//! [`FrameCounter`]: counts animation frames and the longest gap between
//! two, to show that a long run leaves the page rendering.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

type Tick = Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>>;

#[derive(Default)]
struct Stats {
    frames: Cell<u32>,
    longest_gap_ms: Cell<f64>,
    last: Cell<Option<f64>>,
}

/// Counts `requestAnimationFrame` callbacks until dropped.
pub struct FrameCounter {
    stats: Rc<Stats>,
    tick: Tick,
}

impl fmt::Debug for FrameCounter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FrameCounter")
            .field("frames", &self.frames())
            .field("longest_gap_ms", &self.longest_gap_ms())
            .finish()
    }
}

fn request(tick: &Tick) {
    if let (Some(window), Some(f)) = (web_sys::window(), tick.borrow().as_ref()) {
        let _ = window.request_animation_frame(f.as_ref().unchecked_ref());
    }
}

impl FrameCounter {
    /// Starts counting.
    pub fn start() -> FrameCounter {
        let stats = Rc::new(Stats::default());
        let tick: Tick = Rc::new(RefCell::new(None));
        let (out, again) = (stats.clone(), Rc::downgrade(&tick));
        *tick.borrow_mut() = Some(Closure::new(move |t: f64| {
            if let Some(last) = out.last.get() {
                out.longest_gap_ms.set(out.longest_gap_ms.get().max(t - last));
            }
            out.last.set(Some(t));
            out.frames.set(out.frames.get() + 1);
            // Once the counter is dropped the closure is gone: stop asking.
            if let Some(tick) = again.upgrade() {
                request(&tick);
            }
        }));
        request(&tick);
        FrameCounter { stats, tick }
    }

    /// Frames so far.
    pub fn frames(&self) -> u32 {
        self.stats.frames.get()
    }

    /// The longest wait between two frames so far, in ms.
    pub fn longest_gap_ms(&self) -> f64 {
        self.stats.longest_gap_ms.get()
    }
}

impl Drop for FrameCounter {
    fn drop(&mut self) {
        // A frame already requested may still call in; it finds the weak
        // link dead. Dropping the closure here would free it while the
        // browser still holds it, so leave that one frame to the browser.
        if let Some(closure) = self.tick.borrow_mut().take() {
            closure.forget();
        }
    }
}
