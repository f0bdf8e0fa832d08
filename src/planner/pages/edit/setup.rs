//! Setup: the meeting's details, days, rooms and themes. Each item is its own form (with its
//! own error), drawn from its own memo: a change redraws that item's form only.

use leptos::prelude::*;

use super::{item_submit, keyed_forms, Drawn};
use crate::domain::edit::Item;
use crate::domain::schedule::{hh_mm, iso_date, long_date};
use crate::domain::{Day, DayId, Details, Edit, ItemId, Room, RoomId, Theme, ThemeId};
use crate::forms::names::*;
use crate::forms::FieldError;
use crate::planner::state::use_app_state;
use crate::ui::form_fields::{buttons, finish, form_error, input, text_area, timezone_input};
use crate::web::dom::Submitted;

/// The meeting's own fields.
#[component]
fn DetailsForm() -> impl IntoView {
    let state = use_app_state();
    let details = Memo::new(move |_| state.meeting().with(Details::of));
    let error = form_error();
    let drawn = Drawn::<(), Details>::new();
    let on_input = move |_: leptos::ev::Event| {
        drawn.begin((), || Some(state.meeting().with_untracked(Details::of)));
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        state.refresh();
        let result = Details::from_fields(&form.fields())
            .and_then(|d| {
                let current = state.meeting().with_untracked(|m| m.timezone.clone());
                d.known_timezone(&current, &crate::web::clock::BrowserOffsets)?;
                Ok(d)
            })
            .and_then(|d| {
                drawn.check((), &d, Some(&state.meeting().with_untracked(Details::of)))?;
                Ok(d)
            })
            .and_then(|d| {
                state
                    .apply(Edit::SetDetails(Box::new(d)))
                    .map_err(FieldError::from)
            });
        if result.is_ok() {
            drawn.done(());
        }
        finish(&form, error, result, false);
    };
    move || {
        details.with(|m| {
            view! {
                <form class="item-form" aria-label="Meeting details" on:submit=on_submit on:input=on_input novalidate>
                    {input("meeting", "Title", TITLE, "text", m.title.clone(), error)}
                    {input("meeting", "Short name (for file names)", SHORT_NAME, "text", m.short_name.clone(), error)}
                    {input("meeting", "Edition or subtitle", EDITION, "text", m.edition.clone(), error)}
                    {input("meeting", "Host organization", HOST, "text", m.host.clone(), error)}
                    {input("meeting", "Venue", VENUE, "text", m.venue.clone(), error)}
                    {input("meeting", "City", CITY, "text", m.city.clone(), error)}
                    {timezone_input("meeting", "Timezone (IANA name)", TIMEZONE, m.timezone.clone(), error)}
                    {text_area("meeting", "Description", DESCRIPTION, m.description.clone(), error)}
                    {buttons("Save details", false, error)}
                </form>
            }
        })
    }
}

/// A day's form, or the "New day" form.
#[component]
fn DayForm(day: Option<Day>) -> impl IntoView {
    let state = use_app_state();
    let error = form_error();
    let (on_submit, on_input) = item_submit(
        state,
        day.as_ref().map(|d| d.id.0),
        error,
        |id, f, _| Day::from_fields(DayId(id), f).map(Item::Day),
        |id| ItemId::Day(DayId(id)),
        |m| m.new_day_id().0,
    );
    let key = day
        .as_ref()
        .map_or("new-day".to_string(), |d| format!("day-{}", d.id));
    let name = day.as_ref().map_or("New day".to_string(), |d| {
        format!("Day {}", long_date(d.date))
    });
    let class = if day.is_some() {
        "item-form item-form--row"
    } else {
        "item-form item-form--row item-form--new"
    };
    view! {
        <form class=class aria-label=name on:submit=on_submit on:input=on_input novalidate>
            {input(&key, "Date", DATE, "date", day.as_ref().map(|d| iso_date(d.date)).unwrap_or_default(), error)}
            {input(&key, "Label", LABEL, "text", day.as_ref().map(|d| d.label.clone()).unwrap_or_default(), error)}
            {input(&key, "Starts", START, "time", day.as_ref().map_or("09:00".into(), |d| hh_mm(d.start)), error)}
            {input(&key, "Ends", END, "time", day.as_ref().map_or("17:00".into(), |d| hh_mm(d.end)), error)}
            <label class="check">
                <input type="checkbox" name=ENDS_NEXT_DAY checked=day.as_ref().is_some_and(|d| d.ends_next_day)/>
                "Runs past midnight"
            </label>
            {buttons(if day.is_some() { "Save" } else { "Add day" }, day.is_some(), error)}
        </form>
    }
}

/// A room's form, or the "New room" form.
#[component]
fn RoomForm(room: Option<Room>) -> impl IntoView {
    let state = use_app_state();
    let error = form_error();
    let (on_submit, on_input) = item_submit(
        state,
        room.as_ref().map(|r| r.id.0),
        error,
        |id, f, _| Room::from_fields(RoomId(id), f).map(Item::Room),
        |id| ItemId::Room(RoomId(id)),
        |m| m.new_room_id().0,
    );
    let key = room
        .as_ref()
        .map_or("new-room".to_string(), |r| format!("room-{}", r.id));
    let name = room
        .as_ref()
        .map_or("New room".to_string(), |r| format!("Room {}", r.name));
    let class = if room.is_some() {
        "item-form item-form--row"
    } else {
        "item-form item-form--row item-form--new"
    };
    view! {
        <form class=class aria-label=name on:submit=on_submit on:input=on_input novalidate>
            {input(&key, "Name", NAME, "text", room.as_ref().map(|r| r.name.clone()).unwrap_or_default(), error)}
            {input(&key, "Capacity", CAPACITY, "text", room.as_ref().and_then(|r| r.capacity).map(|c| c.to_string()).unwrap_or_default(), error)}
            {input(&key, "Description", DESCRIPTION, "text", room.as_ref().map(|r| r.description.clone()).unwrap_or_default(), error)}
            {buttons(if room.is_some() { "Save" } else { "Add room" }, room.is_some(), error)}
        </form>
    }
}

/// A theme's form, or the "New theme" form.
#[component]
fn ThemeForm(theme: Option<Theme>) -> impl IntoView {
    let state = use_app_state();
    let error = form_error();
    let (on_submit, on_input) = item_submit(
        state,
        theme.as_ref().map(|t| t.id.0),
        error,
        |id, f, _| Theme::from_fields(ThemeId(id), f).map(Item::Theme),
        |id| ItemId::Theme(ThemeId(id)),
        |m| m.new_theme_id().0,
    );
    let key = theme
        .as_ref()
        .map_or("new-theme".to_string(), |t| format!("theme-{}", t.id));
    let name = theme
        .as_ref()
        .map_or("New theme".to_string(), |t| format!("Theme {}", t.name));
    let class = if theme.is_some() {
        "item-form item-form--row"
    } else {
        "item-form item-form--row item-form--new"
    };
    view! {
        <form class=class aria-label=name on:submit=on_submit on:input=on_input novalidate>
            {input(&key, "Name", NAME, "text", theme.as_ref().map(|t| t.name.clone()).unwrap_or_default(), error)}
            {input(&key, "Colour", COLOUR, "color", theme.as_ref().map_or("#1d4ed8".into(), |t| t.colour.clone()), error)}
            {input(&key, "Description", DESCRIPTION, "text", theme.as_ref().map(|t| t.description.clone()).unwrap_or_default(), error)}
            {buttons(if theme.is_some() { "Save" } else { "Add theme" }, theme.is_some(), error)}
        </form>
    }
}

/// The form of a day, room or theme.
fn item_form(item: Item) -> AnyView {
    match item {
        Item::Day(d) => view! { <DayForm day=Some(d)/> }.into_any(),
        Item::Room(r) => view! { <RoomForm room=Some(r)/> }.into_any(),
        Item::Theme(t) => view! { <ThemeForm theme=Some(t)/> }.into_any(),
        Item::Person(_) | Item::Session(_) => ().into_any(),
    }
}

/// Setup: details, days, rooms, themes.
#[component]
pub fn SetupPart() -> impl IntoView {
    let state = use_app_state();
    let meeting = state.meeting();
    let days = Memo::new(move |_| {
        meeting.with(|m| {
            m.days_in_order()
                .iter()
                .map(|d| ItemId::Day(d.id))
                .collect()
        })
    });
    let rooms =
        Memo::new(move |_| meeting.with(|m| m.rooms.iter().map(|r| ItemId::Room(r.id)).collect()));
    let themes = Memo::new(move |_| {
        meeting.with(|m| m.themes.iter().map(|t| ItemId::Theme(t.id)).collect())
    });
    view! {
        <section class="editor__section" aria-labelledby="details-heading">
            <h2 id="details-heading">"Meeting details"</h2>
            <DetailsForm/>
        </section>
        <section class="editor__section" aria-labelledby="days-heading">
            <h2 id="days-heading">"Days"</h2>
            <div class="setup-list setup-list--5">
                {keyed_forms(days, item_form)}
                <DayForm day=None/>
            </div>
        </section>
        <section class="editor__section" aria-labelledby="rooms-heading">
            <h2 id="rooms-heading">"Rooms"</h2>
            <div class="setup-list setup-list--3">
                {keyed_forms(rooms, item_form)}
                <RoomForm room=None/>
            </div>
        </section>
        <section class="editor__section" aria-labelledby="themes-heading-edit">
            <h2 id="themes-heading-edit">"Themes"</h2>
            <div class="setup-list setup-list--3">
                {keyed_forms(themes, item_form)}
                <ThemeForm theme=None/>
            </div>
        </section>
    }
}
