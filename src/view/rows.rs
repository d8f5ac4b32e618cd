//! Where a virtual list's rows go: the page's event log draws only the rows
//! in view, and this is the arithmetic that says which rows those are and
//! where each one sits.
//!
//! Browsers cap an element's height (Chromium near 33.5 million pixels,
//! Firefox near 17.9 million), and a Go program can record millions of
//! events: at 18 pixels a row, placing rows at their index would leave
//! every row past the cap unreachable, and a list that follows the run
//! would show nothing. So a list taller than [`MAX_LIST_PX`] maps its
//! scroll range onto the rows proportionally instead: the scrollbar still
//! spans the whole log, and rows keep their height.
//!
//! ```
//! use csp_playground::view::VirtualRows;
//! let small = VirtualRows { rows: 100, row_px: 18, view_px: 324 };
//! assert_eq!((small.height(), small.top(10, 0), small.window(180, 0)), (1800, 180, 10..28));
//!
//! let huge = VirtualRows { rows: 5_000_000, row_px: 18, view_px: 324 };
//! assert_eq!(huge.height(), 8_000_000);
//! // At the bottom, the last row ends where the view does.
//! let bottom = huge.bottom();
//! assert_eq!(huge.window(bottom, 0).end, 5_000_000);
//! assert_eq!(huge.top(4_999_999, bottom) + 18, bottom + 324);
//! ```
//!
//! Short lists are not virtual: up to [`ALL_ROWS`] rows, the event log and
//! the output order put every row in the page. [`NewRows`] counts what a
//! render would add to them, so that the page can add at most
//! [`ROWS_PER_FRAME`] rows a frame (see its docs for why).

use std::ops::Range;

use crate::rt::{Events, Kind};

/// The tallest list the page gives the browser, well under every
/// browser's cap.
pub const MAX_LIST_PX: i32 = 8_000_000;

/// Up to this many rows, a list has every row in the page (and a screen
/// reader or a find-in-page sees all of them); past it, the event log
/// draws only the rows in view and the output order the latest lines.
pub const ALL_ROWS: usize = 1000;

/// The most rows the page adds to its full lists in one frame. A row costs
/// the browser about 50 µs of style and layout and Yew about 15 µs more
/// (measured in Chromium on the output order's rows), so a fast run that
/// printed 800 lines between two frames held one frame for over 80 ms.
/// Pacing the run to this many keeps a frame's rows near 6 ms, which
/// leaves the rest of a render and the browser's own work room in a frame.
pub const ROWS_PER_FRAME: usize = 100;

/// How many rows a render of the trace would add to the lists that show
/// every row: the event log while it has at most [`ALL_ROWS`] events, and
/// the output order while it has at most [`ALL_ROWS`] lines. The driver
/// asks before every poll and ends its slice at
/// [`ROWS_PER_FRAME`], so a burst of output is shown over a few frames at
/// the run's own pace, each of them complete, rather than in one long one.
///
/// ```
/// use csp_playground::rt::Run;
/// use csp_playground::view::NewRows;
/// let run = Run::new_virtual(1);
/// let rt = run.rt();
/// run.start(async move {
///     for i in 0..3 {
///         rt.output(format!("line {i}"));
///     }
/// });
/// let mut rows = NewRows::default();
/// run.run_to_end();
/// let trace = run.log().snapshot();
/// // Three outputs: three rows in each list (and the end event in the log).
/// assert_eq!(trace.with(|events| rows.added(events)), 7);
/// trace.with(|events| rows.shown(events));
/// assert_eq!(trace.with(|events| rows.added(events)), 0);
/// ```
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct NewRows {
    /// Events, and output lines among them, that the page shows.
    shown_events: usize,
    shown_outputs: usize,
    /// Events looked at so far, and the output lines among them: each
    /// event is looked at once, however often the driver asks.
    scanned: usize,
    outputs: usize,
}

impl NewRows {
    fn scan(&mut self, events: Events<'_>) {
        if events.len() < self.scanned {
            // Another trace (a new run): start counting afresh.
            *self = NewRows::default();
        }
        self.outputs += events
            .iter_from(self.scanned)
            .filter(|e| matches!(e.kind, Kind::Output { .. }))
            .count();
        self.scanned = events.len();
    }

    /// The rows that showing `events` would add to the full lists.
    pub fn added(&mut self, events: Events<'_>) -> usize {
        // Both lists past ALL_ROWS stay past it (the counts only grow, in
        // one run): nothing more to count. The driver asks before every
        // poll, and a run of a million events need not be looked at twice.
        if self.scanned > ALL_ROWS && self.outputs > ALL_ROWS && events.len() >= self.scanned {
            return 0;
        }
        self.scan(events);
        let log = if self.scanned <= ALL_ROWS {
            self.scanned - self.shown_events
        } else {
            0
        };
        let outputs = if self.outputs <= ALL_ROWS {
            self.outputs - self.shown_outputs
        } else {
            0
        };
        log + outputs
    }

    /// Notes that the page now shows `events`.
    pub fn shown(&mut self, events: Events<'_>) {
        self.scan(events);
        self.shown_events = self.scanned;
        self.shown_outputs = self.outputs;
    }
}

/// A virtual list of `rows` rows, each `row_px` tall, in a view `view_px`
/// tall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VirtualRows {
    pub rows: usize,
    pub row_px: i32,
    pub view_px: i32,
}

impl VirtualRows {
    /// Every row's pixels, as if none were cut: what the list would be.
    fn content_px(&self) -> i64 {
        self.rows as i64 * i64::from(self.row_px)
    }

    /// The list's height in the page.
    pub fn height(&self) -> i32 {
        self.content_px().min(i64::from(MAX_LIST_PX)) as i32
    }

    /// The furthest the list scrolls: its bottom.
    pub fn bottom(&self) -> i32 {
        (self.height() - self.view_px).max(0)
    }

    /// How far the content is scrolled, in row pixels, when the list is
    /// scrolled to `scroll`: the same, unless the list was cut.
    fn content_at(&self, scroll: i32) -> i64 {
        let bottom = i64::from(self.bottom());
        let content_bottom = (self.content_px() - i64::from(self.view_px)).max(0);
        if bottom == 0 {
            return 0;
        }
        i64::from(scroll).clamp(0, bottom) * content_bottom / bottom
    }

    /// The rows at least partly in view at `scroll`, and `overscan` more
    /// either side.
    pub fn window(&self, scroll: i32, overscan: usize) -> Range<usize> {
        let row_px = i64::from(self.row_px.max(1));
        let top = self.content_at(scroll);
        let first = (top / row_px) as usize;
        let last = ((top + i64::from(self.view_px) + row_px - 1) / row_px) as usize;
        first.saturating_sub(overscan).min(self.rows)..last.saturating_add(overscan).min(self.rows)
    }

    /// Where row `i`'s top goes in the list while it is scrolled to
    /// `scroll` (rows are drawn around the scroll position).
    pub fn top(&self, i: usize, scroll: i32) -> i32 {
        let scroll = scroll.clamp(0, self.bottom());
        let offset = i as i64 * i64::from(self.row_px) - self.content_at(scroll);
        (i64::from(scroll) + offset).clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
    }

    /// The scroll position that shows row `i` in the middle of the view.
    pub fn centre(&self, i: usize) -> i32 {
        let content_bottom = (self.content_px() - i64::from(self.view_px)).max(0);
        let content =
            (i as i64 * i64::from(self.row_px) - i64::from(self.view_px / 2)).clamp(0, content_bottom);
        if content_bottom == 0 {
            return 0;
        }
        (content * i64::from(self.bottom()) / content_bottom) as i32
    }
}
