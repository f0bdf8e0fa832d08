//! The people directory: everyone in the programme with their position, organization,
//! biography and sessions.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use super::shown::Shown;
use crate::domain::attendee::ViewState;
use crate::domain::Meeting;
use crate::ui::lazy::NotLoaded;
use crate::web::dom::fold_case;

/// How many people the directory shows at once; a search narrows it.
const PEOPLE_SHOWN: usize = 100;

/// The people directory: loaded when first opened.
#[wasm_split(directory_view, wasm_split_path = ::leptos::wasm_split, fallible)]
pub(super) fn directory_view(shown: Shown) -> Result<AnyView, NotLoaded> {
    Ok(untrack(|| {
        shown
            .meeting
            .try_with_value(|m| directory(m, shown.view_state))
            .unwrap_or_else(|| ().into_any())
    }))
}

/// Everyone in the programme: name, position, organization, biography, their sessions.
fn directory(m: &Meeting, view_state: RwSignal<ViewState>) -> AnyView {
    let m = m.clone();
    let query = Memo::new(move |_| view_state.with(|v| fold_case(v.query.trim())));
    let list = move || {
        let query = query.get();
        let by_person = m.sessions_by_person();
        let mut people: Vec<_> = m
            .people
            .iter()
            .filter(|p| query.is_empty() || p.matches(&query, fold_case))
            .collect();
        crate::domain::order::sort_by_key(&mut people, |p| {
            (
                p.family_name.to_ascii_lowercase(),
                p.given_name.to_ascii_lowercase(),
            )
        });
        let total = people.len();
        let cards = people
            .into_iter()
            .take(PEOPLE_SHOWN)
            .map(|p| {
                let sessions = by_person
                    .of(p.id)
                    .iter()
                    .map(|s| {
                        let id = s.id;
                        view! { <li><button type="button" class="link-button" data-session=id.0.to_string() on:click=move |_| super::places::go(view_state, |v| { v.people = false; v.session = Some(id); })>{s.title.clone()}</button></li> }
                    })
                    .collect_view();
                let affiliation = p.affiliation(false);
                view! {
                    <li class="person-card">
                        <h3>{p.display_name(true)}</h3>
                        {(!affiliation.is_empty()).then(|| view! { <p class="person-card__affiliation">{affiliation}</p> })}
                        {(!p.bio.is_empty()).then(|| view! { <p class="person-card__bio">{p.bio.clone()}</p> })}
                        <ul class="person-card__sessions" aria-label=format!("Sessions of {}", p.name())>{sessions}</ul>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="item-form__note" role="status">
                {if total > PEOPLE_SHOWN { format!("Showing {PEOPLE_SHOWN} of {total} people; search to narrow.") } else { format!("{total} people") }}
            </p>
            <ul class="person-cards">{cards}</ul>
        }
    };
    view! {
        <section class="directory" aria-labelledby="people-heading">
            <h2 id="people-heading">"People"</h2>
            <div class="field">
                <label for="people-filter">"Search people by name or organization"</label>
                <input id="people-filter" type="search"
                    prop:value=move || view_state.with(|v| v.query.clone())
                    on:input:target=move |ev| view_state.update(|v| v.query = ev.target().value())/>
            </div>
            {list}
        </section>
    }
    .into_any()
}
