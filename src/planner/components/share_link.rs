//! "Share": a link that opens a read-only schedule of the meeting in any browser, the meeting
//! compressed into the link itself (no server of ours). Long links are flagged: some mail and
//! chat programs cut them.

use leptos::prelude::*;

use crate::planner::state::use_app_state;
use crate::storage::published::encode_published_link;
use crate::storage::share::{fragment, LONG_LINK};
use crate::web::{files, js};

/// The share panel of the Export screen.
#[component]
pub fn ShareLink() -> impl IntoView {
    let state = use_app_state();
    let link = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<String>);
    let failed = RwSignal::new(None::<String>);
    // A link made earlier goes stale when the meeting changes (one being made, too).
    let version = StoredValue::new(0u64);
    Effect::new(move |_| {
        state.meeting().track();
        version.update_value(|v| *v += 1);
        link.set(None);
        copied.set(None);
    });
    let make = move |_| {
        let text = state.meeting().with_untracked(encode_published_link);
        let made_for = version.get_value();
        copied.set(None);
        failed.set(None);
        leptos::task::spawn_local(async move {
            let made = files::deflate(&text).await;
            if version.get_value() != made_for {
                return;
            }
            match made {
                Ok(bytes) => link.set(Some(format!("{}#{}", js::view_address(), fragment(&bytes)))),
                Err(e) => failed.set(Some(format!(
                    "No link was made: the browser could not compress the schedule ({e})."
                ))),
            }
        });
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
            <p role="alert">{move || failed.get()}</p>
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
