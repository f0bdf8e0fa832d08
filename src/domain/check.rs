//! Conflict and readiness checks: what an organizer should look at before circulating the
//! programme. Pure and fast: one pass per day over sessions sorted by time (no comparison of
//! every session with every other).

use std::collections::HashMap;

use super::ids::{DayId, PersonId, RoomId, SessionId};
use super::meeting::Meeting;
use super::schedule::hh_mm;
use super::session::{Placement, Role, Session, SessionKind, Status};
use super::settings::{CheckSettings, Dismissal};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    /// "Error", "Warning", "Note": as shown beside a finding.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
            Severity::Note => "Note",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// Something the organizer should look at.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Finding {
    pub severity: Severity,
    /// What kind of problem, and the ids involved: stable while the situation is the same, so
    /// a dismissal can be kept and come back when the situation changes.
    pub key: String,
    /// Plain language, naming the people, sessions and rooms involved.
    pub message: String,
    pub sessions: Vec<SessionId>,
    pub people: Vec<PersonId>,
    pub rooms: Vec<RoomId>,
    /// The organizer marked this warning or note as intended (see [`Dismissal`]).
    pub dismissed: bool,
}

impl Finding {
    /// Errors cannot be dismissed: the programme would be wrong.
    pub fn dismissible(&self) -> bool {
        self.severity != Severity::Error
    }

    fn dismissal(&self) -> Dismissal {
        Dismissal {
            key: self.key.clone(),
            message: self.message.clone(),
        }
    }
}

impl CheckSettings {
    /// The settings with `finding` dismissed (or shown again when `dismiss` is false).
    /// Dismissals that match none of the `current` findings any more are dropped.
    pub fn with_dismissal(&self, finding: &Finding, dismiss: bool, current: &[Finding]) -> Self {
        let target = finding.dismissal();
        let mut dismissed: Vec<Dismissal> = self
            .dismissed
            .iter()
            .filter(|d| **d != target && current.iter().any(|f| f.dismissal() == **d))
            .cloned()
            .collect();
        if dismiss && finding.dismissible() {
            dismissed.push(target);
        }
        CheckSettings {
            dismissed,
            ..self.clone()
        }
    }
}

/// "2 errors · 1 warning · 3 notes", or "No problems found": for counts from [`counts`].
pub fn summary((errors, warnings, notes): (usize, usize, usize)) -> String {
    let part = |n: usize, one: &str, many: &str| match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    };
    let parts: Vec<String> = [
        part(errors, "error", "errors"),
        part(warnings, "warning", "warnings"),
        part(notes, "note", "notes"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        "No problems found".to_string()
    } else {
        parts.join(" · ")
    }
}

/// How many findings of each severity are not dismissed: (errors, warnings, notes).
pub fn counts<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> (usize, usize, usize) {
    let mut tally = (0, 0, 0);
    for f in findings.into_iter().filter(|f| !f.dismissed) {
        match f.severity {
            Severity::Error => tally.0 += 1,
            Severity::Warning => tally.1 += 1,
            Severity::Note => tally.2 += 1,
        }
    }
    tally
}

fn quoted(s: &Session) -> String {
    format!("“{}” ({}–{})", s.title, hh_mm(s.start), hh_mm(s.end))
}

/// Every finding for the meeting, errors first, then in programme order.
pub fn check(m: &Meeting, settings: &CheckSettings) -> Vec<Finding> {
    let mut out = Vec::new();
    let name = |id: PersonId| {
        m.person(id)
            .map(|p| p.display_name(true))
            .unwrap_or_default()
    };
    let mut finding = |severity,
                       key: String,
                       message: String,
                       sessions: Vec<SessionId>,
                       people: Vec<PersonId>,
                       rooms: Vec<RoomId>| {
        out.push(Finding {
            severity,
            key,
            message,
            sessions,
            people,
            rooms,
            dismissed: false,
        });
    };

    // Who gave times they are available (read once, not for every person on every day).
    let available: HashMap<PersonId, &[super::person::Availability]> = m
        .people
        .iter()
        .filter(|p| !p.availability.is_empty())
        .map(|p| (p.id, p.availability.as_slice()))
        .collect();
    for (day, sessions) in m.programme_days() {
        // Times against the day (sessions sorted by start).
        for s in &sessions {
            if s.duration_minutes() <= 0 {
                finding(
                    Severity::Error,
                    format!("times:{}", s.id),
                    format!("{} does not end after it starts.", quoted(s)),
                    vec![s.id],
                    vec![],
                    vec![],
                );
            } else if s.starts() < day.starts() || s.ends() > day.ends() {
                finding(
                    Severity::Error,
                    format!("outside-day:{}", s.id),
                    format!(
                        "{} is outside the day's programme ({}–{}).",
                        quoted(s),
                        hh_mm(day.start),
                        hh_mm(day.end)
                    ),
                    vec![s.id],
                    vec![],
                    vec![],
                );
            }
        }
        // Rooms: a sweep over the day's sessions by start, keeping those still running.
        let mut running: Vec<&Session> = Vec::new();
        for s in &sessions {
            running.retain(|r| r.ends() > s.starts());
            for r in &running {
                let clash = match (r.placement, s.placement) {
                    (Placement::AllRooms, _) | (_, Placement::AllRooms) => true,
                    (Placement::Room(a), Placement::Room(b)) => a == b,
                };
                if clash {
                    let rooms: Vec<RoomId> = [r.placement, s.placement]
                        .into_iter()
                        .filter_map(|p| match p {
                            Placement::Room(id) => Some(id),
                            Placement::AllRooms => None,
                        })
                        .collect();
                    let place = m.placement_label(if r.placement == Placement::AllRooms {
                        s.placement
                    } else {
                        r.placement
                    });
                    finding(
                        Severity::Error,
                        format!("room:{}:{}", r.id, s.id),
                        format!(
                            "{place} is booked twice: {} and {} overlap.",
                            quoted(r),
                            quoted(s)
                        ),
                        vec![r.id, s.id],
                        vec![],
                        rooms,
                    );
                }
            }
            running.push(s);
        }
        // People: each person's sessions of the day, in order (a stable sort of the
        // day's (person, session) pairs by person keeps each person's in programme order).
        let mut pairs: Vec<(PersonId, &Session)> = Vec::new();
        for s in &sessions {
            let first = pairs.len();
            for p in &s.participants {
                if !pairs[first..].iter().any(|(id, _)| *id == p.person) {
                    pairs.push((p.person, s));
                }
            }
        }
        crate::domain::order::sort_by_key(&mut pairs, |(id, _)| *id);
        let people = pairs.chunk_by(|a, b| a.0 == b.0).map(|group| {
            let list: Vec<&Session> = group.iter().map(|(_, s)| *s).collect();
            (group[0].0, list)
        });
        for (person, list) in people {
            let mut running: Vec<&Session> = Vec::new();
            for &s in &list {
                running.retain(|r| r.ends() + settings.changeover_minutes > s.starts());
                for r in &running {
                    if r.ends() > s.starts() {
                        finding(
                            Severity::Error,
                            format!("person:{person}:{}:{}", r.id, s.id),
                            format!(
                                "{} is in two places at once: {} and {}.",
                                name(person),
                                quoted(r),
                                quoted(s)
                            ),
                            vec![r.id, s.id],
                            vec![person],
                            vec![],
                        );
                    } else if r.placement != s.placement {
                        finding(
                            Severity::Warning,
                            format!("changeover:{person}:{}:{}", r.id, s.id),
                            format!(
                                "{} has less than {} minutes to get from {} to {}.",
                                name(person),
                                settings.changeover_minutes,
                                quoted(r),
                                quoted(s)
                            ),
                            vec![r.id, s.id],
                            vec![person],
                            vec![],
                        );
                    }
                }
                running.push(s);
            }
            // Availability windows for this day, if the person has any.
            if let Some(windows) = available.get(&person) {
                let windows: Vec<_> = windows.iter().filter(|a| a.day == day.id).collect();
                if !windows.is_empty() {
                    for s in &list {
                        if !windows.iter().any(|w| {
                            w.from <= s.start && s.ends() <= super::session::minutes_of(w.to)
                        }) {
                            finding(
                                Severity::Warning,
                                format!("availability:{person}:{}", s.id),
                                format!("{} is not available for {}.", name(person), quoted(s)),
                                vec![s.id],
                                vec![person],
                                vec![],
                            );
                        }
                    }
                }
            }
        }
        gaps(m, day.id, &sessions, settings, &mut finding);
    }

    // Sessions: roles and confirmations.
    let first_day = m.date_range().map(|(a, _)| a);
    for s in m.unscheduled() {
        finding(
            Severity::Warning,
            format!("unscheduled:{}", s.id),
            format!(
                "“{}” has no time yet: it waits on the timetable's Unscheduled tray and is in no programme or export.",
                s.title
            ),
            vec![s.id],
            vec![],
            vec![],
        );
    }
    for s in m.sessions.iter().filter(|s| !s.unscheduled) {
        let has = |roles: &[Role]| s.participants.iter().any(|p| roles.contains(&p.role));
        if matches!(s.kind, SessionKind::Panel | SessionKind::Roundtable)
            && !has(&[Role::Moderator, Role::Chair])
        {
            finding(
                Severity::Warning,
                format!("no-moderator:{}", s.id),
                format!(
                    "{} is a {} without a moderator or chair.",
                    quoted(s),
                    s.kind.label().to_ascii_lowercase()
                ),
                vec![s.id],
                vec![],
                vec![],
            );
        }
        let speakers: Vec<_> = s
            .participants
            .iter()
            .filter(|p| !matches!(p.role, Role::Chair | Role::Moderator | Role::Rapporteur))
            .collect();
        if !speakers.is_empty() && speakers.iter().all(|p| p.status != Status::Confirmed) {
            finding(
                Severity::Warning,
                format!("unconfirmed:{}", s.id),
                format!("No speaker of {} has confirmed yet.", quoted(s)),
                vec![s.id],
                speakers.iter().map(|p| p.person).collect(),
                vec![],
            );
        }
        for p in &s.participants {
            match p.status {
                Status::Declined => finding(
                    Severity::Warning,
                    format!("declined:{}:{}", s.id, p.person),
                    format!(
                        "{} declined but is still listed in {}.",
                        name(p.person),
                        quoted(s)
                    ),
                    vec![s.id],
                    vec![p.person],
                    vec![],
                ),
                Status::ToBeConfirmed => {
                    if let (Some(today), Some(first)) = (settings.today, first_day) {
                        let days = (first - today).num_days();
                        if (0..=settings.confirm_within_days).contains(&days) {
                            finding(Severity::Warning, format!("tbc:{}:{}", s.id, p.person), format!("{} is still to be confirmed for {}, {days} days before the meeting.", name(p.person), quoted(s)), vec![s.id], vec![p.person], vec![]);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    // People: what the printed programme shows.
    let listed: std::collections::HashSet<PersonId> = m
        .sessions
        .iter()
        .flat_map(|s| s.participants.iter().map(|p| p.person))
        .collect();
    for p in m.people.iter().filter(|p| listed.contains(&p.id)) {
        if p.position.trim().is_empty() || p.organization.trim().is_empty() {
            let missing = if p.position.trim().is_empty() && p.organization.trim().is_empty() {
                "position and organization"
            } else if p.position.trim().is_empty() {
                "position"
            } else {
                "organization"
            };
            finding(
                Severity::Note,
                format!("incomplete:{}", p.id),
                format!(
                    "{} has no {missing} for the printed programme.",
                    p.display_name(true)
                ),
                vec![],
                vec![p.id],
                vec![],
            );
        }
    }
    for f in out.iter_mut().filter(|f| f.dismissible()) {
        f.dismissed = settings
            .dismissed
            .iter()
            .any(|d| d.key == f.key && d.message == f.message);
    }
    crate::domain::order::sort_by_key(&mut out, |f| f.severity);
    out
}

/// Gaps longer than the setting on a day that uses a single room.
fn gaps(
    m: &Meeting,
    day: DayId,
    sessions: &[&Session],
    settings: &CheckSettings,
    finding: &mut impl FnMut(Severity, String, String, Vec<SessionId>, Vec<PersonId>, Vec<RoomId>),
) {
    let mut rooms: Vec<Placement> = sessions.iter().map(|s| s.placement).collect();
    crate::domain::order::sort_by_key(&mut rooms, |p| match p {
        Placement::AllRooms => 0,
        Placement::Room(r) => r.0 + 1,
    });
    rooms.dedup();
    if rooms.len() != 1 {
        return;
    }
    let mut latest_end: Option<&Session> = None;
    for s in sessions {
        if let Some(prev) = latest_end {
            let gap = s.starts() - prev.ends();
            if gap > settings.gap_minutes {
                let date = m
                    .day(day)
                    .map(|d| super::schedule::short_date(d.date))
                    .unwrap_or_default();
                finding(
                    Severity::Note,
                    format!("gap:{}:{}", prev.id, s.id),
                    format!(
                        "{date}: {gap} minutes with nothing scheduled between {} and {}.",
                        quoted(prev),
                        quoted(s)
                    ),
                    vec![prev.id, s.id],
                    vec![],
                    vec![],
                );
            }
        }
        if latest_end.is_none_or(|l| s.ends() > l.ends()) {
            latest_end = Some(s);
        }
    }
}

/// What the calendar and schedule exports could not write: a timezone no calendar knows, or a
/// session that starts or ends at a time the clocks skip in the meeting's timezone (the hour
/// lost when summer time begins). Errors: those exports refuse the whole meeting. Asks
/// `offsets` twice per day, and per session only on a day the clocks change.
pub fn time_findings(m: &Meeting, offsets: &dyn super::time::UtcOffsets) -> Vec<Finding> {
    use super::time::OffsetError;
    let mut out = Vec::new();
    let noon = m
        .days
        .first()
        .map_or(chrono::NaiveDate::MIN, |d| d.date)
        .and_hms_opt(12, 0, 0)
        .unwrap_or_default();
    if let Err(OffsetError::UnknownTimezone) = offsets.utc_offset(&m.timezone, noon) {
        out.push(Finding {
            severity: Severity::Error,
            key: "timezone-unknown".into(),
            message: format!(
                "The meeting's timezone “{}” is not one calendars know: set its IANA name, such as Europe/Brussels or America/New_York, under Edit → Meeting details. Until then no calendar or schedule file can be made.",
                m.timezone
            ),
            sessions: Vec::new(),
            people: Vec::new(),
            rooms: Vec::new(),
            dismissed: false,
        });
        return out;
    }
    let (Some(midnight), Some(last)) = (
        chrono::NaiveTime::from_hms_opt(0, 0, 0),
        chrono::NaiveTime::from_hms_opt(23, 59, 0),
    ) else {
        return out;
    };
    for (day, sessions) in m.programme_days() {
        let at = |t| offsets.utc_offset(&m.timezone, day.date.and_time(t));
        match (at(midnight), at(last)) {
            (Ok(a), Ok(b)) if a == b => continue,
            _ => {}
        }
        for s in sessions {
            let skipped: Vec<String> = [s.start, s.end]
                .into_iter()
                .filter(|t| matches!(at(*t), Err(OffsetError::NoSuchLocalTime)))
                .map(hh_mm)
                .collect();
            if skipped.is_empty() {
                continue;
            }
            out.push(Finding {
                severity: Severity::Error,
                key: format!("time-skipped:{}", s.id),
                message: format!(
                    "{} {} at {}, a time that does not exist on {} in {}: the clocks skip it. Move it, or calendar and schedule files cannot be made.",
                    quoted(s),
                    if skipped.len() == 2 { "starts and ends" } else if hh_mm(s.start) == skipped[0] { "starts" } else { "ends" },
                    skipped.join(" and "),
                    super::schedule::iso_date(day.date),
                    m.timezone
                ),
                sessions: vec![s.id],
                people: Vec::new(),
                rooms: Vec::new(),
                dismissed: false,
            });
        }
    }
    out
}
