//! `use_visible`: whether an element is in the viewport.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Whether the element behind `node` is in the viewport, tracked with an
/// IntersectionObserver that is disconnected on unmount: `None` until the
/// observer has first reported (it does so in the frame after the element
/// is mounted), so each caller says what an unknown means to it.
#[hook]
pub fn use_visible(node: NodeRef) -> Option<bool> {
    let visible = use_state(|| None);
    {
        let visible = visible.clone();
        use_effect_with(node, move |node| {
            let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
                move |entries: js_sys::Array| {
                    // The latest entry is the element's state now.
                    let seen = entries
                        .iter()
                        .last()
                        .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                        .is_some_and(|e| e.is_intersecting());
                    visible.set(Some(seen));
                },
            );
            let observer = web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(element)) = (&observer, node.cast::<web_sys::Element>()) {
                observer.observe(&element);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(callback);
            }
        });
    }
    *visible
}
