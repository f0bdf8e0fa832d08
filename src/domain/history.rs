//! Undo and redo: a bounded history of inverse edits. Its steps are plain edits, so the planner
//! can keep them beside the stored meeting (`storage`) and an edit made just before a reload can
//! still be undone.

use super::edit::{Edit, EditError};
use super::meeting::Meeting;

/// A bounded undo/redo history of inverse edits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

/// How many steps back the history keeps.
pub const HISTORY_STEPS: usize = 500;

impl History {
    /// Applies an edit and remembers how to undo it; a new edit clears the redo steps.
    pub fn apply(&mut self, meeting: &mut Meeting, edit: Edit) -> Result<(), EditError> {
        let inverse = edit.apply(meeting)?;
        self.undo.push(inverse);
        if self.undo.len() > HISTORY_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last edit and returns the edit it applied; `None` when there is nothing to
    /// undo.
    pub fn undo(&mut self, meeting: &mut Meeting) -> Option<Edit> {
        Self::step(&mut self.undo, &mut self.redo, meeting)
    }

    /// Redoes the last undone edit and returns the edit it applied; `None` when there is
    /// nothing to redo.
    pub fn redo(&mut self, meeting: &mut Meeting) -> Option<Edit> {
        Self::step(&mut self.redo, &mut self.undo, meeting)
    }

    /// Forgets every step (the meeting was replaced from outside, e.g. by another tab).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many undo and redo steps are kept.
    pub fn len(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    /// The undo steps, oldest first, and the redo steps, furthest first.
    pub fn steps(&self) -> (&[Edit], &[Edit]) {
        (&self.undo, &self.redo)
    }

    /// A history from its steps (as [`History::steps`] gives them), at most
    /// [`HISTORY_STEPS`] of each, the oldest dropped.
    pub fn from_steps(mut undo: Vec<Edit>, mut redo: Vec<Edit>) -> History {
        undo.drain(..undo.len().saturating_sub(HISTORY_STEPS));
        redo.drain(..redo.len().saturating_sub(HISTORY_STEPS));
        History { undo, redo }
    }

    fn step(from: &mut Vec<Edit>, to: &mut Vec<Edit>, meeting: &mut Meeting) -> Option<Edit> {
        let edit = from.pop()?;
        let applied = edit.clone();
        match edit.apply(meeting) {
            Ok(inverse) => {
                to.push(inverse);
                Some(applied)
            }
            // An inverse always applies to the meeting it was made from; if the meeting was
            // replaced under the history (another tab), the step is dropped, never half-done.
            Err(_) => None,
        }
    }
}
