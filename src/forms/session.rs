//! A session's form: every field, its people by role (rows in page order) and its run of show,
//! with the action of the button that submitted it.

use super::actions::SessionAction;
use super::names::*;
use super::{error, FieldError, Fields};
use crate::domain::{Person, PersonId, RoomId, ThemeId};

/// The room field: a room's id, or every room.
fn placement<F: Fn(&str) -> Option<String>>(
    f: &Fields<F>,
) -> Result<crate::domain::Placement, FieldError> {
    use crate::domain::Placement;
    Ok(match f.text(ROOM).as_str() {
        "" | ALL_ROOMS => Placement::AllRooms,
        room => Placement::Room(RoomId(
            room.parse().map_err(|_| error(ROOM, "Choose a room."))?,
        )),
    })
}

/// A session read from its form, and a person to create first when the new participant is
/// someone not yet in the meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionForm {
    pub session: crate::domain::Session,
    pub new_person: Option<Person>,
}

impl SessionForm {
    /// Reads a session form. `all(name)` gives every value of a repeated field in page order
    /// (participant and run-of-show rows); `new_person_id` is the id a new person would get.
    pub fn parse<F: Fn(&str) -> Option<String>>(
        id: crate::domain::SessionId,
        f: &Fields<F>,
        all: &dyn Fn(&str) -> Vec<String>,
        action: SessionAction,
        new_person_id: PersonId,
    ) -> Result<SessionForm, FieldError> {
        use crate::domain::{Participant, Role, RunItem, SessionKind, Status};
        let title = f.required(TITLE, "A title")?;
        let kind = SessionKind::parse(&f.text(KIND)).unwrap_or_default();
        let day = f
            .text(DAY)
            .parse()
            .map(crate::domain::DayId)
            .map_err(|_| error(DAY, "Choose a day."))?;
        let (start, end, ends_next_day) = f.span("session")?;
        let placement = placement(f)?;
        let themes = all(THEMES)
            .iter()
            .filter_map(|t| t.parse().ok().map(ThemeId))
            .collect();
        let (people, roles, statuses) = (
            all(PARTICIPANT_PERSON),
            all(PARTICIPANT_ROLE),
            all(PARTICIPANT_STATUS),
        );
        let mut rows: Vec<(PersonId, Role, Status)> = people
            .iter()
            .zip(&roles)
            .zip(&statuses)
            .filter_map(|((p, r), s)| {
                Some((
                    PersonId(p.parse().ok()?),
                    Role::parse(r)?,
                    Status::parse(s).unwrap_or_default(),
                ))
            })
            .collect();
        let mut new_person = None;
        match action {
            SessionAction::Up(i) if i > 0 && i < rows.len() => rows.swap(i, i - 1),
            SessionAction::Down(i) if i + 1 < rows.len() => rows.swap(i, i + 1),
            SessionAction::Move(from, to) if from < rows.len() && to < rows.len() => {
                let row = rows.remove(from);
                rows.insert(to, row);
            }
            SessionAction::RemoveParticipant(i) if i < rows.len() => {
                rows.remove(i);
            }
            SessionAction::AddParticipant => {
                let role = Role::parse(&f.text(NEW_ROLE)).unwrap_or(Role::Speaker);
                let status = Status::parse(&f.text(NEW_STATUS)).unwrap_or_default();
                let person = match f.text(NEW_PERSON).as_str() {
                    "" => {
                        let message = if f.text(NEW_PERSON_NAME).trim().is_empty() {
                            "Type a name to find a person, or to create one."
                        } else {
                            "Choose someone from the list, or “Create” to add a new person."
                        };
                        return Err(error(NEW_PERSON_NAME, message));
                    }
                    NEW => {
                        let person =
                            Person::from_typed_name(new_person_id, &f.text(NEW_PERSON_NAME))
                                .ok_or_else(|| {
                                    error(NEW_PERSON_NAME, "Give the new person a name.")
                                })?;
                        new_person = Some(person);
                        new_person_id
                    }
                    id => PersonId(
                        id.parse()
                            .map_err(|_| error(NEW_PERSON_NAME, "Choose a person."))?,
                    ),
                };
                if rows.iter().any(|(p, r, _)| *p == person && *r == role) {
                    return Err(error(
                        NEW_PERSON_NAME,
                        format!(
                            "Already in this session as {}.",
                            role.heading(1).to_ascii_lowercase()
                        ),
                    ));
                }
                rows.push((person, role, status));
            }
            _ => {}
        }
        // Order within each role follows the rows' order on the page.
        let participants = rows
            .iter()
            .enumerate()
            .map(|(i, &(person, role, status))| Participant {
                person,
                role,
                status,
                order: rows[..i].iter().filter(|(_, r, _)| *r == role).count() as u32,
            })
            .collect();
        let (times, titles, item_people) = (all(ITEM_TIME), all(ITEM_TITLE), all(ITEM_PERSON));
        let mut items = Vec::new();
        for (i, (time, title)) in times.iter().zip(&titles).enumerate() {
            if action == SessionAction::RemoveItem(i) {
                continue;
            }
            let time = super::typed_time(time).ok_or_else(|| {
                error(ITEM_TIME, format!("“{time}” is not a time of day (HH:MM)."))
            })?;
            let person = item_people
                .get(i)
                .and_then(|p| p.parse().ok())
                .map(PersonId);
            items.push(RunItem {
                time,
                title: title.trim().to_string(),
                person,
            });
        }
        if action == SessionAction::AddItem {
            let time = f.time(NEW_ITEM_TIME)?;
            let title = f.required(NEW_ITEM_TITLE, "A title for the item")?;
            let person = f.text(NEW_ITEM_PERSON).parse().ok().map(PersonId);
            items.push(RunItem {
                time,
                title,
                person,
            });
        }
        crate::domain::order::sort_by_key(&mut items, |i| i.time);
        Ok(SessionForm {
            session: crate::domain::Session {
                id,
                title,
                kind,
                day,
                start,
                end,
                ends_next_day,
                placement,
                themes,
                description: f.text(DESCRIPTION),
                participants,
                items,
                // Not on the form: saving keeps the session's (`Edit::save_session`).
                guid: String::new(),
                source_type: String::new(),
                outcomes: f.text(OUTCOMES),
                unscheduled: !f.text(UNSCHEDULED).is_empty(),
            },
            new_person,
        })
    }
}

/// What the "New session" form asks for: a template, a start and a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewSession {
    pub template: crate::domain::Template,
    pub start: chrono::NaiveTime,
    pub placement: crate::domain::Placement,
}

impl NewSession {
    pub fn from_fields<F: Fn(&str) -> Option<String>>(
        f: &Fields<F>,
    ) -> Result<NewSession, FieldError> {
        use crate::domain::Template;
        let template = Template::find(&f.text(TEMPLATE))
            .ok_or_else(|| error(TEMPLATE, "Choose what kind of session to add."))?;
        let start = super::typed_time(&f.text(START))
            .ok_or_else(|| error(START, "Give a start time (HH:MM)."))?;
        let placement = placement(f)?;
        Ok(NewSession {
            template,
            start,
            placement,
        })
    }
}
