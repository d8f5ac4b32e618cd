//! Chrome Trace Event Format, which Perfetto and chrome://tracing open:
//! one thread per task, a slice per parked or sleeping span, instants for
//! output and errors, and flow arrows from each send to its receive.

use serde_json::{json, Value};

use super::lanes::{arrows, lanes, SpanKind};
use crate::rt::{Event, Kind};

/// Microseconds, the format's unit.
fn us(ms: u64) -> u64 {
    ms * 1000
}

/// The trace as Trace Event Format JSON.
pub fn chrome_trace(title: &str, trace: &[Event]) -> String {
    let end = trace.last().map_or(0, |e| e.t);
    let mut events: Vec<Value> = vec![json!({
        "name": "process_name", "ph": "M", "pid": 1, "tid": 0, "args": { "name": title }
    })];
    for lane in lanes(trace) {
        let tid = lane.task_id;
        events.push(
            json!({ "name": "thread_name", "ph": "M", "pid": 1, "tid": tid, "args": { "name": lane.name } }),
        );
        events.push(json!({ "name": "thread_sort_index", "ph": "M", "pid": 1, "tid": tid, "args": { "sort_index": tid } }));
        let stop = lane.end_or(end);
        events.push(json!({
            "name": lane.name, "cat": "task", "ph": "X", "pid": 1, "tid": tid,
            "ts": us(lane.start), "dur": us(stop - lane.start),
        }));
        for span in lane.spans {
            let name = match &span.kind {
                SpanKind::Parked { on } => format!("blocked on {on}"),
                SpanKind::Sleeping { until } => format!("sleeping until {until} ms"),
            };
            events.push(json!({
                "name": name, "cat": "wait", "ph": "X", "pid": 1, "tid": tid,
                "ts": us(span.start), "dur": us(span.end - span.start),
            }));
        }
    }
    for e in trace {
        let (name, cat) = match &e.kind {
            Kind::Output { text, .. } => (format!("print {text}"), "output"),
            Kind::Error { message } => (message.clone(), "error"),
            Kind::Cancel { ctx, reason } => (format!("{ctx}: {reason}"), "context"),
            _ => continue,
        };
        let Some(tid) = e.task_id else {
            continue;
        };
        events.push(
            json!({ "name": name, "cat": cat, "ph": "i", "s": "t", "pid": 1, "tid": tid, "ts": us(e.t) }),
        );
    }
    for (id, a) in arrows(trace).into_iter().enumerate() {
        let name = format!("{} {}", a.chan, a.value);
        events.push(json!({ "name": name, "cat": "chan", "ph": "s", "id": id, "pid": 1, "tid": a.from_task, "ts": us(a.from_t) }));
        events.push(json!({ "name": name, "cat": "chan", "ph": "f", "bp": "e", "id": id, "pid": 1, "tid": a.to_task, "ts": us(a.to_t) }));
    }
    json!({ "traceEvents": events, "displayTimeUnit": "ms" }).to_string()
}
