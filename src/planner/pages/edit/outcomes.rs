//! Outcomes: what the summary report prints besides each session's key messages (written in
//! the session's form): the introduction, the recommendations (numbered in their order, each
//! with the sessions and themes it came from; moved up and down with buttons) and a closing
//! text. Each form reads into the whole record, put by one edit (`Edit::SetRecord`).

use leptos::prelude::*;

use crate::domain::programme::NameStyle;
use crate::domain::{Edit, Meeting, Recommendation};
use crate::forms::names::*;
use crate::forms::record::{recommendation_submitted, record_texts, RecommendationAction};
use crate::forms::FieldError;
use crate::planner::state::{use_app_state, AppState};
use crate::ui::form_fields::{finish, form_error, form_message, text_area, FormError};
use crate::web::dom::Submitted;

/// Puts the record a form gave, or shows why not.
fn put_record(state: AppState, record: crate::domain::Record) -> Result<(), FieldError> {
    state
        .apply(Edit::SetRecord(Box::new(record)))
        .map_err(FieldError::from)
}

/// The introduction and closing texts.
fn texts_form(state: AppState, m: &Meeting) -> AnyView {
    let error = form_error();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        let record = state
            .meeting()
            .with_untracked(|m| record_texts(&m.record, &form.fields()));
        finish(&form, error, put_record(state, record), false);
    };
    view! {
        <form class="item-form" aria-label="Summary texts" on:submit=on_submit novalidate>
            {text_area("record", "Introduction", INTRODUCTION, m.record.introduction.clone(), error)}
            {text_area("record", "Closing text (after the recommendations)", CLOSING, m.record.closing.clone(), error)}
            {form_message(error)}
            <div class="form-actions"><button type="submit">"Save texts"</button></div>
        </form>
    }
    .into_any()
}

fn action_button(
    key: &str,
    action: RecommendationAction,
    label: &'static str,
    name: String,
) -> AnyView {
    view! {
        <button type="submit" id=format!("{key}-{action}") name=ACTION value=action.to_string() class="button--quiet" aria-label=name>{label}</button>
    }
    .into_any()
}

/// One recommendation's form (`index` its place), or the "New recommendation" form.
fn recommendation_form(
    state: AppState,
    m: &Meeting,
    index: Option<usize>,
    rec: &Recommendation,
    count: usize,
) -> AnyView {
    let error: FormError = form_error();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        let Some(form) = Submitted::from_event(&ev) else {
            return;
        };
        let action = RecommendationAction::parse(&form.action);
        let all = |name: &str| form.all(name);
        let result = state
            .meeting()
            .with_untracked(|m| {
                recommendation_submitted(&m.record, index, action, &form.fields(), &all)
            })
            .and_then(|next| match next {
                Some(record) => {
                    let count = record.recommendations.len();
                    put_record(state, record)?;
                    Ok(Some(count))
                }
                None => Ok(None),
            });
        // The list is drawn again: the keyboard focus follows the recommendation moved (on
        // the same button while it can go further), or goes to the next form after a removal.
        if let (Ok(Some(count)), Some(i)) = (&result, index) {
            let count = *count;
            // A moved one keeps its button, or takes the other at either end of the list.
            let target = match action {
                RecommendationAction::Up if i == 1 => {
                    Some(format!("#recommendation-1-{}", RecommendationAction::Down))
                }
                RecommendationAction::Up => Some(format!("#recommendation-{i}-{action}")),
                RecommendationAction::Down if i + 2 == count => Some(format!(
                    "#recommendation-{count}-{}",
                    RecommendationAction::Up
                )),
                RecommendationAction::Down => Some(format!("#recommendation-{}-{action}", i + 2)),
                RecommendationAction::Remove if i < count => {
                    Some(format!("#recommendation-{}-{RECOMMENDATION}", i + 1))
                }
                RecommendationAction::Remove => {
                    Some(format!("#new-recommendation-{RECOMMENDATION}"))
                }
                RecommendationAction::Save => None,
            };
            if let Some(target) = target {
                crate::web::dom::restore_place(-1.0, target);
            }
        }
        finish(&form, error, result.map(|_| ()), index.is_none());
    };
    let key = index.map_or("new-recommendation".to_string(), |i| {
        format!("recommendation-{}", i + 1)
    });
    let name = index.map_or("New recommendation".to_string(), |i| {
        format!("Recommendation {}", i + 1)
    });
    let sessions_id = format!("{key}-{FROM_SESSIONS}");
    let style = NameStyle::default();
    // The sessions it came from: ticked boxes (untick and save to drop one), and a list of
    // the others to add one from.
    let chosen = rec
        .sessions
        .iter()
        .filter_map(|&id| m.session(id))
        .map(|s| {
            view! {
                <label class="check">
                    <input type="checkbox" name=FROM_SESSIONS value=s.id.0.to_string() checked/>
                    {s.title.clone()}
                </label>
            }
        })
        .collect_view();
    let others = m
        .days_in_order()
        .into_iter()
        .flat_map(|d| m.sessions_on(d.id).into_iter().map(move |s| (d.date, s)))
        .filter(|(_, s)| !s.kind.is_pause() && !rec.sessions.contains(&s.id))
        .map(|(date, s)| {
            let line = m.entry(s, style);
            view! {
                <option value=s.id.0.to_string()>
                    {format!("{} {} · {}", crate::domain::schedule::short_date(date), line.start, line.title)}
                </option>
            }
        })
        .collect_view();
    let themes = m
        .themes
        .iter()
        .map(|t| {
            view! {
                <label class="check">
                    <input type="checkbox" name=THEMES value=t.id.0.to_string() checked=rec.themes.contains(&t.id)/>
                    {t.name.clone()}
                </label>
            }
        })
        .collect_view();
    let from_names: Vec<String> = rec
        .sessions
        .iter()
        .filter_map(|id| m.session(*id).map(|s| s.title.clone()))
        .chain(rec.themes.iter().filter_map(|id| {
            m.themes
                .iter()
                .find(|t| t.id == *id)
                .map(|t| t.name.clone())
        }))
        .collect();
    let from_summary = if from_names.is_empty() {
        "Where it came from: not said".to_string()
    } else {
        format!("Where it came from: {}", from_names.join(" · "))
    };
    let class = if index.is_some() {
        "item-form recommendation-form"
    } else {
        "item-form item-form--new recommendation-form"
    };
    let label = if index.is_some() {
        "Text"
    } else {
        "Text of the new recommendation"
    };
    view! {
        <form class=class aria-label=name.clone() on:submit=on_submit novalidate>
            {text_area(&key, label, RECOMMENDATION, rec.text.clone(), error)}
            // What it came from folds away (its names in the summary), keeping the list short.
            <details class="field--wide recommendation-form__from">
                <summary>{from_summary}</summary>
                <fieldset>
                    <legend class="visually-hidden">"Where it came from"</legend>
                    {(!rec.sessions.is_empty()).then(|| view! {
                        <div class="recommendation-form__themes" role="group" aria-label="Sessions it came from">{chosen}</div>
                    })}
                    <div class="field">
                        <label for=sessions_id.clone()>"Add a session it came from"</label>
                        <select id=sessions_id name=FROM_SESSIONS>
                            <option value="">"—"</option>
                            {others}
                        </select>
                    </div>
                    {(!m.themes.is_empty()).then(|| view! {
                        <div class="recommendation-form__themes" role="group" aria-label="Themes it came from">{themes}</div>
                    })}
                </fieldset>
            </details>
            {form_message(error)}
            <div class="form-actions">
                <button type="submit" name=ACTION value=RecommendationAction::Save.to_string()>
                    {if index.is_some() { "Save" } else { "Add recommendation" }}
                </button>
                {index.map(|i| view! {
                    {(i > 0).then(|| action_button(&key, RecommendationAction::Up, "↑ Earlier", format!("Move {name} earlier")))}
                    {(i + 1 < count).then(|| action_button(&key, RecommendationAction::Down, "↓ Later", format!("Move {name} later")))}
                    {action_button(&key, RecommendationAction::Remove, "Remove", format!("Remove {name}"))}
                })}
            </div>
        </form>
    }
    .into_any()
}

/// Which sessions have their key messages written, and which do not yet.
fn progress(m: &Meeting) -> String {
    let mut written = 0;
    let mut missing = Vec::new();
    for day in m.days_in_order() {
        for s in m.sessions_on(day.id) {
            if s.kind.is_pause() {
                continue;
            }
            if s.outcomes.trim().is_empty() {
                missing.push(s.title.clone());
            } else {
                written += 1;
            }
        }
    }
    let total = written + missing.len();
    match missing.len() {
        0 if total > 0 => format!("Key messages are written for all {total} sessions."),
        0 => "The meeting has no sessions yet.".to_string(),
        n => format!(
            "Key messages are written for {written} of {total} sessions; still to write ({n}): {}. Write them in each session's form (Sessions).",
            missing.join("; ")
        ),
    }
}

/// Outcomes: the summary texts, the recommendations, and how far the key messages are.
#[component]
pub fn OutcomesPart() -> impl IntoView {
    let state = use_app_state();
    let meeting = state.meeting();
    let texts = Memo::new(move |_| {
        meeting.with(|m| (m.record.introduction.clone(), m.record.closing.clone()))
    });
    let recs = Memo::new(move |_| meeting.with(|m| m.record.recommendations.clone()));
    view! {
        <div class="outcomes">
        <section class="editor__section" aria-labelledby="record-heading">
            <h2 id="record-heading">"Summary report"</h2>
            <p class="item-form__note">
                "The summary report (Export → Summary report) prints the introduction, then each session with who spoke and its key messages, then the recommendations, numbered, and the closing text."
            </p>
            <p class="item-form__note" role="status">{move || meeting.with(progress)}</p>
            {move || {
                texts.track();
                meeting.with_untracked(|m| texts_form(state, m))
            }}
        </section>
        <section class="editor__section" aria-labelledby="recommendations-heading">
            <h2 id="recommendations-heading">"Recommendations"</h2>
            {move || {
                let list = recs.get();
                let count = list.len();
                meeting.with_untracked(|m| {
                    view! {
                        <ol class="recommendation-list">
                            {list.iter().enumerate().map(|(i, rec)| view! {
                                <li>{recommendation_form(state, m, Some(i), rec, count)}</li>
                            }).collect_view()}
                        </ol>
                    }
                })
            }}
            {move || meeting.with(|m| recommendation_form(state, m, None, &Recommendation::default(), 0))}
        </section>
        </div>
    }
}
