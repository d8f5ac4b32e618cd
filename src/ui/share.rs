//! Sharing: the link of the current run, the iframe snippet, and the embed
//! view's side of the host page protocol (its height, by `postMessage`).

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::share::UrlState;

/// The page's address without its query: where links point.
pub fn base_url() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", pathname())
}

/// The page's path (empty where there is no window).
fn pathname() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// Puts `query` in the address bar without adding a history entry, and
/// forgets any [`hold_query`] it supersedes.
pub fn replace_query(query: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(query));
    }
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(HELD_KEY);
    }
}

/// Where [`hold_query`] keeps a query in the tab's session storage.
const HELD_KEY: &str = "csp-playground:held-query";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The path, query and fragment in the address bar now (the path too:
/// two builds of the page on one site share the tab's storage).
fn address() -> String {
    let rest = web_sys::window()
        .map(|w| w.location())
        .map(|l| {
            format!(
                "{}{}",
                l.search().unwrap_or_default(),
                l.hash().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    format!("{}{rest}", pathname())
}

/// Keeps `query` for the address bar while it waits to be written (the
/// page writes edited Go once typing pauses). A reload or a restored tab
/// before then would load the address bar's older query, and neither
/// `beforeunload` nor `pagehide` can change the address a reload loads: the
/// tab's session storage can carry it. It is tied to the address it was
/// held over, so a different link opened in the tab is not overridden.
pub fn hold_query(query: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(HELD_KEY, &format!("{}\n{query}", address()));
    }
}

/// The query held over the address bar's current one, if the page was
/// left before writing it; it is forgotten once read.
pub fn take_held_query() -> Option<String> {
    let storage = session_storage()?;
    let held = storage.get_item(HELD_KEY).ok()??;
    let _ = storage.remove_item(HELD_KEY);
    let (over, query) = held.split_once('\n')?;
    (over == address()).then(|| query.to_string())
}

/// Where [`keep_tabs`] keeps the other tabs' edits.
const TABS_KEY: &str = "csp-playground:other-tabs";

/// Keeps the other tabs' edits (each as the query that opens its tab) in
/// the tab's session storage, tied to the page's path and to `current`,
/// the query of the tab on show: a reload of this page brings them back,
/// a different link opened in the browser tab does not.
pub fn keep_tabs(current: &str, others: &[String]) {
    let Some(storage) = session_storage() else { return };
    if others.is_empty() {
        let _ = storage.remove_item(TABS_KEY);
        return;
    }
    let path = pathname();
    // Queries are URL-encoded: no line breaks inside one.
    let _ = storage.set_item(TABS_KEY, &format!("{path}\n{current}\n{}", others.join("\n")));
}

/// The other tabs' edits kept over the loading page's `current` state.
pub fn kept_tabs(current: &UrlState) -> Vec<String> {
    let Some(kept) = session_storage().and_then(|s| s.get_item(TABS_KEY).ok().flatten()) else {
        return Vec::new();
    };
    let path = pathname();
    let mut lines = kept.lines();
    if lines.next() != Some(path.as_str()) {
        return Vec::new();
    }
    match lines.next() {
        Some(over) if UrlState::parse(over).0 == *current => lines.map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

/// Copies `text` to the clipboard where the browser allows it.
fn copy(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// The iframe snippet for `url`.
pub fn iframe(url: &UrlState, title: &str) -> String {
    let height = if url.embed { 460 } else { 900 };
    format!(
        "<iframe src=\"{}{}\" title=\"csp-playground: {title}\" loading=\"lazy\" width=\"100%\" height=\"{height}\" style=\"border:0\"></iframe>",
        base_url(),
        url.to_query()
    )
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub url: UrlState,
    pub title: AttrValue,
}

/// "Share link" and "Embed".
/// The longest link the page offers (see the CONTRACT: edited Go travels
/// in the link, and article-sized programs stay well under this).
pub const MAX_LINK: usize = 8 * 1024;

#[component]
pub fn ShareBar(props: &ShareProps) -> Html {
    let shown = use_state(|| None::<&'static str>);
    let autoplay = use_state(|| true);
    let compact = use_state(|| true);
    // Writing the link compresses edited code: only when it is shown.
    let link = if shown.is_some() {
        format!("{}{}", base_url(), props.url.to_query())
    } else {
        String::new()
    };
    let too_long = link.len() > MAX_LINK;
    let snippet = if *shown == Some("embed") && !too_long {
        let mut embed = props.url.clone();
        embed.embed = *compact;
        embed.autoplay = *autoplay;
        iframe(&embed, &props.title)
    } else {
        String::new()
    };
    let on_share = {
        let (shown, url) = (shown.clone(), props.url.clone());
        Callback::from(move |_: MouseEvent| {
            let link = format!("{}{}", base_url(), url.to_query());
            // A link some servers and chat apps would cut is not offered.
            if link.len() <= MAX_LINK {
                copy(&link);
            }
            shown.set(Some("link"));
        })
    };
    let on_embed = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| {
            shown.set(if *shown == Some("embed") {
                None
            } else {
                Some("embed")
            })
        })
    };
    let toggle = |flag: UseStateHandle<bool>| Callback::from(move |_: Event| flag.set(!*flag));
    html! {
        <section class="share" aria-label="Share">
            <button type="button" onclick={on_share}>{ "Share link" }</button>
            <button type="button" onclick={on_embed} aria-expanded={(*shown == Some("embed")).to_string()}>{ "Embed" }</button>
            if too_long && shown.is_some() {
                <p class="error" role="alert">
                    { format!("This program is too long to share by link: the link would be {} KB, and links are kept under {} KB \
                               so that every browser, server and chat app passes them on whole. Shorten the program, or share the file.",
                              link.len().div_ceil(1024), MAX_LINK / 1024) }
                </p>
            } else if *shown == Some("link") {
                <label class="block">{ "Link to this run (copied if your browser allows)" }
                    <input type="text" readonly=true value={link} aria-label="Share link URL" />
                </label>
            }
            if *shown == Some("embed") && !too_long {
                <div class="embed-options">
                    <label class="inline"><input type="checkbox" checked={*autoplay} onchange={toggle(autoplay.clone())} />{ "Autoplay" }</label>
                    <label class="inline"><input type="checkbox" checked={*compact} onchange={toggle(compact.clone())} />{ "Compact" }</label>
                    <textarea readonly=true rows="4" aria-label="Embed code" value={snippet} />
                    <p class="hint">{ "Paste into a blog post. The embed reports its height to the page: see the README's Embedding section." }</p>
                </div>
            }
        </section>
    }
}

/// Tells the host page the embed's content height, when it changes (only
/// when `enabled`: in the embed view).
#[hook]
pub fn use_report_height(enabled: bool) {
    let last = use_mut_ref(|| 0i32);
    use_effect(move || {
        let Some(window) = web_sys::window().filter(|_| enabled) else {
            return;
        };
        // The body's height is the content's; the root element's is at least
        // the iframe's own, which would never let it shrink.
        let height = window
            .document()
            .and_then(|d| d.body())
            .map_or(0, |b| b.scroll_height());
        if height == *last.borrow() {
            return;
        }
        *last.borrow_mut() = height;
        if let Ok(Some(parent)) = window.parent() {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"csp-playground:height".into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            let _ = parent.post_message(&message, "*");
        }
    });
}
