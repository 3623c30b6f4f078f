//! The register of required documented information: the suggested-status rule, the user's status always
//! winning, which entries are needed, the CSV (byte-order mark, columns, formula injection) and the
//! Markdown section the reports include.

#[path = "common/builders.rs"]
mod builders;

use aims_readiness::assessment::{DocumentStatus, Level};
use aims_readiness::catalogue::documents::StatusRuleDef;
use aims_readiness::csv::{documents_csv, BOM};
use aims_readiness::documents::{self, rows, suggest, Need, Tally};
use aims_readiness::report::{report_html, report_markdown};
use builders::{cat, full, set};
use proptest::prelude::*;

fn row<'c>(rows: &'c [documents::DocumentRow<'c>], id: &str) -> &'c documents::DocumentRow<'c> {
    rows.iter().find(|r| r.def.id == id).expect("entry exists")
}

/// The rule text on the page names levels 3 and 1: it must stay the content's rule.
#[test]
fn the_published_rule_is_the_content_rule() {
    let rule = cat().document_status_rule();
    assert_eq!((rule.exists_from_level, rule.draft_from_level), (3, 1));
    assert!(documents::RULE_MARKDOWN.contains("level 3 (Implemented) or more suggests *exists*"));
    assert!(documents::RULE_MARKDOWN.contains("level 1 or 2 *draft*"));
}

#[test]
fn no_answers_no_suggestion_and_every_entry_listed_in_content_order() {
    let a = full();
    let rows = rows(cat(), &a);
    assert_eq!(rows.len(), cat().documents().len());
    assert!(rows
        .iter()
        .all(|r| r.suggested.is_none() && r.status().is_none()));
    assert_eq!(rows[0].def.id, cat().documents()[0].id);
    assert_eq!(row(&rows, "aims-scope").status_text(), "not recorded");
}

#[test]
fn the_lowest_answered_level_of_the_status_items_decides() {
    // ai-policy follows 5.2 and A.2.2.
    let mut a = full();
    set(&mut a, "5.2", 4);
    assert_eq!(
        row(&rows(cat(), &a), "ai-policy").suggested,
        Some(DocumentStatus::Exists),
        "an unanswered status item is left out"
    );
    set(&mut a, "A.2.2", 2);
    assert_eq!(
        row(&rows(cat(), &a), "ai-policy").suggested,
        Some(DocumentStatus::Draft)
    );
    set(&mut a, "A.2.2", 0);
    assert_eq!(
        row(&rows(cat(), &a), "ai-policy").suggested,
        Some(DocumentStatus::Missing)
    );
    a.set_not_applicable(cat(), "A.2.2", "Policy is set at group level.")
        .unwrap();
    assert_eq!(
        row(&rows(cat(), &a), "ai-policy").suggested,
        Some(DocumentStatus::Exists),
        "a control marked not applicable is left out"
    );
    let shown = row(&rows(cat(), &a), "ai-policy").status_text();
    assert_eq!(shown, "Exists (suggested)");
}

#[test]
fn the_users_status_wins_over_the_suggestion() {
    let mut a = full();
    set(&mut a, "4.3", 5);
    a.edit_document("aims-scope", |r| r.status = Some(DocumentStatus::Draft));
    let rows = rows(cat(), &a);
    let scope = row(&rows, "aims-scope");
    assert_eq!(scope.suggested, Some(DocumentStatus::Exists));
    assert_eq!(scope.status(), Some(DocumentStatus::Draft));
    assert_eq!(scope.status_text(), "Draft");
}

#[test]
fn an_entry_only_from_excluded_controls_is_not_needed() {
    let mut a = full();
    let rows_before = rows(cat(), &a);
    assert_eq!(
        row(&rows_before, "technical-documentation").need,
        Need::Required
    );
    assert_eq!(
        row(&rows_before, "supplier-process").need,
        Need::Recommended
    );
    a.set_not_applicable(
        cat(),
        "A.6.2.7",
        "No system is offered outside the company.",
    )
    .unwrap();
    a.set_not_applicable(cat(), "A.2.2", "Set by the group.")
        .unwrap();
    let rows = rows(cat(), &a);
    assert_eq!(row(&rows, "technical-documentation").need, Need::NotNeeded);
    // The AI policy also comes from clause 5.2, so excluding A.2.2 does not make it optional.
    assert_eq!(row(&rows, "ai-policy").need, Need::Required);
    let tally = Tally::of(&rows);
    assert_eq!(tally.not_needed, 1);
    assert_eq!(tally.unknown, rows.len() - 1);
}

#[test]
fn the_csv_starts_with_a_bom_and_has_the_columns_and_one_row_per_entry() {
    let mut a = full();
    set(&mut a, "6.1.3", 3);
    a.edit_document("statement-of-applicability", |r| {
        r.status = Some(DocumentStatus::Draft);
        r.location = "SharePoint, AIMS".into();
        r.owner = "CISO".into();
        r.reviewed = "2026-11-30".into();
    });
    let csv = documents_csv(cat(), &a);
    assert!(csv.starts_with(BOM));
    assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    let mut lines = csv.trim_start_matches(BOM).split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "document_id,title,clauses,need,status,suggested_status,location,owner,reviewed,evidence_for,description"
    );
    let records: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    assert_eq!(records.len(), cat().documents().len());
    let soa = records
        .iter()
        .find(|l| l.starts_with("statement-of-applicability,"))
        .unwrap();
    assert!(
        soa.starts_with("statement-of-applicability,Statement of Applicability,6.1.3,required,draft,exists,\"SharePoint, AIMS\",CISO,2026-11-30,"),
        "{soa}"
    );
}

#[test]
fn the_csv_guards_formulas_in_what_the_user_typed() {
    let mut a = full();
    a.edit_document("aims-scope", |r| {
        r.location = "=HYPERLINK(\"http://evil\")".into();
        r.owner = "@SUM(A1)".into();
    });
    let csv = documents_csv(cat(), &a);
    assert!(
        csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",'@SUM(A1),"),
        "{csv}"
    );
}

#[test]
fn the_reports_include_the_register_with_user_text_escaped() {
    let mut a = full();
    a.edit_document("ai-policy", |r| {
        r.status = Some(DocumentStatus::Exists);
        r.owner = "<script>alert(1)</script> | Board".into();
    });
    let md = report_markdown(cat(), &a);
    assert!(md.contains("## Required documented information"));
    assert!(
        md.contains("| AI policy | 5\\.2 A.2.2 | Required | Exists |"),
        "{md}"
    );
    assert!(!md.contains("<script>"));
    let html = report_html(cat(), &a);
    assert!(html.contains("<h2>Required documented information</h2>"));
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("How the status is suggested."));
}

fn levels() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(0u8..=5, 0..6)
}

proptest! {
    /// For any levels, the suggestion is the band of the lowest one, and none without levels.
    #[test]
    fn the_suggestion_follows_the_lowest_level(levels in levels()) {
        let rule = StatusRuleDef { exists_from_level: 3, draft_from_level: 1 };
        let got = suggest(rule, levels.iter().map(|&n| Level::new(n).unwrap()));
        let expected = levels.iter().min().map(|&low| match low {
            3.. => DocumentStatus::Exists,
            1..=2 => DocumentStatus::Draft,
            0 => DocumentStatus::Missing,
        });
        prop_assert_eq!(got, expected);
    }

    /// For any answers and any recorded status, the status that counts is the user's when there is one.
    #[test]
    fn the_user_always_wins(
        answers in prop::collection::vec(0u8..=5, 70),
        choice in prop::option::of(0usize..3),
        doc in 0usize..52,
    ) {
        let mut a = full();
        for (item, &n) in cat().items().zip(&answers) {
            set(&mut a, &item.id, n);
        }
        let id = cat().documents()[doc % cat().documents().len()].id.clone();
        let status = choice.map(|i| DocumentStatus::ALL[i]);
        a.edit_document(&id, |r| r.status = status);
        let rows = rows(cat(), &a);
        let r = row(&rows, &id);
        prop_assert!(r.suggested.is_some(), "every status item is answered");
        prop_assert_eq!(r.status(), status.or(r.suggested));
    }
}
