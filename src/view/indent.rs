//! What Tab and Shift+Tab do in the Go editor, as a pure edit of its text:
//! Tab at a caret (or in a selection within one line) types a tab; Tab
//! over a selection of several lines indents each of them, and Shift+Tab
//! outdents each line the selection touches (one tab, or up to four
//! spaces).
//!
//! Offsets are UTF-16 code units, as a textarea's selection counts them.
//! The page applies the edit through the browser's own editing command,
//! so one Ctrl+Z undoes it.
//!
//! ```
//! use csp_playground::view::indent::{tab, Edit};
//! let text = "a\nb\nc";
//! // Lines 1 and 2 selected (from "a" to "b"): both are indented.
//! assert_eq!(tab(text, 0, 3, false), Some(Edit { from: 0, to: 3, insert: "\ta\n\tb".into(), selection: (0, 5) }));
//! // At a caret, Tab types a tab.
//! assert_eq!(tab(text, 2, 2, false), Some(Edit { from: 2, to: 2, insert: "\t".into(), selection: (3, 3) }));
//! // Shift+Tab where there is nothing to outdent changes nothing.
//! assert_eq!(tab(text, 2, 2, true), None);
//! ```

/// Replace the units `from..to` with `insert`, then select `selection`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub from: u32,
    pub to: u32,
    pub insert: String,
    pub selection: (u32, u32),
}

const NEWLINE: u16 = b'\n' as u16;
const TAB: u16 = b'\t' as u16;
const SPACE: u16 = b' ' as u16;

/// What Tab (or Shift+Tab, when `outdent`) does to `text` with the
/// selection `start..end`; `None` when it changes nothing (Shift+Tab on
/// lines with no indent), so no empty step lands in the undo history.
pub fn tab(text: &str, start: u32, end: u32, outdent: bool) -> Option<Edit> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let len = units.len();
    // Never between the halves of a surrogate pair (an emoji).
    let snap = |at: u32| {
        let at = (at as usize).min(len);
        if at > 0 && at < len && (0xDC00..=0xDFFF).contains(&units[at]) {
            at - 1
        } else {
            at
        }
    };
    let (start, end) = (snap(start.min(end)), snap(start.max(end)));
    let several = units[start..end].contains(&NEWLINE);
    if !outdent && !several {
        return Some(Edit {
            from: start as u32,
            to: end as u32,
            insert: "\t".into(),
            selection: (start as u32 + 1, start as u32 + 1),
        });
    }
    let first = units[..start]
        .iter()
        .rposition(|&u| u == NEWLINE)
        .map_or(0, |i| i + 1);
    // A selection that ends at the start of a line does not touch it (but
    // keeps holding the newline before it).
    let ends_at_line_start = several && units[end - 1] == NEWLINE;
    let last = if ends_at_line_start { end - 1 } else { end };
    let block_end = units[last..]
        .iter()
        .position(|&u| u == NEWLINE)
        .map_or(len, |i| last + i);
    let mut out: Vec<u16> = Vec::with_capacity(block_end - first + 16);
    // What the first line lost from its start (one line outdented).
    let mut removed = 0;
    for (i, line) in units[first..block_end].split(|&u| u == NEWLINE).enumerate() {
        if i > 0 {
            out.push(NEWLINE);
        }
        if outdent {
            let width = if line.first() == Some(&TAB) {
                1
            } else {
                line.iter().take(4).take_while(|&&u| u == SPACE).count()
            };
            if i == 0 {
                removed = width;
            }
            out.extend_from_slice(&line[width..]);
        } else {
            out.push(TAB);
            out.extend_from_slice(line);
        }
    }
    if out[..] == units[first..block_end] {
        return None;
    }
    let inserted = out.len() as u32;
    let selection = if several {
        (
            first as u32,
            first as u32 + inserted + u32::from(ends_at_line_start),
        )
    } else {
        // One line outdented: the caret (or the selection's ends) moves
        // with its text.
        let moved = |at: usize| (at - removed.min(at - first)) as u32;
        (moved(start), moved(end))
    };
    Some(Edit {
        from: first as u32,
        to: block_end as u32,
        insert: String::from_utf16_lossy(&out),
        selection,
    })
}
