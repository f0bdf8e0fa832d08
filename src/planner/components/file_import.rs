//! Importing a file: from the Meetings screen's file button, or dropped anywhere on the page.
//! Meeting files, frab/c3voc schedule JSON (versions 1 and 2) and XML, and pretalx's widget
//! JSON are recognised by their content and open as a new meeting; the report says what came
//! in and what not. A schedule that gives no timezone first asks which one its times are in.
//! A spreadsheet (.csv, .tsv) adds its people to the open meeting, after a step that shows its
//! first rows and asks what each column holds.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use wasm_bindgen::JsCast;

use crate::domain::Meeting;
use crate::import::csv::{Column, Outcome, Table};
use crate::import::{ImportError, Imported, Options, MAX_BYTES};
use crate::planner::state::{use_app_state, AppState};
use crate::ui::lazy::{flat, NotLoaded};
use crate::ui::notice::Notice;
use crate::web::clock::BrowserOffsets;
use crate::web::files::read_text;
use crate::web::js;

/// A file read, waiting for the person importing to say something about it.
#[derive(Clone, Debug, PartialEq)]
pub enum Review {
    /// A schedule that gives no timezone: which one are its times in?
    Timezone { name: String, text: String },
    /// A spreadsheet: what does each column hold?
    Sheet {
        name: String,
        table: Table,
        columns: Vec<Option<Column>>,
    },
}

/// The file under review, shared by the file button, the drop target and the dialog.
#[derive(Clone, Copy)]
pub struct ImportReview(pub RwSignal<Option<Review>>);

impl ImportReview {
    pub fn new() -> ImportReview {
        ImportReview(RwSignal::new(None))
    }
}

impl Default for ImportReview {
    fn default() -> Self {
        ImportReview::new()
    }
}

fn is_sheet(file: &web_sys::File) -> bool {
    let name = file.name().to_ascii_lowercase();
    name.ends_with(".csv")
        || name.ends_with(".tsv")
        || file.type_() == "text/csv"
        || file.type_() == "text/tab-separated-values"
}

/// Reads `file` and opens what it holds (or asks about it first), or says why not: nothing
/// stored changes then.
pub fn import_file(state: AppState, review: ImportReview, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        state.notice.set(Some(Notice::error(format!(
            "“{name}” is too large to import (over 10 MB); nothing was changed."
        ))));
        return;
    }
    let sheet = is_sheet(&file);
    leptos::task::spawn_local(async move {
        let Some(text) = read_text(&file).await else {
            state.notice.set(Some(Notice::error(format!(
                "“{name}” could not be read; nothing was changed."
            ))));
            return;
        };
        match import_step(name.clone(), text, sheet).await {
            Ok(Step::Open(meeting, said)) => open(state, &name, *meeting, said),
            Ok(Step::Review(r)) => review.0.set(Some(r)),
            Ok(Step::Refused(why)) => state.notice.set(Some(Notice::error(why))),
            Err(e) => state.notice.set(Some(Notice::error(format!(
                "“{name}” was not imported: {e}. Nothing was changed."
            )))),
        }
    });
}

/// What a file read leads to.
enum Step {
    /// A new meeting, with what the report says.
    Open(Box<Meeting>, String),
    /// A question first.
    Review(Review),
    /// Why not.
    Refused(String),
}

/// The importers and their messages: loaded when a file is first imported.
#[wasm_split(import_step, wasm_split_path = ::leptos::wasm_split, fallible)]
fn import_step(name: String, text: String, sheet: bool) -> Result<Step, NotLoaded> {
    Ok(step_for_file(name, text, sheet))
}

/// What a file read leads to: a sheet's columns to confirm, a timezone to give, a new
/// meeting, or why not.
fn step_for_file(name: String, text: String, sheet: bool) -> Step {
    if sheet {
        return match crate::import::csv::read_table(&text) {
            Ok(table) => {
                let columns = crate::import::csv::guess_columns(&table.headers);
                Step::Review(Review::Sheet {
                    name,
                    table,
                    columns,
                })
            }
            Err(e) => Step::Refused(format!("“{name}” cannot be read: {e} Nothing was changed.")),
        };
    }
    match crate::import::import_with(&text, &BrowserOffsets, &Options::default()) {
        Ok(imported) if imported.report.timezone_guessed => {
            Step::Review(Review::Timezone { name, text })
        }
        result => step_of(&name, result),
    }
}

/// An import's result as a step: the meeting and what its report says, or why not.
fn step_of(name: &str, result: Result<Imported, ImportError>) -> Step {
    match result {
        Err(e) => Step::Refused(format!(
            "“{name}” cannot be opened: {e} Nothing was changed."
        )),
        Ok(Imported { meeting, report }) => {
            let mut text = format!("Opened “{name}” as a new meeting. {}", report.summary());
            for note in &report.notes {
                text.push(' ');
                text.push_str(note);
            }
            Step::Open(Box::new(meeting), text)
        }
    }
}

/// Opens an imported meeting as a new one and says so, or why it could not be stored.
fn open(state: AppState, name: &str, meeting: Meeting, said: String) {
    let notice = match state.create(meeting) {
        Ok(_) => Notice::info(said),
        Err(e) => Notice::error(format!("“{name}” could not be stored: {e}.")),
    };
    state.notice.set(Some(notice));
}

/// An import with the timezone the person importing gave: the step it leads to, or why the
/// timezone is refused (shown in the dialog).
#[wasm_split(import_in, wasm_split_path = ::leptos::wasm_split, fallible)]
fn import_in(
    name: String,
    text: String,
    timezone: String,
) -> Result<Result<Step, String>, NotLoaded> {
    let options = Options {
        timezone: Some(timezone),
    };
    Ok(
        match crate::import::import_with(&text, &BrowserOffsets, &options) {
            Err(e @ ImportError::UnknownTimezone(_)) => Err(e.to_string()),
            result => Ok(step_of(&name, result)),
        },
    )
}

/// What adding the sheet to the meeting would do (one edit).
#[wasm_split(apply_sheet, wasm_split_path = ::leptos::wasm_split, fallible)]
fn apply_sheet(
    meeting: Meeting,
    table: Table,
    columns: Vec<Option<Column>>,
) -> Result<Result<Outcome, ImportError>, NotLoaded> {
    Ok(crate::import::csv::apply(&meeting, &table, &columns))
}

/// Whether a drag carries files (not a session being moved in the editor).
fn has_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}

/// Drop a file anywhere on the page to import it; a hint covers the page while dragging.
/// Also shows the review of a file that needs one.
#[component]
pub fn FileDrop() -> impl IntoView {
    let state = use_app_state();
    let review = expect_context::<ImportReview>();
    let dragging = RwSignal::new(false);
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if has_files(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Left the window (no element under the pointer any more).
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        dragging.set(false);
        let file = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            import_file(state, review, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    let hint = move || {
        dragging.get().then(|| {
            view! {
                <div class="drop-hint" aria-hidden="true">
                    <p>"Drop the file to import it"</p>
                    <p class="drop-hint__formats">"Meeting file, frab/c3voc schedule.json (versions 1 and 2) or schedule.xml, pretalx schedule JSON — or a spreadsheet (.csv) of people to add to this meeting"</p>
                </div>
            }
        })
    };
    view! {
        {hint}
        {move || review.0.get().map(|r| crate::ui::lazy::lazy_view(move || review_dialog(r.clone())))}
    }
}

/// The dialog's code: loaded when a file first needs a review.
#[wasm_split(review_dialog, wasm_split_path = ::leptos::wasm_split, fallible)]
fn review_dialog(review: Review) -> Result<AnyView, NotLoaded> {
    Ok(untrack(|| {
        view! { <ReviewDialog review=review/> }.into_any()
    }))
}

/// The dialog asking about a file: modal, Escape or Cancel closes it, nothing changes until
/// its main button.
#[component]
fn ReviewDialog(review: Review) -> impl IntoView {
    let state = use_app_state();
    let pending = expect_context::<ImportReview>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    let close = move || pending.0.set(None);
    let on_cancel = move |ev: leptos::ev::Event| {
        ev.prevent_default();
        close();
    };
    let (heading, body) = match review {
        Review::Timezone { name, text } => (
            format!("Which timezone are the times of “{name}” in?"),
            timezone_form(state, name, text, error, busy, close).into_any(),
        ),
        Review::Sheet {
            name,
            table,
            columns,
        } => {
            let title = state
                .meeting()
                .with_untracked(|m| crate::domain::names::meeting_name(m).to_string());
            (
                format!("Add the people of “{name}” to “{title}”"),
                sheet_form(state, name, table, columns, error, busy, close).into_any(),
            )
        }
    };
    view! {
        <dialog node_ref=dialog class="review" aria-labelledby="review-heading" on:cancel=on_cancel>
            <h2 id="review-heading">{heading}</h2>
            {body}
        </dialog>
    }
}

fn problem(error: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        error
            .get()
            .map(|e| view! { <p class="field-error" role="alert">{e}</p> })
    }
}

fn timezone_form(
    state: AppState,
    name: String,
    text: String,
    error: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
    close: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let guess = js::viewer_time_zone();
    let text = StoredValue::new(text);
    let name = StoredValue::new(name);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(zone) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            .and_then(|f| web_sys::FormData::new_with_form(&f).ok())
            .and_then(|d| d.get("timezone").as_string())
        else {
            return;
        };
        let zone = zone.trim().to_string();
        if zone.is_empty() {
            error.set(Some("Give the timezone, such as Europe/Brussels.".into()));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = flat(import_in(name.get_value(), text.get_value(), zone).await);
            busy.set(false);
            match result {
                Err(e) => error.set(Some(e)),
                Ok(Step::Open(meeting, said)) => {
                    close();
                    open(state, &name.get_value(), *meeting, said);
                }
                Ok(Step::Refused(why)) => {
                    close();
                    state.notice.set(Some(Notice::error(why)));
                }
                Ok(Step::Review(_)) => close(),
            }
        });
    };
    view! {
        <form class="review__form" on:submit=on_submit novalidate>
            <p>"The file gives no timezone. Its times without an offset are read as local times in the timezone you give; times with an offset are converted into it. It becomes the meeting's timezone."</p>
            <label class="field">
                <span>"Timezone"</span>
                <input
                    name="timezone"
                    list="review-timezones"
                    value=guess
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="review-timezone-hint"
                />
                <span class="item-form__note" id="review-timezone-hint">"An IANA name, such as Europe/Brussels or America/New_York (this browser's own is filled in)."</span>
            </label>
            {crate::ui::form_fields::timezone_names("review-timezones".into())}
            {problem(error)}
            <div class="form-actions">
                <button type="submit" disabled=move || busy.get()>"Import"</button>
                <button type="button" class="button--quiet" on:click=move |_| close()>"Cancel"</button>
            </div>
        </form>
    }
}

/// How many rows the preview shows.
const PREVIEW_ROWS: usize = 5;

fn sheet_form(
    state: AppState,
    name: String,
    table: Table,
    columns: Vec<Option<Column>>,
    error: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
    close: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let rows = table.rows.len();
    let chosen = RwSignal::new(columns);
    let table = StoredValue::new(table);
    let name = StoredValue::new(name);
    // What each column can be: every column the importer reads.
    let choices: Vec<Column> = Column::ALL
        .into_iter()
        .filter(|c| *c != Column::Sessions)
        .collect();
    let header_cell = move |i: usize, header: String| {
        let choices = choices.clone();
        let label = if header.trim().is_empty() {
            format!("Column {}", i + 1)
        } else {
            header.clone()
        };
        let on_change = move |ev: leptos::ev::Event| {
            let value = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            let column = value
                .parse::<usize>()
                .ok()
                .and_then(|n| Column::ALL.get(n).copied());
            chosen.update(|c| {
                // One column per meaning: a meaning chosen here is taken off another column.
                if column.is_some() {
                    for x in c.iter_mut() {
                        if *x == column {
                            *x = None;
                        }
                    }
                }
                if let Some(x) = c.get_mut(i) {
                    *x = column;
                }
            });
            error.set(None);
        };
        view! {
            <th scope="col">
                <span class="review__header">{label.clone()}</span>
                <select aria-label=format!("What “{label}” holds") on:change=on_change>
                    <option value="" selected=move || chosen.with(|c| c.get(i).copied().flatten().is_none())>"Not read"</option>
                    {choices.into_iter().map(|c| {
                        let n = Column::ALL.iter().position(|x| *x == c).unwrap_or_default();
                        view! {
                            <option value=n.to_string() selected=move || chosen.with(|x| x.get(i).copied().flatten() == Some(c))>{c.header()}</option>
                        }
                    }).collect_view()}
                </select>
            </th>
        }
    };
    let headers = table.with_value(|t| t.headers.clone());
    let preview: Vec<Vec<String>> =
        table.with_value(|t| t.rows.iter().take(PREVIEW_ROWS).cloned().collect());
    let notes = table.with_value(|t| t.notes.clone());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        let meeting = state.meeting().get_untracked();
        let columns = chosen.get_untracked();
        leptos::task::spawn_local(async move {
            let result = flat(apply_sheet(meeting, table.get_value(), columns).await);
            busy.set(false);
            match result {
                Err(e) => error.set(Some(e)),
                Ok(outcome) => {
                    let applied = match outcome.edit.clone() {
                        Some(edit) => state.apply(edit).map_err(|e| e.to_string()),
                        None => Ok(()),
                    };
                    match applied {
                        Err(e) => error.set(Some(format!("Nothing was added: {e}."))),
                        Ok(()) => {
                            close();
                            let mut text =
                                format!("Added “{}”: {}", name.get_value(), outcome.summary());
                            for note in &outcome.notes {
                                text.push(' ');
                                text.push_str(note);
                            }
                            state.notice.set(Some(Notice::info(text)));
                        }
                    }
                }
            }
        });
    };
    view! {
        <form class="review__form" on:submit=on_submit>
            <p>{format!("{rows} rows. Say what each column holds; the first rows are shown below as the sheet gives them. People already in the meeting (by name) are updated, not added again; a row that names a session adds the person to it in its role, and adds the session when it is not in the meeting: at the day, start and end the row gives, or on the timetable's Unscheduled tray when it gives none. One Undo takes it all back.")}</p>
            {notes.into_iter().map(|n| view! { <p class="item-form__note">{n}</p> }).collect_view()}
            <div class="review__table" tabindex="0" role="region" aria-label="The sheet's first rows">
                <table>
                    <caption class="visually-hidden">{format!("The first {} of {rows} rows", preview.len())}</caption>
                    <thead>
                        <tr>{headers.into_iter().enumerate().map(|(i, h)| header_cell(i, h)).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {preview.into_iter().map(|row| view! {
                            <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {problem(error)}
            <div class="form-actions">
                <button type="submit" disabled=move || busy.get()>"Add to this meeting"</button>
                <button type="button" class="button--quiet" on:click=move |_| close()>"Cancel"</button>
            </div>
        </form>
    }
}
