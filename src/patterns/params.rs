//! Parameters: typed per pattern, set from text (URL query, `--set`), with
//! validation that names the field and its valid range.
//!
//! ```
//! use csp_playground::patterns::{PatternId, Params};
//! let mut p = Params::defaults(PatternId::Deadline);
//! p.set("deadline_ms", "1500").unwrap();
//! assert_eq!(p.get("deadline_ms").as_deref(), Some("1500"));
//! let err = p.set("deadline_ms", "-3").unwrap_err();
//! assert_eq!(err.to_string(), "deadline_ms: \"-3\" is not a whole number from 1 to 60000");
//! ```

use std::fmt;

/// A bad parameter: which, what was given, and what is valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    /// The parameter's name (`deadline_ms`).
    pub name: String,
    /// What was given.
    pub value: String,
    /// What would have been valid, or why the name is wrong.
    pub expected: String,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:?} {}", self.name, self.value, self.expected)
    }
}

impl std::error::Error for ParamError {}

/// What a parameter accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// A whole number in `min..=max`.
    Int { min: u64, max: u64 },
    /// Free text of at most `max_len` characters, at least one word.
    Text { max_len: usize },
    /// One of the listed words.
    OneOf(&'static [&'static str]),
    /// Comma-separated whole numbers in `min..=max`, between `min_len` and
    /// `max_len` of them.
    List {
        min: u64,
        max: u64,
        min_len: usize,
        max_len: usize,
    },
}

impl Check {
    /// What is valid, as a phrase ("a whole number from 1 to 60000").
    pub fn describe(&self) -> String {
        match *self {
            Check::Int { min, max } => format!("a whole number from {min} to {max}"),
            Check::Text { max_len } => format!("text of 1 to {max_len} characters"),
            Check::OneOf(words) => format!("one of {}", words.join(", ")),
            Check::List {
                min,
                max,
                min_len,
                max_len,
            } => format!("{min_len} to {max_len} comma-separated whole numbers from {min} to {max}"),
        }
    }

    /// Checks `value`, returning it normalised (trimmed, canonical list
    /// spelling) or what is expected instead.
    pub fn normalise(&self, value: &str) -> Result<String, String> {
        let value = value.trim();
        let wrong = || format!("is not {}", self.describe());
        match *self {
            Check::Int { min, max } => match value.parse::<u64>() {
                Ok(v) if (min..=max).contains(&v) => Ok(v.to_string()),
                _ => Err(wrong()),
            },
            Check::Text { max_len } => {
                let words: Vec<&str> = value.split_whitespace().collect();
                if words.is_empty() || value.chars().count() > max_len {
                    Err(wrong())
                } else {
                    Ok(words.join(" "))
                }
            }
            Check::OneOf(words) => match words.iter().find(|w| **w == value) {
                Some(w) => Ok(w.to_string()),
                None => Err(wrong()),
            },
            Check::List {
                min,
                max,
                min_len,
                max_len,
            } => {
                let items: Vec<&str> = value
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                if items.len() < min_len || items.len() > max_len {
                    return Err(wrong());
                }
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match item.parse::<u64>() {
                        Ok(v) if (min..=max).contains(&v) => out.push(v.to_string()),
                        _ => return Err(wrong()),
                    }
                }
                Ok(out.join(","))
            }
        }
    }
}

/// One parameter of one pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamSpec {
    /// The name in URLs and `--set` (`deadline_ms`).
    pub name: &'static str,
    /// The label the page shows, which is also its accessible name.
    pub label: &'static str,
    /// The default, as text.
    pub default: &'static str,
    /// What it accepts.
    pub check: Check,
    /// One sentence on what it does.
    pub help: &'static str,
}

/// Parses a comma list that [`Check::List`] already accepted.
pub fn parse_list(value: &str) -> Vec<u64> {
    value.split(',').filter_map(|s| s.trim().parse().ok()).collect()
}
