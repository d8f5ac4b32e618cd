//! The crate's one sort gives the standard library's stable sort's order,
//! and its galloping search the standard library's `partition_point`.

use csp_playground::sort::{gallop, sort, sort_by, sort_by_key};

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

    fn gallop_finds_what_partition_point_finds() {
        let mut seed = 11;
        for n in [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 100, 1000, 4097] {
            let mut v: Vec<u64> = (0..n).map(|_| lcg(&mut seed) % 50).collect();
            v.sort_unstable();
            for x in 0..=51 {
                assert_eq!(gallop(&v, |&y| y < x), v.partition_point(|&y| y < x), "n={n} x={x}");
            }
        }
    }
}
