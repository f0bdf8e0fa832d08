//! Fractional keys: the order of days, rooms, themes and people in a shared meeting. Each item
//! carries a key, the list is the items sorted by it, and an item moved or added between two
//! others gets a key between theirs, so that two organizers reordering at once never rewrite
//! each other's keys (equal keys, made at the same moment, are ordered by the items' ids).
//!
//! A key is a fraction in base 62 written without its "0.": digits `0-9A-Za-z` in ASCII
//! order, never ending in `0`, so that there is always room between two keys.

const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn digit(b: u8) -> usize {
    DIGITS.iter().position(|&d| d == b).unwrap_or(0)
}

/// A key after `a` (none: the start) and before `b` (none: the end). Keys not made here
/// (a hostile peer's) are read as best they can be: the result is still a valid key.
pub fn between(a: Option<&str>, b: Option<&str>) -> String {
    let a = a.unwrap_or("").trim_end_matches('0').as_bytes();
    let b = b
        .map(|b| b.trim_end_matches('0').as_bytes())
        .filter(|b| *b > a);
    let mut out = Vec::new();
    midpoint(a, b, &mut out);
    String::from_utf8(out).unwrap_or_else(|_| "V".into())
}

fn midpoint(a: &[u8], b: Option<&[u8]>, out: &mut Vec<u8>) {
    if let Some(b) = b {
        // The digits both share (a's missing ones read as 0) are the result's too.
        let n = (0..b.len())
            .take_while(|&i| a.get(i).copied().unwrap_or(b'0') == b[i])
            .count();
        if n > 0 {
            out.extend_from_slice(&b[..n]);
            return midpoint(a.get(n..).unwrap_or(&[]), Some(&b[n..]), out);
        }
    }
    let low = a.first().map_or(0, |&d| digit(d));
    let high = b.map_or(DIGITS.len(), |b| b.first().map_or(0, |&d| digit(d)));
    if high > low + 1 {
        out.push(DIGITS[(low + high).div_ceil(2).min(DIGITS.len() - 1)]);
    } else if let Some(b) = b.filter(|b| b.len() > 1) {
        out.push(b[0]);
    } else {
        out.push(DIGITS[low]);
        midpoint(a.get(1..).unwrap_or(&[]), None, out);
    }
}

/// `count` keys in order between `low` and `high`, as short as they can be (by halving).
pub fn spread(low: Option<&str>, high: Option<&str>, count: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(count);
    fill(low, high, count, &mut out);
    out
}

fn fill(low: Option<&str>, high: Option<&str>, count: usize, out: &mut Vec<String>) {
    if count == 0 {
        return;
    }
    let mid = between(low, high);
    let before = count / 2;
    fill(low, Some(&mid), before, out);
    out.push(mid.clone());
    fill(Some(&mid), high, count - before - 1, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_between_two_sorts_between_them() {
        let pairs = [
            (None, None),
            (None, Some("V")),
            (Some("V"), None),
            (Some("1"), Some("2")),
            (Some("0V"), Some("1")),
            (Some("z"), None),
            (Some("zzz"), None),
            (None, Some("01")),
            (Some("A1"), Some("A2")),
        ];
        for (a, b) in pairs {
            let k = between(a, b);
            assert!(!k.ends_with('0'), "{k}");
            if let Some(a) = a {
                assert!(k.as_str() > a, "{a:?} < {k} < {b:?}");
            }
            if let Some(b) = b {
                assert!(k.as_str() < b, "{a:?} < {k} < {b:?}");
            }
        }
    }

    #[test]
    fn many_keys_spread_stay_short_and_in_order() {
        let keys = spread(None, None, 5000);
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        assert!(
            keys.iter().all(|k| k.len() <= 4),
            "{:?}",
            keys.iter().map(|k| k.len()).max()
        );
        let inside = spread(Some("A"), Some("B"), 100);
        assert!(inside.iter().all(|k| k.as_str() > "A" && k.as_str() < "B"));
    }

    #[test]
    fn inserting_at_the_front_again_and_again_keeps_order() {
        let mut first = "V".to_string();
        for _ in 0..200 {
            let k = between(None, Some(&first));
            assert!(k < first);
            first = k;
        }
    }
}
