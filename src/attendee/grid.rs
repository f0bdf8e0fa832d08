//! One day's sessions: a list on phones and a time × room grid on wide screens (one DOM, CSS
//! decides), drawn a batch per frame, with one click handler for every session's buttons.

use chrono::{NaiveDate, NaiveTime};
use leptos::prelude::*;

use crate::domain::attendee::ViewState;
use crate::domain::schedule::{hh_mm, long_date, short_date};
use crate::domain::slots::{session_count, slot_text, SlotText};
use crate::domain::time::{to_utc, wall_clock};
use crate::domain::{DayId, Meeting, Session, SessionId};
use crate::web::clock::BrowserOffsets;
use crate::web::dom::{after_paint, fold_case, BATCH, FIRST_BATCH};

/// "09:00–10:00" in the viewer's time (with the day when it differs).
fn viewer_range(m: &Meeting, date: NaiveDate, s: &Session, viewer: &str) -> String {
    let shown = |time: NaiveTime| -> String {
        let utc = to_utc(&BrowserOffsets, &m.timezone, date.and_time(time)).ok();
        match utc.and_then(|u| wall_clock(&BrowserOffsets, viewer, u)) {
            Some(there) if there.date() == date => hh_mm(there.time()),
            Some(there) => format!("{} {}", short_date(there.date()), hh_mm(there.time())),
            None => hh_mm(time),
        }
    };
    format!("{}–{}", shown(s.start), shown(s.end))
}

/// One day: the sessions the filters keep, as a list (narrow) or a time × room grid (wide).
#[allow(clippy::too_many_arguments)]
pub(super) fn day_schedule(
    m: &Meeting,
    day: DayId,
    date: NaiveDate,
    v: &ViewState,
    starred: &[SessionId],
    marks: &(Vec<SessionId>, Vec<SessionId>),
    viewer: Option<&str>,
    view_state: RwSignal<ViewState>,
    ctx: super::shown::Shown,
) -> AnyView {
    let fold = |s: &str| fold_case(s);
    let all = m.sessions_on(day);
    let total = all.len();
    let shown: Vec<&Session> = all
        .into_iter()
        .filter(|s| v.keeps(m, s, starred, &fold))
        .collect();
    let first = m.day(day).map(|d| d.start).unwrap_or_default();
    let rooms = m.rooms.len().max(1);
    let (now_ids, next_ids) = marks;
    let count = session_count(shown.len(), total, v.is_filtered());
    let slots: Vec<Slot> = shown
        .iter()
        .map(|s| {
            let id = s.id;
            let badge = if now_ids.contains(&id) {
                Some(("Now", "slot--now"))
            } else if next_ids.contains(&id) {
                Some(("Next", "slot--next"))
            } else {
                None
            };
            let mut text = slot_text(m, first, s);
            if let Some(viewer) = viewer {
                text.time = viewer_range(m, date, s, viewer);
            }
            Slot {
                class: format!(
                    "slot slot--{}{}",
                    text.kind,
                    badge.map(|(_, c)| format!(" {c}")).unwrap_or_default()
                ),
                text,
                badge: badge.map(|(text, _)| text),
                starred: starred.contains(&id),
            }
        })
        .collect();
    let room_heads = m
        .rooms
        .iter()
        .enumerate()
        .map(|(i, r)| view! { <li style:grid-column=(i + 1).to_string()>{r.name.clone()}</li> })
        .collect_view();
    let empty = slots.is_empty();
    // Render only what is seen first: the first sessions now, the rest a batch per frame.
    let mut chunks: Vec<Vec<Slot>> = Vec::new();
    let mut rest = slots.into_iter();
    chunks.push(rest.by_ref().take(FIRST_BATCH).collect());
    loop {
        let batch: Vec<Slot> = rest.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        chunks.push(batch);
    }
    let count_chunks = chunks.len();
    let visible = RwSignal::new(1usize);
    fn more(visible: RwSignal<usize>, total: usize) {
        after_paint(move || {
            if let Some(now) = visible.try_update(|v| {
                *v += 1;
                *v
            }) {
                if now < total {
                    more(visible, total);
                }
            }
        });
    }
    if count_chunks > 1 {
        more(visible, count_chunks);
    }
    let items = chunks
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| {
            if i == 0 {
                chunk.iter().map(slot_view).collect_view().into_any()
            } else {
                let on = Memo::new(move |_| visible.get() > i);
                (move || on.get().then(|| chunk.iter().map(slot_view).collect_view())).into_any()
            }
        })
        .collect_view();
    // One handler for every session's buttons (no closure per session).
    let on_click = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button[data-session]").ok().flatten())
        else {
            return;
        };
        let Some(id) = button
            .get_attribute("data-session")
            .and_then(|v| v.parse().ok())
            .map(SessionId)
        else {
            return;
        };
        if button.has_attribute("aria-pressed") {
            ctx.toggle_star(id);
        } else {
            super::places::go(view_state, |v| v.session = Some(id));
        }
    };
    view! {
        <h2 class="day-panel__date">{long_date(date)}</h2>
        <p class="item-form__note" role="status">{count}</p>
        {empty.then(|| view! { <p class="empty">"No sessions match on this day."</p> })}
        <div class="schedule" style:--rooms=rooms.to_string()>
            <ol class="schedule__rooms" aria-hidden="true">{room_heads}</ol>
            <ol class="schedule__grid" aria-label=format!("Sessions on {}", long_date(date)) on:click=on_click>{items}</ol>
        </div>
    }
    .into_any()
}

/// A session as the schedule shows it: its text, and how it stands for this attendee.
#[derive(Clone)]
struct Slot {
    text: SlotText,
    class: String,
    badge: Option<&'static str>,
    starred: bool,
}

fn slot_view(slot: &Slot) -> impl IntoView {
    let s = &slot.text;
    let id = s.id.to_string();
    let slot_id = format!("slot-{id}");
    let themes = s
        .themes
        .iter()
        .map(|(name, colour)| view! { <li class="theme-tag" style:--theme-colour=colour.clone()>{name.clone()}</li> })
        .collect_view();
    view! {
        <li class=slot.class.clone() style:grid-column=s.column.clone() style:grid-row=s.rows.clone() id=slot_id tabindex="-1">
            <p class="slot__time">
                {s.time.clone()}
                {slot.badge.map(|text| view! { <span class="slot__badge">{text}</span> })}
            </p>
            <p class="slot__place">{s.place.clone()}</p>
            <h3 class="slot__title">
                <button type="button" class="link-button" data-session=id.clone()>{s.title.clone()}</button>
            </h3>
            {(!s.themes.is_empty()).then(|| view! { <ul class="theme-tags" aria-label="Themes">{themes}</ul> })}
            {(!s.people.is_empty()).then(|| view! { <p class="slot__people">{s.people.clone()}</p> })}
            <button type="button" class="star" data-session=id aria-pressed=if slot.starred { "true" } else { "false" }
                aria-label=format!("Star “{}”", s.title)>
                {if slot.starred { "★ Starred" } else { "☆ Star" }}
            </button>
        </li>
    }
}
