//! The browser benchmark page's entry point (`bench.html`; see
//! `scripts/bench.sh`).

#[cfg(target_arch = "wasm32")]
fn main() {
    csp_playground::ui::start_bench();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("csp-bench-page runs in the browser: `scripts/bench.sh` builds and opens it.");
    std::process::exit(2);
}
