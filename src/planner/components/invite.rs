//! "Plan together": the open meeting shared with co-organizers through the sync server, and
//! its edit link.

use leptos::prelude::*;

use crate::planner::live::{self, Action};
use crate::planner::state::use_app_state;
use crate::ui::lazy::flat;
use crate::web::files;

#[component]
pub fn Invite() -> impl IntoView {
    let state = use_app_state();
    let link = RwSignal::new(None::<String>);
    Effect::new(move |_| link.set(live::stored_link(state.slot()).map(|l| live::address(&l))));
    let failed = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<String>);
    let invite = move |_| {
        failed.set(None);
        leptos::task::spawn_local(async move {
            match flat(live::act(state, Action::Invite).await) {
                Ok(Some(made)) => link.set(Some(live::address(&made))),
                Ok(None) => {}
                Err(e) => failed.set(Some(e)),
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
        <section class="share" id="invite" aria-labelledby="invite-heading">
            <h2 id="invite-heading">"Plan together"</h2>
            <p class="item-form__note">"Co-organizers with the edit link work on this meeting with you, live: each change shows in everyone's planner at once, and changes made offline are merged when the connection is back. Anyone with the link can edit: send it only to your co-organizers."</p>
            {move || match link.get() {
                None => view! {
                    <div class="form-actions">
                        <button type="button" on:click=invite>"Invite co-organizers"</button>
                    </div>
                }.into_any(),
                Some(url) => view! {
                    <div class="field field--wide">
                        <label for="edit-link">"Edit link"</label>
                        <textarea id="edit-link" rows="2" readonly>{url}</textarea>
                    </div>
                    <div class="form-actions">
                        <button type="button" on:click=copy>"Copy edit link"</button>
                    </div>
                }.into_any(),
            }}
            <p role="status">{move || copied.get()}</p>
            <p role="alert">{move || failed.get()}</p>
        </section>
    }
}
