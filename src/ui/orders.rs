//! "Orders across seeds": every distinct output order of the current
//! parameters over seeds 1 to 200, computed on the virtual executor a few
//! seeds at a time so the page keeps responding.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::dense::VecMap;
use crate::patterns::{self, Params};
use crate::web::yield_to_browser;

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
    // Cleared when the component goes away or the params change, so a
    // computation in flight stops at its next chunk.
    let alive = use_mut_ref(|| Rc::new(Cell::new(true)));
    {
        let (alive, result) = (alive.clone(), result.clone());
        use_effect_with(props.params.clone(), move |_| {
            result.set(None);
            move || alive.borrow().set(false)
        });
    }
    let explore = {
        let (alive, result, params) = (alive.clone(), result.clone(), props.params.clone());
        Callback::from(move |_: MouseEvent| {
            let token = Rc::new(Cell::new(true));
            *alive.borrow_mut() = token.clone();
            let (result, params) = (result.clone(), params.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut orders = VecMap::new();
                let mut done = 0;
                while done < SEEDS && token.get() {
                    patterns::count_orders(&params, done + 1..done + 1 + CHUNK, &mut orders);
                    done += CHUNK;
                    result.set(Some((done, patterns::ranked_orders(&orders))));
                    yield_to_browser().await;
                }
            });
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
