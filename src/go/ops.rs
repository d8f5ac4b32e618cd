//! Operators, conversions, indexing and iteration on [`Value`]s, with Go's
//! runtime errors.

use std::cell::RefCell;
use std::rc::Rc;

use super::host;
use super::ir::Op;
use super::value::*;
use super::vm::{nil_deref, panic_str, runtime_error, zero_value, Res, Shared};

pub fn as_int(v: &Value) -> i64 {
    match v {
        Value::Int(i, _) => *i,
        Value::Float(f, _) => *f as i64,
        _ => 0,
    }
}

fn wrap(types: &Types, v: i64, ty: Ty) -> i64 {
    match types.kind(ty) {
        TKind::Int(bits, signed) if *bits < 64 => {
            let shift = 64 - *bits as u32;
            if *signed {
                (v << shift) >> shift
            } else {
                ((v as u64) << shift >> shift) as i64
            }
        }
        _ => v,
    }
}

pub fn is_unsigned(types: &Types, ty: Ty) -> bool {
    matches!(types.kind(ty), TKind::Int(_, false))
}

pub fn binary(types: &Types, op: Op, a: Value, b: Value) -> Res<Value> {
    use Value::*;
    Ok(match (op, &a, &b) {
        (Op::Eq, _, _) => Value::bool(equal(&a, &b)?),
        (Op::Ne, _, _) => Value::bool(!equal(&a, &b)?),
        // `1.0 << 3`: Go shifts an untyped float constant that is a whole
        // number as the untyped int it equals, and the result is an int.
        (Op::Shl | Op::Shr, Float(x, _), Int(..)) if x.fract() == 0.0 => {
            return binary(types, op, Int(*x as i64, INT), b);
        }
        (_, Int(x, tx), Int(y, ty)) => {
            let t = if *tx != INT { *tx } else { *ty };
            let (x, y) = (*x, *y);
            let uns = is_unsigned(types, t);
            match op {
                Op::Add => Int(wrap(types, x.wrapping_add(y), t), t),
                Op::Sub => Int(wrap(types, x.wrapping_sub(y), t), t),
                Op::Mul => Int(wrap(types, x.wrapping_mul(y), t), t),
                Op::Div | Op::Rem => {
                    if y == 0 {
                        return Err(runtime_error("integer divide by zero"));
                    }
                    let r = if uns {
                        let (x, y) = (x as u64, y as u64);
                        (if op == Op::Div { x / y } else { x % y }) as i64
                    } else if op == Op::Div {
                        x.wrapping_div(y)
                    } else {
                        x.wrapping_rem(y)
                    };
                    Int(wrap(types, r, t), t)
                }
                Op::And => Int(x & y, t),
                Op::Or => Int(x | y, t),
                Op::Xor => Int(wrap(types, x ^ y, t), t),
                Op::AndNot => Int(x & !y, t),
                Op::Shl | Op::Shr => {
                    if y < 0 {
                        return Err(runtime_error("negative shift amount"));
                    }
                    let t = *tx;
                    let r = if y >= 64 {
                        if op == Op::Shr && x < 0 && !uns {
                            -1
                        } else {
                            0
                        }
                    } else if op == Op::Shl {
                        x.wrapping_shl(y as u32)
                    } else if is_unsigned(types, t) {
                        ((x as u64) >> y) as i64
                    } else {
                        x >> y
                    };
                    Int(wrap(types, r, t), t)
                }
                Op::Lt => Value::bool(if uns { (x as u64) < (y as u64) } else { x < y }),
                Op::Le => Value::bool(if uns { (x as u64) <= (y as u64) } else { x <= y }),
                Op::Gt => Value::bool(if uns { (x as u64) > (y as u64) } else { x > y }),
                Op::Ge => Value::bool(if uns { (x as u64) >= (y as u64) } else { x >= y }),
                _ => return Err(panic_str("invalid operation")),
            }
        }
        (_, Int(..) | Float(..), Int(..) | Float(..)) => {
            let t = match (&a, &b) {
                (Float(_, t), _) | (_, Float(_, t)) => *t,
                _ => FLOAT64,
            };
            let (x, y) = (as_f64(&a), as_f64(&b));
            match op {
                Op::Add => Float(x + y, t),
                Op::Sub => Float(x - y, t),
                Op::Mul => Float(x * y, t),
                Op::Div => Float(x / y, t),
                Op::Lt => Value::bool(x < y),
                Op::Le => Value::bool(x <= y),
                Op::Gt => Value::bool(x > y),
                Op::Ge => Value::bool(x >= y),
                _ => return Err(panic_str("invalid operation on floats")),
            }
        }
        (_, Str(x, tx), Str(y, ty)) => match op {
            // A named string type wins over an untyped constant's `string`.
            Op::Add => {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                Str(Rc::from(s), if *tx != STRING { *tx } else { *ty })
            }
            Op::Lt => Value::bool(x < y),
            Op::Le => Value::bool(x <= y),
            Op::Gt => Value::bool(x > y),
            Op::Ge => Value::bool(x >= y),
            _ => return Err(panic_str("invalid operation on strings")),
        },
        (_, Time(x), Int(y, _)) if op == Op::Add => Time(x + y),
        (_, Time(x), Time(y)) => match op {
            Op::Lt => Value::bool(x < y),
            Op::Gt => Value::bool(x > y),
            _ => return Err(panic_str("invalid operation on times")),
        },
        _ => {
            return Err(panic_str(format!(
                "invalid operation: {op:?} on mismatched values"
            )))
        }
    })
}

pub fn as_f64(v: &Value) -> f64 {
    match v {
        Value::Int(i, _) => *i as f64,
        Value::Float(f, _) => *f,
        _ => 0.0,
    }
}

/// `==` of interface values: equal dynamic types, then equal values. An
/// integer or a float carries its type; a typed nil is its type's nil.
pub fn iface_equal(a: &Value, b: &Value) -> Res<bool> {
    use Value::*;
    Ok(match (a, b) {
        (Nil, Nil) => true,
        (Nil, _) | (_, Nil) => false,
        (Int(x, tx), Int(y, ty)) => tx == ty && x == y,
        (Float(x, tx), Float(y, ty)) => tx == ty && x == y,
        (Int(..), Float(..)) | (Float(..), Int(..)) => false,
        (Str(x, tx), Str(y, ty)) => tx == ty && x == y,
        (Value::Bool(x, tx), Value::Bool(y, ty)) => tx == ty && x == y,
        (TypedNil(x), TypedNil(y)) => x == y,
        // Different kinds of value are different dynamic types: unequal,
        // even where one could not be compared (`any(m) == any(1)`).
        _ if std::mem::discriminant(a) != std::mem::discriminant(b) => false,
        _ => equal(a, b)?,
    })
}

pub fn equal(a: &Value, b: &Value) -> Res<bool> {
    use Value::*;
    Ok(match (a, b) {
        (Nil | TypedNil(_), x) | (x, Nil | TypedNil(_)) => x.is_nil(),
        (Value::Bool(x, _), Value::Bool(y, _)) => x == y,
        (Int(x, _), Int(y, _)) => x == y,
        (Int(..) | Float(..), Int(..) | Float(..)) => as_f64(a) == as_f64(b),
        (Str(x, _), Str(y, _)) => x == y,
        (Time(x), Time(y)) => x == y,
        (Ptr(x), Ptr(y)) => x.ident() == y.ident(),
        (Chan(ChanV::Chan(x, _)), Chan(ChanV::Chan(y, _))) => host::same_chan(x, y),
        (Chan(ChanV::Done(x)), Chan(ChanV::Done(y))) => host::same_ctx(x, y),
        (Error(x), Error(y)) => Rc::ptr_eq(x, y),
        // A WaitGroup or Mutex is a struct of plain fields in Go: a copy
        // equals its original while their states agree.
        (Obj(x), Obj(y)) => match (&**x, &**y) {
            (NativeObj::WaitGroup(a), NativeObj::WaitGroup(b)) => a.count() == b.count(),
            (NativeObj::Mutex(a), NativeObj::Mutex(b)) => host::is_locked(a) == host::is_locked(b),
            _ => Rc::ptr_eq(x, y),
        },
        (Struct(x), Struct(y)) => {
            if x.ty != y.ty {
                return Ok(false);
            }
            let (fx, fy) = (x.fields.borrow(), y.fields.borrow());
            for (p, q) in fx.iter().zip(fy.iter()) {
                if !equal(p, q)? {
                    return Ok(false);
                }
            }
            true
        }
        (Array(x, _), Array(y, _)) => {
            let (x, y) = (x.borrow(), y.borrow());
            for (p, q) in x.iter().zip(y.iter()) {
                if !equal(p, q)? {
                    return Ok(false);
                }
            }
            true
        }
        (Slice(_), _) | (Map(_), _) | (Func(_), _) => {
            return Err(runtime_error("comparing uncomparable type"))
        }
        _ => false,
    })
}

pub fn unary(types: &Types, op: Op, a: Value) -> Res<Value> {
    Ok(match (op, a) {
        (Op::Not, Value::Bool(b, t)) => Value::Bool(!b, t),
        // Wrapped to the type's width, as the binary operators are: `^u`
        // of a uint32 is 32 bits of ones, not 64.
        (Op::Neg, Value::Int(i, t)) => Value::Int(wrap(types, i.wrapping_neg(), t), t),
        (Op::Neg, Value::Float(f, t)) => Value::Float(-f, t),
        (Op::Plus, v) => v,
        (Op::BitNot, Value::Int(i, t)) => Value::Int(wrap(types, !i, t), t),
        _ => return Err(panic_str("invalid unary operation")),
    })
}

/// Makes `v`, passed where a `ty` is wanted, a `ty`: an untyped constant
/// takes the type (`3` for a float64 is 3.0), and a nil the type's nil. A
/// value of the type already, or of an interface type, stays as it is.
pub fn conform(sh: &super::vm::Shared, v: &mut Value, ty: Ty) {
    let types = &sh.prog.types;
    let differs = match (types.kind(ty), &*v) {
        (TKind::Int(..) | TKind::Float, Value::Int(_, t) | Value::Float(_, t)) => *t != ty,
        (TKind::Str, Value::Str(_, t)) | (TKind::Bool, Value::Bool(_, t)) => *t != ty,
        (TKind::Func, Value::Func(c)) => c.ty != ty,
        (TKind::Ptr(_) | TKind::Chan(_) | TKind::Func | TKind::Slice(_) | TKind::Map(..), Value::Nil) => {
            *v = super::vm::zero_value(sh, ty);
            return;
        }
        _ => false,
    };
    if differs {
        if let Ok(c) = convert(types, v.clone(), ty) {
            *v = c;
        }
    }
}

pub fn convert(types: &Types, v: Value, ty: Ty) -> Res<Value> {
    Ok(match (types.kind(ty), v) {
        (TKind::Int(..), Value::Int(i, _)) => Value::Int(wrap(types, i, ty), ty),
        // A uint64 above the largest int64 is held as a negative i64.
        (TKind::Int(_, false), Value::Float(f, _)) if f >= 0.0 => {
            Value::Int(wrap(types, f as u64 as i64, ty), ty)
        }
        (TKind::Int(..), Value::Float(f, _)) => Value::Int(wrap(types, f as i64, ty), ty),
        (TKind::Float, Value::Int(i, from)) if is_unsigned(types, from) => Value::Float(i as u64 as f64, ty),
        (TKind::Float, Value::Int(i, _)) if ty == FLOAT32 => Value::Float(i as f32 as f64, ty),
        (TKind::Float, Value::Int(i, _)) => Value::Float(i as f64, ty),
        (TKind::Float, Value::Float(f, _)) => {
            Value::Float(if ty == FLOAT32 { f as f32 as f64 } else { f }, ty)
        }
        (TKind::Str, Value::Int(i, _)) => {
            let c = u32::try_from(i)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\u{FFFD}');
            Value::Str(Rc::from(c.to_string()), ty)
        }
        (TKind::Str, Value::Str(s, _)) => Value::Str(s, ty),
        (TKind::Bool, Value::Bool(b, _)) => Value::Bool(b, ty),
        (TKind::Str, Value::Slice(s)) => {
            let items = s.items();
            let text: String = if matches!(types.kind(s.ty), TKind::Slice(e) if *e == INT32) {
                items
                    .iter()
                    .map(|v| {
                        u32::try_from(as_int(v))
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or('\u{FFFD}')
                    })
                    .collect()
            } else {
                let bytes: Vec<u8> = items.iter().map(|v| as_int(v) as u8).collect();
                String::from_utf8_lossy(&bytes).into_owned()
            };
            Value::Str(Rc::from(text), ty)
        }
        (TKind::Slice(e), Value::Str(s, _)) => {
            let items: Vec<Value> = if *e == INT32 {
                s.chars().map(|c| Value::Int(c as i64, INT32)).collect()
            } else {
                s.bytes().map(|b| Value::Int(b as i64, UINT8)).collect()
            };
            Value::slice(SliceV::new(items, ty))
        }
        (TKind::Struct(_), Value::Struct(rc)) => Value::Struct(Rc::new(StructObj {
            ty,
            fields: RefCell::new(rc.fields.borrow().iter().map(Value::copied).collect()),
        })),
        (TKind::Slice(_), Value::Slice(mut s)) => {
            Rc::make_mut(&mut s).ty = ty;
            Value::Slice(s)
        }
        (TKind::Map(..), Value::Map(mut m)) => {
            m.ty = ty;
            Value::Map(m)
        }
        (TKind::Func | TKind::Ptr(_) | TKind::Chan(_), Value::Nil) => Value::TypedNil(ty),
        (TKind::Slice(_), Value::Nil) => Value::slice(SliceV::nil(ty)),
        (TKind::Map(..), Value::Nil) => Value::Map(MapV { obj: None, ty }),
        (TKind::Func, Value::Func(c)) => Value::Func(Rc::new(Closure {
            func: c.func,
            caps: c.caps.clone(),
            recv: c.recv.clone(),
            ty,
        })),
        (_, v) => v,
    })
}

fn bounds(i: &Value, len: usize) -> Res<usize> {
    let i = as_int(i);
    if i < 0 {
        return Err(runtime_error(format!("index out of range [{i}]")));
    }
    if i as u64 >= len as u64 {
        return Err(runtime_error(format!(
            "index out of range [{i}] with length {len}"
        )));
    }
    Ok(i as usize)
}

/// Go's runtime error for `x[lo:hi]` (no `max`) or `x[lo:hi:max]` out of
/// range, checked in Go's order: the last index against `n` (the length of
/// a string or array, `word` "length", or a slice's capacity), then each
/// index against the next. A negative index is named without the bound.
fn check_slice(lo: i64, hi: i64, max: Option<i64>, n: i64, word: &str) -> Res<()> {
    // Each index with its bound, in the order Go checks them.
    let (checks, count) = match max {
        None => ([(hi, n), (lo, hi), (0, 0)], 2),
        Some(max) => ([(max, n), (hi, max), (lo, hi)], 3),
    };
    let Some(k) = checks[..count].iter().position(|&(v, b)| v < 0 || v > b) else {
        return Ok(());
    };
    let (v, b) = checks[k];
    let what = match (count, k, v < 0) {
        (2, 0, true) => format!("[:{v}]"),
        (2, 0, false) => format!("[:{v}] with {word} {b}"),
        (2, _, true) => format!("[{v}:]"),
        (2, _, false) => format!("[{v}:{b}]"),
        (_, 0, true) => format!("[::{v}]"),
        (_, 0, false) => format!("[::{v}] with {word} {b}"),
        (_, 1, true) => format!("[:{v}:]"),
        (_, 1, false) => format!("[:{v}:{b}]"),
        (_, _, true) => format!("[{v}::]"),
        (_, _, false) => format!("[{v}:{b}:]"),
    };
    Err(runtime_error(format!("slice bounds out of range {what}")))
}

pub fn key(k: &Value) -> Res<Key> {
    Ok(match k {
        Value::Nil | Value::TypedNil(_) => Key::Nil,
        Value::Bool(b, _) => Key::Bool(*b),
        Value::Int(i, _) => Key::Int(*i),
        // Ordered as the numbers are (negatives first), and -0 is 0.
        Value::Float(f, _) => {
            let bits = (f + 0.0).to_bits();
            Key::Float(if bits >> 63 == 1 { !bits } else { bits | 1 << 63 })
        }
        Value::Str(s, _) => Key::Str(s.clone()),
        Value::Ptr(p) => {
            let (at, part) = p.ident();
            Key::Addr(at, part)
        }
        Value::Chan(ChanV::Chan(c, _)) => Key::Chan(c.id()),
        Value::Struct(rc) => Key::Tuple(rc.fields.borrow().iter().map(key).collect::<Res<_>>()?),
        Value::Array(a, _) => Key::Tuple(a.borrow().iter().map(key).collect::<Res<_>>()?),
        Value::Error(e) => Key::Addr(Rc::as_ptr(e) as *const u8 as usize, 0),
        Value::Time(t) => Key::Int(*t),
        _ => return Err(runtime_error("hash of unhashable type")),
    })
}

fn map_zero(sh: &Shared, ty: Ty) -> Value {
    match sh.prog.types.kind(ty) {
        TKind::Map(_, v) => zero_value(sh, *v),
        _ => Value::Nil,
    }
}

pub fn index(sh: &Shared, x: &Value, i: &Value) -> Res<Value> {
    Ok(match x {
        Value::Slice(s) => {
            let at = bounds(i, s.len as usize)?;
            s.get(at)
        }
        Value::Array(a, _) => {
            let a = a.borrow();
            let at = bounds(i, a.len())?;
            a[at].clone()
        }
        Value::Str(s, _) => {
            let at = bounds(i, s.len())?;
            Value::Int(s.as_bytes()[at] as i64, UINT8)
        }
        Value::Map(m) => {
            let k = key(i)?;
            match m
                .obj
                .as_ref()
                .and_then(|o| o.borrow().get(&k).map(|(_, v)| v.clone()))
            {
                Some(v) => v,
                None => map_zero(sh, m.ty),
            }
        }
        Value::Ptr(p) => return index(sh, &p.load(), i),
        Value::Nil | Value::TypedNil(_) => return Err(nil_deref()),
        _ => return Err(panic_str("index of non-indexable value")),
    })
}

pub fn index_ok(sh: &Shared, x: &Value, i: &Value) -> Res<(Value, bool)> {
    match x {
        Value::Map(m) => {
            let k = key(i)?;
            Ok(
                match m
                    .obj
                    .as_ref()
                    .and_then(|o| o.borrow().get(&k).map(|(_, v)| v.clone()))
                {
                    Some(v) => (v, true),
                    None => (map_zero(sh, m.ty), false),
                },
            )
        }
        _ => Ok((index(sh, x, i)?, true)),
    }
}

pub fn set_index(x: &Value, i: &Value, v: Value) -> Res<()> {
    match x {
        Value::Slice(s) => {
            let at = bounds(i, s.len as usize)?;
            s.arr.borrow_mut()[s.off as usize + at] = v;
        }
        Value::Array(a, _) => {
            let len = a.borrow().len();
            let at = bounds(i, len)?;
            a.borrow_mut()[at] = v;
        }
        Value::Map(m) => match &m.obj {
            Some(o) => {
                o.borrow_mut().insert(key(i)?, (i.clone(), v));
            }
            None => return Err(panic_str("assignment to entry in nil map")),
        },
        Value::Ptr(p) => return set_index(&p.load(), i, v),
        Value::Nil | Value::TypedNil(_) => return Err(nil_deref()),
        _ => return Err(panic_str("cannot assign to this index")),
    }
    Ok(())
}

pub fn addr_index(x: &Value, i: &Value) -> Res<Value> {
    Ok(match x {
        Value::Slice(s) => {
            let at = bounds(i, s.len as usize)?;
            Value::Ptr(Pointer::Elem(s.arr.clone(), s.off + at as u32))
        }
        Value::Array(a, _) => {
            let at = bounds(i, a.borrow().len())?;
            Value::Ptr(Pointer::Elem(a.clone(), at as u32))
        }
        Value::Ptr(p) => return addr_index(&p.load(), i),
        _ => return Err(panic_str("cannot take the address of this element")),
    })
}

pub fn slice(
    types: &Types,
    x: Value,
    lo: Option<Value>,
    hi: Option<Value>,
    max: Option<Value>,
) -> Res<Value> {
    let lo = lo.map_or(0, |v| as_int(&v));
    let max = max.map(|v| as_int(&v));
    match x {
        Value::Str(s, _) => {
            let hi = hi.map_or(s.len() as i64, |v| as_int(&v));
            check_slice(lo, hi, None, s.len() as i64, "length")?;
            let bytes = &s.as_bytes()[lo as usize..hi as usize];
            Ok(Value::str(String::from_utf8_lossy(bytes)))
        }
        Value::Slice(s) => {
            let hi = hi.map_or(s.len as i64, |v| as_int(&v));
            check_slice(lo, hi, max, i64::from(s.cap), "capacity")?;
            let max = max.unwrap_or(i64::from(s.cap));
            // Slicing a nil slice gives nil (`s[:0] == nil` still).
            Ok(Value::slice(SliceV {
                arr: s.arr.clone(),
                off: s.off + lo as u32,
                len: (hi - lo) as u32,
                cap: (max - lo) as u32,
                ty: s.ty,
                nil: s.nil,
            }))
        }
        Value::Array(a, ty) => {
            let n = a.borrow().len() as i64;
            let hi = hi.map_or(n, |v| as_int(&v));
            check_slice(lo, hi, max, n, "length")?;
            let max = max.unwrap_or(n);
            let elem = match types.kind(ty) {
                TKind::Array(_, e) => *e,
                _ => ANY,
            };
            let name = format!("[]{}", types.name(elem));
            let sty = types.by_name.get(&name).copied().unwrap_or(ANY);
            Ok(Value::slice(SliceV {
                arr: a,
                off: lo as u32,
                len: (hi - lo) as u32,
                cap: (max - lo) as u32,
                ty: sty,
                nil: false,
            }))
        }
        Value::Ptr(p) => slice(types, p.load(), Some(Value::int(lo)), hi, max.map(Value::int)),
        // A nil slice has no room: `s[:0]` is nil, `s[:1]` Go's panic.
        Value::Nil | Value::TypedNil(_) => {
            check_slice(lo, hi.map_or(0, |v| as_int(&v)), max, 0, "capacity")?;
            Ok(Value::Nil)
        }
        _ => Err(panic_str("cannot slice this value")),
    }
}

pub fn len_cap(v: &Value, cap: bool) -> usize {
    match v {
        Value::Str(s, _) => s.len(),
        Value::Slice(s) => (if cap { s.cap } else { s.len }) as usize,
        Value::Array(a, _) => a.borrow().len(),
        Value::Map(m) => m.obj.as_ref().map_or(0, |o| o.borrow().len()),
        Value::Chan(ChanV::Chan(c, _)) => {
            if cap {
                host::chan_cap(c)
            } else {
                host::chan_len(c)
            }
        }
        Value::Ptr(p) => len_cap(&p.load(), cap),
        _ => 0,
    }
}

/// `append`: what it adds is copied in (a struct or array is a value), and
/// when the backing array grows, the new one holds copies, so a pointer
/// into the old array no longer reaches the slice, as in Go. It grows as
/// Go 1.19's does, so `cap` prints what Go prints (the Go Tour's `len=5
/// cap=6`), and the room past the length holds zero values.
pub fn append(sh: &Shared, s: Value, items: Vec<Value>) -> Res<Value> {
    let s = match s {
        Value::Slice(s) => Rc::unwrap_or_clone(s),
        Value::TypedNil(ty) => SliceV::nil(ty),
        Value::Nil => SliceV::nil(ANY),
        _ => return Err(panic_str("append to non-slice")),
    };
    if items.is_empty() {
        return Ok(Value::slice(s));
    }
    let need = s.len as usize + items.len();
    if need > 1 << 26 {
        return Err(runtime_error("growslice: len out of range"));
    }
    if need <= s.cap as usize {
        let mut arr = s.arr.borrow_mut();
        let start = (s.off + s.len) as usize;
        for (j, v) in items.iter().enumerate() {
            arr[start + j] = v.copied();
        }
        drop(arr);
        return Ok(Value::slice(SliceV {
            len: need as u32,
            nil: false,
            ..s
        }));
    }
    let types = &sh.prog.types;
    let elem = match types.kind(s.ty) {
        TKind::Slice(e) => Some(*e),
        _ => None,
    };
    let size = elem.map_or(16, |e| layout(types, e).0);
    let cap = grown_cap(s.cap as usize, need, size);
    let mut arr = Vec::with_capacity(cap);
    arr.extend(s.items().iter().map(Value::copied));
    arr.extend(items.iter().map(Value::copied));
    // Each a zero of its own: a struct or array is not shared.
    arr.resize_with(cap, || elem.map_or(Value::Nil, |e| super::vm::zero_value(sh, e)));
    Ok(Value::slice(SliceV {
        arr: Rc::new(RefCell::new(arr)),
        off: 0,
        len: need as u32,
        cap: cap as u32,
        ty: s.ty,
        nil: false,
    }))
}

/// The capacity Go 1.19's `growslice` gives a slice of `old` that needs
/// `need`, for elements of `size` bytes: it doubles below 256 and grows by
/// about a quarter above, then rounds up to the allocator's size class.
fn grown_cap(old: usize, need: usize, size: usize) -> usize {
    if size == 0 {
        return need;
    }
    let mut cap = old;
    if need > 2 * old {
        cap = need;
    } else if old < 256 {
        cap = 2 * old;
    } else {
        while cap < need {
            cap += (cap + 3 * 256) / 4;
        }
    }
    let bytes = cap.saturating_mul(size);
    // Go's size classes up to 32 KB; larger blocks are whole 8 KB pages.
    const CLASSES: [u16; 67] = [
        8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384,
        416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688,
        3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288,
        13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
    ];
    let rounded = match CLASSES.iter().find(|&&c| usize::from(c) >= bytes) {
        Some(&c) => usize::from(c),
        None => bytes.next_multiple_of(8192),
    };
    rounded / size
}

/// A Go type's size and alignment in bytes on a 64-bit machine (Go's
/// playground's), as `append`'s growth rounds by them.
fn layout(types: &Types, ty: Ty) -> (usize, usize) {
    match types.kind(ty) {
        TKind::Bool => (1, 1),
        TKind::Int(bits, _) => {
            let bytes = usize::from(*bits / 8).max(1);
            (bytes, bytes)
        }
        TKind::Float if ty == FLOAT32 => (4, 4),
        TKind::Str | TKind::Interface(_) | TKind::Context | TKind::WaitGroup => (16, 8),
        TKind::Slice(_) => (24, 8),
        TKind::Time => (24, 8),
        TKind::Mutex => (8, 4),
        TKind::Array(n, e) => {
            let (size, align) = layout(types, *e);
            (n.saturating_mul(size), align)
        }
        TKind::Struct(fields) => {
            let (mut size, mut align) = (0usize, 1);
            for f in fields {
                let (s, a) = layout(types, f.ty);
                size = size.next_multiple_of(a).saturating_add(s);
                align = align.max(a);
            }
            (size.next_multiple_of(align), align)
        }
        _ => (8, 8),
    }
}

pub fn copy(dst: &Value, src: &Value) -> usize {
    let Value::Slice(d) = dst else { return 0 };
    let items: Vec<Value> = match src {
        Value::Slice(s) => s.items(),
        Value::Str(s, _) => s.bytes().map(|b| Value::Int(b as i64, UINT8)).collect(),
        _ => return 0,
    };
    let n = items.len().min(d.len as usize);
    let mut arr = d.arr.borrow_mut();
    for (j, v) in items.iter().take(n).enumerate() {
        arr[d.off as usize + j] = v.copied();
    }
    n
}

/// Whether `v`'s dynamic type is `ty` (or, for an interface, has its methods
/// by name: the VM checks method sets for non-empty interfaces).
/// Whether `v` has the concrete type `ty`; any value but nil is an empty
/// interface's. (An interface with methods asks the VM, which knows
/// method sets: see `Goroutine::has_type`.)
pub fn has_type(types: &Types, v: &Value, ty: Ty) -> bool {
    match types.kind(ty) {
        TKind::Interface(_) => !matches!(v, Value::Nil),
        _ => {
            let name = super::format::type_name(types, v);
            name == types.name(ty)
        }
    }
}

/// An iterator for `range x`. A map's range starts at the entry `start`
/// picks from the map's length (the run's seed picks it, as Go picks a
/// random bucket). An array is copied where the loop reads its `values`,
/// as Go evaluates the range expression once; a pointer to one is not,
/// nor is an array whose indexes alone are read.
pub fn iter_new(x: Value, values: bool, start: impl FnOnce(usize) -> usize) -> Res<Value> {
    let it = match x {
        Value::Array(..) if values => Iter::Seq { v: x.copied(), i: 0 },
        Value::Array(..) => Iter::Seq { v: x, i: 0 },
        Value::Slice(_) => Iter::Seq { v: x, i: 0 },
        Value::Ptr(p) => match p.load() {
            a @ Value::Array(..) => Iter::Seq { v: a, i: 0 },
            other => return iter_new(other, values, start),
        },
        Value::Str(s, _) => Iter::Str { s, byte: 0 },
        Value::Map(m) => match m.obj {
            Some(obj) => {
                let n = obj.borrow().len();
                let keys = obj.borrow().range_keys(if n > 1 { start(n) } else { 0 });
                Iter::Map { keys, map: obj, i: 0 }
            }
            None => Iter::Count { n: 0, i: 0, ty: INT },
        },
        Value::Int(n, ty) => Iter::Count { n, i: 0, ty },
        Value::Chan(_) => return Ok(x),
        Value::Nil | Value::TypedNil(_) => Iter::Count { n: 0, i: 0, ty: INT },
        _ => return Err(panic_str("cannot range over this value")),
    };
    Ok(Value::Iter(Rc::new(RefCell::new(it))))
}

pub fn iter_next(_sh: &Shared, it: &Rc<RefCell<Iter>>) -> Res<Option<(Value, Value)>> {
    let mut it = it.borrow_mut();
    Ok(match &mut *it {
        Iter::Seq { v, i } => {
            let n = len_cap(v, false);
            if (*i as usize) < n {
                let e = match v {
                    Value::Slice(s) => s.get(*i as usize).copied(),
                    Value::Array(a, _) => a.borrow()[*i as usize].copied(),
                    _ => Value::Nil,
                };
                let k = Value::int(*i as i64);
                *i += 1;
                Some((k, e))
            } else {
                None
            }
        }
        Iter::Str { s, byte } => {
            if *byte >= s.len() {
                None
            } else {
                let rest = &s[*byte..];
                let c = rest.chars().next().unwrap_or('\u{FFFD}');
                let k = Value::int(*byte as i64);
                *byte += c.len_utf8().max(1);
                Some((k, Value::Int(c as i64, INT32)))
            }
        }
        Iter::Map { keys, map, i } => loop {
            let Some((kv, k)) = keys.get(*i) else { break None };
            *i += 1;
            // Entries deleted during the loop are not produced.
            if let Some((_, v)) = map.borrow().get(k) {
                break Some((kv.clone(), v.copied()));
            }
        },
        Iter::Count { n, i, ty } => {
            if *i < *n {
                let k = Value::Int(*i, *ty);
                *i += 1;
                Some((k, Value::Nil))
            } else {
                None
            }
        }
    })
}
