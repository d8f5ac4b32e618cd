//! A small seeded PRNG (SplitMix64), so a seed fixes every choice a run makes.
//!
//! It is ours rather than a crate's because the exact sequence is part of the
//! product's promise: the same seed must give the same trace, natively and in
//! the browser, in this release and the next.
//!
//! ```
//! use csp_playground::rt::Rng;
//! let mut a = Rng::new(7);
//! let mut b = Rng::new(7);
//! assert_eq!(a.next_u64(), b.next_u64());
//! assert!(a.below(10) < 10);
//! ```

/// SplitMix64: tiny, fast, and good enough to pick interleavings.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator whose whole future is fixed by `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; `0` when `n` is zero.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        // Lemire's multiply-shift: unbiased enough for scheduling choices and
        // cheaper than a modulo.
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }
}
