//! The browser entry point that Trunk builds.

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
