//! Form building blocks: labelled fields with the error the form's handler gave beside the
//! field it names. Forms are plain HTML read once on submit (`web::dom::Submitted`); field
//! names come from `forms::names`; the error is a signal each form owns ([`FormError`]).

use leptos::prelude::*;

use crate::forms::names::{ACTION, FORM};
use crate::forms::{FieldError, ItemAction};
use crate::web::dom::Submitted;

/// The error a form shows (set by its submit handler, cleared on success).
pub type FormError = RwSignal<Option<FieldError>>;

/// A new, empty form error.
pub fn form_error() -> FormError {
    RwSignal::new(None)
}

/// The message for the field `name`, if the form's error is about it.
pub(crate) fn message_for(
    error: FormError,
    name: &'static str,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| e.is_for(name))
                .map(|e| e.message.clone())
        })
    }
}

/// `aria-invalid` for the field `name`.
pub(crate) fn invalid(
    error: FormError,
    name: &'static str,
) -> impl Fn() -> Option<&'static str> + Copy {
    move || error.with(|e| e.as_ref().is_some_and(|e| e.is_for(name)).then_some("true"))
}

/// A labelled input with its error message beside it. `form` makes the ids unique.
pub fn input(
    form: &str,
    label: &'static str,
    name: &'static str,
    kind: &'static str,
    value: String,
    error: FormError,
) -> AnyView {
    labelled_input(form, label, name, kind, value, error, None)
}

/// A timezone's field: typed, with the IANA names this browser knows offered as it is typed
/// (the form's check refuses any other).
pub fn timezone_input(
    form: &str,
    label: &'static str,
    name: &'static str,
    value: String,
    error: FormError,
) -> AnyView {
    let list = format!("{form}-{name}-names");
    view! {
        {labelled_input(form, label, name, "text", value, error, Some(list.clone()))}
        {timezone_names(list)}
    }
    .into_any()
}

/// A datalist (`id`) of the timezone names this browser knows.
pub fn timezone_names(id: String) -> AnyView {
    let names = crate::web::js::time_zone_names();
    view! {
        <datalist id=id>
            {names.lines().map(|n| view! { <option value=n.to_string()/> }).collect_view()}
        </datalist>
    }
    .into_any()
}

fn labelled_input(
    form: &str,
    label: &'static str,
    name: &'static str,
    kind: &'static str,
    value: String,
    error: FormError,
    list: Option<String>,
) -> AnyView {
    let id = format!("{form}-{name}");
    let error_id = format!("{id}-error");
    // A time is typed and shown on the 24-hour clock everywhere ("16:30"), whatever the
    // browser's locale would make of a time field; `forms::typed_time` reads it.
    let (kind, hint) = if kind == "time" {
        ("text", Some("HH:MM"))
    } else {
        (kind, None)
    };
    let off = (hint.is_some() || list.is_some()).then_some("off");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type=kind name=name value=value placeholder=hint maxlength=hint.map(|_| "8") autocomplete=off
                list=list aria-describedby=error_id.clone() aria-invalid=invalid(error, name)/>
            <span class="field-error" id=error_id>{message_for(error, name)}</span>
        </div>
    }
    .into_any()
}

/// A labelled multi-line text field with its error message beside it.
pub fn text_area(
    form: &str,
    label: &'static str,
    name: &'static str,
    value: String,
    error: FormError,
) -> AnyView {
    let id = format!("{form}-{name}");
    let error_id = format!("{id}-error");
    view! {
        <div class="field field--wide">
            <label for=id.clone()>{label}</label>
            <textarea id=id name=name rows="3" aria-describedby=error_id.clone() aria-invalid=invalid(error, name)>{value}</textarea>
            <span class="field-error" id=error_id>{message_for(error, name)}</span>
        </div>
    }
    .into_any()
}

/// A labelled select with its error message beside it.
pub fn select(
    form: &str,
    label: &'static str,
    name: &'static str,
    options: impl IntoView + 'static,
    error: FormError,
) -> AnyView {
    let id = format!("{form}-{name}");
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name aria-describedby=error_id.clone() aria-invalid=invalid(error, name)>{options}</select>
            <span class="field-error" id=error_id>{message_for(error, name)}</span>
        </div>
    }
    .into_any()
}

/// The place for a problem of the whole form (announced when it appears).
pub fn form_message(error: FormError) -> AnyView {
    view! { <p class="field-error" role="alert">{message_for(error, FORM)}</p> }.into_any()
}

/// The form-wide message and the Save (and Remove) buttons of an item's form.
pub fn buttons(save: &'static str, remove: bool, error: FormError) -> AnyView {
    view! {
        {form_message(error)}
        <div class="form-actions">
            <button type="submit" name=ACTION value=ItemAction::Save.to_string()>{save}</button>
            {remove.then(|| view! { <button type="submit" name=ACTION value=ItemAction::Remove.to_string() class="button--quiet">"Remove"</button> })}
        </div>
    }
    .into_any()
}

/// Shows how a submitted form went: on success its error is cleared (and the form emptied
/// when `reset`: an "add" form); on failure the error shows beside its field, which gets the
/// keyboard focus.
pub fn finish(form: &Submitted, error: FormError, result: Result<(), FieldError>, reset: bool) {
    match result {
        Ok(()) => {
            error.set(None);
            if reset {
                form.reset();
            }
        }
        Err(e) => {
            form.focus(e.field);
            error.set(Some(e));
        }
    }
}
