//! Sessions: the chosen day's sessions as compact rows (move earlier or later from the
//! keyboard, or drag onto another session's time), the full form of the one being edited
//! (every field, people by role, run of show), and a form to add a session from a template
//! (its usual title, kind and length).
//!
//! Rows are keyed by session id and each reads its own row from a memo: an edit redraws the
//! rows it changed, not the day.

use std::collections::HashMap;

use leptos::prelude::*;

use super::Drawn;

use crate::domain::check::{counts, summary, Finding};
use crate::domain::commands::NUDGE_MINUTES;
use crate::domain::schedule::{hh_mm, short_date};
use crate::domain::{
    Day, DayId, Edit, ItemId, Meeting, PersonId, Placement, Role, Room, Session, SessionId,
    SessionKind, Status, Theme, TEMPLATES,
};
use crate::forms::names::*;
use crate::forms::session::NewSession;
use crate::forms::{FieldError, SessionAction, SessionForm};
use crate::planner::components::person_picker::person_picker;
use crate::planner::components::problems::problems_note;
use crate::planner::state::{use_app_state, AppState};
use crate::ui::form_fields::{finish, form_error, form_message, input, select, text_area};
use crate::ui::notice::Notice;
use crate::web::dom::{focus_id, reveal, Submitted};

fn kind_options(selected: SessionKind) -> impl IntoView {
    SessionKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.as_str() selected=k == selected>{k.label()}</option> })
        .collect_view()
}

fn day_options(days: &[Day], selected: DayId) -> impl IntoView {
    days.iter()
        .map(|d| {
            let label = format!("{} {}", d.label, short_date(d.date))
                .trim()
                .to_string();
            view! { <option value=d.id.0.to_string() selected=d.id == selected>{label}</option> }
        })
        .collect_view()
}

fn room_options(rooms: &[Room], selected: Placement) -> impl IntoView {
    let all = view! { <option value=ALL_ROOMS selected=selected == Placement::AllRooms>"All rooms"</option> };
    let rooms = rooms
        .iter()
        .map(|r| view! { <option value=r.id.0.to_string() selected=selected == Placement::Room(r.id)>{r.name.clone()}</option> })
        .collect_view();
    (all, rooms)
}

/// Roles in the order a session of `kind` usually needs them, then the rest.
fn roles_for(kind: SessionKind) -> Vec<Role> {
    let mut roles = kind.role_slots().to_vec();
    roles.extend(
        Role::ALL
            .into_iter()
            .filter(|r| !kind.role_slots().contains(r)),
    );
    roles
}

/// A submit button asking for `action`.
fn action_button(
    action: SessionAction,
    label: &'static str,
    aria: Option<String>,
    quiet: bool,
) -> impl IntoView {
    view! {
        <button type="submit" name=ACTION value=action.to_string() aria-label=aria class=quiet.then_some("button--quiet")>{label}</button>
    }
}

/// What the open session's form lists besides the session: the meeting's days, rooms and
/// themes (people are found as they are typed: `person_picker`).
#[derive(Clone, PartialEq)]
struct FormContext {
    days: Vec<Day>,
    rooms: Vec<Room>,
    themes: Vec<Theme>,
}

impl FormContext {
    fn of(m: &Meeting) -> FormContext {
        FormContext {
            days: m.days_in_order().into_iter().cloned().collect(),
            rooms: m.rooms.clone(),
            themes: m.themes.clone(),
        }
    }
}

/// The session's people (participants, then the run of show's others) by id, as its form
/// lists them: ("name, position, organization", name with honorific).
fn participant_names(m: &Meeting, s: &Session) -> Names {
    let mut names: Names = Vec::new();
    let people = s.participants.iter().map(|p| p.person);
    for id in people.chain(s.items.iter().filter_map(|i| i.person)) {
        if let Some(p) = m
            .person(id)
            .filter(|_| names.iter().all(|(n, ..)| *n != id))
        {
            names.push((id, p.programme_line(true, true), p.display_name(true)));
        }
    }
    names
}

/// (id, "name, position, organization", name with honorific) of a session's people.
type Names = Vec<(PersonId, String, String)>;

/// The role last chosen for someone added to a session, offered again for the next one
/// added to it (several panelists in a row), kept across the form's redraws.
pub(super) type AddedRole = StoredValue<Option<(SessionId, Role)>>;

/// The form of session `id` on its own (the Timetable's panel), drawn again only when the
/// session, what its form lists or its problems change.
pub(super) fn lone_session_form(
    state: AppState,
    id: SessionId,
    editing: RwSignal<Option<SessionId>>,
    drawn: Drawn<SessionId, Session>,
) -> impl IntoView {
    let added_role: AddedRole = StoredValue::new(None);
    let data = Memo::new(move |_| {
        state.meeting().with(|m| {
            let s = m.session(id)?;
            Some((s.clone(), participant_names(m, s), FormContext::of(m)))
        })
    });
    let problems = Memo::new(move |_| {
        state.findings.with(|f| {
            f.iter()
                .filter(|f| !f.dismissed && f.sessions.contains(&id))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    move || {
        let (s, names, context) = data.get()?;
        let problems = problems.get();
        let problems: Vec<&Finding> = problems.iter().collect();
        Some(session_form(
            state, &s, &names, &context, &problems, editing, drawn, added_role,
        ))
    }
}

/// The full form of one session.
#[allow(clippy::too_many_arguments)]
fn session_form(
    state: AppState,
    s: &Session,
    names: &[(PersonId, String, String)],
    context: &FormContext,
    problems: &[&Finding],
    editing: RwSignal<Option<SessionId>>,
    drawn: Drawn<SessionId, Session>,
    added_role: AddedRole,
) -> AnyView {
    let error = form_error();
    let id = s.id;
    let on_input = move |_: leptos::ev::Event| {
        drawn.begin(id, || {
            state.meeting().with_untracked(|m| m.session(id).cloned())
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        state.refresh();
        let result = submit_session(state, id, &form, editing, drawn);
        if result.is_ok() {
            drawn.done(id);
            if SessionAction::parse(&form.action) == Some(SessionAction::AddParticipant) {
                // Ready for the next person: the form is drawn again with the one added.
                let role = Role::parse(&form.field(NEW_ROLE).unwrap_or_default());
                added_role.set_value(role.map(|r| (id, r)));
                focus_id(format!("session-{id}-{NEW_PERSON_NAME}"));
            }
        }
        finish(&form, error, result, false);
    };
    let key = format!("session-{}", s.id);
    let roles = roles_for(s.kind);
    let name_of = |id: PersonId| {
        names
            .iter()
            .find(|(n, ..)| *n == id)
            .map(|(_, line, _)| line.clone())
            .unwrap_or_default()
    };
    // A row dragged onto another takes its place (saved at once, as ↑ and ↓ are), through the
    // form's hidden "move" button.
    let moving = StoredValue::new(None::<usize>);
    let move_button = format!("{key}-move");
    let participants = s.participants.iter().enumerate().map(|(i, p)| {
        let who = name_of(p.person);
        let role_id = format!("{key}-role-{i}");
        let status_id = format!("{key}-status-{i}");
        let move_button = move_button.clone();
        view! {
            <li class="participant" draggable="true"
                on:dragstart=move |ev: leptos::ev::DragEvent| {
                    moving.set_value(Some(i));
                    if let Some(dt) = ev.data_transfer() { let _ = dt.set_data("text/plain", &i.to_string()); }
                }
                on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    if let Some(from) = moving.get_value().filter(|from| *from != i) {
                        crate::web::dom::submit_with(&move_button, &SessionAction::Move(from, i).to_string());
                    }
                    moving.set_value(None);
                }
                on:dragend=move |_| moving.set_value(None)
            >
                <span class="participant__handle" aria-hidden="true">"⠿"</span>
                <input type="hidden" name=PARTICIPANT_PERSON value=p.person.0.to_string()/>
                <span class="participant__name">{who.clone()}</span>
                <label class="visually-hidden" for=role_id.clone()>{format!("Role of {who}")}</label>
                <select id=role_id name=PARTICIPANT_ROLE>
                    {roles.iter().map(|r| view! { <option value=r.as_str() selected=*r == p.role>{r.heading(1)}</option> }).collect_view()}
                </select>
                <label class="visually-hidden" for=status_id.clone()>{format!("Status of {who}")}</label>
                <select id=status_id name=PARTICIPANT_STATUS>
                    {Status::ALL.into_iter().map(|st| view! { <option value=st.as_str() selected=st == p.status>{st.label()}</option> }).collect_view()}
                </select>
                {action_button(SessionAction::Up(i), "↑", Some(format!("Move {who} up")), false)}
                {action_button(SessionAction::Down(i), "↓", Some(format!("Move {who} down")), false)}
                {action_button(SessionAction::RemoveParticipant(i), "Remove", Some(format!("Remove {who}")), true)}
            </li>
        }
    }).collect_view();
    // Whom a run-of-show item names: someone of the session.
    let item_people = |selected: Option<PersonId>| {
        let people = names.iter().map(|(id, _, name)| {
            view! { <option value=id.0.to_string() selected=Some(*id) == selected>{name.clone()}</option> }
        });
        view! { <option value="" selected=selected.is_none()>"No one"</option> {people.collect_view()} }
    };
    let items = s.items.iter().enumerate().map(|(i, item)| {
        let time_id = format!("{key}-item-time-{i}");
        let title_id = format!("{key}-item-title-{i}");
        let person_id = format!("{key}-item-person-{i}");
        view! {
            <li class="run-item">
                <label class="visually-hidden" for=time_id.clone()>{format!("Time of item {}", i + 1)}</label>
                <input id=time_id type="text" placeholder="HH:MM" maxlength="8" autocomplete="off" name=ITEM_TIME value=hh_mm(item.time)/>
                <label class="visually-hidden" for=title_id.clone()>{format!("Title of item {}", i + 1)}</label>
                <input id=title_id type="text" name=ITEM_TITLE value=item.title.clone()/>
                <label class="visually-hidden" for=person_id.clone()>{format!("Person of item {}", i + 1)}</label>
                <select id=person_id name=ITEM_PERSON>{item_people(item.person)}</select>
                {action_button(SessionAction::RemoveItem(i), "Remove", Some(format!("Remove item {}", i + 1)), true)}
            </li>
        }
    }).collect_view();
    let themes = context.themes.iter().map(|t| view! {
        <label class="check">
            <input type="checkbox" name=THEMES value=t.id.0.to_string() checked=s.themes.contains(&t.id)/>
            {t.name.clone()}
        </label>
    }).collect_view();
    // The role offered for the next person: the one last chosen here, else the first the
    // kind of session needs that no one has yet.
    let next_role = added_role
        .get_value()
        .filter(|(session, _)| *session == id)
        .map(|(_, role)| role)
        .or_else(|| {
            let slots = s.kind.role_slots();
            let open = slots
                .iter()
                .find(|r| s.participants.iter().all(|p| p.role != **r));
            open.or(slots.first()).copied()
        });
    let new_roles = roles
        .iter()
        .map(|r| view! { <option value=r.as_str() selected=Some(*r) == next_role>{r.heading(1)}</option> })
        .collect_view();
    view! {
        <form id="session-form" class="item-form session-form" aria-label=format!("Session {}", s.title) on:submit=on_submit on:input=on_input novalidate>
            {problems_note(problems)}
            {input(&key, "Title", TITLE, "text", s.title.clone(), error)}
            {select(&key, "Kind", KIND, kind_options(s.kind), error)}
            {select(&key, "Day", DAY, day_options(&context.days, s.day), error)}
            {input(&key, "Starts", START, "time", hh_mm(s.start), error)}
            {input(&key, "Ends", END, "time", hh_mm(s.end), error)}
            <label class="check">
                <input type="checkbox" name=ENDS_NEXT_DAY checked=s.ends_next_day/>
                "Runs past midnight"
            </label>
            <label class="check">
                <input type="checkbox" name=UNSCHEDULED checked=s.unscheduled/>
                "No time yet (kept on the timetable's Unscheduled tray)"
            </label>
            {select(&key, "Room", ROOM, room_options(&context.rooms, s.placement), error)}
            <label class="check field--wide">
                <input type="checkbox" name=SHIFT_LATER/>
                "When the start changes, move every later session of the day by the same amount"
            </label>
            <fieldset class="field--wide"><legend>"Themes"</legend>{themes}</fieldset>
            {text_area(&key, "Description", DESCRIPTION, s.description.clone(), error)}
            {text_area(&key, "Key messages and outcomes (for the summary report)", OUTCOMES, s.outcomes.clone(), error)}
            <fieldset class="field--wide">
                <legend>"People"</legend>
                <ol class="participants">{participants}</ol>
                <button type="submit" id=move_button name=ACTION value="" hidden>"Move"</button>
                <div class="add-row">
                    {select(&key, "As", NEW_ROLE, new_roles, error)}
                    {person_picker(&key, "Add person", SessionAction::AddParticipant.to_string(), error)}
                    {select(&key, "Status", NEW_STATUS, Status::ALL.into_iter().map(|st| view! { <option value=st.as_str()>{st.label()}</option> }).collect_view(), error)}
                    {action_button(SessionAction::AddParticipant, "Add to session", None, false)}
                </div>
            </fieldset>
            <fieldset class="field--wide">
                <legend>"Run of show"</legend>
                <ol class="run-items">{items}</ol>
                <div class="add-row">
                    {input(&key, "Item time", NEW_ITEM_TIME, "time", hh_mm(s.start), error)}
                    {input(&key, "Item title", NEW_ITEM_TITLE, "text", String::new(), error)}
                    {select(&key, "Item person", NEW_ITEM_PERSON, item_people(None), error)}
                    {action_button(SessionAction::AddItem, "Add item", None, false)}
                </div>
            </fieldset>
            {form_message(error)}
            <div class="form-actions">
                {action_button(SessionAction::Save, "Save session", None, false)}
                {action_button(SessionAction::Duplicate, "Duplicate", None, false)}
                {action_button(SessionAction::Remove, "Delete session", None, true)}
                {action_button(SessionAction::Close, "Close", None, false)}
            </div>
        </form>
    }
    .into_any()
}

/// What a session form's button asked for, made into an edit.
fn submit_session(
    state: AppState,
    id: SessionId,
    form: &Submitted,
    editing: RwSignal<Option<SessionId>>,
    drawn: Drawn<SessionId, Session>,
) -> Result<(), FieldError> {
    let action = SessionAction::parse(&form.action).unwrap_or(SessionAction::Save);
    match action {
        SessionAction::Close => {
            editing.set(None);
            return Ok(());
        }
        SessionAction::Remove => {
            editing.set(None);
            return state
                .remove(ItemId::Session(id))
                .map(|_| ())
                .map_err(FieldError::from);
        }
        _ => {}
    }
    let all = |name: &str| form.all(name);
    let parsed = state.meeting().with_untracked(|m| {
        SessionForm::parse(id, &form.fields(), &all, action, m.new_person_id())
    })?;
    if action == SessionAction::Save {
        state
            .meeting()
            .with_untracked(|m| drawn.check(id, &parsed.session, m.session(id)))?;
    }
    let (edit, open) = state.meeting().with_untracked(|m| {
        if action == SessionAction::Duplicate {
            let (edit, copy) = Edit::duplicate_session(m, parsed.session, parsed.new_person);
            (edit, Some(copy))
        } else {
            let shift = action == SessionAction::Save && form.field(SHIFT_LATER).is_some();
            (
                Edit::save_session(m, parsed.session, parsed.new_person, shift),
                None,
            )
        }
    });
    state.apply(edit)?;
    if let Some(copy) = open {
        editing.set(Some(copy));
    }
    // The form is drawn again from the saved session; empty the "add" rows meanwhile.
    form.reset();
    Ok(())
}

/// One session of the day's list, with what its row shows.
#[derive(Clone, PartialEq)]
struct Row {
    session: Session,
    place: String,
    problems: Vec<Finding>,
    /// For the open session: what its form lists besides it.
    context: Option<(FormContext, Names)>,
}

/// The form to add a session to the chosen day.
#[component]
fn NewSessionForm(
    /// The day sessions are added to.
    day: Memo<Option<DayId>>,
    /// Opened on the new session.
    editing: RwSignal<Option<SessionId>>,
) -> impl IntoView {
    let state = use_app_state();
    let error = form_error();
    let rooms = Memo::new(move |_| state.meeting().with(|m| m.rooms.clone()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        let result = NewSession::from_fields(&form.fields()).and_then(|new| {
            let day = day
                .get_untracked()
                .ok_or_else(|| FieldError::form("Add a day first."))?;
            let (edit, id) = state.meeting().with_untracked(|m| {
                Edit::add_session(m, new.template, day, new.start, new.placement)
            });
            state.apply(edit)?;
            editing.set(Some(id));
            Ok(())
        });
        finish(&form, error, result, false);
    };
    view! {
        <form class="item-form item-form--new" aria-label="New session" on:submit=on_submit novalidate>
            {select("new-session", "Session", TEMPLATE, TEMPLATES.into_iter().map(|t| view! { <option value=t.slug>{t.title}</option> }).collect_view(), error)}
            {input("new-session", "Starts", START, "time", String::new(), error)}
            {move || rooms.with(|rooms| select("new-session", "Room", ROOM, room_options(rooms, Placement::AllRooms), error))}
            {form_message(error)}
            <div class="form-actions"><button type="submit">"Add session"</button></div>
        </form>
    }
}

/// The Sessions part: the chosen day's sessions, with the one being edited open.
#[component]
pub fn SessionsPart() -> impl IntoView {
    let state = use_app_state();
    let meeting = state.meeting();
    let super::DayChoice {
        chosen: day,
        days,
        current: current_day,
    } = super::DayChoice::used();
    let editing = RwSignal::new(None::<SessionId>);
    let dragged = StoredValue::new(None::<SessionId>);
    // A finding asked to show a session: its day, its form open.
    Effect::new(move |_| {
        if let Some(ItemId::Session(id)) = state.focus.get() {
            state.focus.set(None);
            if let Some(d) = meeting.with_untracked(|m| m.session(id).map(|s| s.day)) {
                day.set(Some(d));
                editing.set(Some(id));
                reveal("session-form".into());
            }
        }
    });
    // The day's sessions in programme order, by id; each row reads its own data.
    let ids = Memo::new(move |_| {
        let Some(d) = current_day.get() else {
            return Vec::new();
        };
        meeting.with(|m| m.sessions_on(d).iter().map(|s| s.id).collect::<Vec<_>>())
    });
    let problems = Memo::new(move |_| {
        state.findings.with(|findings| {
            let mut map: HashMap<SessionId, Vec<Finding>> = HashMap::new();
            for f in findings.iter().filter(|f| !f.dismissed) {
                for s in &f.sessions {
                    map.entry(*s).or_default().push(f.clone());
                }
            }
            map
        })
    });
    let report = move |result: Result<(), crate::domain::EditError>| {
        if let Err(e) = result {
            state.notice.set(Some(Notice::error(e.to_string())));
        }
    };
    let nudge = move |id: SessionId, minutes: i64| report(state.apply(Edit::nudge(id, minutes)));
    // Dropping a session on another moves it to that session's start, keeping its length.
    let drop_on = move |target: SessionId| {
        let Some(source) = dragged.get_value().filter(|s| *s != target) else {
            return;
        };
        let edit = meeting.with_untracked(|m| Edit::move_onto(m, source, target));
        report(edit.and_then(|edit| state.apply(edit)));
    };
    // Where each session is in the meeting's list: each row finds its own at once.
    let index = Memo::new(move |_| {
        meeting.with(|m| {
            m.sessions
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id, i))
                .collect::<HashMap<SessionId, usize>>()
        })
    });
    // What each session's form showed when its editing began (kept across redraws).
    let drawn = Drawn::<SessionId, Session>::new();
    let added_role: AddedRole = StoredValue::new(None);
    let row = move |id: SessionId| {
        let data = Memo::new(move |_| {
            let open = editing.get() == Some(id);
            let at = index.with(|ix| ix.get(&id).copied())?;
            meeting.with(|m| {
                let s = m.sessions.get(at).filter(|s| s.id == id)?;
                Some(Row {
                    session: s.clone(),
                    place: m.placement_label(s.placement),
                    problems: problems.with(|p| p.get(&id).cloned().unwrap_or_default()),
                    context: open.then(|| (FormContext::of(m), participant_names(m, s))),
                })
            })
        });
        move || {
            let Row {
                session: s,
                place,
                problems,
                context,
            } = data.get()?;
            let id = s.id;
            if let Some((context, names)) = context {
                let problems: Vec<&Finding> = problems.iter().collect();
                return Some(view! { <li>{session_form(state, &s, &names, &context, &problems, editing, drawn, added_role)}</li> }.into_any());
            }
            let marker = problems.iter().map(|f| f.severity).min().map(|worst| {
                let tally = summary(counts(problems.iter()));
                let details = problems.iter().map(|f| f.message.as_str()).collect::<Vec<_>>().join("\n");
                view! { <span class=format!("marker marker--{}", worst.as_str()) title=details>{tally}</span> }
            });
            let title = s.title.clone();
            Some(view! {
                <li
                    class="session-row"
                    draggable="true"
                    on:dragstart=move |ev: leptos::ev::DragEvent| {
                        dragged.set_value(Some(id));
                        if let Some(dt) = ev.data_transfer() { let _ = dt.set_data("text/plain", &id.0.to_string()); }
                    }
                    on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
                    on:drop=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); drop_on(id); }
                >
                    <span class="session-row__time">{format!("{}–{}", hh_mm(s.start), hh_mm(s.end))}</span>
                    <span class="session-row__title">{title.clone()}</span>
                    <span class="session-row__meta">{format!("{} · {}", s.kind.label(), place)} {marker}</span>
                    <span class="session-row__actions">
                        <button type="button" aria-label=format!("Move {title} {NUDGE_MINUTES} minutes earlier") on:click=move |_| nudge(id, -NUDGE_MINUTES)>"Earlier"</button>
                        <button type="button" aria-label=format!("Move {title} {NUDGE_MINUTES} minutes later") on:click=move |_| nudge(id, NUDGE_MINUTES)>"Later"</button>
                        <button type="button" aria-label=format!("Edit {title}") on:click=move |_| editing.set(Some(id))>"Edit"</button>
                    </span>
                </li>
            }.into_any())
        }
    };

    view! {
        <section class="editor__section" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">"Sessions"</h2>
            <div class="field">
                <label for="sessions-day">"Day"</label>
                <select id="sessions-day" on:change:target=move |ev| day.set(ev.target().value().parse().ok().map(DayId))>
                    {move || days.with(|d| day_options(d, current_day.get().unwrap_or(DayId(0))).into_any())}
                </select>
            </div>
            <NewSessionForm day=current_day editing=editing/>
            {move || current_day.with(Option::is_none).then(|| view! { <p class="empty">"Add a day first."</p> })}
            <ol class="session-rows">
                <For each=move || ids.get() key=|id| *id let:id>
                    {row(id)}
                </For>
            </ol>
            {move || {
                let waiting = meeting.with(|m| m.unscheduled().iter().map(|s| s.title.clone()).collect::<Vec<_>>());
                (!waiting.is_empty()).then(|| view! {
                    <p class="item-form__note">
                        {format!("No time yet ({}): {}. ", waiting.len(), waiting.join("; "))}
                        <a href=crate::planner::route::Route::Edit(crate::planner::route::EditPart::Timetable).href()>"They wait on the Timetable's Unscheduled tray."</a>
                    </p>
                })
            }}
        </section>
    }
}
