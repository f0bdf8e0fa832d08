//! Sessions, the people in them and what happens inside them.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::ids::{DayId, PersonId, RoomId, SessionId, ThemeId};
use super::schedule::hhmm;

/// What kind of session this is; drives defaults, labels and CSS modifiers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    OpeningCeremony,
    Keynote,
    Panel,
    Roundtable,
    Plenary,
    Consultation,
    Break,
    Meal,
    Reception,
    Closing,
    /// A talk or lecture, as schedules imported from frab or pretalx have them.
    Talk,
    Workshop,
    #[default]
    Other,
}

impl SessionKind {
    /// Every kind, in the order the UI lists them.
    pub const ALL: [SessionKind; 13] = [
        SessionKind::OpeningCeremony,
        SessionKind::Keynote,
        SessionKind::Panel,
        SessionKind::Roundtable,
        SessionKind::Plenary,
        SessionKind::Consultation,
        SessionKind::Break,
        SessionKind::Meal,
        SessionKind::Reception,
        SessionKind::Closing,
        SessionKind::Talk,
        SessionKind::Workshop,
        SessionKind::Other,
    ];

    /// Human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            SessionKind::OpeningCeremony => "Opening ceremony",
            SessionKind::Keynote => "Keynote",
            SessionKind::Panel => "Panel",
            SessionKind::Roundtable => "Roundtable",
            SessionKind::Plenary => "Plenary",
            SessionKind::Consultation => "Consultation",
            SessionKind::Break => "Break",
            SessionKind::Meal => "Meal",
            SessionKind::Reception => "Reception",
            SessionKind::Closing => "Closing",
            SessionKind::Talk => "Talk",
            SessionKind::Workshop => "Workshop",
            SessionKind::Other => "Other",
        }
    }

    /// Stable lower-case token, used as a CSS modifier and in files.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::OpeningCeremony => "opening-ceremony",
            SessionKind::Keynote => "keynote",
            SessionKind::Panel => "panel",
            SessionKind::Roundtable => "roundtable",
            SessionKind::Plenary => "plenary",
            SessionKind::Consultation => "consultation",
            SessionKind::Break => "break",
            SessionKind::Meal => "meal",
            SessionKind::Reception => "reception",
            SessionKind::Closing => "closing",
            SessionKind::Talk => "talk",
            SessionKind::Workshop => "workshop",
            SessionKind::Other => "other",
        }
    }

    /// The roles a session of this kind usually has, most important first: the editor offers
    /// them first when people are added.
    pub fn role_slots(self) -> &'static [Role] {
        match self {
            SessionKind::OpeningCeremony => &[Role::Chair, Role::Welcome, Role::OpeningRemarks],
            SessionKind::Keynote => &[Role::Chair, Role::Keynote],
            SessionKind::Panel => &[Role::Moderator, Role::Panelist, Role::Rapporteur],
            SessionKind::Roundtable => &[Role::Chair, Role::Moderator, Role::Discussant],
            SessionKind::Plenary | SessionKind::Consultation => {
                &[Role::Chair, Role::Speaker, Role::Rapporteur]
            }
            SessionKind::Closing => &[Role::Chair, Role::ClosingRemarks, Role::Rapporteur],
            SessionKind::Talk => &[Role::Speaker, Role::Chair],
            SessionKind::Workshop => &[Role::Moderator, Role::Speaker],
            SessionKind::Break
            | SessionKind::Meal
            | SessionKind::Reception
            | SessionKind::Other => &[],
        }
    }

    /// Parses the token of [`SessionKind::as_str`].
    pub fn parse(token: &str) -> Option<SessionKind> {
        SessionKind::ALL.into_iter().find(|k| k.as_str() == token)
    }

    /// Breaks, meals and receptions: time in the programme without content of its own.
    pub fn is_pause(self) -> bool {
        matches!(
            self,
            SessionKind::Break | SessionKind::Meal | SessionKind::Reception
        )
    }
}

/// A kind of session as organizers name it, with its usual title and length: what "Add
/// session" starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    pub slug: &'static str,
    pub title: &'static str,
    pub kind: SessionKind,
    pub minutes: i64,
}

const fn template(
    slug: &'static str,
    title: &'static str,
    kind: SessionKind,
    minutes: i64,
) -> Template {
    Template {
        slug,
        title,
        kind,
        minutes,
    }
}

/// The templates "Add session" offers, in the order of a typical programme.
pub const TEMPLATES: [Template; 11] = [
    template(
        "opening-ceremony",
        "Opening ceremony",
        SessionKind::OpeningCeremony,
        45,
    ),
    template("keynote", "Keynote address", SessionKind::Keynote, 30),
    template(
        "high-level-panel",
        "High-level panel",
        SessionKind::Panel,
        90,
    ),
    template(
        "thematic-session",
        "Thematic session",
        SessionKind::Panel,
        90,
    ),
    template("roundtable", "Roundtable", SessionKind::Roundtable, 90),
    template("plenary", "Plenary", SessionKind::Plenary, 60),
    template(
        "consultation",
        "Consultation",
        SessionKind::Consultation,
        75,
    ),
    template("coffee-break", "Coffee break", SessionKind::Break, 15),
    template("lunch", "Lunch", SessionKind::Meal, 75),
    template("reception", "Reception", SessionKind::Reception, 90),
    template("closing", "Closing session", SessionKind::Closing, 30),
];

impl Template {
    /// The template with this slug.
    pub fn find(slug: &str) -> Option<Template> {
        TEMPLATES.into_iter().find(|t| t.slug == slug)
    }
}

/// Where a session takes place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// In one room.
    Room(RoomId),
    /// Spans every room (a plenary, a lunch): nothing else can run at the same time.
    #[default]
    AllRooms,
}

/// A person's part in a session. The order here is the order the programme lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Chair,
    Moderator,
    Welcome,
    OpeningRemarks,
    Keynote,
    Panelist,
    Speaker,
    Discussant,
    Rapporteur,
    ClosingRemarks,
}

impl Role {
    /// Every role, in programme order.
    pub const ALL: [Role; 10] = [
        Role::Chair,
        Role::Moderator,
        Role::Welcome,
        Role::OpeningRemarks,
        Role::Keynote,
        Role::Panelist,
        Role::Speaker,
        Role::Discussant,
        Role::Rapporteur,
        Role::ClosingRemarks,
    ];

    /// Heading for this role with `count` people in it: "Moderator", "Panelists".
    pub fn heading(self, count: usize) -> &'static str {
        let one = count == 1;
        match self {
            Role::Chair => {
                if one {
                    "Chair"
                } else {
                    "Chairs"
                }
            }
            Role::Moderator => {
                if one {
                    "Moderator"
                } else {
                    "Moderators"
                }
            }
            Role::Welcome => "Welcome",
            Role::OpeningRemarks => "Opening remarks",
            Role::Keynote => {
                if one {
                    "Keynote speaker"
                } else {
                    "Keynote speakers"
                }
            }
            Role::Panelist => {
                if one {
                    "Panelist"
                } else {
                    "Panelists"
                }
            }
            Role::Speaker => {
                if one {
                    "Speaker"
                } else {
                    "Speakers"
                }
            }
            Role::Discussant => {
                if one {
                    "Discussant"
                } else {
                    "Discussants"
                }
            }
            Role::Rapporteur => {
                if one {
                    "Rapporteur"
                } else {
                    "Rapporteurs"
                }
            }
            Role::ClosingRemarks => "Closing remarks",
        }
    }

    /// Parses the token of [`Role::as_str`].
    pub fn parse(token: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == token)
    }

    /// Stable lower-case token, used as a CSS modifier and in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Chair => "chair",
            Role::Moderator => "moderator",
            Role::Welcome => "welcome",
            Role::OpeningRemarks => "opening-remarks",
            Role::Keynote => "keynote",
            Role::Panelist => "panelist",
            Role::Speaker => "speaker",
            Role::Discussant => "discussant",
            Role::Rapporteur => "rapporteur",
            Role::ClosingRemarks => "closing-remarks",
        }
    }
}

/// Where a person's participation stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Invited,
    Confirmed,
    Declined,
    ToBeConfirmed,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Invited,
        Status::Confirmed,
        Status::Declined,
        Status::ToBeConfirmed,
    ];

    /// Stable lower-case token.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Invited => "invited",
            Status::Confirmed => "confirmed",
            Status::Declined => "declined",
            Status::ToBeConfirmed => "to_be_confirmed",
        }
    }

    /// Parses the token of [`Status::as_str`].
    pub fn parse(token: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == token)
    }

    /// Human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            Status::Invited => "Invited",
            Status::Confirmed => "Confirmed",
            Status::Declined => "Declined",
            Status::ToBeConfirmed => "To be confirmed",
        }
    }
}

/// One person in one role of one session.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Participant {
    pub person: PersonId,
    pub role: Role,
    #[serde(default)]
    pub status: Status,
    /// Position within the role (0 first).
    #[serde(default)]
    pub order: u32,
}

/// A run-of-show item inside a session: "09:05 Call to order — Luis Almagro".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RunItem {
    #[serde(with = "hhmm")]
    pub time: NaiveTime,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonId>,
}

/// Minutes since midnight.
pub fn minutes_of(t: NaiveTime) -> i64 {
    use chrono::Timelike;
    i64::from(t.hour()) * 60 + i64::from(t.minute())
}

/// The time `minutes` after midnight (0 ≤ minutes < 1440).
pub fn time_of(minutes: i64) -> Option<NaiveTime> {
    let m = u32::try_from(minutes).ok()?;
    NaiveTime::from_hms_opt(m / 60, m % 60, 0)
}

/// A session of the programme.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Session {
    pub id: SessionId,
    pub title: String,
    pub kind: SessionKind,
    pub day: DayId,
    #[serde(with = "hhmm")]
    pub start: NaiveTime,
    #[serde(with = "hhmm")]
    pub end: NaiveTime,
    /// The session ends after midnight, at `end` on the next date (the day's programme runs
    /// past midnight).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ends_next_day: bool,
    #[serde(default)]
    pub placement: Placement,
    #[serde(default)]
    pub themes: Vec<ThemeId>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub items: Vec<RunItem>,
    /// The id other systems know the session by (a UUID): kept from an imported schedule and
    /// written back by the schedule exports, so that apps which keep attendees' favourites by
    /// it keep them. Empty: the exports make one from the meeting and the session's id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guid: String,
    /// The type an imported schedule gave the session ("Lightning talk", "BoF"), when it is not
    /// one of the planner's kinds: written back by the schedule exports. Empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_type: String,
    /// Key messages and outcomes, written for the summary report (plain text with paragraphs
    /// and "- " lists).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outcomes: String,
    /// No time yet: the session waits on the timetable's *Unscheduled* tray and is in no
    /// programme, export or check; its day, start and end only keep its length (and where a
    /// drop or *Add to this day* does not say otherwise, its day).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unscheduled: bool,
}

impl Session {
    /// A new session from a template: its title, kind and usual length.
    pub fn new(
        id: SessionId,
        template: Template,
        day: DayId,
        start: NaiveTime,
        placement: Placement,
    ) -> Session {
        Session {
            id,
            title: template.title.to_string(),
            kind: template.kind,
            day,
            start,
            end: start + chrono::Duration::minutes(template.minutes),
            ends_next_day: false,
            placement,
            themes: Vec::new(),
            description: String::new(),
            participants: Vec::new(),
            items: Vec::new(),
            guid: String::new(),
            source_type: String::new(),
            outcomes: String::new(),
            unscheduled: false,
        }
    }

    /// The session's people grouped by role, in programme order (role, then `order`).
    pub fn people_by_role(&self) -> Vec<(Role, Vec<&Participant>)> {
        let mut sorted: Vec<&Participant> = self.participants.iter().collect();
        crate::domain::order::sort_by_key(&mut sorted, |p| (p.role, p.order));
        let mut groups: Vec<(Role, Vec<&Participant>)> = Vec::new();
        for participant in sorted {
            match groups.last_mut() {
                Some((role, members)) if *role == participant.role => members.push(participant),
                _ => groups.push((participant.role, vec![participant])),
            }
        }
        groups
    }

    /// The type the schedule exports write: the imported file's own, else the kind's token.
    pub fn type_name(&self) -> &str {
        if self.source_type.is_empty() {
            self.kind.as_str()
        } else {
            &self.source_type
        }
    }

    /// Minutes from the day's midnight to the start.
    pub fn starts(&self) -> i64 {
        minutes_of(self.start)
    }

    /// Minutes from the day's midnight to the end: past 1440 when it ends the next day.
    pub fn ends(&self) -> i64 {
        minutes_of(self.end) + if self.ends_next_day { 1440 } else { 0 }
    }

    /// When it ends, on the session's date `date`: the next date when it runs past midnight.
    pub fn end_on(&self, date: chrono::NaiveDate) -> chrono::NaiveDateTime {
        let date = if self.ends_next_day {
            date.succ_opt().unwrap_or(date)
        } else {
            date
        };
        date.and_time(self.end)
    }

    /// Length in minutes on the wall clock (negative or zero when it does not end after it
    /// starts).
    pub fn duration_minutes(&self) -> i64 {
        self.ends() - self.starts()
    }

    /// The session `minutes` later (earlier when negative), or `None` when its start would
    /// leave its day or its end run past the next midnight.
    pub fn shifted(&self, minutes: i64) -> Option<Session> {
        let start = self.starts() + minutes;
        let end = self.ends() + minutes;
        if !(0..1440).contains(&start) || !(1..=2880).contains(&end) {
            return None;
        }
        Some(Session {
            start: time_of(start)?,
            end: time_of(end % 1440)?,
            ends_next_day: end >= 1440,
            ..self.clone()
        })
    }
}
