//! The meeting's record, written after (or while) it happens: the summary's introduction, its
//! numbered recommendations (each may name the sessions and themes it came from) and a closing
//! text. A session's own key messages and outcomes are on the session (`Session::outcomes`).
//! All of it is plain text with paragraphs and "- " lists (`domain::text`).

use serde::{Deserialize, Serialize};

use super::ids::{SessionId, ThemeId};

/// The meeting's summary texts and its recommendations, in the order they are numbered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Record {
    /// What the meeting was and who came: the summary's opening.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub introduction: String,
    /// Numbered in this order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
    /// What comes after the recommendations: next steps, thanks.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub closing: String,
}

/// One recommendation, and where it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Recommendation {
    pub text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<SessionId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<ThemeId>,
}

impl Record {
    pub fn is_empty(&self) -> bool {
        self == &Record::default()
    }

    /// The record without any mention of these sessions (what removing them leaves).
    pub fn without_sessions(&self, ids: &[SessionId]) -> Record {
        let mut r = self.clone();
        for rec in &mut r.recommendations {
            rec.sessions.retain(|s| !ids.contains(s));
        }
        r
    }

    /// The record without any mention of this theme.
    pub fn without_theme(&self, id: ThemeId) -> Record {
        let mut r = self.clone();
        for rec in &mut r.recommendations {
            rec.themes.retain(|t| *t != id);
        }
        r
    }

    /// The recommendations with the one at `index` moved by `by` places (negative: earlier),
    /// kept within the list; `None` when there is nothing to move.
    pub fn moved(&self, index: usize, by: isize) -> Option<Record> {
        let len = self.recommendations.len();
        if index >= len {
            return None;
        }
        let to = (index as isize + by).clamp(0, len as isize - 1) as usize;
        if to == index {
            return None;
        }
        let mut r = self.clone();
        let rec = r.recommendations.remove(index);
        r.recommendations.insert(to, rec);
        Some(r)
    }
}
