//! People: a compact table (family name first, organization, category, where their
//! invitations stand, how many sessions), sortable by each column, with a search and filters,
//! *Add person* at the top and a bulk change of invitation status; a person is edited in a
//! panel beside it (every field, their sessions with day, time and role, what the checks say
//! about them).

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use super::item_submit;
use crate::domain::check::Finding;
use crate::domain::edit::Item;
use crate::domain::roster::{self, Column, Filter, Row, Sort};
use crate::domain::{Category, ItemId, Person, PersonId, Status};
use crate::forms::names::*;
use crate::forms::{availability_from_fields, availability_text};
use crate::planner::components::person_picker::PeopleFinder;
use crate::planner::components::problems::problems_note;
use crate::planner::state::use_app_state;
use crate::ui::form_fields::{buttons, form_error, input, text_area};
use crate::ui::notice::Notice;
use crate::web::dom::{focus_id, fold_case};

/// How many people the table shows at first; *Show more* adds as many again.
const PEOPLE_SHOWN: usize = 100;

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
                <div class="field--wide">
                    <h3 class="person-sessions__heading" id=format!("{key}-sessions")>"Sessions"</h3>
                    <ul class="person-sessions" aria-labelledby=format!("{key}-sessions")>
                        {sessions.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                </div>
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
    let finder = PeopleFinder::used();
    let query = RwSignal::new(String::new());
    let category = RwSignal::new(None::<Category>);
    let organization = RwSignal::new(None::<String>);
    let unconfirmed = RwSignal::new(false);
    let sort = RwSignal::new(Sort::default());
    let limit = RwSignal::new(PEOPLE_SHOWN);
    let selected = RwSignal::new(HashSet::<PersonId>::new());
    // The person open in the panel: `Some(None)` is a new person.
    let open = RwSignal::new(None::<Option<PersonId>>);
    let rows = Memo::new(move |_| meeting.with(|m| roster::rows(m, fold_case)));
    let organizations = Memo::new(move |_| rows.with(|r| roster::organizations(r)));
    let filter = Memo::new(move |_| Filter {
        query: fold_case(query.get().trim()),
        category: category.get(),
        organization: organization.get(),
        unconfirmed: unconfirmed.get(),
    });
    // Everyone the filters keep, in order; the table shows the first `limit` of them.
    let kept = Memo::new(move |_| {
        let (filter, sort) = (filter.get(), sort.get());
        rows.with(|rows| {
            finder.index().with(|index| {
                roster::shown(rows, index, &filter, sort)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<Row>>()
            })
        })
    });
    let shown = Memo::new(move |_| {
        kept.with(|k| k.iter().take(limit.get()).cloned().collect::<Vec<Row>>())
    });
    let sessions = Memo::new(move |_| meeting.with(crate::domain::roster::person_sessions));
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
    let open_person = move |id: Option<PersonId>| {
        open.set(Some(id));
        focus_id(match id {
            Some(id) => format!("person-{id}-{HONORIFIC}"),
            None => format!("new-person-{HONORIFIC}"),
        });
    };
    let close = move || {
        if let Some(Some(id)) = open.get_untracked() {
            focus_id(format!("person-row-{id}"));
        } else {
            focus_id("people-add".into());
        }
        open.set(None);
    };
    // A finding asked to show a person: open them.
    Effect::new(move |_| {
        if let Some(ItemId::Person(id)) = state.focus.get() {
            state.focus.set(None);
            open_person(Some(id));
        }
    });
    // A person removed (here or in another tab) closes their panel.
    Effect::new(move |_| {
        if let Some(Some(id)) = open.get() {
            if meeting.with(|m| m.person(id).is_none()) {
                open.set(None);
            }
        }
    });
    let heading = move |column: Column| {
        let aria_sort = move || {
            let s = sort.get();
            (s.column == column).then_some(if s.descending {
                "descending"
            } else {
                "ascending"
            })
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="sort-button" on:click=move |_| sort.update(|s| *s = s.toggled(column))>
                    {column.label()}
                    <span aria-hidden="true">{move || {
                        let s = sort.get();
                        if s.column != column { "" } else if s.descending { " ▼" } else { " ▲" }
                    }}</span>
                </button>
            </th>
        }
    };
    let all_selected = move || {
        kept.with(|k| !k.is_empty() && selected.with(|s| k.iter().all(|r| s.contains(&r.id))))
    };
    let toggle_all = move |on: bool| {
        let ids: Vec<PersonId> = kept.with_untracked(|k| k.iter().map(|r| r.id).collect());
        selected.update(|s| {
            for id in ids {
                if on {
                    s.insert(id);
                } else {
                    s.remove(&id);
                }
            }
        });
    };
    let row_view = move |row: Row| {
        let id = row.id;
        let name = row.name.clone();
        let checked = move || selected.with(|s| s.contains(&id));
        view! {
            <tr class:people__row--open=move || open.get() == Some(Some(id))>
                <td><input type="checkbox" aria-label=format!("Select {name}") prop:checked=checked
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        selected.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                    }/></td>
                <th scope="row"><button type="button" class="link-button" id=format!("person-row-{id}")
                    aria-label=format!("Edit {name}") on:click=move |_| open_person(Some(id))>{row.name.clone()}</button></th>
                <td>{row.organization.clone()}</td>
                <td>{row.category.label()}</td>
                <td>{row.status_text()}</td>
                <td class="people__count">{row.sessions}</td>
            </tr>
        }
    };
    view! {
        <section class="editor__section" aria-labelledby="people-heading">
            <div class="people__top">
                <h2 id="people-heading">"People"</h2>
                <button type="button" id="people-add" class="people__add" on:click=move |_| open_person(None)>"Add person"</button>
            </div>
            <div class="people__filters" role="search" aria-label="People">
                <div class="field">
                    <label for="people-search">"Search by name or organization"</label>
                    <input id="people-search" type="search" prop:value=move || query.get()
                        on:input:target=move |ev| { query.set(ev.target().value()); limit.set(PEOPLE_SHOWN); }/>
                </div>
                <div class="field">
                    <label for="people-category">"Category"</label>
                    <select id="people-category" on:change:target=move |ev| category.set(Category::parse(&ev.target().value()))>
                        <option value="">"All categories"</option>
                        {Category::ALL.into_iter().map(|c| view! { <option value=c.as_str()>{c.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="people-organization">"Organization"</label>
                    <select id="people-organization" on:change:target=move |ev| {
                        let v = ev.target().value();
                        organization.set((!v.is_empty()).then_some(v));
                    }>
                        <option value="">"All organizations"</option>
                        {move || organizations.get().into_iter().map(|o| {
                            let chosen = organization.get_untracked().as_deref() == Some(o.as_str());
                            view! { <option value=o.clone() selected=chosen>{o.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <label class="check">
                    <input type="checkbox" prop:checked=move || unconfirmed.get() on:change:target=move |ev| unconfirmed.set(ev.target().checked())/>
                    "Not yet confirmed only"
                </label>
            </div>
            <BulkStatus selected=selected/>
            <p class="item-form__note" role="status">
                {move || {
                    let (total, all) = (kept.with(Vec::len), rows.with(Vec::len));
                    let chosen = selected.with(HashSet::len);
                    let chosen = if chosen > 0 { format!(" · {chosen} selected") } else { String::new() };
                    if total == all { format!("{all} people{chosen}") } else { format!("{total} of {all} people{chosen}") }
                }}
            </p>
            <div class="timetable__panel people__panel" class:timetable__panel--open=move || open.with(Option::is_some)>
                <div class="people__table-wrap">
                    <table class="people__table">
                        <caption class="visually-hidden">"People of the meeting"</caption>
                        <thead>
                            <tr>
                                <td><input type="checkbox" aria-label="Select everyone the filters keep"
                                    prop:checked=all_selected on:change:target=move |ev| toggle_all(ev.target().checked())/></td>
                                {Column::ALL.into_iter().map(heading).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || shown.get() key=|row| row.clone() let:row>
                                {row_view(row)}
                            </For>
                        </tbody>
                    </table>
                    {move || kept.with(Vec::is_empty).then(|| view! {
                        <p class="empty">{move || if filter.with(Filter::is_empty) { "No people yet: Add person." } else { "No one matches; change the search or the filters." }}</p>
                    })}
                    {move || (kept.with(Vec::len) > limit.get()).then(|| view! {
                        <button type="button" on:click=move |_| limit.update(|l| *l += PEOPLE_SHOWN)>
                            {move || format!("Show more ({} not shown)", kept.with(Vec::len).saturating_sub(limit.get()))}
                        </button>
                    })}
                </div>
                {move || open.get().map(|person| view! {
                    <aside class="timetable__side" aria-label="The person open"
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { ev.prevent_default(); close(); }>
                        {match person {
                            Some(id) => {
                                let row = Memo::new(move |_| meeting.with(|m| person_row(m, id, sessions, problems)));
                                (move || row.get().map(|row| view! { <PersonForm row=Some(row)/> })).into_any()
                            }
                            None => view! { <PersonForm row=None/> }.into_any(),
                        }}
                        <button type="button" on:click=move |_| close()>"Close"</button>
                    </aside>
                })}
            </div>
        </section>
    }
}

/// The bulk change of invitation status: every invitation of the people selected that has
/// one status gets another, as one step (undone with Undo).
#[component]
fn BulkStatus(selected: RwSignal<HashSet<PersonId>>) -> impl IntoView {
    let state = use_app_state();
    let from = RwSignal::new(Status::Invited);
    let to = RwSignal::new(Status::Confirmed);
    let options = move |chosen: Status| {
        Status::ALL
            .into_iter()
            .map(|s| view! { <option value=s.as_str() selected=s == chosen>{s.label()}</option> })
            .collect_view()
    };
    let apply = move |_| {
        let people: Vec<PersonId> = selected.with_untracked(|s| s.iter().copied().collect());
        let (from, to) = (from.get_untracked(), to.get_untracked());
        let change = state
            .meeting()
            .with_untracked(|m| roster::set_status(m, &people, from, to));
        let notice = match change {
            None => Notice::info(format!(
                "None of the {} selected has an invitation marked {}.",
                people.len(),
                from.label().to_ascii_lowercase()
            )),
            Some((edit, changed)) => match state.apply(edit) {
                Ok(()) => Notice::info(format!(
                    "{changed} invitation{} marked {}.",
                    if changed == 1 { "" } else { "s" },
                    to.label().to_ascii_lowercase()
                ))
                .with_undo(),
                Err(e) => Notice::error(e.to_string()),
            },
        };
        state.notice.set(Some(notice));
    };
    view! {
        <fieldset class="people__bulk" disabled=move || selected.with(HashSet::is_empty)>
            <legend>"Invitations of the people selected"</legend>
            <div class="field">
                <label for="bulk-from">"Marked"</label>
                <select id="bulk-from" on:change:target=move |ev| from.set(Status::parse(&ev.target().value()).unwrap_or_default())>{options(Status::Invited)}</select>
            </div>
            <div class="field">
                <label for="bulk-to">"Become"</label>
                <select id="bulk-to" on:change:target=move |ev| to.set(Status::parse(&ev.target().value()).unwrap_or_default())>{options(Status::Confirmed)}</select>
            </div>
            <button type="button" on:click=apply>"Change status"</button>
        </fieldset>
    }
}

/// One person's form data, read inside the panel's own memo; `sessions` and `problems` are
/// worked out once per change for everyone.
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
