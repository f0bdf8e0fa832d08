//! The page itself: painting order, focus, scrolling, the document's title and address, and
//! reading a submitted form. Errors are never painted here: forms show the `FieldError` the
//! core gives back, reactively.

use wasm_bindgen::JsCast;

use crate::forms::Fields;

/// Long lists draw this many items at once, then `BATCH` more after each paint.
pub const FIRST_BATCH: usize = crate::domain::slots::FIRST_SCREEN;
pub const BATCH: usize = 64;

/// Runs `f` once the next frame has been painted (long lists are drawn a batch at a time,
/// each after the previous one is on screen; saving and checking follow the paint of an edit).
pub fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
    });
}

/// Runs `f` after the next paint, or at once (as soon as the current task is done) when the
/// page is hidden: a hidden page paints nothing, so a save must not wait for a frame.
pub fn after_paint_or_hidden(f: impl FnOnce() + 'static) {
    let hidden = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden());
    if hidden {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
    } else {
        after_paint(f);
    }
}

fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// Links the stylesheet at `href` (relative to the page) from the document's head, once (the
/// link's id is `id`): the styles of a screen the first one does not show, fetched when that
/// screen is first opened, alongside its code (the smaller file: in place before it is drawn).
pub fn stylesheet(id: &str, href: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(id).is_some() {
        return;
    }
    let head = document.query_selector("head").ok().flatten();
    let (Some(head), Ok(link)) = (head, document.create_element("link")) else {
        return;
    };
    link.set_id(id);
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", href);
    let _ = head.append_child(&link);
}

/// Submits the form of the submit button with this id as if that button, carrying `value`,
/// had been pressed: a form action that comes from a gesture rather than a button (a row
/// dropped on another).
pub fn submit_with(button: &str, value: &str) {
    let Some(el) = element(button) else {
        return;
    };
    let _ = el.set_attribute("value", value);
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        el.click();
    }
}

/// Scrolls the element with this id by (`dx`, `dy`) pixels.
pub fn scroll_by(id: &str, dx: f64, dy: f64) {
    if let Some(el) = element(id) {
        el.scroll_by_with_x_and_y(dx, dy);
    }
}

/// Takes away the page's static shell (`<div id="shell">` in the HTML, what shows while the
/// code loads): the app, just mounted, shows the same and more.
pub fn remove_shell() {
    if let Some(shell) = element("shell") {
        shell.remove();
    }
}

/// Once the page has been redrawn, scrolls the element with this id into view and puts the
/// keyboard focus on its first field (or on the element itself). Waits up to half a second
/// for the element (long lists are drawn a batch per frame).
pub fn reveal(id: String) {
    reveal_within(id, 30);
}

fn reveal_within(id: String, frames: u32) {
    leptos::prelude::request_animation_frame(move || {
        let Some(el) = element(&id) else {
            if frames > 0 {
                reveal_within(id, frames - 1);
            }
            return;
        };
        el.scroll_into_view();
        let target = el
            .query_selector("input, select, textarea, button")
            .ok()
            .flatten()
            .filter(|_| !el.has_attribute("tabindex"))
            .unwrap_or(el);
        if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
            let _ = target.focus();
        }
    });
}

/// Once the page has been redrawn, scrolls to `y` (if not negative) and focuses the element
/// matching `selector` without scrolling again: the place a Back returns to. Waits up to half
/// a second for the element.
pub fn restore_place(y: f64, selector: String) {
    restore_within(y, selector, 30);
}

fn restore_within(y: f64, selector: String, frames: u32) {
    leptos::prelude::request_animation_frame(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let found = window
            .document()
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        let Some(el) = found else {
            if frames > 0 {
                restore_within(y, selector, frames - 1);
            }
            return;
        };
        if y >= 0.0 {
            window.scroll_to_with_x_and_y(0.0, y);
        }
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(y >= 0.0);
        let _ = el.focus_with_options(&options);
    });
}

/// How far the page is scrolled down.
pub fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

/// Lower-cases text with the browser's own Unicode data (no tables in the app).
pub fn fold_case(text: &str) -> String {
    String::from(js_sys::JsString::from(text).to_lower_case())
}

/// Sets the document's title (what the tab, the history and screen readers name the page).
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// The page's fragment, with its "#".
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's query, with its "?".
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Goes to another fragment of this page (a new history entry).
pub fn set_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(hash);
    }
}

/// Loads the page again.
pub fn reload_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// A submitted form: its fields and the action of the button that submitted it.
pub struct Submitted {
    pub form: web_sys::HtmlFormElement,
    data: web_sys::FormData,
    /// The `value` of the submit button (an action of `forms::actions`), "" for Enter in a
    /// field.
    pub action: String,
}

impl Submitted {
    /// Reads the form a submit event came from (and keeps the browser from submitting it).
    pub fn from_event(ev: &web_sys::SubmitEvent) -> Option<Submitted> {
        ev.prevent_default();
        let form = ev.target()?.dyn_into::<web_sys::HtmlFormElement>().ok()?;
        let data = web_sys::FormData::new_with_form(&form).ok()?;
        let action = ev
            .submitter()
            .and_then(|b| b.get_attribute("value"))
            .unwrap_or_default();
        Some(Submitted { form, data, action })
    }

    /// The text of a field, `None` when the form has no such (checked) field.
    pub fn field(&self, name: &str) -> Option<String> {
        self.data.get(name).as_string()
    }

    /// Every value of a repeated field, in page order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.data
            .get_all(name)
            .iter()
            .filter_map(|v| v.as_string())
            .collect()
    }

    /// The fields, for the parsers of `forms`.
    pub fn fields(&self) -> Fields<impl Fn(&str) -> Option<String> + '_> {
        Fields(move |name: &str| self.field(name))
    }

    /// Empties the form's fields back to what the page gave them (the "add" rows).
    pub fn reset(&self) {
        self.form.reset();
    }

    /// Puts the keyboard focus on the field `name` (names are identifiers of `forms::names`),
    /// or on the form's first button when there is no such field.
    pub fn focus(&self, name: &str) {
        let target = self
            .form
            .query_selector(&format!("[name=\"{name}\"]"))
            .ok()
            .flatten()
            .or_else(|| self.form.query_selector("button").ok().flatten());
        if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }
}

/// Once the page has been redrawn, puts the keyboard focus on the element with this id
/// (waiting up to half a second for it), without scrolling the page more than needed.
pub fn focus_id(id: String) {
    focus_within(id, 30);
}

fn focus_within(id: String, frames: u32) {
    leptos::prelude::request_animation_frame(move || {
        match element(&id).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            Some(el) => {
                let _ = el.focus();
            }
            None if frames > 0 => focus_within(id, frames - 1),
            None => {}
        }
    });
}

/// Where the element with this id is in the viewport: left, top, width, height (CSS pixels).
pub fn rect_of(id: &str) -> Option<(f64, f64, f64, f64)> {
    let r = element(id)?.get_bounding_client_rect();
    Some((r.left(), r.top(), r.width(), r.height()))
}
