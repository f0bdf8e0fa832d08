//! What a form's submit buttons ask for. Each action is written into its button's `value`
//! with `Display` and read back with `parse`, so the view and the core cannot disagree.

use std::fmt;

/// What the button that submitted a session form asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionAction {
    Save,
    /// Move participant row `i` up or down within the list.
    Up(usize),
    Down(usize),
    /// Move participant row `from` to the place of row `to` (a row dropped on another).
    Move(usize, usize),
    RemoveParticipant(usize),
    /// Add the participant of the "new participant" row.
    AddParticipant,
    RemoveItem(usize),
    AddItem,
    /// Save a copy of the session as the form shows it.
    Duplicate,
    /// Delete the session.
    Remove,
    /// Close the form without saving.
    Close,
}

impl fmt::Display for SessionAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionAction::Save => f.write_str("save"),
            SessionAction::Up(i) => write!(f, "up-{i}"),
            SessionAction::Down(i) => write!(f, "down-{i}"),
            SessionAction::Move(a, b) => write!(f, "move-{a}-to-{b}"),
            SessionAction::RemoveParticipant(i) => write!(f, "remove-participant-{i}"),
            SessionAction::AddParticipant => f.write_str("add-participant"),
            SessionAction::RemoveItem(i) => write!(f, "remove-item-{i}"),
            SessionAction::AddItem => f.write_str("add-item"),
            SessionAction::Duplicate => f.write_str("duplicate"),
            SessionAction::Remove => f.write_str("remove"),
            SessionAction::Close => f.write_str("close"),
        }
    }
}

impl SessionAction {
    /// Parses a submit button's value as [`Display`](fmt::Display) writes it: "save",
    /// "up-2", "down-0", "move-0-to-2", "remove-participant-1", "add-participant", "remove-item-3",
    /// "add-item", "duplicate", "remove", "close".
    pub fn parse(value: &str) -> Option<SessionAction> {
        let index = |prefix: &str| value.strip_prefix(prefix).and_then(|i| i.parse().ok());
        let moved = value.strip_prefix("move-").and_then(|rest| {
            let (a, b) = rest.split_once("-to-")?;
            Some(SessionAction::Move(a.parse().ok()?, b.parse().ok()?))
        });
        Some(if let Some(m) = moved {
            m
        } else if let Some(i) = index("up-") {
            SessionAction::Up(i)
        } else if let Some(i) = index("down-") {
            SessionAction::Down(i)
        } else if let Some(i) = index("remove-participant-") {
            SessionAction::RemoveParticipant(i)
        } else if let Some(i) = index("remove-item-") {
            SessionAction::RemoveItem(i)
        } else {
            match value {
                "save" => SessionAction::Save,
                "add-participant" => SessionAction::AddParticipant,
                "add-item" => SessionAction::AddItem,
                "duplicate" => SessionAction::Duplicate,
                "remove" => SessionAction::Remove,
                "close" => SessionAction::Close,
                _ => return None,
            }
        })
    }
}

/// The two buttons of a day, room, theme or person form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemAction {
    Save,
    Remove,
}

impl fmt::Display for ItemAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ItemAction::Save => "save",
            ItemAction::Remove => "remove",
        })
    }
}

impl ItemAction {
    pub fn parse(value: &str) -> Option<ItemAction> {
        match value {
            "save" => Some(ItemAction::Save),
            "remove" => Some(ItemAction::Remove),
            _ => None,
        }
    }
}

/// The buttons of a meeting on the Meetings screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryAction {
    Open,
    Rename,
    /// Copy for the next edition.
    Duplicate,
    /// Ask before deleting.
    Delete,
    /// Answer "keep it" to the question.
    Keep,
    DeleteForGood,
}

impl LibraryAction {
    pub const ALL: [LibraryAction; 6] = [
        LibraryAction::Open,
        LibraryAction::Rename,
        LibraryAction::Duplicate,
        LibraryAction::Delete,
        LibraryAction::Keep,
        LibraryAction::DeleteForGood,
    ];

    fn token(self) -> &'static str {
        match self {
            LibraryAction::Open => "open",
            LibraryAction::Rename => "rename",
            LibraryAction::Duplicate => "duplicate",
            LibraryAction::Delete => "delete",
            LibraryAction::Keep => "keep",
            LibraryAction::DeleteForGood => "delete-for-good",
        }
    }

    pub fn parse(value: &str) -> Option<LibraryAction> {
        LibraryAction::ALL.into_iter().find(|a| a.token() == value)
    }
}

impl fmt::Display for LibraryAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.token())
    }
}
