//! Sorting with one copy of the sorting code. The standard library's sorts are generic over
//! the element and the comparison, so every `sort_by_key` call compiles its own quicksort and
//! driftsort (3 to 5 KB of wasm each, about 18 KB of the attendee view before this). Here the
//! sort itself works on indexes through a `dyn` comparison — one merge sort for the whole
//! app — and only the small step that moves the elements into that order is per type.
//! All the sorts are stable.

use std::cmp::Ordering;

/// The stable order of `0..n` by `cmp` (which compares two indexes): a bottom-up merge sort.
pub fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            // Runs already in order (as much of a programme is) are copied, not merged.
            if mid < end && cmp(from[mid], from[mid - 1]) != Ordering::Less {
                to[start..end].copy_from_slice(&from[start..end]);
                start = end;
                continue;
            }
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                // The left run wins ties: that keeps equal elements in their order.
                if i < mid && (j >= end || cmp(from[j], from[i]) != Ordering::Less) {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Puts `v` in `order` (`order[k]` is the index of the element that goes to place `k`),
/// following each cycle of the permutation with swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let next = order[at];
            order[at] = at;
            if next == start || next == at {
                break;
            }
            v.swap(at, next);
            at = next;
        }
    }
}

/// `slice::sort_by`, stable.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order(v.len(), &|i, j| cmp(&v[i], &v[j]));
    permute(v, order);
}

/// `slice::sort_by_key`, stable. Natively each key is made once (as in
/// [`sort_by_cached_key`]), so on a large meeting the comparisons read one list of keys
/// instead of reaching into every element; in the apps (a few thousand elements at most) the
/// keys are made in the comparison, which is 0.5 KB less code in the attendee view.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    if cfg!(target_arch = "wasm32") {
        sort_by(v, |a, b| key(a).cmp(&key(b)));
    } else {
        sort_by_cached_key(v, key);
    }
}

/// `slice::sort_by_cached_key`: each key made once.
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    let order = {
        let keys: Vec<K> = v.iter().map(key).collect();
        order(keys.len(), &|i, j| keys[i].cmp(&keys[j]))
    };
    permute(v, order);
}

/// `sort_by(v, cmp)` where `prefix` gives each element a number that orders as `cmp` does
/// wherever two numbers differ (see [`prefix`]): the numbers are made once and compared in
/// one list, and `cmp` runs only when two tie. Sorting people by name, most comparisons then
/// read no name at all (the people CSV of 200,000 people: 374 ms, 667 with `sort_by`).
pub fn sort_by_prefixed<T>(
    v: &mut [T],
    prefix: impl Fn(&T) -> u128,
    cmp: impl Fn(&T, &T) -> Ordering,
) {
    let order = {
        let keys: Vec<u128> = v.iter().map(prefix).collect();
        let v = &*v;
        order(keys.len(), &|i, j| {
            keys[i].cmp(&keys[j]).then_with(|| cmp(&v[i], &v[j]))
        })
    };
    permute(v, order);
}

/// The first 16 bytes of `bytes` as a number (shorter: padded with zero bytes). Two texts
/// whose prefixes differ compare as those numbers do.
pub fn prefix(bytes: impl Iterator<Item = u8>) -> u128 {
    let mut first = [0u8; 16];
    for (slot, b) in first.iter_mut().zip(bytes) {
        *slot = b;
    }
    u128::from_be_bytes(first)
}

/// `slice::sort`, stable.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}
