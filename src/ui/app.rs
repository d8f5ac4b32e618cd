//! The app shell: title, the pattern picker and the selected pattern.

use wasm_bindgen::UnwrapThrowExt;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::patterns::PatternId;

/// Whether the URL asks for the test-only crash (`?__test_panic=1`), which
/// end-to-end tests use to check that a panic shows an alert.
fn test_panic_requested() -> bool {
    query_has("__test_panic=1")
}

fn query_has(pair: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| q.split(['?', '&']).any(|kv| kv == pair))
}

/// The benchmark page (`?bench=1`, used by `scripts/bench.sh`).
#[component]
fn Bench() -> Html {
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

/// The whole page.
#[component]
pub fn App() -> Html {
    if query_has("bench=1") {
        return html! { <Bench /> };
    }
    html! { <Playground /> }
}

#[component]
fn Playground() -> Html {
    let selected = use_state(|| PatternId::SpawnWait);

    use_effect_with((), |_| {
        if test_panic_requested() {
            panic!("test panic requested by the URL");
        }
    });

    let select = {
        let selected = selected.clone();
        move |p: PatternId| {
            let selected = selected.clone();
            Callback::from(move |_: MouseEvent| selected.set(p))
        }
    };
    // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
    let onkeydown = {
        let selected = selected.clone();
        Callback::from(move |e: KeyboardEvent| {
            let all = PatternId::ALL;
            let i = all.iter().position(|p| p == &*selected).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => all[(i + 1) % all.len()],
                "ArrowLeft" | "ArrowUp" => all[(i + all.len() - 1) % all.len()],
                "Home" => all[0],
                "End" => all[all.len() - 1],
                _ => return,
            };
            e.prevent_default();
            selected.set(next);
            focus_tab(next);
        })
    };

    let current = *selected;
    html! {
        <>
            <header class="top">
                <h1>{ "csp-playground" }</h1>
                <p class="tagline">
                    { "Goroutines and channels from “Applications of Goroutines & Channels in Go”, \
                       running as real Rust async code in your browser." }
                </p>
            </header>
            <main>
                <nav class="patterns" role="tablist" aria-label="Patterns" {onkeydown}>
                    { for PatternId::ALL.iter().map(|&p| {
                        let active = p == current;
                        html! {
                            <button
                                id={format!("tab-{}", p.id())}
                                role="tab"
                                type="button"
                                aria-selected={active.to_string()}
                                aria-controls="pattern-panel"
                                tabindex={if active { "0" } else { "-1" }}
                                onclick={select(p)}
                            >
                                { p.title() }
                            </button>
                        }
                    }) }
                </nav>
                <section
                    id="pattern-panel"
                    class="panel"
                    role="tabpanel"
                    aria-labelledby={format!("tab-{}", current.id())}
                >
                    <h2>{ current.title() }</h2>
                    <p>{ current.summary() }</p>
                    <p role="status" class="status">{ "Ready" }</p>
                </section>
            </main>
        </>
    }
}

fn focus_tab(p: PatternId) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("tab-{}", p.id())))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        element.focus().expect_throw("a tab should take focus");
    }
}
