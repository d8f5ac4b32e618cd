//! The browser edge (wasm32 only): the real clock, the driver that runs an
//! executor slice by slice without freezing the page, owned one-off tasks,
//! and the panic hook.
//!
//! Nothing above `web` knows it is in a browser: patterns get an `Rt` over a
//! [`BrowserClock`] exactly as they get one over a virtual clock.

pub mod bench;
mod clock;
mod driver;
mod frames;
mod panic;
mod task;

pub use clock::{live_timeouts, BrowserClock};
pub use driver::{drive, yield_to_browser, Batch, DriverHandle, Pace, SLICE_POLLS};
pub use frames::FrameCounter;
pub use panic::{install_panic_hook, report_panic, show_fatal_error};
pub use task::{spawn_owned, OwnedTask};

use wasm_bindgen::UnwrapThrowExt;

/// The page's `window.performance`, the source of real time.
pub(crate) fn performance() -> web_sys::Performance {
    web_sys::window()
        .expect_throw("should run in a window")
        .performance()
        .expect_throw("should have window.performance")
}
