//! What the checks say about one item, shown on its form.

use leptos::prelude::*;

use crate::domain::check::Finding;

/// The findings about one item as a list (nothing when there are none).
pub fn problems_note(problems: &[&Finding]) -> Option<AnyView> {
    let worst = problems.iter().map(|f| f.severity).min()?;
    Some(
        view! {
            <ul class=format!("marker-list marker--{} field--wide", worst.as_str()) aria-label="Problems found by the checks">
                {problems.iter().map(|f| view! { <li>{format!("{}: {}", f.severity.label(), f.message)}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
    )
}
