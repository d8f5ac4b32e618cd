//! "Orders across seeds": every distinct output order of the current
//! parameters over seeds 1 to 200, computed on the virtual executor a few
//! seeds at a time so the page keeps responding. The computation is an
//! [`OwnedTask`] held by the component, cancelled like a run.

use yew::prelude::*;

use crate::dense::VecMap;
use crate::patterns::{self, Params};
use crate::web::{spawn_owned, yield_to_browser, OwnedTask};

const SEEDS: u64 = 200;
const CHUNK: u64 = 10;

#[derive(Properties, PartialEq)]
pub struct OrdersProps {
    pub params: Params,
}

/// The distinct output orders over 200 seeds, with their counts.
#[component]
pub fn OrdersAcrossSeeds(props: &OrdersProps) -> Html {
    let result = use_state(|| None::<(u64, Vec<(Vec<String>, u64)>)>);
    // The computation in flight, owned like a run: a second click replaces
    // (and so cancels) the first, and new params or unmounting drop it.
    let task = use_mut_ref(|| None::<OwnedTask>);
    {
        let (task, result) = (task.clone(), result.clone());
        use_effect_with(props.params.clone(), move |_| {
            result.set(None);
            move || drop(task.borrow_mut().take())
        });
    }
    let explore = {
        let (task, result, params) = (task.clone(), result.clone(), props.params.clone());
        Callback::from(move |_: MouseEvent| {
            let (result, params) = (result.clone(), params.clone());
            // Drop the old task before the new one sets anything.
            drop(task.borrow_mut().take());
            *task.borrow_mut() = Some(spawn_owned(async move {
                let mut orders = VecMap::new();
                let mut done = 0;
                while done < SEEDS {
                    patterns::count_orders(&params, done + 1..done + 1 + CHUNK, &mut orders);
                    done += CHUNK;
                    result.set(Some((done, patterns::ranked_orders(&orders))));
                    yield_to_browser().await;
                }
            }));
        })
    };
    html! {
        <section class="card" aria-labelledby="orders-heading">
            <h3 id="orders-heading">{ "Orders across seeds" }</h3>
            <p class="hint">{ format!("Run seeds 1 to {SEEDS} on the virtual clock and count each distinct output order.") }</p>
            <button type="button" onclick={explore}>{ "Explore 200 seeds" }</button>
            if let Some((done, orders)) = &*result {
                <p aria-live="polite">{ format!("{} distinct orders over {done} seeds", orders.len()) }</p>
                <ol class="orders" aria-label="Orders across seeds">
                    { for orders.iter().take(12).map(|(order, count)| html! {
                        <li><span class="count">{ format!("{count}×") }</span>{ " " }<code>{ order.join(" ") }</code></li>
                    }) }
                </ol>
            }
        </section>
    }
}
