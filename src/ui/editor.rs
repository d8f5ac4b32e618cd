//! The Go editor: a plain `textarea` (so typing, selection, undo, IME and
//! screen readers all work as the browser makes them) over a coloured copy
//! of the same text, with line numbers, the line of the latest event, and
//! compile errors marked at their lines.
//!
//! The two layers share one grid cell and one font, so the text the reader
//! types sits exactly on its coloured copy; the textarea's own glyphs are
//! transparent and only its caret and selection show.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use super::state::GoError;
use crate::view::escape_into;
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

/// A block of coloured lines; a component so that a keystroke re-renders
/// only the block it changed, and a frame of a run only the block whose
/// marked line moved.
#[derive(Properties, PartialEq)]
struct BlockProps {
    /// Each line's pieces. Lexed once per text, so while a run plays and
    /// only the marks move, comparing them is comparing two pointers.
    lines: Rc<Vec<Vec<Piece>>>,
    /// The marked lines of the block, by index in `lines`, with their class
    /// (`err`, `hl`).
    marks: Vec<(usize, &'static str)>,
}

/// How many lines one block holds: a keystroke re-parses one block's
/// markup, and a pasted 200-line program is seven blocks.
const BLOCK_LINES: usize = 32;

/// The most characters (UTF-16 units, as the textarea counts) the editor
/// holds: the share codec's limit. A pasted megabyte held Chromium's own
/// paste for half a second and our colouring for as long again; the
/// browser cuts a paste at `maxlength` before it lays anything out.
pub const MAX_SOURCE: usize = crate::codec::MAX_TEXT;

/// An edit that changes the text by this many bytes or more is coloured in
/// a task of its own (see `oninput`).
const LARGE_EDIT: usize = 2048;

/// A block is written as one piece of markup rather than one virtual node
/// per token. A pasted program then costs the browser one parse and one
/// insertion per block, where a node per token took ~1,700 DOM calls for
/// 200 lines and held the paste's task over 50 ms. The text is escaped and
/// the classes are our own constants, so nothing the reader types becomes
/// markup.
#[component]
fn Block(props: &BlockProps) -> Html {
    let size: usize = props.lines.iter().flatten().map(|p| p.text.len() + 24).sum();
    let mut out = String::with_capacity(32 + 24 * props.lines.len() + size);
    out.push_str("<span class=\"blk\">");
    for (i, pieces) in props.lines.iter().enumerate() {
        out.push_str("<span class=\"ln");
        if let Some((_, class)) = props.marks.iter().find(|m| m.0 == i) {
            out.push(' ');
            out.push_str(class);
        }
        out.push_str("\">");
        for p in pieces {
            match p.class.css() {
                Some(class) => {
                    out.push_str("<span class=\"");
                    out.push_str(class);
                    out.push_str("\">");
                    escape_into(&mut out, &p.text);
                    out.push_str("</span>");
                }
                None => escape_into(&mut out, &p.text),
            }
        }
        out.push_str("\n</span>");
    }
    out.push_str("</span>");
    Html::from_html_unchecked(out.into())
}

/// The most lines Tab indents as one step of the browser's undo history
/// (see the editor's keydown). Measured in headless Chromium here, to the
/// next frame: 32 lines take 25 ms that way, 64 lines 50 ms; set directly,
/// 2,000 lines take 130 ms (mostly colouring them).
const INDENT_UNDO_LINES: usize = 32;

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
    // A large paste is coloured in a task of its own. Chromium lays the
    // textarea out to reveal the caret in the paste's own task; colouring
    // 200 lines in that task too held it over 50 ms. A keystroke is
    // coloured at once, and it cancels a pending paste, whose text it holds.
    let pending = use_mut_ref(|| None::<Timeout>);
    // The textarea's value is the reader's, not a controlled property: Yew
    // writes a controlled value back on every render, and a render between
    // a paste and its colouring would put the old text back (and the caret
    // at its end). It is written only when the text comes from elsewhere:
    // the first render, Revert, or a starting point.
    {
        let area = area.clone();
        use_effect_with(props.text.clone(), move |text| {
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                if a.value() != **text {
                    a.set_value(text);
                }
            }
        });
    }
    let oninput = {
        let on = props.on_input.clone();
        let before = props.text.len();
        let pending = pending.clone();
        Callback::from(move |e: InputEvent| {
            let area = e.target_unchecked_into::<HtmlTextAreaElement>();
            let value = area.value();
            pending.borrow_mut().take();
            if value.len().abs_diff(before) < LARGE_EDIT {
                on.emit(value);
                return;
            }
            let on = on.clone();
            *pending.borrow_mut() = Some(Timeout::new(0, move || on.emit(area.value())));
        })
    };
    let onkeydown = {
        let on = props.on_input.clone();
        let escaped = escaped.clone();
        Callback::from(move |e: KeyboardEvent| {
            // A modifier pressed on its own (the Shift of Shift+Tab) keeps
            // the Escape: Escape, Shift+Tab left the editor backwards.
            match e.key().as_str() {
                "Escape" => {
                    *escaped.borrow_mut() = true;
                    return;
                }
                "Shift" | "Control" | "Alt" | "Meta" => return,
                _ => {}
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
            let Some(edit) = crate::view::indent::tab(&a.value(), start, end, e.shift_key()) else {
                return;
            };
            let _ = a.set_selection_range(edit.from, edit.to);
            // The browser's own editing command, so one Ctrl+Z undoes it
            // (setting the text from script leaves no undo step); it fires
            // `input` itself. Where it is missing, set the text directly,
            // and also for a block of many lines: Chromium inserts text a
            // line at a time, at a cost that grows with the square of the
            // lines (indenting 2,000 selected lines held the page 12 s),
            // and a step of undo is not worth that.
            let many_lines = edit.insert.bytes().filter(|&b| b == b'\n').count() > INDENT_UNDO_LINES;
            let typed = web_sys::window()
                .filter(|_| !many_lines)
                .and_then(|w| w.document())
                .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
                .and_then(|d| {
                    d.exec_command_with_show_ui_and_value("insertText", false, &edit.insert)
                        .ok()
                })
                .unwrap_or(false);
            if !typed {
                let _ = a.set_range_text_with_start_and_end_and_mode(&edit.insert, edit.from, edit.to, "end");
                on.emit(a.value());
            }
            let _ = a.set_selection_range(edit.selection.0, edit.selection.1);
        })
    };
    let error_lines: Vec<usize> = props
        .errors
        .iter()
        .map(|e| e.line.saturating_sub(1) as usize)
        .collect();
    // Lexed whole, since a block comment or a raw string spans lines, and
    // once per text: while a run plays, a frame moves only the mark of the
    // latest event's line.
    let blocks = use_memo(props.text.clone(), |text| {
        go_lines(text)
            .chunks(BLOCK_LINES)
            .map(|lines| Rc::new(lines.to_vec()))
            .collect::<Vec<_>>()
    });
    let count = blocks.iter().map(|b| b.len()).sum::<usize>();
    let invalid = !props.errors.is_empty();
    // Bytes are never fewer than UTF-16 units: count units only near the cap.
    let full = props.text.len() >= MAX_SOURCE && props.text.encode_utf16().count() >= MAX_SOURCE;
    let marks_in = |block: usize| {
        let lines = block * BLOCK_LINES..(block + 1) * BLOCK_LINES;
        let mut marks: Vec<(usize, &'static str)> = error_lines
            .iter()
            .filter(|l| lines.contains(l))
            .map(|l| (l - lines.start, "err"))
            .collect();
        // An error's mark wins over the run's: `Block` takes the first.
        if let Some(l) = props.current.filter(|l| lines.contains(l)) {
            marks.push((l - lines.start, "hl"));
        }
        marks
    };
    // The line numbers, as one piece of markup for the same reason, built
    // again only when the count or the errors change.
    let gutter = use_memo((count, error_lines.clone()), |(count, error_lines)| {
        let mut gutter = String::with_capacity(count * 24);
        for i in 0..*count {
            gutter.push_str(if error_lines.contains(&i) {
                "<span class=\"err\">"
            } else {
                "<span>"
            });
            gutter.push_str(&(i + 1).to_string());
            gutter.push_str("\n</span>");
        }
        Html::from_html_unchecked(gutter.into())
    });
    // The line of the latest event stays in view while the run plays,
    // unless the reader is typing.
    let scroller = use_node_ref();
    super::views::use_follow_line(scroller.clone(), props.current, Some(area.clone()));
    html! {
        <>
        <div class="editor" ref={scroller}>
            <div class="gutter" aria-hidden="true">{ (*gutter).clone() }</div>
            <div class="layers">
                <pre class="colour" aria-hidden="true"><code>
                    { for blocks.iter().enumerate().map(|(i, lines)| html! {
                        <Block key={i} lines={lines.clone()} marks={marks_in(i)} />
                    }) }
                </code></pre>
                <textarea ref={area} aria-label="Go source" spellcheck="false" autocapitalize="off" autocomplete="off"
                    autocorrect="off" wrap="off" maxlength={MAX_SOURCE.to_string()} {oninput} {onkeydown}
                    aria-invalid={invalid.to_string()} aria-describedby={props.errors_id.clone()}
                    aria-keyshortcuts="Tab Shift+Tab Escape" />
            </div>
        </div>
        if full {
            <p role="alert" class="alert">
                { format!(
                    "The editor is full: it holds {},{:03} characters, and anything past them was cut.",
                    MAX_SOURCE / 1000,
                    MAX_SOURCE % 1000
                ) }
            </p>
        }
        </>
    }
}
