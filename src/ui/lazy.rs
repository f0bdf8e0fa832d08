//! Parts of an app whose code loads when first used, split off by the build at functions
//! marked
//! `#[wasm_split(name, wasm_split_path = ::leptos::wasm_split, fallible)]`.
//!
//! Leptos's own `#[lazy]` makes the same split but panics when the part's code cannot be
//! fetched (on a first visit, before the service worker keeps the build, with the network
//! gone), and a panic ends the whole app. With `fallible` the call returns
//! `Err(NotLoaded)` instead: a screen says so and offers *Try again* (a later call fetches
//! afresh), an action says so in its message, and nothing else stops.

use std::fmt;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

/// What a person is told when a part's code could not be fetched.
pub const NOT_LOADED: &str =
    "this part of the app could not be loaded (no connection?): check the connection, then try again";

/// A part's code could not be fetched; calling the function again tries afresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

impl fmt::Display for NotLoaded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(NOT_LOADED)
    }
}

impl std::error::Error for NotLoaded {}

/// The result of a split-off function that can fail itself, with a failed load as one more
/// reason in words.
pub fn flat<T, E: fmt::Display>(result: Result<Result<T, E>, NotLoaded>) -> Result<T, String> {
    match result {
        Ok(inner) => inner.map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// Where a lazily shown view is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Ready,
    Failed,
}

/// A lazily shown view's loader, boxed so that one copy of `shown_when_loaded` serves all.
type Loader = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Result<AnyView, NotLoaded>>>>>;

/// Shows the view `load` gives once its code has arrived ("Loading…" until then; if the
/// code cannot be fetched, a message and *Try again*, which calls `load` again). The view is
/// made under the reactive owner of the place it is shown, and never if that place is gone
/// first. `load` should make its view untracked (`untrack`), as a component would be.
pub fn lazy_view<F>(load: impl Fn() -> F + 'static) -> AnyView
where
    F: Future<Output = Result<AnyView, NotLoaded>> + 'static,
{
    shown_when_loaded(Box::new(move || Box::pin(load())))
}

fn shown_when_loaded(load: Loader) -> AnyView {
    let slot = StoredValue::new_local(None::<AnyView>);
    let phase = RwSignal::new(Phase::Loading);
    let load = StoredValue::new_local(load);
    let owner = StoredValue::new_local(Owner::current());
    let attempt = move || {
        let run = move || {
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                let Some(future) = load.try_with_value(|load| load()) else {
                    return;
                };
                let result = future.await;
                phase.try_set(match result {
                    Ok(view) => {
                        slot.set_value(Some(view));
                        Phase::Ready
                    }
                    Err(NotLoaded) => Phase::Failed,
                });
            })
        };
        match owner.try_with_value(Clone::clone).flatten() {
            Some(owner) => owner.with(run),
            None => run(),
        }
    };
    attempt();
    (move || match phase.get() {
        Phase::Ready => slot
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        Phase::Loading => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
        Phase::Failed => view! {
            <div class="load-failed" role="alert">
                <p>"This part of the app could not be loaded: check the connection, then try again."</p>
                <button type="button" on:click=move |_| {
                    phase.set(Phase::Loading);
                    attempt();
                }>"Try again"</button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}
