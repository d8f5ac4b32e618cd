//! Go's `time.Time` on the run's clock, as calendar dates: printing, and
//! `Format` with Go's reference layouts ("2006-01-02 15:04:05").
//!
//! A run's clock starts where the Go Playground's does, at
//! 2009-11-10 23:00:00 UTC, in the UTC zone; a time value is nanoseconds
//! from there (the zero `time.Time` is [`super::stdlib::ZERO_TIME`]).
//!
//! ```
//! use csp_playground::go::civil;
//! assert_eq!(civil::format(1_500_000_000, "15:04:05.000 Jan _2"), "23:00:01.500 Nov 10");
//! ```

/// The Go Playground's clock start, in seconds since 1970 (UTC).
const START_UNIX: i64 = 1_257_894_000;
/// Go's zero time, 0001-01-01 00:00:00 UTC, in seconds since 1970.
const ZERO_UNIX: i64 = -62_135_596_800;

pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub(super) const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// A time value's calendar fields, in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    /// 1 to 12.
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub nanosecond: u32,
    /// 0 is Sunday.
    pub weekday: u32,
    /// 1 to 366.
    pub yday: u32,
}

/// Whether `t` counts from Go's zero time rather than the clock's start:
/// the zero `time.Time` is [`super::stdlib::ZERO_TIME`] (year 1 is out of
/// the range of nanoseconds from 2009), and `z.Add(time.Hour)` lands near
/// it, which is 0001-01-01 01:00:00.
fn from_zero(t: i64) -> bool {
    t < i64::MIN / 4
}

/// `a.Sub(b)`: saturated, as Go's is, where the two are centuries apart
/// (one from the zero time, the other from the clock).
pub fn sub(a: i64, b: i64) -> i64 {
    match (from_zero(a), from_zero(b)) {
        (false, true) => i64::MAX,
        (true, false) => i64::MIN,
        _ => a.saturating_sub(b),
    }
}

/// Seconds since 1970 and the nanoseconds past them, of a time value.
pub fn unix(t: i64) -> (i64, u32) {
    if from_zero(t) {
        let d = t - super::stdlib::ZERO_TIME;
        return (
            ZERO_UNIX + d.div_euclid(1_000_000_000),
            d.rem_euclid(1_000_000_000) as u32,
        );
    }
    (
        START_UNIX + t.div_euclid(1_000_000_000),
        t.rem_euclid(1_000_000_000) as u32,
    )
}

/// The calendar fields of a time value.
pub fn civil(t: i64) -> Civil {
    let (secs, nanosecond) = unix(t);
    let days = secs.div_euclid(86_400);
    let rest = secs.rem_euclid(86_400) as u32;
    // Days to a date in the proleptic Gregorian calendar (H. Hinnant's
    // civil_from_days), counting years from March so leap days fall last.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    const BEFORE: [u32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let yday = BEFORE[month as usize - 1] + day + u32::from(leap && month > 2);
    Civil {
        year,
        month,
        day,
        hour: rest / 3600,
        minute: rest / 60 % 60,
        second: rest % 60,
        nanosecond,
        weekday: (days + 4).rem_euclid(7) as u32,
        yday,
    }
}

/// `t.String()`: Go's default layout, and the monotonic reading that
/// `time.Now` gives (the zero time, and times from it, have none).
pub fn string(t: i64) -> String {
    let mut s = format(t, "2006-01-02 15:04:05.999999999 -0700 MST");
    if !from_zero(t) {
        let sign = if t < 0 { "-" } else { "+" };
        let a = t.unsigned_abs();
        s.push_str(&format!(
            " m={sign}{}.{:09}",
            a / 1_000_000_000,
            a % 1_000_000_000
        ));
    }
    s
}

/// `t.Format(layout)`, for Go's layout elements; the zone is always UTC.
pub fn format(t: i64, layout: &str) -> String {
    let c = civil(t);
    let mut out = String::new();
    let b = layout.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let rest = &layout[i..];
        let hour12 = match c.hour % 12 {
            0 => 12,
            h => h,
        };
        // "Jan" and "Mon" are elements unless a lowercase letter follows
        // ("Janet", "Month" are text), as in Go.
        let word =
            |w: &str| rest.starts_with(w) && !rest[w.len()..].starts_with(|c: char| c.is_ascii_lowercase());
        // The longest element that starts here, as Go's nextStdChunk
        // tries them.
        let (len, text): (usize, Option<String>) = if rest.starts_with("January") {
            (7, Some(MONTHS[c.month as usize - 1].to_string()))
        } else if word("Jan") {
            (3, Some(MONTHS[c.month as usize - 1][..3].to_string()))
        } else if rest.starts_with("Monday") {
            (6, Some(DAYS[c.weekday as usize].to_string()))
        } else if word("Mon") {
            (3, Some(DAYS[c.weekday as usize][..3].to_string()))
        } else if rest.starts_with("MST") {
            (3, Some("UTC".to_string()))
        } else if rest.starts_with("2006") {
            (4, Some(format!("{:04}", c.year)))
        } else if rest.starts_with("002") {
            (3, Some(format!("{:03}", c.yday)))
        } else if rest.starts_with("_2006") {
            // A literal underscore, then the year.
            (1, Some("_".to_string()))
        } else if rest.starts_with("__2") {
            (3, Some(format!("{:>3}", c.yday)))
        } else if rest.starts_with("_2") {
            (2, Some(format!("{:>2}", c.day)))
        } else if rest.starts_with("01") {
            (2, Some(format!("{:02}", c.month)))
        } else if rest.starts_with("02") {
            (2, Some(format!("{:02}", c.day)))
        } else if rest.starts_with("03") {
            (2, Some(format!("{hour12:02}")))
        } else if rest.starts_with("04") {
            (2, Some(format!("{:02}", c.minute)))
        } else if rest.starts_with("05") {
            (2, Some(format!("{:02}", c.second)))
        } else if rest.starts_with("06") {
            (2, Some(format!("{:02}", c.year.rem_euclid(100))))
        } else if rest.starts_with("15") {
            (2, Some(format!("{:02}", c.hour)))
        } else if rest.starts_with("PM") {
            (2, Some(if c.hour >= 12 { "PM" } else { "AM" }.to_string()))
        } else if rest.starts_with("pm") {
            (2, Some(if c.hour >= 12 { "pm" } else { "am" }.to_string()))
        } else if let Some(n) = ["-07:00:00", "-070000", "-07:00", "-0700", "-07"]
            .iter()
            .find(|z| rest.starts_with(**z))
        {
            (n.len(), Some(n.replace('-', "+").replace('7', "0")))
        } else if let Some(n) = ["Z07:00:00", "Z070000", "Z07:00", "Z0700", "Z07"]
            .iter()
            .find(|z| rest.starts_with(**z))
        {
            (n.len(), Some("Z".to_string()))
        } else if let Some(len) = fraction(b, i) {
            let digits = len - 1;
            let all = format!("{:09}", c.nanosecond);
            let text = if b[i + 1] == b'0' {
                format!("{}{}", b[i] as char, &all[..digits.min(9)])
            } else {
                let trimmed = all[..digits.min(9)].trim_end_matches('0');
                if trimmed.is_empty() {
                    String::new()
                } else {
                    format!("{}{trimmed}", b[i] as char)
                }
            };
            (len, Some(text))
        } else {
            match b[i] {
                b'1' => (1, Some(c.month.to_string())),
                b'2' => (1, Some(c.day.to_string())),
                b'3' => (1, Some(hour12.to_string())),
                b'4' => (1, Some(c.minute.to_string())),
                b'5' => (1, Some(c.second.to_string())),
                _ => (0, None),
            }
        };
        match text {
            Some(text) => {
                out.push_str(&text);
                i += len;
            }
            None => {
                let ch = rest.chars().next().unwrap_or_default();
                out.push(ch);
                i += ch.len_utf8().max(1);
            }
        }
    }
    out
}

/// The length of a fractional-seconds element at `i` (`.000`, `,999`):
/// a separator, then a run of one digit, 0 or 9, with no digit after it.
fn fraction(b: &[u8], i: usize) -> Option<usize> {
    if !matches!(b[i], b'.' | b',') {
        return None;
    }
    let digit = *b.get(i + 1).filter(|d| matches!(d, b'0' | b'9'))?;
    let mut j = i + 1;
    while b.get(j) == Some(&digit) {
        j += 1;
    }
    (!b.get(j).is_some_and(u8::is_ascii_digit)).then_some(j - i)
}

/// The `time` package's layout constants.
pub fn layout(name: &str) -> Option<&'static str> {
    Some(match name {
        "Layout" => "01/02 03:04:05PM '06 -0700",
        "ANSIC" => "Mon Jan _2 15:04:05 2006",
        "UnixDate" => "Mon Jan _2 15:04:05 MST 2006",
        "RubyDate" => "Mon Jan 02 15:04:05 -0700 2006",
        "RFC822" => "02 Jan 06 15:04 MST",
        "RFC822Z" => "02 Jan 06 15:04 -0700",
        "RFC850" => "Monday, 02-Jan-06 15:04:05 MST",
        "RFC1123" => "Mon, 02 Jan 2006 15:04:05 MST",
        "RFC1123Z" => "Mon, 02 Jan 2006 15:04:05 -0700",
        "RFC3339" => "2006-01-02T15:04:05Z07:00",
        "RFC3339Nano" => "2006-01-02T15:04:05.999999999Z07:00",
        "Kitchen" => "3:04PM",
        "Stamp" => "Jan _2 15:04:05",
        "StampMilli" => "Jan _2 15:04:05.000",
        "StampMicro" => "Jan _2 15:04:05.000000",
        "StampNano" => "Jan _2 15:04:05.000000000",
        "DateTime" => "2006-01-02 15:04:05",
        "DateOnly" => "2006-01-02",
        "TimeOnly" => "15:04:05",
        _ => return None,
    })
}
