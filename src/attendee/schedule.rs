//! The schedule page: the meeting's title, its timezone, now and next, then a session's
//! details, the people, or the day's sessions with their filters. The address follows where
//! the attendee is: a new place (a day, a session, the people) is a step Back returns from,
//! and Back comes back to the same place in the list.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use super::detail::detail_view;
use super::directory::directory_view;
use super::filters::filter_bar;
use super::grid::day_schedule;
use super::places::{address, go};
use super::shown::Shown;
use super::stars;
use crate::domain::attendee::{moment, Moment, ViewState};
use crate::domain::names::{file_stem, identity};
use crate::domain::schedule::long_date;
use crate::domain::slots::{venue_time_note, when_line};
use crate::domain::time::wall_clock;
use crate::domain::{DayId, Meeting, SessionId};
use crate::storage::browser::BrowserStore;
use crate::ui::day_tabs::DayTabs;
use crate::ui::lazy::{flat, lazy_view, NotLoaded};
use crate::web::clock::{now_utc, viewer_timezone, BrowserOffsets};
use crate::web::dom::{self, after_paint};

/// The meeting's local time now.
fn venue_now(m: &Meeting) -> NaiveDateTime {
    let utc = now_utc();
    wall_clock(&BrowserOffsets, &m.timezone, utc).unwrap_or(utc)
}

/// Stores a copy of the meeting for this browser's planner, as a meeting file (what the
/// planner stores): its code loads when "Save a copy" is first pressed.
#[wasm_split(save_copy, wasm_split_path = ::leptos::wasm_split, fallible)]
fn save_copy(text: String) -> Result<Result<u32, String>, NotLoaded> {
    let file = crate::storage::envelope_of_published(&text).unwrap_or(text);
    Ok(crate::storage::library::save_copy(&BrowserStore, &file).map_err(|e| e.to_string()))
}

/// What changed since this browser last showed the meeting: its code loads after the first
/// paint.
#[wasm_split(since_last_visit, wasm_split_path = ::leptos::wasm_split, fallible)]
fn since_last_visit(identity: String, text: String) -> Result<Vec<String>, NotLoaded> {
    Ok(crate::storage::seen::changes_since_last_visit(
        &BrowserStore,
        &identity,
        &text,
    ))
}

/// The schedule of a loaded meeting. `text` is its file as received (what "Save a copy"
/// stores).
#[component]
pub(super) fn Schedule(meeting: Meeting, text: String) -> impl IntoView {
    let m = StoredValue::new(meeting);
    let text = StoredValue::new(text);
    let view_state = RwSignal::new(ViewState::from_query(&dom::location_search()));
    address(m, view_state);
    let key = StoredValue::new(m.with_value(identity));
    let stars = RwSignal::new(key.with_value(|k| stars::load(&BrowserStore, k)));
    let message = RwSignal::new(None::<String>);
    let changed = RwSignal::new(Vec::<String>::new());
    after_paint(move || {
        let (Some(identity), Some(text)) = (key.try_get_value(), text.try_get_value()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            // Without a connection for its code, the list of changes is left out (the
            // schedule itself is whole); the next visit shows them.
            if let Ok(lines) = since_last_visit(identity, text).await {
                changed.try_set(lines);
            }
        });
    });
    // The browser's timezone data loads when first used (tens of milliseconds on a phone):
    // where the meeting stands now is worked out after the first paint.
    let now = RwSignal::new(None::<NaiveDateTime>);
    after_paint(move || {
        let _ = m.try_with_value(|m| now.try_set(Some(venue_now(m))));
    });
    let ticker = set_interval_with_handle(
        move || now.set(Some(m.with_value(venue_now))),
        std::time::Duration::from_secs(30),
    );
    on_cleanup(move || {
        if let Ok(t) = ticker {
            t.clear();
        }
    });
    // The viewer's timezone, also after the first paint unless the times are shown in it.
    let viewer_tz = RwSignal::new(None::<String>);
    if view_state.with_untracked(|v| v.my_time) {
        viewer_tz.set(Some(viewer_timezone()));
    } else {
        after_paint(move || {
            viewer_tz.try_set(Some(viewer_timezone()));
        });
    }
    let state_now = Memo::new(move |_| now.get().map(|t| m.with_value(|m| moment(m, t))));
    // The sessions marked "Now" and "Next" (the day's list depends on these alone).
    let badges = Memo::new(move |_| match state_now.get() {
        Some(Moment::During { current, next, .. }) => (current, next),
        _ => (Vec::new(), Vec::new()),
    });
    // Which page: a session's details, the people, or the schedule.
    let page = Memo::new(move |_| view_state.with(|v| (v.session, v.people)));
    // What the day's list depends on (not which page is open: the list stays as it was
    // behind a session's details, so Back returns to it unchanged).
    let list_view = Memo::new(move |_| {
        view_state.with(|v| ViewState {
            session: None,
            people: false,
            ..v.clone()
        })
    });

    let days = Memo::new(move |_| {
        m.with_value(|m| m.days_in_order().into_iter().cloned().collect::<Vec<_>>())
    });
    let current_day = Memo::new(move |_| {
        let chosen = view_state.with(|v| v.day);
        days.with(|d| {
            chosen
                .and_then(|id| d.iter().find(|x| x.id == id))
                .or(d.first())
                .map(|d| (d.id, d.date))
        })
    });
    let selected = Signal::derive(move || current_day.get().map(|(id, _)| id));

    let shown = Shown {
        meeting: m,
        view_state,
        stars,
        key,
        message,
    };
    let stem = m.with_value(file_stem);
    let my_agenda = move |_| {
        let chosen = stars.get_untracked();
        if chosen.is_empty() {
            message.set(Some(
                "Star some sessions first: the file holds your starred sessions.".into(),
            ));
            return;
        }
        shown.download_calendar(Some(chosen), format!("{stem}-my-agenda.ics"));
    };
    let on_save_copy = move |_| {
        let Some(text) = text.try_get_value() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = flat(save_copy(text).await);
            message.try_set(Some(match result {
                Ok(_) => "Saved a copy in this browser's planner: open the planner (the link below the schedule's title) to edit it.".into(),
                Err(e) => format!("No copy saved: {e}."),
            }));
        });
    };
    let jump_to_now = move |_| {
        if let Some(Moment::During { current, next, day }) = state_now.get_untracked() {
            view_state.update(|v| {
                v.day = day;
                v.session = None;
                v.people = false;
            });
            let target = current.first().or(next.first()).copied();
            if let Some(id) = target {
                dom::reveal(format!("slot-{id}"));
            }
        }
    };

    let header = m.with_value(|m| {
        view! {
            <header class="attendee-header">
                {(!m.edition.is_empty()).then(|| view! { <p class="meeting-header__edition">{m.edition.clone()}</p> })}
                <h1>{m.title.clone()}</h1>
                <p class="attendee-header__when">{when_line(m)}</p>
                <p class="attendee-header__planner"><a href="../">"Open the agenda planner"</a></p>
            </header>
        }
    });
    let timezone_text = m.with_value(|m| m.timezone.clone());

    view! {
        <header class="app-bar app-bar--attendee">
            <p class="app-bar__name">"Schedule"</p>
            <nav class="app-bar__nav" aria-label="Views">
                <button type="button" class="app-bar__nav-button" aria-current=move || (!view_state.with(|v| v.people)).then_some("page") on:click=move |_| go(view_state, |v| { v.people = false; v.session = None; })>"Schedule"</button>
                <button type="button" class="app-bar__nav-button" aria-current=move || view_state.with(|v| v.people).then_some("page") on:click=move |_| go(view_state, |v| { v.people = true; v.session = None; })>"People"</button>
            </nav>
            <button type="button" on:click=my_agenda>"Download my agenda (.ics)"</button>
            <button type="button" on:click=on_save_copy>"Save a copy"</button>
        </header>
        <main id="main" class="page attendee">
            {header}
            <p class="attendee__timezone">
                {move || match viewer_tz.get().filter(|_| view_state.with(|v| v.my_time)) {
                    Some(viewer) => format!("Times are shown in your timezone ({viewer}); the meeting runs on {timezone_text} time."),
                    None => venue_time_note(&timezone_text),
                }}
                // Offered to every viewer: whether their timezone differs is known only after
                // the first paint, and the line must not move then.
                <label class="check">
                    <input type="checkbox" prop:checked=move || view_state.with(|v| v.my_time) on:change:target=move |ev| view_state.update(|v| v.my_time = ev.target().checked())/>
                    "Show times in my timezone"
                </label>
            </p>
            <p class="attendee__moment" role="status">
                {move || m.with_value(|m| match state_now.get() {
                    // Until it is known (just after the first paint), the line keeps its place.
                    None => "\u{a0}".to_string(),
                    Some(Moment::Before) => m.date_range().map(|(first, _)| format!("The meeting starts on {}.", long_date(first))).unwrap_or_default(),
                    Some(Moment::After) => "The meeting has ended.".to_string(),
                    Some(Moment::During { current, next, .. }) => {
                        let titles = |ids: &[SessionId]| ids.iter().filter_map(|id| m.session(*id)).map(|s| s.title.clone()).collect::<Vec<_>>().join(", ");
                        let mut text = String::new();
                        if !current.is_empty() { text.push_str(&format!("Now: {}. ", titles(&current))); }
                        if !next.is_empty() { text.push_str(&format!("Next: {}.", titles(&next))); }
                        text
                    }
                })}
                {move || matches!(state_now.get(), Some(Moment::During { .. })).then(|| view! {
                    <button type="button" on:click=jump_to_now>"Jump to now"</button>
                })}
            </p>
            <p class="field-error" role="alert">{move || message.get()}</p>
            {move || (!changed.with(Vec::is_empty)).then(|| view! {
                <section class="changed-notice" aria-labelledby="changed-heading">
                    <h2 id="changed-heading">"Changed since your last visit"</h2>
                    <ul>{changed.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    <button type="button" on:click=move |_| changed.set(Vec::new())>"Dismiss"</button>
                </section>
            })}
            {move || match page.get() {
                (Some(id), _) => lazy_view(move || detail_view(shown, id)),
                (None, true) => lazy_view(move || directory_view(shown)),
                (None, false) => ().into_any(),
            }}
            <div hidden=move || view_state.with(|v| v.people || v.session.is_some())>
                {filter_bar(m, view_state)}
                <DayTabs days=days selected=selected on_select=move |id: DayId| view_state.update(|v| v.day = Some(id))/>
                <div class="day-panel" role="tabpanel" id="day-panel" tabindex="0"
                    aria-labelledby=move || selected.get().map(|id| format!("day-tab-{id}")).unwrap_or_default()>
                    {move || {
                        let Some((day_id, date)) = current_day.get() else {
                            return view! { <p class="empty">"This meeting has no days."</p> }.into_any();
                        };
                        let v = list_view.get();
                        let starred = stars.get();
                        let marks = badges.get();
                        let viewer = if v.my_time { viewer_tz.get() } else { None };
                        m.with_value(|m| day_schedule(m, day_id, date, &v, &starred, &marks, viewer.as_deref(), view_state, shown))
                    }}
                </div>
            </div>
        </main>
    }
}
