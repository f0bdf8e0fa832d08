//! The Edit screen, in parts with addresses of their own: *Timetable* (the default: the day
//! on a time × room grid), *Sessions* (the day as a list, with each session's form), *People*,
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
mod timetable;

use leptos::either::EitherOf6;
use leptos::prelude::*;

use crate::domain::edit::Item;
use crate::domain::{Day, DayId, Edit, ItemId, Meeting};
use crate::forms::{FieldError, Fields, ItemAction};
use crate::planner::components::findings_panel::FindingsPanel;
use crate::planner::components::person_picker::PeopleFinder;
use crate::planner::route::{EditPart, Route};
use crate::planner::state::{use_app_state, AppState};
use crate::ui::form_fields::{finish, FormError};
use crate::web::dom::Submitted;

/// A form's fields as the parsers read them.
pub(super) type FormFields<'a> = Fields<&'a dyn Fn(&str) -> Option<String>>;

/// What each form showed when its editing began (its first input), by what the form edits
/// (`()` for a form of its own), to tell the fields it changed from those another tab changed
/// meanwhile (`domain::rebase::clashes`). Kept outside the form: a form is drawn again (its
/// closures made anew) whenever what it shows changes.
pub(super) struct Drawn<K: Send + Sync + 'static, T: Send + Sync + 'static>(
    StoredValue<std::collections::HashMap<K, T>>,
);

impl<K: Send + Sync + 'static, T: Send + Sync + 'static> Clone for Drawn<K, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: Send + Sync + 'static, T: Send + Sync + 'static> Copy for Drawn<K, T> {}

impl<K, T> Drawn<K, T>
where
    K: Copy + Eq + std::hash::Hash + Send + Sync + 'static,
    T: Clone + PartialEq + serde::Serialize + Send + Sync + 'static,
{
    pub(super) fn new() -> Self {
        Drawn(StoredValue::new(Default::default()))
    }

    /// The form's first input since it was drawn or saved: what it shows is `now()`.
    pub(super) fn begin(&self, key: K, now: impl FnOnce() -> Option<T>) {
        if self.0.with_value(|m| !m.contains_key(&key)) {
            if let Some(shown) = now() {
                self.0.update_value(|m| {
                    m.insert(key, shown);
                });
            }
        }
    }

    /// Whether `submitted` may be saved over `now`: refused, with a message naming the
    /// fields, when another tab changed some of the same since the editing began. After a
    /// refusal the form counts as drawn from `now`, so saving again puts the form's in place.
    pub(super) fn check(&self, key: K, submitted: &T, now: Option<&T>) -> Result<(), FieldError> {
        let clashes = match (self.0.with_value(|m| m.get(&key).cloned()), now) {
            (Some(drawn), Some(now)) if drawn != *now => {
                crate::domain::rebase::clashes(&drawn, submitted, now)
            }
            _ => Vec::new(),
        };
        if clashes.is_empty() {
            return Ok(());
        }
        self.0.update_value(|m| match now {
            Some(now) => {
                m.insert(key, now.clone());
            }
            None => {
                m.remove(&key);
            }
        });
        Err(FieldError::form(crate::domain::rebase::clash_message(
            &clashes,
        )))
    }

    /// Saved: the next editing begins afresh.
    pub(super) fn done(&self, key: K) {
        self.0.update_value(|m| {
            m.remove(&key);
        });
    }
}

/// The day the Timetable and Sessions parts show, kept by the Edit screen so that both show
/// the same one: the day chosen while it exists, else the first.
#[derive(Clone, Copy)]
pub(super) struct DayChoice {
    pub chosen: RwSignal<Option<DayId>>,
    /// The meeting's days, in order.
    pub days: Memo<Vec<Day>>,
    pub current: Memo<Option<DayId>>,
}

impl DayChoice {
    fn new(state: AppState) -> DayChoice {
        let chosen = RwSignal::new(None::<DayId>);
        let days = Memo::new(move |_| {
            state
                .meeting()
                .with(|m| m.days_in_order().into_iter().cloned().collect::<Vec<_>>())
        });
        let current = Memo::new(move |_| {
            days.with(|days| {
                chosen
                    .get()
                    .filter(|d| days.iter().any(|x| x.id == *d))
                    .or_else(|| days.first().map(|d| d.id))
            })
        });
        DayChoice {
            chosen,
            days,
            current,
        }
    }

    /// The Edit screen's, or one of its own (a part shown alone).
    pub(super) fn used() -> DayChoice {
        use_context::<DayChoice>().unwrap_or_else(|| DayChoice::new(use_app_state()))
    }
}

/// The item forms' [`Drawn`], kept by the Edit screen.
pub(super) type DrawnItems = Drawn<ItemId, Item>;

/// The submit and input handlers of one item's form (or of the "New …" form when `id` is
/// `None`): Save puts the item as the form gives it, Remove removes it. Another tab's save is
/// taken first; a field the form changed that the other tab changed too is refused.
pub(super) fn item_submit(
    state: AppState,
    id: Option<u32>,
    error: FormError,
    parse: fn(u32, &FormFields, &Meeting) -> Result<Item, FieldError>,
    id_of: fn(u32) -> ItemId,
    new_id: fn(&Meeting) -> u32,
) -> (
    impl Fn(leptos::ev::SubmitEvent) + Copy + 'static,
    impl Fn(leptos::ev::Event) + Copy + 'static,
) {
    let drawn = use_context::<DrawnItems>().unwrap_or_else(DrawnItems::new);
    let on_input = move |_: leptos::ev::Event| {
        if let Some(id) = id {
            drawn.begin(id_of(id), || {
                state.meeting().with_untracked(|m| Item::find(m, id_of(id)))
            });
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        state.refresh();
        let result = match (ItemAction::parse(&form.action), id) {
            (Some(ItemAction::Remove), Some(id)) => state
                .remove(id_of(id))
                .map(|_| ())
                .map_err(FieldError::from),
            _ => {
                let id = id.unwrap_or_else(|| state.meeting().with_untracked(new_id));
                let get = |name: &str| form.field(name);
                let fields = Fields(&get as &dyn Fn(&str) -> Option<String>);
                state
                    .meeting()
                    .with_untracked(|m| {
                        let item = parse(id, &fields, m)?;
                        drawn.check(id_of(id), &item, Item::find(m, id_of(id)).as_ref())?;
                        Ok(item)
                    })
                    .and_then(|item| {
                        state
                            .apply(Edit::Put(Box::new(item)))
                            .map_err(FieldError::from)
                    })
            }
        };
        if let (Ok(()), Some(id)) = (&result, id) {
            drawn.done(id_of(id));
        }
        finish(&form, error, result, id.is_none());
    };
    (on_submit, on_input)
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
    provide_context(DrawnItems::new());
    let state = use_app_state();
    provide_context(DayChoice::new(state));
    provide_context(PeopleFinder::of_meeting());
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
                EditPart::Timetable => EitherOf6::A(view! { <timetable::TimetablePart/> }),
                EditPart::Sessions => EitherOf6::B(view! { <sessions::SessionsPart/> }),
                EditPart::People => EitherOf6::C(view! { <people::PeoplePart/> }),
                EditPart::Setup => EitherOf6::D(view! { <setup::SetupPart/> }),
                EditPart::Outcomes => EitherOf6::E(view! { <outcomes::OutcomesPart/> }),
                EditPart::Checks => EitherOf6::F(view! { <FindingsPanel/> }),
            }}
        </section>
    }
}
