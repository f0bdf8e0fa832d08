//! Files in and out of the browser: downloads, reading a chosen or dropped file, fetching a
//! published file, the clipboard, printing a preview.

use wasm_bindgen::{JsCast, JsValue};

use super::js;
use crate::storage::share::{ShareError, MAX_INFLATED};

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

/// The text of a file the user chose or dropped.
pub async fn read_text(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
}

/// Fetches a text file (same origin, or a server that allows it by CORS).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let text = js::fetch_text(url).await.map_err(js::message)?;
    text.as_string()
        .ok_or_else(|| "the answer is not text".into())
}

/// zlib (DEFLATE with a checksum) of a text (a share link's data), by the browser.
pub async fn deflate(text: &str) -> Result<Vec<u8>, String> {
    let bytes = js::zlib_deflate(text).await.map_err(js::message)?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}

/// The text zlib bytes inflate to (a share link's data), by the browser: damaged
/// data, text that is not UTF-8 and anything over `MAX_INFLATED` are refused.
pub async fn inflate(bytes: &[u8]) -> Result<String, ShareError> {
    let text = js::zlib_inflate(bytes, MAX_INFLATED as f64).await;
    match text.as_string() {
        Some(text) => Ok(text),
        None if text.as_f64() == Some(1.0) => Err(ShareError::TooLarge),
        None => Err(ShareError::Damaged),
    }
}

/// Puts text on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    js::copy_text(text).await.map(|_| ()).map_err(js::message)
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
