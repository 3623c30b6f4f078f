//! The stored form of a library entry's summary ([`crate::library::Entry`]): a small JSON object beside
//! each stored assessment, so the list of assessments is shown without decoding them. Its own serde type,
//! like the file format: what [`encode_entry`] writes, [`decode_entry`] reads back.

use serde::{Deserialize, Serialize};

use crate::assessment::Mode;
use crate::library::{self, Entry};

/// Version of the summary's form.
const ENTRY_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryV1 {
    v: u32,
    id: String,
    name: String,
    organisation: String,
    mode: String,
    updated: String,
    completion: u8,
    readiness: Option<u8>,
    deleted_ms: Option<u64>,
}

/// Writes a summary as compact JSON.
pub fn encode_entry(entry: &Entry) -> String {
    let stored = EntryV1 {
        v: ENTRY_VERSION,
        id: entry.id.clone(),
        name: entry.name.clone(),
        organisation: entry.organisation.clone(),
        mode: entry.mode.key().to_owned(),
        updated: entry.updated.clone(),
        completion: entry.completion_pct.min(100),
        readiness: entry.readiness_pct.map(|r| r.min(100)),
        deleted_ms: entry.deleted_ms,
    };
    // Plain strings and numbers: serialising cannot fail.
    serde_json::to_string(&stored).expect("a summary always serialises")
}

/// Reads a summary; `None` if it is not one this version wrote (the list then summarises the
/// assessment itself).
pub fn decode_entry(text: &str) -> Option<Entry> {
    let stored: EntryV1 = serde_json::from_str(text).ok()?;
    (stored.v == ENTRY_VERSION
        && library::is_id(&stored.id)
        && stored.completion <= 100
        && stored.readiness.is_none_or(|r| r <= 100))
    .then_some(())?;
    Some(Entry {
        id: stored.id,
        name: stored.name,
        organisation: stored.organisation,
        mode: Mode::from_key(&stored.mode)?,
        updated: stored.updated,
        completion_pct: stored.completion,
        readiness_pct: stored.readiness,
        deleted_ms: stored.deleted_ms,
    })
}
