//! The URL state: everything a run depends on, in a query string, so a link
//! or an iframe reproduces it exactly.
//!
//! `?pattern=<id>|your-go&clock=virtual|real&seed=<u64>&speed=<0.1 to 100>&<param>=<value>...&embed=1&autoplay=1&theme=light|dark|system&go=1.21|1.22&code=<token>`
//!
//! `code=` carries edited Go as a [`codec`] token (compressed, URL-safe).
//!
//! Keys that start with `__` are test hooks and are ignored.
//!
//! [`UrlState::parse`] never fails: a bad or unknown value becomes a
//! [`UrlError`] naming it and the default is used in its place.
//! [`UrlState::to_query`] writes a query that parses back to the same state.
//!
//! ```
//! use csp_playground::share::UrlState;
//! let (state, errors) = UrlState::parse("?pattern=deadline&seed=7&deadline_ms=1500&speed=fast");
//! assert_eq!(state.seed, 7);
//! assert_eq!(state.params.get("deadline_ms").as_deref(), Some("1500"));
//! assert_eq!(errors.len(), 1);
//! assert_eq!(errors[0].to_string(), "speed: \"fast\" is not a number from 0.1 to 100 (at most 3 decimals); using 1");
//! assert_eq!(UrlState::parse(&state.to_query()).0, state);
//! ```

use std::fmt;

use crate::codec;
use crate::patterns::{Params, PatternId};

/// The `pattern=` value of the "Your Go" tab.
pub const YOUR_GO: &str = "your-go";

/// A long value cut for an error message: a damaged `code=`, or any value
/// or name, may be kilobytes.
fn shorten(value: &str) -> String {
    match value.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &value[..i]),
        None => value.to_string(),
    }
}

/// Which clock a run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockKind {
    /// The deterministic executor: steppable, any speed, exact replays.
    Virtual,
    /// The browser's event loop and timers.
    Real,
}

/// The colour scheme a link asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the reader's system setting.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// The word the URL and `data-theme` use.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Everything the URL carries.
#[derive(Debug, Clone, PartialEq)]
pub struct UrlState {
    pub pattern: PatternId,
    pub clock: ClockKind,
    pub seed: u64,
    pub speed: Speed,
    pub params: Params,
    /// The compact view for an iframe.
    pub embed: bool,
    /// Start when scrolled into view.
    pub autoplay: bool,
    /// The colour scheme, so an embed can match its post.
    pub theme: Theme,
    /// `pattern=your-go`: the reader's own program, not one of the
    /// article's (`pattern` then stays the default, and no parameters).
    pub your_go: bool,
    /// Edited Go (`code=`, a [`codec`] token), decoded.
    pub code: Option<String>,
    /// `go=1.21` (shared loop variables) or `go=1.22`; `None`: what the
    /// source asks for.
    pub go121: Option<bool>,
}

/// A value in the URL that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlError {
    pub key: String,
    pub value: String,
    /// What is valid, and what was used instead.
    pub expected: String,
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:?} {}", self.key, self.value, self.expected)
    }
}

impl Default for UrlState {
    fn default() -> Self {
        UrlState::for_pattern(PatternId::SpawnWait)
    }
}

/// A speed multiplier of virtual time, 0.1 to 100, in thousandths.
///
/// Decimal text in and out, never a float: it round-trips exactly through a
/// URL, and the page's wasm carries no float parsing or printing code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Speed(u32);

impl Speed {
    /// Real time: one virtual ms per wall ms.
    pub const ONE: Speed = Speed(1000);

    /// From thousandths (100 is 0.1, 100000 is 100), if in range.
    pub fn from_millis(millis: u32) -> Option<Speed> {
        (100..=100_000).contains(&millis).then_some(Speed(millis))
    }

    /// The multiplier, for arithmetic.
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 1000.0
    }
}

impl fmt::Display for Speed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, frac) = (self.0 / 1000, self.0 % 1000);
        if frac == 0 {
            return write!(f, "{whole}");
        }
        let digits = format!("{frac:03}");
        write!(f, "{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// Parses a speed multiplier: 0.1 to 100, with at most 3 decimals.
pub fn parse_speed(text: &str) -> Result<Speed, String> {
    let wrong = || format!("{text:?} is not a number from 0.1 to 100 (at most 3 decimals)");
    let t = text.trim();
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && frac.is_empty()
        || whole.len() > 3
        || frac.len() > 3
        || !digits(whole)
        || !digits(frac)
    {
        return Err(wrong());
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| wrong())?
    };
    let frac: u32 = format!("{frac:0<3}").parse().map_err(|_| wrong())?;
    Speed::from_millis(whole * 1000 + frac).ok_or_else(wrong)
}

/// Parses a seed: any whole number that fits in 64 bits.
pub fn parse_seed(text: &str) -> Result<u64, String> {
    text.trim()
        .parse::<u64>()
        .map_err(|_| format!("{text:?} is not a whole number from 0 to {}", u64::MAX))
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

impl UrlState {
    /// The defaults for `pattern`.
    pub fn for_pattern(pattern: PatternId) -> UrlState {
        UrlState {
            pattern,
            clock: ClockKind::Virtual,
            seed: 1,
            speed: Speed::ONE,
            params: Params::defaults(pattern),
            embed: false,
            autoplay: false,
            theme: Theme::System,
            your_go: false,
            code: None,
            go121: None,
        }
    }

    /// Reads a query string (with or without the leading `?`). Never fails:
    /// each unusable value is reported and its default used.
    pub fn parse(query: &str) -> (UrlState, Vec<UrlError>) {
        let pairs: Vec<(String, String)> = query
            .trim_start_matches('?')
            .split('&')
            .filter(|kv| !kv.is_empty())
            .map(|kv| match kv.split_once('=') {
                Some((k, v)) => (decode(k), decode(v)),
                None => (decode(kv), String::new()),
            })
            .collect();
        // A key given twice counts once, at its last place (as the pattern
        // always did): an earlier value is neither used nor reported.
        // Sorted by key, then place: each key's last place ends its run.
        // (A link can carry a hundred thousand pairs; no scan per pair.)
        let mut order: Vec<usize> = (0..pairs.len()).collect();
        crate::sort::sort_by(&mut order, |&a, &b| pairs[a].0.cmp(&pairs[b].0).then(a.cmp(&b)));
        let mut last: Vec<bool> = vec![false; pairs.len()];
        for (n, &i) in order.iter().enumerate() {
            last[i] = order.get(n + 1).is_none_or(|&j| pairs[j].0 != pairs[i].0);
        }
        let pairs: Vec<(String, String)> = pairs
            .into_iter()
            .zip(last)
            .filter_map(|(kv, keep)| keep.then_some(kv))
            .collect();
        let mut errors: Vec<UrlError> = Vec::new();
        let mut error = |key: &str, value: &str, expected: String| {
            let e = UrlError {
                key: shorten(key),
                value: shorten(value),
                expected,
            };
            // Past a thousand, the rest are not named (each key is named
            // once: see the de-duplication below).
            if errors.len() < 1000 {
                errors.push(e);
            }
        };
        // The pattern first: it decides which parameters exist.
        let mut state = UrlState::default();
        if let Some((_, id)) = pairs.iter().rev().find(|(k, _)| k == "pattern") {
            match PatternId::parse(id) {
                Some(p) => state = UrlState::for_pattern(p),
                None if id == YOUR_GO => state.your_go = true,
                None => {
                    let ids: Vec<&str> = PatternId::ALL.iter().map(|p| p.id()).collect();
                    error(
                        "pattern",
                        id,
                        format!("is not one of {}, {YOUR_GO}; using spawn-wait", ids.join(", ")),
                    );
                }
            }
        }
        for (key, value) in &pairs {
            match key.as_str() {
                // `__`-keys are reserved (once test hooks), never state.
                "pattern" => {}
                k if k.starts_with("__") => {}
                "clock" => match value.as_str() {
                    "virtual" => state.clock = ClockKind::Virtual,
                    "real" => state.clock = ClockKind::Real,
                    _ => error(key, value, "is not virtual or real; using virtual".into()),
                },
                "seed" => match parse_seed(value) {
                    Ok(seed) => state.seed = seed,
                    Err(_) => error(
                        key,
                        value,
                        format!("is not a whole number from 0 to {}; using 1", u64::MAX),
                    ),
                },
                "speed" => match parse_speed(value) {
                    Ok(speed) => state.speed = speed,
                    Err(_) => error(
                        key,
                        value,
                        "is not a number from 0.1 to 100 (at most 3 decimals); using 1".into(),
                    ),
                },
                "theme" => match value.as_str() {
                    "system" => state.theme = Theme::System,
                    "light" => state.theme = Theme::Light,
                    "dark" => state.theme = Theme::Dark,
                    _ => error(key, value, "is not light, dark or system; using system".into()),
                },
                "code" => match codec::decode(value) {
                    Ok(code) => state.code = Some(code),
                    Err(e) => error(
                        key,
                        value,
                        format!("is not usable: {e}; using the article's code"),
                    ),
                },
                "go" => match value.as_str() {
                    "1.21" => state.go121 = Some(true),
                    "1.22" => state.go121 = Some(false),
                    _ => error(
                        key,
                        value,
                        "is not 1.21 or 1.22; using what the source asks for".into(),
                    ),
                },
                "embed" | "autoplay" => match flag(value) {
                    Some(on) if key == "embed" => state.embed = on,
                    Some(on) => state.autoplay = on,
                    None => error(key, value, "is not 1 or 0; using 0".into()),
                },
                // Your Go has no parameters: a stray one changes nothing.
                _ if state.your_go => {}
                name => {
                    if let Err(e) = state.params.set(name, value) {
                        let default = Params::defaults(state.pattern).get(name);
                        let expected = match default {
                            Some(d) => format!("{}; using {d:?}", e.expected),
                            None => e.expected,
                        };
                        error(name, value, expected);
                    }
                }
            }
        }
        (state, errors)
    }

    /// The query string (with `?`) that parses back to this state.
    /// Parameters at their defaults are left out, to keep links short.
    pub fn to_query(&self) -> String {
        let mut q = format!(
            "?pattern={}&clock={}&seed={}&speed={}",
            if self.your_go { YOUR_GO } else { self.pattern.id() },
            match self.clock {
                ClockKind::Virtual => "virtual",
                ClockKind::Real => "real",
            },
            self.seed,
            self.speed
        );
        let defaults = Params::defaults(self.pattern);
        for (name, value) in self.params.pairs() {
            if !self.your_go && defaults.get(name).as_deref() != Some(value.as_str()) {
                q.push('&');
                q.push_str(name);
                q.push('=');
                q.push_str(&encode(&value));
            }
        }
        if self.embed {
            q.push_str("&embed=1");
        }
        if self.autoplay {
            q.push_str("&autoplay=1");
        }
        if self.theme != Theme::System {
            q.push_str("&theme=");
            q.push_str(self.theme.as_str());
        }
        if let Some(go121) = self.go121 {
            q.push_str(if go121 { "&go=1.21" } else { "&go=1.22" });
        }
        // Last, as the longest: a reader can still read the rest.
        if let Some(code) = &self.code {
            q.push_str("&code=");
            q.push_str(&codec::encode(code));
        }
        q
    }
}

/// Percent-encodes everything but unreserved characters and commas.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (a space, as forms write it). A bad escape
/// is kept as it is; bytes that are not UTF-8 become U+FFFD.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                    .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
