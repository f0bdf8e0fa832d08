//! The app's one sort (`domain::order`) gives what the standard library's stable sorts give.

mod common;

use agenda_planner::domain::order::{order, sort, sort_by, sort_by_cached_key, sort_by_key};
use common::Rng;

#[test]
fn sorts_like_the_standard_stable_sort_for_every_length_and_many_ties() {
    let mut rng = Rng(7);
    for n in 0..300usize {
        for spread in [1, 3, 50, 1_000_000] {
            // (key, original place): ties on the key show whether the order is stable.
            let v: Vec<(usize, usize)> = (0..n).map(|i| (rng.below(spread), i)).collect();
            let mut expected = v.clone();
            expected.sort_by_key(|e| e.0);
            let mut a = v.clone();
            sort_by_key(&mut a, |e| e.0);
            assert_eq!(a, expected, "sort_by_key, n = {n}, spread = {spread}");
            let mut b = v.clone();
            sort_by(&mut b, |x, y| x.0.cmp(&y.0));
            assert_eq!(b, expected, "sort_by, n = {n}");
            let mut c = v.clone();
            sort_by_cached_key(&mut c, |e| e.0);
            assert_eq!(c, expected, "sort_by_cached_key, n = {n}");
            let mut d = v.clone();
            sort(&mut d);
            let mut e = v.clone();
            e.sort();
            assert_eq!(d, e, "sort, n = {n}");
        }
    }
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
