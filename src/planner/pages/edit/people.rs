//! People: search, then a form per person (every field, the sessions they are in, what the
//! checks say about them), and a form for a new person.

use std::collections::HashMap;

use leptos::prelude::*;

use super::item_submit;
use crate::domain::check::Finding;
use crate::domain::edit::Item;
use crate::domain::{Category, ItemId, Person, PersonId};
use crate::forms::names::*;
use crate::forms::{availability_from_fields, availability_text};
use crate::planner::components::problems::problems_note;
use crate::planner::state::use_app_state;
use crate::ui::form_fields::{buttons, form_error, input, text_area};
use crate::web::dom::{fold_case, reveal};

/// How many people the list shows at once; a search narrows it.
const PEOPLE_SHOWN: usize = 50;

/// A person's form, with what it shows besides the person.
#[derive(Clone, PartialEq)]
struct PersonRow {
    person: Person,
    sessions: Vec<String>,
    availability: String,
    problems: Vec<Finding>,
}

/// A person's form, or the "New person" form.
#[component]
fn PersonForm(row: Option<PersonRow>) -> impl IntoView {
    let state = use_app_state();
    let error = form_error();
    let person = row.as_ref().map(|r| r.person.clone());
    let (on_submit, on_input) = item_submit(
        state,
        person.as_ref().map(|p| p.id.0),
        error,
        |id, f, m| {
            let availability = availability_from_fields(f, m)?;
            Person::from_fields(PersonId(id), f).map(|p| Item::Person(Person { availability, ..p }))
        },
        |id| ItemId::Person(PersonId(id)),
        |m| m.new_person_id().0,
    );
    let key = person
        .as_ref()
        .map_or("new-person".to_string(), |p| format!("person-{}", p.id));
    let name = person
        .as_ref()
        .map_or("New person".to_string(), |p| format!("Person {}", p.name()));
    let text =
        |f: fn(&Person) -> &String| person.as_ref().map(|p| f(p).clone()).unwrap_or_default();
    let category = person.as_ref().map(|p| p.category).unwrap_or_default();
    let category_id = format!("{key}-category");
    let (sessions, availability, problems) = row
        .map(|r| (r.sessions, r.availability, r.problems))
        .unwrap_or_default();
    let problems: Vec<&Finding> = problems.iter().collect();
    let class = if person.is_some() {
        "item-form item-form--person"
    } else {
        "item-form item-form--person item-form--new"
    };
    view! {
        <form class=class id=person.as_ref().map(|p| format!("person-{}", p.id)) aria-label=name on:submit=on_submit on:input=on_input novalidate>
            {problems_note(&problems)}
            {input(&key, "Honorific", HONORIFIC, "text", text(|p| &p.honorific), error)}
            {input(&key, "Given name", GIVEN_NAME, "text", text(|p| &p.given_name), error)}
            {input(&key, "Family name", FAMILY_NAME, "text", text(|p| &p.family_name), error)}
            {input(&key, "Position", POSITION, "text", text(|p| &p.position), error)}
            {input(&key, "Organization", ORGANIZATION, "text", text(|p| &p.organization), error)}
            {input(&key, "Short organization name", ORGANIZATION_SHORT, "text", text(|p| &p.organization_short), error)}
            <div class="field">
                <label for=category_id.clone()>"Category"</label>
                <select id=category_id name=CATEGORY>
                    {Category::ALL.into_iter().map(|c| view! {
                        <option value=c.as_str() selected=c == category>{c.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            {text_area(&key, "Biography", BIO, text(|p| &p.bio), error)}
            {text_area(&key, "Available only (one line per day, e.g. 2022-09-15 09:00–12:00, 14:00–17:00; empty: all day)", AVAILABILITY, availability, error)}
            {(!sessions.is_empty()).then(|| view! {
                <p class="item-form__note field--wide">"In: " {sessions.join(" · ")}</p>
            })}
            {buttons(if person.is_some() { "Save" } else { "Add person" }, person.is_some(), error)}
        </form>
    }
}

/// The People part of the Edit screen.
#[component]
pub fn PeoplePart() -> impl IntoView {
    let state = use_app_state();
    let meeting = state.meeting();
    let query = RwSignal::new(String::new());
    // Who is shown (the first ones the search keeps) and how many it keeps in all.
    let found = Memo::new(move |_| {
        let q = fold_case(query.get().trim());
        meeting.with(|m| {
            let all: Vec<PersonId> = m
                .people
                .iter()
                .filter(|p| q.is_empty() || p.matches(&q, fold_case))
                .map(|p| p.id)
                .collect();
            let total = all.len();
            (
                all.into_iter().take(PEOPLE_SHOWN).collect::<Vec<_>>(),
                total,
            )
        })
    });
    let shown = Memo::new(move |_| found.with(|(ids, _)| ids.clone()));
    // The sessions each person is in, and what the checks say about each: worked out once
    // per change, each form reads its own entry.
    let sessions = Memo::new(move |_| {
        meeting.with(|m| {
            let by_person = m.sessions_by_person();
            m.people
                .iter()
                .map(|p| {
                    let titles = by_person.of(p.id).iter().map(|s| s.title.clone());
                    (p.id, titles.collect())
                })
                .collect::<HashMap<PersonId, Vec<String>>>()
        })
    });
    let problems = Memo::new(move |_| {
        state.findings.with(|findings| {
            let mut map: HashMap<PersonId, Vec<Finding>> = HashMap::new();
            for f in findings.iter().filter(|f| !f.dismissed) {
                for p in &f.people {
                    map.entry(*p).or_default().push(f.clone());
                }
            }
            map
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
    view! {
        <section class="editor__section" aria-labelledby="people-heading">
            <h2 id="people-heading">"People"</h2>
            <div class="field">
                <label for="people-search">"Search people by name or organization"</label>
                <input id="people-search" type="search" prop:value=move || query.get() on:input:target=move |ev| query.set(ev.target().value())/>
            </div>
            <p class="item-form__note" role="status">
                {move || {
                    let total = found.with(|(_, total)| *total);
                    if total > PEOPLE_SHOWN { format!("Showing {PEOPLE_SHOWN} of {total} people; search to narrow.") } else { format!("{total} people") }
                }}
            </p>
            <For each=move || shown.get() key=|id| *id let:id>
                {
                    let row = Memo::new(move |_| meeting.with(|m| person_row(m, id, sessions, problems)));
                    move || row.get().map(|row| view! { <PersonForm row=Some(row)/> })
                }
            </For>
            <PersonForm row=None/>
        </section>
    }
}

/// One person's row, read inside the row's own memo; `sessions` and `problems` are worked out
/// once per change for every row.
fn person_row(
    m: &crate::domain::Meeting,
    id: PersonId,
    sessions: Memo<HashMap<PersonId, Vec<String>>>,
    problems: Memo<HashMap<PersonId, Vec<Finding>>>,
) -> Option<PersonRow> {
    let person = m.person(id)?.clone();
    Some(PersonRow {
        availability: availability_text(&person.availability, m),
        sessions: sessions.with(|s| s.get(&id).cloned().unwrap_or_default()),
        problems: problems.with(|p| p.get(&id).cloned().unwrap_or_default()),
        person,
    })
}
