//! The timeline as SVG: one lane per task, parked and sleeping spans, arrows
//! from each send to its receive, outputs, the deadline. The same drawing
//! the page shows; readable in light and dark (through `light-dark()`), and
//! every mark has a `<title>` to hover.
//!
//! It scales like a trace viewer: whatever the run's length, the drawing
//! has a bounded number of elements. It shows a time window (zoom), merges
//! spans and marks thinner than a pixel, draws arrows only when few enough
//! fall in the window to be read, and folds a crowd of lanes started by the
//! same `go` statement into one row with a count.

use std::fmt::Write;

use super::lanes::{Lane, LaneEnd, Span, SpanKind};
use super::model::Model;
use crate::rt::{Event, GoDuration, Millis, Pos};

// Whole pixels throughout: the drawing needs no finer grain, and integer
// formatting keeps float formatting code out of the page's wasm.
const LANE_H: u64 = 30;
const LEFT: u64 = 110;
// Room under the axis for the legend.
const BOTTOM: u64 = 44;
const TOP: u64 = 34;
const PLOT_W: u64 = 760;
/// More lanes than this, and lanes started by one `go` statement fold.
pub const MAX_LANES: usize = 24;
/// Marks of one row closer than this many pixels are drawn as one.
const MARK_PX: u64 = 4;
/// A merged mark standing for at most this many still gets a title.
const FEW: usize = 3;
/// More arrows than this in the window, and none is drawn (zoom in).
pub const MAX_ARROWS: usize = 400;
/// Spans of one lane looked at within one pixel column; the rest of the
/// column is skipped by a binary search, so a lane costs a bounded number
/// of steps per pixel column however many spans a long run piled up.
const SCAN: usize = 8;
/// More marks or span runs than this in one row, and the row is drawn as
/// one path per class, without titles (zooming in brings them back): each
/// element costs the page far more to parse, style and paint than a path
/// segment does.
const DENSE: usize = 24;

/// Appends `text` with the characters that markup would read as its own
/// (in text or in a quoted attribute) replaced by their entities.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// What part of the timeline to draw, and how.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Window {
    /// The time range shown (`None`: the whole run).
    pub range: Option<(Millis, Millis)>,
    /// Lane groups (by the position of their `go`) the reader unfolded.
    pub expanded: Vec<Pos>,
}

/// One row of the drawing: a lane, or a folded group of lanes.
struct Row<'a> {
    lanes: Vec<&'a Lane>,
    group: Option<Pos>,
}

/// Rows: lanes in spawn order, with runs of lanes from one `go` statement
/// folded when there are too many lanes to draw one by one.
fn rows<'a>(lanes: &[&'a Lane], window: &Window) -> Vec<Row<'a>> {
    let fold = lanes.len() > MAX_LANES;
    let mut rows: Vec<Row<'a>> = Vec::new();
    for &lane in lanes {
        let key = lane.spawned_at.filter(|p| fold && !window.expanded.contains(p));
        match rows.last_mut() {
            Some(row) if key.is_some() && row.group == key => row.lanes.push(lane),
            _ => rows.push(Row {
                lanes: vec![lane],
                group: key,
            }),
        }
    }
    // A "group" of one is just a lane.
    for row in &mut rows {
        if row.lanes.len() == 1 {
            row.group = None;
        }
    }
    rows
}

/// Merges spans thinner than a pixel into runs, so a lane costs at most a
/// few elements per pixel column. Each class merges on its own, since a
/// lane that alternates between blocked and asleep would otherwise never
/// merge. Yields (class, x1, x2, spans, first span) in drawing order.
struct Merge<'a> {
    out: Vec<(&'static str, u64, u64, usize, &'a Span)>,
    // Where each class's run being built sits in `out`.
    open: [Option<usize>; 2],
}

impl<'a> Merge<'a> {
    fn new() -> Merge<'a> {
        Merge {
            out: Vec::new(),
            open: [None, None],
        }
    }

    /// Adds `span` (standing for `n` spans) drawn from `x1` to `x2`.
    fn push(&mut self, class: &'static str, x1: u64, x2: u64, span: &'a Span, n: usize) {
        let x2 = x2.max(x1 + 1);
        let slot = usize::from(class == "sleep");
        if let Some(i) = self.open[slot] {
            let last = &mut self.out[i];
            let thin = x2 - x1 < 2 || last.2 - last.1 < 2;
            if thin && x1 <= last.2 {
                last.2 = last.2.max(x2);
                last.3 += n;
                return;
            }
        }
        self.open[slot] = Some(self.out.len());
        self.out.push((class, x1, x2, n, span));
    }
}

/// The spans of `lane` that meet `[t0, t1]`, and the one still open
/// (parked now) if any, each with how many spans it stands for. A lane's
/// spans follow one another without overlapping, so both their starts and
/// their ends are sorted: the first visible one is found by a binary
/// search, and past [`SCAN`] spans inside one pixel column the rest of the
/// column is skipped the same way (counted on the last one kept). `x` maps
/// a time to its pixel column and `col_start` a column to its first time.
fn lane_spans<'a>(
    lane: &'a Lane,
    open: Option<&'a Span>,
    (t0, t1): (Millis, Millis),
    x: &impl Fn(Millis) -> u64,
    col_start: &impl Fn(u64) -> Millis,
) -> Vec<(&'a Span, usize)> {
    let spans = &lane.spans;
    let mut out: Vec<(&'a Span, usize)> = Vec::new();
    let mut i = spans.partition_point(|sp| sp.end < t0);
    let (mut col, mut seen) = (u64::MAX, 0);
    while let Some(sp) = spans.get(i) {
        if sp.start > t1 {
            break;
        }
        let c = x(sp.start);
        if c == col {
            seen += 1;
        } else {
            (col, seen) = (c, 1);
        }
        if seen > SCAN && x(sp.end) == c {
            let next = col_start(c + 1);
            let skip = crate::sort::gallop(&spans[i..], |s| s.end < next).max(1);
            if let Some(last) = out.last_mut() {
                last.1 += skip;
            }
            i += skip;
            continue;
        }
        out.push((sp, 1));
        i += 1;
    }
    out.extend(open.filter(|sp| sp.end >= t0 && sp.start <= t1).map(|sp| (sp, 1)));
    out
}

/// A span's class alone (no title to format).
fn class_of(span: &Span) -> &'static str {
    match &span.kind {
        SpanKind::Parked { .. } => "park",
        SpanKind::Sleeping { .. } => "sleep",
    }
}

fn span_class(span: &Span) -> (&'static str, String) {
    match &span.kind {
        SpanKind::Parked { on } => ("park", format!("blocked on {on}")),
        SpanKind::Sleeping { until } => ("sleep", format!("sleeping until {until} ms")),
    }
}

/// Tick spacing for a window `span` ms wide: 1, 2 or 5 times a power of
/// ten, for about five ticks.
fn tick_step(span: Millis) -> Millis {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if span / (step * m) <= 6 {
                return step * m;
            }
        }
        step *= 10;
    }
}

/// The timeline of `trace` as a standalone SVG document. `playhead` draws a
/// line at that time (the page passes the current time).
pub fn svg(title: &str, trace: &[Event], playhead: Option<Millis>) -> String {
    timeline(title, &Model::of(trace), playhead, &Window::default())
}

/// The timeline of `model` in `window`, as the page and the CLI draw it.
pub fn timeline(title: &str, model: &Model, playhead: Option<Millis>, window: &Window) -> String {
    // The lanes as the model holds them (no copy: this runs every frame),
    // and each one's open span, if it is parked now.
    let lanes: Vec<&Lane> = model.lanes_ref().collect();
    let open: crate::dense::Dense<Span> = lanes
        .iter()
        .filter_map(|l| Some((l.task_id, model.open_span(l.task_id)?)))
        .fold(crate::dense::Dense::new(), |mut d, (id, sp)| {
            d.insert(id, sp);
            d
        });
    let rows = rows(&lanes, window);
    let whole = model.end().max(playhead.unwrap_or(0)).max(1);
    let (t0, t1) = window.range.map_or((0, whole), |(a, b)| (a, b.max(a + 1)));
    let span = t1 - t0;
    let x = |t: Millis| LEFT + t.clamp(t0, t1).saturating_sub(t0) * PLOT_W / span;
    // The first time drawn in pixel column `c` (the inverse of `x`).
    let col_start = |c: u64| t0 + (c.saturating_sub(LEFT) * span).div_ceil(PLOT_W);
    let visible = |a: Millis, b: Millis| b >= t0 && a <= t1;
    let mut row_of: crate::dense::Dense<usize> = crate::dense::Dense::new();
    for (i, row) in rows.iter().enumerate() {
        for lane in &row.lanes {
            row_of.insert(lane.task_id, i);
        }
    }
    let y = |task: u32| TOP + row_of.get(task).copied().unwrap_or(0) as u64 * LANE_H + LANE_H / 2;
    let width = LEFT + PLOT_W + 30;
    let height = TOP + rows.len() as u64 * LANE_H + BOTTOM;
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
    // Time axis: ticks at round steps, labelled as Go prints durations.
    let step = tick_step(span);
    let mut t = t0.div_ceil(step) * step;
    while t <= t1 {
        let tx = x(t);
        let label = if window.range.is_none() && step >= 1 && span <= 10_000 {
            format!("{t} ms")
        } else {
            GoDuration(t).to_string()
        };
        let _ = write!(
            s,
            r#"<line class="axis" x1="{tx}" y1="{TOP}" x2="{tx}" y2="{axis_bottom}"/><text class="muted" x="{tx}" y="{}" text-anchor="middle">{label}</text>"#,
            axis_bottom + 14
        );
        t += step;
    }
    for (i, row) in rows.iter().enumerate() {
        let ly = TOP + i as u64 * LANE_H + LANE_H / 2;
        let first = row.lanes[0];
        match row.group {
            Some(pos) => {
                // A folded group: its label unfolds it (the page listens).
                let last = row.lanes[row.lanes.len() - 1];
                let name = format!("{} … {} ({})", first.name, last.name, row.lanes.len());
                let _ = write!(
                    s,
                    r#"<text class="fg group" x="8" y="{ty}" tabindex="0" role="button" data-group="{}:{}"><title>{count} goroutines started at line {}: press to show each</title>{name}</text>"#,
                    pos.line,
                    pos.col,
                    pos.line,
                    ty = ly + 4,
                    count = row.lanes.len(),
                    name = esc(&name),
                );
            }
            None => {
                // The lane names take keyboard focus and say what their
                // lane did, for readers who cannot hover the marks (a tab
                // stop per lane, not per mark).
                let lane = first;
                let ending = match &lane.end {
                    LaneEnd::Alive => "still running".to_string(),
                    LaneEnd::Returned(t) => format!("returned at {t} ms"),
                    LaneEnd::Killed(t, why) => format!("killed at {t} ms ({why})"),
                };
                let blocked = lane.blocked_ms
                    + open
                        .get(lane.task_id)
                        .filter(|sp| matches!(sp.kind, SpanKind::Parked { .. }))
                        .map_or(0, |sp| sp.end - sp.start);
                let _ = write!(
                    s,
                    r#"<text class="fg" x="8" y="{ty}" tabindex="0"><title>{name}: started at {start} ms, blocked for {blocked} ms in all, {ending}</title>{name}</text>"#,
                    ty = ly + 4,
                    name = esc(&lane.name),
                    start = lane.start,
                    ending = esc(&ending),
                );
            }
        }
        let (start, stop) = row.lanes.iter().fold((Millis::MAX, 0), |(a, b), l| {
            (a.min(l.start), b.max(l.end_or(whole)))
        });
        if visible(start, stop) {
            let _ = write!(
                s,
                r#"<line class="life" x1="{}" y1="{ly}" x2="{}" y2="{ly}"><title>{} runs from {} ms</title></line>"#,
                x(start),
                x(stop).max(x(start) + 1),
                esc(&first.name),
                start
            );
        }
        let mut merged = Merge::new();
        if row.lanes.len() == 1 {
            for (span, n) in lane_spans(first, open.get(first.task_id), (t0, t1), &x, &col_start) {
                merged.push(class_of(span), x(span.start), x(span.end), span, n);
            }
        } else {
            // A folded group draws where any of its lanes was blocked or
            // asleep: each pixel column's coverage, counted in a difference
            // array. A group of 20,000 lanes then costs its spans plus the
            // plot's width each frame; sorting all its spans cost ~4 ms.
            let cols = (LEFT + PLOT_W + 2) as usize;
            let mut cover = [vec![0i32; cols + 1], vec![0i32; cols + 1]];
            // Any span of each class: group marks have no title, but a run
            // carries one.
            let mut example: [Option<&Span>; 2] = [None, None];
            for lane in &row.lanes {
                for (span, _) in lane_spans(lane, open.get(lane.task_id), (t0, t1), &x, &col_start) {
                    let k = usize::from(class_of(span) == "sleep");
                    let x1 = x(span.start) as usize;
                    let x2 = (x(span.end) as usize).max(x1 + 1);
                    cover[k][x1.min(cols)] += 1;
                    cover[k][x2.min(cols)] -= 1;
                    example[k].get_or_insert(span);
                }
            }
            for (k, class) in ["park", "sleep"].into_iter().enumerate() {
                let Some(span) = example[k] else {
                    continue;
                };
                let (mut depth, mut from) = (0, 0);
                for (c, delta) in cover[k].iter().enumerate() {
                    let before = depth;
                    depth += delta;
                    if before == 0 && depth > 0 {
                        from = c;
                    } else if before > 0 && depth == 0 {
                        merged.out.push((class, from as u64, c as u64, 1, span));
                    }
                }
            }
        }
        if merged.out.len() > DENSE {
            // A crowded row: one path per class.
            for class in ["park", "sleep"] {
                let mut d = String::new();
                for (_, x1, x2, _, _) in merged.out.iter().filter(|m| m.0 == class) {
                    let _ = write!(d, "M{x1} {ly}H{x2}");
                }
                if !d.is_empty() {
                    let _ = write!(s, r#"<path class="{class}" d="{d}"/>"#);
                }
            }
            merged.out.clear();
        }
        // Only a mark that stands for one thing gets a title: a run of many
        // would need thousands of titles, each an element the page must
        // parse every frame, and zooming in shows them one by one.
        for (class, x1, x2, count, span) in merged.out {
            if count <= FEW && row.lanes.len() == 1 {
                let (_, what) = span_class(span);
                let more = if count > 1 {
                    format!(" (and {} more here)", count - 1)
                } else {
                    String::new()
                };
                let what = format!(
                    "{}: {} from {} to {} ms{more}",
                    first.name, what, span.start, span.end
                );
                let _ = write!(
                    s,
                    r#"<line class="{class}" x1="{x1}" y1="{ly}" x2="{x2}" y2="{ly}"><title>{}</title></line>"#,
                    esc(&what)
                );
            } else {
                let _ = write!(
                    s,
                    r#"<line class="{class}" x1="{x1}" y1="{ly}" x2="{x2}" y2="{ly}"/>"#
                );
            }
        }
        for lane in &row.lanes {
            if let LaneEnd::Killed(t, reason) = &lane.end {
                if row.lanes.len() > 1 || !visible(*t, *t) {
                    continue;
                }
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
    }
    // Arrows sit between lanes; a folded group has no single lane to point
    // at, and past a few hundred they are noise: then a count says so.
    let arrows = model.arrows();
    // Arrows are in order of their receives: the window's are a range,
    // counted without walking it.
    let from = arrows.partition_point(|a| a.to_t < t0);
    let to = arrows.partition_point(|a| a.to_t <= t1).max(from);
    if to - from <= MAX_ARROWS {
        for a in &arrows[from..to] {
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
    } else {
        let _ = write!(
            s,
            r#"<text class="muted" x="{}" y="18" text-anchor="end">{} messages in view: zoom in to see them as arrows</text>"#,
            LEFT + PLOT_W,
            to - from
        );
    }
    // Marks: at most one per row and few pixels, counting the rest. The
    // text of a mark is made only for the marks drawn with a title.
    #[derive(Clone, Copy)]
    enum Mark {
        Output(usize),
        Error(usize),
    }
    // Output marks, row by row. Each lane's outputs are found a mark's
    // width at a time by binary search in its index, so a frame costs the
    // marks it draws, not every output of the run (193,000 in a long token
    // cache run, millions in a Go print loop). They are drawn in the order
    // of their first output, as a scan of all outputs draws them.
    let outputs = model.outputs();
    let mut out_marks: Vec<(usize, usize, u64, usize)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let start = out_marks.len();
        for lane in &row.lanes {
            let idx = model.outputs_of(lane.task_id);
            let times = model.output_times_of(lane.task_id);
            let hi = times.partition_point(|&t| t <= t1);
            let mut k = times.partition_point(|&t| t < t0).min(hi);
            while k < hi {
                let mx = x(times[k]);
                // The bucket ends where the next one's first column starts:
                // comparing times, the search divides nothing per probe.
                let next = col_start((mx / MARK_PX + 1) * MARK_PX);
                let end = k + crate::sort::gallop(&times[k..hi], |&t| t < next);
                out_marks.push((idx[k] as usize, r, mx, end - k));
                k = end;
            }
        }
        if row.lanes.len() > 1 {
            // A group's lanes share its row: one mark a bucket, at the
            // earliest of their outputs there.
            let mut group = out_marks.split_off(start);
            crate::sort::sort_by_key(&mut group, |&(i, _, mx, _)| (mx / MARK_PX, i));
            for m in group {
                match out_marks[start..].last_mut() {
                    Some(last) if last.2 / MARK_PX == m.2 / MARK_PX => last.3 += m.3,
                    _ => out_marks.push(m),
                }
            }
        }
    }
    crate::sort::sort_by_key(&mut out_marks, |m| m.0);
    // [row and class] -> the mark drawn last there: its pixel column and
    // its place in `drawn`; and how many were drawn there.
    let mut last: crate::dense::Dense<(u64, usize)> = crate::dense::Dense::new();
    let mut per_key: crate::dense::Dense<usize> = crate::dense::Dense::new();
    let mut drawn: Vec<(&str, u64, u64, Mark, usize, u32)> = Vec::new();
    for (i, r, mx, n) in out_marks {
        let key = r as u32 * 2;
        *per_key.get_or_insert_with(key, || 0) += 1;
        drawn.push((
            "out",
            mx,
            TOP + r as u64 * LANE_H + LANE_H / 2,
            Mark::Output(i),
            n,
            key,
        ));
    }
    for (i, (task, t, _)) in model.errors().iter().enumerate() {
        let Some(&row) = row_of.get(*task) else {
            continue;
        };
        if !visible(*t, *t) {
            continue;
        }
        let (mx, my) = (x(*t), y(*task));
        let key = row as u32 * 2 + 1;
        match last.get(key) {
            // Marks closer than a dot's width would cover each other.
            Some(&(px, j)) if px / MARK_PX == mx / MARK_PX => drawn[j].4 += 1,
            _ => {
                last.insert(key, (mx, drawn.len()));
                *per_key.get_or_insert_with(key, || 0) += 1;
                drawn.push(("err", mx, my, Mark::Error(i), 1, key));
            }
        }
    }
    // Crowded rows: their dots as one path each (a round cap on a segment
    // of no length is a dot), under a style of their own so that a small
    // drawing stays as it was.
    let mut dots: crate::dense::Dense<String> = crate::dense::Dense::new();
    for &(_, mx, my, _, _, key) in &drawn {
        if per_key.get(key).is_some_and(|&n| n > DENSE) {
            let _ = write!(dots.get_or_insert_with(key, String::new), "M{mx} {my}h0");
        }
    }
    if dots.iter().next().is_some() {
        s.push_str(
            "<style>.dots{fill:none;stroke-width:10;stroke-linecap:round}\
             .dots.out{stroke:light-dark(#1a7f37,#3fb950)}.dots.err{stroke:#cf222e}</style>",
        );
        for (key, d) in dots.iter() {
            let class = if key % 2 == 1 { "err" } else { "out" };
            let _ = write!(s, r#"<path class="dots {class}" d="{d}"/>"#);
        }
    }
    for (class, mx, my, mark, n, key) in drawn {
        if dots.get(key).is_some() {
            continue;
        }
        if n <= FEW {
            let text = match mark {
                Mark::Output(i) => {
                    let o = &outputs[i];
                    format!("{} prints {:?} at {} ms", o.task, o.text, o.t)
                }
                Mark::Error(i) => {
                    let (task, t, message) = &model.errors()[i];
                    format!("{}: {message} at {t} ms", model.task_name(*task).unwrap_or("?"))
                }
            };
            let text = if n > 1 {
                format!("{text} (and {} more here)", n - 1)
            } else {
                text
            };
            let _ = write!(
                s,
                r#"<circle class="{class}" cx="{mx}" cy="{my}" r="5"><title>{}</title></circle>"#,
                esc(&text)
            );
        } else {
            let _ = write!(s, r#"<circle class="{class}" cx="{mx}" cy="{my}" r="5"/>"#);
        }
    }
    if let Some(deadline) = model.deadline().filter(|&d| visible(d, d)) {
        let dx = x(deadline);
        let _ = write!(
            s,
            r#"<line class="deadline" x1="{dx}" y1="{}" x2="{dx}" y2="{axis_bottom}"><title>deadline at {} ms</title></line><text class="err" x="{dx}" y="{}" text-anchor="middle">deadline</text>"#,
            TOP - 6,
            deadline,
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
    if let Some(t) = playhead.filter(|&t| visible(t, t)) {
        let px = x(t);
        let _ = write!(
            s,
            r#"<line class="play" x1="{px}" y1="{TOP}" x2="{px}" y2="{axis_bottom}"><title>now: {t} ms</title></line>"#
        );
    }
    s.push_str("</svg>\n");
    s
}
