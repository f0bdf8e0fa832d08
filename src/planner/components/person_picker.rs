//! A people field that finds people as their name or organization is typed and offers to
//! create the person typed ("Create ‘Dr Jane Doe’"): the WAI-ARIA combobox pattern, for the
//! keyboard (ArrowDown/ArrowUp through the list, Enter picks, Escape closes the list) as for
//! the mouse. Picking puts the person's id (or `new`) in the form's `new_person` field and
//! presses the form's button for `action`; the form reads the typed name from
//! `new_person_name` (`forms::session`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::person::PeopleIndex;
use crate::domain::{Person, PersonId};
use crate::forms::names::{NEW, NEW_PERSON, NEW_PERSON_NAME};
use crate::planner::state::use_app_state;
use crate::ui::form_fields::{invalid, message_for, FormError};
use crate::web::dom::fold_case;

/// How many people the list offers at once; typing more narrows it.
const OFFERED: usize = 8;

/// The meeting's people made searchable, worked out when a people field is first typed in
/// after a change (a memo, so not at all while no one types), shared by every people field.
#[derive(Clone, Copy)]
pub struct PeopleFinder(Memo<PeopleIndex>);

impl PeopleFinder {
    /// The Edit screen's (provided there), or one of its own.
    pub fn used() -> PeopleFinder {
        use_context::<PeopleFinder>().unwrap_or_else(PeopleFinder::of_meeting)
    }

    /// The index, read when a search needs it.
    pub fn index(self) -> Memo<PeopleIndex> {
        self.0
    }

    /// The open meeting's people.
    pub fn of_meeting() -> PeopleFinder {
        let meeting = use_app_state().meeting();
        PeopleFinder(Memo::new(move |_| {
            meeting.with(|m| PeopleIndex::new(&m.people, fold_case))
        }))
    }
}

/// One entry of the list: a person found, or the person to create.
#[derive(Clone, PartialEq)]
struct Offer {
    person: Option<PersonId>,
    label: String,
}

/// The people field of form `form` (ids are made unique with it), labelled `label`; picking
/// presses the form's submit button whose value is `action`.
pub fn person_picker(form: &str, label: &'static str, action: String, error: FormError) -> AnyView {
    let state = use_app_state();
    let finder = PeopleFinder::used();
    let id = format!("{form}-{NEW_PERSON_NAME}");
    let list_id = format!("{id}-list");
    let error_id = format!("{id}-error");
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let action = StoredValue::new(action);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let chosen_ref = NodeRef::<leptos::html::Input>::new();
    let offers = Memo::new(move |_| {
        let typed = query.get();
        let typed = typed.trim();
        if typed.is_empty() {
            return Vec::new();
        }
        let found = finder
            .0
            .with(|index| index.find(&fold_case(typed), OFFERED));
        let mut offers: Vec<Offer> = state.meeting().with(|m| {
            found
                .into_iter()
                .filter_map(|id| {
                    let p = m.person(id)?;
                    Some(Offer {
                        person: Some(id),
                        label: p.programme_line(true, true),
                    })
                })
                .collect()
        });
        if let Some(new) = Person::from_typed_name(PersonId(0), typed) {
            offers.push(Offer {
                person: None,
                label: format!("Create ‘{}’", new.display_name(true)),
            });
        }
        offers
    });
    let option_id = {
        let list_id = list_id.clone();
        move |i: usize| format!("{list_id}-{i}")
    };
    let pick = move |i: usize| {
        let Some(offer) = offers.with_untracked(|o| o.get(i).cloned()) else {
            return;
        };
        let (Some(input), Some(chosen)) = (input_ref.get_untracked(), chosen_ref.get_untracked())
        else {
            return;
        };
        chosen.set_value(&offer.person.map_or(NEW.to_string(), |p| p.0.to_string()));
        open.set(false);
        active.set(None);
        let button = input.form().and_then(|f| {
            let button = f
                .query_selector(&action.with_value(|a| format!("button[value=\"{a}\"]")))
                .ok()
                .flatten()?
                .dyn_into::<web_sys::HtmlElement>()
                .ok()?;
            Some((f, button))
        });
        if let Some((form, button)) = button {
            let _ = form.request_submit_with_submitter(Some(&button));
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = offers.with_untracked(Vec::len);
        let step = |by: isize| {
            open.set(true);
            active.update(|a| {
                *a = (count > 0).then(|| match *a {
                    Some(i) => (i as isize + by).rem_euclid(count as isize) as usize,
                    None if by > 0 => 0,
                    None => count - 1,
                })
            });
        };
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                step(1);
            }
            "ArrowUp" => {
                ev.prevent_default();
                step(-1);
            }
            // Enter never submits the form by its first button (which would be another
            // action): it picks what is active, or the first entry.
            "Enter" => {
                ev.prevent_default();
                if count > 0 {
                    pick(active.get_untracked().unwrap_or(0));
                }
            }
            "Escape" if open.get_untracked() && count > 0 => {
                ev.prevent_default();
                ev.stop_propagation();
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    let expanded = move || open.get() && offers.with(|o| !o.is_empty());
    let active_id = {
        let option_id = option_id.clone();
        move || active.get().filter(|_| expanded()).map(&option_id)
    };
    view! {
        <div class="field picker">
            <label for=id.clone()>{label}</label>
            <input id=id.clone() type="text" name=NEW_PERSON_NAME node_ref=input_ref autocomplete="off"
                placeholder="Name or organization" role="combobox" aria-autocomplete="list"
                aria-controls=list_id.clone() aria-expanded=move || expanded().to_string()
                aria-activedescendant=active_id
                aria-describedby=error_id.clone() aria-invalid=invalid(error, NEW_PERSON_NAME)
                on:input:target=move |ev| {
                    if let Some(chosen) = chosen_ref.get_untracked() {
                        chosen.set_value("");
                    }
                    query.set(ev.target().value());
                    open.set(true);
                    active.set(None);
                }
                on:keydown=on_keydown
                on:blur=move |_| open.set(false)/>
            <input type="hidden" name=NEW_PERSON node_ref=chosen_ref value=""/>
            <ul id=list_id role="listbox" class="picker__list" aria-label=format!("{label}: found") hidden=move || !expanded()>
                {move || offers.get().into_iter().enumerate().map(|(i, offer)| {
                    let selected = move || (active.get() == Some(i)).to_string();
                    view! {
                        <li id=option_id(i) role="option" aria-selected=selected
                            class="picker__option" class:picker__option--new={offer.person.is_none()}
                            on:mousedown=move |ev: leptos::ev::MouseEvent| { ev.prevent_default(); pick(i); }>
                            {offer.label}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <span class="field-error" id=error_id>{message_for(error, NEW_PERSON_NAME)}</span>
        </div>
    }
    .into_any()
}
