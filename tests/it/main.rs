//! The one integration-test binary (one link step on a 2-core machine).
//! Modules whose tests are platform-free run natively and, under
//! `wasm-pack test --headless --chrome`, in the browser too.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// As the page and the CLI count the heap (see `go::Limits::memory`).
#[global_allocator]
static METER: csp_meter::Meter = csp_meter::Meter;

/// Declares tests that run natively (`#[test]`) and in the browser
/// (`#[wasm_bindgen_test]`).
macro_rules! tests {
    ($($(#[$meta:meta])* fn $name:ident() $body:block)*) => {
        $(
            $(#[$meta])*
            #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
            #[cfg_attr(not(target_arch = "wasm32"), test)]
            fn $name() $body
        )*
    };
}

mod bind;
mod codec;
mod highlight;
mod patterns;
mod rt;
mod sort;
mod traces;
mod view;

#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod golden;
#[cfg(not(target_arch = "wasm32"))]
mod raster;
#[cfg(not(target_arch = "wasm32"))]
mod share;
#[cfg(target_arch = "wasm32")]
mod ui;

mod go;
#[cfg(not(target_arch = "wasm32"))]
mod go_native;
mod starters;
