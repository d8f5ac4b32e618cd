//! The views of a run, each drawn from the trace through `view`: the
//! timeline, the output order, the deadline ledger, the refresher, the event
//! log, and the code.

use yew::prelude::*;

use super::hooks::use_model::ModelRef;
use crate::patterns::PatternId;
use crate::rt::Millis;
use crate::view;

/// The most lines the Output order lists once a run printed more than
/// [`ALL_ROWS`](super::event_log::ALL_ROWS).
pub const MAX_OUTPUT_ROWS: usize = 64;
/// The most workers the deadline ledger lists; it counts the rest.
pub const MAX_LEDGER_ROWS: usize = 50;
/// The most channels the Channels panel lists; it counts the rest.
pub const MAX_CHANNEL_ROWS: usize = 50;

/// What every view gets: the model of the run at the time the views show
/// (the playhead), and that time.
#[derive(Properties, PartialEq, Clone)]
pub struct ViewProps {
    pub model: ModelRef,
    pub now: Millis,
    pub pattern: PatternId,
}

#[derive(Properties, PartialEq)]
pub struct HeldOffScreenProps {
    #[prop_or_default]
    pub class: Classes,
    /// Whether views off screen may be held (while a run plays).
    pub hold: bool,
    pub children: Html,
}

/// Views that stop following a playing run while they are off screen. A
/// frame of a fast run rewrote every row of the output list and the event
/// log below the fold: DOM work and garbage that no one saw, in the frames
/// that the timeline needs. Held, they keep what they last showed (their
/// components are given the same props, so Yew skips them) until they come
/// into view or the run stops playing; then they catch up at once, so a
/// paused or finished run is never shown stale. A `div` with `class`, as
/// the observer needs a box of its own.
#[component]
pub fn HeldOffScreen(props: &HeldOffScreenProps) -> Html {
    let node = use_node_ref();
    // Until the observer reports, a view is taken to be in sight.
    let visible = super::hooks::use_visible::use_visible(node.clone()).unwrap_or(true);
    let shown = use_mut_ref(|| props.children.clone());
    if visible || !props.hold {
        *shown.borrow_mut() = props.children.clone();
    }
    html! {
        <div ref={node} class={props.class.clone()}>{ shown.borrow().clone() }</div>
    }
}

/// The printed lines in arrival order, with where each came from.
#[component]
pub fn OutputOrder(props: &ViewProps) -> Html {
    // Every line is listed up to ALL_ROWS, as the event log lists every
    // row (one item per line is what the page promises). A longer run,
    // which prints up to hundreds of thousands, shows the latest
    // MAX_OUTPUT_ROWS, numbered as in the whole run, and says how many came
    // before, so each render costs the same however long the run.
    let (total, lines) = props.model.with(|m| {
        let all = m.outputs();
        let first = if all.len() <= super::event_log::ALL_ROWS {
            0
        } else {
            all.len() - MAX_OUTPUT_ROWS
        };
        (
            all.len(),
            all.iter_from(first)
                .cloned()
                .enumerate()
                .map(|(i, l)| (first + i, l))
                .collect::<Vec<_>>(),
        )
    });
    let earlier = total - lines.len();
    let all_same = lines.len() > 1 && lines.iter().all(|l| l.1.text == lines[0].1.text);
    // The hint applies when every line has its own label (one per word,
    // say) and they arrived out of the order the pattern numbered them in.
    let labels: Vec<_> = lines.iter().map(|l| l.1.label.as_ref()).collect();
    let mut numbers: Vec<u64> = labels.iter().flatten().map(|l| l.n).collect();
    crate::sort::sort(&mut numbers);
    numbers.dedup();
    let out_of_order = earlier == 0
        && labels.iter().all(Option::is_some)
        && numbers.len() == labels.len()
        && labels.windows(2).any(|w| w[0].map(|l| l.n) > w[1].map(|l| l.n))
        && labels
            .windows(2)
            .all(|w| w[0].map(|l| &l.noun) == w[1].map(|l| &l.noun));
    let noun = labels.first().copied().flatten().map(|l| l.noun.clone());
    html! {
        <section class="card" aria-labelledby="output-heading">
            <h3 id="output-heading">{ "Output order" }</h3>
            if lines.is_empty() {
                <p class="muted">{ "Nothing printed yet." }</p>
            }
            if earlier > 0 {
                <p class="muted">{ format!("{total} lines printed; the latest {} are listed.", lines.len()) }</p>
            }
            // Focusable: the list scrolls once it is long, and a keyboard
            // user must be able to scroll it too.
            // Keyed by whether it lists every line: past ALL_ROWS the
            // thousand rows go with their list in one DOM call, where
            // removing them one by one held a frame for tens of
            // milliseconds.
            <ol key={if earlier > 0 { "latest" } else { "all" }} aria-label="Output order" class="outputs" tabindex="0"
                start={(earlier + 1).to_string()}>
                // In runs of OUTPUT_CHUNK lines, keyed by their place in the
                // whole run: a run that already drew hundreds of lines and
                // prints one more re-renders only the last run of lines.
                { for lines.chunk_by(|a, b| a.0 / OUTPUT_CHUNK == b.0 / OUTPUT_CHUNK).map(|chunk| html! {
                    <OutputRows key={chunk[0].0 / OUTPUT_CHUNK} lines={chunk.to_vec()} />
                }) }
            </ol>
            if let (true, false, Some(noun)) = (out_of_order, all_same, noun) {
                <p class="hint">{ format!("Arrival order is not {noun} order: each {noun} arrived when its goroutine's work finished.") }</p>
            }
        </section>
    }
}

/// Lines of the output order per [`OutputRows`] component.
const OUTPUT_CHUNK: usize = 50;

#[derive(Properties, PartialEq)]
struct OutputRowsProps {
    /// The lines, each with its place in the whole run (from 0).
    lines: Vec<(usize, view::OutputLine)>,
}

/// A run of the output order's rows. Yew skips a component whose props are
/// equal, so a run of lines that is complete is built and compared once,
/// not on every frame of the run.
#[component]
fn OutputRows(props: &OutputRowsProps) -> Html {
    html! {
        // Keyed by the line's number in the run: as the window of the
        // latest lines slides, the page adds one row and drops one,
        // instead of rewriting all of them.
        <>{ for props.lines.iter().map(|(n, l)| html! {
            <li key={*n} class={l.stderr.then_some("stderr")}>
                <span class="t">{ format!("{} ms", l.t) }</span>
                { " " }
                <code>{ &*l.text }</code>
                // Standard error's lines (println, log) among the output,
                // as the Go Playground shows them, and said in words.
                if l.stderr {
                    { " " }
                    <span class="source">{ "stderr" }</span>
                }
                if let Some(label) = &l.label {
                    { " " }
                    <span class="source">{ label.to_string() }</span>
                }
            </li>
        }) }</>
    }
}

/// The deadline, and how each worker fared against it.
#[component]
pub fn DeadlineLedger(props: &ViewProps) -> Html {
    // Edited Go can race thousands of goroutines against a deadline: the
    // table lists the first MAX_LEDGER_ROWS and counts the rest, so each
    // render costs the same however many there are.
    let Some((ledger, rest)) = props.model.with(|m| m.ledger_head(MAX_LEDGER_ROWS)) else {
        // The pattern with a context has its region before the run sets the
        // deadline, as the refresher has its own.
        if props.pattern == PatternId::Deadline {
            return html! {
                <section class="card" role="region" aria-label="Deadline">
                    <h3>{ "Deadline" }</h3><p class="muted">{ "No deadline yet: Run or Step sets it." }</p>
                </section>
            };
        }
        return html! {};
    };
    let more = (!rest.is_empty()).then(|| {
        format!(
            "And {} more: {} finished, {} cancelled, {} working.",
            rest.len(),
            rest.finished,
            rest.cancelled,
            rest.working,
        )
    });
    html! {
        <section class="card" role="region" aria-label="Deadline">
            <h3>{ format!("Deadline at {} ms", ledger.deadline) }</h3>
            <table>
                <thead><tr><th>{ "Worker" }</th><th>{ "Work" }</th><th>{ "Outcome" }</th></tr></thead>
                <tbody>
                    { for ledger.entries.iter().map(|e| {
                        let outcome = match (&e.status, e.at) {
                            (view::LedgerStatus::Finished, Some(t)) => format!("finished at {t} ms"),
                            (view::LedgerStatus::Cancelled, Some(t)) => format!("cancelled at {t} ms, cleaned up"),
                            _ => "working".to_string(),
                        };
                        html! { <tr><td>{ &e.worker }</td><td>{ format!("{} ms", e.work_ms) }</td><td>{ outcome }</td></tr> }
                    }) }
                </tbody>
            </table>
            if let Some(more) = more {
                <p class="muted">{ more }</p>
            }
            <p>{ format!("ctx.Err() = {}", ledger.err.as_deref().unwrap_or("nil")) }</p>
        </section>
    }
}

/// The token refresher at the current time.
#[component]
pub fn RefresherPanel(props: &ViewProps) -> Html {
    let Some(r) = props.model.with(|m| m.refresher()) else {
        if matches!(props.pattern, PatternId::TokenCache | PatternId::TokenFuture) {
            return html! {
                <section class="card" role="region" aria-label="Refresher">
                    <h3>{ "Refresher" }</h3><p class="muted">{ "Not started." }</p>
                </section>
            };
        }
        return html! {};
    };
    let expiry = match r.expires {
        Some(at) if at > props.now => format!("expires in {} ms (at {at} ms)", at - props.now),
        Some(at) => format!("expired at {at} ms"),
        None => "no token yet".to_string(),
    };
    html! {
        <section class="card" role="region" aria-label="Refresher">
            <h3>{ "Refresher" }</h3>
            <dl class="facts">
                <dt>{ "State" }</dt><dd class={classes!("state", r.state.to_string())}>{ r.state.to_string() }</dd>
                <dt>{ "Token" }</dt><dd><code>{ if r.token.is_empty() { "none" } else { &r.token } }</code>{ " " }{ expiry }</dd>
                <dt>{ "Refreshes" }</dt><dd>{ format!("refresh count {}", r.refreshes) }</dd>
                <dt>{ "Failures in a row" }</dt><dd>{ r.failures_in_row }</dd>
                <dt>{ "Waiting on the lock" }</dt>
                <dd>{ if r.waiting.is_empty() { "nobody".to_string() } else { r.waiting.join(", ") } }</dd>
            </dl>
        </section>
    }
}

/// Keeps the line marked `.hl` inside `scroller` in view, in the middle of
/// the box (scrolling the box, not the page, which would pull the reader
/// away), whenever `line` changes; not while `focus` has the focus, where
/// the reader is typing and the box must stay where they put it.
/// `scroller` must be positioned (`position: relative`): a line's
/// `offsetTop` is measured from it.
#[hook]
pub fn use_follow_line(scroller: NodeRef, line: Option<usize>, focus: Option<NodeRef>) {
    use_effect_with(line, move |_| {
        // In the next frame, not now: reading a position forces a layout,
        // and the frame will lay the page out anyway.
        let frame = gloo_render::request_animation_frame(move |_| {
            use wasm_bindgen::JsCast;
            let focused = focus.as_ref().and_then(NodeRef::get).is_some_and(|el| {
                web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element())
                    .is_some_and(|a| web_sys::Node::from(a) == el)
            });
            let scroller = scroller.cast::<web_sys::HtmlElement>();
            let line = scroller
                .as_ref()
                .and_then(|p| p.query_selector(".hl").ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let (false, Some(scroller), Some(line)) = (focused, scroller, line) {
                scroller.set_scroll_top((line.offset_top() - scroller.client_height() / 2).max(0));
            }
        });
        move || drop(frame)
    });
}

#[derive(Properties, PartialEq, Clone)]
pub struct CodeBlockProps {
    pub source: &'static str,
    pub highlight: Option<usize>,
    /// The id of the heading that names the block.
    pub labelledby: &'static str,
}

/// Source text, one span per line, the highlighted one kept in view inside
/// the box (not by scrolling the page, which would pull the reader away).
/// The box scrolls, so it takes the focus (arrow keys then scroll it) and is
/// a region named by its heading.
#[component]
pub fn CodeBlock(props: &CodeBlockProps) -> Html {
    let pre = use_node_ref();
    use_follow_line(pre.clone(), props.highlight, None);
    // The runs borrow the source itself (it is 'static), not the memo's copy
    // of the reference.
    let source = props.source;
    let chunks = use_memo(source, move |_| view::highlight::line_chunks(source, CODE_CHUNK));
    html! {
        <pre ref={pre} tabindex="0" role="region" aria-labelledby={props.labelledby}><code>
            { for chunks.iter().enumerate().map(|(i, &lines)| {
                let first = i * CODE_CHUNK;
                let highlight = props.highlight.filter(|l| (first..first + CODE_CHUNK).contains(l));
                html! { <CodeLines key={i} {lines} highlight={highlight.map(|l| l - first)} /> }
            }) }
        </code></pre>
    }
}

/// Lines of source per [`CodeLines`] component.
const CODE_CHUNK: usize = 32;

#[derive(Properties, PartialEq)]
struct CodeLinesProps {
    lines: &'static str,
    /// The highlighted line, counted from the chunk's first.
    highlight: Option<usize>,
}

/// A run of a [`CodeBlock`]'s lines. While a run plays the highlight moves
/// every frame; Yew skips a component whose props are equal, so a frame
/// rebuilds only the runs that the highlight left or entered.
#[component]
fn CodeLines(props: &CodeLinesProps) -> Html {
    html! {
        <>{ for props.lines.lines().enumerate().map(|(i, line)| html! {
            <span class={classes!("ln", (Some(i) == props.highlight).then_some("hl"))}>{ line }{ "\n" }</span>
        }) }</>
    }
}

/// Each channel's buffer as slots, and who is blocked on it, at `now`.
#[component]
pub fn Channels(props: &ViewProps) -> Html {
    let (mut chans, dropped) = view::channel_groups(props.model.with(|m| m.channels()));
    if chans.is_empty() && dropped.is_empty() {
        return html! {};
    }
    // Edited Go can hold thousands of channels at once (a `time.After` per
    // goroutine): the list shows the first MAX_CHANNEL_ROWS and counts the
    // rest, so a frame costs the same however many there are.
    let more = chans.len().saturating_sub(MAX_CHANNEL_ROWS);
    chans.truncate(MAX_CHANNEL_ROWS);
    html! {
        <section class="card" aria-labelledby="chan-heading">
            <h3 id="chan-heading">{ "Channels" }</h3>
            <ul class="chans">
                { for chans.iter().map(|c| {
                    let slots = (0..c.cap.min(16)).map(|i| match c.buffered.get(i) {
                        Some(v) => html! { <span class="slot full" title={v.clone()}>{ v.trim_matches('"').chars().take(8).collect::<String>() }</span> },
                        None => html! { <span class="slot"></span> },
                    });
                    html! {
                        <li>
                            <code>{ &*c.name }</code>
                            <span class="muted">{ if c.cap == 0 { " unbuffered: a send waits for a receiver".to_string() } else { format!(" cap {}, holds {}", c.cap, c.buffered.len()) } }</span>
                            if c.closed { <span class="badge">{ "closed" }</span> }
                            <div class="slots" aria-hidden="true">{ for slots }</div>
                            if !c.senders.is_empty() { <div class="blocked">{ format!("blocked sending: {}", c.senders.join(", ")) }</div> }
                            if !c.receivers.is_empty() { <div class="blocked">{ format!("blocked receiving: {}", c.receivers.join(", ")) }</div> }
                        </li>
                    }
                }) }
                { for dropped.iter().map(|g| html! {
                    <li class="muted">
                        { format!("{} channels like ", g.count) }
                        <code>{ &*g.like }</code>
                        { if g.holding == 0 { ": drained and dropped".to_string() } else { format!(": dropped, {} still holding values", g.holding) } }
                    </li>
                }) }
                if more > 0 {
                    <li class="muted">{ format!("And {more} more channels.") }</li>
                }
            </ul>
        </section>
    }
}
