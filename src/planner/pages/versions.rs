//! Versions, on the Export screen: save the meeting as it is now under a name ("Draft 2"), a
//! date and a note; the list of versions; compare any two, or a version with now, and
//! download the change note ("Changes since Draft 2"). The programme's version label and date
//! follow the latest version saved.

use leptos::prelude::*;

use crate::domain::changes::changes;
use crate::domain::names::file_stem;
use crate::domain::schedule::{iso_date, long_date, parse_date};
use crate::export::changes::change_note;
use crate::forms::names::*;
use crate::planner::state::use_app_state;
use crate::storage::versions::Version;
use crate::web::clock::today;
use crate::web::dom::Submitted;
use crate::web::files;

/// What "Compare" shows: the versions chosen by index, `None` for the meeting as it is now.
const NOW: &str = "now";

/// Versions: save, list, delete, compare. `initial` is the versions as stored (or why they
/// cannot be read); `latest` is told the newest version's name and date (the programme's
/// version label and date).
#[component]
pub fn VersionsPanel(
    initial: Result<Vec<Version>, String>,
    latest: Callback<(String, chrono::NaiveDate)>,
) -> impl IntoView {
    let state = use_app_state();
    let (initial, unreadable) = match initial {
        Ok(v) => (v, None),
        Err(e) => (Vec::new(), Some(e)),
    };
    let from = RwSignal::new(initial.len().checked_sub(1));
    let versions = RwSignal::new(initial);
    let message = RwSignal::new(unreadable);
    let to = RwSignal::new(None::<usize>);
    let set = move |result: Result<Vec<Version>, String>| match result {
        Ok(list) => {
            if let Some(v) = list.last() {
                latest.run((v.name.clone(), v.date));
            }
            from.set(list.len().checked_sub(1));
            to.set(None);
            versions.set(list);
            message.set(None);
        }
        Err(e) => message.set(Some(format!("Not done: {e}."))),
    };
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        let f = form.fields();
        let date = parse_date(&f.text(SAVED_ON)).unwrap_or_else(today);
        let result = state.save_version(&f.text(VERSION_NAME), date, &f.text(VERSION_NOTE));
        if result.is_ok() {
            form.reset();
        }
        set(result);
    };
    // The two meetings compared and their names.
    let compared = Memo::new(move |_| {
        let (from, to) = (from.get(), to.get());
        versions.with(|list| {
            let a = list.get(from?)?;
            let (b_name, b) = match to.and_then(|i| list.get(i)) {
                Some(v) => (v.name.clone(), v.meeting.clone()),
                None => ("now".to_string(), state.meeting().get()),
            };
            let found = changes(&a.meeting, &b);
            Some((a.name.clone(), b_name, b, found))
        })
    });
    let download_note = move |_| {
        let Some((a, b, meeting, found)) = compared.get_untracked() else {
            return;
        };
        let note = change_note(&meeting, &a, &b, &found);
        let name = format!(
            "{}-changes-since-{}.html",
            file_stem(&meeting),
            crate::domain::names::slugify(&a)
        );
        if let Err(e) = files::download(&name, "text/html;charset=utf-8", &note) {
            message.set(Some(e));
        }
    };
    // One of the two choices of Compare: the versions (and now, for `with_now`).
    let choice = move |id: &'static str,
                       label: &'static str,
                       name: &'static str,
                       chosen: RwSignal<Option<usize>>,
                       with_now: bool| {
        let current = chosen.get_untracked();
        let options = versions.with(|list| {
            list.iter().enumerate().map(|(i, v)| view! {
                <option value=i.to_string() selected=current == Some(i)>{format!("{} ({})", v.name, long_date(v.date))}</option>
            }).collect_view()
        });
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id name=name on:change:target=move |ev| chosen.set(ev.target().value().parse().ok())>
                    {with_now.then(|| view! { <option value=NOW selected=current.is_none()>"Now (the meeting as it is)"</option> })}
                    {options}
                </select>
            </div>
        }
    };
    view! {
        <section class="versions" aria-labelledby="versions-heading">
            <h2 id="versions-heading">"Versions"</h2>
            <p class="item-form__note">"Save a version when you send a draft; later, compare it with another or with now to see what changed, and send the change note with the new draft."</p>
            <p class="field-error" role="alert">{move || message.get()}</p>
            <form class="item-form versions__save" aria-label="Save a version" on:submit=on_save novalidate>
                <div class="field">
                    <label for="version-name">"Name of the version (e.g. Draft 2)"</label>
                    <input id="version-name" type="text" name=VERSION_NAME maxlength="120" required/>
                </div>
                <div class="field">
                    <label for="version-saved-on">"Dated"</label>
                    <input id="version-saved-on" type="date" name=SAVED_ON value=iso_date(today())/>
                </div>
                <div class="field field--wide">
                    <label for="version-note">"Note (e.g. sent to the co-hosts)"</label>
                    <input id="version-note" type="text" name=VERSION_NOTE/>
                </div>
                <div class="form-actions"><button type="submit">"Save version"</button></div>
            </form>
            {move || (!versions.with(Vec::is_empty)).then(|| view! {
                <ol class="versions__list" aria-label="Saved versions">
                    {versions.with(|list| list.iter().enumerate().map(|(i, v)| {
                        let name = v.name.clone();
                        view! {
                            <li>
                                <strong>{v.name.clone()}</strong>
                                " · " {long_date(v.date)}
                                {(!v.note.is_empty()).then(|| format!(" · {}", v.note))}
                                <button type="button" class="button--quiet" aria-label=format!("Delete version {name}")
                                    on:click=move |_| set(state.delete_version(i))>"Delete"</button>
                            </li>
                        }
                    }).collect_view())}
                </ol>
                <div class="versions__compare" role="group" aria-label="Compare versions">
                    {choice("compare-from", "Compare", COMPARE_FROM, from, false)}
                    {choice("compare-to", "with", COMPARE_TO, to, true)}
                    <button type="button" on:click=download_note>"Download the change note"</button>
                </div>
            })}
            {move || compared.get().map(|(a, b, _, found)| {
                let heading = format!("Changes since {a}");
                let label = heading.clone();
                view! {
                    <section class="versions__changes" aria-label=label>
                        <h3>{heading} {format!(" (to {b})")}</h3>
                        {if found.is_empty() {
                            view! { <p class="empty">"Nothing changed."</p> }.into_any()
                        } else {
                            view! { <ul>{found.iter().map(|c| view! { <li>{c.to_string()}</li> }).collect_view()}</ul> }.into_any()
                        }}
                    </section>
                }
            })}
        </section>
    }
}
