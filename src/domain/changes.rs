//! What changed between two states of a meeting (two saved versions, or a version and now):
//! sessions added, removed, moved (day, time, room) or retitled; people added or removed; a
//! person's role or status in a session changed, or a person added to or taken out of one.
//! Items are matched by id, so a retitled session is one change, not a removal and an addition.

use std::collections::{HashMap, HashSet};

use super::ids::{PersonId, SessionId};
use super::meeting::Meeting;
use super::schedule::{hh_mm, short_date};
use super::session::{Role, Session, Status};

/// One change, with the names it is about as they read in the newer meeting (the older one's
/// for what is gone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    SessionAdded {
        id: SessionId,
        title: String,
        when: String,
    },
    SessionRemoved {
        id: SessionId,
        title: String,
        when: String,
    },
    /// Another day, time or room: where it was and where it is.
    SessionMoved {
        id: SessionId,
        title: String,
        from: String,
        to: String,
    },
    SessionRetitled {
        id: SessionId,
        from: String,
        to: String,
    },
    PersonAdded {
        id: PersonId,
        name: String,
    },
    PersonRemoved {
        id: PersonId,
        name: String,
    },
    /// A person's role in a session, from one to another.
    RoleChanged {
        session: String,
        person: String,
        from: Role,
        to: Role,
    },
    StatusChanged {
        session: String,
        person: String,
        role: Role,
        from: Status,
        to: Status,
    },
    /// A person given a role in a session they had none in, or taken out of one.
    JoinedSession {
        session: String,
        person: String,
        role: Role,
    },
    LeftSession {
        session: String,
        person: String,
        role: Role,
    },
}

impl std::fmt::Display for Change {
    /// The change as a line of the change note: "Moved: Gendering R2P, Thu 15 Sep
    /// 16:15–17:30 · Hall of the Americas → Thu 15 Sep 16:30–17:45 · Hall of the Americas".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Change::SessionAdded { title, when, .. } => write!(f, "New session: {title} ({when})"),
            Change::SessionRemoved { title, when, .. } => {
                write!(f, "Session removed: {title} (was {when})")
            }
            Change::SessionMoved {
                title, from, to, ..
            } => write!(f, "Moved: {title}, from {from} to {to}"),
            Change::SessionRetitled { from, to, .. } => {
                write!(f, "Retitled: “{from}” is now “{to}”")
            }
            Change::PersonAdded { name, .. } => write!(f, "New person: {name}"),
            Change::PersonRemoved { name, .. } => write!(f, "Person removed: {name}"),
            Change::RoleChanged {
                session,
                person,
                from,
                to,
            } => write!(
                f,
                "{person} in {session}: {} instead of {}",
                to.heading(1),
                from.heading(1)
            ),
            Change::StatusChanged {
                session,
                person,
                role,
                from,
                to,
            } => write!(
                f,
                "{person} ({} in {session}): {} instead of {}",
                role.heading(1),
                to.label(),
                from.label()
            ),
            Change::JoinedSession {
                session,
                person,
                role,
            } => write!(f, "{person} joins {session} as {}", role.heading(1)),
            Change::LeftSession {
                session,
                person,
                role,
            } => write!(
                f,
                "{person} no longer in {session} (was {})",
                role.heading(1)
            ),
        }
    }
}

/// "Thu 15 Sep 16:15–17:30 · Hall of the Americas": where a session is in its meeting.
fn slot(m: &Meeting, s: &Session) -> String {
    let date = m.day(s.day).map(|d| short_date(d.date)).unwrap_or_default();
    format!(
        "{date} {}–{} · {}",
        hh_mm(s.start),
        hh_mm(s.end),
        m.placement_label(s.placement)
    )
}

fn person_name(m: &Meeting, id: PersonId) -> String {
    m.person(id)
        .map(|p| p.display_name(true))
        .unwrap_or_default()
}

/// Every change from `old` to `new`: sessions in the newer meeting's programme order (then
/// those removed), then people.
pub fn changes(old: &Meeting, new: &Meeting) -> Vec<Change> {
    let mut out = Vec::new();
    // Only what is on each programme: a session given no time yet has left it, one given a
    // time again joins it.
    let old_sessions: HashMap<SessionId, &Session> =
        old.programme_sessions().map(|(_, s)| (s.id, s)).collect();
    let new_ids: HashSet<SessionId> = new.programme_sessions().map(|(_, s)| s.id).collect();
    for (_, s) in new.programme_sessions() {
        let Some(before) = old_sessions.get(&s.id) else {
            out.push(Change::SessionAdded {
                id: s.id,
                title: s.title.clone(),
                when: slot(new, s),
            });
            continue;
        };
        if before.title != s.title {
            out.push(Change::SessionRetitled {
                id: s.id,
                from: before.title.clone(),
                to: s.title.clone(),
            });
        }
        let (from, to) = (slot(old, before), slot(new, s));
        if from != to {
            out.push(Change::SessionMoved {
                id: s.id,
                title: s.title.clone(),
                from,
                to,
            });
        }
        participation(old, new, before, s, &mut out);
    }
    // Sessions of no day of the newer meeting, or with no time yet, are not in its programme;
    // gone ones are listed in the older meeting's programme order.
    for (_, s) in old.programme_sessions() {
        if !new_ids.contains(&s.id) {
            out.push(Change::SessionRemoved {
                id: s.id,
                title: s.title.clone(),
                when: slot(old, s),
            });
        }
    }
    let old_people: HashSet<PersonId> = old.people.iter().map(|p| p.id).collect();
    let new_people: HashSet<PersonId> = new.people.iter().map(|p| p.id).collect();
    for p in new.people.iter().filter(|p| !old_people.contains(&p.id)) {
        out.push(Change::PersonAdded {
            id: p.id,
            name: p.display_name(true),
        });
    }
    for p in old.people.iter().filter(|p| !new_people.contains(&p.id)) {
        out.push(Change::PersonRemoved {
            id: p.id,
            name: p.display_name(true),
        });
    }
    out
}

/// How the people of one session changed: a person with one role before and another after is
/// a role change; a role kept with another status, a status change; otherwise joining or
/// leaving.
fn participation(
    old: &Meeting,
    new: &Meeting,
    before: &Session,
    after: &Session,
    out: &mut Vec<Change>,
) {
    let roles = |s: &Session| -> HashMap<PersonId, Vec<(Role, Status)>> {
        let mut map: HashMap<PersonId, Vec<(Role, Status)>> = HashMap::new();
        for p in &s.participants {
            map.entry(p.person).or_default().push((p.role, p.status));
        }
        map
    };
    let (was, is) = (roles(before), roles(after));
    let session = after.title.clone();
    // The newer session's order, then those who left.
    let mut people: Vec<PersonId> = Vec::new();
    for p in after.participants.iter().chain(&before.participants) {
        if !people.contains(&p.person) {
            people.push(p.person);
        }
    }
    for id in people {
        let name = || {
            let n = person_name(new, id);
            if n.is_empty() {
                person_name(old, id)
            } else {
                n
            }
        };
        let empty = Vec::new();
        let (a, b) = (
            was.get(&id).unwrap_or(&empty),
            is.get(&id).unwrap_or(&empty),
        );
        for &(role, from) in a {
            if let Some(&(_, to)) = b.iter().find(|(r, _)| *r == role) {
                if from != to {
                    out.push(Change::StatusChanged {
                        session: session.clone(),
                        person: name(),
                        role,
                        from,
                        to,
                    });
                }
            }
        }
        let gone: Vec<Role> = a
            .iter()
            .map(|x| x.0)
            .filter(|r| !b.iter().any(|y| y.0 == *r))
            .collect();
        let came: Vec<Role> = b
            .iter()
            .map(|x| x.0)
            .filter(|r| !a.iter().any(|y| y.0 == *r))
            .collect();
        if let ([from], [to]) = (gone.as_slice(), came.as_slice()) {
            out.push(Change::RoleChanged {
                session: session.clone(),
                person: name(),
                from: *from,
                to: *to,
            });
            continue;
        }
        for role in came {
            out.push(Change::JoinedSession {
                session: session.clone(),
                person: name(),
                role,
            });
        }
        for role in gone {
            out.push(Change::LeftSession {
                session: session.clone(),
                person: name(),
                role,
            });
        }
    }
}
