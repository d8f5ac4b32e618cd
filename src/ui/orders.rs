//! "Orders across seeds": every distinct output order of the current
//! parameters (or of the reader's Go) over seeds 1 to 200, computed on the
//! virtual executor a slice at a time so the page keeps responding. The
//! computation is an [`OwnedTask`] held by the component, cancelled like a
//! run.

use std::rc::Rc;

use yew::prelude::*;

use crate::go;
use crate::patterns::{self, Params};
use crate::rt::{Run, Step};
use crate::web::{performance, spawn_owned, yield_to_browser, Batch, OwnedTask};

const SEEDS: u64 = 200;
const CHUNK: u64 = 10;
/// Each seed of a Go program may run this many instructions: a program
/// that runs away is counted as stopped, not waited for.
const EXPLORE_LIMITS: go::Limits = go::Limits {
    budget: 10_000,
    step_cap: 2_000_000,
    ..go::Limits::DEFAULT
};

#[derive(Properties, PartialEq)]
pub struct OrdersProps {
    pub params: Params,
    /// The reader's Go and its loop-variable choice, when that is what runs.
    pub go: Option<(Rc<str>, Option<bool>)>,
}

/// Runs `run` to its end, a slice at a time.
async fn run_in_slices(run: &Run, slice_start: &mut f64) {
    // Sliced as the driver slices a run: a program that prints in a
    // loop takes a millisecond a poll, and a fixed 1,000 polls (or a whole
    // seed of the ported patterns at once) held the page for seconds.
    let mut batch = Batch::default();
    loop {
        match batch.run_slice(run, crate::rt::Millis::MAX, *slice_start, |_| false) {
            Step::Ended(_) | Step::Waiting => break,
            // The slice's time is spent: the page gets the thread back.
            _ => {
                yield_to_browser().await;
                *slice_start = performance().now();
            }
        }
    }
}

/// Runs `program` at `seed` to its end, a slice at a time, and gives what
/// it printed (with Go's error line, if it failed).
async fn go_output(program: Rc<go::code::Program>, seed: u64, slice_start: &mut f64) -> Vec<String> {
    let run = Run::new_virtual(seed);
    run.set_level(crate::rt::Level::Off);
    let started = go::start(&run, program, EXPLORE_LIMITS);
    run_in_slices(&run, slice_start).await;
    let mut lines: Vec<String> = started.stdout().lines().map(str::to_string).collect();
    if let Some(fatal) = started.fatal() {
        lines.extend(fatal.message.lines().next().map(str::to_string));
    } else if let Some(crate::rt::Outcome::Deadlock(_)) = run.outcome() {
        lines.push(crate::rt::DEADLOCK.to_string());
    }
    lines
}

/// The distinct output orders over 200 seeds, with their counts.
#[component]
pub fn OrdersAcrossSeeds(props: &OrdersProps) -> Html {
    let result = use_state(|| None::<(u64, Vec<patterns::Distinct>)>);
    // The computation in flight, owned like a run: a second click replaces
    // (and so cancels) the first, and new params or unmounting drop it.
    let task = use_mut_ref(|| None::<OwnedTask>);
    {
        let (task, result) = (task.clone(), result.clone());
        use_effect_with((props.params.clone(), props.go.clone()), move |_| {
            result.set(None);
            move || drop(task.borrow_mut().take())
        });
    }
    let explore = {
        let (task, result, params, go) = (
            task.clone(),
            result.clone(),
            props.params.clone(),
            props.go.clone(),
        );
        let is_go = go.is_some();
        Callback::from(move |_: MouseEvent| {
            let (result, params) = (result.clone(), params.clone());
            // Compiled once for all seeds, on the click (not per render: the
            // text changes with every keystroke). The page offers this only
            // beside Go that ran; a failure simply explores nothing.
            let program = go
                .as_ref()
                .and_then(|(src, go121)| go::compile(src, *go121).ok())
                .map(Rc::new);
            // Drop the old task before the new one sets anything.
            drop(task.borrow_mut().take());
            *task.borrow_mut() = Some(spawn_owned(async move {
                let mut tally = patterns::Tally::default();
                let mut done = 0;
                let mut slice_start = performance().now();
                while done < SEEDS {
                    for seed in done + 1..done + 1 + CHUNK {
                        let out = if is_go {
                            let Some(program) = &program else { return };
                            go_output(program.clone(), seed, &mut slice_start).await
                        } else {
                            let run = patterns::start_for_order(&params, seed);
                            run_in_slices(&run, &mut slice_start).await;
                            patterns::order_of(&run)
                        };
                        tally.add(seed, &out);
                    }
                    done += CHUNK;
                    result.set(Some((done, tally.ranked())));
                    yield_to_browser().await;
                    slice_start = performance().now();
                }
            }));
        })
    };
    html! {
        <section class="card" aria-labelledby="orders-heading">
            <h3 id="orders-heading">{ "Orders across seeds" }</h3>
            <p class="hint">{ if props.go.is_some() {
                format!("Run your Go at seeds 1 to {SEEDS} on the virtual clock and count each distinct output.")
            } else {
                format!("Run seeds 1 to {SEEDS} on the virtual clock and count each distinct output order.")
            } }</p>
            <button type="button" onclick={explore}>{ "Explore 200 seeds" }</button>
            if let Some((done, orders)) = &*result {
                <p aria-live="polite">{ format!("{} distinct {} over {done} seeds", orders.len(),
                    if props.go.is_some() { "outputs" } else { "orders" }) }</p>
                <ol class="orders" aria-label="Orders across seeds">
                    { for orders.iter().take(12).map(|d| html! {
                        <li>
                            <span class="count">{ format!("{}×", d.count) }</span>{ " " }<code>{ d.head.join(" ") }</code>
                            if d.lines > d.head.len() {
                                <span class="muted">{ format!(" … and {} more lines (seed {} prints them all)", d.lines - d.head.len(), d.first_seed) }</span>
                            }
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}
