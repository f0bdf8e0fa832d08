//! "Share": a link that opens a read-only schedule of the meeting in any browser, the meeting
//! compressed into the link itself (no server of ours). Long links are flagged: some mail and
//! chat programs cut them.

use leptos::prelude::*;

use crate::planner::state::use_app_state;
use crate::storage::share::{fragment, LONG_LINK};
use crate::web::{files, js};

/// The share panel of the Export screen.
#[component]
pub fn ShareLink() -> impl IntoView {
    let state = use_app_state();
    let link = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<String>);
    // A link made earlier goes stale when the meeting changes.
    Effect::new(move |_| {
        state.meeting().track();
        link.set(None);
        copied.set(None);
    });
    let make = move |_| {
        let url = state
            .meeting()
            .with_untracked(|m| format!("{}#{}", js::view_address(), fragment(m)));
        link.set(Some(url));
        copied.set(None);
    };
    let copy = move |_| {
        let Some(url) = link.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            copied.set(Some(match files::copy_text(&url).await {
                Ok(()) => "Copied.".to_string(),
                Err(e) => format!("Not copied ({e}): select the link and copy it."),
            }));
        });
    };
    view! {
        <section class="share" id="share" aria-labelledby="share-heading">
            <h2 id="share-heading">"Share a read-only schedule"</h2>
            <p class="item-form__note">"The link holds the whole meeting: whoever opens it sees the schedule on their phone or computer, can filter it and star sessions, with nothing installed. It changes nothing stored in their browser."</p>
            <div class="form-actions">
                <button type="button" on:click=make>"Share"</button>
            </div>
            {move || link.get().map(|url| {
                let length = url.chars().count();
                let long = length > LONG_LINK;
                let href = url.clone();
                view! {
                    <div class="field field--wide">
                        <label for="share-link">"Share link"</label>
                        <textarea id="share-link" rows="3" readonly aria-describedby="share-length">{url}</textarea>
                    </div>
                    <p id="share-length" class=if long { "share__length share__length--long" } else { "share__length" } role="status">
                        {format!("Link length: {length} characters ({:.1} KB).", length as f64 / 1024.0)}
                        {long.then_some(" Over 8 KB: some mail and chat programs cut links this long. Publish the exported files instead (the printable programme, or the schedule file for apps) and share their address.")}
                    </p>
                    <div class="form-actions">
                        <button type="button" on:click=copy>"Copy link"</button>
                        <a href=href target="_blank" rel="noopener">"Open the schedule"</a>
                    </div>
                    <p role="status">{move || copied.get()}</p>
                }
            })}
        </section>
    }
}
