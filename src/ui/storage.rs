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
    /// The stored data could not be read; here is why. It stays byte for byte where it is until a copy
    /// of it has been checked in a slot of its own.
    Unreadable(Unreadable),
    /// localStorage itself is not available (disabled, or a private mode that forbids it).
    Unavailable,
}

/// Stored data that could not be read, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Why it could not be read.
    pub message: String,
    /// `true`: it is in a slot of its own, so new work is saved separately. `false`: there was no room
    /// for a copy (storage full), so it is still under the assessment's key and nothing is saved there
    /// until it has been downloaded and discarded, or room has been made.
    pub set_aside: bool,
}

thread_local! {
    /// Set while unreadable data sits under [`KEY`] because no copy of it could be kept: [`save`] must
    /// not overwrite it.
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
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
        Err(error) => Loaded::Unreadable(Unreadable {
            message: error.to_string(),
            set_aside: set_aside(&storage, &raw),
        }),
    }
}

/// Copies unreadable data from [`KEY`] to a slot of its own (a new one, even if an earlier unreadable
/// blob is kept) and frees [`KEY`], but only once the copy has been read back identical. Otherwise the
/// data stays under [`KEY`], guarded. Returns whether it was set aside.
fn set_aside(storage: &web_sys::Storage, raw: &str) -> bool {
    let read = |k: &str| storage.get_item(k).ok().flatten();
    let kept = unreadable_keys(storage)
        .iter()
        .any(|k| read(k).as_deref() == Some(raw))
        || {
            let key = free_unreadable_key(storage);
            storage.set_item(&key, raw).is_ok() && read(&key).as_deref() == Some(raw)
        };
    if kept {
        let _ = storage.remove_item(KEY);
    }
    GUARDED.with(|g| g.set(!kept));
    kept
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

/// Stores the assessment (already encoded). Writing the same text again changes nothing. While
/// unreadable data sits under the key, it is first set aside, and nothing is written until that works.
pub fn save(encoded: &str) -> Result<(), String> {
    let storage =
        storage().ok_or_else(|| "This browser does not allow saving data locally.".to_owned())?;
    if GUARDED.with(std::cell::Cell::get) {
        let raw = storage.get_item(KEY).ok().flatten().unwrap_or_default();
        if !raw.is_empty() && !set_aside(&storage, &raw) {
            return Err("Not saved: this browser's storage is full and still holds the saved data that could not be read. Download it from the message at the top of the page, then discard it; until then nothing new is saved, so export a JSON file to keep your work.".to_owned());
        }
        GUARDED.with(|g| g.set(false));
    }
    if storage.get_item(KEY).ok().flatten().as_deref() == Some(encoded) {
        return Ok(());
    }
    storage
        .set_item(KEY, encoded)
        .map_err(|_| "Could not save: this browser's local storage is full or blocked. Export a JSON file to keep your work.".to_owned())
}

/// Removes the current assessment (deleted here or in another tab), never unreadable data under its key.
pub fn remove_current() {
    if let Some(storage) = storage() {
        if !GUARDED.with(std::cell::Cell::get) {
            let _ = storage.remove_item(KEY);
        }
    }
}

/// Keeps the assessment an import is about to replace.
pub fn save_backup(a: &Assessment, cat: &Catalogue) -> Result<(), String> {
    let storage =
        storage().ok_or_else(|| "This browser does not allow saving data locally.".to_owned())?;
    let encoded = codec::encode(a, cat).map_err(|e| format!("Could not keep a backup: {e}"))?;
    storage.set_item(BACKUP_KEY, &encoded).map_err(|_| {
        "Could not keep a backup of your current data: local storage is full.".to_owned()
    })
}

/// The kept backup, if any.
pub fn backup(cat: &Catalogue) -> Option<Assessment> {
    let raw = storage()?.get_item(BACKUP_KEY).ok().flatten()?;
    codec::decode(raw.as_bytes(), cat)
        .ok()
        .map(|p| p.assessment)
}

/// Forgets the backup.
pub fn remove_backup() {
    LocalStorage::delete(BACKUP_KEY);
}

/// The oldest unreadable data: the one still under the assessment's key if it could not be set aside,
/// else the oldest kept in a slot of its own.
pub fn unreadable() -> Option<String> {
    let storage = storage()?;
    if GUARDED.with(std::cell::Cell::get) {
        return storage.get_item(KEY).ok().flatten();
    }
    let key = unreadable_keys(&storage).into_iter().next()?;
    storage.get_item(&key).ok().flatten()
}

/// The unreadable data kept from an earlier start, while it is kept: it stays reported on every start
/// until the user discards it, even after new work has been saved.
pub fn kept_unreadable(cat: &Catalogue) -> Option<Unreadable> {
    let raw = unreadable()?;
    Some(Unreadable {
        message: match codec::decode(raw.as_bytes(), cat) {
            Err(error) => error.to_string(),
            Ok(_) => "It was kept from an earlier visit.".to_owned(),
        },
        set_aside: !GUARDED.with(std::cell::Cell::get),
    })
}

/// Forgets the oldest unreadable data (the one `unreadable` returns).
pub fn remove_unreadable() {
    if let Some(storage) = storage() {
        if GUARDED.with(std::cell::Cell::get) {
            let _ = storage.remove_item(KEY);
            GUARDED.with(|g| g.set(false));
        } else if let Some(key) = unreadable_keys(&storage).into_iter().next() {
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
    GUARDED.with(|g| g.set(false));
}
