//! The page (wasm32 only): Yew function components that draw a run from its
//! trace through `view`, never from a pattern's internals.
//!
//! [`start`] installs the panic hook and mounts [`App`] on the body.

mod app;
mod bench;
mod code;
mod controls;
mod editor;
mod event_log;
mod hooks;
mod orders;
mod share;
mod state;
mod timeline;
mod views;

pub use app::App;
pub use bench::BenchApp;

/// Installs the panic hook and mounts the app.
pub fn start() {
    crate::web::install_panic_hook();
    yew::Renderer::<App>::new().render();
}

/// Installs the panic hook and mounts the benchmark page.
pub fn start_bench() {
    crate::web::install_panic_hook();
    yew::Renderer::<BenchApp>::new().render();
}
