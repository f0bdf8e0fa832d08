//! The meetings kept in this browser: open, rename, duplicate for the next edition, delete
//! (after asking); create a new one; save the open one as a file or open a file as a new one.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::file_import::import_file;
use crate::domain::schedule::parse_date;
use crate::domain::{Edit, Meeting};
use crate::platform::{self, Submitted};
use crate::state::{use_app_state, AppState, Notice};
use crate::storage;

/// One stored meeting as the list shows it.
struct Summary {
    slot: u32,
    title: String,
    dates: String,
    readable: bool,
}

/// The stored meetings; the open one as it is in memory (it may not be written yet: the
/// sample before its first edit, or a change of the last frame).
fn summaries(open: &Meeting, open_slot: u32) -> Vec<Summary> {
    let summary = |slot, m: &Meeting| Summary {
        slot,
        title: m.title.clone(),
        dates: m.dates_label(),
        readable: true,
    };
    let mut library = storage::local::library();
    if !library.slots.contains(&open_slot) {
        library.slots.push(open_slot);
        library.slots.sort_unstable();
    }
    library
        .slots
        .into_iter()
        .map(|slot| {
            if slot == open_slot {
                return summary(slot, open);
            }
            match storage::local::read(slot).map(|t| storage::decode(&t)) {
                Some(Ok(m)) => summary(slot, &m),
                _ => Summary {
                    slot,
                    title: format!("Unreadable meeting {slot}"),
                    dates: String::new(),
                    readable: false,
                },
            }
        })
        .collect()
}

/// Renames a stored meeting (the open one through the undoable edit stream).
fn rename(state: AppState, slot: u32, title: String) -> Result<(), String> {
    if slot == state.slot() {
        return state
            .apply(Edit::SetTitle(title))
            .map_err(|e| e.to_string());
    }
    let text = storage::local::read(slot).ok_or("that meeting is no longer stored")?;
    let mut meeting = storage::decode(&text).map_err(|e| e.to_string())?;
    Edit::SetTitle(title)
        .apply(&mut meeting)
        .map_err(|e| e.to_string())?;
    storage::local::save(slot, &meeting).map(|_| ())
}

/// A copy for the next edition: moved by a number of days, or to a new first day.
fn duplicate(state: AppState, slot: u32, form: &Submitted) -> Result<(), (&'static str, String)> {
    let text = storage::local::read(slot)
        .ok_or(("_form", "that meeting is no longer stored".to_string()))?;
    let meeting = storage::decode(&text).map_err(|e| ("_form", e.to_string()))?;
    let new_start = form.field("new_start").unwrap_or_default();
    let days = if new_start.trim().is_empty() {
        let text = form.field("shift_days").unwrap_or_default();
        text.trim().parse::<i64>().map_err(|_| {
            (
                "shift_days",
                format!("“{text}” is not a whole number of days."),
            )
        })?
    } else {
        let start = parse_date(new_start.trim())
            .ok_or(("new_start", format!("“{new_start}” is not a date.")))?;
        let first = meeting
            .date_range()
            .map(|(a, _)| a)
            .ok_or(("new_start", "That meeting has no days to move.".to_string()))?;
        (start - first).num_days()
    };
    let copy = meeting.duplicated(days, form.field("reset_statuses").is_some());
    state.create(copy).map(|_| ()).map_err(|e| ("_form", e))
}

/// The meetings screen.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    let state = use_app_state();
    let confirming = RwSignal::new(None::<u32>);
    // The list reads storage, which signals do not see: bumped after every action here.
    let revision = RwSignal::new(0u32);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        let Some(slot) = form.id else { return };
        let result: Result<(), (&str, String)> = match form.action.as_str() {
            "open" => state.open(slot).map_err(|e| ("_form", e)),
            "rename" => rename(state, slot, form.field("title").unwrap_or_default())
                .map_err(|e| ("title", e)),
            "duplicate" => duplicate(state, slot, &form),
            "delete" => {
                confirming.set(Some(slot));
                Ok(())
            }
            "keep" => {
                confirming.set(None);
                Ok(())
            }
            "delete-for-good" => {
                confirming.set(None);
                state.delete(slot).map_err(|e| ("_form", e))
            }
            _ => Ok(()),
        };
        match result {
            Ok(()) => form.show_error(None, ""),
            Err((field, message)) => form.show_error(Some(field), &message),
        }
        revision.update(|r| *r += 1);
    };
    let on_create = move |_| {
        let result = state.create(Meeting::blank(platform::today()));
        state.notice.set(Some(match result {
            Ok(_) => Notice::info("Created a new, blank meeting."),
            Err(e) => Notice::error(format!("Could not create a meeting: {e}.")),
        }));
    };
    let on_save_file = move |_| {
        if let Err(e) = crate::components::notice_banner::save_as_file(state) {
            state
                .notice
                .set(Some(Notice::error(format!("Not saved as a file: {e}."))));
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                input.set_value("");
                import_file(state, file);
            }
        }
    };

    view! {
        <section class="editor" aria-labelledby="meetings-heading">
            <h1 id="meetings-heading">"Meetings in this browser"</h1>
            <div class="form-actions">
                <button type="button" on:click=on_create>"Create a new meeting"</button>
                <button type="button" on:click=on_save_file>"Save the open meeting as a file"</button>
                <label class="file-button">
                    "Import a file…"
                    <input type="file" accept=".json,.xml,application/json,application/xml,text/xml" aria-describedby="import-formats" on:change=on_file/>
                </label>
            </div>
            <p class="item-form__note" id="import-formats">
                "Imports a meeting file, a frab/c3voc schedule.json or schedule.xml, or a pretalx widget schedule JSON (up to 10 MB) as a new meeting; you can also drop the file anywhere on the page."
            </p>
            <ul class="meeting-list" on:submit=on_submit>
                {move || {
                    revision.track();
                    let open = state.slot();
                    let asking = confirming.get();
                    let list = state.meeting.with(|m| summaries(m, open));
                    list.into_iter().map(|m| {
                        let key = format!("library-{}", m.slot);
                        let is_open = m.slot == open;
                        view! {
                            <li>
                                <form class="item-form meeting-entry" data-id=m.slot.to_string() aria-label=format!("Meeting {}", m.title) novalidate>
                                    <p class="meeting-entry__title field--wide">
                                        <strong>{m.title.clone()}</strong>
                                        " " <span>{m.dates.clone()}</span>
                                        {is_open.then(|| view! { " " <span class="badge">"Open now"</span> })}
                                    </p>
                                    {m.readable.then(|| view! {
                                        {crate::components::form_fields::input(&key, "Title", "title", "text", m.title.clone())}
                                        <div class="form-actions field--wide">
                                            <button type="submit" name="action" value="rename">"Rename"</button>
                                            {(!is_open).then(|| view! { <button type="submit" name="action" value="open">"Open"</button> })}
                                        </div>
                                        <fieldset class="field--wide">
                                            <legend>"Duplicate for the next edition"</legend>
                                            {crate::components::form_fields::input(&key, "Move dates by (days)", "shift_days", "number", "364".into())}
                                            {crate::components::form_fields::input(&key, "Or new first day", "new_start", "date", String::new())}
                                            <label class="check">
                                                <input type="checkbox" name="reset_statuses" checked=true/>
                                                "Set everyone back to “invited”"
                                            </label>
                                            <button type="submit" name="action" value="duplicate">"Duplicate"</button>
                                        </fieldset>
                                    })}
                                    <p class="field-error field--wide" data-error-for="_form" role="alert"></p>
                                    {if asking == Some(m.slot) {
                                        view! {
                                            <div class="confirm field--wide" role="group" aria-label="Confirm deleting the meeting">
                                                <p>{format!("Delete “{}” from this browser? This cannot be undone.", m.title)}</p>
                                                <button type="submit" name="action" value="delete-for-good" class="button--danger">"Delete for good"</button>
                                                <button type="submit" name="action" value="keep">"Keep it"</button>
                                            </div>
                                        }.into_any()
                                    } else {
                                        view! {
                                            <div class="form-actions field--wide">
                                                <button type="submit" name="action" value="delete" class="button--quiet">"Delete"</button>
                                            </div>
                                        }.into_any()
                                    }}
                                </form>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
        </section>
    }
}
