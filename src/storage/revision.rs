//! The revision stamp kept beside each stored meeting: which text it is, which tab wrote it,
//! and whose saves it includes.
//!
//! Two tabs of one browser share localStorage, but a browser does not apply one tab's write
//! to another's view at once, nor one key with another (a tab may even keep its own value of a
//! key another tab wrote at the same moment): a tab can write over a save it has not seen yet.
//! The stamp makes that visible. Every save gets a Lamport clock (one more than any it was
//! made on) and carries, for each tab, the clock of that tab's latest save the text includes.
//! The stamp is written inside the meeting's own value (so a text and its stamp are always
//! read together) and again under a small key of its own (`keys::revision`, cheap to poll). A
//! tab that sees a text missing one of its own saves knows it was written over, and makes those
//! edits again on top (`planner::state`): nothing is lost, however the writes interleave.

use std::collections::BTreeMap;

/// At most this many tabs are remembered in a stamp (the most recent saves).
pub const MAX_TABS: usize = 8;

/// A save's stamp, written as one line: `r2 <clock> <tab> <tab>=<clock>,<tab>=<clock>…`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Revision {
    /// One more than the clock of every save this one was made on.
    pub clock: u64,
    /// The tab that wrote it.
    pub tab: String,
    /// For each tab, the clock of its latest save included in the text.
    pub seen: BTreeMap<String, u64>,
}

impl Revision {
    /// Reads a stamp; `None` for anything else (damaged text, or the digest the first
    /// version wrote).
    pub fn parse(text: &str) -> Option<Revision> {
        let mut parts = text.split(' ');
        if parts.next()? != "r2" {
            return None;
        }
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
        Some(Revision { clock, tab, seen })
    }

    pub fn encode(&self) -> String {
        let seen: Vec<String> = self.seen.iter().map(|(t, c)| format!("{t}={c}")).collect();
        format!("r2 {} {} {}", self.clock, self.tab, seen.join(","))
    }

    /// What names this save among all others: its tab and clock.
    pub fn id(&self) -> String {
        format!("{}.{}", self.tab, self.clock)
    }

    /// The stamp of a save by `tab`, made on what `seen` says was included and after
    /// `previous` (the stamp it replaces, if any).
    pub fn next(previous: Option<&Revision>, seen: &BTreeMap<String, u64>, tab: &str) -> Revision {
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
