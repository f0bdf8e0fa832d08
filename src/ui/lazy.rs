//! Parts of an app whose code loads when first used (`#[lazy]` functions, split off by the
//! build): what they draw is shown once their code has arrived, and a short "Loading…"
//! until then.

use std::future::Future;

use leptos::prelude::*;

/// Shows the view `load` gives once its code has arrived ("Loading…" until then). The view
/// is made under the reactive owner of the place it is shown, and never if that place is
/// gone first. `load` should make its view untracked (`untrack`), as a component would be.
pub fn lazy_view<F>(load: impl FnOnce() -> F + 'static) -> AnyView
where
    F: Future<Output = AnyView> + 'static,
{
    let slot = StoredValue::new_local(None::<AnyView>);
    let ready = RwSignal::new(false);
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        let view = load().await;
        slot.set_value(Some(view));
        ready.set(true);
    });
    (move || {
        if ready.get() {
            slot.try_update_value(Option::take)
                .flatten()
                .unwrap_or_else(|| ().into_any())
        } else {
            view! { <p class="loading" role="status">"Loading…"</p> }.into_any()
        }
    })
    .into_any()
}
