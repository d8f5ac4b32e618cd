//! `fmt`'s printing: `%v` and friends, `%T`, `time.Duration`'s `String`.
//!
//! Values whose `String` or `Error` method is written in Go arrive here
//! already turned into text ([`Value::Pre`]); everything else prints itself.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use super::ops::as_f64;
use super::value::*;

/// The addresses a run prints for its pointers. A real address differs
/// between wasm32 and a 64-bit machine, and with the allocator, so the
/// same program and seed printed differently in the page and the CLI.
/// Each pointer printed gets the next of a run of Go-looking addresses
/// instead, in the order first printed. The book keeps a weak hold on
/// every printed object: the object can be freed, but its memory cannot
/// go to a later object, which would then print with its number.
#[derive(Default)]
pub struct Addresses {
    ids: HashMap<(usize, u32), (u64, Weak<dyn Any>)>,
}

thread_local! {
    /// The book of the goroutine being polled (see [`Addresses::enter`]).
    static BOOK: RefCell<Option<Rc<RefCell<Addresses>>>> = const { RefCell::new(None) };
}

/// Leaves a run's address book when dropped.
#[must_use]
pub struct InBook(Option<Rc<RefCell<Addresses>>>);

impl Drop for InBook {
    fn drop(&mut self) {
        BOOK.with(|b| *b.borrow_mut() = self.0.take());
    }
}

impl Addresses {
    /// Where Go's heap addresses start.
    const BASE: u64 = 0xc000_010000;

    /// Makes `book` the one pointers print from until the guard drops: a
    /// goroutine's poll enters its run's book, so every value printed in
    /// it (by `fmt`, a panic, a deadlock report) is numbered there.
    pub fn enter(book: &Rc<RefCell<Addresses>>) -> InBook {
        InBook(BOOK.with(|b| b.borrow_mut().replace(book.clone())))
    }

    fn of(p: &Pointer) -> u64 {
        BOOK.with(|b| {
            let Some(book) = &*b.borrow() else {
                return Self::BASE;
            };
            let mut book = book.borrow_mut();
            let next = book.ids.len() as u64;
            let id = book.ids.entry(p.ident()).or_insert_with(|| (next, p.hold())).0;
            // Go's allocator hands out 16-byte aligned blocks and up.
            Self::BASE + id * 0x20
        })
    }
}

/// The most text one value prints (a mebibyte): a slice that holds itself
/// a few times over doubles its text at every level, and 16 levels of
/// that ran for seconds and then asked for gigabytes. Past it, `...`.
const MAX_TEXT: usize = 1 << 20;

/// Asked for each value `%v` meets inside another (an element, a map key
/// or value, an exported field): its text, if a method written in Go
/// makes it. Go calls those methods for what it can reach that way.
pub type Texts<'r, 'f> = Option<&'r mut (dyn FnMut(&Value) -> Option<Rc<str>> + 'f)>;

/// `%v` of a value, without calling any method written in Go.
pub fn plain(v: &Value) -> String {
    let mut out = String::new();
    write_v(&mut out, v, false, 0, None, None);
    out
}

/// `%q` of `v`: a string quoted, a rune as a character literal, and a
/// slice element by element (`["a" "b"]`, as Go prints it).
fn quote_v(v: &Value) -> String {
    match v {
        Value::Str(s, _) | Value::Pre(s) => quote(s),
        Value::Int(c, _) => quote_rune(
            u32::try_from(*c)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\u{FFFD}'),
        ),
        Value::Slice(s) => {
            let items: Vec<String> = s.items().iter().map(quote_v).collect();
            format!("[{}]", items.join(" "))
        }
        other => quote(&plain(other)),
    }
}

pub fn with_types(types: &Types, v: &Value, plus: bool) -> String {
    with_texts(types, v, plus, None)
}

/// `%v` (or `%+v`) of `v`, with the text of what it holds from `texts`.
pub fn with_texts(types: &Types, v: &Value, plus: bool, texts: Texts<'_, '_>) -> String {
    let mut out = String::new();
    write_v(&mut out, v, plus, 0, Some(types), texts);
    out
}

/// `%v` of a float64.
pub fn float(f: f64) -> String {
    super::float::go_v(f)
}

pub fn duration(ns: i64) -> String {
    if ns == 0 {
        return "0s".into();
    }
    let neg = ns < 0;
    let u = ns.unsigned_abs();
    let mut s = if u < 1_000 {
        format!("{u}ns")
    } else if u < 1_000_000 {
        format!("{}µs", decimal(u, 1_000))
    } else if u < 1_000_000_000 {
        format!("{}ms", decimal(u, 1_000_000))
    } else {
        let total_s = u / 1_000_000_000;
        let frac = u % 1_000_000_000;
        let h = total_s / 3600;
        let m = (total_s % 3600) / 60;
        let sec = total_s % 60;
        let secs = if frac == 0 {
            format!("{sec}")
        } else {
            let f = format!("{frac:09}");
            format!("{sec}.{}", f.trim_end_matches('0'))
        };
        if h > 0 {
            format!("{h}h{m}m{secs}s")
        } else if m > 0 {
            format!("{m}m{secs}s")
        } else {
            format!("{secs}s")
        }
    };
    if neg {
        s.insert(0, '-');
    }
    s
}

/// `n / unit` in decimal, without trailing zeros (Go's `Duration` is
/// exact: no float in between).
fn decimal(n: u64, unit: u64) -> String {
    let (int, frac) = (n / unit, n % unit);
    if frac == 0 {
        return int.to_string();
    }
    let width = unit.ilog10() as usize;
    let f = format!("{frac:0width$}");
    format!("{int}.{}", f.trim_end_matches('0'))
}

fn write_v(
    out: &mut String,
    v: &Value,
    plus: bool,
    depth: u32,
    types: Option<&Types>,
    mut texts: Texts<'_, '_>,
) {
    if depth > 16 || out.len() > MAX_TEXT {
        out.push_str("...");
        return;
    }
    if depth > 0 {
        if let Some(text) = texts.as_mut().and_then(|t| t(v)) {
            out.push_str(&text);
            return;
        }
    }
    match v {
        Value::Nil => out.push_str("<nil>"),
        Value::TypedNil(_) => out.push_str("<nil>"),
        Value::Bool(b, _) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i, ty) if *ty == DURATION => out.push_str(&duration(*i)),
        Value::Int(i, ty) if *ty == super::value::MONTH || *ty == super::value::WEEKDAY => {
            out.push_str(&calendar_name(*i, *ty))
        }
        Value::Int(i, ty) if is_unsigned_ty(types, *ty) => out.push_str(&(*i as u64).to_string()),
        Value::Int(i, _) => out.push_str(&i.to_string()),
        Value::Float(f, t) => out.push_str(&super::float::go_v_of(*f, *t == super::value::FLOAT32)),
        Value::Str(s, _) | Value::Pre(s) => out.push_str(s),
        Value::Slice(_) | Value::Array(..) | Value::Map(_) => {
            let each =
                |out: &mut String, e: &Value| write_v(out, e, plus, depth + 1, types, texts.as_deref_mut());
            write_composite(out, v, "[", " ", "]", each);
        }
        Value::Struct(rc) => {
            out.push('{');
            let names: Vec<String> = match types.map(|t| t.kind(rc.ty)) {
                Some(TKind::Struct(fs)) => fs.iter().map(|f| f.name.to_string()).collect(),
                _ => Vec::new(),
            };
            for (i, f) in rc.fields.borrow().iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                if plus {
                    if let Some(n) = names.get(i) {
                        out.push_str(n);
                        out.push(':');
                    }
                }
                // An unexported field's value cannot be handed to a
                // method by fmt (reflection hides it), nor anything in it.
                let exported = names
                    .get(i)
                    .is_some_and(|n| n.starts_with(|c: char| c.is_uppercase()));
                let texts = if exported { texts.as_deref_mut() } else { None };
                write_v(out, f, plus, depth + 1, types, texts);
            }
            out.push('}');
        }
        Value::Ptr(p) => match p.load() {
            inner @ (Value::Struct(_) | Value::Slice(_) | Value::Map(_) | Value::Array(..)) if depth == 0 => {
                out.push('&');
                write_v(out, &inner, plus, depth + 1, types, texts);
            }
            _ => out.push_str(&format!("0x{:x}", Addresses::of(p))),
        },
        Value::Func(c) => out.push_str(&format!("0x{:x}", 0x47_0000 + c.func as usize * 0x20)),
        Value::Native(_) => out.push_str("0x46a0e0"),
        Value::Chan(_) => out.push_str("0xc000020060"),
        Value::Error(e) => out.push_str(&e.msg),
        Value::Obj(o) => match &**o {
            NativeObj::WaitGroup(_) => out.push_str("{{} [0 0 0]}"),
            NativeObj::Mutex(_) => out.push_str("{0 0}"),
            NativeObj::Context(..) => out.push_str("context.Background.WithCancel"),
            NativeObj::Ticker(..) | NativeObj::Timer(..) => out.push_str("&{0xc000020060}"),
        },
        Value::Time(t) => out.push_str(&super::civil::string(*t)),
        Value::Iter(_) | Value::Cell(_) => out.push('?'),
    }
}

/// Writes `items` between `open` and `close`, `sep` between each two, each
/// by `each`: the one loop of `%v`, `%d` and `%#v` for what a value holds.
fn write_items<'v>(
    out: &mut String,
    items: impl IntoIterator<Item = &'v Value>,
    open: &str,
    sep: &str,
    close: &str,
    mut each: impl FnMut(&mut String, &Value),
) {
    out.push_str(open);
    for (i, e) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        each(out, e);
    }
    out.push_str(close);
}

/// Writes a slice's or array's elements, or a map's `key:value` entries in
/// key order (after `map` for `%v` and `%d`), by [`write_items`].
fn write_composite(
    out: &mut String,
    v: &Value,
    open: &str,
    sep: &str,
    close: &str,
    mut each: impl FnMut(&mut String, &Value),
) {
    match v {
        Value::Slice(s) => write_items(out, s.items().iter(), open, sep, close, each),
        Value::Array(a, _) => write_items(out, a.borrow().iter(), open, sep, close, each),
        Value::Map(m) => {
            if open == "[" {
                out.push_str("map");
            }
            out.push_str(open);
            if let Some(o) = &m.obj {
                for (i, (_, (k, v))) in o.borrow().iter().enumerate() {
                    if i > 0 {
                        out.push_str(sep);
                    }
                    each(out, k);
                    out.push(':');
                    each(out, v);
                }
            }
            out.push_str(close);
        }
        _ => {}
    }
}

/// `%d`: integers in decimal, and a slice, array, map or struct element
/// by element, as Go applies a verb to what a value holds.
fn decimal_v(out: &mut String, types: &Types, v: &Value, plus: bool, depth: u32) {
    let each = |out: &mut String, e: &Value| decimal_v(out, types, e, plus, depth + 1);
    match v {
        _ if depth > 16 || out.len() > MAX_TEXT => out.push_str("..."),
        Value::Int(i, t) if is_unsigned_ty(Some(types), *t) => out.push_str(&(*i as u64).to_string()),
        Value::Int(i, _) if plus && *i >= 0 => out.push_str(&format!("+{i}")),
        Value::Int(i, _) => out.push_str(&i.to_string()),
        Value::Slice(_) | Value::Array(..) | Value::Map(_) => write_composite(out, v, "[", " ", "]", each),
        Value::Struct(rc) => write_items(out, rc.fields.borrow().iter(), "{", " ", "}", each),
        Value::Ptr(p) if depth == 0 && matches!(p.load(), Value::Struct(_)) => {
            out.push('&');
            decimal_v(out, types, &p.load(), plus, depth + 1);
        }
        other => out.push_str(&bad_verb(types, 'd', other, None, false, false)),
    }
}

/// `%#v`: a value as Go source writes it, `main.T{A:1, B:"x"}`.
fn go_syntax(out: &mut String, types: &Types, v: &Value, depth: u32) {
    let each = |out: &mut String, e: &Value| go_syntax(out, types, e, depth + 1);
    match v {
        _ if depth > 16 || out.len() > MAX_TEXT => out.push_str("..."),
        Value::Str(s, _) | Value::Pre(s) => out.push_str(&quote(s)),
        Value::Int(i, t) if is_unsigned_ty(Some(types), *t) => out.push_str(&format!("0x{:x}", *i as u64)),
        // A `time.Duration` has no `GoString`: its nanoseconds.
        Value::Int(i, _) => out.push_str(&i.to_string()),
        Value::TypedNil(t) => out.push_str(&format!("({})(nil)", types.name(*t))),
        Value::Slice(s) if s.nil => out.push_str(&format!("{}(nil)", types.name(s.ty))),
        Value::Map(m) if m.obj.is_none() => out.push_str(&format!("{}(nil)", types.name(m.ty))),
        Value::Slice(_) | Value::Array(..) | Value::Map(_) => {
            out.push_str(&type_name(types, v));
            write_composite(out, v, "{", ", ", "}", each);
        }
        Value::Struct(rc) => {
            let names: Vec<super::ir::Name> = match types.kind(rc.ty) {
                TKind::Struct(fs) => fs.iter().map(|f| f.name.clone()).collect(),
                _ => Vec::new(),
            };
            out.push_str(types.name(rc.ty));
            out.push('{');
            for (i, f) in rc.fields.borrow().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if let Some(n) = names.get(i) {
                    out.push_str(n);
                    out.push(':');
                }
                go_syntax(out, types, f, depth + 1);
            }
            out.push('}');
        }
        Value::Ptr(p) if depth == 0 && matches!(p.load(), Value::Struct(_)) => {
            out.push('&');
            go_syntax(out, types, &p.load(), depth + 1);
        }
        Value::Ptr(_) => out.push_str(&format!("({})({})", type_name(types, v), plain(v))),
        other => write_v(out, other, true, depth, Some(types), None),
    }
}

/// `v` in `base` (2 to 36), as Go writes integers: a sign and the
/// magnitude, or the 64 bits of an unsigned value.
pub fn int_in_base(v: i64, base: u32, unsigned: bool) -> String {
    let (neg, mut n) = if unsigned {
        (false, v as u64)
    } else {
        (v < 0, v.unsigned_abs())
    };
    let base = u64::from(base.clamp(2, 36));
    let mut digits = Vec::new();
    loop {
        digits.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % base) as usize]);
        n /= base;
        if n == 0 {
            break;
        }
    }
    if neg {
        digits.push(b'-');
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// Whether an integer of type `ty` prints unsigned. Without the program's
/// types (a trace's text), only the predeclared unsigned types are known.
fn is_unsigned_ty(types: Option<&Types>, ty: Ty) -> bool {
    match types {
        Some(types) => super::ops::is_unsigned(types, ty),
        None => matches!(ty, UINT8 | UINT | UINT16 | UINT32 | UINT64),
    }
}

/// `%T`.
pub fn type_name(types: &Types, v: &Value) -> String {
    match v {
        Value::Nil => "<nil>".into(),
        Value::TypedNil(t) => types.name(*t).into(),
        Value::Bool(_, t) => types.name(*t).into(),
        Value::Int(_, t) | Value::Float(_, t) => types.name(*t).into(),
        Value::Str(_, t) => types.name(*t).into(),
        Value::Pre(_) => "string".into(),
        Value::Slice(s) => types.name(s.ty).into(),
        Value::Array(_, t) => types.name(*t).into(),
        Value::Map(m) => types.name(m.ty).into(),
        Value::Struct(rc) => types.name(rc.ty).into(),
        Value::Ptr(p) => format!("*{}", type_name(types, &p.load())),
        Value::Func(c) => types.name(c.ty).into(),
        Value::Native(_) => "func()".into(),
        Value::Chan(ChanV::Chan(_, t)) => format!("chan {}", types.name(*t)),
        Value::Chan(ChanV::Done(_)) => "<-chan struct {}".into(),
        Value::Error(e) => e.ty.into(),
        Value::Obj(o) => match &**o {
            NativeObj::WaitGroup(_) => "sync.WaitGroup".into(),
            NativeObj::Mutex(_) => "sync.Mutex".into(),
            NativeObj::Context(..) => "*context.cancelCtx".into(),
            NativeObj::Ticker(..) => "*time.Ticker".into(),
            NativeObj::Timer(..) => "*time.Timer".into(),
        },
        Value::Time(_) => "time.Time".into(),
        Value::Iter(_) | Value::Cell(_) => "?".into(),
    }
}

fn pad(s: String, width: Option<usize>, left: bool, zero: bool) -> String {
    let Some(w) = width else { return s };
    let n = s.chars().count();
    if n >= w {
        return s;
    }
    let fill = w - n;
    if left {
        format!("{s}{}", " ".repeat(fill))
    } else if zero {
        // A sign (`-`, or `+` and ` ` from those flags) goes before the
        // zeros.
        let (sign, digits) = match s.chars().next() {
            Some(c @ ('-' | '+' | ' ')) => (c.to_string(), s[1..].to_string()),
            _ => (String::new(), s.clone()),
        };
        format!("{sign}{}{digits}", "0".repeat(fill))
    } else {
        format!("{}{s}", " ".repeat(fill))
    }
}

/// The bytes of a `[]byte` (a slice of `uint8` or of a type over it).
fn byte_slice(types: &Types, v: &Value) -> Option<Vec<u8>> {
    let Value::Slice(s) = v else { return None };
    let TKind::Slice(elem) = types.kind(s.ty) else {
        return None;
    };
    if !matches!(types.kind(*elem), TKind::Int(8, false)) {
        return None;
    }
    Some(s.items().iter().map(|b| as_f64(b) as u8).collect())
}

/// `%+q`: a quoted text with every non-ASCII character escaped.
fn ascii_only(quoted: &str) -> String {
    let mut out = String::with_capacity(quoted.len());
    for c in quoted.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

/// Go's text for a verb that does not fit its operand: `%!t(int=1)`.
/// A verb that does not fit its operand: Go prints the operand with %v
/// inside `%!d(string=...)`, padded there to the directive's width.
fn bad_verb(types: &Types, verb: char, v: &Value, width: Option<usize>, minus: bool, zero: bool) -> String {
    if matches!(v, Value::Nil) {
        return format!("%!{verb}(<nil>)");
    }
    format!(
        "%!{verb}({}={})",
        type_name(types, v),
        pad(plain(v), width, minus, zero && !minus)
    )
}

/// Go's `strconv.QuoteRune`: `'a'`, `'\n'`, `'\''`.
pub fn quote_rune(c: char) -> String {
    match c {
        '\'' => "'\\''".into(),
        '"' => "'\"'".into(),
        c => {
            let q = quote(&c.to_string());
            format!("'{}'", &q[1..q.len() - 1])
        }
    }
}

/// Go's `strconv.Quote` for what we print.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Where a directive's width or precision comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Count {
    /// Written in the format (`%5d`).
    Fixed(usize),
    /// Taken from this operand (`%*d`), which may be past the last.
    Arg(usize),
}

/// The operand index that stands for Go's `BADINDEX` (`%[9]d` of two).
const BAD_INDEX: usize = usize::MAX;

/// One `%` directive of a `Printf` format.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Spec {
    minus: bool,
    zero: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    width: Option<Count>,
    prec: Option<Count>,
    /// The operand the verb prints: may be past the last (`MISSING`), or
    /// [`BAD_INDEX`].
    operand: usize,
    /// `None`: the format ended before its verb (`NOVERB`).
    verb: Option<char>,
}

/// A piece of a `Printf` format: text to copy, `%%`, or a directive.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece<'f> {
    Text(&'f str),
    Percent,
    Spec(Spec),
}

/// Splits a `Printf` format into its pieces, numbering the operands each
/// directive takes as Go's fmt does: `%[n]` (before a `*`, a precision or
/// the verb) chooses the next operand, counted from one, and each `*` and
/// each verb takes one. Also whether any `%[n]` was written, since Go then
/// reports no unused operands, and how many operands the directives took
/// (the rest are Go's `EXTRA`). `fmt.Sprintf` prints by it, and the
/// interpreter asks it which operands print through `String` or `Error`,
/// so the two can never count differently.
fn scan(f: &str, nargs: usize) -> (Vec<Piece<'_>>, bool, usize) {
    // Each step reads from the front of `rest`, so a format of any length
    // is scanned in one pass (it runs inside one instruction, which no
    // preemption can interrupt).
    fn peek(rest: &str) -> Option<char> {
        rest.chars().next()
    }
    fn bump(rest: &mut &str) -> Option<char> {
        let c = peek(rest)?;
        *rest = &rest[c.len_utf8()..];
        Some(c)
    }
    let mut pieces = Vec::new();
    let mut next = 0usize;
    let mut reordered = false;
    let mut rest = f;
    while !rest.is_empty() {
        let Some(at) = rest.find('%') else {
            pieces.push(Piece::Text(rest));
            break;
        };
        if at > 0 {
            pieces.push(Piece::Text(&rest[..at]));
        }
        rest = &rest[at + 1..];
        let mut spec = Spec::default();
        while let Some(fl) = peek(rest) {
            match fl {
                '-' => spec.minus = true,
                '0' => spec.zero = true,
                '+' => spec.plus = true,
                '#' => spec.sharp = true,
                ' ' => spec.space = true,
                _ => break,
            }
            bump(&mut rest);
        }
        // `%[2]d`: the operand to use next. As in Go, a bad one (`%[0]d`,
        // `%[x]d`, past the last operand, or unclosed) leaves the next
        // operand as it was and makes the verb print `BADINDEX`; an
        // unclosed `[` is skipped alone.
        let mut bad = false;
        let mut index = |rest: &mut &str, next: &mut usize| {
            let Some(body) = rest.strip_prefix('[') else {
                return;
            };
            reordered = true;
            let Some(end) = body.find(']') else {
                bad = true;
                *rest = body;
                return;
            };
            let inside = &body[..end];
            *rest = &body[end + 1..];
            let n = inside
                .bytes()
                .try_fold(0usize, |n, b| {
                    b.is_ascii_digit()
                        .then(|| n.saturating_mul(10).saturating_add(usize::from(b - b'0')))
                })
                .filter(|_| !inside.is_empty());
            match n {
                Some(n) if (1..=nargs).contains(&n) => *next = n - 1,
                _ => bad = true,
            }
        };
        // A width or precision: `*` takes an operand; digits saturate, as
        // the format is the reader's and usize is 32 bits on wasm32.
        let count = |rest: &mut &str, next: &mut usize| {
            if let Some(after) = rest.strip_prefix('*') {
                *rest = after;
                let at = *next;
                *next = next.saturating_add(1);
                return Some(Count::Arg(at));
            }
            let mut n = None;
            while let Some(d) = peek(rest).and_then(|c| c.to_digit(10)) {
                n = Some(n.unwrap_or(0usize).saturating_mul(10).saturating_add(d as usize));
                bump(rest);
            }
            n.map(Count::Fixed)
        };
        index(&mut rest, &mut next);
        spec.width = count(&mut rest, &mut next);
        if let Some(after) = rest.strip_prefix('.') {
            rest = after;
            index(&mut rest, &mut next);
            spec.prec = Some(count(&mut rest, &mut next).unwrap_or(Count::Fixed(0)));
        }
        index(&mut rest, &mut next);
        spec.verb = bump(&mut rest);
        if spec.verb == Some('%') {
            pieces.push(Piece::Percent);
            continue;
        }
        spec.operand = if bad { BAD_INDEX } else { next };
        if spec.verb.is_some() && !bad {
            next = next.saturating_add(1);
        }
        pieces.push(Piece::Spec(spec));
    }
    (pieces, reordered, next)
}

/// Go applies a verb, with its flags, width and precision, to each element
/// of a slice, array or map and to each field of a struct, not to the
/// whole: `%3d` of `[]int{1, 2}` is `[  1   2]`, `%6.2f` of a slice of
/// floats pads each. `None` where the whole-value printing below already
/// does what Go does: no width or precision, and a verb it spreads itself.
fn per_element(
    types: &Types,
    spec: &Spec,
    minus: bool,
    width: Option<usize>,
    prec: Option<usize>,
    verb: char,
    arg: &Value,
) -> Option<String> {
    // A pointer to a struct, at the top, prints as `&` and its fields.
    if let Value::Ptr(Pointer::Struct(rc)) = arg {
        if !(matches!(verb, 'T' | 'p') || (verb == 'v' && spec.sharp)) {
            let inner = Value::Struct(rc.clone());
            return per_element(types, spec, minus, width, prec, verb, &inner).map(|s| format!("&{s}"));
        }
    }
    let is_struct = matches!(arg, Value::Struct(_));
    if !(is_struct || matches!(arg, Value::Slice(_) | Value::Array(..) | Value::Map(_)))
        || matches!(verb, 'T' | 'p')
        || (verb == 'v' && spec.sharp)
        // Bytes print whole with these, as text or hex.
        || (matches!(verb, 's' | 'q' | 'x' | 'X') && byte_slice(types, arg).is_some())
    {
        return None;
    }
    // `%s` and `%q` go to each element too: `%s` of `[]int{1}` is
    // `[%!s(int=1)]`, as Go prints it.
    let spread_below = !matches!(verb, 'f' | 'F' | 'e' | 'E' | 'g' | 'G' | 'x' | 'X' | 's' | 'q');
    if width.is_none() && prec.is_none() && spread_below {
        return None;
    }
    // The one directive, flags resolved, applied to each element.
    let mut one = String::from("%");
    for (on, flag) in [
        (minus, '-'),
        (spec.plus, '+'),
        (spec.sharp, '#'),
        (spec.space, ' '),
        (spec.zero, '0'),
    ] {
        if on {
            one.push(flag);
        }
    }
    if let Some(w) = width {
        one.push_str(&w.to_string());
    }
    if let Some(p) = prec {
        one.push('.');
        one.push_str(&p.to_string());
    }
    one.push(verb);
    // A nil element is `<nil>` whatever the verb, and a pointer below the
    // top is its address, each padded to the width.
    let each = |out: &mut String, v: &Value| match v {
        Value::Nil => out.push_str(&pad("<nil>".into(), width, minus, false)),
        Value::Ptr(p) => out.push_str(&pad(format!("0x{:x}", Addresses::of(p)), width, minus, false)),
        v => out.push_str(&sprintf(types, &one, std::slice::from_ref(v))),
    };
    let mut out = String::new();
    match arg {
        Value::Struct(rc) => {
            let names: Vec<super::ir::Name> = match types.kind(rc.ty) {
                TKind::Struct(fs) => fs.iter().map(|f| f.name.clone()).collect(),
                _ => Vec::new(),
            };
            out.push('{');
            for (i, v) in rc.fields.borrow().iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                if let (true, Some(name)) = (spec.plus && verb == 'v', names.get(i)) {
                    out.push_str(name);
                    out.push(':');
                }
                each(&mut out, v);
            }
            out.push('}');
        }
        _ => write_composite(&mut out, arg, "[", " ", "]", each),
    }
    Some(out)
}

/// `fmt.Sprintf`.
pub fn sprintf(types: &Types, f: &str, args: &[Value]) -> String {
    let mut out = String::new();
    let (pieces, reordered, taken) = scan(f, args.len());
    for piece in pieces {
        let spec = match piece {
            Piece::Text(t) => {
                out.push_str(t);
                continue;
            }
            Piece::Percent => {
                out.push('%');
                continue;
            }
            Piece::Spec(spec) => spec,
        };
        let Spec {
            mut minus,
            mut zero,
            plus,
            sharp,
            space,
            ..
        } = spec;
        // A `*` operand: an int within a million, else Go's `BADWIDTH` or
        // `BADPREC`; a negative width pads on the right, a negative
        // precision is bad.
        let mut operand = |c: Option<Count>, bad: &str, width: bool| match c? {
            Count::Fixed(n) => Some(n),
            Count::Arg(i) => match args.get(i) {
                Some(Value::Int(n, _)) if n.unsigned_abs() <= 1_000_000 && (width || *n >= 0) => {
                    minus |= *n < 0;
                    Some(usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX))
                }
                _ => {
                    out.push_str(bad);
                    None
                }
            },
        };
        let width = operand(spec.width, "%!(BADWIDTH)", true).map(|w| w.min(1000));
        let prec = operand(spec.prec, "%!(BADPREC)", false).map(|p| p.min(100));
        let Some(verb) = spec.verb else {
            out.push_str("%!(NOVERB)");
            break;
        };
        let Some(arg) = args.get(spec.operand) else {
            let why = if spec.operand == BAD_INDEX {
                "BADINDEX"
            } else {
                "MISSING"
            };
            out.push_str(&format!("%!{verb}({why})"));
            continue;
        };
        if let Some(each) = per_element(types, &spec, minus, width, prec, verb, arg) {
            out.push_str(&each);
            continue;
        }
        // A bad verb's text is padded inside, not as a whole.
        let is_bad = std::cell::Cell::new(false);
        let (bad_width, bad_zero) = (width, zero);
        let bad = |verb: char, v: &Value| {
            is_bad.set(true);
            bad_verb(types, verb, v, bad_width, minus, bad_zero)
        };
        let bytes = byte_slice(types, arg);
        let s = match verb {
            's' | 'q' | 'x' | 'X' if bytes.is_some() => {
                let text = String::from_utf8_lossy(bytes.as_deref().unwrap_or_default()).into_owned();
                let hex = |sep: &str| -> String {
                    let b = bytes.as_deref().unwrap_or_default();
                    b.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(sep)
                };
                // `%#x` puts 0x before the bytes, or before each with `% #x`.
                let sep = if space { " " } else { "" };
                let hex = match (sharp, space) {
                    (true, true) => {
                        let b = bytes.as_deref().unwrap_or_default();
                        b.iter()
                            .map(|b| format!("0x{b:02x}"))
                            .collect::<Vec<_>>()
                            .join(" ")
                    }
                    (true, false) if !text.is_empty() => format!("0x{}", hex(sep)),
                    _ => hex(sep),
                };
                match verb {
                    's' => text,
                    'q' => quote(&text),
                    'x' => hex,
                    _ => hex.to_ascii_uppercase(),
                }
            }
            // `%.3v` of a float is `%.3g`.
            'v' if prec.is_some() && matches!(arg, Value::Float(..)) => {
                super::float::general(as_f64(arg), prec.unwrap_or(6))
            }
            'v' if sharp => {
                let mut out = String::new();
                go_syntax(&mut out, types, arg, 0);
                out
            }
            'v' => with_types(types, arg, plus),
            // A precision on an integer is its least number of digits
            // (`%.3d` of 7 is 007), and then `0` pads no more.
            'd' if !matches!(
                arg,
                Value::Int(..)
                    | Value::Slice(_)
                    | Value::Array(..)
                    | Value::Map(_)
                    | Value::Struct(_)
                    | Value::Ptr(_)
                    | Value::TypedNil(_)
            ) =>
            {
                bad('d', arg)
            }
            'd' if prec.is_some() && matches!(arg, Value::Int(..)) => {
                zero = false;
                let mut out = String::new();
                decimal_v(&mut out, types, arg, plus, 0);
                let p = prec.unwrap_or(0);
                let (sign, digits) = match out.chars().next() {
                    Some(c @ ('-' | '+')) => (c.to_string(), out[1..].to_string()),
                    _ => (String::new(), out.clone()),
                };
                format!("{sign}{digits:0>p$}")
            }
            'd' => {
                let mut out = String::new();
                decimal_v(&mut out, types, arg, plus, 0);
                out
            }
            's' => match arg {
                Value::Str(_, _) | Value::Pre(_) | Value::Error(_) | Value::Slice(_) => {
                    with_types(types, arg, false)
                }
                Value::Int(_, DURATION | super::value::MONTH | super::value::WEEKDAY) => plain(arg),
                other => bad('s', other),
            },
            // A precision cuts the text to that many characters first, and
            // `%#q` backquotes what it can.
            'q' if matches!(arg, Value::Str(..) | Value::Pre(_)) => {
                let text = plain(arg);
                let text: String = match prec {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                let raw = !text
                    .chars()
                    .any(|c| c == '`' || c == '\u{feff}' || (c.is_control() && c != '\t'));
                if sharp && raw {
                    format!("`{text}`")
                } else if plus {
                    ascii_only(&quote(&text))
                } else {
                    quote(&text)
                }
            }
            'q' if plus => ascii_only(&quote_v(arg)),
            'q' => quote_v(arg),
            'U' => match arg {
                Value::Int(c, _) => {
                    let code = format!("U+{:04X}", *c as u32);
                    match char::from_u32(*c as u32) {
                        Some(ch) if sharp => format!("{code} '{ch}'"),
                        _ => code,
                    }
                }
                other => bad('U', other),
            },
            'T' => type_name(types, arg),
            't' => match arg {
                Value::Bool(_, _) => plain(arg),
                other => bad('t', other),
            },
            'c' => match arg {
                Value::Int(c, _) => u32::try_from(*c)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}')
                    .to_string(),
                other => bad('c', other),
            },
            'x' | 'X' => {
                let s = match arg {
                    Value::Int(i, t) => int_in_base(*i, 16, is_unsigned_ty(Some(types), *t)),
                    Value::Str(s, _) | Value::Pre(s) => {
                        let sep = if space { " " } else { "" };
                        s.bytes()
                            .map(|b| format!("{b:02x}"))
                            .collect::<Vec<_>>()
                            .join(sep)
                    }
                    Value::Float(f, _) => super::float::plain_positional(*f),
                    // An error is its text, as Go formats it.
                    Value::Error(e) => {
                        let sep = if space { " " } else { "" };
                        e.msg
                            .bytes()
                            .map(|b| format!("{b:02x}"))
                            .collect::<Vec<_>>()
                            .join(sep)
                    }
                    other => plain(other),
                };
                let s = match (sharp, s.strip_prefix('-')) {
                    (true, Some(digits)) => format!("-0x{digits}"),
                    (true, None) => format!("0x{s}"),
                    _ => s,
                };
                if verb == 'X' {
                    s.to_ascii_uppercase()
                } else {
                    s
                }
            }
            'b' | 'o' | 'O' => match arg {
                Value::Int(i, t) => {
                    let digits = int_in_base(
                        *i,
                        if verb == 'b' { 2 } else { 8 },
                        is_unsigned_ty(Some(types), *t),
                    );
                    match (sharp, verb, digits.strip_prefix('-')) {
                        (_, 'O', Some(d)) => format!("-0o{d}"),
                        (_, 'O', None) => format!("0o{digits}"),
                        (false, ..) => digits,
                        (true, 'b', Some(d)) => format!("-0b{d}"),
                        (true, 'b', None) => format!("0b{digits}"),
                        (true, _, Some(d)) => format!("-0{d}"),
                        (true, _, None) => format!("0{digits}"),
                    }
                }
                other => bad(verb, other),
            },
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' if !matches!(arg, Value::Float(..)) => bad(verb, arg),
            'f' | 'F' => super::float::fixed(as_f64(arg), prec.unwrap_or(6)),
            'e' => super::float::sci(as_f64(arg), prec.unwrap_or(6)),
            'E' => super::float::sci(as_f64(arg), prec.unwrap_or(6)).to_ascii_uppercase(),
            'g' | 'G' => {
                let s = match prec {
                    Some(p) => super::float::general(as_f64(arg), p),
                    None => super::float::go_v_of(as_f64(arg), matches!(arg, Value::Float(_, FLOAT32))),
                };
                if verb == 'G' {
                    s.to_ascii_uppercase()
                } else {
                    s
                }
            }
            'p' => match arg {
                Value::Ptr(p) => format!("0x{:x}", Addresses::of(p)),
                Value::TypedNil(_) => "0x0".into(),
                other => bad('p', other),
            },
            other => bad(other, arg),
        };
        let s = match (verb, prec) {
            ('s' | 'v', Some(p)) if !matches!(arg, Value::Float(..)) => s.chars().take(p).collect(),
            _ => s,
        };
        // `+` and ` ` put a sign before a number that has none (`%+d` and
        // `%+v` place their own).
        let numeric = matches!(arg, Value::Int(..) | Value::Float(..));
        let s = match verb {
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' | 'd' if numeric && !s.starts_with(['-', '+']) => {
                if plus {
                    format!("+{s}")
                } else if space {
                    format!(" {s}")
                } else {
                    s
                }
            }
            _ => s,
        };
        if is_bad.get() {
            out.push_str(&s);
            continue;
        }
        out.push_str(&pad(s, width, minus, zero && !minus));
    }
    if taken < args.len() && !reordered {
        out.push_str("%!(EXTRA ");
        let extra: Vec<String> = args[taken..]
            .iter()
            .map(|a| format!("{}={}", type_name(types, a), with_types(types, a, false)))
            .collect();
        out.push_str(&extra.join(", "));
        out.push(')');
    }
    out
}

/// The verb of each argument of a `Printf` format with `nargs`
/// operands, in order.
pub fn verbs(f: &str, nargs: usize) -> Vec<char> {
    verb_flags(f, nargs).into_iter().map(|(v, _, _)| v).collect()
}

/// The verb of each argument of a `Printf` format with `nargs` operands,
/// in order, and whether its flags hold `+` and `#` (`*` for an operand
/// that is a width or precision).
pub fn verb_flags(f: &str, nargs: usize) -> Vec<(char, bool, bool)> {
    let (pieces, reordered, _) = scan(f, nargs);
    // An operand no directive takes is printed with %v in Go's `EXTRA`,
    // which calls its String method; after a `%[n]` Go prints none of
    // them, and calls nothing (`\0`).
    let unused = if reordered { '\0' } else { 'v' };
    let mut out: Vec<(char, bool, bool)> = vec![(unused, false, false); nargs];
    let mut put = |at: usize, v: (char, bool, bool)| {
        if let Some(slot) = out.get_mut(at) {
            *slot = v;
        }
    };
    for piece in pieces {
        let Piece::Spec(spec) = piece else { continue };
        for count in [spec.width, spec.prec] {
            if let Some(Count::Arg(at)) = count {
                put(at, ('*', false, false));
            }
        }
        if let Some(verb) = spec.verb {
            put(spec.operand, (verb, spec.plus, spec.sharp));
        }
    }
    out
}

/// `fmt.Sprint`: spaces between operands when neither is a string.
pub fn sprint(types: &Types, args: &[Value]) -> String {
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        let is_str = |v: &Value| matches!(v, Value::Str(_, _));
        if i > 0 && !is_str(a) && !is_str(&args[i - 1]) {
            out.push(' ');
        }
        out.push_str(&with_types(types, a, false));
    }
    out
}

/// `fmt.Sprintln` without the newline.
pub fn sprintln(types: &Types, args: &[Value]) -> String {
    args.iter()
        .map(|a| with_types(types, a, false))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What `print` and `println` write, as Go's runtime prints it: floats in
/// its fixed exponent form, and spaces between operands and a newline only
/// from `println`.
pub fn runtime_print(vals: &[Value], line: bool) -> String {
    let parts: Vec<String> = vals
        .iter()
        .map(|v| match v {
            Value::Float(f, _) => print_float(*f),
            // A nil pointer, channel, map or func is its address; a nil
            // interface its type's and its value's.
            Value::TypedNil(_) | Value::Map(MapV { obj: None, .. }) => "0x0".into(),
            Value::Nil => "(0x0,0x0)".into(),
            v => plain(v),
        })
        .collect();
    if line {
        format!("{}\n", parts.join(" "))
    } else {
        parts.concat()
    }
}

/// A float as Go's runtime prints it (`println(1.5)` is `+1.500000e+000`):
/// seven digits and a signed three-digit exponent, by Go's own loop
/// (`runtime.printfloat`), which scales by tens and rounds by adding half
/// of the last digit, so its last digit is not always the nearest.
fn print_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+Inf" } else { "-Inf" }.into();
    }
    const N: usize = 7;
    let mut sign = '+';
    let mut v = f;
    let mut e: i32 = 0;
    if v == 0.0 {
        if f.is_sign_negative() {
            sign = '-';
        }
    } else {
        if v < 0.0 {
            v = -v;
            sign = '-';
        }
        while v >= 10.0 {
            e += 1;
            v /= 10.0;
        }
        while v < 1.0 {
            e -= 1;
            v *= 10.0;
        }
        let mut h = 5.0;
        for _ in 0..N {
            h /= 10.0;
        }
        v += h;
        if v >= 10.0 {
            e += 1;
            v /= 10.0;
        }
    }
    let mut digits = String::with_capacity(N + 1);
    for i in 0..N {
        let d = v as u8;
        digits.push(char::from(b'0' + d.min(9)));
        if i == 0 {
            digits.push('.');
        }
        v -= f64::from(d);
        v *= 10.0;
    }
    let exp_sign = if e < 0 { '-' } else { '+' };
    format!("{sign}{digits}e{exp_sign}{:03}", e.abs())
}

/// A `time.Month` or `time.Weekday` as Go prints it: its name, or
/// `%!Month(13)` past the last.
fn calendar_name(i: i64, ty: super::value::Ty) -> String {
    let (names, first, what): (&[&str], i64, &str) = if ty == super::value::MONTH {
        (&super::civil::MONTHS, 1, "Month")
    } else {
        (&super::civil::DAYS, 0, "Weekday")
    };
    match usize::try_from(i - first).ok().and_then(|k| names.get(k)) {
        Some(name) => name.to_string(),
        None => format!("%!{what}({i})"),
    }
}
