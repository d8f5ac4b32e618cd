//! Pure functions from a trace to what is drawn: lanes and spans, arrows,
//! the output order, the deadline ledger, the refresher's state at time t,
//! and the renderers (event log lines, text marbles, SVG, Chrome trace).
//!
//! Nothing here runs anything or knows a pattern's internals: the page and
//! the CLI both draw from these, so they agree.
//!
//! ```
//! use csp_playground::patterns::{self, Params, PatternId};
//! use csp_playground::rt::Run;
//! use csp_playground::view;
//!
//! let run = Run::new_virtual(1);
//! patterns::start(&run, &Params::defaults(PatternId::SpawnWait));
//! run.run_to_end();
//! let trace = run.trace();
//! let lanes = view::lanes(&trace);
//! assert_eq!(lanes.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["main", "worker"]);
//! let out = view::outputs(&trace);
//! assert_eq!((out[0].t, &*out[0].text), (1000, "done after 1000 ms"));
//! ```

mod channels;
mod chrome;
pub mod highlight;
pub mod indent;
mod lanes;
mod ledger;
mod marbles;
mod model;
mod rows;
mod svg;

pub use channels::{channel_groups, channels_at, ChannelState, DroppedChannels};
pub use chrome::chrome_trace;
pub use lanes::{arrows, lanes, outputs, Arrow, Lane, LaneEnd, OutputLine, Span, SpanKind};
pub use ledger::{deadline_ledger, refresher_at, Ledger, LedgerEntry, LedgerRest, LedgerStatus, Refresher};
pub use marbles::marbles;
pub use model::Model;
pub use rows::{NewRows, VirtualRows, ALL_ROWS, MAX_LIST_PX, ROWS_PER_FRAME};
pub use svg::{escape_into, svg, timeline, Window, MAX_ARROWS, MAX_LANES};

use crate::rt::{Event, Millis};

/// One event as the event log shows it: time, task, what happened.
pub fn log_line(e: &Event) -> String {
    format!("{:>6} ms  {:<12} {}", e.t, e.task, e.kind)
}

/// When the trace's last event happened.
pub fn end_time(trace: &[Event]) -> Millis {
    trace.last().map_or(0, |e| e.t)
}

/// The printed lines alone, in arrival order (what `csp explore` compares).
pub fn output_texts<'a>(trace: impl IntoIterator<Item = &'a Event>) -> Vec<String> {
    Model::of(trace)
        .outputs()
        .iter()
        .map(|o| o.text.to_string())
        .collect()
}
