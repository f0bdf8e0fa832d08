//! The revision stamp kept beside each stored meeting: which text it is, which tab wrote it,
//! and whose saves it includes.
//!
//! Two tabs of one browser share localStorage, but a browser does not apply one tab's write
//! to another's view at once (nor atomically with anything): a tab can write over a save it
//! has not seen yet. The stamp makes that visible. Every save gets a Lamport clock (one more
//! than any it was made on) and carries, for each tab, the clock of that tab's latest save the
//! text includes. A tab that sees a text missing one of its own saves knows it was written
//! over, and makes those edits again on top (`planner::state`): nothing is lost, however the
//! writes interleave.

use std::collections::BTreeMap;

/// At most this many tabs are remembered in a stamp (the most recent saves).
pub const MAX_TABS: usize = 8;

/// What the revision key of a meeting holds, written as one line:
/// `r1 <digest> <clock> <tab> <tab>=<clock>,<tab>=<clock>…` (a few bytes, read on every edit).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Revision {
    /// The digest of the stored text (`storage::digest`).
    pub rev: String,
    /// One more than the clock of every save this one was made on.
    pub clock: u64,
    /// The tab that wrote it.
    pub tab: String,
    /// For each tab, the clock of its latest save included in the text.
    pub seen: BTreeMap<String, u64>,
}

impl Revision {
    /// Reads a stamp; anything else (a bare digest, damaged text) is a stamp of no tab that
    /// differs from every stamp this app writes.
    pub fn parse(text: &str) -> Revision {
        Revision::read(text).unwrap_or_else(|| Revision {
            rev: text.to_string(),
            ..Revision::default()
        })
    }

    fn read(text: &str) -> Option<Revision> {
        let mut parts = text.split(' ');
        if parts.next()? != "r1" {
            return None;
        }
        let rev = parts.next()?.to_string();
        let clock = parts.next()?.parse().ok()?;
        let tab = parts.next()?.to_string();
        let mut seen = BTreeMap::new();
        for pair in parts
            .next()
            .unwrap_or_default()
            .split(',')
            .filter(|p| !p.is_empty())
        {
            let (t, c) = pair.split_once('=')?;
            seen.insert(t.to_string(), c.parse().ok()?);
        }
        if parts.next().is_some() {
            return None;
        }
        Some(Revision {
            rev,
            clock,
            tab,
            seen,
        })
    }

    pub fn encode(&self) -> String {
        let seen: Vec<String> = self.seen.iter().map(|(t, c)| format!("{t}={c}")).collect();
        format!(
            "r1 {} {} {} {}",
            self.rev,
            self.clock,
            self.tab,
            seen.join(",")
        )
    }

    /// The stamp of a save by `tab` of `digest`, made on what `seen` says was included and
    /// after `previous` (the stamp it replaces, if any).
    pub fn next(
        previous: Option<&Revision>,
        seen: &BTreeMap<String, u64>,
        tab: &str,
        digest: String,
    ) -> Revision {
        let mut seen = seen.clone();
        if let Some(p) = previous {
            merge(&mut seen, &p.seen);
        }
        let clock = previous
            .map(|p| p.clock)
            .into_iter()
            .chain(seen.values().copied())
            .max()
            .unwrap_or(0)
            + 1;
        seen.insert(tab.to_string(), clock);
        // Keep the most recent tabs only.
        while seen.len() > MAX_TABS {
            let oldest = seen
                .iter()
                .filter(|(t, _)| t.as_str() != tab)
                .min_by_key(|(_, c)| **c)
                .map(|(t, _)| t.clone());
            match oldest {
                Some(t) => seen.remove(&t),
                None => break,
            };
        }
        Revision {
            rev: digest,
            clock,
            tab: tab.to_string(),
            seen,
        }
    }

    /// Whether the text includes the save of `tab` with this clock.
    pub fn includes(&self, tab: &str, clock: u64) -> bool {
        self.seen.get(tab).is_some_and(|c| *c >= clock)
    }
}

/// `into` with every tab's clock at least what `from` says.
pub fn merge(into: &mut BTreeMap<String, u64>, from: &BTreeMap<String, u64>) {
    for (tab, clock) in from {
        let entry = into.entry(tab.clone()).or_insert(0);
        *entry = (*entry).max(*clock);
    }
}
