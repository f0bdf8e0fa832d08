//! Sessions in the editor: a compact row per session of the chosen day (move earlier/later by
//! keyboard, or drag onto another session's time), the full form for the one being edited
//! (every field, people by role, run of show), and a form to add a session from a template (its usual title, kind and length).

use leptos::prelude::*;

use crate::components::form_fields::{input, text_area};
use crate::domain::check::{counts, summary, Finding};
use crate::domain::fields::{SessionAction, SessionForm};
use crate::domain::ids::next_id;
use crate::domain::schedule::{hh_mm, parse_time, short_date};
use crate::domain::{
    DayId, Edit, Item, ItemId, Meeting, PersonId, Placement, Role, Session, SessionId, SessionKind,
    Status, Template, TEMPLATES,
};
use crate::pages::editor::problems_note;
use crate::platform::{reveal, Submitted};
use crate::state::{use_app_state, Notice};

/// Minutes moved by the Earlier / Later buttons.
const STEP: i64 = 5;

fn kind_options(selected: SessionKind) -> impl IntoView {
    SessionKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.as_str() selected=k == selected>{k.label()}</option> })
        .collect_view()
}

fn day_options(m: &Meeting, selected: DayId) -> impl IntoView {
    m.days_in_order()
        .into_iter()
        .map(|d| {
            let label = format!("{} {}", d.label, short_date(d.date))
                .trim()
                .to_string();
            view! { <option value=d.id.0.to_string() selected=d.id == selected>{label}</option> }
        })
        .collect_view()
}

fn room_options(m: &Meeting, selected: Placement) -> impl IntoView {
    let all =
        view! { <option value="all" selected=selected == Placement::AllRooms>"All rooms"</option> };
    let rooms = m
        .rooms
        .iter()
        .map(|r| view! { <option value=r.id.0.to_string() selected=selected == Placement::Room(r.id)>{r.name.clone()}</option> })
        .collect_view();
    (all, rooms)
}

fn select(
    form: &str,
    label: &'static str,
    name: &'static str,
    options: impl IntoView + 'static,
) -> AnyView {
    let id = format!("{form}-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>{options}</select>
        </div>
    }
    .into_any()
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

/// The full form of one session.
fn session_form(m: &Meeting, s: &Session, problems: &[&Finding]) -> AnyView {
    let key = format!("session-{}", s.id);
    let roles = roles_for(s.kind);
    let name_of = |id: PersonId| {
        m.person(id)
            .map(|p| p.programme_line(true, true))
            .unwrap_or_default()
    };
    let participants = s.participants.iter().enumerate().map(|(i, p)| {
        let who = name_of(p.person);
        let role_id = format!("{key}-role-{i}");
        let status_id = format!("{key}-status-{i}");
        view! {
            <li class="participant">
                <input type="hidden" name="participant_person" value=p.person.0.to_string()/>
                <span class="participant__name">{who.clone()}</span>
                <label class="visually-hidden" for=role_id.clone()>{format!("Role of {who}")}</label>
                <select id=role_id name="participant_role">
                    {roles.iter().map(|r| view! { <option value=r.as_str() selected=*r == p.role>{r.heading(1)}</option> }).collect_view()}
                </select>
                <label class="visually-hidden" for=status_id.clone()>{format!("Status of {who}")}</label>
                <select id=status_id name="participant_status">
                    {Status::ALL.into_iter().map(|st| view! { <option value=st.as_str() selected=st == p.status>{st.label()}</option> }).collect_view()}
                </select>
                <button type="submit" name="action" value=format!("up-{i}") aria-label=format!("Move {who} up")>"↑"</button>
                <button type="submit" name="action" value=format!("down-{i}") aria-label=format!("Move {who} down")>"↓"</button>
                <button type="submit" name="action" value=format!("remove-participant-{i}") aria-label=format!("Remove {who}") class="button--quiet">"Remove"</button>
            </li>
        }
    }).collect_view();
    let mut people: Vec<_> = m.people.iter().collect();
    people.sort_by_cached_key(|p| {
        (
            p.family_name.to_ascii_lowercase(),
            p.given_name.to_ascii_lowercase(),
        )
    });
    let person_options = people
        .into_iter()
        .map(
            |p| view! { <option value=p.id.0.to_string()>{p.programme_line(false, true)}</option> },
        )
        .collect_view();
    let items = s.items.iter().enumerate().map(|(i, item)| {
        let time_id = format!("{key}-item-time-{i}");
        let title_id = format!("{key}-item-title-{i}");
        view! {
            <li class="run-item">
                <label class="visually-hidden" for=time_id.clone()>{format!("Time of item {}", i + 1)}</label>
                <input id=time_id type="time" name="item_time" value=hh_mm(item.time)/>
                <label class="visually-hidden" for=title_id.clone()>{format!("Title of item {}", i + 1)}</label>
                <input id=title_id type="text" name="item_title" value=item.title.clone()/>
                <input type="hidden" name="item_person" value=item.person.map(|p| p.0.to_string()).unwrap_or_default()/>
                <span>{item.person.map(name_of)}</span>
                <button type="submit" name="action" value=format!("remove-item-{i}") class="button--quiet" aria-label=format!("Remove item {}", i + 1)>"Remove"</button>
            </li>
        }
    }).collect_view();
    let themes = m.themes.iter().map(|t| view! {
        <label class="check">
            <input type="checkbox" name="themes" value=t.id.0.to_string() checked=s.themes.contains(&t.id)/>
            {t.name.clone()}
        </label>
    }).collect_view();
    let new_roles = roles
        .iter()
        .map(|r| view! { <option value=r.as_str()>{r.heading(1)}</option> })
        .collect_view();
    let item_people = m
        .people
        .iter()
        .map(|p| view! { <option value=p.id.0.to_string()>{p.display_name(true)}</option> })
        .collect_view();
    view! {
        <form id="session-form" class="item-form session-form" data-id=s.id.0.to_string() aria-label=format!("Session {}", s.title) novalidate>
            {problems_note(problems)}
            {input(&key, "Title", "title", "text", s.title.clone())}
            {select(&key, "Kind", "kind", kind_options(s.kind))}
            {select(&key, "Day", "day", day_options(m, s.day))}
            {input(&key, "Starts", "start", "time", hh_mm(s.start))}
            {input(&key, "Ends", "end", "time", hh_mm(s.end))}
            {select(&key, "Room", "room", room_options(m, s.placement))}
            <label class="check field--wide">
                <input type="checkbox" name="shift_later"/>
                "When the start changes, move every later session of the day by the same amount"
            </label>
            <fieldset class="field--wide"><legend>"Themes"</legend>{themes}</fieldset>
            {text_area(&key, "Description", "description", s.description.clone())}
            <fieldset class="field--wide">
                <legend>"People"</legend>
                <ol class="participants">{participants}</ol>
                <div class="add-row">
                    {select(&key, "Add person", "new_person", (view! { <option value="">"Choose…"</option><option value="new">"New person…"</option> }, person_options))}
                    {input(&key, "Honorific (new person)", "new_honorific", "text", String::new())}
                    {input(&key, "Given name (new person)", "new_given_name", "text", String::new())}
                    {input(&key, "Family name (new person)", "new_family_name", "text", String::new())}
                    {select(&key, "As", "new_role", new_roles)}
                    {select(&key, "Status", "new_status", Status::ALL.into_iter().map(|st| view! { <option value=st.as_str()>{st.label()}</option> }).collect_view())}
                    <button type="submit" name="action" value="add-participant">"Add to session"</button>
                </div>
            </fieldset>
            <fieldset class="field--wide">
                <legend>"Run of show"</legend>
                <ol class="run-items">{items}</ol>
                <div class="add-row">
                    {input(&key, "Item time", "new_item_time", "time", hh_mm(s.start))}
                    {input(&key, "Item title", "new_item_title", "text", String::new())}
                    {select(&key, "Item person", "new_item_person", (view! { <option value="">"No one"</option> }, item_people))}
                    <button type="submit" name="action" value="add-item">"Add item"</button>
                </div>
            </fieldset>
            <p class="field-error" data-error-for="_form" role="alert"></p>
            <div class="form-actions">
                <button type="submit" name="action" value="save">"Save session"</button>
                <button type="submit" name="action" value="duplicate">"Duplicate"</button>
                <button type="submit" name="action" value="remove" class="button--quiet">"Delete session"</button>
                <button type="submit" name="action" value="close">"Close"</button>
            </div>
        </form>
    }
    .into_any()
}

/// One session of the day's list, with what the row shows.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    session: Session,
    place: String,
    open: bool,
    problems: Vec<Finding>,
    /// Changes with every change of the meeting for the open row, so its form is redrawn.
    version: u64,
}

/// The sessions of one day, with the one being edited open.
#[component]
pub fn SessionEditor() -> impl IntoView {
    let state = use_app_state();
    let meeting = state.meeting;
    let day = RwSignal::new(None::<DayId>);
    let editing = RwSignal::new(None::<SessionId>);
    let dragged = StoredValue::new(None::<SessionId>);
    // The chosen day while it exists, else the first.
    let current_day = move || {
        meeting.with(|m| {
            day.get()
                .filter(|d| m.day(*d).is_some())
                .or_else(|| m.days_in_order().first().map(|d| d.id))
        })
    };
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
    // The rows of the chosen day: each row is redrawn only when its own data changes (the
    // open form whenever anything changes, as it lists days, rooms and people).
    let version = StoredValue::new(0u64);
    let rows = Memo::new(move |_| {
        let open = editing.get();
        version.update_value(|v| *v += 1);
        let version = version.get_value();
        state.findings.with(|findings| {
            meeting.with(|m| {
                let Some(day_id) = current_day() else {
                    return Vec::new();
                };
                m.sessions_on(day_id)
                    .into_iter()
                    .map(|s| Row {
                        session: s.clone(),
                        place: m.placement_label(s.placement),
                        open: open == Some(s.id),
                        problems: findings
                            .iter()
                            .filter(|f| !f.dismissed && f.sessions.contains(&s.id))
                            .cloned()
                            .collect(),
                        version: if open == Some(s.id) { version } else { 0 },
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let report = move |result: Result<(), String>| {
        if let Err(text) = result {
            state.notice.set(Some(Notice::error(text)));
        }
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        let Some(id) = form.id.map(SessionId) else {
            return;
        };
        let result = match form.action.as_str() {
            "close" => {
                editing.set(None);
                Ok(())
            }
            "remove" => {
                editing.set(None);
                state
                    .apply(Edit::Remove(ItemId::Session(id)))
                    .map_err(|e| (None, e.to_string()))
            }
            action => {
                let all = |name: &str| -> Vec<String> {
                    form.data
                        .get_all(name)
                        .iter()
                        .filter_map(|v| v.as_string())
                        .collect()
                };
                let get = |name: &str| form.field(name);
                let fields = crate::domain::fields::Fields(&get as &dyn Fn(&str) -> Option<String>);
                let parsed = meeting.with_untracked(|m| {
                    let new_person = PersonId(next_id(m.people.iter().map(|p| p.id.0)));
                    SessionForm::parse(id, &fields, &all, SessionAction::parse(action), new_person)
                        .map(|f| (f, m.session(id).cloned()))
                });
                match parsed {
                    Err(e) => Err((Some(e.field), e.message)),
                    Ok((parsed, old)) => {
                        let mut edits = Vec::new();
                        if let Some(person) = parsed.new_person {
                            edits.push(Edit::Put(Box::new(Item::Person(person))));
                        }
                        let mut session = parsed.session;
                        if action == "duplicate" {
                            let copy_id = meeting.with_untracked(|m| {
                                SessionId(next_id(m.sessions.iter().map(|s| s.id.0)))
                            });
                            session.id = copy_id;
                            session.title = format!("{} (copy)", session.title);
                        }
                        let shift = old
                            .as_ref()
                            .filter(|_| form.field("shift_later").is_some() && action == "save")
                            .map(|old| {
                                let by = (session.start - old.start).num_minutes();
                                meeting.with_untracked(|m| {
                                    let later: Vec<SessionId> = m
                                        .sessions
                                        .iter()
                                        .filter(|s| {
                                            s.day == old.day && s.start >= old.start && s.id != id
                                        })
                                        .map(|s| s.id)
                                        .collect();
                                    Edit::Shift(later, by)
                                })
                            });
                        let new_id = session.id;
                        edits.push(Edit::Put(Box::new(Item::Session(session))));
                        edits.extend(shift);
                        let edit = if edits.len() == 1 {
                            edits.remove(0)
                        } else {
                            Edit::Batch(edits)
                        };
                        let applied = state.apply(edit).map_err(|e| (None, e.to_string()));
                        if applied.is_ok() && action == "duplicate" {
                            editing.set(Some(new_id));
                        }
                        applied
                    }
                }
            }
        };
        match result {
            // The re-rendered form is patched in place: reset it so the "add" rows are empty
            // again and every field shows what was saved.
            Ok(()) => {
                form.show_error(None, "");
                form.form.reset();
            }
            Err((field, message)) => form.show_error(Some(field.unwrap_or("_form")), &message),
        }
    };

    let on_add = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        let Some(template) = Template::find(&form.field("template").unwrap_or_default()) else {
            return;
        };
        let Some(start) = form
            .field("start")
            .as_deref()
            .map(str::trim)
            .and_then(parse_time)
        else {
            form.show_error(Some("start"), "Give a start time (HH:MM).");
            return;
        };
        let placement = match form.field("room").as_deref() {
            Some(r) if r != "all" => r
                .parse()
                .map(|r| Placement::Room(crate::domain::RoomId(r)))
                .unwrap_or_default(),
            _ => Placement::AllRooms,
        };
        let Some(day_id) = current_day() else { return };
        let id = meeting.with_untracked(|m| SessionId(next_id(m.sessions.iter().map(|s| s.id.0))));
        match state.apply(Edit::Put(Box::new(Item::Session(Session::new(
            id, template, day_id, start, placement,
        ))))) {
            Ok(()) => {
                form.show_error(None, "");
                editing.set(Some(id));
            }
            Err(e) => form.show_error(Some("_form"), &e.to_string()),
        }
    };

    let nudge = move |id: SessionId, minutes: i64| {
        report(
            state
                .apply(Edit::Shift(vec![id], minutes))
                .map_err(|e| e.to_string()),
        )
    };
    // Dropping a session on another moves it to that session's start, keeping its length.
    let drop_on = move |target: SessionId| {
        let Some(source) = dragged.get_value() else {
            return;
        };
        if source == target {
            return;
        }
        let edit = meeting.with_untracked(|m| {
            let (s, t) = (m.session(source)?.clone(), m.session(target)?);
            let length = s.end - s.start;
            Some(Edit::Put(Box::new(Item::Session(Session {
                start: t.start,
                end: t.start + length,
                day: t.day,
                ..s
            }))))
        });
        if let Some(edit) = edit {
            report(state.apply(edit).map_err(|e| e.to_string()));
        }
    };

    view! {
        <section class="editor__section" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">"Sessions"</h2>
            <div class="field">
                <label for="sessions-day">"Day"</label>
                <select id="sessions-day" on:change:target=move |ev| day.set(ev.target().value().parse().ok().map(DayId))>
                    {move || meeting.with(|m| day_options(m, current_day().unwrap_or(DayId(0))).into_any())}
                </select>
            </div>
            <form class="item-form item-form--new" aria-label="New session" on:submit=on_add novalidate>
                {move || meeting.with(|m| view! {
                    {select("new-session", "Session", "template", TEMPLATES.into_iter().map(|t| view! { <option value=t.slug>{t.title}</option> }).collect_view())}
                    {input("new-session", "Starts", "start", "time", String::new())}
                    {select("new-session", "Room", "room", room_options(m, Placement::AllRooms))}
                }.into_any())}
                <p class="field-error" data-error-for="_form" role="alert"></p>
                <div class="form-actions"><button type="submit">"Add session"</button></div>
            </form>
            {move || current_day().is_none().then(|| view! { <p class="empty">"Add a day first."</p> })}
            <ol class="session-rows" on:submit=on_submit>
                <For each=move || rows.get() key=|row| row.clone() let:row>
                    {
                        let Row { session: s, place, open, problems, .. } = row;
                        let id = s.id;
                        if open {
                            let problems: Vec<&Finding> = problems.iter().collect();
                            meeting.with_untracked(|m| view! { <li>{session_form(m, &s, &problems)}</li> }.into_any())
                        } else {
                            let marker = problems.iter().map(|f| f.severity).min().map(|worst| {
                                let tally = summary(counts(problems.iter()));
                                let details = problems.iter().map(|f| f.message.as_str()).collect::<Vec<_>>().join("\n");
                                view! { <span class=format!("marker marker--{}", worst.as_str()) title=details>{tally}</span> }
                            });
                            let title = s.title.clone();
                            view! {
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
                                        <button type="button" aria-label=format!("Move {title} {STEP} minutes earlier") on:click=move |_| nudge(id, -STEP)>"Earlier"</button>
                                        <button type="button" aria-label=format!("Move {title} {STEP} minutes later") on:click=move |_| nudge(id, STEP)>"Later"</button>
                                        <button type="button" aria-label=format!("Edit {title}") on:click=move |_| editing.set(Some(id))>"Edit"</button>
                                    </span>
                                </li>
                            }.into_any()
                        }
                    }
                </For>
            </ol>
        </section>
    }
}
