//! The crate's one sort gives the standard library's stable sort's order.

use csp_playground::sort::{sort, sort_by, sort_by_key};

/// A small deterministic generator, so the test needs no crate.
fn lcg(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed >> 33
}

tests! {
    fn sorts_as_the_standard_stable_sort_does() {
        let mut seed = 7;
        for n in [0, 1, 2, 3, 5, 8, 13, 31, 32, 33, 100, 257, 1000] {
            for range in [2, 10, 1000] {
                let v: Vec<(u64, usize)> = (0..n).map(|i| (lcg(&mut seed) % range, i)).collect();
                let mut ours = v.clone();
                sort_by_key(&mut ours, |p| p.0);
                let mut theirs = v.clone();
                theirs.sort_by_key(|p| p.0);
                assert_eq!(ours, theirs, "n={n} range={range}");
                let mut ours = v.clone();
                sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
                let mut theirs = v;
                theirs.sort_by_key(|p| std::cmp::Reverse(p.0));
                assert_eq!(ours, theirs, "n={n} range={range}, descending");
            }
        }
    }

    fn sorts_owned_items() {
        let mut v: Vec<String> = ["pear", "apple", "fig", "apple"].map(String::from).to_vec();
        sort(&mut v);
        assert_eq!(v, ["apple", "apple", "fig", "pear"]);
    }
}
