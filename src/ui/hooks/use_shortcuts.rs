//! `use_shortcuts`: page-wide keys. Space runs or pauses, the right arrow
//! steps, unless the focus is in a field or on a button (where those keys
//! already mean something).

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// A page shortcut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    RunOrPause,
    Step,
}

fn typing_target(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON")
                || el.get_attribute("role").as_deref() == Some("tab")
        })
}

/// Calls `on_shortcut` for the page's keys while the component is mounted.
#[hook]
pub fn use_shortcuts(on_shortcut: Callback<Shortcut>) {
    // The latest callback, so the listener is registered once.
    let latest: Rc<RefCell<Callback<Shortcut>>> = use_mut_ref(|| on_shortcut.clone());
    *latest.borrow_mut() = on_shortcut;
    use_effect_with((), move |_| {
        let document = web_sys::window().and_then(|w| w.document());
        let listener = document.map(|document| {
            // Not passive: Space must not also scroll the page.
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&document, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                // A key a focused control already used (the timeline pans on
                // the arrows) is not also the page's.
                if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() || typing_target(e) {
                    return;
                }
                let shortcut = match e.key().as_str() {
                    " " => Shortcut::RunOrPause,
                    "ArrowRight" => Shortcut::Step,
                    _ => return,
                };
                e.prevent_default();
                latest.borrow().emit(shortcut);
            })
        });
        // Dropping the listener removes it.
        move || drop(listener)
    });
}
