//! The timeline as SVG: one lane per task, parked and sleeping spans, arrows
//! from each send to its receive, outputs, the deadline. The same drawing
//! the page shows; readable in light and dark (through `light-dark()`), and
//! every mark has a `<title>` to hover.

use std::fmt::Write;

use super::lanes::{arrows, lanes, LaneEnd, SpanKind};
use super::ledger::deadline_ledger;
use crate::dense::Dense;
use crate::rt::{Event, Kind, Millis};

// Whole pixels throughout: the drawing needs no finer grain, and integer
// formatting keeps float formatting code out of the page's wasm.
const LANE_H: u64 = 30;
const LEFT: u64 = 110;
// Room under the axis for the legend.
const BOTTOM: u64 = 44;
const TOP: u64 = 34;
const PLOT_W: u64 = 760;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The timeline of `trace` as a standalone SVG document. `playhead` draws a
/// line at that time (the page passes the current time).
pub fn svg(title: &str, trace: &[Event], playhead: Option<Millis>) -> String {
    let lanes = lanes(trace);
    let end = trace.last().map_or(0, |e| e.t).max(playhead.unwrap_or(0)).max(1);
    let x = |t: Millis| LEFT + t.min(end) * PLOT_W / end;
    let mut row: Dense<usize> = Dense::new();
    for (i, l) in lanes.iter().enumerate() {
        row.insert(l.task_id, i);
    }
    let y = |task: u32| TOP + row.get(task).copied().unwrap_or(0) as u64 * LANE_H + LANE_H / 2;
    let width = LEFT + PLOT_W + 30;
    let height = TOP + lanes.len() as u64 * LANE_H + BOTTOM;
    let axis_bottom = height - BOTTOM + 6;

    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="svg-title" font-family="system-ui, sans-serif" font-size="12">"#
    );
    let _ = write!(s, r#"<title id="svg-title">{}</title>"#, esc(title));
    // light-dark() follows the color-scheme in force: the system's for a
    // standalone file (the :root rule), the page's Theme choice when inline
    // (there :root is the page's <html>, which sets its own scheme).
    s.push_str(
        "<style>:root{color-scheme:light dark}\
         .bg{fill:light-dark(#fff,#0d1117)}.fg{fill:light-dark(#1b1f24,#e6edf3)}\
         .muted{fill:light-dark(#57606a,#9da7b3)}.axis{stroke:light-dark(#d0d7de,#30363d)}\
         .life{stroke:light-dark(#8c959f,#6e7681);stroke-width:2}.park{stroke:#d4a72c;stroke-width:8}\
         .sleep{stroke:#54aeff;stroke-width:8;stroke-dasharray:3 2}.arrow{stroke:light-dark(#0b5cd5,#4c8ff7);fill:none}\
         .head{fill:light-dark(#0b5cd5,#4c8ff7)}.out{fill:light-dark(#1a7f37,#3fb950)}\
         .kill{stroke:#cf222e;stroke-width:2}.err{fill:#cf222e}\
         .deadline{stroke:#cf222e;stroke-width:2;stroke-dasharray:6 3}.play{stroke:#8250df;stroke-width:2}\
         </style>",
    );
    let _ = write!(s, r#"<rect class="bg" width="{width}" height="{height}"/>"#);
    let _ = write!(
        s,
        r#"<text class="fg" x="8" y="18" font-weight="600">{}</text>"#,
        esc(title)
    );
    // Time axis: five ticks.
    for i in 0..=4 {
        let t = end * i / 4;
        let tx = x(t);
        let _ = write!(
            s,
            r#"<line class="axis" x1="{tx}" y1="{TOP}" x2="{tx}" y2="{axis_bottom}"/><text class="muted" x="{tx}" y="{}" text-anchor="middle">{t} ms</text>"#,
            axis_bottom + 14
        );
    }
    for lane in &lanes {
        let ly = y(lane.task_id);
        // The lane names take keyboard focus and say what their lane did,
        // for readers who cannot hover the marks (a tab stop per lane, not
        // per mark).
        let ending = match &lane.end {
            LaneEnd::Alive => "still running".to_string(),
            LaneEnd::Returned(t) => format!("returned at {t} ms"),
            LaneEnd::Killed(t, why) => format!("killed at {t} ms ({why})"),
        };
        let blocked: u64 = lane
            .spans
            .iter()
            .filter(|sp| matches!(sp.kind, SpanKind::Parked { .. }))
            .map(|sp| sp.end - sp.start)
            .sum();
        let _ = write!(
            s,
            r#"<text class="fg" x="8" y="{ty}" tabindex="0"><title>{name}: started at {start} ms, blocked for {blocked} ms in all, {ending}</title>{name}</text>"#,
            ty = ly + 4,
            name = esc(&lane.name),
            start = lane.start,
            ending = esc(&ending),
        );
        let stop = lane.end_or(end);
        let _ = write!(
            s,
            r#"<line class="life" x1="{}" y1="{ly}" x2="{}" y2="{ly}"><title>{} runs from {} ms</title></line>"#,
            x(lane.start),
            x(stop).max(x(lane.start) + 1),
            esc(&lane.name),
            lane.start
        );
        for span in &lane.spans {
            let (class, what) = match &span.kind {
                SpanKind::Parked { on } => ("park", format!("blocked: {on}")),
                SpanKind::Sleeping { until } => ("sleep", format!("sleeping until {until} ms")),
            };
            let _ = write!(
                s,
                r#"<line class="{class}" x1="{}" y1="{ly}" x2="{}" y2="{ly}"><title>{}: {} from {} to {} ms</title></line>"#,
                x(span.start),
                x(span.end).max(x(span.start) + 1),
                esc(&lane.name),
                esc(&what),
                span.start,
                span.end
            );
        }
        if let LaneEnd::Killed(t, reason) = &lane.end {
            let kx = x(*t);
            let _ = write!(
                s,
                r#"<path class="kill" d="M{} {}l8 8m0 -8l-8 8"><title>{} killed at {t} ms: {}</title></path>"#,
                kx - 4,
                ly - 4,
                esc(&lane.name),
                esc(reason)
            );
        }
    }
    for a in arrows(trace) {
        let (x1, y1, x2, y2) = (x(a.from_t), y(a.from_task), x(a.to_t), y(a.to_task));
        let _ = write!(
            s,
            r#"<path class="arrow" d="M{x1} {y1}L{x2} {y2}"><title>{} &#8592; {}: sent at {} ms, received at {} ms</title></path><circle class="head" cx="{x2}" cy="{y2}" r="3"/>"#,
            esc(&a.chan),
            esc(&a.value),
            a.from_t,
            a.to_t
        );
    }
    for e in trace {
        let (class, text) = match &e.kind {
            Kind::Output { text } => ("out", format!("{} prints {text:?} at {} ms", e.task, e.t)),
            Kind::Error { message } => ("err", format!("{}: {message} at {} ms", e.task, e.t)),
            _ => continue,
        };
        let Some(task_id) = e.task_id.filter(|&id| row.contains(id)) else {
            continue;
        };
        let _ = write!(
            s,
            r#"<circle class="{class}" cx="{}" cy="{}" r="5"><title>{}</title></circle>"#,
            x(e.t),
            y(task_id),
            esc(&text)
        );
    }
    if let Some(ledger) = deadline_ledger(trace) {
        let dx = x(ledger.deadline);
        let _ = write!(
            s,
            r#"<line class="deadline" x1="{dx}" y1="{}" x2="{dx}" y2="{axis_bottom}"><title>deadline at {} ms</title></line><text class="err" x="{dx}" y="{}" text-anchor="middle">deadline</text>"#,
            TOP - 6,
            ledger.deadline,
            TOP - 10
        );
    }
    // Legend, bottom left under the lane names.
    let ly = height - 10;
    let _ = write!(
        s,
        r#"<g class="legend"><line class="park" x1="8" y1="{0}" x2="22" y2="{0}"/><text class="muted" x="26" y="{1}">blocked</text><line class="sleep" x1="8" y1="{2}" x2="22" y2="{2}"/><text class="muted" x="26" y="{3}">sleeping</text></g>"#,
        ly - 18,
        ly - 14,
        ly - 4,
        ly
    );
    if let Some(t) = playhead {
        let px = x(t);
        let _ = write!(
            s,
            r#"<line class="play" x1="{px}" y1="{TOP}" x2="{px}" y2="{axis_bottom}"><title>now: {t} ms</title></line>"#
        );
    }
    s.push_str("</svg>\n");
    s
}
