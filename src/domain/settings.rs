//! What the checks allow, saved with the meeting: the settings of the conflict and readiness
//! checks and the findings dismissed as intended. Data only; the checks are in `check`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// "This one is intended": a warning or note the organizer dismissed. It holds while a finding
/// has the same key and the same message; when the situation changes (other times, another
/// person, a renamed session) the message differs and the finding shows again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dismissal {
    pub key: String,
    pub message: String,
}

/// What the checks allow, saved with the meeting (all but `today`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckSettings {
    /// Minutes a person needs between sessions in different rooms.
    pub changeover_minutes: i64,
    /// "To be confirmed" this close to the meeting (days) is a warning.
    pub confirm_within_days: i64,
    /// Today, for the confirmation deadline; none: that check is skipped.
    #[serde(skip)]
    pub today: Option<NaiveDate>,
    /// Gaps longer than this inside a single-room day are noted.
    pub gap_minutes: i64,
    /// Warnings and notes marked as intended.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dismissed: Vec<Dismissal>,
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            changeover_minutes: 0,
            confirm_within_days: 14,
            today: None,
            gap_minutes: 60,
            dismissed: Vec::new(),
        }
    }
}

/// Largest value accepted for any of the minute or day settings.
pub const MAX_SETTING: i64 = 24 * 60;

impl CheckSettings {
    /// Nothing changed from the defaults (`today` aside): not written to files.
    pub fn is_default(&self) -> bool {
        CheckSettings {
            today: None,
            ..self.clone()
        } == CheckSettings::default()
    }
}
