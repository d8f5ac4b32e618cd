//! The timeline: the run's lanes drawn by `view::timeline` in a window the
//! reader zooms and pans like a trace viewer (buttons, `+`/`-`, arrow keys,
//! Ctrl+wheel or a pinch, dragging), with crowded lane groups that unfold
//! on a click or Enter.

use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, PointerEvent, WheelEvent};
use yew::prelude::*;

use super::hooks::use_model::ModelRef;
use crate::rt::{Millis, Pos};
use crate::view::{self, Window};

/// The narrowest window: the virtual clock counts whole milliseconds.
const MIN_SPAN: Millis = 10;

#[derive(Properties, PartialEq, Clone)]
pub struct TimelineProps {
    pub model: ModelRef,
    /// The time every view shows (the playhead).
    pub now: Millis,
    /// What ran: the pattern's title, or the reader's Go.
    pub title: AttrValue,
}

/// A zoom or pan of the window `(t0, t1)` within `[0, end]`.
fn zoom(range: (Millis, Millis), end: Millis, factor_pct: u64, around: Millis) -> Option<(Millis, Millis)> {
    let (t0, t1) = range;
    let span = (t1 - t0).max(1);
    let new_span = (span * factor_pct / 100).clamp(MIN_SPAN.min(end.max(1)), end.max(1));
    if new_span >= end {
        return None; // fits the whole run: back to Fit
    }
    // Keep `around` where it is on screen.
    let left = (around.saturating_sub(t0)) * new_span / span;
    let start = around.saturating_sub(left).min(end - new_span);
    Some((start, start + new_span))
}

fn pan(range: (Millis, Millis), end: Millis, by_pct: i64) -> (Millis, Millis) {
    let (t0, t1) = range;
    let span = t1 - t0;
    let shift = (span as i64 * by_pct / 100).unsigned_abs();
    let start = if by_pct < 0 {
        t0.saturating_sub(shift)
    } else {
        (t0 + shift).min(end.saturating_sub(span))
    };
    (start, start + span)
}

fn parse_group(value: &str) -> Option<Pos> {
    let (line, col) = value.split_once(':')?;
    Some(Pos {
        line: line.parse().ok()?,
        col: col.parse().ok()?,
    })
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let range = use_state(|| None::<(Millis, Millis)>);
    let expanded = use_state(Vec::<Pos>::new);
    let drag = use_mut_ref(|| None::<(i32, (Millis, Millis))>);
    let end = props.model.with(|m| m.end()).max(props.now).max(1);
    let window = Window {
        range: range.filter(|(_, b)| *b <= end),
        expanded: (*expanded).clone(),
    };
    let svg = props
        .model
        .with(|m| view::timeline(&props.title, m, Some(props.now), &window));
    let current = window.range.unwrap_or((0, end));

    let set = {
        let range = range.clone();
        move |r: Option<(Millis, Millis)>| range.set(r)
    };
    let zoom_by = {
        let set = set.clone();
        // Zoom around the playhead when it is in view, else the middle.
        let now = props.now;
        let around = if (current.0..=current.1).contains(&now) {
            now
        } else {
            (current.0 + current.1) / 2
        };
        move |pct: u64| set(zoom(current, end, pct, around))
    };
    let on_zoom_in = {
        let zoom_by = zoom_by.clone();
        Callback::from(move |_: MouseEvent| zoom_by(50))
    };
    let on_zoom_out = {
        let zoom_by = zoom_by.clone();
        Callback::from(move |_: MouseEvent| zoom_by(200))
    };
    let on_fit = {
        let set = set.clone();
        Callback::from(move |_: MouseEvent| set(None))
    };
    let toggle_group = {
        let expanded = expanded.clone();
        move |target: Option<Element>| {
            let group = target
                .and_then(|t| t.closest("[data-group]").ok().flatten())
                .and_then(|g| g.get_attribute("data-group"))
                .and_then(|v| parse_group(&v));
            if let Some(pos) = group {
                let mut next = (*expanded).clone();
                match next.iter().position(|p| *p == pos) {
                    Some(i) => {
                        next.remove(i);
                    }
                    None => next.push(pos),
                }
                expanded.set(next);
                return true;
            }
            false
        }
    };
    let onkeydown = {
        let set = set.clone();
        let zoom_by = zoom_by.clone();
        let toggle_group = toggle_group.clone();
        Callback::from(move |e: KeyboardEvent| {
            let handled = match e.key().as_str() {
                "+" | "=" => {
                    zoom_by(50);
                    true
                }
                "-" | "_" => {
                    zoom_by(200);
                    true
                }
                "ArrowLeft" if window_is_zoomed(current, end) => {
                    set(Some(pan(current, end, -20)));
                    true
                }
                "ArrowRight" if window_is_zoomed(current, end) => {
                    set(Some(pan(current, end, 20)));
                    true
                }
                "Enter" | " " => toggle_group(e.target().and_then(|t| t.dyn_into::<Element>().ok())),
                _ => false,
            };
            if handled {
                e.prevent_default();
            }
        })
    };
    let onclick = {
        let toggle_group = toggle_group.clone();
        Callback::from(move |e: MouseEvent| {
            toggle_group(e.target().and_then(|t| t.dyn_into::<Element>().ok()));
        })
    };
    // Ctrl+wheel (and a trackpad pinch, which arrives as one) zooms around
    // the pointer; a plain wheel still scrolls the page.
    let onwheel = {
        let set = set.clone();
        Callback::from(move |e: WheelEvent| {
            if !e.ctrl_key() && !e.meta_key() {
                return;
            }
            e.prevent_default();
            let around = pointer_time(&e, current);
            set(zoom(
                current,
                end,
                if e.delta_y() < 0.0 { 70 } else { 140 },
                around,
            ));
        })
    };
    let onpointerdown = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            *drag.borrow_mut() = Some((e.client_x(), current));
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let set = set.clone();
        Callback::from(move |e: PointerEvent| {
            let Some((x0, start)) = *drag.borrow() else {
                return;
            };
            if !window_is_zoomed(start, end) {
                return;
            }
            let width = e
                .current_target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .map_or(800.0, |el| f64::from(el.client_width().max(1)));
            let pct = (f64::from(x0 - e.client_x()) / width * 100.0) as i64;
            if pct != 0 {
                set(Some(pan(start, end, pct.clamp(-100, 100))));
            }
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    let shown = format!(
        "Showing {} to {}",
        crate::rt::GoDuration(current.0),
        crate::rt::GoDuration(current.1)
    );
    html! {
        <figure class="timeline" aria-label="Timeline">
            <div class="zoom" role="group" aria-label="Timeline zoom">
                // At the narrowest window Zoom in would do nothing: say so.
                <button type="button" onclick={on_zoom_in} disabled={current.1 - current.0 <= MIN_SPAN.min(end)}>{ "Zoom in" }</button>
                <button type="button" onclick={on_zoom_out} disabled={window.range.is_none()}>{ "Zoom out" }</button>
                <button type="button" onclick={on_fit} disabled={window.range.is_none()}>{ "Fit" }</button>
                <span class="muted">{ shown }</span>
            </div>
            <div class="scroll" tabindex="0" aria-label="Timeline: + and - zoom, arrow keys pan, Enter unfolds a lane group"
                {onkeydown} {onclick} {onwheel} {onpointerdown} {onpointermove} {onpointerup}>
                { Html::from_html_unchecked(AttrValue::from(svg)) }
            </div>
            <figcaption>
                { "One lane per goroutine. Amber: blocked on a channel, lock or context. \
                   Blue: sleeping or working. Lines: a value going from a send to its receive. \
                   Green dots: printed output. Hover a mark, or Tab to a lane name, for details. \
                   Zoom with the buttons, + and -, or Ctrl+wheel; pan by dragging or with the arrow keys." }
            </figcaption>
        </figure>
    }
}

fn window_is_zoomed(range: (Millis, Millis), end: Millis) -> bool {
    range.1 - range.0 < end
}

/// The time under the pointer, from where it is across the drawing.
fn pointer_time(e: &WheelEvent, range: (Millis, Millis)) -> Millis {
    let Some(el) = e.current_target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return (range.0 + range.1) / 2;
    };
    let rect = el.get_bounding_client_rect();
    // The plot starts after the lane names (110 of the drawing's 900 units).
    let frac = ((f64::from(e.client_x()) - rect.left()) / rect.width().max(1.0) * 900.0 - 110.0) / 760.0;
    range.0 + ((range.1 - range.0) as f64 * frac.clamp(0.0, 1.0)) as Millis
}
