//! Commands the UI applies to a meeting. Every change goes through [`Edit::apply`], which
//! returns the inverse edit, so undo, saving and tab sync all see one stream of changes.

use thiserror::Error;

use super::meeting::Meeting;

/// One change to a meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Rename the meeting.
    SetTitle(String),
    /// Replace the whole meeting (restore the sample, start blank, open a file).
    Replace(Box<Meeting>),
}

/// Why an edit was refused; the meeting is left as it was.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("The meeting needs a title.")]
    EmptyTitle,
    #[error("The title is too long ({0} characters; at most 300).")]
    TitleTooLong(usize),
    #[error("That meeting is not valid: {0}")]
    InvalidMeeting(String),
}

/// Longest meeting title accepted.
pub const MAX_TITLE_CHARS: usize = 300;

impl Edit {
    /// Applies the edit, or refuses it and leaves `meeting` untouched.
    /// On success returns the edit that undoes this one.
    pub fn apply(self, meeting: &mut Meeting) -> Result<Edit, EditError> {
        match self {
            Edit::SetTitle(title) => {
                let title = title.trim().to_string();
                if title.is_empty() {
                    return Err(EditError::EmptyTitle);
                }
                let chars = title.chars().count();
                if chars > MAX_TITLE_CHARS {
                    return Err(EditError::TitleTooLong(chars));
                }
                Ok(Edit::SetTitle(std::mem::replace(&mut meeting.title, title)))
            }
            Edit::Replace(new) => {
                if let Some(first) = new.validate().first() {
                    return Err(EditError::InvalidMeeting(first.to_string()));
                }
                Ok(Edit::Replace(Box::new(std::mem::replace(meeting, *new))))
            }
        }
    }
}
