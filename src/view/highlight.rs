//! Go syntax colouring for the editor: a small lexer that splits source
//! into lines of classed pieces. It never fails: any text, half-typed or
//! not, is split, and the pieces of each line join back to the line.
//!
//! ```
//! use csp_playground::view::highlight::{go_lines, Class};
//!
//! let lines = go_lines("go f(\"hi\") // later\n");
//! let first: Vec<(Class, &str)> = lines[0].iter().map(|p| (p.class, p.text.as_str())).collect();
//! assert_eq!(first, [
//!     (Class::Keyword, "go"), (Class::Plain, " f("), (Class::Str, "\"hi\""),
//!     (Class::Plain, ") "), (Class::Comment, "// later"),
//! ]);
//! ```

/// What a piece of source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Plain,
    Keyword,
    /// Predeclared types and functions (`int`, `make`, `len`).
    Builtin,
    Str,
    Number,
    Comment,
}

impl Class {
    /// The CSS class the editor uses (`None`: plain text).
    pub fn css(self) -> Option<&'static str> {
        match self {
            Class::Plain => None,
            Class::Keyword => Some("tk"),
            Class::Builtin => Some("tb"),
            Class::Str => Some("ts"),
            Class::Number => Some("tn"),
            Class::Comment => Some("tc"),
        }
    }
}

/// A run of source of one class, within one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub class: Class,
    pub text: String,
}

const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

const BUILTINS: &[&str] = &[
    "any", "append", "bool", "byte", "cap", "close", "complex", "copy", "delete", "error", "false",
    "float32", "float64", "int", "int16", "int32", "int64", "int8", "iota", "len", "make", "new", "nil",
    "panic", "print", "println", "recover", "rune", "string", "true", "uint", "uint16", "uint32", "uint64",
    "uint8", "uintptr",
];

/// `src` split at each newline, as a textarea shows it (a final newline
/// leaves an empty last line for the caret), each line a list of classed
/// pieces.
pub fn go_lines(src: &str) -> Vec<Vec<Piece>> {
    let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
    let push = |lines: &mut Vec<Vec<Piece>>, class: Class, text: &str| {
        // A piece that spans lines (a block comment, a raw string) is cut
        // at each newline.
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Vec::new());
            }
            if part.is_empty() {
                continue;
            }
            let line = lines.last_mut().expect("never empty");
            match line.last_mut() {
                Some(last) if last.class == class => last.text.push_str(part),
                _ => line.push(Piece {
                    class,
                    text: part.to_string(),
                }),
            }
        }
    };
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let class = if src[i..].starts_with("//") {
            i = src[i..].find('\n').map_or(bytes.len(), |n| i + n);
            Class::Comment
        } else if src[i..].starts_with("/*") {
            i = src[i + 2..].find("*/").map_or(bytes.len(), |n| i + 2 + n + 2);
            Class::Comment
        } else if c == b'"' || c == b'\'' {
            // Up to the closing quote on the same line; an escape skips
            // one character.
            i += 1;
            while i < bytes.len() && bytes[i] != c && bytes[i] != b'\n' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(bytes.len());
            // An escape before the end may leave i inside a character.
            while !src.is_char_boundary(i) {
                i += 1;
            }
            Class::Str
        } else if c == b'`' {
            i = src[i + 1..].find('`').map_or(bytes.len(), |n| i + 1 + n + 1);
            Class::Str
        } else if c.is_ascii_digit() {
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.' || bytes[i] == b'_')
            {
                i += 1;
            }
            Class::Number
        } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] >= 0x80)
            {
                i += 1;
            }
            let word = &src[start..i];
            // A field or method named like a builtin (`x.len`) is plain.
            let selected = src[..start].ends_with('.');
            if KEYWORDS.contains(&word) {
                Class::Keyword
            } else if BUILTINS.contains(&word) && !selected {
                Class::Builtin
            } else {
                Class::Plain
            }
        } else {
            i += src[i..].chars().next().map_or(1, char::len_utf8);
            Class::Plain
        };
        push(&mut lines, class, &src[start..i]);
    }
    lines
}

/// `source` cut into runs of `n` whole lines (the last may be shorter), each
/// with its line ends, so that the runs join back to `source` and their
/// `lines()` are the source's. The code panes draw each run as a component
/// of its own. `n` must be at least 1.
pub fn line_chunks(source: &str, n: usize) -> Vec<&str> {
    let mut chunks = Vec::new();
    let mut rest = source;
    while !rest.is_empty() {
        let end = rest
            .match_indices('\n')
            .nth(n - 1)
            .map_or(rest.len(), |(i, _)| i + 1);
        let (chunk, after) = rest.split_at(end);
        chunks.push(chunk);
        rest = after;
    }
    chunks
}
