//! One session in full: time, place, people with their positions, run of show, star and
//! "Add to calendar".

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use super::shown::Shown;
use crate::domain::names::file_stem;
use crate::domain::programme::NameStyle;
use crate::domain::schedule::long_date;
use crate::domain::{Meeting, SessionId};
use crate::ui::lazy::NotLoaded;
use crate::ui::session_card::SessionCard;

/// A session's details: loaded when a session is first opened.
#[wasm_split(detail_view, wasm_split_path = ::leptos::wasm_split, fallible)]
pub(super) fn detail_view(shown: Shown, id: SessionId) -> Result<AnyView, NotLoaded> {
    Ok(untrack(|| {
        shown
            .meeting
            .try_with_value(|m| detail(m, id, shown))
            .unwrap_or_else(|| ().into_any())
    }))
}

/// One session in full: time, place, people with their positions, run of show.
fn detail(m: &Meeting, id: SessionId, shown: Shown) -> AnyView {
    let Shown {
        view_state, stars, ..
    } = shown;
    let back = move |_| super::places::leave_detail(view_state);
    let Some(s) = m.session(id) else {
        return view! {
            <section class="attendee-detail">
                <p>"That session is not in this schedule."</p>
                <button type="button" on:click=back>"Back to the schedule"</button>
            </section>
        }
        .into_any();
    };
    let date = m.day(s.day).map(|d| long_date(d.date)).unwrap_or_default();
    let entry = m.entry(s, NameStyle::default());
    let title = s.title.clone();
    let file = format!("{}-session-{}.ics", file_stem(m), s.id);
    view! {
        <section class="attendee-detail" aria-label=format!("Session {title}")>
            <button type="button" class="link-button" on:click=back>"← Back to the schedule"</button>
            <p class="attendee-detail__date">{date}</p>
            <SessionCard entry=entry/>
            <div class="form-actions">
                <button type="button" class="star"
                    aria-pressed=move || if stars.with(|s| s.contains(&id)) { "true" } else { "false" }
                    aria-label=format!("Star “{title}”") on:click=move |_| shown.toggle_star(id)>
                    {move || if stars.with(|s| s.contains(&id)) { "★ Starred" } else { "☆ Star" }}
                </button>
                <button type="button" on:click=move |_| shown.download_calendar(Some(vec![id]), file.clone())>"Add to calendar (.ics)"</button>
            </div>
        </section>
    }
    .into_any()
}
