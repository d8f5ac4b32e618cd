//! Parameters for edited Go: where each of a pattern's parameters lives in
//! the article's Go, so a run of the reader's edited copy still honours the
//! page's fields, and a field the edit no longer reads can say so.
//!
//! A [`Binding`] names the text around a value on one line of the Go, for
//! example `delay :=` before and `* time.Millisecond` after. Whitespace
//! between the words is free, so `gofmt`'s alignment does not matter.
//! [`bind`] writes each parameter's value into the first line that matches,
//! unless the reader changed the value there themselves, and lists the
//! parameters that no line matches any more.
//!
//! ```
//! use csp_playground::patterns::{bind, Params, PatternId};
//!
//! let mut params = Params::defaults(PatternId::SpawnWait);
//! params.set("delay_ms", "250").unwrap();
//! let go = PatternId::SpawnWait.go_source();
//! let bound = bind::bind(go, &params);
//! assert!(bound.source.contains("delay := 250 * time.Millisecond"));
//! assert!(bound.unread.is_empty());
//!
//! // The reader hard-coded the delay: the field no longer applies.
//! let edited = go.replace("delay := 1000 * time.Millisecond", "delay := time.Second");
//! assert_eq!(bind::bind(&edited, &params).unread, ["delay_ms"]);
//!
//! // The reader typed another number: theirs stands, not the field's.
//! let edited = go.replace("delay := 1000", "delay := 30");
//! let bound = bind::bind(&edited, &params);
//! assert!(bound.source.contains("delay := 30 * time.Millisecond"));
//! assert_eq!(bound.edited, ["delay_ms"]);
//! ```

use super::{Params, PatternId};

/// Where one parameter's value sits in a pattern's Go.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The parameter's name (`delay_ms`).
    pub param: &'static str,
    /// The words just before the value, whitespace-insensitive.
    pub before: &'static str,
    /// The text just after it; empty: the value ends at the next space or
    /// at the end of the line.
    pub after: &'static str,
    /// The Go text for a parameter's value.
    pub go: fn(&str) -> String,
}

fn same(v: &str) -> String {
    v.to_string()
}

fn plus_one(v: &str) -> String {
    // `rand.Intn(n)` is below n, and the parameter is the largest value.
    v.parse::<u64>()
        .map_or_else(|_| v.to_string(), |n| (n + 1).to_string())
}

fn millis(v: &str) -> String {
    format!("{v} * time.Millisecond")
}

/// A Go string literal: what a text parameter becomes.
fn quoted(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    for c in v.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

const fn b(
    param: &'static str,
    before: &'static str,
    after: &'static str,
    go: fn(&str) -> String,
) -> Binding {
    Binding {
        param,
        before,
        after,
        go,
    }
}

/// Where each parameter of `pattern` lives in the article's Go. A parameter
/// missing here is not a value in the Go (the token cache's injected
/// failures, the words' capture, which the Go spells as `word := word`).
pub fn bindings(pattern: PatternId) -> &'static [Binding] {
    match pattern {
        PatternId::SpawnWait => SPAWN_WAIT,
        PatternId::WaitGroup => WAITGROUP,
        PatternId::Words => WORDS,
        PatternId::Deadline => DEADLINE,
        PatternId::TokenCache => TOKEN_CACHE,
        PatternId::TokenFuture => TOKEN_FUTURE,
        PatternId::Pipeline => PIPELINE,
    }
}

const SPAWN_WAIT: &[Binding] = &[b("delay_ms", "delay :=", "* time.Millisecond", same)];

const WAITGROUP: &[Binding] = &[
    b("workers", "const workers =", "", same),
    b("work_ms", "work :=", "* time.Millisecond", same),
];

const WORDS: &[Binding] = &[
    b("text", "strings.Fields(\"", "\")", quoted),
    b("buffer", "res := make(chan string,", ")", same),
    b("work_ms", "rand.Intn(", ")", plus_one),
    b("stop_after", "stopAfter :=", "", same),
];

const DEADLINE: &[Binding] = &[
    b("deadline_ms", "time.Now().Add(", "*time.Millisecond)", same),
    b("work_ms", "range []int{", "}", same),
];

const TOKEN_CACHE: &[Binding] = &[
    b("ttl_ms", "ttl =", "* time.Millisecond", same),
    b("refresh_ms", "refreshIn =", "* time.Millisecond", same),
    b("tolerance", "tolerance =", "", same),
    b("callers", "for i := 0; i <", "; i++", same),
    b("call_every_ms", "wait =", "* time.Millisecond", same),
    b("run_ms", "case <-time.After(", "):", millis),
];

const TOKEN_FUTURE: &[Binding] = &[
    b(
        "caller_timeout_ms",
        "context.WithTimeout(context.Background(),",
        "*time.Millisecond)",
        same,
    ),
    b("shutdown_ms", "time.Sleep(", ")", millis),
];

const PIPELINE: &[Binding] = &[
    b("count", "gen(done,", ", &stages)", same),
    b("workers", "for w := 0; w <", "; w++", same),
    b("buffer", "const buffer =", "", same),
    b("stop_after", "stopAfter :=", "", same),
    b("work_ms", "rand.Intn(", ")", plus_one),
];

/// Edited Go with the page's parameters written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    pub source: String,
    /// Parameters of the pattern that the source no longer reads: those
    /// with no binding, those whose line is gone, and those in `edited`.
    pub unread: Vec<&'static str>,
    /// Parameters whose value the reader typed into the Go themselves: the
    /// Go's value stands, not the field's.
    pub edited: Vec<&'static str>,
}

/// Writes `params` into `source`, the reader's copy of the Go of
/// `params`'s pattern. A value the reader changed in the Go is theirs, and
/// stays: the field's value goes only where the article's value still is.
pub fn bind(source: &str, params: &Params) -> Bound {
    let pattern = params.id();
    let article = pattern.go_source();
    let mut source = source.to_string();
    let (mut unread, mut edited) = (Vec::new(), Vec::new());
    for spec in pattern.specs() {
        let Some(binding) = bindings(pattern).iter().find(|b| b.param == spec.name) else {
            unread.push(spec.name);
            continue;
        };
        let Some(range) = find(&source, binding) else {
            unread.push(spec.name);
            continue;
        };
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        let theirs = find(article, binding).map(|r| squeeze(&article[r]));
        if theirs.is_some_and(|lit| lit != squeeze(&source[range.clone()])) {
            unread.push(spec.name);
            edited.push(spec.name);
            continue;
        }
        let value = params.get(spec.name).unwrap_or_default();
        source.replace_range(range, &(binding.go)(&value));
    }
    Bound {
        source,
        unread,
        edited,
    }
}

/// Whether `source` still has a place for `param` of `pattern`.
pub fn reads(pattern: PatternId, source: &str, param: &str) -> bool {
    bindings(pattern)
        .iter()
        .any(|b| b.param == param && find(source, b).is_some())
}

/// The byte range of the value `binding` names: on the first line where
/// its words appear, after them and before `after`, and the value is a
/// literal.
fn find(source: &str, binding: &Binding) -> Option<std::ops::Range<usize>> {
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        // Comments are not code: a value in one is not read.
        let code = line.find("//").map_or(line, |i| &line[..i]);
        if let Some(at) = words_end(code, binding.before) {
            let rest = &code[at..];
            let lead = rest.len() - rest.trim_start().len();
            let value = &rest[lead..];
            let len = if binding.after.is_empty() {
                value.find(char::is_whitespace).unwrap_or(value.len())
            } else {
                // `1000*time.Millisecond` is as good as `1000 * time.Millisecond`.
                let after = binding.after.trim_start();
                let tight: String = after.split_whitespace().collect();
                match value.find(after).or_else(|| value.find(tight.as_str())) {
                    Some(i) => value[..i].trim_end().len(),
                    None => {
                        start += line.len();
                        continue;
                    }
                }
            };
            // A parameter's value is a literal: `time.Sleep(refreshIn)` is
            // not the place of `time.Sleep(4 * time.Second)`'s parameter.
            let literal = binding.before.ends_with('"') || value.starts_with(|c: char| c.is_ascii_digit());
            if len > 0 && literal {
                let from = start + at + lead;
                return Some(from..from + len);
            }
        }
        start += line.len();
    }
    None
}

/// Where `words` ends in `line`, matching its whitespace-separated words
/// with any whitespace between them (none needed around punctuation).
fn words_end(line: &str, words: &str) -> Option<usize> {
    let parts: Vec<&str> = words.split_whitespace().collect();
    let first = parts.first()?;
    let mut from = 0;
    while let Some(i) = line[from..].find(first) {
        let begin = from + i;
        // A word must not continue an identifier on its left (`xdelay`).
        let left_ok = line[..begin]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let mut at = begin + first.len();
        let mut ok = left_ok;
        for part in &parts[1..] {
            if !ok {
                break;
            }
            let rest = &line[at..];
            let trimmed = rest.trim_start();
            if trimmed.starts_with(part) {
                at += rest.len() - trimmed.len() + part.len();
            } else {
                ok = false;
            }
        }
        if ok {
            return Some(at);
        }
        from = begin + first.len();
    }
    None
}
