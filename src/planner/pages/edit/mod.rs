//! The Edit screen, in parts with addresses of their own: *Sessions* (the default), *People*,
//! *Setup* (details, days, rooms, themes), *Outcomes* (the summary report's texts and the
//! recommendations) and *Checks*.
//!
//! Every form is plain HTML read once when submitted: the parsers of `forms` make the item or
//! name the wrong field, whose message then shows beside it. Every change is one `Edit`, so it
//! can be undone.

mod outcomes;
mod people;
mod sessions;
mod setup;

use leptos::either::EitherOf5;
use leptos::prelude::*;

use crate::domain::edit::Item;
use crate::domain::{Edit, ItemId, Meeting};
use crate::forms::{FieldError, Fields, ItemAction};
use crate::planner::components::findings_panel::FindingsPanel;
use crate::planner::route::{EditPart, Route};
use crate::planner::state::{use_app_state, AppState};
use crate::ui::form_fields::{finish, FormError};
use crate::web::dom::Submitted;

/// A form's fields as the parsers read them.
pub(super) type FormFields<'a> = Fields<&'a dyn Fn(&str) -> Option<String>>;

/// The submit handler of one item's form (or of the "New …" form when `id` is `None`): Save
/// puts the item as the form gives it, Remove removes it.
pub(super) fn item_submit(
    state: AppState,
    id: Option<u32>,
    error: FormError,
    parse: fn(u32, &FormFields, &Meeting) -> Result<Item, FieldError>,
    id_of: fn(u32) -> ItemId,
    new_id: fn(&Meeting) -> u32,
) -> impl Fn(leptos::ev::SubmitEvent) + Copy + 'static {
    move |ev| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        let result = match (ItemAction::parse(&form.action), id) {
            (Some(ItemAction::Remove), Some(id)) => state
                .apply(Edit::Remove(id_of(id)))
                .map_err(FieldError::from),
            _ => {
                let id = id.unwrap_or_else(|| state.meeting().with_untracked(new_id));
                let get = |name: &str| form.field(name);
                let fields = Fields(&get as &dyn Fn(&str) -> Option<String>);
                state
                    .meeting()
                    .with_untracked(|m| parse(id, &fields, m))
                    .and_then(|item| {
                        state
                            .apply(Edit::Put(Box::new(item)))
                            .map_err(FieldError::from)
                    })
            }
        };
        finish(&form, error, result, id.is_none());
    }
}

/// One form per item of a list, keyed by id: each form reads its own item (a memo), so an
/// edit redraws the form of the item it changed and no other.
pub(super) fn keyed_forms(ids: Memo<Vec<ItemId>>, form: fn(Item) -> AnyView) -> impl IntoView {
    let state = use_app_state();
    view! {
        <For each=move || ids.get() key=|id| *id let:id>
            {
                let item = Memo::new(move |_| state.meeting().with(|m| Item::find(m, id)));
                move || item.get().map(form)
            }
        </For>
    }
}

/// The Edit screen: its parts' navigation, then the part in view.
#[component]
pub fn EditPage() -> impl IntoView {
    let state = use_app_state();
    let part = Memo::new(move |_| match state.route.get() {
        Route::Edit(part) => part,
        _ => EditPart::default(),
    });
    view! {
        <section class="editor" aria-labelledby="editor-heading">
            <h1 id="editor-heading">"Edit the meeting"</h1>
            <nav class="part-nav" aria-label="Parts of the meeting">
                {EditPart::ALL.into_iter().map(|p| view! {
                    <a href=Route::Edit(p).href() class="part-nav__link"
                        aria-current=move || (part.get() == p).then_some("page")>
                        {p.label()}
                    </a>
                }).collect_view()}
            </nav>
            {move || match part.get() {
                EditPart::Sessions => EitherOf5::A(view! { <sessions::SessionsPart/> }),
                EditPart::People => EitherOf5::B(view! { <people::PeoplePart/> }),
                EditPart::Setup => EitherOf5::C(view! { <setup::SetupPart/> }),
                EditPart::Outcomes => EitherOf5::D(view! { <outcomes::OutcomesPart/> }),
                EditPart::Checks => EitherOf5::E(view! { <FindingsPanel/> }),
            }}
        </section>
    }
}
