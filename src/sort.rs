//! One sort for the whole crate, cheap in code size: the wasm build would
//! otherwise carry the standard library's sorts once per element type and
//! comparator (each a few kilobytes).
//!
//! The work happens on indices, through `dyn` calls, so it is compiled
//! once; each caller's own code is a small wrapper. The sort is a stable
//! merge sort, so its result is the standard library's stable sort's for
//! any comparator (and an unstable sort's wherever no two items compare
//! equal).
//!
//! ```
//! let mut v = vec![(2, 'b'), (1, 'z'), (2, 'a'), (0, 'q')];
//! csp_playground::sort::sort_by_key(&mut v, |p| p.0);
//! assert_eq!(v, [(0, 'q'), (1, 'z'), (2, 'b'), (2, 'a')]);
//! ```

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = order(v.len(), &mut |i, j| cmp(&v[i], &v[j]) == Ordering::Less);
    permute(&order, &mut |i, j| v.swap(i, j));
}

/// Sorts `v` by the key `key` gives each item, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// As [`slice::partition_point`], for an answer expected near the start:
/// probes at 1, 2, 4, … and then searches the last step's range. It costs
/// the logarithm of the answer, not of the slice, and reads memory near
/// the start, where a plain binary search of a long slice would miss the
/// cache on nearly every probe (the timeline's per-pixel searches of a
/// million-event run spent most of their time there).
///
/// ```
/// let v: Vec<u32> = (0..1000).collect();
/// assert_eq!(csp_playground::sort::gallop(&v, |&x| x < 3), 3);
/// assert_eq!(csp_playground::sort::gallop(&v, |&x| x < 777), 777);
/// assert_eq!(csp_playground::sort::gallop(&v, |_| true), 1000);
/// ```
pub fn gallop<T>(v: &[T], mut pred: impl FnMut(&T) -> bool) -> usize {
    // Invariant: everything before `lo` satisfies `pred`.
    let (mut lo, mut step) = (0, 1);
    while lo + step <= v.len() && pred(&v[lo + step - 1]) {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(v.len());
    lo + v[lo..hi].partition_point(pred)
}

/// The order that sorts `n` items (a bottom-up merge sort): at `k`, the
/// index of the item that belongs at `k`. `less(i, j)` says whether item
/// `i` goes strictly before item `j`.
#[inline(never)]
fn order(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut b[lo..hi] {
                // The left run's item wins ties: the sort is stable.
                if j < hi && (i >= mid || less(a[j], a[i])) {
                    *slot = a[j];
                    j += 1;
                } else {
                    *slot = a[i];
                    i += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Moves the item at `order[k]` to `k` for every `k`, one cycle of the
/// permutation at a time, with `swap`.
#[inline(never)]
fn permute(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    let mut done = vec![false; order.len()];
    for start in 0..order.len() {
        let mut j = start;
        while !done[j] {
            done[j] = true;
            let next = order[j];
            if next == start {
                break;
            }
            swap(j, next);
            j = next;
        }
    }
}
