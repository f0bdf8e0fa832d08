//! The checks panel at the top of the editor: every open finding with links to the sessions
//! and people involved, "Dismiss" for warnings and notes that are intended, the dismissed ones
//! (to show again), and the settings the checks use.

use leptos::prelude::*;

use crate::domain::check::{counts, summary, Finding};
use crate::domain::{CheckSettings, Edit, ItemId};
use crate::forms::names::{CHANGEOVER_MINUTES, CONFIRM_WITHIN_DAYS, GAP_MINUTES};
use crate::forms::FieldError;
use crate::planner::state::{use_app_state, AppState};
use crate::ui::form_fields::{buttons, finish, form_error, input};
use crate::ui::notice::Notice;
use crate::web::dom::Submitted;

/// How many findings the panel lists at once.
const SHOWN: usize = 100;

/// One finding with its links and its dismiss (or show again) button.
fn finding_row(state: AppState, f: &Finding) -> impl IntoView {
    let links = state.meeting().with_untracked(|m| {
        let sessions = f.sessions.iter().filter_map(|id| {
            let s = m.session(*id)?;
            Some((ItemId::Session(*id), format!("Go to session “{}”", s.title)))
        });
        let people = f.people.iter().filter_map(|id| {
            let p = m.person(*id)?;
            Some((
                ItemId::Person(*id),
                format!("Go to {}", p.display_name(false)),
            ))
        });
        sessions.chain(people).collect::<Vec<_>>()
    });
    let toggle = f.dismissible().then(|| {
        let finding = f.clone();
        let (label, text) = if f.dismissed {
            (format!("Show again: {}", f.message), "Show again")
        } else {
            (format!("Dismiss: {}", f.message), "Dismiss")
        };
        let on_click = move |_| {
            let dismiss = !finding.dismissed;
            let next = state.meeting().with_untracked(|m| {
                state
                    .findings
                    .with_untracked(|all| m.checks.with_dismissal(&finding, dismiss, all))
            });
            if let Err(e) = state.apply(Edit::SetChecks(Box::new(next))) {
                state.notice.set(Some(Notice::error(e.to_string())));
            }
        };
        view! { <button type="button" class="button--quiet" aria-label=label on:click=on_click>{text}</button> }
    });
    let severity = f.severity;
    view! {
        <li class=format!("finding finding--{}", severity.as_str())>
            <span class="finding__severity">{severity.label()}</span>
            <span class="finding__message">{f.message.clone()}</span>
            <span class="finding__actions">
                {links.into_iter().map(|(item, label)| view! {
                    <button type="button" on:click=move |_| state.go_to(item)>{label}</button>
                }).collect_view()}
                {toggle}
            </span>
        </li>
    }
}

#[component]
pub fn FindingsPanel() -> impl IntoView {
    let state = use_app_state();
    let error = form_error();
    let on_settings = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        let result = state
            .meeting()
            .with_untracked(|m| CheckSettings::from_fields(&form.fields(), &m.checks))
            .and_then(|s| {
                state
                    .apply(Edit::SetChecks(Box::new(s)))
                    .map_err(FieldError::from)
            });
        finish(&form, error, result, false);
    };
    view! {
        <section class="editor__section findings" id="checks" tabindex="-1" aria-labelledby="checks-heading">
            <h2 id="checks-heading">"Checks"</h2>
            <p class="findings__summary" role="status">{move || state.findings.with(|f| summary(counts(f)))}</p>
            {move || state.findings.with(|all| {
                let open: Vec<&Finding> = all.iter().filter(|f| !f.dismissed).collect();
                let dismissed: Vec<&Finding> = all.iter().filter(|f| f.dismissed).collect();
                let more = open.len().saturating_sub(SHOWN);
                view! {
                    <ul class="findings__list" aria-label="Open findings">
                        {open.iter().take(SHOWN).map(|f| finding_row(state, f)).collect_view()}
                    </ul>
                    {(more > 0).then(|| view! { <p class="item-form__note">{format!("…and {more} more; fix the first ones to see the rest.")}</p> })}
                    {(!dismissed.is_empty()).then(|| view! {
                        <details class="findings__dismissed">
                            <summary>{format!("Dismissed as intended ({})", dismissed.len())}</summary>
                            <ul class="findings__list" aria-label="Dismissed findings">
                                {dismissed.iter().map(|f| finding_row(state, f)).collect_view()}
                            </ul>
                        </details>
                    })}
                }
            })}
            <details class="findings__settings">
                <summary>"Check settings"</summary>
                {move || state.meeting().with(|m| {
                    let c = &m.checks;
                    view! {
                        <form class="item-form" aria-label="Check settings" on:submit=on_settings novalidate>
                            {input("checks", "Changeover between rooms (minutes)", CHANGEOVER_MINUTES, "number", c.changeover_minutes.to_string(), error)}
                            {input("checks", "Warn about “to be confirmed” this many days before", CONFIRM_WITHIN_DAYS, "number", c.confirm_within_days.to_string(), error)}
                            {input("checks", "Note gaps longer than (minutes, single-room days)", GAP_MINUTES, "number", c.gap_minutes.to_string(), error)}
                            {buttons("Save settings", false, error)}
                        </form>
                    }
                })}
            </details>
        </section>
    }
}
