//! The browser edge (wasm32 only): the real clock, the driver that runs an
//! executor slice by slice without freezing the page, and the panic hook.
//!
//! Nothing above `web` knows it is in a browser: patterns get an `Rt` over a
//! [`BrowserClock`] exactly as they get one over a virtual clock.

pub mod bench;
mod clock;
mod driver;
mod frames;
mod panic;

pub use clock::BrowserClock;
pub use driver::{drive, yield_to_browser, DriverHandle, Pace};
pub use frames::FrameCounter;
pub use panic::{install_panic_hook, show_fatal_error};
