//! Browser glue: the few things the pure modules cannot do (clock, downloads, printing, the
//! browser's timezone data). Thin by design; everything decided here is decided elsewhere.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::export::ics::{OffsetError, UtcOffsets};

#[wasm_bindgen(inline_js = r#"
export function utcOffsetMinutes(timeZone, y, mo, d, h, mi) {
  let format;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric',
      month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  } catch (e) {
    return NaN; // unknown timezone
  }
  const wall = (t) => {
    const p = {};
    for (const part of format.formatToParts(new Date(t))) p[part.type] = Number(part.value);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  };
  const local = Date.UTC(y, mo - 1, d, h, mi);
  // Two rounds find the offset in force; a local time that never shows on the wall
  // clock fell in a gap (the clocks skipped it).
  let offset = wall(local) - local;
  offset = wall(local - offset) - (local - offset);
  const earlier = wall(local - offset - 3600000) - (local - offset - 3600000);
  if (wall(local - earlier) === local) offset = Math.max(offset, earlier);
  return wall(local - offset) === local ? offset / 60000 : Infinity;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = utcOffsetMinutes)]
    fn utc_offset_minutes(timezone: &str, y: i32, mo: u32, d: u32, h: u32, mi: u32) -> f64;
}

#[wasm_bindgen(inline_js = r#"
export function viewerTimeZone() {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; } catch (e) { return 'UTC'; }
}
export function locationHash() { return location.hash; }
export function reloadPage() { location.reload(); }
export function locationSearch() { return location.search; }
export function viewAddress() { return new URL('view/', location.href).href; }
export function openInView() {
  location.replace(new URL('view/' + location.search + location.hash, location.href).href);
}
export function replaceQuery(query) {
  const url = location.pathname + (query ? '?' + query : '') + location.hash;
  history.replaceState(history.state, '', url);
}
export async function fetchText(url) {
  const early = window.agendaSource;
  if (early && early.url === url) { window.agendaSource = undefined; return await early.text; }
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error('the server answered ' + response.status + ' ' + response.statusText);
  return await response.text();
}
export async function copyText(text) {
  await navigator.clipboard.writeText(text);
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = viewerTimeZone)]
    fn viewer_time_zone() -> String;
    #[wasm_bindgen(js_name = locationHash)]
    pub fn location_hash() -> String;
    #[wasm_bindgen(js_name = locationSearch)]
    pub fn location_search() -> String;
    /// Loads the page again (a new share link was opened in the same tab).
    #[wasm_bindgen(js_name = reloadPage)]
    pub fn reload_page();
    /// The address of the attendee view (`view/` next to the planner).
    #[wasm_bindgen(js_name = viewAddress)]
    pub fn view_address() -> String;
    /// Goes to the attendee view with this page's query and fragment (a share link opened
    /// at the planner's address).
    #[wasm_bindgen(js_name = openInView)]
    pub fn open_in_view();
    #[wasm_bindgen(js_name = replaceQuery)]
    pub fn replace_query(query: &str);
    #[wasm_bindgen(js_name = fetchText, catch)]
    async fn fetch_text_js(url: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = copyText, catch)]
    async fn copy_text_js(text: &str) -> Result<JsValue, JsValue>;
}

/// The viewer's own IANA timezone, as the browser knows it.
pub fn viewer_timezone() -> String {
    viewer_time_zone()
}

/// A JavaScript error as a message.
fn js_message(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Fetches a text file (same origin, or a server that allows it by CORS).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let text = fetch_text_js(url).await.map_err(js_message)?;
    text.as_string()
        .ok_or_else(|| "the answer is not text".into())
}

/// Puts text on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    copy_text_js(text).await.map(|_| ()).map_err(js_message)
}

/// UTC offsets from the browser's own timezone data (no database shipped with the app).
pub struct BrowserOffsets;

impl UtcOffsets for BrowserOffsets {
    fn utc_offset(&self, timezone: &str, local: NaiveDateTime) -> Result<i32, OffsetError> {
        let minutes = utc_offset_minutes(
            timezone,
            local.year(),
            local.month(),
            local.day(),
            local.hour(),
            local.minute(),
        );
        if minutes.is_nan() {
            Err(OffsetError::UnknownTimezone)
        } else if minutes.is_infinite() {
            Err(OffsetError::NoSuchLocalTime)
        } else {
            Ok(minutes as i32 * 60)
        }
    }
}

/// Lower-cases text with the browser's own Unicode data (no tables in the app).
pub fn fold_case(text: &str) -> String {
    String::from(js_sys::JsString::from(text).to_lower_case())
}

/// The browser's local date.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// The current time in UTC.
pub fn now_utc() -> NaiveDateTime {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

/// Long lists draw this many items at once, then `BATCH` more after each paint.
pub const FIRST_BATCH: usize = 24;
pub const BATCH: usize = 64;

/// Runs `f` once the next frame has been painted (long lists are drawn a batch at a time,
/// each after the previous one is on screen).
pub fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
    });
}

/// Once the page has been redrawn, scrolls the element with this id into view and puts the
/// keyboard focus on its first field (or on the element itself). Waits up to half a second
/// for the element (long lists are drawn a batch per frame).
pub fn reveal(id: String) {
    reveal_within(id, 30);
}

fn reveal_within(id: String, frames: u32) {
    leptos::prelude::request_animation_frame(move || {
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
        else {
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

/// Offers `text` to the user as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |what: &str| format!("the browser could not {what}");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("make the file"))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("make the file"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("reach the page"))?;
    let link = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| fail("start the download"))?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Indents compact JSON text (two spaces, as `serde_json`'s pretty printer does) with the
/// browser's own JSON, so the app carries no second copy of the serializer.
pub fn pretty_json(compact: &str) -> String {
    js_sys::JSON::parse(compact)
        .and_then(|value| {
            js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &JsValue::NULL,
                &JsValue::from_f64(2.0),
            )
        })
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| compact.to_string())
}

/// Prints the document shown in the iframe with this id (the print preview).
pub fn print_frame(id: &str) -> Result<(), String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlIFrameElement>().ok())
        .and_then(|frame| frame.content_window())
        .ok_or_else(|| "the preview is not ready to print".to_string())?
        .print()
        .map_err(|_| "the browser refused to print".to_string())
}

/// A submitted form: its fields, the value of the button that submitted it ("save",
/// "remove"…), and its `data-id`.
pub struct Submitted {
    pub form: web_sys::HtmlFormElement,
    pub data: web_sys::FormData,
    pub action: String,
    pub id: Option<u32>,
}

impl Submitted {
    /// Reads the form a submit event came from (the event may have bubbled up to a list).
    pub fn from_event(ev: &web_sys::SubmitEvent) -> Option<Submitted> {
        ev.prevent_default();
        let form = ev.target()?.dyn_into::<web_sys::HtmlFormElement>().ok()?;
        let data = web_sys::FormData::new_with_form(&form).ok()?;
        let action = ev
            .submitter()
            .and_then(|b| b.get_attribute("value"))
            .unwrap_or_default();
        let id = form.get_attribute("data-id").and_then(|v| v.parse().ok());
        Some(Submitted {
            form,
            data,
            action,
            id,
        })
    }

    /// The text of a field, `None` when the form has no such (checked) field.
    pub fn field(&self, name: &str) -> Option<String> {
        self.data.get(name).as_string()
    }

    /// Shows `message` next to the field named `field` (marked invalid and focused), or
    /// clears every message in the form when `field` is `None`.
    pub fn show_error(&self, field: Option<&str>, message: &str) {
        if let Ok(spans) = self.form.query_selector_all("[data-error-for]") {
            for i in 0..spans.length() {
                if let Some(span) = spans.item(i) {
                    span.set_text_content(None);
                }
            }
        }
        if let Ok(inputs) = self.form.query_selector_all("[aria-invalid]") {
            for i in 0..inputs.length() {
                if let Some(el) = inputs
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = el.remove_attribute("aria-invalid");
                }
            }
        }
        let Some(field) = field else { return };
        if let Ok(Some(span)) = self
            .form
            .query_selector(&format!("[data-error-for=\"{field}\"]"))
        {
            span.set_text_content(Some(message));
        }
        if let Ok(Some(input)) = self.form.query_selector(&format!("[name=\"{field}\"]")) {
            let _ = input.set_attribute("aria-invalid", "true");
            if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() {
                let _ = input.focus();
            }
        }
    }
}
