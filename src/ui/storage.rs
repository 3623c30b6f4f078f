//! The one module that touches the browser's localStorage. Everything goes through the core's codec, the
//! same as file export and import; a stored blob that cannot be read is kept under its own key and
//! reported, never overwritten.

use gloo_storage::{LocalStorage, Storage};

use crate::assessment::Assessment;
use crate::catalogue::Catalogue;
use crate::codec;

/// The current assessment.
pub const KEY: &str = "aims-readiness/assessment";
/// The assessment an import replaced, until it is restored or discarded.
const BACKUP_KEY: &str = "aims-readiness/backup";
/// A stored assessment that could not be read, kept for the user to download.
const UNREADABLE_KEY: &str = "aims-readiness/unreadable";
/// Every key of this app starts with this.
const PREFIX: &str = "aims-readiness/";

/// What was found in storage at start-up.
pub enum Loaded {
    Nothing,
    Found(Box<Assessment>),
    /// The stored data could not be read: it is kept under its own key; here is why.
    Unreadable {
        message: String,
    },
    /// localStorage itself is not available (disabled, or a private mode that forbids it).
    Unavailable,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Reads the stored assessment.
pub fn load(cat: &Catalogue) -> Loaded {
    let Some(storage) = storage() else {
        return Loaded::Unavailable;
    };
    let Ok(Some(raw)) = storage.get_item(KEY) else {
        return Loaded::Nothing;
    };
    match codec::decode(raw.as_bytes(), cat) {
        Ok(preview) => Loaded::Found(Box::new(preview.assessment)),
        Err(error) => {
            // Keep the unreadable data where nothing overwrites it (a slot of its own, even if an
            // earlier unreadable blob is still kept), then free the main key.
            let kept = unreadable_keys(&storage)
                .iter()
                .any(|k| storage.get_item(k).ok().flatten().as_deref() == Some(raw.as_str()))
                || storage
                    .set_item(&free_unreadable_key(&storage), &raw)
                    .is_ok();
            if kept {
                let _ = storage.remove_item(KEY);
            }
            Loaded::Unreadable {
                message: error.to_string(),
            }
        }
    }
}

/// The keys holding unreadable data, oldest first: `aims-readiness/unreadable`, then `…-2`, `…-3` ….
fn unreadable_keys(storage: &web_sys::Storage) -> Vec<String> {
    let len = storage.length().unwrap_or(0);
    let mut keys: Vec<(u32, String)> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|k| {
            let rest = k.strip_prefix(UNREADABLE_KEY)?;
            let n = if rest.is_empty() {
                1
            } else {
                rest.strip_prefix('-')?.parse().ok()?
            };
            Some((n, k))
        })
        .collect();
    keys.sort();
    keys.into_iter().map(|(_, k)| k).collect()
}

/// The next free key for unreadable data.
fn free_unreadable_key(storage: &web_sys::Storage) -> String {
    (1..)
        .map(|n: u32| {
            if n == 1 {
                UNREADABLE_KEY.to_owned()
            } else {
                format!("{UNREADABLE_KEY}-{n}")
            }
        })
        .find(|k| storage.get_item(k).ok().flatten().is_none())
        .unwrap_or_else(|| UNREADABLE_KEY.to_owned())
}

/// Decodes what another tab stored (from a `storage` event).
pub fn decode_foreign(raw: &str, cat: &Catalogue) -> Option<Assessment> {
    codec::decode(raw.as_bytes(), cat)
        .ok()
        .map(|p| p.assessment)
}

/// Stores the assessment (already encoded). Writing the same text again changes nothing.
pub fn save(encoded: &str) -> Result<(), String> {
    let storage =
        storage().ok_or_else(|| "This browser does not allow saving data locally.".to_owned())?;
    if storage.get_item(KEY).ok().flatten().as_deref() == Some(encoded) {
        return Ok(());
    }
    storage
        .set_item(KEY, encoded)
        .map_err(|_| "Could not save: this browser's local storage is full or blocked. Export a JSON file to keep your work.".to_owned())
}

/// Keeps the assessment an import is about to replace.
pub fn save_backup(a: &Assessment) -> Result<(), String> {
    let storage =
        storage().ok_or_else(|| "This browser does not allow saving data locally.".to_owned())?;
    storage
        .set_item(BACKUP_KEY, &codec::encode(a))
        .map_err(|_| {
            "Could not keep a backup of your current data: local storage is full.".to_owned()
        })
}

/// The kept backup, if any.
pub fn backup(cat: &Catalogue) -> Option<Assessment> {
    let raw = storage()?.get_item(BACKUP_KEY).ok().flatten()?;
    decode_foreign(&raw, cat)
}

/// Forgets the backup.
pub fn remove_backup() {
    LocalStorage::delete(BACKUP_KEY);
}

/// The oldest unreadable data kept from an earlier start, if any.
pub fn unreadable() -> Option<String> {
    let storage = storage()?;
    let key = unreadable_keys(&storage).into_iter().next()?;
    storage.get_item(&key).ok().flatten()
}

/// Why the unreadable data kept from an earlier start could not be read, while it is kept: it stays
/// reported on every start until the user discards it, even after new work has been saved.
pub fn kept_unreadable(cat: &Catalogue) -> Option<String> {
    let raw = unreadable()?;
    Some(match codec::decode(raw.as_bytes(), cat) {
        Err(error) => error.to_string(),
        Ok(_) => "It was kept from an earlier visit.".to_owned(),
    })
}

/// Forgets the oldest unreadable data (the one `unreadable` returns).
pub fn remove_unreadable() {
    if let Some(storage) = storage() {
        if let Some(key) = unreadable_keys(&storage).into_iter().next() {
            let _ = storage.remove_item(&key);
        }
    }
}

/// Deletes everything this app stored in this browser.
pub fn delete_all() {
    let Some(storage) = storage() else { return };
    let len = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}
