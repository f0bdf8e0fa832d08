//! The meetings kept in this browser: open, rename, duplicate for the next edition, delete
//! (after asking); create a new one; save the open one as a file or open a file as a new one.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::Meeting;
use crate::forms::items::NextEdition;
use crate::forms::names::{NEW_START, RESET_STATUSES, SHIFT_DAYS, TITLE};
use crate::forms::{FieldError, LibraryAction};
use crate::planner::components::file_import::import_file;
use crate::planner::components::save_file::save_as_file;
use crate::planner::state::{use_app_state, Summary};
use crate::ui::form_fields::{finish, form_error, form_message, input};
use crate::ui::notice::Notice;
use crate::web::clock::today;
use crate::web::dom::Submitted;

/// A submit button of a meeting's form.
fn action(
    action: LibraryAction,
    label: &'static str,
    class: Option<&'static str>,
) -> impl IntoView {
    view! { <button type="submit" name=crate::forms::names::ACTION value=action.to_string() class=class>{label}</button> }
}

/// One stored meeting: its title and dates, and what can be done with it.
#[component]
fn MeetingEntry(
    /// The meeting as the list shows it.
    summary: Summary,
    /// The meeting whose deletion is being asked about, if any.
    confirming: RwSignal<Option<u32>>,
) -> impl IntoView {
    let state = use_app_state();
    let error = form_error();
    let slot = summary.slot;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        let result = match LibraryAction::parse(&form.action) {
            Some(LibraryAction::Open) => state.open(slot).map_err(FieldError::form),
            Some(LibraryAction::Rename) => state
                .rename(slot, form.field(TITLE).unwrap_or_default())
                .map_err(|e| FieldError::new(TITLE, e)),
            Some(LibraryAction::Duplicate) => {
                NextEdition::from_fields(&form.fields()).and_then(|next| {
                    state
                        .duplicate(slot, next.days, next.new_start, next.reset_statuses)
                        .map(|_| ())
                        .map_err(FieldError::form)
                })
            }
            Some(LibraryAction::Delete) => {
                confirming.set(Some(slot));
                Ok(())
            }
            Some(LibraryAction::Keep) => {
                confirming.set(None);
                Ok(())
            }
            Some(LibraryAction::DeleteForGood) => {
                confirming.set(None);
                state.delete(slot).map_err(FieldError::form)
            }
            None => Ok(()),
        };
        finish(&form, error, result, false);
    };
    let key = format!("library-{slot}");
    let is_open = move || state.slot() == slot;
    let Summary {
        title,
        dates,
        unreadable,
        ..
    } = summary;
    let readable = unreadable.is_none();
    let asked = format!("Delete “{title}” from this browser? This cannot be undone.");
    view! {
        <li>
            <form class="item-form meeting-entry" aria-label=format!("Meeting {title}") on:submit=on_submit novalidate>
                <p class="meeting-entry__title field--wide">
                    <strong>{title.clone()}</strong>
                    " " <span>{dates}</span>
                    {move || is_open().then(|| view! { " " <span class="badge">"Open now"</span> })}
                </p>
                {unreadable.map(|why| {
                    let download = move |_| {
                        let saved = state.stored_text(slot).and_then(|text| {
                            crate::web::files::download(
                                &format!("agenda-planner-meeting-{slot}-unreadable.txt"),
                                "text/plain",
                                &text,
                            )
                        });
                        if let Err(e) = saved {
                            state.notice.set(Some(Notice::error(format!("Not downloaded: {e}."))));
                        }
                    };
                    view! {
                        <p class="item-form__note field--wide">{why}</p>
                        <div class="form-actions field--wide">
                            <button type="button" on:click=download>"Download its text"</button>
                        </div>
                    }
                })}
                {readable.then(|| view! {
                    {input(&key, "Title", TITLE, "text", title.clone(), error)}
                    <div class="form-actions field--wide">
                        {action(LibraryAction::Rename, "Rename", None)}
                        {move || (!is_open()).then(|| action(LibraryAction::Open, "Open", None))}
                    </div>
                    <fieldset class="field--wide">
                        <legend>"Duplicate for the next edition"</legend>
                        {input(&key, "Move dates by (days)", SHIFT_DAYS, "number", "364".into(), error)}
                        {input(&key, "Or new first day", NEW_START, "date", String::new(), error)}
                        <label class="check">
                            <input type="checkbox" name=RESET_STATUSES checked=true/>
                            "Set everyone back to “invited”"
                        </label>
                        {action(LibraryAction::Duplicate, "Duplicate", None)}
                    </fieldset>
                })}
                {form_message(error)}
                {move || if confirming.get() == Some(slot) {
                    view! {
                        <div class="confirm field--wide" role="group" aria-label="Confirm deleting the meeting">
                            <p>{asked.clone()}</p>
                            {action(LibraryAction::DeleteForGood, "Delete for good", Some("button--danger"))}
                            {action(LibraryAction::Keep, "Keep it", None)}
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <div class="form-actions field--wide">
                            {action(LibraryAction::Delete, "Delete", Some("button--quiet"))}
                        </div>
                    }.into_any()
                }}
            </form>
        </li>
    }
}

/// One backup of unreadable data: its size, and Download and Delete (after asking).
#[component]
fn BackupEntry(
    backup: crate::storage::Backup,
    /// The backup whose deletion is being asked about, if any.
    confirming: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app_state();
    let name = backup.file_name();
    let label = format!("Backup {name}");
    let key = backup.key.clone();
    let download = {
        let key = key.clone();
        let name = name.clone();
        move |_| {
            let saved = state
                .backup_text(&key)
                .and_then(|text| crate::web::files::download(&name, "text/plain", &text));
            if let Err(e) = saved {
                state
                    .notice
                    .set(Some(Notice::error(format!("Not downloaded: {e}."))));
            }
        }
    };
    let asking = {
        let key = key.clone();
        move || confirming.with(|c| c.as_deref() == Some(key.as_str()))
    };
    let ask = {
        let key = key.clone();
        move |_| confirming.set(Some(key.clone()))
    };
    let delete = move |_| {
        confirming.set(None);
        match state.delete_backup(&key) {
            Ok(()) => state
                .notice
                .set(Some(Notice::info("The backup was deleted."))),
            Err(e) => state.notice.set(Some(Notice::error(format!(
                "The backup was not deleted: {e}."
            )))),
        }
    };
    view! {
        <li>
            <div class="item-form meeting-entry" role="group" aria-label=label>
                <p class="meeting-entry__title field--wide">
                    <strong>{name}</strong>
                    " " <span>{crate::storage::size_label(backup.chars)}</span>
                </p>
                <div class="form-actions field--wide">
                    <button type="button" on:click=download>"Download"</button>
                    {move || if asking() {
                        view! {
                            <div class="confirm" role="group" aria-label="Confirm deleting the backup">
                                <p>"Delete this backup from this browser? This cannot be undone."</p>
                                <button type="button" class="button--danger" on:click=delete.clone()>"Delete for good"</button>
                                <button type="button" on:click=move |_| confirming.set(None)>"Keep it"</button>
                            </div>
                        }.into_any()
                    } else {
                        view! { <button type="button" class="button--quiet" on:click=ask.clone()>"Delete"</button> }.into_any()
                    }}
                </div>
            </div>
        </li>
    }
}

/// The copies of unreadable data kept in this browser, when there are any.
#[component]
fn Backups() -> impl IntoView {
    let state = use_app_state();
    let backups = Memo::new(move |_| state.backups());
    let confirming = RwSignal::new(None::<String>);
    move || {
        (!backups.with(Vec::is_empty)).then(|| {
            view! {
                <section class="backups" aria-labelledby="backups-heading">
                    <h2 id="backups-heading">"Backups of unreadable data"</h2>
                    <p class="item-form__note">
                        "Stored data the planner could not open is kept here as it was, once however often it is found. Download it to recover what you can, or delete it to give the browser its room back."
                    </p>
                    <ul class="meeting-list">
                        <For each=move || backups.get() key=|b| b.clone() let:backup>
                            <BackupEntry backup=backup confirming=confirming/>
                        </For>
                    </ul>
                </section>
            }
        })
    }
}

/// The meetings screen.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    let state = use_app_state();
    let confirming = RwSignal::new(None::<u32>);
    let review = expect_context::<crate::planner::components::file_import::ImportReview>();
    let summaries = Memo::new(move |_| state.summaries());
    let on_create = move |_| {
        let result = state.create(Meeting::blank(today()));
        state.notice.set(Some(match result {
            Ok(_) => Notice::info("Created a new, blank meeting."),
            Err(e) => Notice::error(format!("Could not create a meeting: {e}.")),
        }));
    };
    let on_save_file = move |_| {
        if let Err(e) = save_as_file(state) {
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
                import_file(state, review, file);
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
                    <input type="file" accept=".json,.xml,.csv,.tsv,application/json,application/xml,text/xml,text/csv" aria-describedby="import-formats" on:change=on_file/>
                </label>
            </div>
            <p class="item-form__note" id="import-formats">
                "Imports a meeting file, a frab/c3voc schedule.json (versions 1 and 2) or schedule.xml, or a pretalx widget schedule JSON (up to 10 MB) as a new meeting; a spreadsheet of people (.csv) is added to the open meeting, after you say what its columns hold. You can also drop the file anywhere on the page."
            </p>
            <ul class="meeting-list">
                <For each=move || summaries.get() key=|s| s.clone() let:summary>
                    <MeetingEntry summary=summary confirming=confirming/>
                </For>
            </ul>
            <Backups/>
        </section>
    }
}
