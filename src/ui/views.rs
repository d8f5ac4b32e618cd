//! The views of a run, each drawn from the trace through `view`: the
//! timeline, the output order, the deadline ledger, the refresher, the event
//! log, and the code.

use std::rc::Rc;

use yew::prelude::*;

use crate::patterns::PatternId;
use crate::rt::{Event, Millis};
use crate::view;

/// What every view gets: the trace so far and the current time.
#[derive(Properties, PartialEq, Clone)]
pub struct TraceProps {
    pub trace: Rc<Vec<Event>>,
    pub now: Millis,
    pub pattern: PatternId,
}

/// The SVG swimlanes, one lane per task, with a playhead at `now`.
#[component]
pub fn Timeline(props: &TraceProps) -> Html {
    let svg = view::svg(props.pattern.title(), &props.trace, Some(props.now));
    html! {
        <figure class="timeline" aria-label="Timeline">
            <div class="scroll" tabindex="0" aria-label="Timeline, scrolls sideways">
                { Html::from_html_unchecked(AttrValue::from(svg)) }
            </div>
            <figcaption>
                { "One lane per goroutine. Amber: blocked on a channel, lock or context. \
                   Blue: sleeping or working. Lines: a value going from a send to its receive. \
                   Green dots: printed output. Hover a mark, or Tab to a lane name, for details." }
            </figcaption>
        </figure>
    }
}

/// The printed lines in arrival order, with where each came from.
#[component]
pub fn OutputOrder(props: &TraceProps) -> Html {
    let lines = view::outputs(&props.trace);
    let sourced = lines.iter().any(|l| l.source.is_some());
    let all_same = lines.len() > 1 && lines.iter().all(|l| l.text == lines[0].text);
    html! {
        <section class="card" aria-labelledby="output-heading">
            <h3 id="output-heading">{ "Output order" }</h3>
            if lines.is_empty() {
                <p class="muted">{ "Nothing printed yet." }</p>
            }
            // Focusable: the list scrolls once it is long, and a keyboard
            // user must be able to scroll it too.
            <ol aria-label="Output order" class="outputs" tabindex="0">
                { for lines.iter().map(|l| html! {
                    <li>
                        <span class="t">{ format!("{} ms", l.t) }</span>
                        { " " }
                        <code>{ &l.text }</code>
                        if let Some(source) = l.source {
                            { " " }
                            <span class="source">{ format!("word #{}", source + 1) }</span>
                        }
                    </li>
                }) }
            </ol>
            if sourced && !all_same {
                <p class="hint">{ "Arrival order is not source order: each word arrived when its goroutine's work finished." }</p>
            }
        </section>
    }
}

/// The deadline, and how each worker fared against it.
#[component]
pub fn DeadlineLedger(props: &TraceProps) -> Html {
    let Some(ledger) = view::deadline_ledger(&props.trace) else {
        return html! {};
    };
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
            <p>{ format!("ctx.Err() = {}", ledger.err.as_deref().unwrap_or("nil")) }</p>
        </section>
    }
}

/// The token refresher at the current time.
#[component]
pub fn RefresherPanel(props: &TraceProps) -> Html {
    let Some(r) = view::refresher_at(&props.trace, props.now) else {
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
                <dt>{ "State" }</dt><dd class={classes!("state", r.state.clone())}>{ &r.state }</dd>
                <dt>{ "Token" }</dt><dd><code>{ if r.token.is_empty() { "none" } else { &r.token } }</code>{ " " }{ expiry }</dd>
                <dt>{ "Refreshes" }</dt><dd>{ format!("refresh count {}", r.refreshes) }</dd>
                <dt>{ "Failures in a row" }</dt><dd>{ r.failures_in_row }</dd>
                <dt>{ "Waiting on the lock" }</dt>
                <dd>{ if r.waiting.is_empty() { "nobody".to_string() } else { r.waiting.join(", ") } }</dd>
            </dl>
        </section>
    }
}

/// Every trace event, newest last, kept scrolled to the newest.
#[component]
pub fn EventLog(props: &TraceProps) -> Html {
    let log = use_node_ref();
    {
        let log = log.clone();
        use_effect_with(props.trace.len(), move |_| {
            if let Some(log) = log.cast::<web_sys::HtmlElement>() {
                log.set_scroll_top(log.scroll_height());
            }
        });
    }
    html! {
        <section class="card log-card" aria-labelledby="log-heading">
            <h3 id="log-heading">{ "Event log" }</h3>
            <div role="log" aria-label="Event log" aria-live="polite" class="log" tabindex="0" ref={log}>
                { for props.trace.iter().map(|e| html! {
                    <div class={classes!("ev", e.kind.name())}>{ view::log_line(e) }</div>
                }) }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct CodeProps {
    pub pattern: PatternId,
    /// The latest event with a source line: its task and line in the file.
    pub current: Option<(String, u32)>,
}

/// The article's Go beside the Rust that runs, with the line the latest
/// event came from highlighted in the Rust, and its counterpart in the Go.
#[component]
pub fn Code(props: &CodeProps) -> Html {
    let first = props.pattern.rust_source_first_line();
    let rust = props
        .current
        .as_ref()
        .and_then(|(_, line)| line.checked_sub(first))
        .map(|l| l as usize);
    let go = rust.and_then(|l| props.pattern.go_line_for(l));
    html! {
        <section class="code" aria-label="Code">
            <div>
                <h3 id="go-code-heading">{ "Go (the article's pattern)" }</h3>
                <CodeBlock source={props.pattern.go_source()} highlight={go} labelledby="go-code-heading" />
            </div>
            <div>
                <h3 id="rust-code-heading">{ "Rust (the code that runs here)" }</h3>
                if let Some((task, _)) = &props.current {
                    <p class="hint">{ format!("Highlighted: where {task} is, as of the latest event, and the Go that does the same.") }</p>
                }
                <CodeBlock source={props.pattern.rust_source()} highlight={rust} labelledby="rust-code-heading" />
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct CodeBlockProps {
    source: &'static str,
    highlight: Option<usize>,
    /// The id of the heading that names the block.
    labelledby: &'static str,
}

/// Source text, one span per line, the highlighted one kept in view inside
/// the box (not by scrolling the page, which would pull the reader away).
/// The box scrolls, so it takes the focus (arrow keys then scroll it) and is
/// a region named by its heading.
#[component]
fn CodeBlock(props: &CodeBlockProps) -> Html {
    let pre = use_node_ref();
    {
        let pre = pre.clone();
        use_effect_with(props.highlight, move |_| {
            use wasm_bindgen::JsCast;
            let pre = pre.cast::<web_sys::HtmlElement>();
            let line = pre
                .as_ref()
                .and_then(|p| p.query_selector(".hl").ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let (Some(pre), Some(line)) = (pre, line) {
                pre.set_scroll_top((line.offset_top() - pre.client_height() / 2).max(0));
            }
        });
    }
    html! {
        <pre ref={pre} tabindex="0" role="region" aria-labelledby={props.labelledby}><code>
            { for props.source.lines().enumerate().map(|(i, line)| html! {
                <span class={classes!("ln", (Some(i) == props.highlight).then_some("hl"))}>{ line }{ "\n" }</span>
            }) }
        </code></pre>
    }
}

/// Each channel's buffer as slots, and who is blocked on it, at `now`.
#[component]
pub fn Channels(props: &TraceProps) -> Html {
    let chans = view::channels_at(&props.trace, props.now);
    if chans.is_empty() {
        return html! {};
    }
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
                            <code>{ &c.name }</code>
                            <span class="muted">{ if c.cap == 0 { " unbuffered: a send waits for a receiver".to_string() } else { format!(" cap {}, holds {}", c.cap, c.buffered.len()) } }</span>
                            if c.closed { <span class="badge">{ "closed" }</span> }
                            <div class="slots" aria-hidden="true">{ for slots }</div>
                            if !c.senders.is_empty() { <div class="blocked">{ format!("blocked sending: {}", c.senders.join(", ")) }</div> }
                            if !c.receivers.is_empty() { <div class="blocked">{ format!("blocked receiving: {}", c.receivers.join(", ")) }</div> }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
