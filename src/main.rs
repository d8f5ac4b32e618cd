//! The browser entry point that Trunk builds.

/// Counts the heap's live bytes, so that a Go program that would exhaust
/// the page's memory is stopped with Go's error rather than abort the page.
#[global_allocator]
static METER: csp_meter::Meter = csp_meter::Meter;

#[cfg(target_arch = "wasm32")]
fn main() {
    csp_playground::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "csp-playground is the browser app: `scripts/serve.sh` builds and serves it. \
         The native command-line tool is `csp`."
    );
    std::process::exit(2);
}
