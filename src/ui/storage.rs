//! The one module that touches the browser's localStorage. Everything goes through the core's codec, the
//! same as file export and import; where things are stored and what becomes of older versions' data is
//! decided in [`crate::library`]. A stored blob that cannot be read is kept under its own key and
//! reported, never overwritten.

use crate::assessment::Assessment;
use crate::catalogue::Catalogue;
use crate::codec;
use crate::library::{self, Entry, Legacy, Step, LEGACY_BACKUP_KEY, LEGACY_KEY};

/// A stored assessment that could not be read, kept for the user to download.
const UNREADABLE_KEY: &str = "aims-readiness/unreadable";

/// Stored data that could not be read, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Why it could not be read.
    pub message: String,
    /// `true`: it is in a slot of its own, so new work is saved separately. `false`: there was no room
    /// for a copy (storage full), so it is still under the key earlier versions used, and nothing is
    /// saved until it has been downloaded and discarded, or room has been made.
    pub set_aside: bool,
}

/// What storage held at start-up.
pub struct Started {
    /// localStorage is available at all (not disabled, not a private mode that forbids it).
    pub available: bool,
    /// Every assessment kept, deleted ones within their undo window included.
    pub entries: Vec<Entry>,
    /// The assessment this tab opens, with its ID.
    pub open: Option<(String, Assessment)>,
    /// Unreadable data found under an earlier version's key.
    pub unreadable: Option<Unreadable>,
    /// Why an earlier version's data could not be moved into the library (it stays where it was).
    pub migration_problem: Option<String>,
}

thread_local! {
    /// Set while unreadable data sits under [`LEGACY_KEY`] because no copy of it could be kept: nothing
    /// is saved until it has been set aside.
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn read(storage: &web_sys::Storage, key: &str) -> Option<String> {
    storage.get_item(key).ok().flatten()
}

fn keys(storage: &web_sys::Storage) -> Vec<String> {
    let len = storage.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

/// Moves earlier versions' data into the library, purges deletions past their undo window, lists the
/// library and opens the assessment this tab shows.
pub fn start(cat: &Catalogue, random_id: impl FnMut() -> String) -> Started {
    let Some(storage) = storage() else {
        return Started {
            available: false,
            entries: Vec::new(),
            open: None,
            unreadable: None,
            migration_problem: None,
        };
    };
    let (unreadable, migration_problem, migrated_open, stranded) =
        migrate(&storage, cat, random_id);
    let now = js_sys::Date::now() as u64;
    let mut entries = entries(cat);
    let purged = library::purge_due(&entries, now);
    for id in &purged {
        remove_entry(id);
    }
    entries.retain(|e| !purged.contains(&e.id));
    let last_open = migrated_open.or_else(|| read(&storage, library::OPEN_KEY));
    // What could not be moved for lack of room is still shown, so it can be exported.
    let open = stranded.or_else(|| {
        library::choose_open(last_open.as_deref(), &entries)
            .and_then(|id| load(&id, cat).ok().map(|a| (id, a)))
    });
    Started {
        available: true,
        entries,
        open,
        unreadable,
        migration_problem,
    }
}

/// The first start after an update: the assessment and the backup earlier versions stored become
/// library entries, each copied byte for byte and removed from its old key only once the copy reads
/// back identical; unreadable data goes the unreadable-data way. Returns what was unreadable, why a
/// move failed, the ID of the entry that was the current assessment, and the current assessment if it
/// could not be moved (storage full: it stays under its old key and is shown from there).
#[allow(clippy::type_complexity)]
fn migrate(
    storage: &web_sys::Storage,
    cat: &Catalogue,
    random_id: impl FnMut() -> String,
) -> (
    Option<Unreadable>,
    Option<String>,
    Option<String>,
    Option<(String, Assessment)>,
) {
    let legacy: Vec<Legacy> = [LEGACY_KEY, LEGACY_BACKUP_KEY]
        .into_iter()
        .filter_map(|key| {
            let raw = read(storage, key)?;
            let readable = codec::decode(raw.as_bytes(), cat).is_ok();
            Some(Legacy { key, raw, readable })
        })
        .collect();
    if legacy.is_empty() {
        return (None, None, None, None);
    }
    let taken: Vec<String> = keys(storage)
        .iter()
        .filter_map(|k| library::id_of_data_key(k).map(str::to_owned))
        .collect();
    let (steps, open) = library::migrate(&legacy, &taken, random_id);
    let mut unreadable = None;
    let mut problem = None;
    let mut stranded = None;
    for step in steps {
        match step {
            Step::KeepUnreadable { key } => {
                let raw = read(storage, key).unwrap_or_default();
                let message = match codec::decode(raw.as_bytes(), cat) {
                    Err(e) => e.to_string(),
                    Ok(_) => "It was kept from an earlier visit.".to_owned(),
                };
                let set_aside = set_aside(storage, key, &raw);
                if key == LEGACY_KEY || unreadable.is_none() {
                    unreadable = Some(Unreadable { message, set_aside });
                }
            }
            Step::ToEntry { key, id, raw } => {
                let data = library::data_key(&id);
                let copied = storage.set_item(&data, &raw).is_ok()
                    && read(storage, &data).as_deref() == Some(&raw);
                if copied {
                    if let Ok(preview) = codec::decode(raw.as_bytes(), cat) {
                        let summary = library::encoded_entry(&id, cat, &preview.assessment, None);
                        let _ = storage.set_item(&library::entry_key(&id), &summary);
                    }
                    let _ = storage.remove_item(key);
                } else {
                    let _ = storage.remove_item(&data);
                    if key == LEGACY_KEY {
                        stranded = codec::decode(raw.as_bytes(), cat)
                            .ok()
                            .map(|p| (id.clone(), p.assessment));
                    }
                    problem = Some("Your saved assessment could not be moved into this version's list of assessments because this browser's storage is full. It is kept where it was and shown here, and nothing was lost: export it now (Results, Download JSON), or make room and reload the page.".to_owned());
                }
            }
        }
    }
    if key_missing(storage, open.as_deref()) {
        return (unreadable, problem, None, stranded);
    }
    if let Some(id) = &open {
        let _ = storage.set_item(library::OPEN_KEY, id);
    }
    (unreadable, problem, open, None)
}

fn key_missing(storage: &web_sys::Storage, id: Option<&str>) -> bool {
    id.is_some_and(|id| read(storage, &library::data_key(id)).is_none())
}

/// Copies unreadable data from `key` to a slot of its own (a new one, even if an earlier unreadable
/// blob is kept) and frees `key`, but only once the copy has been read back identical. Otherwise the
/// data stays under `key`, guarded if it is [`LEGACY_KEY`]. Returns whether it was set aside.
fn set_aside(storage: &web_sys::Storage, key: &str, raw: &str) -> bool {
    let kept = unreadable_keys(storage)
        .iter()
        .any(|k| read(storage, k).as_deref() == Some(raw))
        || {
            let slot = free_unreadable_key(storage);
            storage.set_item(&slot, raw).is_ok() && read(storage, &slot).as_deref() == Some(raw)
        };
    if kept {
        let _ = storage.remove_item(key);
    }
    if key == LEGACY_KEY {
        GUARDED.with(|g| g.set(!kept));
    }
    kept
}

/// The keys holding unreadable data, oldest first: `aims-readiness/unreadable`, then `…-2`, `…-3` ….
fn unreadable_keys(storage: &web_sys::Storage) -> Vec<String> {
    let mut found: Vec<(u32, String)> = keys(storage)
        .into_iter()
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
    found.sort();
    found.into_iter().map(|(_, k)| k).collect()
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
        .find(|k| read(storage, k).is_none())
        .unwrap_or_else(|| UNREADABLE_KEY.to_owned())
}

/// Every assessment kept in this browser, from the summaries beside them; an assessment whose summary is
/// missing or stale is summarised from its data (and the summary rewritten).
pub fn entries(cat: &Catalogue) -> Vec<Entry> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    keys(&storage)
        .iter()
        .filter_map(|k| library::id_of_data_key(k))
        .map(|id| {
            let summary = read(&storage, &library::entry_key(id))
                .and_then(|text| codec::decode_entry(&text))
                .filter(|e| e.id == id);
            summary.unwrap_or_else(|| summarise(&storage, id, cat))
        })
        .collect()
}

/// The summary of an assessment without a readable one, written for next time.
fn summarise(storage: &web_sys::Storage, id: &str, cat: &Catalogue) -> Entry {
    let raw = read(storage, &library::data_key(id)).unwrap_or_default();
    match codec::decode(raw.as_bytes(), cat) {
        Ok(preview) => {
            let _ = storage.set_item(
                &library::entry_key(id),
                &library::encoded_entry(id, cat, &preview.assessment, None),
            );
            Entry::of(id, cat, &preview.assessment)
        }
        Err(_) => Entry {
            id: id.to_owned(),
            name: "Stored data this version cannot read".to_owned(),
            organisation: String::new(),
            mode: crate::assessment::Mode::Full,
            updated: String::new(),
            completion_pct: 0,
            readiness_pct: None,
            deleted_ms: None,
        },
    }
}

/// Reads one stored assessment.
pub fn load(id: &str, cat: &Catalogue) -> Result<Assessment, String> {
    let storage =
        storage().ok_or_else(|| "This browser does not allow reading saved data.".to_owned())?;
    let raw = read(&storage, &library::data_key(id))
        .ok_or_else(|| "This assessment is no longer stored in this browser.".to_owned())?;
    codec::decode(raw.as_bytes(), cat)
        .map(|p| p.assessment)
        .map_err(|e| {
            format!("This assessment could not be read, and it stays stored as it is: {e}")
        })
}

/// Stores an assessment (already encoded) and its summary. Writing the same text again changes nothing.
/// While unreadable data sits under the old key, it is first set aside, and nothing is written until that
/// works.
pub fn save(id: &str, encoded: &str, summary: &str) -> Result<(), String> {
    let storage =
        storage().ok_or_else(|| "This browser does not allow saving data locally.".to_owned())?;
    if GUARDED.with(std::cell::Cell::get) {
        let raw = read(&storage, LEGACY_KEY).unwrap_or_default();
        if !raw.is_empty() && !set_aside(&storage, LEGACY_KEY, &raw) {
            return Err("Not saved: this browser's storage is full and still holds the saved data that could not be read. Download it from the message at the top of the page, then discard it; until then nothing new is saved, so export a JSON file to keep your work.".to_owned());
        }
        GUARDED.with(|g| g.set(false));
    }
    let data = library::data_key(id);
    if read(&storage, &data).as_deref() != Some(encoded) {
        storage.set_item(&data, encoded).map_err(|_| {
            "Could not save: this browser's storage for this site is full. What you changed is still on this page: export a JSON file to keep it, or delete assessments you no longer need.".to_owned()
        })?;
    }
    write_summary(id, summary);
    let _ = storage.set_item(library::OPEN_KEY, id);
    Ok(())
}

/// Writes an assessment's summary (the list falls back on the data if this fails).
pub fn write_summary(id: &str, summary: &str) {
    if let Some(storage) = storage() {
        let key = library::entry_key(id);
        if read(&storage, &key).as_deref() != Some(summary) {
            let _ = storage.set_item(&key, summary);
        }
    }
}

/// Removes one assessment and its summary for good.
pub fn remove_entry(id: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&library::data_key(id));
        let _ = storage.remove_item(&library::entry_key(id));
    }
}

/// Remembers which assessment a tab opened last, for the next tab.
pub fn set_last_open(id: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(library::OPEN_KEY, id);
    }
}

/// When this browser last exported a file.
pub fn last_export() -> Option<String> {
    read(&storage()?, library::EXPORTED_KEY)
}

/// Notes that a file was exported now.
pub fn note_export(now: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(library::EXPORTED_KEY, now);
    }
}

/// The UTF-16 code units the site's storage holds, keys included: what the browser's quota counts.
pub fn used_units() -> usize {
    let Some(storage) = storage() else { return 0 };
    keys(&storage)
        .iter()
        .map(|k| {
            let value = read(&storage, k).unwrap_or_default();
            k.encode_utf16().count() + value.encode_utf16().count()
        })
        .sum()
}

/// The oldest unreadable data: the one still under the old key if it could not be set aside, else the
/// oldest kept in a slot of its own.
pub fn unreadable() -> Option<String> {
    let storage = storage()?;
    if GUARDED.with(std::cell::Cell::get) {
        return read(&storage, LEGACY_KEY);
    }
    let key = unreadable_keys(&storage).into_iter().next()?;
    read(&storage, &key)
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
            let _ = storage.remove_item(LEGACY_KEY);
            GUARDED.with(|g| g.set(false));
        } else if let Some(key) = unreadable_keys(&storage).into_iter().next() {
            let _ = storage.remove_item(&key);
        }
    }
}

/// Deletes everything this app stored in this browser.
pub fn delete_all() {
    let Some(storage) = storage() else { return };
    for key in keys(&storage)
        .into_iter()
        .filter(|k| k.starts_with(library::PREFIX))
    {
        let _ = storage.remove_item(&key);
    }
    GUARDED.with(|g| g.set(false));
}
