//! The attendee view: a read-only schedule opened from a share link (`#share=…`) or a published
//! file (`?src=…`). Day tabs; a list on phones and a time × room grid on wide screens (one DOM,
//! CSS decides); filters by theme, room, text and stars, kept in the URL; stars kept in this
//! browser; now and next; a session's details; the people directory. It never touches the
//! planner's stored meetings, unless the attendee presses "Save a copy".

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use leptos::prelude::*;

use crate::components::day_tabs::DayTabs;
use crate::components::session_card::SessionCard;
use crate::domain::attendee::{moment, Moment, ViewState};
use crate::domain::programme::NameStyle;
use crate::domain::schedule::{hh_mm, long_date, short_date};
use crate::domain::{DayId, Meeting, Placement, Session, SessionId};
use crate::export::ics::{calendar, wall_clock, CalendarOptions, UtcOffsets};
use crate::platform::{self, fold_case, BrowserOffsets, BATCH, FIRST_BATCH};
use crate::share::identity;
use crate::storage::local;

/// Where the attendee view's meeting comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ViewSource {
    /// The text after `#share=`.
    Share(String),
    /// The address in `?src=`.
    Published(String),
}

impl ViewSource {
    /// The source the page's address names, if any.
    pub fn from_location() -> Option<ViewSource> {
        let hash = platform::location_hash();
        if let Some(data) = hash
            .strip_prefix('#')
            .and_then(|h| h.strip_prefix(crate::share::FRAGMENT_KEY))
        {
            return Some(ViewSource::Share(data.to_string()));
        }
        platform::location_search()
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix("src="))
            .map(|src| ViewSource::Published(crate::domain::attendee::percent_decode(src)))
    }
}

/// How many people the directory shows at once; a search narrows it.
const PEOPLE_SHOWN: usize = 100;

/// Minutes per grid row on wide screens.
const GRID_STEP: u32 = 5;

/// The page for a link that cannot be opened: what is wrong, and what to do.
fn error_page(reason: String) -> AnyView {
    view! {
        <main id="main" class="page attendee-error">
            <h1>"This schedule link cannot be opened"</h1>
            <p role="alert">{reason}</p>
            <p>"Ask the organizer for the link again, or for the published programme (PDF or HTML)."</p>
            <p><a href="../">"Open the agenda planner"</a></p>
        </main>
    }
    .into_any()
}

/// Another share link opened in this tab changes only the fragment: load the page again so
/// it shows what the new address says.
pub fn reload_on_new_source() {
    let shown = ViewSource::from_location();
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if ViewSource::from_location() != shown {
            platform::reload_page();
        }
    });
    on_cleanup(move || listener.remove());
}

/// The attendee view as a page of its own: the source from the address, or a page saying
/// that there is none.
#[component]
pub fn AttendeeRoot() -> impl IntoView {
    reload_on_new_source();
    match ViewSource::from_location() {
        Some(source) => view! { <AttendeeApp source=source/> }.into_any(),
        None => error_page(
            "The address holds no schedule: a share link ends in “#share=…”, a published one has “?src=…”."
                .to_string(),
        ),
    }
}

/// The attendee view: loads the meeting, then shows it or says what is wrong.
#[component]
pub fn AttendeeApp(source: ViewSource) -> impl IntoView {
    // The meeting, and its file's text (kept as received for "Save a copy"); taken, not
    // cloned, by the schedule.
    let loaded = RwSignal::new(None::<Result<(), String>>);
    let data = StoredValue::new(None::<(Meeting, String)>);
    let finish = move |result: Result<(Meeting, String), String>| match result {
        Ok(pair) => {
            data.set_value(Some(pair));
            loaded.set(Some(Ok(())));
        }
        Err(e) => loaded.set(Some(Err(e))),
    };
    match source {
        ViewSource::Share(fragment) => {
            finish(crate::share::decode_fragment(&fragment).map_err(|e| e.to_string()));
        }
        ViewSource::Published(url) => {
            leptos::task::spawn_local(async move {
                let result = match platform::fetch_text(&url).await {
                    Err(e) => Err(format!(
                        "The file at “{url}” could not be fetched ({e}). It must be on this site, or on a server that allows it (CORS)."
                    )),
                    Ok(text) => crate::storage::decode(&text)
                        .map(|m| (m, text))
                        .map_err(|e| format!("The file at “{url}” is not a meeting file that can be shown: {e}")),
                };
                finish(result);
            });
        }
    }
    move || {
        match loaded.get() {
        None => view! { <main id="main" class="page"><p role="status">"Loading the schedule…"</p></main> }.into_any(),
        Some(Err(reason)) => error_page(reason),
        Some(Ok(())) => match data.try_update_value(Option::take).flatten() {
            Some((meeting, text)) => view! { <Schedule meeting=meeting text=text/> }.into_any(),
            None => ().into_any(),
        },
    }
    }
}

/// "09:00–10:00", in the meeting's time or the viewer's (with the day when it differs).
fn time_range(m: &Meeting, date: NaiveDate, s: &Session, viewer: Option<&str>) -> String {
    let Some(viewer) = viewer else {
        return format!("{}–{}", hh_mm(s.start), hh_mm(s.end));
    };
    let shown = |time: NaiveTime| -> String {
        let local = date.and_time(time);
        let utc = BrowserOffsets
            .utc_offset(&m.timezone, local)
            .ok()
            .and_then(|o| local.checked_sub_signed(chrono::Duration::seconds(o as i64)));
        match utc.and_then(|u| wall_clock(&BrowserOffsets, viewer, u)) {
            Some(there) if there.date() == date => hh_mm(there.time()),
            Some(there) => format!("{} {}", short_date(there.date()), hh_mm(there.time())),
            None => hh_mm(time),
        }
    };
    format!("{}–{}", shown(s.start), shown(s.end))
}

/// The meeting's local time now.
fn venue_now(m: &Meeting) -> NaiveDateTime {
    let utc = platform::now_utc();
    wall_clock(&BrowserOffsets, &m.timezone, utc).unwrap_or(utc)
}

/// "Moderator: H.E. X · Panelists: A, B".
fn people_line(m: &Meeting, s: &Session) -> String {
    m.entry(s, NameStyle::default())
        .roles
        .into_iter()
        .map(|g| {
            let names: Vec<String> = g.people.into_iter().map(|p| p.name).collect();
            format!("{}: {}", g.heading, names.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[component]
fn Schedule(meeting: Meeting, text: String) -> impl IntoView {
    let m = StoredValue::new(meeting);
    let text = StoredValue::new(text);
    let view_state = RwSignal::new(ViewState::from_query(&platform::location_search()));
    // The URL follows the view, so a filtered view can be shared.
    Effect::new(move |_| view_state.with(|v| platform::replace_query(&v.to_query())));
    let key = StoredValue::new(m.with_value(identity));
    let stars = RwSignal::new(
        local::stars(&key.get_value())
            .into_iter()
            .map(SessionId)
            .collect::<Vec<_>>(),
    );
    let message = RwSignal::new(None::<String>);
    let now = RwSignal::new(m.with_value(venue_now));
    let ticker = set_interval_with_handle(
        move || now.set(m.with_value(venue_now)),
        std::time::Duration::from_secs(30),
    );
    on_cleanup(move || {
        if let Ok(t) = ticker {
            t.clear();
        }
    });
    let viewer_tz = platform::viewer_timezone();
    let same_zone = m.with_value(|m| m.timezone == viewer_tz);
    let viewer = {
        let tz = viewer_tz.clone();
        move || view_state.with(|v| v.my_time).then(|| tz.clone())
    };
    let state_now = Memo::new(move |_| m.with_value(|m| moment(m, now.get())));
    // Which page: a session's details, the people, or the schedule.
    let page = Memo::new(move |_| view_state.with(|v| (v.session, v.people)));

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

    let toggle_star = move |id: SessionId| {
        stars.update(|s| {
            if let Some(i) = s.iter().position(|x| *x == id) {
                s.remove(i);
            } else {
                s.push(id);
            }
        });
        let ids: Vec<u32> = stars.with_untracked(|s| s.iter().map(|x| x.0).collect());
        message.set(key.with_value(|k| local::save_stars(k, &ids)).err());
    };
    let download_ics = move |only: Option<Vec<SessionId>>, name: String| {
        let result = m.with_value(|m| {
            let options = CalendarOptions {
                sessions: only,
                stamp: platform::now_utc(),
                honorifics: true,
            };
            calendar(m, &options, &BrowserOffsets)
                .map_err(|e| e.to_string())
                .and_then(|text| platform::download(&name, "text/calendar;charset=utf-8", &text))
        });
        message.set(result.err().map(|e| format!("No calendar file: {e}.")));
    };
    let stem = m.with_value(crate::export::file_stem);
    let my_agenda = {
        let stem = stem.clone();
        move |_| {
            let chosen = stars.get_untracked();
            if chosen.is_empty() {
                message.set(Some(
                    "Star some sessions first: the file holds your starred sessions.".into(),
                ));
                return;
            }
            download_ics(Some(chosen), format!("{stem}-my-agenda.ics"));
        }
    };
    let save_copy = move |_| {
        let result = text.with_value(|t| local::save_copy(t));
        message.set(Some(match result {
            Ok(_) => "Saved a copy in this browser's planner: open the planner (the link below the schedule's title) to edit it.".into(),
            Err(e) => format!("No copy saved: {e}."),
        }));
    };
    let jump_to_now = move |_| {
        if let Moment::During { current, next, day } = state_now.get_untracked() {
            view_state.update(|v| {
                v.day = day;
                v.session = None;
                v.people = false;
            });
            let target = current.first().or(next.first()).copied();
            if let Some(id) = target {
                platform::reveal(format!("slot-{id}"));
            }
        }
    };

    let header = m.with_value(|m| {
        let dates = m.dates_label();
        let place = m.place_label();
        view! {
            <header class="attendee-header">
                {(!m.edition.is_empty()).then(|| view! { <p class="meeting-header__edition">{m.edition.clone()}</p> })}
                <h1>{m.title.clone()}</h1>
                <p class="attendee-header__when">{dates}{(!place.is_empty()).then(|| format!(" · {place}"))}</p>
                <p class="attendee-header__planner"><a href="../">"Open the agenda planner"</a></p>
            </header>
        }
    });
    let timezone_text = m.with_value(|m| m.timezone.clone());

    view! {
        <header class="app-bar app-bar--attendee">
            <p class="app-bar__name">"Schedule"</p>
            <nav class="app-bar__nav" aria-label="Views">
                <button type="button" class="app-bar__nav-button" aria-current=move || (!view_state.with(|v| v.people)).then_some("page") on:click=move |_| view_state.update(|v| { v.people = false; v.session = None; })>"Schedule"</button>
                <button type="button" class="app-bar__nav-button" aria-current=move || view_state.with(|v| v.people).then_some("page") on:click=move |_| view_state.update(|v| { v.people = true; v.session = None; })>"People"</button>
            </nav>
            <button type="button" on:click=my_agenda>"Download my agenda (.ics)"</button>
            <button type="button" on:click=save_copy>"Save a copy"</button>
        </header>
        <main id="main" class="page attendee">
            {header}
            <p class="attendee__timezone">
                {move || if view_state.with(|v| v.my_time) {
                    format!("Times are shown in your timezone ({viewer_tz}); the meeting runs on {timezone_text} time.")
                } else {
                    format!("All times are local to the venue ({timezone_text}).")
                }}
                {(!same_zone).then(|| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || view_state.with(|v| v.my_time) on:change:target=move |ev| view_state.update(|v| v.my_time = ev.target().checked())/>
                        "Show times in my timezone"
                    </label>
                })}
            </p>
            <p class="attendee__moment" role="status">
                {move || m.with_value(|m| match state_now.get() {
                    Moment::Before => m.date_range().map(|(first, _)| format!("The meeting starts on {}.", long_date(first))).unwrap_or_default(),
                    Moment::After => "The meeting has ended.".to_string(),
                    Moment::During { current, next, .. } => {
                        let titles = |ids: &[SessionId]| ids.iter().filter_map(|id| m.session(*id)).map(|s| s.title.clone()).collect::<Vec<_>>().join(", ");
                        let mut text = String::new();
                        if !current.is_empty() { text.push_str(&format!("Now: {}. ", titles(&current))); }
                        if !next.is_empty() { text.push_str(&format!("Next: {}.", titles(&next))); }
                        text
                    }
                })}
                {move || matches!(state_now.get(), Moment::During { .. }).then(|| view! {
                    <button type="button" on:click=jump_to_now>"Jump to now"</button>
                })}
            </p>
            <p class="field-error" role="alert">{move || message.get()}</p>
            {move || match page.get() {
                (Some(id), _) => m.with_value(|m| detail(m, id, view_state, stars, toggle_star, download_ics)).into_any(),
                (None, true) => m.with_value(|m| directory(m, view_state)).into_any(),
                (None, false) => ().into_any(),
            }}
            <div hidden=move || view_state.with(|v| v.people || v.session.is_some())>
                {m.with_value(|m| filters(m, view_state))}
                <DayTabs days=days selected=selected on_select=move |id: DayId| view_state.update(|v| v.day = Some(id))/>
                <div class="day-panel" role="tabpanel" id="day-panel" tabindex="0"
                    aria-labelledby=move || selected.get().map(|id| format!("day-tab-{id}")).unwrap_or_default()>
                    {move || {
                        let Some((day_id, date)) = current_day.get() else {
                            return view! { <p class="empty">"This meeting has no days."</p> }.into_any();
                        };
                        let v = view_state.get();
                        let starred = stars.get();
                        let marks = state_now.get();
                        let viewer = viewer();
                        m.with_value(|m| day_schedule(m, day_id, date, &v, &starred, &marks, viewer.as_deref(), view_state, toggle_star))
                    }}
                </div>
            </div>
        </main>
    }
}

/// Search, themes, rooms, starred only.
fn filters(m: &Meeting, view_state: RwSignal<ViewState>) -> AnyView {
    let themes = m
        .themes
        .iter()
        .map(|t| {
            let id = t.id;
            view! {
                <label class="check theme-filter" style=format!("--theme-colour: {}", t.colour)>
                    <input type="checkbox"
                        prop:checked=move || view_state.with(|v| v.themes.contains(&id))
                        on:change:target=move |ev| { let on = ev.target().checked(); view_state.update(|v| toggle(&mut v.themes, id, on)); }/>
                    {t.name.clone()}
                </label>
            }
        })
        .collect_view();
    let rooms = m
        .rooms
        .iter()
        .map(|r| {
            let id = r.id;
            view! {
                <label class="check">
                    <input type="checkbox"
                        prop:checked=move || view_state.with(|v| v.rooms.contains(&id))
                        on:change:target=move |ev| { let on = ev.target().checked(); view_state.update(|v| toggle(&mut v.rooms, id, on)); }/>
                    {r.name.clone()}
                </label>
            }
        })
        .collect_view();
    let has_themes = !m.themes.is_empty();
    let has_rooms = m.rooms.len() > 1;
    view! {
        <search class="filters" aria-label="Find sessions">
            <div class="field">
                <label for="attendee-search">"Search titles, people and organizations"</label>
                <input id="attendee-search" type="search"
                    prop:value=move || view_state.with(|v| v.query.clone())
                    on:input:target=move |ev| view_state.update(|v| v.query = ev.target().value())/>
            </div>
            {has_themes.then(|| view! { <fieldset><legend>"Themes"</legend>{themes}</fieldset> })}
            {has_rooms.then(|| view! { <fieldset><legend>"Rooms"</legend>{rooms}</fieldset> })}
            <label class="check">
                <input type="checkbox"
                    prop:checked=move || view_state.with(|v| v.starred_only)
                    on:change:target=move |ev| view_state.update(|v| v.starred_only = ev.target().checked())/>
                "Starred only"
            </label>
            <button type="button" hidden=move || !view_state.with(ViewState::is_filtered)
                on:click=move |_| view_state.update(|v| { v.themes.clear(); v.rooms.clear(); v.query.clear(); v.starred_only = false; })>
                "Clear filters"
            </button>
        </search>
    }
    .into_any()
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T, on: bool) {
    list.retain(|x| *x != item);
    if on {
        list.push(item);
    }
}

/// One day: the sessions the filters keep, as a list (narrow) or a time × room grid (wide).
#[allow(clippy::too_many_arguments)]
fn day_schedule(
    m: &Meeting,
    day: DayId,
    date: NaiveDate,
    v: &ViewState,
    starred: &[SessionId],
    marks: &Moment,
    viewer: Option<&str>,
    view_state: RwSignal<ViewState>,
    toggle_star: impl Fn(SessionId) + Copy + 'static,
) -> AnyView {
    let fold = |s: &str| fold_case(s);
    let all = m.sessions_on(day);
    let total = all.len();
    let shown: Vec<&Session> = all
        .into_iter()
        .filter(|s| v.keeps(m, s, starred, &fold))
        .collect();
    let first = m.day(day).map(|d| d.start).unwrap_or_default();
    let row = |t: NaiveTime| {
        let minutes = (t - first).num_minutes().max(0) as u32;
        minutes / GRID_STEP + 2
    };
    let rooms = m.rooms.len().max(1);
    let column = |p: Placement| match p {
        Placement::AllRooms => "1 / -1".to_string(),
        Placement::Room(id) => {
            let i = m.rooms.iter().position(|r| r.id == id).unwrap_or(0);
            format!("{}", i + 1)
        }
    };
    let (now_ids, next_ids) = match marks {
        Moment::During { current, next, .. } => (current.clone(), next.clone()),
        _ => (Vec::new(), Vec::new()),
    };
    let count = if v.is_filtered() {
        format!("{} of {total} sessions", shown.len())
    } else {
        format!("{total} sessions")
    };
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
            Slot {
                id,
                class: format!(
                    "slot slot--{}{}",
                    s.kind.as_str(),
                    badge.map(|(_, c)| format!(" {c}")).unwrap_or_default()
                ),
                style: format!(
                    "grid-column: {}; grid-row: {} / {}",
                    column(s.placement),
                    row(s.start),
                    row(s.end).max(row(s.start) + 1)
                ),
                time: time_range(m, date, s, viewer),
                badge: badge.map(|(text, _)| text),
                place: m.placement_label(s.placement),
                title: s.title.clone(),
                themes: s
                    .themes
                    .iter()
                    .filter_map(|t| m.theme(*t))
                    .map(|t| (t.name.clone(), t.colour.clone()))
                    .collect(),
                people: people_line(m, s),
                starred: starred.contains(&id),
            }
        })
        .collect();
    let room_heads = m
        .rooms
        .iter()
        .enumerate()
        .map(|(i, r)| view! { <li style=format!("grid-column: {}", i + 1)>{r.name.clone()}</li> })
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
        platform::after_paint(move || {
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
            toggle_star(id);
        } else {
            view_state.update(|v| v.session = Some(id));
        }
    };
    view! {
        <h2 class="day-panel__date">{long_date(date)}</h2>
        <p class="item-form__note" role="status">{count}</p>
        {empty.then(|| view! { <p class="empty">"No sessions match on this day."</p> })}
        <div class="schedule" style=format!("--rooms: {rooms}")>
            <ol class="schedule__rooms" aria-hidden="true">{room_heads}</ol>
            <ol class="schedule__grid" aria-label=format!("Sessions on {}", long_date(date)) on:click=on_click>{items}</ol>
        </div>
    }
    .into_any()
}

/// A session as the schedule shows it, resolved to text.
#[derive(Clone)]
struct Slot {
    id: SessionId,
    class: String,
    style: String,
    time: String,
    badge: Option<&'static str>,
    place: String,
    title: String,
    themes: Vec<(String, String)>,
    people: String,
    starred: bool,
}

fn slot_view(s: &Slot) -> impl IntoView {
    let id = s.id.to_string();
    let slot_id = format!("slot-{id}");
    let themes = s
        .themes
        .iter()
        .map(|(name, colour)| view! { <li class="theme-tag" style=format!("--theme-colour: {colour}")>{name.clone()}</li> })
        .collect_view();
    view! {
        <li class=s.class.clone() style=s.style.clone() id=slot_id tabindex="-1">
            <p class="slot__time">
                {s.time.clone()}
                {s.badge.map(|text| view! { <span class="slot__badge">{text}</span> })}
            </p>
            <p class="slot__place">{s.place.clone()}</p>
            <h3 class="slot__title">
                <button type="button" class="link-button" data-session=id.clone()>{s.title.clone()}</button>
            </h3>
            {(!s.themes.is_empty()).then(|| view! { <ul class="theme-tags" aria-label="Themes">{themes}</ul> })}
            {(!s.people.is_empty()).then(|| view! { <p class="slot__people">{s.people.clone()}</p> })}
            <button type="button" class="star" data-session=id aria-pressed=if s.starred { "true" } else { "false" }
                aria-label=format!("Star “{}”", s.title)>
                {if s.starred { "★ Starred" } else { "☆ Star" }}
            </button>
        </li>
    }
}

/// One session in full: time, place, people with their positions, run of show.
fn detail(
    m: &Meeting,
    id: SessionId,
    view_state: RwSignal<ViewState>,
    stars: RwSignal<Vec<SessionId>>,
    toggle_star: impl Fn(SessionId) + Copy + 'static,
    download_ics: impl Fn(Option<Vec<SessionId>>, String) + Copy + 'static,
) -> AnyView {
    let back = move |_| view_state.update(|v| v.session = None);
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
    let file = format!("{}-session-{}.ics", crate::export::file_stem(m), s.id);
    view! {
        <section class="attendee-detail" aria-label=format!("Session {title}")>
            <button type="button" class="link-button" on:click=back>"← Back to the schedule"</button>
            <p class="attendee-detail__date">{date}</p>
            <SessionCard entry=entry/>
            <div class="form-actions">
                <button type="button" class="star"
                    aria-pressed=move || if stars.with(|s| s.contains(&id)) { "true" } else { "false" }
                    aria-label=format!("Star “{title}”") on:click=move |_| toggle_star(id)>
                    {move || if stars.with(|s| s.contains(&id)) { "★ Starred" } else { "☆ Star" }}
                </button>
                <button type="button" on:click=move |_| download_ics(Some(vec![id]), file.clone())>"Add to calendar (.ics)"</button>
            </div>
        </section>
    }
    .into_any()
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
        people.sort_by_key(|p| {
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
                    .get(&p.id)
                    .into_iter()
                    .flatten()
                    .map(|s| {
                        let id = s.id;
                        view! { <li><button type="button" class="link-button" on:click=move |_| view_state.update(|v| { v.people = false; v.session = Some(id); })>{s.title.clone()}</button></li> }
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
