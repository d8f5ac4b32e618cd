//! csp-playground: the patterns of "Applications of Goroutines & Channels in
//! Go" as real Rust async code, run on a virtual clock (deterministic,
//! seeded) or on the browser's event loop, and drawn from their traces.
//!
//! Layers, bottom up (see ARCHITECTURE.md for the invariants):
//!
//! * [`rt`]: clocks, executor, channels, select, context, sync, trace.
//! * `patterns`: one module per pattern of the article.
//! * `view`: pure functions from a trace to what is drawn.
//! * `web` and `ui` (wasm32 only): the browser clock and the Yew page.

#[doc(hidden)]
pub mod bench;
pub mod cli;
pub mod codec;
pub mod dense;
pub mod go;
pub mod patterns;
#[cfg(not(target_arch = "wasm32"))]
pub mod raster;
pub mod rt;
pub mod share;
pub mod sort;
pub mod starters;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(target_arch = "wasm32")]
pub mod ui;
