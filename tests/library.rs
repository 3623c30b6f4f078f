//! The library of assessments: the move from earlier versions' storage loses nothing, summaries read back
//! what they wrote, and the list's rules hold for any entries.

use std::collections::BTreeSet;

use aims_readiness::assessment::{Assessment, Mode};
use aims_readiness::catalogue::catalogue;
use aims_readiness::codec;
use aims_readiness::library::{self, Entry, Legacy, Step, LEGACY_BACKUP_KEY, LEGACY_KEY};
use proptest::prelude::*;

fn legacy_strategy() -> impl Strategy<Value = Vec<Legacy>> {
    let one = |key: &'static str| {
        proptest::option::of((any::<String>(), any::<bool>()))
            .prop_map(move |v| v.map(|(raw, readable)| Legacy { key, raw, readable }))
    };
    (one(LEGACY_KEY), one(LEGACY_BACKUP_KEY)).prop_map(|(a, b)| a.into_iter().chain(b).collect())
}

proptest! {
    /// Every readable value becomes an entry with its exact text under a fresh, valid ID never taken
    /// before, every unreadable one is kept for the unreadable-data flow, and the current assessment is
    /// the one opened.
    #[test]
    fn migration_loses_nothing(
        legacy in legacy_strategy(),
        taken in proptest::collection::vec("[a-z0-9]{1,3}", 0..20),
        seeds in proptest::collection::vec(0u64..50, 1..200),
    ) {
        // IDs that collide often: the plan must skip taken and already given ones.
        let mut seeds = seeds.into_iter().cycle().enumerate();
        let fresh = move || {
            let (i, s) = seeds.next().unwrap();
            if i > 1000 { library::new_id(i as u64) } else { format!("{s}") }
        };
        let (steps, open) = library::migrate(&legacy, &taken, fresh);
        prop_assert_eq!(steps.len(), legacy.len());
        let mut ids = BTreeSet::new();
        for (l, step) in legacy.iter().zip(&steps) {
            match step {
                Step::ToEntry { key, id, raw } => {
                    prop_assert!(l.readable);
                    prop_assert_eq!(*key, l.key);
                    prop_assert_eq!(raw, &l.raw);
                    prop_assert!(library::is_id(id));
                    prop_assert!(!taken.contains(id));
                    prop_assert!(ids.insert(id.clone()), "an ID given twice");
                    if l.key == LEGACY_KEY {
                        prop_assert_eq!(open.as_deref(), Some(id.as_str()));
                    }
                }
                Step::KeepUnreadable { key } => {
                    prop_assert!(!l.readable);
                    prop_assert_eq!(*key, l.key);
                }
            }
        }
        let current_readable = legacy.iter().any(|l| l.key == LEGACY_KEY && l.readable);
        prop_assert_eq!(open.is_some(), current_readable);
    }

    /// What the summary codec writes, it reads back.
    #[test]
    fn summaries_round_trip(
        id in "[a-z0-9]{1,32}",
        name in any::<String>(),
        organisation in any::<String>(),
        updated in any::<String>(),
        completion in 0u8..=100,
        readiness in proptest::option::of(0u8..=100),
        deleted_ms in proptest::option::of(any::<u64>()),
        quick in any::<bool>(),
    ) {
        let entry = Entry {
            id, name, organisation, updated,
            mode: if quick { Mode::Quick } else { Mode::Full },
            completion_pct: completion,
            readiness_pct: readiness,
            deleted_ms,
        };
        prop_assert_eq!(codec::decode_entry(&codec::encode_entry(&entry)), Some(entry));
    }

    /// The list never shows a deleted entry and shows every other one once; a tab opens a listed one if
    /// any is listed; a deleted entry is either undoable or due for purging, never both.
    #[test]
    fn list_rules_hold_for_any_entries(
        raw in proptest::collection::vec(("[a-z0-9]{1,4}", "[0-9]{0,4}", proptest::option::of(0u64..2_000_000)), 0..20),
        now in 0u64..3_000_000,
        last in proptest::option::of("[a-z0-9]{1,4}"),
    ) {
        let mut seen = BTreeSet::new();
        let entries: Vec<Entry> = raw.into_iter().filter(|(id, _, _)| seen.insert(id.clone())).map(|(id, updated, deleted_ms)| Entry {
            id, name: String::new(), organisation: String::new(), mode: Mode::Full, updated,
            completion_pct: 0, readiness_pct: None, deleted_ms,
        }).collect();
        let listed = library::listed(&entries);
        prop_assert_eq!(listed.len(), entries.iter().filter(|e| e.deleted_ms.is_none()).count());
        prop_assert!(listed.iter().all(|e| e.deleted_ms.is_none()));
        let open = library::choose_open(last.as_deref(), &entries);
        prop_assert_eq!(open.is_some(), !listed.is_empty());
        if let Some(open) = &open {
            prop_assert!(listed.iter().any(|e| &e.id == open));
        }
        let purge = library::purge_due(&entries, now);
        let undoable = library::recently_deleted(&entries, now);
        for e in entries.iter().filter(|e| e.deleted_ms.is_some()) {
            prop_assert!(purge.contains(&e.id) != undoable.iter().any(|u| u.id == e.id));
        }
    }
}

#[test]
fn a_snapshot_keeps_every_answer_under_its_new_name() {
    let cat = catalogue();
    let file = std::fs::read("tests/data/versions/v2.json").unwrap();
    let source = codec::decode(&file, cat).unwrap().assessment;
    let copy = library::snapshot_of(&source, " 2027 Q1 ", "2027-01-05T10:00:00.000Z");
    assert_eq!(copy.name, "2027 Q1");
    assert_eq!(copy.responses, source.responses);
    assert_eq!(copy.soa, source.soa);
    assert_eq!(copy.created, "2027-01-05T10:00:00.000Z");
    assert!(codec::encode(&copy, cat).is_ok());
}

#[test]
fn a_summary_says_what_the_list_shows() {
    let cat = catalogue();
    let mut a = Assessment::new(Mode::Quick, "2026-12-02T08:00:00.000Z");
    a.name = "2026 Q4".into();
    a.profile.name = "Acme".into();
    let entry = Entry::of("abc", cat, &a);
    assert_eq!(entry.label(), "2026 Q4 · Acme");
    assert_eq!(entry.mode, Mode::Quick);
    assert_eq!(entry.completion_pct, 0);
    assert_eq!(entry.readiness_pct, Some(0));
}
