//! The benchmark page: its own wasm binary (`src/bench_page.rs`, built from
//! `bench.html`), so the playground does not carry the benchmark code.

use yew::prelude::*;

/// The benchmark page (`bench.html`, used by `scripts/bench.sh`).
#[component]
pub fn BenchApp() -> Html {
    let lines = use_state(Vec::<String>::new);
    {
        let lines = lines.clone();
        use_effect_with((), move |_| {
            let n = web_sys::window()
                .and_then(|w| w.location().search().ok())
                .and_then(|q| {
                    q.split(['?', '&'])
                        .find_map(|kv| kv.strip_prefix("n=")?.parse().ok())
                })
                .unwrap_or(1_000_000);
            // The benchmark runs once per page load and ends by itself.
            wasm_bindgen_futures::spawn_local(async move {
                let mut out = crate::web::bench::run_all(n).await;
                out.push("done".to_string());
                lines.set(out);
            });
        });
    }
    html! {
        <main>
            <h1>{ "rt benchmarks (release wasm)" }</h1>
            <pre aria-label="Benchmarks">{ if lines.is_empty() { "running…".to_string() } else { lines.join("\n") } }</pre>
        </main>
    }
}
