//! Several assessments in one browser: the library's entries, where each is stored, which one a tab
//! opens, how copies are named, how long a deletion can be undone, and what becomes of the single
//! assessment and backup that earlier versions stored.
//!
//! Each assessment is stored under a key of its own ([`data_key`]), written by [`crate::codec::encode`],
//! with a small summary beside it ([`entry_key`], [`crate::codec::encode_entry`]) so the list is shown
//! without decoding every assessment. There is no shared index to overwrite: two tabs creating an
//! assessment at the same moment write different keys, and the list is whatever keys exist.

use crate::assessment::{Assessment, Mode};
use crate::catalogue::Catalogue;
use crate::codec;
use crate::score;

/// Every key of this app starts with this.
pub const PREFIX: &str = "aims-readiness/";
/// The single assessment earlier versions stored; read once, at the first start of this version.
pub const LEGACY_KEY: &str = "aims-readiness/assessment";
/// The assessment an import replaced in earlier versions; it becomes a library entry too.
pub const LEGACY_BACKUP_KEY: &str = "aims-readiness/backup";
/// The ID of the assessment a tab opened last: the one a new tab opens.
pub const OPEN_KEY: &str = "aims-readiness/open";
/// When this browser last exported a file (RFC 3339).
pub const EXPORTED_KEY: &str = "aims-readiness/exported";
const DATA_PREFIX: &str = "aims-readiness/assessments/";
const ENTRY_PREFIX: &str = "aims-readiness/entries/";

/// How long a deleted assessment can be brought back: ten minutes. Until then it is still stored.
pub const UNDO_WINDOW_MS: u64 = 10 * 60 * 1000;

/// What the origin's localStorage holds in Chromium: 5 Mi UTF-16 code units, keys included, shared by
/// every key of the site. Firefox and Safari allow about the same.
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;
/// From this share of [`QUOTA_UNITS`] on, the app says storage is nearly full.
const NEARLY_FULL: f64 = 0.8;

/// The key of an assessment's data.
pub fn data_key(id: &str) -> String {
    format!("{DATA_PREFIX}{id}")
}

/// The key of an assessment's summary.
pub fn entry_key(id: &str) -> String {
    format!("{ENTRY_PREFIX}{id}")
}

/// The ID an assessment's data key names, if `key` is one.
pub fn id_of_data_key(key: &str) -> Option<&str> {
    key.strip_prefix(DATA_PREFIX).filter(|id| is_id(id))
}

/// An assessment's ID: 1 … 32 lowercase letters and digits, so it fits a route and a storage key.
pub fn is_id(id: &str) -> bool {
    (1..=32).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// A fresh ID from 53 random bits (what a JavaScript number holds): 11 base-36 digits.
pub fn new_id(random: u64) -> String {
    let mut n = random & ((1 << 53) - 1);
    let mut digits = Vec::with_capacity(11);
    for _ in 0..11 {
        let d = (n % 36) as u8;
        digits.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        n /= 36;
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// What the list shows of one assessment, kept beside it so the list needs no decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    /// The assessment's own name ([`Assessment::name`]).
    pub name: String,
    pub organisation: String,
    pub mode: Mode,
    /// When it last changed (RFC 3339).
    pub updated: String,
    pub completion_pct: u8,
    /// Overall readiness; `None` without applicable items.
    pub readiness_pct: Option<u8>,
    /// When it was deleted (ms since 1970): hidden from the list, kept until [`UNDO_WINDOW_MS`] passed.
    pub deleted_ms: Option<u64>,
}

impl Entry {
    /// The summary of an assessment.
    pub fn of(id: &str, cat: &Catalogue, a: &Assessment) -> Entry {
        let card = score::score(cat, a);
        Entry {
            id: id.to_owned(),
            name: a.name.clone(),
            organisation: a.profile.name.clone(),
            mode: a.mode,
            updated: a.updated.clone(),
            completion_pct: card.overall.completion_pct,
            readiness_pct: card.overall.readiness_pct,
            deleted_ms: None,
        }
    }

    /// How the app names it: its name, else its organisation, else "Unnamed assessment".
    pub fn label(&self) -> String {
        label(&self.name, &self.organisation)
    }

    /// Whether it is deleted and can still be brought back at `now_ms`.
    pub fn undoable(&self, now_ms: u64) -> bool {
        self.deleted_ms
            .is_some_and(|at| now_ms.saturating_sub(at) < UNDO_WINDOW_MS)
    }
}

/// An assessment's name for people: its name, else its organisation, else "Unnamed assessment".
pub fn label(name: &str, organisation: &str) -> String {
    match (name.trim(), organisation.trim()) {
        ("", "") => "Unnamed assessment".to_owned(),
        ("", org) => org.to_owned(),
        (name, "") => name.to_owned(),
        (name, org) => format!("{name} · {org}"),
    }
}

/// The label of an assessment (see [`label`]).
pub fn label_of(a: &Assessment) -> String {
    label(&a.name, &a.profile.name)
}

/// The assessments the list shows: not deleted, the most recently changed first (then by ID, so the
/// order never depends on the order storage lists its keys in).
pub fn listed(entries: &[Entry]) -> Vec<&Entry> {
    let mut shown: Vec<&Entry> = entries.iter().filter(|e| e.deleted_ms.is_none()).collect();
    shown.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
    shown
}

/// Deleted assessments that can still be brought back at `now_ms`, the latest deletion first.
pub fn recently_deleted(entries: &[Entry], now_ms: u64) -> Vec<&Entry> {
    let mut shown: Vec<&Entry> = entries.iter().filter(|e| e.undoable(now_ms)).collect();
    shown.sort_by(|a, b| {
        b.deleted_ms
            .cmp(&a.deleted_ms)
            .then_with(|| a.id.cmp(&b.id))
    });
    shown
}

/// The IDs of deleted assessments whose undo window has passed at `now_ms`: their keys can go.
pub fn purge_due(entries: &[Entry], now_ms: u64) -> Vec<String> {
    entries
        .iter()
        .filter(|e| e.deleted_ms.is_some() && !e.undoable(now_ms))
        .map(|e| e.id.clone())
        .collect()
}

/// The assessment a tab opens at start: the one a tab opened last if it is still there, else the most
/// recently changed one, else none.
pub fn choose_open(last_open: Option<&str>, entries: &[Entry]) -> Option<String> {
    let shown = listed(entries);
    last_open
        .and_then(|id| shown.iter().find(|e| e.id == id))
        .or_else(|| shown.first())
        .map(|e| e.id.clone())
}

/// The ID every tab gives the first assessment of an empty library, so two tabs starting one at the
/// same moment start the same one and merge their first answers.
pub const FIRST_ID: &str = "first";

/// The ID of an assessment a tab with nothing open starts: [`FIRST_ID`] while no entry has it, else
/// `fresh`.
pub fn start_id(entries: &[Entry], fresh: String) -> String {
    if entries.iter().any(|e| e.id == FIRST_ID) {
        fresh
    } else {
        FIRST_ID.to_owned()
    }
}

/// Whether a tab with nothing open, about to make its first change, first opens [`FIRST_ID`]: when it
/// has had nothing open since it started (`pristine`) and that assessment is kept. Another tab started
/// it a moment ago (its message is still on the way), so both tabs' first answers end up in one.
pub fn joins_first(pristine: bool, entries: &[Entry]) -> bool {
    pristine
        && entries
            .iter()
            .any(|e| e.id == FIRST_ID && e.deleted_ms.is_none())
}

/// Whether a tab merges a change of assessment `about` from another tab: always if it has that one
/// open; and a tab that has had nothing open since it started (`pristine`) follows the first change it
/// hears of, as a tab showing nothing has nothing to keep apart.
pub fn follows(open: Option<&str>, pristine: bool, about: &str) -> bool {
    match open {
        Some(id) => id == about,
        None => pristine && is_id(about),
    }
}

/// The two assessments of a comparison in order: the earlier change first.
pub fn in_order<'a>(a: &'a Entry, b: &'a Entry) -> (&'a Entry, &'a Entry) {
    if (&b.updated, &b.id) < (&a.updated, &a.id) {
        (b, a)
    } else {
        (a, b)
    }
}

/// The name suggested for the next snapshot made on `today` (RFC 3339 or `YYYY-MM-DD`): its quarter,
/// "2027 Q1", with " (2)", " (3)" … if an assessment of that name exists.
pub fn snapshot_name(today: &str, taken: &[&str]) -> String {
    let year = today
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
    let month: Option<u32> = today.get(5..7).and_then(|m| m.parse().ok());
    let base = match (year, month) {
        (Some(y), Some(m @ 1..=12)) => format!("{y} Q{}", (m - 1) / 3 + 1),
        _ => "Next snapshot".to_owned(),
    };
    unique(base, taken)
}

/// `base`, or `base (2)`, `base (3)` …, whichever no name in `taken` is.
fn unique(base: String, taken: &[&str]) -> String {
    if !taken.contains(&base.as_str()) {
        return base;
    }
    (2..)
        .map(|n| format!("{base} ({n})"))
        .find(|name| !taken.contains(&name.as_str()))
        .unwrap_or(base)
}

/// A copy of `source` as a new snapshot: every answer and field kept, under `name`, created now.
pub fn snapshot_of(source: &Assessment, name: &str, now: &str) -> Assessment {
    let mut copy = source.clone();
    copy.name = name.trim().to_owned();
    copy.created = now.to_owned();
    copy.updated = now.to_owned();
    copy
}

/// A new, empty assessment.
pub fn blank(mode: Mode, now: &str) -> Assessment {
    Assessment::new(mode, now)
}

/// A timestamp as the list and previews show it: "2025-03-02 16:05 UTC", or "an unknown time".
pub fn when_label(timestamp: &str) -> String {
    let t = timestamp.trim();
    match (t.get(..10), t.get(10..11), t.get(11..16)) {
        (Some(date), Some("T"), Some(time))
            if crate::report::date_label(t) == date && time.as_bytes()[2] == b':' =>
        {
            format!("{date} {time} UTC")
        }
        _ => crate::report::date_label(t),
    }
}

/// What the list says about exports, since the data lives only in this browser.
pub fn export_line(last_export: Option<&str>) -> String {
    match last_export.map(str::trim).filter(|t| !t.is_empty()) {
        Some(at) => format!(
            "This browser last exported a file on {}. Your assessments live only here: export them from time to time.",
            when_label(at)
        ),
        None => "Nothing has been exported from this browser yet. Your assessments live only here: export a JSON file of each one you want to keep.".to_owned(),
    }
}

/// The warning once the site's storage is nearly full (`used` UTF-16 code units of [`QUOTA_UNITS`]).
pub fn storage_note(used: usize) -> Option<String> {
    (used as f64 >= QUOTA_UNITS as f64 * NEARLY_FULL).then(|| {
        format!(
            "This browser's storage for this site is {}% full ({:.1} of about {:.1} million characters). New changes may not be saved: export the assessments you need and delete those you no longer use.",
            (100 * used / QUOTA_UNITS).min(100),
            used as f64 / 1_000_000.0,
            QUOTA_UNITS as f64 / 1_000_000.0
        )
    })
}

/// One value earlier versions left in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Legacy {
    /// [`LEGACY_KEY`] or [`LEGACY_BACKUP_KEY`].
    pub key: &'static str,
    pub raw: String,
    /// Whether [`codec::decode`] reads it.
    pub readable: bool,
}

/// What becomes of one legacy value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Copied byte for byte to [`data_key`] of `id`; the legacy key is removed only once the copy reads
    /// back identical.
    ToEntry {
        key: &'static str,
        id: String,
        raw: String,
    },
    /// Unreadable: kept as it is, for the unreadable-data flow (set aside, offered for download).
    KeepUnreadable { key: &'static str },
}

/// The plan for the first start of this version: every readable legacy value becomes an entry under a
/// fresh ID (from `fresh`, skipping IDs in `taken` and IDs already given), every unreadable one is
/// kept. Returns the steps and the entry to open (the current assessment's, if it was readable).
pub fn migrate(
    legacy: &[Legacy],
    taken: &[String],
    mut fresh: impl FnMut() -> String,
) -> (Vec<Step>, Option<String>) {
    let mut given: Vec<String> = Vec::new();
    let mut open = None;
    let steps = legacy
        .iter()
        .map(|l| {
            if !l.readable {
                return Step::KeepUnreadable { key: l.key };
            }
            let id = loop {
                let id = fresh();
                if is_id(&id) && !taken.contains(&id) && !given.contains(&id) {
                    break id;
                }
            };
            given.push(id.clone());
            if l.key == LEGACY_KEY {
                open = Some(id.clone());
            }
            Step::ToEntry {
                key: l.key,
                id,
                raw: l.raw.clone(),
            }
        })
        .collect();
    (steps, open)
}

/// The summary stored for `a`, as [`codec::encode_entry`] writes it.
pub fn encoded_entry(id: &str, cat: &Catalogue, a: &Assessment, deleted_ms: Option<u64>) -> String {
    codec::encode_entry(&Entry {
        deleted_ms,
        ..Entry::of(id, cat, a)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_route_and_key_safe() {
        for r in [0, 1, 35, 36, u64::MAX, 9_007_199_254_740_991] {
            let id = new_id(r);
            assert!(is_id(&id), "{id}");
            assert_eq!(id.len(), 11);
            assert_eq!(id_of_data_key(&data_key(&id)), Some(id.as_str()));
        }
        assert_ne!(new_id(1), new_id(2));
        assert!(!is_id(""));
        assert!(!is_id("Ab"));
        assert!(!is_id("a/b"));
        assert_eq!(id_of_data_key("aims-readiness/assessment"), None);
    }

    #[test]
    fn tabs_starting_on_an_empty_library_start_the_same_assessment() {
        assert_eq!(start_id(&[], "x1".into()), FIRST_ID);
        let taken = [entry(FIRST_ID, "", None)];
        assert_eq!(start_id(&taken, "x1".into()), "x1");
        assert!(joins_first(true, &taken));
        assert!(!joins_first(false, &taken));
        assert!(!joins_first(true, &[entry(FIRST_ID, "", Some(1))]));
        assert!(follows(Some("a"), false, "a"));
        assert!(!follows(Some("a"), true, "b"));
        assert!(follows(None, true, "b"));
        assert!(!follows(None, false, "b"));
        assert!(!follows(None, true, ""));
    }

    #[test]
    fn snapshot_names_follow_the_quarter_and_never_repeat() {
        assert_eq!(snapshot_name("2027-02-10T08:00:00Z", &[]), "2027 Q1");
        assert_eq!(snapshot_name("2026-12-02", &[]), "2026 Q4");
        assert_eq!(snapshot_name("2026-07-01", &["2026 Q3"]), "2026 Q3 (2)");
        assert_eq!(
            snapshot_name("2026-07-01", &["2026 Q3", "2026 Q3 (2)"]),
            "2026 Q3 (3)"
        );
        assert_eq!(snapshot_name("", &[]), "Next snapshot");
    }

    fn entry(id: &str, updated: &str, deleted_ms: Option<u64>) -> Entry {
        Entry {
            id: id.into(),
            name: String::new(),
            organisation: String::new(),
            mode: Mode::Full,
            updated: updated.into(),
            completion_pct: 0,
            readiness_pct: None,
            deleted_ms,
        }
    }

    #[test]
    fn a_tab_opens_the_last_opened_else_the_latest_never_a_deleted_one() {
        let entries = vec![
            entry("a", "2026-01-01T00:00:00Z", None),
            entry("b", "2026-03-01T00:00:00Z", None),
            entry("c", "2026-05-01T00:00:00Z", Some(5)),
        ];
        assert_eq!(choose_open(Some("a"), &entries).as_deref(), Some("a"));
        assert_eq!(choose_open(Some("c"), &entries).as_deref(), Some("b"));
        assert_eq!(choose_open(None, &entries).as_deref(), Some("b"));
        assert_eq!(choose_open(Some("x"), &[]), None);
    }

    #[test]
    fn deletions_can_be_undone_within_the_window_then_are_purged() {
        let entries = vec![
            entry("a", "", Some(1_000)),
            entry("b", "", None),
            entry("c", "", Some(2_000)),
        ];
        let ids = |v: Vec<&Entry>| v.into_iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(listed(&entries)), ["b"]);
        assert_eq!(ids(recently_deleted(&entries, 2_000)), ["c", "a"]);
        assert!(purge_due(&entries, 2_000).is_empty());
        assert_eq!(purge_due(&entries, 1_000 + UNDO_WINDOW_MS), ["a"]);
        assert_eq!(
            ids(recently_deleted(&entries, 1_000 + UNDO_WINDOW_MS)),
            ["c"]
        );
    }

    #[test]
    fn comparisons_put_the_earlier_change_first() {
        let old = entry("z", "2026-01-01T00:00:00Z", None);
        let new = entry("a", "2026-06-01T00:00:00Z", None);
        assert_eq!(in_order(&new, &old).0.id, "z");
        assert_eq!(in_order(&old, &new).0.id, "z");
    }

    #[test]
    fn labels_and_notes() {
        assert_eq!(label("", ""), "Unnamed assessment");
        assert_eq!(label("2027 Q1", "Acme"), "2027 Q1 · Acme");
        assert_eq!(label(" ", "Acme"), "Acme");
        assert!(export_line(None).starts_with("Nothing has been exported"));
        assert!(export_line(Some("2026-12-02T10:15:00.000Z")).contains("2026-12-02 10:15 UTC"));
        assert_eq!(when_label("2025-03-02T16:05:00Z"), "2025-03-02 16:05 UTC");
        assert_eq!(when_label("2025-03-02"), "2025-03-02");
        assert_eq!(when_label("nonsense"), "an unknown date");
        assert_eq!(storage_note(QUOTA_UNITS / 2), None);
        assert!(storage_note(QUOTA_UNITS).is_some_and(|n| n.contains("100% full")));
    }
}
