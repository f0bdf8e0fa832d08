//! The few browser functions wasm-bindgen and web-sys do not give in a line: one inline
//! module, so the app loads one small snippet.

use wasm_bindgen::prelude::*;

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
export function viewerTimeZone() {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; } catch (e) { return 'UTC'; }
}
export function timeZoneNames() {
  try { return Intl.supportedValuesOf('timeZone').join('\n'); } catch (e) { return ''; }
}
export function appBuild() { return typeof window.agendaBuild === 'string' ? window.agendaBuild : ''; }
export function viewAddress() { return new URL('view/', location.href).href; }
export function openInView() {
  location.replace(new URL('view/' + location.search + location.hash, location.href).href);
}
export function rememberScroll(scroll) {
  history.replaceState(Object.assign({}, history.state, { scroll }), '');
}
export function pushQuery(query) {
  history.pushState({ pushed: true }, '', location.pathname + (query ? '?' + query : '') + location.hash);
}
export function pushedHere() { return !!(history.state && history.state.pushed); }
export function goBack() { history.back(); }
export function replaceQuery(query) {
  const url = location.pathname + (query ? '?' + query : '') + location.hash;
  history.replaceState(history.state, '', url);
}
export function savedScroll() {
  const s = history.state && history.state.scroll;
  return typeof s === 'number' ? s : -1;
}
export function manualScroll() {
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
}
export async function fetchText(url) {
  const early = window.agendaSource;
  if (early && early.url === url) { window.agendaSource = undefined; return await early.text; }
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error('the server answered ' + response.status + ' ' + response.statusText);
  return await response.text();
}
export async function zlibDeflate(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
export async function zlibInflate(bytes, limit) {
  // The Blob copies the bytes before the first await (they are a view of the wasm memory).
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  const parts = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) { reader.cancel().catch(() => {}); return 1; }
      parts.push(value);
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(parts).arrayBuffer());
  } catch (e) {
    return 0;
  }
}
export async function copyText(text) {
  await navigator.clipboard.writeText(text);
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = utcOffsetMinutes)]
    pub fn utc_offset_minutes(timezone: &str, y: i32, mo: u32, d: u32, h: u32, mi: u32) -> f64;
    #[wasm_bindgen(js_name = viewerTimeZone)]
    pub fn viewer_time_zone() -> String;
    /// The IANA timezone names the browser knows, one a line (empty when it cannot list them).
    #[wasm_bindgen(js_name = timeZoneNames)]
    pub fn time_zone_names() -> String;
    /// The build of the app running (its code's digest, set by its loader; empty when none).
    #[wasm_bindgen(js_name = appBuild)]
    pub fn app_build() -> String;
    /// The address of the attendee view (`view/` next to the planner).
    #[wasm_bindgen(js_name = viewAddress)]
    pub fn view_address() -> String;
    /// Goes to the attendee view with this page's query and fragment (a share link opened
    /// at the planner's address).
    #[wasm_bindgen(js_name = openInView)]
    pub fn open_in_view();
    /// The current history entry remembers this scroll position (for a Back to it).
    #[wasm_bindgen(js_name = rememberScroll)]
    pub fn remember_scroll(scroll: f64);
    /// A new history entry with this query (the fragment kept).
    #[wasm_bindgen(js_name = pushQuery)]
    pub fn push_query(query: &str);
    /// Whether the current history entry was made by this page (so Back stays in it).
    #[wasm_bindgen(js_name = pushedHere)]
    pub fn pushed_here() -> bool;
    #[wasm_bindgen(js_name = goBack)]
    pub fn go_back();
    /// The same history entry with this query (the fragment kept).
    #[wasm_bindgen(js_name = replaceQuery)]
    pub fn replace_query(query: &str);
    /// The scroll position the current history entry remembers, or -1.
    #[wasm_bindgen(js_name = savedScroll)]
    pub fn saved_scroll() -> f64;
    /// The app restores scroll positions itself (its pages are drawn after the history moves).
    #[wasm_bindgen(js_name = manualScroll)]
    pub fn manual_scroll();
    #[wasm_bindgen(js_name = fetchText, catch)]
    pub async fn fetch_text(url: &str) -> Result<JsValue, JsValue>;
    /// zlib (DEFLATE with a checksum) of the text's UTF-8, by the browser's `CompressionStream`.
    #[wasm_bindgen(js_name = zlibDeflate, catch)]
    pub async fn zlib_deflate(text: &str) -> Result<JsValue, JsValue>;
    /// The UTF-8 text that zlib bytes inflate to; 0 if they are damaged or not
    /// UTF-8, 1 if they inflate to more than `limit` bytes.
    #[wasm_bindgen(js_name = zlibInflate)]
    pub async fn zlib_inflate(bytes: &[u8], limit: f64) -> JsValue;
    #[wasm_bindgen(js_name = copyText, catch)]
    pub async fn copy_text(text: &str) -> Result<JsValue, JsValue>;
}

/// A JavaScript error as a message.
pub fn message(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
