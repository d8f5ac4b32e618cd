//! Go's untyped constant arithmetic, exact: `0.1 + 0.2` is three tenths
//! before it becomes a float64 (and prints 0.3, as Go's does), and
//! `1 << 100 >> 98` is 4. Values are fractions of 128-bit integers; an
//! expression that leaves that range is not folded, and runs as before.
//!
//! ```
//! use csp_playground::go::exact::Exact;
//! use csp_playground::go::ir::Op;
//! let tenth = Exact::parse_float("0.1").unwrap();
//! let fifth = Exact::parse_float("0.2").unwrap();
//! let sum = Exact::binary(Op::Add, tenth, fifth).unwrap();
//! assert_eq!(sum.to_f64(), 0.3);
//! let big = Exact::binary(Op::Shl, Exact::int(1), Exact::int(100)).unwrap();
//! assert_eq!(Exact::binary(Op::Shr, big, Exact::int(98)).unwrap().as_int(), Some(4));
//! ```

use super::ir::Op;

/// Go's kinds of untyped numeric constant: an operation's result has the
/// later of its operands' kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Int,
    Rune,
    Float,
}

/// An untyped numeric constant: `num / den`, reduced, `den > 0`; an
/// integer kind always has `den == 1`. The parts are private so that only
/// [`Exact::new`] (and the integer constructors) make one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exact {
    num: i128,
    den: i128,
    pub kind: Kind,
}

/// On magnitudes, so that `i128::MIN` (whose negation overflows) is no
/// panic: the page aborts on one.
fn gcd(a: i128, b: i128) -> u128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Exact {
    pub fn int(v: i128) -> Exact {
        Exact {
            num: v,
            den: 1,
            kind: Kind::Int,
        }
    }

    pub fn rune(v: i128) -> Exact {
        Exact {
            kind: Kind::Rune,
            ..Exact::int(v)
        }
    }

    fn new(num: i128, den: i128, kind: Kind) -> Option<Exact> {
        if den == 0 {
            return None;
        }
        let g = i128::try_from(gcd(num, den).max(1)).ok()?;
        let sign = if den < 0 { -1 } else { 1 };
        Some(Exact {
            num: num.checked_div(g)?.checked_mul(sign)?,
            den: den.checked_div(g)?.checked_mul(sign)?,
            kind,
        })
    }

    /// A decimal float literal (`0.1`, `2.5e-3`, `1_000.5`), exactly.
    pub fn parse_float(text: &str) -> Option<Exact> {
        let text: String = text.chars().filter(|&c| c != '_').collect();
        if text.starts_with("0x") || text.starts_with("0X") {
            return None;
        }
        let (mantissa, exp) = match text.find(['e', 'E']) {
            Some(i) => (&text[..i], text[i + 1..].parse::<i32>().ok()?),
            None => (&text[..], 0),
        };
        let (whole, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = format!("{whole}{frac}");
        let num: i128 = if digits.is_empty() {
            0
        } else {
            digits.parse().ok()?
        };
        let exp = exp.checked_sub(i32::try_from(frac.len()).ok()?)?;
        let scale = 10i128.checked_pow(exp.unsigned_abs())?;
        if exp >= 0 {
            Exact::new(num.checked_mul(scale)?, 1, Kind::Float)
        } else {
            Exact::new(num, scale, Kind::Float)
        }
    }

    /// Its value as an integer, if it is one (`2.0` is).
    pub fn as_int(self) -> Option<i128> {
        (self.den == 1).then_some(self.num)
    }

    /// The nearest float64 (exactly so wherever both parts are within
    /// 2^53, as in every decimal literal of a reader's size).
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    pub fn unary(op: Op, a: Exact) -> Option<Exact> {
        match op {
            Op::Plus => Some(a),
            Op::Neg => Exact::new(a.num.checked_neg()?, a.den, a.kind),
            // An untyped integer's complement: -x - 1.
            Op::BitNot if a.kind != Kind::Float => Some(Exact { num: !a.num, ..a }),
            _ => None,
        }
    }

    pub fn binary(op: Op, a: Exact, b: Exact) -> Option<Exact> {
        let kind = a.kind.max(b.kind);
        match op {
            Op::Add | Op::Sub => {
                let (x, y) = (a.num.checked_mul(b.den)?, b.num.checked_mul(a.den)?);
                let num = if op == Op::Add {
                    x.checked_add(y)?
                } else {
                    x.checked_sub(y)?
                };
                Exact::new(num, a.den.checked_mul(b.den)?, kind)
            }
            Op::Mul => Exact::new(a.num.checked_mul(b.num)?, a.den.checked_mul(b.den)?, kind),
            // Integer constants divide as integers, truncating; a float
            // among them makes it a fraction.
            Op::Div if kind != Kind::Float => Some(Exact {
                num: a.num.checked_div(b.num)?,
                den: 1,
                kind,
            }),
            Op::Div => Exact::new(a.num.checked_mul(b.den)?, a.den.checked_mul(b.num)?, kind),
            Op::Rem if kind != Kind::Float => Some(Exact {
                num: a.num.checked_rem(b.num)?,
                den: 1,
                kind,
            }),
            // A shift of a constant is an integer constant, whatever the
            // kind of its (whole) left operand.
            Op::Shl | Op::Shr => {
                let (x, n) = (a.as_int()?, u32::try_from(b.as_int()?).ok()?);
                let num = if op == Op::Shr {
                    x >> n.min(127)
                } else if n < 127 && x.unsigned_abs().leading_zeros() > n + 1 {
                    x << n
                } else {
                    return None;
                };
                Some(Exact {
                    num,
                    den: 1,
                    kind: if a.kind == Kind::Float { Kind::Int } else { a.kind },
                })
            }
            Op::And | Op::Or | Op::Xor | Op::AndNot if kind != Kind::Float => Some(Exact {
                num: match op {
                    Op::And => a.num & b.num,
                    Op::Or => a.num | b.num,
                    Op::Xor => a.num ^ b.num,
                    _ => a.num & !b.num,
                },
                den: 1,
                kind,
            }),
            _ => None,
        }
    }
}
