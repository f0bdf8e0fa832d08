//! The browser's localStorage behind the [`KeyValue`] port, through gloo-storage. Where
//! storage is missing or blocked (gloo would panic), every call says so instead.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use super::kv::{KeyValue, StorageError};

/// localStorage of this page's origin.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserStore;

/// Whether the page may use localStorage (private modes and sandboxes may refuse it).
fn available() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)?;
    Ok(LocalStorage::raw())
}

/// A refused write: full storage, or the browser's own reason.
fn refusal(e: wasm_bindgen::JsValue) -> StorageError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(ex) if ex.name() == "QuotaExceededError" => StorageError::Full,
        Some(ex) => StorageError::Refused(ex.message()),
        None => StorageError::Refused("unknown error".into()),
    }
}

impl KeyValue for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        available()?.get_item(key).map_err(refusal)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        available()?.set_item(key, value).map_err(refusal)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        available()?.remove_item(key).map_err(refusal)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let storage = available()?;
        let count = storage.length().map_err(refusal)?;
        Ok((0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }
}
