//! Where the attendee is — a day, a session's details, the people — and the address that
//! follows: a new place is a history entry Back returns from (to the same place in the list),
//! a change of filters is not.

use leptos::prelude::*;

use crate::domain::attendee::ViewState;
use crate::domain::schedule::long_date;
use crate::domain::Meeting;
use crate::web::{dom, js};

/// The document title for where the attendee is.
fn page_title(m: &Meeting, v: &ViewState) -> String {
    let place = if let Some(s) = v.session.and_then(|id| m.session(id)) {
        s.title.clone()
    } else if v.people {
        "People".to_string()
    } else {
        let days = m.days_in_order();
        v.day
            .and_then(|id| days.iter().find(|d| d.id == id))
            .or(days.first())
            .map_or_else(|| "Schedule".to_string(), |d| long_date(d.date))
    };
    format!("{place} — {}", m.title)
}

/// Goes to another place of the view (a session's details, the people): the place left
/// remembers where the page was scrolled, for a Back to it.
pub(super) fn go(view_state: RwSignal<ViewState>, change: impl FnOnce(&mut ViewState)) {
    js::remember_scroll(dom::scroll_y());
    view_state.update(change);
}

/// Leaves a session's details: Back, when the details were opened from the list here (so
/// the list comes back as it was); else to the day's list.
pub(super) fn leave_detail(view_state: RwSignal<ViewState>) {
    if js::pushed_here() {
        js::go_back();
    } else {
        view_state.update(|v| v.session = None);
    }
}

/// Effect "address": the address follows the view (a new place is a new history entry, a
/// change of filters is not), the document title follows the place, and Back and Forward
/// bring back the view of their entry, at the place in the list it was left.
pub(super) fn address(m: StoredValue<Meeting>, view_state: RwSignal<ViewState>) {
    js::manual_scroll();
    let shown = StoredValue::new(view_state.get_untracked());
    let popped = StoredValue::new(false);
    Effect::new(move |_| {
        let v = view_state.get();
        let query = v.to_query();
        let before = shown.get_value();
        if popped.get_value() {
            popped.set_value(false);
        } else if v.place() != before.place() {
            js::push_query(&query);
        } else {
            js::replace_query(&query);
        }
        dom::set_title(&m.with_value(|m| page_title(m, &v)));
        shown.set_value(v);
    });
    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        let before = shown.get_value();
        let v = ViewState::from_query(&dom::location_search());
        // Back from a session's details: to that session in the list (or among the
        // people), where it was.
        let target = match (before.session, v.session) {
            (Some(id), None) if v.people => Some(format!(".directory [data-session=\"{id}\"]")),
            (Some(id), None) => Some(format!("#slot-{id} .slot__title button")),
            _ => None,
        };
        popped.set_value(true);
        view_state.set(v);
        if let Some(selector) = target {
            dom::restore_place(js::saved_scroll(), selector);
        }
    });
    on_cleanup(move || listener.remove());
}
