//! The panic hook: a panic on wasm32 aborts the whole module, so the hook is
//! the last code that runs. It writes the message into an `alert` with a
//! Reload button, built with plain DOM calls (Yew is gone by then), so the
//! reader never faces a blank page.
//!
//! No URL or other input can make the page panic on purpose (a link that
//! crashed the page for whoever followed it would be a bug of its own), so
//! the browser tests check [`report_panic`], the whole of the hook's work,
//! directly.

use wasm_bindgen::JsCast;

/// Installs the hook; call first thing in `main`.
pub fn install_panic_hook() {
    // Through Yew, because `Renderer::render` replaces any hook set with
    // `std::panic::set_hook` by its own console-only one.
    yew::set_custom_panic_hook(Box::new(|info| report_panic(&info.to_string())));
}

/// What the hook does with a panic's message: logs it to the console and
/// shows it with a Reload button ([`show_fatal_error`]).
pub fn report_panic(message: &str) {
    web_sys::console::error_1(&message.into());
    show_fatal_error(message);
}

/// Shows `message` in an alert with a Reload button, above everything else.
pub fn show_fatal_error(message: &str) {
    // Best effort: if the DOM itself is unusable there is nothing left to do.
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_class_name("fatal");
    let _ = panel.set_attribute("role", "alert");
    let heading = document.create_element("h2").ok();
    if let Some(heading) = &heading {
        heading.set_text_content(Some("Something went wrong"));
        let _ = panel.append_child(heading);
    }
    if let Ok(text) = document.create_element("p") {
        text.set_text_content(Some(&format!(
            "The playground stopped because of a bug: {message}. Reloading starts it again."
        )));
        let _ = panel.append_child(&text);
    }
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some("Reload"));
        let _ = button.set_attribute("type", "button");
        // An inline handler still works after the wasm module has aborted.
        let _ = button.set_attribute("onclick", "location.reload()");
        let _ = panel.append_child(&button);
        let _ = body.prepend_with_node_1(&panel);
        if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
            let _ = button.focus();
        }
    }
}
