//! Text marbles: the timeline as plain text, for terminals, READMEs and
//! golden files. Time runs down the page, one row per instant at which
//! something happened; each task is a column.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::lanes::{lanes, LaneEnd, SpanKind};
use crate::rt::{Event, Kind, Millis};

const LEGEND: &str = "o go  > send  < receive  * print  c close  # return  x killed  ! error  \
                      : blocked  ~ sleeping  | running";

fn symbol(kind: &Kind) -> Option<char> {
    Some(match kind {
        Kind::Spawn { .. } => return None, // shown as the child's `o`
        Kind::Send { .. } => '>',
        Kind::Recv { .. } | Kind::RecvClosed { .. } => '<',
        Kind::Output { .. } => '*',
        Kind::Close { .. } => 'c',
        Kind::End => '#',
        Kind::Killed { .. } => 'x',
        Kind::Error { .. } => '!',
        _ => return None,
    })
}

/// The trace as text marbles, headed by `title`.
pub fn marbles(title: &str, trace: &[Event]) -> String {
    let lanes = lanes(trace);
    let end = trace.last().map_or(0, |e| e.t);
    let column: BTreeMap<u32, usize> = lanes.iter().enumerate().map(|(i, l)| (l.task_id, i)).collect();
    let width = 4;

    // What each lane shows at each instant.
    let mut rows: BTreeMap<Millis, Vec<String>> = BTreeMap::new();
    let mut notes: BTreeMap<Millis, Vec<String>> = BTreeMap::new();
    for lane in &lanes {
        rows.entry(lane.start)
            .or_insert_with(|| vec![String::new(); lanes.len()])[column[&lane.task_id]]
            .push('o');
    }
    for e in trace {
        if let Kind::Deadlock { .. } = &e.kind {
            notes.entry(e.t).or_default().push(e.kind.to_string());
        }
        let Some(&col) = e.task_id.and_then(|id| column.get(&id)) else {
            continue;
        };
        if let Some(c) = symbol(&e.kind) {
            let cell = &mut rows
                .entry(e.t)
                .or_insert_with(|| vec![String::new(); lanes.len()])[col];
            if !cell.contains(c) && cell.chars().count() < width - 1 {
                cell.push(c);
            }
        }
        match &e.kind {
            Kind::Output { text, .. } => notes.entry(e.t).or_default().push(format!("{}: {text}", e.task)),
            Kind::Error { message } => notes
                .entry(e.t)
                .or_default()
                .push(format!("{}: {message}", e.task)),
            _ => {}
        }
    }

    let mut out = String::new();
    let _ = writeln!(out, "{title}");
    let names: Vec<String> = lanes
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{i} {}", l.name))
        .collect();
    let _ = writeln!(out, "lanes: {}", names.join(" · "));
    let _ = writeln!(out);
    let header: String = (0..lanes.len()).map(|i| format!("{i:<width$}")).collect();
    let _ = writeln!(out, "{:>8} │ {}", "t ms", header.trim_end());
    for (&t, cells) in &rows {
        let mut line = String::new();
        for (i, lane) in lanes.iter().enumerate() {
            let cell = if cells[i].is_empty() {
                // Between events: what the lane is doing at t.
                let alive = lane.start <= t && t < lane.end_or(end + 1);
                let state = lane.spans.iter().find(|s| s.start <= t && t < s.end);
                match (alive, state.map(|s| &s.kind)) {
                    (false, _) => " ".to_string(),
                    (true, Some(SpanKind::Sleeping { .. })) => "~".to_string(),
                    (true, Some(SpanKind::Parked { .. })) => ":".to_string(),
                    (true, None) => "|".to_string(),
                }
            } else {
                cells[i].clone()
            };
            let _ = write!(line, "{cell:<width$}");
        }
        let note = notes.get(&t).map(|n| n.join("; ")).unwrap_or_default();
        let _ = writeln!(
            out,
            "{t:>8} │ {}{}{}",
            line.trim_end(),
            if note.is_empty() { "" } else { "  " },
            note
        );
    }
    let alive: Vec<&str> = lanes
        .iter()
        .filter(|l| l.end == LaneEnd::Alive)
        .map(|l| l.name.as_str())
        .collect();
    if !alive.is_empty() {
        let _ = writeln!(out, "still running: {}", alive.join(", "));
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{LEGEND}");
    out
}
