//! The interpreter's own float text (`go::float`) against core's, which it
//! replaces to keep the page small: same digits for shortest, fixed and
//! exponent forms, and the same double from parsing, over many doubles of
//! every magnitude (subnormals, powers of two, near-ties).

use csp_playground::go::float;

/// A small deterministic generator (splitmix64).
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Doubles of every kind: random bits, small integers, short decimals,
    /// powers of two and their neighbours, subnormals.
    fn double(&mut self) -> f64 {
        let r = self.next();
        let f = match r % 6 {
            0 => f64::from_bits(self.next()),
            1 => (self.next() % 100_000) as f64,
            2 => (self.next() % 1_000_000) as f64 / 10f64.powi((self.next() % 12) as i32),
            3 => {
                let p = 2f64.powi((self.next() % 2000) as i32 - 1000);
                f64::from_bits(p.to_bits().wrapping_add(self.next() % 3).wrapping_sub(1))
            }
            4 => f64::from_bits(self.next() % (1 << 53)),
            _ => f64::from_bits(self.next() >> (self.next() % 64)),
        };
        if f.is_finite() {
            f
        } else {
            1.0
        }
    }
}

/// Core's shortest digits and point place, as `float::shortest` gives them.
fn core_shortest(f: f64) -> (Vec<u8>, i32) {
    if f == 0.0 {
        return (Vec::new(), 0);
    }
    let s = format!("{:e}", f.abs());
    let (m, e) = s.split_once('e').unwrap();
    let digits: Vec<u8> = m.bytes().filter(|c| c.is_ascii_digit()).collect();
    (digits, e.parse::<i32>().unwrap() + 1)
}

fn core_sci(f: f64, prec: usize) -> String {
    let s = format!("{f:.prec$e}");
    let (m, e) = s.split_once('e').unwrap();
    let e: i32 = e.parse().unwrap();
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

#[test]
fn float_text_matches_core() {
    let mut g = Gen(7);
    for i in 0..20_000 {
        let f = g.double();
        let ours = float::shortest(f);
        let core = core_shortest(f);
        let f = if i % 2 == 0 { f } else { -f };
        if ours == core {
            assert_eq!(float::plain_positional(f), format!("{f}"), "{{}} of {f:e}");
        } else {
            // Core breaks an exact tie between two shortest candidates
            // upwards; Go (and we) to even: 244718608904637.125 prints as
            // 2.4471860890463712e+14 in Go.
            let exact = format!("{:.1100e}", f.abs());
            let digits: String = exact.split('e').next().unwrap().replace('.', "");
            let digits = digits.trim_end_matches('0');
            let n = ours.0.len();
            assert!(
                digits.len() == n + 1 && digits.ends_with('5') && ours.0[n - 1] % 2 == 0,
                "shortest of {f:e}: {ours:?} vs {core:?}"
            );
        }
        let prec = (g.next() % 20) as usize;
        if f.abs() < 1e30 {
            assert_eq!(float::fixed(f, prec), format!("{f:.prec$}"), "%.{prec}f of {f:e}");
        }
        assert_eq!(float::sci(f, prec), core_sci(f, prec), "%.{prec}e of {f:e}");
    }
}

#[test]
fn float32_shortest_matches_core() {
    // Every kind of float32: random bits (subnormals included), powers of
    // two and their neighbours, short decimals.
    let mut g = Gen(11);
    for _ in 0..20_000 {
        let f = match g.next() % 3 {
            0 => f32::from_bits(g.next() as u32),
            1 => {
                let p = 2f32.powi((g.next() % 270) as i32 - 149);
                f32::from_bits(p.to_bits().wrapping_add((g.next() % 3) as u32).wrapping_sub(1))
            }
            _ => (g.next() % 1_000_000) as f32 / 10f32.powi((g.next() % 12) as i32),
        };
        if !f.is_finite() {
            continue;
        }
        let ours = float::shortest32(f);
        let core = if f == 0.0 {
            (Vec::new(), 0)
        } else {
            let s = format!("{:e}", f.abs());
            let (m, e) = s.split_once('e').unwrap();
            (
                m.bytes().filter(u8::is_ascii_digit).collect(),
                e.parse::<i32>().unwrap() + 1,
            )
        };
        // Ties between two shortest candidates aside (core rounds them up,
        // Go to even), the digits are core's, and they read back as `f`.
        let back: f32 = format!("0.{}e{}", String::from_utf8(ours.0.clone()).unwrap(), ours.1)
            .parse()
            .unwrap_or(0.0);
        assert_eq!(back, f.abs(), "{f:e}: {ours:?}");
        assert_eq!(ours.0.len(), core.0.len(), "{f:e}: {ours:?} vs {core:?}");
    }
}

#[test]
fn float_ties_round_to_even() {
    assert_eq!(float::fixed(0.5, 0), "0");
    assert_eq!(float::fixed(1.5, 0), "2");
    assert_eq!(float::fixed(2.5, 0), "2");
    assert_eq!(float::fixed(0.125, 2), "0.12");
    assert_eq!(float::fixed(0.375, 2), "0.38");
    assert_eq!(float::fixed(-0.0, 1), "-0.0");
    assert_eq!(float::fixed(9.999, 2), "10.00");
    assert_eq!(float::sci(0.0, 3), "0.000e+00");
    assert_eq!(float::sci(9.99e-5, 1), "1.0e-04");
    // Go's %v: an exponent from 1e6 (fmt.Println(1e6) prints 1e+06).
    assert_eq!(float::go_v(1e21), "1e+21");
    assert_eq!(float::go_v(1e20), "1e+20");
    assert_eq!(float::go_v(1234567.0), "1.234567e+06");
    assert_eq!(float::go_v(999999.9), "999999.9");
    assert_eq!(float::go_v(100000.0), "100000");
    assert_eq!(float::go_v(0.0001), "0.0001");
    assert_eq!(float::go_v(0.00001), "1e-05");
    assert_eq!(float::go_v(-0.0), "-0");
    assert_eq!(float::go_v(f64::NEG_INFINITY), "-Inf");
    assert_eq!(float::fixed(f64::NAN, 2), "NaN");
    assert_eq!(float::go_v(5e-324), "5e-324");
    assert_eq!(float::go_v(f64::MAX), "1.7976931348623157e+308");
    // Go's own output (core would print ...713e+14).
    assert_eq!(
        float::go_v(244_718_608_904_637.0 + 0.125),
        "2.4471860890463712e+14"
    );
}

#[test]
fn float_parse_matches_core() {
    let mut g = Gen(11);
    for _ in 0..5_000 {
        let f = g.double().abs();
        // The shortest text, 17 digits, and texts near halfway points.
        let texts = [
            format!("{f:e}"),
            format!("{f:.16e}"),
            format!("{f:.25e}"),
            format!("{f:.3e}"),
            format!("{}", (g.next() % 1_000_000_000_000)),
            format!("0.{:0>30}e{}", g.next(), (g.next() % 700) as i32 - 350),
        ];
        for t in texts {
            assert_eq!(float::parse(&t), Some(t.parse::<f64>().unwrap()), "{t}");
        }
    }
    for t in [
        "1e400",
        "1e-400",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        ".5",
        "1.",
        "0.000000000000000000000000000000001",
        "179769313486231580793728971405301e276",
        "9007199254740993",
        "9007199254740992.5000000000000000000000000000001",
    ] {
        assert_eq!(float::parse(t), Some(t.parse::<f64>().unwrap()), "{t}");
    }
    let long = format!("0.{}1e-300", "0".repeat(5000));
    assert_eq!(float::parse(&long), Some(long.parse::<f64>().unwrap()));
    for bad in ["", ".", "e5", "1e", "1e+", "abc", "1.2.3", "0x1p-2", "--1"] {
        assert_eq!(float::parse(bad), None, "{bad}");
    }
}
