//! Go's float text, written out here rather than taken from core: core's
//! float formatting (Grisu with a Dragon fallback) and parsing (Eisel-Lemire
//! with a 10 KB table) cost about 20 KB gzipped in the page's wasm, and the
//! page links nothing else that needs them.
//!
//! Everything is exact, on small big integers: a double is `m·2^e`, whose
//! decimal expansion is finite, so rounding it to `n` digits is rounding a
//! digit string (half to even on an exact tie, as Go's `strconv` does). The
//! shortest form is the fewest digits that parse back to the same double,
//! the nearest such when two do (Go's `%v`). Parsing is correctly rounded:
//! the exact quotient's top bits and a sticky bit decide.
//!
//! ```
//! use csp_playground::go::float::{parse, shortest};
//!
//! assert_eq!(parse("0.1"), Some(0.1));
//! assert_eq!(shortest(0.1 + 0.2), (b"30000000000000004".to_vec(), 0));
//! ```

use std::cmp::Ordering;

/// A natural number, 32-bit limbs, least significant first, no high zeros.
type Big = Vec<u32>;

fn trim(a: &mut Big) {
    while a.last() == Some(&0) {
        a.pop();
    }
}

/// `a = a·m + add`.
fn mul_add(a: &mut Big, m: u32, add: u32) {
    let mut carry = add as u64;
    for x in a.iter_mut() {
        let t = *x as u64 * m as u64 + carry;
        *x = t as u32;
        carry = t >> 32;
    }
    if carry > 0 {
        a.push(carry as u32);
    }
}

/// `a = a / d`, returning the remainder.
fn div_small(a: &mut Big, d: u32) -> u32 {
    let mut rem = 0u64;
    for x in a.iter_mut().rev() {
        let t = (rem << 32) | *x as u64;
        *x = (t / d as u64) as u32;
        rem = t % d as u64;
    }
    trim(a);
    rem as u32
}

/// `a = a·10^n`.
fn mul_pow10(a: &mut Big, mut n: u32) {
    while n > 0 {
        let k = n.min(9);
        mul_add(a, 10u32.pow(k), 0);
        n -= k;
    }
}

fn shl(a: &mut Big, n: u32) {
    let (words, bits) = ((n / 32) as usize, n % 32);
    if bits > 0 {
        let mut carry = 0;
        for x in a.iter_mut() {
            let next = *x >> (32 - bits);
            *x = (*x << bits) | carry;
            carry = next;
        }
        if carry > 0 {
            a.push(carry);
        }
    }
    a.splice(0..0, std::iter::repeat_n(0, words));
    trim(a);
}

fn nbits(a: &Big) -> u32 {
    match a.last() {
        Some(top) => 32 * (a.len() as u32 - 1) + 32 - top.leading_zeros(),
        None => 0,
    }
}

fn bit(a: &Big, i: u32) -> bool {
    a.get((i / 32) as usize).is_some_and(|w| w >> (i % 32) & 1 == 1)
}

fn cmp(a: &Big, b: &Big) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

/// `a -= b`, for `a >= b`.
fn sub(a: &mut Big, b: &Big) {
    let mut borrow = 0i64;
    for (i, x) in a.iter_mut().enumerate() {
        let t = *x as i64 - b.get(i).copied().unwrap_or(0) as i64 - borrow;
        *x = t as u32;
        borrow = (t < 0) as i64;
    }
    trim(a);
}

/// The double nearest `a·2^e` (ties to even), where `sticky` says that
/// something nonzero below `a`'s last bit was cut off.
fn to_f64(a: &Big, e: i32, sticky: bool) -> f64 {
    let n = nbits(a);
    if n == 0 {
        return 0.0;
    }
    // The top 64 bits as `m·2^e`, with everything below folded into sticky.
    let (mut m, mut sticky, e) = (0u64, sticky, e + n as i32 - 64);
    for i in 0..64 {
        if i + n >= 64 && bit(a, i + n - 64) {
            m |= 1 << i;
        }
    }
    if n > 64 {
        sticky |= (0..n - 64).any(|i| bit(a, i));
    }
    let top = e + 63;
    if top > 1023 {
        return f64::INFINITY;
    }
    // Keep 53 bits, fewer for a subnormal.
    let shift = 11 + (-1022 - top).max(0) as u32;
    if shift > 64 {
        return 0.0;
    }
    let kept = if shift == 64 { 0 } else { m >> shift };
    let rest = if shift == 64 { m } else { m & ((1 << shift) - 1) };
    let half = 1u64 << (shift - 1);
    let up = rest > half || (rest == half && (sticky || kept & 1 == 1));
    let kept = kept + up as u64;
    let bits = if top >= -1022 {
        // Rounding up may carry into a new top bit.
        let (kept, top) = if kept >> 53 == 1 {
            (kept >> 1, top + 1)
        } else {
            (kept, top)
        };
        if top > 1023 {
            return f64::INFINITY;
        }
        ((top + 1023) as u64) << 52 | (kept & ((1 << 52) - 1))
    } else {
        // A subnormal; one that rounds up to 2^52 is the least normal,
        // which these same bits spell.
        kept
    };
    f64::from_bits(bits)
}

/// The double nearest `0.d₁d₂…·10^dp` (ASCII digits), or infinity.
pub fn from_decimal(digits: &[u8], dp: i32) -> f64 {
    // Leading zeros move the point; trailing ones change nothing.
    let (digits, dp) = match digits.iter().position(|&d| d != b'0') {
        Some(i) => (&digits[i..], dp - i as i32),
        None => return 0.0,
    };
    let end = digits.iter().rposition(|&d| d != b'0').map_or(0, |i| i + 1);
    let digits = &digits[..end];
    if dp > 310 {
        return f64::INFINITY;
    }
    if dp < -324 {
        return 0.0;
    }
    // Past 800 digits only whether anything nonzero follows matters.
    let (digits, sticky) = if digits.len() > 800 {
        (&digits[..800], digits[800..].iter().any(|&d| d != b'0'))
    } else {
        (digits, false)
    };
    let e10 = dp - digits.len() as i32;
    if digits.len() <= 15 && !sticky && (-22..=22).contains(&e10) {
        // Both exact in a double, so one correctly rounded operation.
        let d = digits.iter().fold(0u64, |n, &c| n * 10 + (c - b'0') as u64) as f64;
        let p = (0..e10.unsigned_abs()).fold(1.0, |p, _| p * 10.0);
        return if e10 < 0 { d / p } else { d * p };
    }
    let mut n = Big::new();
    for &c in digits {
        mul_add(&mut n, 10, (c - b'0') as u32);
    }
    if sticky {
        // A digit below the last: nonzero, and too small to change more
        // than the rounding of a tie.
        mul_add(&mut n, 10, 1);
    }
    let e10 = e10 - sticky as i32;
    if e10 >= 0 {
        mul_pow10(&mut n, e10 as u32);
        return to_f64(&n, 0, false);
    }
    // n / 10^-e10: shift n so the quotient has at least 65 bits.
    let mut q10 = vec![1];
    mul_pow10(&mut q10, e10.unsigned_abs());
    let s = (nbits(&q10) as i32 + 66 - nbits(&n) as i32).max(0) as u32;
    shl(&mut n, s);
    let (mut q, mut r) = (Big::new(), Big::new());
    for i in (0..nbits(&n)).rev() {
        shl(&mut r, 1);
        if bit(&n, i) {
            if r.is_empty() {
                r.push(1);
            } else {
                r[0] |= 1;
            }
        }
        if cmp(&r, &q10) != Ordering::Less {
            sub(&mut r, &q10);
            let w = (i / 32) as usize;
            if q.len() <= w {
                q.resize(w + 1, 0);
            }
            q[w] |= 1 << (i % 32);
        }
    }
    to_f64(&q, -(s as i32), !r.is_empty())
}

/// Parses a decimal float (`1.5`, `.5`, `1e-3`, `-2E+10`), as Go's
/// literals and `strconv.ParseFloat` read them; `None` when it is not one.
pub fn parse(s: &str) -> Option<f64> {
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (mant, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let all_digits = |t: &str| t.bytes().all(|c| c.is_ascii_digit());
    if int.len() + frac.len() == 0 || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let mut e: i64 = 0;
    if let Some(x) = exp {
        let (eneg, x) = match x.as_bytes().first() {
            Some(b'-') => (true, &x[1..]),
            Some(b'+') => (false, &x[1..]),
            _ => (false, x),
        };
        if x.is_empty() || !all_digits(x) {
            return None;
        }
        for c in x.bytes() {
            e = (e * 10 + (c - b'0') as i64).min(1 << 20);
        }
        if eneg {
            e = -e;
        }
    }
    let digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    let dp = (int.len() as i64 + e).clamp(-(1 << 21), 1 << 21) as i32;
    let f = from_decimal(&digits, dp);
    Some(if neg { -f } else { f })
}

/// The parts of a finite `|f|`: `m·2^e`.
fn parts(f: f64) -> (u64, i32) {
    let bits = f.abs().to_bits();
    let (exp, frac) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, exp - 1075)
    }
}

/// The exact decimal expansion of `m·2^e`: digits without leading or
/// trailing zeros, and the decimal point's place (`0.d₁d₂…·10^dp`).
fn decimal(mut m: u64, mut e: i32) -> (Vec<u8>, i32) {
    if m == 0 {
        return (Vec::new(), 0);
    }
    let z = m.trailing_zeros();
    m >>= z;
    e += z as i32;
    let mut n: Big = vec![m as u32, (m >> 32) as u32];
    trim(&mut n);
    if e >= 0 {
        shl(&mut n, e as u32);
    } else {
        // m·2^e = m·5^-e / 10^-e.
        let mut k = e.unsigned_abs();
        while k > 0 {
            let step = k.min(13);
            mul_add(&mut n, 5u32.pow(step), 0);
            k -= step;
        }
    }
    let mut chunks = Vec::new();
    while !n.is_empty() {
        chunks.push(div_small(&mut n, 1_000_000_000));
    }
    let mut digits = Vec::new();
    for (i, c) in chunks.iter().rev().enumerate() {
        let text = c.to_string();
        if i > 0 {
            digits.extend(std::iter::repeat_n(b'0', 9 - text.len()));
        }
        digits.extend(text.bytes());
    }
    let dp = digits.len() as i32 + e.min(0);
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, dp)
}

/// The exact decimal expansion of a finite `|f|`.
fn exact(f: f64) -> (Vec<u8>, i32) {
    let (m, e) = parts(f);
    decimal(m, e)
}

/// Compares two decimals as [`decimal`] gives them.
fn cmp_dec(a: &(Vec<u8>, i32), b: &(Vec<u8>, i32)) -> Ordering {
    match (a.0.is_empty(), b.0.is_empty()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        // Without leading or trailing zeros a prefix is the smaller.
        _ => a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)),
    }
}

/// Rounds `0.d·10^dp` to its first `keep` digits, half to even.
fn round(d: &mut Vec<u8>, dp: &mut i32, keep: i32) {
    if keep < 0 {
        d.clear();
        return;
    }
    let k = keep as usize;
    if k >= d.len() {
        return;
    }
    let up = match d[k] {
        b'6'..=b'9' => true,
        b'5' => k + 1 < d.len() || (k > 0 && (d[k - 1] - b'0') % 2 == 1),
        _ => false,
    };
    d.truncate(k);
    if up {
        match d.iter().rposition(|&c| c != b'9') {
            Some(i) => {
                d[i] += 1;
                d.truncate(i + 1);
            }
            None => {
                d.clear();
                d.push(b'1');
                *dp += 1;
            }
        }
    }
    while d.last() == Some(&b'0') {
        d.pop();
    }
}

/// The shortest digits that parse back to `|f|` (finite), the nearest such
/// if two do: `0.d₁d₂…·10^dp`. Zero is `([], 0)`.
///
/// What parses back is what lies between the midpoints to the neighbouring
/// doubles (including them when `f`'s mantissa is even, since a tie
/// rounds to even); those midpoints have exact decimal expansions too.
pub fn shortest(f: f64) -> (Vec<u8>, i32) {
    shortest_of(f, 52, -1074)
}

/// [`shortest`] for a `float32`: the digits that parse back to the same
/// `float32` (Go prints `float32(0.1)` as 0.1, not as the double it is).
pub fn shortest32(f: f32) -> (Vec<u8>, i32) {
    shortest_of(f64::from(f), 23, -149)
}

/// The shortest digits for `|f|` among floats of `frac_bits` fraction bits
/// whose least exponent is `min_e` (`f` must be one of them).
fn shortest_of(f: f64, frac_bits: u32, min_e: i32) -> (Vec<u8>, i32) {
    let f = f.abs();
    if f == 0.0 {
        return (Vec::new(), 0);
    }
    if f < (1u64 << (frac_bits + 1)) as f64 && f.fract() == 0.0 {
        // An integer this small is its own shortest form: the floats
        // around it are at most 1 away.
        return decimal(f as u64, 0);
    }
    let (mut m, mut e) = parts(f);
    // On the narrower type's grid: fewer fraction bits, and its own least
    // exponent (a float32 subnormal is a double's normal number).
    let shift = (52 - frac_bits as i32).max(min_e - e);
    if shift > 0 {
        m >>= shift;
        e += shift;
    }
    let (d, dp) = decimal(m, e);
    // Below a power of two the next float down is half as far.
    let lo = if m == 1 << frac_bits && e > min_e {
        decimal(4 * m - 1, e - 2)
    } else {
        decimal(2 * m - 1, e - 1)
    };
    let hi = decimal(2 * m + 1, e - 1);
    let even = m % 2 == 0;
    let inside = |c: &(Vec<u8>, i32)| {
        let (a, b) = (cmp_dec(c, &lo), cmp_dec(c, &hi));
        (a == Ordering::Greater || (even && a == Ordering::Equal))
            && (b == Ordering::Less || (even && b == Ordering::Equal))
    };
    for n in 1..=17 {
        let mut near = (d.clone(), dp);
        round(&mut near.0, &mut near.1, n);
        if inside(&near) {
            return near;
        }
        // The n-digit neighbour on f's other side of `near`.
        let mut other = (d.clone(), dp);
        other.0.truncate(n as usize);
        while other.0.last() == Some(&b'0') {
            other.0.pop();
        }
        if other == near {
            bump(&mut other.0, &mut other.1, n as usize);
            while other.0.last() == Some(&b'0') {
                other.0.pop();
            }
        }
        if inside(&other) {
            return other;
        }
    }
    (d, dp)
}

/// Adds one unit in the `n`th digit of `0.d·10^dp`.
fn bump(d: &mut Vec<u8>, dp: &mut i32, n: usize) {
    d.resize(n, b'0');
    match d.iter().rposition(|&c| c != b'9') {
        Some(i) => {
            d[i] += 1;
            d.truncate(i + 1);
        }
        None => {
            d.clear();
            d.push(b'1');
            *dp += 1;
        }
    }
}

/// Digits rounded to `prec` places after the point (`%.Nf`), or to `prec`
/// significant digits when `sig` (`%.Ne` keeps `N + 1`).
fn rounded(f: f64, prec: i32, sig: bool) -> (Vec<u8>, i32) {
    if f == 0.0 {
        return (Vec::new(), 1);
    }
    let (mut d, mut dp) = exact(f);
    let keep = if sig { prec } else { dp + prec };
    round(&mut d, &mut dp, keep);
    if d.is_empty() {
        dp = 1;
    }
    (d, dp)
}

fn special(f: f64) -> Option<&'static str> {
    if f.is_nan() {
        Some("NaN")
    } else if f.is_infinite() {
        Some(if f > 0.0 { "+Inf" } else { "-Inf" })
    } else {
        None
    }
}

fn sign(out: &mut String, f: f64) {
    if f.is_sign_negative() {
        out.push('-');
    }
}

/// `d₁.d₂…e±XX` with `frac` digits after the point (`None`: as many as
/// there are).
fn exponent(out: &mut String, d: &[u8], dp: i32, frac: Option<usize>) {
    let digit = |i: usize| d.get(i).map_or('0', |&c| c as char);
    out.push(digit(0));
    let n = frac.unwrap_or(d.len().saturating_sub(1));
    if n > 0 {
        out.push('.');
        (1..=n).for_each(|i| out.push(digit(i)));
    }
    let x = if d.is_empty() { 0 } else { dp - 1 };
    out.push('e');
    out.push(if x < 0 { '-' } else { '+' });
    if x.abs() < 10 {
        out.push('0');
    }
    out.push_str(&x.abs().to_string());
}

/// `ddd.ddd` with `frac` digits after the point (`None`: as many as there
/// are).
fn positional(out: &mut String, d: &[u8], dp: i32, frac: Option<usize>) {
    let digit = |i: i32| match usize::try_from(i).ok().and_then(|i| d.get(i)) {
        Some(&c) => c as char,
        None => '0',
    };
    if dp <= 0 {
        out.push('0');
    } else {
        (0..dp).for_each(|i| out.push(digit(i)));
    }
    let n = frac.unwrap_or((d.len() as i32 - dp).max(0) as usize);
    if n > 0 {
        out.push('.');
        (0..n as i32).for_each(|i| out.push(digit(dp + i)));
    }
}

/// Go's `%v` (and `%g`) of a float64: shortest digits, with an exponent
/// below 1e-4 and from 1e6 (`fmt.Println(1e6)` prints `1e+06`, as
/// `strconv`'s shortest `%g` decides with precision 6).
pub fn go_v(f: f64) -> String {
    go_v_of(f, false)
}

/// `%v` of a float, shortest as a `float32` if `is32`.
pub fn go_v_of(f: f64, is32: bool) -> String {
    if let Some(s) = special(f) {
        return s.into();
    }
    let mut out = String::new();
    sign(&mut out, f);
    let (d, dp) = if is32 { shortest32(f as f32) } else { shortest(f) };
    let x = dp - 1;
    if !d.is_empty() && !(-4..6).contains(&x) {
        exponent(&mut out, &d, dp, None);
    } else {
        positional(&mut out, &d, dp, None);
    }
    out
}

/// The shortest digits, never with an exponent (what Rust's `{}` prints).
pub fn plain_positional(f: f64) -> String {
    if let Some(s) = special(f) {
        return s.into();
    }
    let mut out = String::new();
    sign(&mut out, f);
    let (d, dp) = shortest(f);
    positional(&mut out, &d, dp, None);
    out
}

/// Go's `%.Ng` (and `%.Nv` of a float): `prec` significant digits, with
/// an exponent when it is below -4 or not below the precision (strconv's
/// rules, trailing zeros dropped).
pub fn general(f: f64, prec: usize) -> String {
    if let Some(s) = special(f) {
        return s.into();
    }
    let prec = prec.max(1) as i32;
    let mut out = String::new();
    sign(&mut out, f);
    let (mut d, dp) = rounded(f, prec, true);
    while d.last() == Some(&b'0') {
        d.pop();
    }
    let nd = d.len() as i32;
    let eprec = if prec > nd && nd >= dp { nd } else { prec };
    let x = dp - 1;
    if x < -4 || x >= eprec {
        let p = prec.min(nd.max(1));
        exponent(&mut out, &d, dp, Some((p - 1).max(0) as usize));
    } else {
        let p = if prec > dp { nd } else { prec };
        positional(&mut out, &d, dp, Some((p - dp).max(0) as usize));
    }
    out
}

/// Go's `%.Nf`.
pub fn fixed(f: f64, prec: usize) -> String {
    if let Some(s) = special(f) {
        return s.into();
    }
    let mut out = String::new();
    sign(&mut out, f);
    let (d, dp) = rounded(f, prec as i32, false);
    positional(&mut out, &d, dp, Some(prec));
    out
}

/// Go's `%.Ne`.
pub fn sci(f: f64, prec: usize) -> String {
    if let Some(s) = special(f) {
        return s.into();
    }
    let mut out = String::new();
    sign(&mut out, f);
    let (d, dp) = rounded(f, prec as i32 + 1, true);
    exponent(&mut out, &d, dp, Some(prec));
    out
}

/// `strconv.FormatFloat` in the formats `f`, `e`, `E`, `g` and `G`; a
/// precision below 0 is the shortest that reads back. `None` for another
/// format (Go then writes `%` and the format).
pub fn strconv(f: f64, fmt: u8, prec: i64, is32: bool) -> Option<String> {
    let p = prec.max(0) as usize;
    let text = match (fmt, prec < 0) {
        (b'f', true) => plain_positional(f),
        (b'f', false) => fixed(f, p),
        (b'e' | b'E', true) => match special(f) {
            Some(s) => s.into(),
            None => {
                let mut out = String::new();
                sign(&mut out, f);
                let (d, dp) = if is32 { shortest32(f as f32) } else { shortest(f) };
                exponent(&mut out, &d, dp, None);
                out
            }
        },
        (b'e' | b'E', false) => sci(f, p),
        (b'g' | b'G', true) => go_v_of(f, is32),
        (b'g' | b'G', false) => general(f, p),
        _ => return None,
    };
    Some(if fmt.is_ascii_uppercase() {
        text.replace('e', "E")
    } else {
        text
    })
}
