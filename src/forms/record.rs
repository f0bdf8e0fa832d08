//! The forms of the meeting's record: its summary texts (introduction and closing) and one
//! form per recommendation (text, the sessions and themes it came from; save, move, remove),
//! each read into the whole record the edit puts (`Edit::SetRecord`).

use std::fmt;

use super::names::*;
use super::{FieldError, Fields};
use crate::domain::{Recommendation, Record, SessionId, ThemeId};

/// What the button that submitted a recommendation's form asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecommendationAction {
    Save,
    /// One place earlier in the numbering.
    Up,
    /// One place later.
    Down,
    Remove,
}

impl RecommendationAction {
    const ALL: [RecommendationAction; 4] = [
        RecommendationAction::Save,
        RecommendationAction::Up,
        RecommendationAction::Down,
        RecommendationAction::Remove,
    ];

    fn token(self) -> &'static str {
        match self {
            RecommendationAction::Save => "save",
            RecommendationAction::Up => "up",
            RecommendationAction::Down => "down",
            RecommendationAction::Remove => "remove",
        }
    }

    /// The action of a button's value; Enter in a field (no button) saves.
    pub fn parse(value: &str) -> RecommendationAction {
        RecommendationAction::ALL
            .into_iter()
            .find(|a| a.token() == value)
            .unwrap_or(RecommendationAction::Save)
    }
}

impl fmt::Display for RecommendationAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.token())
    }
}

/// The record with the summary texts as the form gives them (the recommendations kept).
pub fn record_texts<F: Fn(&str) -> Option<String>>(record: &Record, f: &Fields<F>) -> Record {
    Record {
        introduction: f.text(INTRODUCTION),
        closing: f.text(CLOSING),
        ..record.clone()
    }
}

/// A recommendation as its form gives it. `all(name)` gives every value of a repeated field
/// (the ticked sessions and themes).
pub fn recommendation<F: Fn(&str) -> Option<String>>(
    f: &Fields<F>,
    all: &dyn Fn(&str) -> Vec<String>,
) -> Result<Recommendation, FieldError> {
    let text = f.required(RECOMMENDATION, "The recommendation's text")?;
    let ids = |name| -> Vec<u32> { all(name).iter().filter_map(|v| v.parse().ok()).collect() };
    Ok(Recommendation {
        text,
        sessions: ids(FROM_SESSIONS).into_iter().map(SessionId).collect(),
        themes: ids(THEMES).into_iter().map(ThemeId).collect(),
    })
}

/// The record after a recommendation's form was submitted: `index` is the recommendation's
/// place (`None` for the "New recommendation" form, which adds one at the end). `Ok(None)`:
/// nothing to change (the first moved up, the last moved down).
pub fn recommendation_submitted<F: Fn(&str) -> Option<String>>(
    record: &Record,
    index: Option<usize>,
    action: RecommendationAction,
    f: &Fields<F>,
    all: &dyn Fn(&str) -> Vec<String>,
) -> Result<Option<Record>, FieldError> {
    let Some(i) = index else {
        let mut next = record.clone();
        next.recommendations.push(recommendation(f, all)?);
        return Ok(Some(next));
    };
    if i >= record.recommendations.len() {
        return Err(FieldError::form(
            "This recommendation is no longer there (it was removed meanwhile).",
        ));
    }
    Ok(match action {
        RecommendationAction::Up => record.moved(i, -1),
        RecommendationAction::Down => record.moved(i, 1),
        RecommendationAction::Remove => {
            let mut next = record.clone();
            next.recommendations.remove(i);
            Some(next)
        }
        RecommendationAction::Save => {
            let mut next = record.clone();
            next.recommendations[i] = recommendation(f, all)?;
            Some(next)
        }
    })
}
