//! The Go editor: a plain `textarea` (so typing, selection, undo, IME and
//! screen readers all work as the browser makes them) over a coloured copy
//! of the same text, with line numbers, the line of the latest event, and
//! compile errors marked at their lines.
//!
//! The two layers share one grid cell and one font, so the text the reader
//! types sits exactly on its coloured copy; the textarea's own glyphs are
//! transparent and only its caret and selection show.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use super::state::GoError;
use crate::view::highlight::{go_lines, Piece};

#[derive(Properties, PartialEq, Clone)]
pub struct EditorProps {
    pub text: Rc<str>,
    /// The 0-based line to mark as where the run is.
    pub current: Option<usize>,
    pub errors: Vec<GoError>,
    /// The id of the element that describes the errors, if shown.
    pub errors_id: Option<AttrValue>,
    pub on_input: Callback<String>,
    /// Focus the textarea when this changes (the Edit button bumps it).
    pub focus: u32,
}

/// One coloured line; a component so that a keystroke re-renders only the
/// line it changed.
#[derive(Properties, PartialEq)]
struct LineProps {
    pieces: Rc<Vec<Piece>>,
    class: Option<&'static str>,
}

#[component]
fn Line(props: &LineProps) -> Html {
    html! {
        <span class={classes!("ln", props.class)}>
            { for props.pieces.iter().map(|p| match p.class.css() {
                Some(class) => html! { <span {class}>{ p.text.clone() }</span> },
                None => html! { { p.text.clone() } },
            }) }
            { "\n" }
        </span>
    }
}

/// The editor, named "Go source".
#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let area = use_node_ref();
    // After Escape, Tab leaves the editor instead of indenting, so a
    // keyboard user is never trapped in it.
    let escaped = use_mut_ref(|| false);
    {
        let area = area.clone();
        use_effect_with(props.focus, move |focus| {
            if *focus > 0 {
                if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                    let _ = a.focus();
                }
            }
        });
    }
    let oninput = {
        let on = props.on_input.clone();
        Callback::from(move |e: InputEvent| on.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let onkeydown = {
        let on = props.on_input.clone();
        let escaped = escaped.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                *escaped.borrow_mut() = true;
                return;
            }
            let was_escaped = std::mem::replace(&mut *escaped.borrow_mut(), false);
            if e.key() != "Tab" || was_escaped || e.ctrl_key() || e.alt_key() || e.meta_key() {
                return;
            }
            let Some(a) = e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) else {
                return;
            };
            e.prevent_default();
            let (start, end) = (
                a.selection_start().ok().flatten().unwrap_or(0),
                a.selection_end().ok().flatten().unwrap_or(0),
            );
            if e.shift_key() {
                outdent(&a, start);
            } else {
                // Through the textarea itself, so its undo history keeps it.
                let _ = a.set_range_text_with_start_and_end_and_mode("\t", start, end, "end");
            }
            on.emit(a.value());
        })
    };
    let error_lines: Vec<usize> = props
        .errors
        .iter()
        .map(|e| e.line.saturating_sub(1) as usize)
        .collect();
    // Lexed whole, since a block comment or a raw string spans lines.
    let lines = go_lines(&props.text);
    let count = lines.len();
    let invalid = !props.errors.is_empty();
    html! {
        <div class="editor">
            <div class="gutter" aria-hidden="true">
                { for (0..count).map(|i| html! {
                    <span class={classes!(error_lines.contains(&i).then_some("err"))}>{ i + 1 }{ "\n" }</span>
                }) }
            </div>
            <div class="layers">
                <pre class="colour" aria-hidden="true"><code>
                    { for lines.into_iter().enumerate().map(|(i, pieces)| {
                        let class = if error_lines.contains(&i) {
                            Some("err")
                        } else if Some(i) == props.current {
                            Some("hl")
                        } else {
                            None
                        };
                        html! { <Line key={i} pieces={Rc::new(pieces)} {class} /> }
                    }) }
                </code></pre>
                <textarea ref={area} aria-label="Go source" spellcheck="false" autocapitalize="off" autocomplete="off"
                    autocorrect="off" wrap="off" value={props.text.to_string()} {oninput} {onkeydown}
                    aria-invalid={invalid.to_string()} aria-describedby={props.errors_id.clone()}
                    aria-keyshortcuts="Tab Shift+Tab Escape" />
            </div>
        </div>
    }
}

/// Removes one tab (or up to four spaces) from the start of the line that
/// holds `at`.
fn outdent(a: &HtmlTextAreaElement, at: u32) {
    let value = a.value();
    // Selection offsets are UTF-16 code units.
    let units: Vec<u16> = value.encode_utf16().collect();
    let at = (at as usize).min(units.len());
    let start = units[..at]
        .iter()
        .rposition(|&u| u == u16::from(b'\n'))
        .map_or(0, |i| i + 1);
    let width = if units.get(start) == Some(&u16::from(b'\t')) {
        1
    } else {
        units[start..]
            .iter()
            .take(4)
            .take_while(|&&u| u == u16::from(b' '))
            .count()
    };
    if width > 0 {
        let _ = a.set_range_text_with_start_and_end_and_mode(
            "",
            start as u32,
            (start + width) as u32,
            "preserve",
        );
    }
}
