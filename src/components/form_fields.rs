//! Form building blocks of the editor: labelled fields with their error message beside them.
//! Static HTML, read on submit (see `platform::Submitted`); erased to `AnyView` because many
//! forms share them.

use leptos::prelude::*;

/// A labelled input with its error message beside it. `form` makes the ids unique.
pub fn input(
    form: &str,
    label: &'static str,
    name: &'static str,
    kind: &'static str,
    value: String,
) -> AnyView {
    let id = format!("{form}-{name}");
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type=kind name=name value=value aria-describedby=error_id.clone()/>
            <span class="field-error" id=error_id data-error-for=name></span>
        </div>
    }
    .into_any()
}

/// A labelled multi-line text field with its error message beside it.
pub fn text_area(form: &str, label: &'static str, name: &'static str, value: String) -> AnyView {
    let id = format!("{form}-{name}");
    let error_id = format!("{id}-error");
    view! {
        <div class="field field--wide">
            <label for=id.clone()>{label}</label>
            <textarea id=id name=name rows="3" aria-describedby=error_id.clone()>{value}</textarea>
            <span class="field-error" id=error_id data-error-for=name></span>
        </div>
    }
    .into_any()
}

/// The message place for errors that belong to the whole form, and its buttons.
pub fn buttons(save: &'static str, remove: bool) -> AnyView {
    view! {
        <p class="field-error" data-error-for="_form" role="alert"></p>
        <div class="form-actions">
            <button type="submit" name="action" value="save">{save}</button>
            {remove.then(|| view! { <button type="submit" name="action" value="remove" class="button--quiet">"Remove"</button> })}
        </div>
    }
    .into_any()
}
