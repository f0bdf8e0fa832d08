//! The export screen: choose a format and options, download the file, or print the programme
//! or the summary report from a preview that is the exported document itself.
//!
//! The form is plain HTML read in one place ([`read_form`]) on every change, rather than a
//! binding per control: the same behaviour for a fraction of the code in the app. Which
//! fieldsets, buttons and preview show for a format is CSS (`:has`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::export::c3voc::{schedule_json, schedule_xml};
use crate::export::html::{programme, programme_with, ProgrammeOptions, Stylesheet};
use crate::export::ics::{calendar, CalendarOptions};
use crate::export::summary::{summary, summary_with};
use crate::export::Format;
use crate::forms::names::*;
use crate::planner::components::invite::Invite;
use crate::planner::components::share_link::ShareLink;
use crate::planner::pages::versions::VersionsPanel;
use crate::planner::state::use_app_state;
use crate::storage::encode;
use crate::storage::published::encode_published;
use crate::web::clock::{now_utc, BrowserOffsets};
use crate::web::files;

const PREVIEW_ID: &str = "programme-preview";

/// The chosen format and programme options, read from the form's fields.
fn read_form(form: &web_sys::HtmlFormElement) -> Option<(Format, ProgrammeOptions)> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    let field = |name: &str| data.get(name).as_string();
    let format = field(FORMAT).and_then(|f| Format::parse(&f))?;
    Some((format, ProgrammeOptions::from_fields(field)))
}

/// A checkbox for one on/off programme option, named as the option.
fn check(name: &'static str, label: &'static str, checked: bool) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" name=name checked=checked/>
            {label}
        </label>
    }
}

/// Format, options, download and print preview.
#[component]
pub fn ExportPage() -> impl IntoView {
    let state = use_app_state();
    let format = RwSignal::new(Format::Html);
    // The saved versions, read once for the panel; the programme's version label and date
    // are the latest one's, until changed.
    let versions = state.versions();
    let latest = versions
        .as_ref()
        .ok()
        .and_then(|v| v.last().map(|v| (v.name.clone(), v.date)));
    let options = RwSignal::new(ProgrammeOptions {
        version_label: latest.as_ref().map(|l| l.0.clone()).unwrap_or_default(),
        version_date: latest.map(|l| l.1),
        ..ProgrammeOptions::default()
    });
    let on_latest = Callback::new(move |(name, date): (String, chrono::NaiveDate)| {
        options.update(|o| {
            o.version_label = name;
            o.version_date = Some(date);
        })
    });
    let message = RwSignal::new(None::<String>);
    // The preview is shown under the app's Content-Security-Policy, which allows no inline
    // styles: it links the programme's stylesheet (copied next to the app, index.html). The
    // download has it inside, with the programme's own policy.
    // Only a change between the programme and the report redraws it, not another format.
    let summary_chosen = Memo::new(move |_| format.get() == Format::Summary);
    let preview = Memo::new(move |_| {
        let summary = summary_chosen.get();
        state.meeting().with(|m| {
            if summary {
                summary_with(m, Stylesheet::Linked(""))
            } else {
                options.with(|o| programme_with(m, o, Stylesheet::Linked("")))
            }
        })
    });
    let file_name = move || state.meeting().with(|m| format.get().file_name(m));

    let on_change = move |ev: leptos::ev::Event| {
        let form = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
        if let Some((f, o)) = form.as_ref().and_then(read_form) {
            format.set(f);
            options.set(o);
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let format = format.get_untracked();
        let result = state.meeting().with_untracked(|meeting| {
            let text = match format {
                Format::Html => Ok(options.with_untracked(|o| programme(meeting, o))),
                Format::Summary => Ok(summary(meeting)),
                Format::Json => Ok(files::pretty_json(&encode(meeting))),
                Format::Published => Ok(encode_published(meeting)),
                Format::PeopleCsv => Ok(crate::export::csv::people_csv(meeting)),
                Format::ParticipationCsv => Ok(crate::export::csv::participation_csv(meeting)),
                Format::ScheduleJson => schedule_json(meeting, &BrowserOffsets)
                    .map(|text| files::pretty_json(&text))
                    .map_err(|e| e.to_string()),
                Format::ScheduleXml => {
                    schedule_xml(meeting, &BrowserOffsets).map_err(|e| e.to_string())
                }
                Format::Ics => {
                    let ics = CalendarOptions {
                        sessions: None,
                        stamp: now_utc(),
                        honorifics: options.with_untracked(|o| o.honorifics),
                    };
                    calendar(meeting, &ics, &BrowserOffsets).map_err(|e| e.to_string())
                }
            }?;
            files::download(&format.file_name(meeting), format.mime(), &text)
        });
        message.set(result.err().map(|e| format!("Not exported: {e}.")));
    };
    let on_print = move |_| message.set(files::print_frame(PREVIEW_ID).err());
    let defaults = ProgrammeOptions::default();

    view! {
        <section class="export" aria-labelledby="export-heading">
            <h1 id="export-heading">"Export"</h1>
            <ShareLink/>
            <Invite/>
            <VersionsPanel initial=versions latest=on_latest/>
            <div class="export__layout">
                <form class="export__options" on:input=on_change on:submit=on_submit>
                    <div class="export__actions">
                        <button type="submit">"Download " {file_name}</button>
                        <button type="button" class="export__print" on:click=on_print>"Print"</button>
                    </div>
                    <p class="field-error" role="alert">{move || message.get()}</p>
                    <fieldset>
                        <legend>"Format"</legend>
                        {Format::ALL.into_iter().map(|f| view! {
                            <label class="check">
                                <input type="radio" name=FORMAT value=f.as_str() checked=f == Format::Html/>
                                {f.label()}
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <fieldset class="export__names">
                        <legend>"Names"</legend>
                        {check(HONORIFICS, "Honorifics (H.E., Dr…)", defaults.honorifics)}
                    </fieldset>
                    <fieldset class="export__programme">
                        <legend>"Programme"</legend>
                        {check(SHORT_ORGANIZATIONS, "Short organization names", defaults.short_organizations)}
                        {check(DESCRIPTIONS, "Session descriptions", defaults.descriptions)}
                        {check(RUN_OF_SHOW, "Run of show", defaults.run_of_show)}
                        {check(PEOPLE_INDEX, "Index of people", defaults.people_index)}
                        {check(BIOGRAPHIES, "Biographies", defaults.biographies)}
                        {check(DRAFT, "Mark every page DRAFT", defaults.draft)}
                        <label class="field">
                            "Version label"
                            <input type="text" name=VERSION_LABEL placeholder="e.g. Draft 2" prop:value=move || options.with(|o| o.version_label.clone())/>
                        </label>
                        <label class="field">
                            "Version date"
                            <input type="date" name=VERSION_DATE prop:value=move || options.with(|o| o.version_date.map(crate::domain::schedule::iso_date).unwrap_or_default())/>
                        </label>
                        <label class="field">
                            "Attendee schedule address (a QR code of it on page 1)"
                            <input type="url" name=SCHEDULE_URL placeholder="https://…/view/?src=…"/>
                        </label>
                        <label class="field">
                            "Paper size"
                            <select name=PAPER>
                                <option value="a4" selected>"A4"</option>
                                <option value="letter">"US Letter"</option>
                            </select>
                        </label>
                    </fieldset>
                </form>
                <iframe
                    class="export__preview"
                    id=PREVIEW_ID
                    title=move || if summary_chosen.get() { "Summary report preview" } else { "Programme preview" }
                    sandbox="allow-same-origin allow-modals"
                    srcdoc=move || preview.get()
                ></iframe>
            </div>
        </section>
    }
}
