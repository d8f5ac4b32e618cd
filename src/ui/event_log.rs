//! The event log: one row per trace event, as the CLI's `log` prints it.
//!
//! It stays light for a run of a million events: past [`ALL_ROWS`] rows it
//! is virtualised (only the rows in view, and a few either side, are in the
//! DOM, each [`ROW_PX`] tall); the reader filters it by goroutine and by
//! kind, and clicking a row moves the playhead to that event's time.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Event as DomEvent, HtmlElement, HtmlSelectElement};
use yew::prelude::*;

use super::hooks::use_model::ModelRef;
use crate::rt::{Event, Millis, Trace};
use crate::view;

pub use crate::view::ALL_ROWS;
/// One row's height, which the virtual list positions by.
const ROW_PX: i32 = 18;
/// The list's height: about 18 rows.
const VIEW_PX: i32 = 324;
/// Rows drawn beyond the visible ones, either side.
const OVERSCAN: usize = 20;

/// The kinds the filter offers: a label and the event kinds it keeps.
const KINDS: &[(&str, &[&str])] = &[
    ("Every kind", &[]),
    ("Output", &["output"]),
    ("Blocking and waking", &["park", "wake", "timer-fired"]),
    (
        "Channel operations",
        &[
            "make",
            "send",
            "recv",
            "recv-closed",
            "close",
            "select",
            "chan-dropped",
        ],
    ),
    ("Goroutines", &["spawn", "end", "killed"]),
    (
        "Locks, groups, contexts",
        &["lock", "unlock", "wg-add", "cancel", "timer-set"],
    ),
    (
        "State and errors",
        &["state", "note", "inject", "error", "deadlock"],
    ),
];

#[derive(Properties, PartialEq, Clone)]
pub struct EventLogProps {
    pub trace: Trace,
    pub model: ModelRef,
    /// The playhead, when the reader moved it into the past.
    pub playhead: Option<Millis>,
    /// Moves the playhead to a time.
    pub on_seek: Callback<Millis>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct Filter {
    task: Option<u32>,
    kind: usize,
}

impl Filter {
    fn keeps(&self, e: &Event) -> bool {
        self.task.is_none_or(|t| e.task_id == Some(t))
            && (self.kind == 0 || KINDS[self.kind].1.contains(&e.kind.name()))
    }
}

/// The rows a filter keeps, found incrementally as the trace grows.
#[derive(Default)]
struct Kept {
    filter: Option<Filter>,
    trace: Trace,
    rows: Vec<u32>,
}

/// The most goroutines the goroutine filter offers: a menu of thousands
/// is no use to a reader, and each frame that adds one would rebuild it.
const MAX_TASK_OPTIONS: usize = 200;

#[derive(Properties, PartialEq)]
struct TaskSelectProps {
    /// The first MAX_TASK_OPTIONS goroutines.
    tasks: Vec<(u32, String)>,
    /// How many more there are.
    more: usize,
    selected: Option<u32>,
    onchange: Callback<DomEvent>,
}

/// The goroutine filter. A component of its own so that a run's frames,
/// which rarely add a goroutine, do not rebuild its options: edited Go can
/// start thousands, and rebuilding as many options every frame froze the
/// page for half a second at a time.
#[component]
fn TaskSelect(props: &TaskSelectProps) -> Html {
    html! {
        <select aria-label="Goroutine" onchange={props.onchange.clone()}>
            <option value="" selected={props.selected.is_none()}>{ "All goroutines" }</option>
            { for props.tasks.iter().map(|(id, name)| html! {
                <option value={id.to_string()} selected={props.selected == Some(*id)}>{ name }</option>
            }) }
            if props.more > 0 {
                <option value="" disabled=true>{ format!("and {} more goroutines", props.more) }</option>
            }
        </select>
    }
}

#[component]
pub fn EventLog(props: &EventLogProps) -> Html {
    let filter = use_state(|| Filter { task: None, kind: 0 });
    let scroll = use_state(|| 0i32);
    // Whether the list follows the newest row (it does until the reader
    // scrolls away from the bottom).
    let follow = use_mut_ref(|| true);
    // Where the page itself last put the list (following, or showing the
    // playhead's row): a scroll event elsewhere is the reader's own.
    let page_scroll = use_mut_ref(|| None::<i32>);
    let kept = use_mut_ref(Kept::default);
    let list = use_node_ref();

    let total = {
        let mut k = kept.borrow_mut();
        let f = *filter;
        if f.task.is_none() && f.kind == 0 {
            k.filter = None;
            props.trace.len()
        } else {
            if k.filter != Some(f) || !k.trace.is_prefix_of(&props.trace) {
                *k = Kept {
                    filter: Some(f),
                    ..Kept::default()
                };
            }
            let from = k.trace.len();
            let more: Vec<u32> = props.trace.with(|events| {
                (from..events.len())
                    .filter(|&i| f.keeps(&events[i]))
                    .map(|i| i as u32)
                    .collect()
            });
            k.rows.extend(more);
            k.trace = props.trace.clone();
            k.rows.len()
        }
    };
    let row_index = {
        let kept = kept.clone();
        move |i: usize| -> usize {
            let k = kept.borrow();
            if k.filter.is_some() {
                k.rows[i] as usize
            } else {
                i
            }
        }
    };
    let virtual_list = total > ALL_ROWS;
    // The row at the playhead, when the reader moved it: marked and shown.
    let at_playhead = props
        .playhead
        .map(|t| props.trace.with(|events| events.partition_point(|e| e.t <= t)));
    let geometry = view::VirtualRows {
        rows: total,
        row_px: ROW_PX,
        view_px: VIEW_PX,
    };
    // Following: the list moves to its bottom in the next frame (see below),
    // so draw the bottom now. Drawn from the last scroll event instead, the
    // rows lagged the list's end by a frame's worth of events, and a busy
    // run showed an empty log.
    let following = virtual_list && at_playhead.is_none() && *follow.borrow();
    let drawn_at = if following { geometry.bottom() } else { *scroll };
    let (first, last) = if virtual_list {
        let rows = geometry.window(drawn_at, OVERSCAN);
        (rows.start, rows.end)
    } else {
        (0, total)
    };
    // How to show the playhead's row: in a virtual list, the scroll
    // position that centres it (the row at or before the playhead, in a
    // filtered list); in a whole list, where its marked row is laid out.
    let seek_to = at_playhead.map(|at| {
        if !virtual_list {
            return Seek::Marked;
        }
        let row = at.saturating_sub(1);
        let k = kept.borrow();
        let row = match k.filter {
            Some(_) => k.rows.partition_point(|&r| r as usize <= row).saturating_sub(1),
            None => row,
        };
        Seek::To(geometry.centre(row))
    });

    {
        let list = list.clone();
        let follow = follow.clone();
        let page_scroll = page_scroll.clone();
        use_effect_with((props.trace.len(), total, seek_to), move |&(_, _, seek_to)| {
            // In the next frame, not now: moving the scroll position (or
            // reading a row's) forces a layout, and during a run the views
            // after this one change the page again before it paints. In the
            // frame, the one layout serves both.
            let frame = gloo_render::request_animation_frame(move |_| {
                if let Some(el) = list.cast::<HtmlElement>() {
                    if follow_or_seek(&el, seek_to, *follow.borrow()) {
                        // Read back at once: the layout that setting it took
                        // is still clean.
                        *page_scroll.borrow_mut() = Some(el.scroll_top());
                    }
                }
            });
            move || drop(frame)
        });
    }
    // Reaching the bottom resumes following; the reader's own scrolling up
    // (wheel, keys, the scrollbar, or anything else that moves the list to
    // where the page did not put it) stops it. Rows arriving below do not
    // move the list, so a list the page put at its bottom stays where the
    // page put it while it grows.
    let onscroll = {
        let scroll = scroll.clone();
        let follow = follow.clone();
        let page_scroll = page_scroll.clone();
        Callback::from(move |e: DomEvent| {
            if let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
                let top = el.scroll_top();
                if top + el.client_height() >= el.scroll_height() - ROW_PX {
                    *follow.borrow_mut() = true;
                } else if *page_scroll.borrow() != Some(top) {
                    *follow.borrow_mut() = false;
                }
                scroll.set(top);
            }
        })
    };
    let stop_following = {
        let follow = follow.clone();
        move || *follow.borrow_mut() = false
    };
    let onwheel = {
        let stop = stop_following.clone();
        Callback::from(move |e: web_sys::WheelEvent| {
            if e.delta_y() < 0.0 {
                stop();
            }
        })
    };
    let onkeydown = {
        let stop = stop_following.clone();
        Callback::from(move |e: web_sys::KeyboardEvent| {
            if matches!(e.key().as_str(), "ArrowUp" | "PageUp" | "Home") {
                stop();
            }
        })
    };
    let onpointerdown = Callback::from(move |_: web_sys::PointerEvent| stop_following());
    // The same callback from frame to frame, so that the goroutine filter's
    // props stay equal and it does not re-render.
    let on_task = use_callback(filter.clone(), |e: DomEvent, filter| {
        if let Some(sel) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) {
            filter.set(Filter {
                task: sel.value().parse().ok(),
                kind: filter.kind,
            });
        }
    });
    let on_kind = {
        let filter = filter.clone();
        Callback::from(move |e: DomEvent| {
            if let Some(sel) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) {
                filter.set(Filter {
                    task: filter.task,
                    kind: sel.value().parse().unwrap_or(0),
                });
            }
        })
    };
    let (tasks, more) = props.model.with(|m| {
        let tasks: Vec<(u32, String)> = m
            .lanes_ref()
            .take(MAX_TASK_OPTIONS)
            .map(|l| (l.task_id, l.name.clone()))
            .collect();
        (tasks, m.lane_count().saturating_sub(MAX_TASK_OPTIONS))
    });
    // The row at the playhead, as an index into the trace.
    let marked = at_playhead.and_then(|at| at.checked_sub(1));
    let rows = if virtual_list {
        props.trace.with(|events| {
            (first..last)
                .map(|i| {
                    let index = row_index(i);
                    let style = format!("top:{}px", geometry.top(i, drawn_at));
                    log_row(&events[index], index, marked, Some(style))
                })
                .collect::<Html>()
        })
    } else {
        // The whole list, in chunks of LOG_CHUNK rows that Yew skips while
        // their props are equal: the trace only grows, so a full chunk is
        // built once, not in every frame of the run (rebuilding a
        // thousand rows a frame held frames for 67-83 ms).
        let indices: Vec<u32> = (first..last).map(|i| row_index(i) as u32).collect();
        indices
            .chunks(LOG_CHUNK)
            .enumerate()
            .map(|(n, chunk)| {
                let end = chunk.last().map_or(0, |&i| i as usize + 1);
                let marked = marked.filter(|m| chunk.contains(&(*m as u32)));
                html! {
                    <LogRows key={n} trace={props.trace.prefix(end)} rows={Rc::<[u32]>::from(chunk)} {marked} />
                }
            })
            .collect::<Html>()
    };
    // One click handler for every row: a row carries its event's time.
    let onclick = {
        let on_seek = props.on_seek.clone();
        Callback::from(move |e: MouseEvent| {
            let t = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(".ev").ok().flatten())
                .and_then(|row| row.get_attribute("data-t"))
                .and_then(|t| t.parse().ok());
            if let Some(t) = t {
                on_seek.emit(t);
            }
        })
    };
    let inner_style = virtual_list.then(|| format!("height:{}px", geometry.height()));
    html! {
        <section class="card log-card" aria-labelledby="log-heading">
            <h3 id="log-heading">{ "Event log" }</h3>
            <div class="log-filters">
                <label>{ "Goroutine " }
                    <TaskSelect {tasks} {more} selected={filter.task} onchange={on_task} />
                </label>
                <label>{ "Kind " }
                    <select aria-label="Kind" onchange={on_kind}>
                        { for KINDS.iter().enumerate().map(|(i, (label, _))| html! {
                            <option value={i.to_string()} selected={filter.kind == i}>{ *label }</option>
                        }) }
                    </select>
                </label>
                <span class="muted">{ format!("{total} rows; click one to move the playhead there") }</span>
            </div>
            <div role="log" aria-label="Event log" aria-live="polite" class={classes!("log", virtual_list.then_some("virtual"))}
                tabindex="0" ref={list} {onscroll} {onwheel} {onkeydown} {onpointerdown} {onclick}>
                // Keyed by the mode, so that a list passing ALL_ROWS drops
                // its thousand rows with their wrapper, in one DOM call,
                // instead of one call per row (which held a frame for tens
                // of milliseconds).
                if virtual_list {
                    <div key="virtual" class="rows" style={inner_style}>{ rows }</div>
                } else {
                    <div key="all" class="rows">{ rows }</div>
                }
            </div>
        </section>
    }
}

/// Rows of the whole list per [`LogRows`] component.
const LOG_CHUNK: usize = 50;

#[derive(Properties, PartialEq)]
struct LogRowsProps {
    /// The trace up to the chunk's last row, so that a full chunk's props
    /// stay equal as the run goes on.
    trace: Trace,
    /// The chunk's rows, as indices into the trace.
    rows: Rc<[u32]>,
    /// The row at the playhead, if it is in this chunk.
    marked: Option<usize>,
}

/// A run of the whole list's rows.
#[component]
fn LogRows(props: &LogRowsProps) -> Html {
    props.trace.with(|events| {
        props
            .rows
            .iter()
            .map(|&i| log_row(&events[i as usize], i as usize, props.marked, None))
            .collect::<Html>()
    })
}

/// One row of the log: the event at `index`, marked if it is the
/// playhead's, placed by `style` in the virtual list. It carries its
/// event's time for the list's one click handler.
fn log_row(e: &Event, index: usize, marked: Option<usize>, style: Option<String>) -> Html {
    html! {
        <div key={index} class={classes!("ev", e.kind.name(), (marked == Some(index)).then_some("at-playhead"))}
            {style} data-t={e.t.to_string()}>
            { view::log_line(e) }
        </div>
    }
}

/// How the list shows the playhead's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seek {
    /// Scroll to this position.
    To(i32),
    /// Scroll to the row marked as the playhead's, wherever it was laid out.
    Marked,
}

/// Keeps the newest row in view while following the run, or shows the row
/// at the playhead once the reader moved it; whether it moved the list.
fn follow_or_seek(el: &HtmlElement, seek: Option<Seek>, follow: bool) -> bool {
    match seek {
        // Following the run: keep the newest row in view. The browser clamps
        // the position, so no need to read the list's height (a layout).
        None if follow => el.set_scroll_top(i32::MAX),
        None => return false,
        Some(Seek::To(top)) => el.set_scroll_top(top),
        Some(Seek::Marked) => {
            let Some(row) = el
                .query_selector(".at-playhead")
                .ok()
                .flatten()
                .and_then(|row| row.dyn_into::<HtmlElement>().ok())
            else {
                return false;
            };
            el.set_scroll_top(row.offset_top() - el.offset_top() - VIEW_PX / 2);
        }
    }
    true
}
