//! The app's one sort (`domain::order`) gives what the standard library's stable sorts give.

mod common;

use agenda_planner::domain::order::{
    order, prefix, sort, sort_by, sort_by_cached_key, sort_by_key, sort_by_prefixed,
};
use common::Rng;

#[test]
fn sorts_like_the_standard_stable_sort_for_every_length_and_many_ties() {
    let mut rng = Rng(7);
    for n in 0..300usize {
        for spread in [1, 3, 50, 1_000_000] {
            // (key, original place): ties on the key show whether the order is stable.
            let v: Vec<(usize, usize)> = (0..n).map(|i| (rng.below(spread), i)).collect();
            check_sorts(v, n, spread);
        }
    }
}

#[test]
fn input_already_in_order_or_reversed_sorts_like_the_standard_sort() {
    // Runs already in order are copied rather than merged: in-order, reversed and
    // in-order-with-one-late-element input take that path, the last two only in part.
    for n in [2, 3, 7, 8, 9, 100, 1000, 1025] {
        let sorted: Vec<(usize, usize)> = (0..n).map(|i| (i / 3, i)).collect();
        let reversed: Vec<(usize, usize)> = (0..n).map(|i| ((n - i) / 3, i)).collect();
        let mut late = sorted.clone();
        late[0].0 = n;
        for v in [sorted, reversed, late] {
            check_sorts(v, n, 3);
        }
    }
}

/// Every sort of `v` against the standard library's stable sort.
fn check_sorts(v: Vec<(usize, usize)>, n: usize, spread: usize) {
    let at = format!("n = {n}, spread = {spread}");
    let mut expected = v.clone();
    expected.sort_by_key(|e| e.0);
    let mut a = v.clone();
    sort_by_key(&mut a, |e| e.0);
    assert_eq!(a, expected, "sort_by_key, {at}");
    let mut b = v.clone();
    sort_by(&mut b, |x, y| x.0.cmp(&y.0));
    assert_eq!(b, expected, "sort_by, {at}");
    let mut c = v.clone();
    sort_by_cached_key(&mut c, |e| e.0);
    assert_eq!(c, expected, "sort_by_cached_key, {at}");
    // A prefix that ties often (every ten keys), so the comparison decides those.
    let mut f = v.clone();
    sort_by_prefixed(&mut f, |e| (e.0 / 10) as u128, |x, y| x.0.cmp(&y.0));
    assert_eq!(f, expected, "sort_by_prefixed, {at}");
    let mut d = v.clone();
    sort(&mut d);
    let mut e = v;
    e.sort();
    assert_eq!(d, e, "sort, {at}");
}

#[test]
fn order_is_a_permutation_that_sorts() {
    let keys = [5, 1, 4, 1, 5, 9, 2, 6, 5, 3];
    let o = order(keys.len(), &|i, j| keys[i].cmp(&keys[j]));
    assert_eq!(o, vec![1, 3, 6, 9, 2, 0, 4, 8, 7, 5]);
}

#[test]
fn owned_values_are_moved_not_copied_or_lost() {
    let mut v: Vec<String> = ["pear", "apple", "fig", "apple", "kiwi"]
        .map(String::from)
        .to_vec();
    sort_by_key(&mut v, |s| s.len());
    assert_eq!(v, ["fig", "pear", "kiwi", "apple", "apple"]);
}

#[test]
fn a_prefix_orders_texts_as_their_bytes_do_where_prefixes_differ() {
    let texts = [
        "",
        "a",
        "ab",
        "abc",
        "b",
        "Ba",
        "zz",
        "abcdefghijklmnop",
        "abcdefghijklmnoq",
        "abcdefghijklmnopq",
        "é",
        "e\u{0}",
    ];
    for a in texts {
        for b in texts {
            let (pa, pb) = (prefix(a.bytes()), prefix(b.bytes()));
            if pa != pb {
                assert_eq!(pa.cmp(&pb), a.cmp(b), "{a:?} against {b:?}");
            }
        }
    }
    // Texts that agree on their first 16 bytes tie, and the full comparison decides.
    assert_eq!(
        prefix("abcdefghijklmnopq".bytes()),
        prefix("abcdefghijklmnopz".bytes())
    );
}
