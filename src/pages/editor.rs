//! The editor: the meeting's details, days, rooms, themes and people.
//!
//! Every list is plain forms, one per item, read when submitted (one handler per list, as the
//! submit event bubbles up): the pure `from_fields` functions of `domain::fields` make the item
//! or name the wrong field, whose message then shows beside it. Every change is one `Edit`, so
//! it can be undone.

use leptos::prelude::*;

use crate::components::findings_panel::FindingsPanel;
use crate::components::form_fields::{buttons, input, text_area};
use crate::components::session_editor::SessionEditor;
use crate::domain::check::Finding;
use crate::domain::fields::{availability_from_fields, availability_text, FieldError, Fields};
use crate::domain::ids::next_id;
use crate::domain::schedule::{hh_mm, iso_date, long_date};
use crate::domain::{
    Category, Day, DayId, Details, Edit, Item, ItemId, Meeting, Person, PersonId, Room, RoomId,
    Theme, ThemeId,
};
use crate::platform::{fold_case, reveal, Submitted};
use crate::state::{use_app_state, AppState};

type FormFields<'a> = Fields<&'a dyn Fn(&str) -> Option<String>>;

/// How many people the list shows at once; a search narrows it.
const PEOPLE_SHOWN: usize = 50;

/// Handles Save / Add / Remove from any form of one kind of item.
fn item_submit(
    state: AppState,
    parse: fn(u32, &FormFields, &Meeting) -> Result<Item, FieldError>,
    id_of: fn(u32) -> ItemId,
    next: fn(&Meeting) -> u32,
) -> impl Fn(leptos::ev::SubmitEvent) + Copy + 'static {
    move |ev| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        let result = match (form.action.as_str(), form.id) {
            ("remove", Some(id)) => state
                .apply(Edit::Remove(id_of(id)))
                .map_err(|e| (None, e.to_string())),
            _ => {
                let id = form
                    .id
                    .unwrap_or_else(|| state.meeting.with_untracked(next));
                let get = |name: &str| form.field(name);
                let fields = Fields(&get as &dyn Fn(&str) -> Option<String>);
                match state.meeting.with_untracked(|m| parse(id, &fields, m)) {
                    Ok(item) => state
                        .apply(Edit::Put(Box::new(item)))
                        .map_err(|e| (None, e.to_string())),
                    Err(e) => Err((Some(e.field), e.message)),
                }
            }
        };
        match result {
            Ok(()) => {
                form.show_error(None, "");
                if form.id.is_none() {
                    form.form.reset();
                }
            }
            Err((field, message)) => form.show_error(Some(field.unwrap_or("_form")), &message),
        }
    }
}

fn day_form(day: Option<&Day>) -> AnyView {
    let key = day.map_or("new-day".to_string(), |d| format!("day-{}", d.id));
    let name = day.map_or("New day".to_string(), |d| {
        format!("Day {}", long_date(d.date))
    });
    view! {
        <form class=if day.is_some() { "item-form" } else { "item-form item-form--new" } data-id=day.map(|d| d.id.0.to_string()) aria-label=name novalidate>
            {input(&key, "Date", "date", "date", day.map(|d| iso_date(d.date)).unwrap_or_default())}
            {input(&key, "Label", "label", "text", day.map(|d| d.label.clone()).unwrap_or_default())}
            {input(&key, "Starts", "start", "time", day.map_or("09:00".into(), |d| hh_mm(d.start)))}
            {input(&key, "Ends", "end", "time", day.map_or("17:00".into(), |d| hh_mm(d.end)))}
            {buttons(if day.is_some() { "Save" } else { "Add day" }, day.is_some())}
        </form>
    }
    .into_any()
}

fn room_form(room: Option<&Room>) -> AnyView {
    let key = room.map_or("new-room".to_string(), |r| format!("room-{}", r.id));
    let name = room.map_or("New room".to_string(), |r| format!("Room {}", r.name));
    view! {
        <form class=if room.is_some() { "item-form" } else { "item-form item-form--new" } data-id=room.map(|r| r.id.0.to_string()) aria-label=name novalidate>
            {input(&key, "Name", "name", "text", room.map(|r| r.name.clone()).unwrap_or_default())}
            {input(&key, "Capacity", "capacity", "text", room.and_then(|r| r.capacity).map(|c| c.to_string()).unwrap_or_default())}
            {input(&key, "Description", "description", "text", room.map(|r| r.description.clone()).unwrap_or_default())}
            {buttons(if room.is_some() { "Save" } else { "Add room" }, room.is_some())}
        </form>
    }
    .into_any()
}

fn theme_form(theme: Option<&Theme>) -> AnyView {
    let key = theme.map_or("new-theme".to_string(), |t| format!("theme-{}", t.id));
    let name = theme.map_or("New theme".to_string(), |t| format!("Theme {}", t.name));
    view! {
        <form class=if theme.is_some() { "item-form" } else { "item-form item-form--new" } data-id=theme.map(|t| t.id.0.to_string()) aria-label=name novalidate>
            {input(&key, "Name", "name", "text", theme.map(|t| t.name.clone()).unwrap_or_default())}
            {input(&key, "Colour", "colour", "color", theme.map_or("#1d4ed8".into(), |t| t.colour.clone()))}
            {input(&key, "Description", "description", "text", theme.map(|t| t.description.clone()).unwrap_or_default())}
            {buttons(if theme.is_some() { "Save" } else { "Add theme" }, theme.is_some())}
        </form>
    }
    .into_any()
}

/// What the checks say about one item, shown on its form.
pub fn problems_note(problems: &[&Finding]) -> Option<AnyView> {
    let worst = problems.iter().map(|f| f.severity).min()?;
    Some(
        view! {
            <ul class=format!("marker-list marker--{} field--wide", worst.as_str()) aria-label="Problems found by the checks">
                {problems.iter().map(|f| view! { <li>{format!("{}: {}", f.severity.label(), f.message)}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
    )
}

fn person_form(
    person: Option<&Person>,
    sessions: &[String],
    availability: String,
    problems: &[&Finding],
) -> AnyView {
    let key = person.map_or("new-person".to_string(), |p| format!("person-{}", p.id));
    let name = person.map_or("New person".to_string(), |p| format!("Person {}", p.name()));
    let text = |f: fn(&Person) -> &String| person.map(|p| f(p).clone()).unwrap_or_default();
    let category = person.map(|p| p.category).unwrap_or_default();
    let category_id = format!("{key}-category");
    view! {
        <form class=if person.is_some() { "item-form item-form--person" } else { "item-form item-form--person item-form--new" } id=person.map(|p| format!("person-{}", p.id)) data-id=person.map(|p| p.id.0.to_string()) aria-label=name novalidate>
            {problems_note(problems)}
            {input(&key, "Honorific", "honorific", "text", text(|p| &p.honorific))}
            {input(&key, "Given name", "given_name", "text", text(|p| &p.given_name))}
            {input(&key, "Family name", "family_name", "text", text(|p| &p.family_name))}
            {input(&key, "Position", "position", "text", text(|p| &p.position))}
            {input(&key, "Organization", "organization", "text", text(|p| &p.organization))}
            {input(&key, "Short organization name", "organization_short", "text", text(|p| &p.organization_short))}
            <div class="field">
                <label for=category_id.clone()>"Category"</label>
                <select id=category_id name="category">
                    {Category::ALL.into_iter().map(|c| view! {
                        <option value=c.as_str() selected=c == category>{c.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            {text_area(&key, "Biography", "bio", text(|p| &p.bio))}
            {text_area(&key, "Available only (one line per day, e.g. 2022-09-15 09:00–12:00, 14:00–17:00; empty: all day)", "availability", availability)}
            {(!sessions.is_empty()).then(|| view! {
                <p class="item-form__note field--wide">"In: " {sessions.join(" · ")}</p>
            })}
            {buttons(if person.is_some() { "Save" } else { "Add person" }, person.is_some())}
        </form>
    }
    .into_any()
}

/// A person's form, with what it shows besides the person.
#[derive(Clone, PartialEq)]
struct PersonRow {
    person: Person,
    sessions: Vec<String>,
    availability: String,
    problems: Vec<Finding>,
}

/// The editor screen.
#[component]
pub fn EditorPage() -> impl IntoView {
    let state = use_app_state();
    let meeting = state.meeting;
    let query = RwSignal::new(String::new());
    // Each list is redrawn only when what it shows changes, not on every edit.
    let details = Memo::new(move |_| meeting.with(Details::of));
    let days = Memo::new(move |_| {
        meeting.with(|m| m.days_in_order().into_iter().cloned().collect::<Vec<_>>())
    });
    let rooms = Memo::new(move |_| meeting.with(|m| m.rooms.clone()));
    let themes = Memo::new(move |_| meeting.with(|m| m.themes.clone()));
    let people = Memo::new(move |_| {
        let q = fold_case(query.get().trim());
        state.findings.with(|findings| {
            meeting.with(|m| {
                let by_person = m.sessions_by_person();
                let found: Vec<&Person> = m
                    .people
                    .iter()
                    .filter(|p| q.is_empty() || p.matches(&q, fold_case))
                    .collect();
                let total = found.len();
                let shown: Vec<PersonRow> = found
                    .into_iter()
                    .take(PEOPLE_SHOWN)
                    .map(|p| PersonRow {
                        person: p.clone(),
                        sessions: by_person
                            .get(&p.id)
                            .map(|s| s.iter().map(|s| s.title.clone()).collect())
                            .unwrap_or_default(),
                        availability: availability_text(&p.availability, m),
                        problems: findings
                            .iter()
                            .filter(|f| !f.dismissed && f.people.contains(&p.id))
                            .cloned()
                            .collect(),
                    })
                    .collect();
                (shown, total)
            })
        })
    });
    // A finding asked to show a person: find them by name.
    Effect::new(move |_| {
        if let Some(ItemId::Person(id)) = state.focus.get() {
            state.focus.set(None);
            if let Some(name) = meeting.with_untracked(|m| m.person(id).map(|p| p.name())) {
                query.set(name);
                reveal(format!("person-{id}"));
            }
        }
    });

    let on_details = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        let get = |name: &str| form.field(name);
        let result = Details::from_fields(&Fields(&get as &dyn Fn(&str) -> Option<String>))
            .map_err(|e| (e.field, e.message))
            .and_then(|d| {
                state
                    .apply(Edit::SetDetails(Box::new(d)))
                    .map_err(|e| ("_form", e.to_string()))
            });
        match result {
            Ok(()) => form.show_error(None, ""),
            Err((field, message)) => form.show_error(Some(field), &message),
        }
    };
    let on_day = item_submit(
        state,
        |id, f, _| Day::from_fields(DayId(id), f).map(Item::Day),
        |id| ItemId::Day(DayId(id)),
        |m| next_id(m.days.iter().map(|d| d.id.0)),
    );
    let on_room = item_submit(
        state,
        |id, f, _| Room::from_fields(RoomId(id), f).map(Item::Room),
        |id| ItemId::Room(RoomId(id)),
        |m| next_id(m.rooms.iter().map(|r| r.id.0)),
    );
    let on_theme = item_submit(
        state,
        |id, f, _| Theme::from_fields(ThemeId(id), f).map(Item::Theme),
        |id| ItemId::Theme(ThemeId(id)),
        |m| next_id(m.themes.iter().map(|t| t.id.0)),
    );
    let on_person = item_submit(
        state,
        |id, f, m| {
            let availability = availability_from_fields(f, m)?;
            Person::from_fields(PersonId(id), f).map(|p| Item::Person(Person { availability, ..p }))
        },
        |id| ItemId::Person(PersonId(id)),
        |m| next_id(m.people.iter().map(|p| p.id.0)),
    );

    view! {
        <section class="editor" aria-labelledby="editor-heading">
            <h1 id="editor-heading">"Edit the meeting"</h1>

            <FindingsPanel/>

            <section class="editor__section" aria-labelledby="details-heading">
                <h2 id="details-heading">"Meeting details"</h2>
                {move || details.with(|m| view! {
                    <form class="item-form" aria-label="Meeting details" on:submit=on_details novalidate>
                        {input("meeting", "Title", "title", "text", m.title.clone())}
                        {input("meeting", "Short name (for file names)", "short_name", "text", m.short_name.clone())}
                        {input("meeting", "Edition or subtitle", "edition", "text", m.edition.clone())}
                        {input("meeting", "Host organization", "host", "text", m.host.clone())}
                        {input("meeting", "Venue", "venue", "text", m.venue.clone())}
                        {input("meeting", "City", "city", "text", m.city.clone())}
                        {input("meeting", "Timezone (IANA name, e.g. Europe/Zurich)", "timezone", "text", m.timezone.clone())}
                        {text_area("meeting", "Description", "description", m.description.clone())}
                        {buttons("Save details", false)}
                    </form>
                })}
            </section>

            <section class="editor__section" aria-labelledby="days-heading" on:submit=on_day>
                <h2 id="days-heading">"Days"</h2>
                {move || days.with(|days| days.iter().map(|d| day_form(Some(d))).collect_view())}
                {day_form(None)}
            </section>

            <section class="editor__section" aria-labelledby="rooms-heading" on:submit=on_room>
                <h2 id="rooms-heading">"Rooms"</h2>
                {move || rooms.with(|rooms| rooms.iter().map(|r| room_form(Some(r))).collect_view())}
                {room_form(None)}
            </section>

            <section class="editor__section" aria-labelledby="themes-heading-edit" on:submit=on_theme>
                <h2 id="themes-heading-edit">"Themes"</h2>
                {move || themes.with(|themes| themes.iter().map(|t| theme_form(Some(t))).collect_view())}
                {theme_form(None)}
            </section>

            <SessionEditor/>

            <section class="editor__section" aria-labelledby="people-heading" on:submit=on_person>
                <h2 id="people-heading">"People"</h2>
                <div class="field">
                    <label for="people-search">"Search people by name or organization"</label>
                    <input id="people-search" type="search" prop:value=move || query.get() on:input:target=move |ev| query.set(ev.target().value())/>
                </div>
                {move || people.with(|(shown, total)| {
                    let total = *total;
                    let forms = shown.iter().map(|p| {
                        let problems: Vec<&Finding> = p.problems.iter().collect();
                        person_form(Some(&p.person), &p.sessions, p.availability.clone(), &problems)
                    }).collect_view();
                    view! {
                        <p class="item-form__note" role="status">
                            {if total > PEOPLE_SHOWN { format!("Showing {PEOPLE_SHOWN} of {total} people; search to narrow.") } else { format!("{total} people") }}
                        </p>
                        {forms}
                    }
                })}
                {person_form(None, &[], String::new(), &[])}
            </section>
        </section>
    }
}
