//! The storage port: text values under text keys, as the browser's localStorage keeps them.
//! The browser implementation is in `browser`; [`MemoryStore`] keeps values in memory (tests,
//! and a fallback where the browser allows no storage). Clones of a `MemoryStore` share their
//! values, as two tabs of one browser share localStorage.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use thiserror::Error;

/// Why storage could not be read or written.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StorageError {
    #[error("this browser does not allow local storage here")]
    Unavailable,
    #[error("the browser's storage for this site is full")]
    Full,
    #[error("the browser refused to store it ({0})")]
    Refused(String),
}

/// Text values by key.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key stored.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

#[derive(Debug, Default)]
struct Inner {
    values: BTreeMap<String, String>,
    /// Most characters (keys and values) the store holds; `None`: no limit.
    quota: Option<usize>,
    writes: usize,
}

impl Inner {
    fn used(&self) -> usize {
        self.values.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

/// Values kept in memory; clones share them.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore(Rc<RefCell<Inner>>);

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// A store that refuses writes past `chars` characters of keys and values, as a full
    /// browser storage does.
    pub fn with_quota(chars: usize) -> MemoryStore {
        let store = MemoryStore::default();
        store.0.borrow_mut().quota = Some(chars);
        store
    }

    /// Changes the limit (`None`: no limit).
    pub fn set_quota(&self, chars: Option<usize>) {
        self.0.borrow_mut().quota = chars;
    }

    /// How many characters of keys and values are stored (what the limit counts).
    pub fn used(&self) -> usize {
        self.0.borrow().used()
    }

    /// How many writes were made (to see that something was not written).
    pub fn writes(&self) -> usize {
        self.0.borrow().writes
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.0.borrow().values.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let mut inner = self.0.borrow_mut();
        if let Some(quota) = inner.quota {
            let old = inner.values.get(key).map_or(0, |v| key.len() + v.len());
            if inner.used() - old + key.len() + value.len() > quota {
                return Err(StorageError::Full);
            }
        }
        inner.writes += 1;
        inner.values.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0.borrow_mut().values.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.0.borrow().values.keys().cloned().collect())
    }
}
