//! Comparing two assessments: the figures are the score's, changes are after − before, and the exports
//! keep every user string inert.

mod common;

use aims_readiness::assessment::{Assessment, Level, Mode};
use aims_readiness::catalogue::catalogue;
use aims_readiness::compare::{
    compare, comparison_csv, comparison_html, comparison_markdown, signed, Caveat, Comparison,
    ANNEX_A_ID, CLAUSES_ID, OVERALL_ID,
};
use aims_readiness::score::{score, Status};
use common::{arb, full_assessment};
use proptest::prelude::*;

fn level(n: u8) -> Level {
    Level::new(n).unwrap()
}

fn earlier() -> Assessment {
    let cat = catalogue();
    let mut a = Assessment::new(Mode::Full, "2025-01-10T09:00:00Z");
    a.profile.name = "Marlow & Finch".to_owned();
    a.set_level(cat, "4.1", level(1)).unwrap();
    a.set_level(cat, "4.2", level(3)).unwrap();
    a.set_level(cat, "6.1.2", level(2)).unwrap();
    a.set_not_applicable(cat, "A.10.4", "No customers yet.")
        .unwrap();
    a.set_level(cat, "A.10.3", level(2)).unwrap();
    a.edit_response(cat, "6.1.2", |r| {
        r.owner = "CRO".to_owned();
        r.due = "2025-06-30".to_owned();
    })
    .unwrap();
    a
}

fn later() -> Assessment {
    let cat = catalogue();
    let mut a = earlier();
    a.touch("2025-04-02T10:00:00Z");
    a.set_level(cat, "4.1", level(3)).unwrap(); // up, gap closed
    a.set_level(cat, "4.2", level(2)).unwrap(); // down, gap opened
    a.set_level(cat, "A.10.4", level(4)).unwrap(); // no longer not applicable
    a.set_not_applicable(cat, "A.10.3", "All models are built in-house.")
        .unwrap(); // newly not applicable, gap closed
    a.edit_response(cat, "6.1.2", |r| r.due = "2025-09-30".to_owned())
        .unwrap();
    a
}

#[test]
fn every_section_and_aggregate_has_a_row_with_the_score_of_each_side() {
    let cat = catalogue();
    let (b, a) = (earlier(), later());
    let c = compare(cat, &b, &a);
    let ids: Vec<&str> = c.rows.iter().map(|r| r.id.as_str()).collect();
    let mut expected: Vec<&str> = cat.sections.iter().map(|s| s.id.as_str()).collect();
    expected.extend([CLAUSES_ID, ANNEX_A_ID, OVERALL_ID]);
    assert_eq!(ids, expected);
    assert_eq!(ids.len(), 19);
    let (card_b, card_a) = (score(cat, &b), score(cat, &a));
    assert_eq!(
        c.row("4").unwrap().before,
        Some(card_b.section("4").unwrap().figures.clone())
    );
    assert_eq!(
        c.row(OVERALL_ID).unwrap().after,
        Some(card_a.overall.clone())
    );
    assert_eq!(
        c.row(ANNEX_A_ID).unwrap().before,
        Some(card_b.annex_a.clone())
    );
}

#[test]
fn deltas_are_after_minus_before_in_points() {
    let cat = catalogue();
    let c = compare(cat, &earlier(), &later());
    // Clause 4 has 4 items at target 3: (1 + 3) / 12 → (3 + 2) / 12.
    let row = c.row("4").unwrap();
    assert_eq!(row.before_text(), "33%");
    assert_eq!(row.after_text(), "42%");
    assert_eq!(row.delta_whole(), Some(9));
    let exact = row.delta().unwrap();
    assert!((exact - 100.0 / 12.0).abs() < 1e-9, "{exact}");
    assert_eq!(row.delta_text(), "+9");
    // Nothing answered in clause 8 on either side: both score 0.
    assert_eq!(c.row("8").unwrap().delta_whole(), Some(0));
    assert_eq!(signed(-5), "−5");
}

#[test]
fn item_changes_gaps_and_owners_are_listed() {
    let cat = catalogue();
    let c = compare(cat, &earlier(), &later());
    let ids = |list: &[aims_readiness::compare::ItemChange]| {
        list.iter().map(|ch| ch.item_id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&c.raised), ["4.1"]);
    assert_eq!(c.raised[0].before, Status::Rated(level(1)));
    assert_eq!(c.raised[0].after_text(), "level 3");
    assert_eq!(c.raised[0].level_change(), 2);
    assert_eq!(ids(&c.lowered), ["4.2"]);
    assert_eq!(ids(&c.newly_not_applicable), ["A.10.3"]);
    assert_eq!(ids(&c.no_longer_not_applicable), ["A.10.4"]);
    let gap_ids = |list: &[aims_readiness::gaps::Gap]| {
        list.iter().map(|g| g.item_id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(gap_ids(&c.gaps_closed), ["4.1", "A.10.3"]);
    assert_eq!(gap_ids(&c.gaps_opened), ["4.2"]);
    assert_eq!(c.owners_changed.len(), 1);
    let owner = &c.owners_changed[0];
    assert_eq!(owner.item_id, "6.1.2");
    assert!(owner.due_changed() && !owner.owner_changed());
    assert!(c.caveats.is_empty());
}

#[test]
fn a_change_of_mode_or_target_is_said_and_items_only_one_asks_about_are_left_out() {
    let cat = catalogue();
    let mut quick = Assessment::new(Mode::Quick, "2025-01-10T09:00:00Z");
    let non_quick = cat.items().find(|i| !i.quick).unwrap();
    let mut full = Assessment::new(Mode::Full, "2025-04-10T09:00:00Z");
    full.set_level(cat, &non_quick.id, level(5)).unwrap();
    full.set_target(4).unwrap();
    quick.set_level(cat, &non_quick.id, level(1)).unwrap();
    let c = compare(cat, &quick, &full);
    assert_eq!(
        c.caveats,
        [
            Caveat::Modes {
                before: Mode::Quick,
                after: Mode::Full
            },
            Caveat::Targets {
                before: 3,
                after: 4
            }
        ]
    );
    assert!(c.raised.is_empty(), "{:?}", c.raised);
    assert!(c.gaps_closed.iter().all(|g| g.item_id != non_quick.id));
    let md = comparison_markdown(&c);
    assert!(
        md.contains("quick scan and the later one a full assessment"),
        "{md}"
    );
    assert!(md.contains("target level changed from 3 to 4"), "{md}");
}

#[test]
fn exports_escape_user_text_and_guard_csv_formulas() {
    let cat = catalogue();
    let mut b = earlier();
    b.profile.name = "<script>alert(1)</script> **Evil** | co".to_owned();
    let mut a = later();
    a.profile.name = b.profile.name.clone();
    a.edit_response(cat, "6.1.2", |r| {
        r.owner = "=HYPERLINK(\"https://evil.example\")".to_owned()
    })
    .unwrap();
    let c = compare(cat, &b, &a);
    let md = comparison_markdown(&c);
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains("\\*\\*Evil\\*\\* \\| co"), "{md}");
    let html = comparison_html(&c);
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains("<title>ISO/IEC 42001 readiness comparison – &lt;script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("<td>4 Context of the organization</td>"),
        "{html}"
    );
    let csv = comparison_csv(&c);
    assert!(
        csv.starts_with("kind,id,title,before,after,change\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\r\nreadiness,4,Context of the organization,33,42,9\r\n"),
        "{csv}"
    );
    assert!(csv.contains("\r\nlowered,4.2,"), "{csv}");
    assert!(csv.contains(",level 3,level 2,-1\r\n"), "{csv}");
    assert!(csv.contains("\r\nowner,6.1.2,"), "{csv}");
    assert!(
        csv.contains(",CRO,\"'=HYPERLINK(\"\"https://evil.example\"\")\",\r\n"),
        "{csv}"
    );
    assert!(csv.contains("\r\ndue,6.1.2,"), "{csv}");
    assert!(csv.contains("\r\ngap-closed,A.10.3,"), "{csv}");
    assert!(csv.contains(",level 2,not applicable,\r\n"), "{csv}");
}

#[test]
fn identical_assessments_have_nothing_to_report() {
    let cat = catalogue();
    let a = full_assessment();
    let c = compare(cat, &a, &a);
    let md = comparison_markdown(&c);
    assert!(
        md.contains("## Items that went up (0)\n\nNo item is at a higher level."),
        "{md}"
    );
    assert!(md.contains("No owner or due date changed."), "{md}");
    assert!(md.contains("| **Overall** | "), "{md}");
}

/// Every field of a CSV text, unquoted (RFC 4180).
fn csv_fields(text: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' | '\n' if !quoted => fields.push(std::mem::take(&mut field)),
            '\r' if !quoted => {}
            c => field.push(c),
        }
    }
    fields
}

/// Every list of `c` with the sides swapped.
fn swapped_lists(c: &Comparison) -> Comparison {
    let mut s = c.clone();
    std::mem::swap(&mut s.before, &mut s.after);
    for row in &mut s.rows {
        std::mem::swap(&mut row.before, &mut row.after);
    }
    std::mem::swap(&mut s.raised, &mut s.lowered);
    std::mem::swap(&mut s.newly_not_applicable, &mut s.no_longer_not_applicable);
    std::mem::swap(&mut s.gaps_closed, &mut s.gaps_opened);
    for list in [
        &mut s.raised,
        &mut s.lowered,
        &mut s.newly_not_applicable,
        &mut s.no_longer_not_applicable,
    ] {
        for ch in list.iter_mut() {
            std::mem::swap(&mut ch.before, &mut ch.after);
        }
    }
    for ch in &mut s.owners_changed {
        std::mem::swap(&mut ch.owner_before, &mut ch.owner_after);
        std::mem::swap(&mut ch.due_before, &mut ch.due_after);
    }
    for caveat in &mut s.caveats {
        *caveat = match *caveat {
            Caveat::Modes { before, after } => Caveat::Modes {
                before: after,
                after: before,
            },
            Caveat::Targets { before, after } => Caveat::Targets {
                before: after,
                after: before,
            },
        };
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn an_assessment_compared_with_itself_changes_nothing(a in arb::assessment()) {
        let c = compare(catalogue(), &a, &a);
        for row in &c.rows {
            prop_assert_eq!(&row.before, &row.after);
            if row.before.as_ref().is_some_and(|f| f.readiness.is_some()) {
                prop_assert_eq!(row.delta(), Some(0.0));
                prop_assert_eq!(row.delta_whole(), Some(0));
            } else {
                prop_assert_eq!(row.delta(), None);
            }
        }
        prop_assert!(c.raised.is_empty() && c.lowered.is_empty());
        prop_assert!(c.newly_not_applicable.is_empty() && c.no_longer_not_applicable.is_empty());
        prop_assert!(c.gaps_closed.is_empty() && c.gaps_opened.is_empty());
        prop_assert!(c.owners_changed.is_empty() && c.caveats.is_empty());
    }

    #[test]
    fn swapping_the_two_negates_every_change(b in arb::assessment(), a in arb::assessment()) {
        let cat = catalogue();
        let forward = compare(cat, &b, &a);
        let backward = compare(cat, &a, &b);
        for (f, r) in forward.rows.iter().zip(&backward.rows) {
            prop_assert_eq!(f.delta().map(|d| -d), r.delta());
            prop_assert_eq!(f.delta_whole().map(|d| -d), r.delta_whole());
        }
        prop_assert_eq!(swapped_lists(&forward), backward);
    }

    #[test]
    fn the_whole_change_never_disagrees_with_the_exact_one(b in arb::assessment(), a in arb::assessment()) {
        let c = compare(catalogue(), &b, &a);
        for row in &c.rows {
            if let (Some(exact), Some(whole)) = (row.delta(), row.delta_whole()) {
                prop_assert!(exact * f64::from(whole) >= 0.0, "{} {exact} {whole}", row.id);
                prop_assert!((exact - f64::from(whole)).abs() < 1.0 + 1e-9, "{} {exact} {whole}", row.id);
                let (before, after) = (row.before_readiness().unwrap(), row.after_readiness().unwrap());
                prop_assert!((exact - (after - before)).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn no_export_carries_markup_from_the_input(b in arb::assessment(), a in arb::assessment()) {
        let c = compare(catalogue(), &b, &a);
        let html = comparison_html(&c);
        let body = html.split("<main>").nth(1).unwrap();
        for tag in ["<img", "<script", "<svg", "<iframe"] {
            prop_assert!(!body.contains(tag), "{tag} in {body}");
        }
        for field in csv_fields(&comparison_csv(&c)) {
            prop_assert!(!field.starts_with(['=', '+', '@', '\t', '\r']), "{field:?}");
            prop_assert!(!field.starts_with('-') || field.parse::<i64>().is_ok(), "{field:?}");
        }
    }
}
