//! The road to certification: what each stage needs, when it is ready, which gaps are flagged against
//! the planned dates, and the one-page summary.

#[path = "common/builders.rs"]
mod builders;

use aims_readiness::assessment::{Assessment, DocumentStatus};
use aims_readiness::catalogue::SectionKind;
use aims_readiness::roadmap::{
    days_between, planned_text, readiness, roadmap_markdown, summary_html, summary_markdown, Flag,
    Link, Stage,
};
use builders::{cat, full, set};
use proptest::prelude::*;

/// Every item at `level`, every register entry marked as `status`.
fn everything(level: u8, status: Option<DocumentStatus>) -> Assessment {
    let mut a = full();
    for item in cat().items() {
        set(&mut a, &item.id, level);
    }
    for doc in cat().documents() {
        a.edit_document(&doc.id, |r| r.status = status);
    }
    a
}

fn requirement<'r>(
    r: &'r aims_readiness::roadmap::Readiness,
    stage: Stage,
    id: &str,
) -> &'r aims_readiness::roadmap::Requirement {
    r.stage(stage)
        .requirements
        .iter()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("stage {} has {id}", stage.number()))
}

#[test]
fn every_document_and_item_a_rule_names_exists() {
    let (docs, items) = aims_readiness::roadmap::named_ids();
    assert!(docs.len() >= 15 && items.len() >= 25);
    for id in docs {
        assert!(cat().document(id).is_some(), "document {id}");
    }
    for id in items {
        assert!(cat().item(id).is_some(), "item {id}");
    }
    // A reason names what is missing; an empty assessment misses everything, so every named document
    // and item of every rule shows up as a reason with a real link.
    let r = readiness(cat(), &full());
    for s in &r.stages {
        for q in &s.requirements {
            assert!(!q.is_ready(), "{} is not ready with nothing answered", q.id);
            assert!(!q.needs.is_empty());
            for reason in &q.reasons {
                match &reason.link {
                    Link::Item { id, section } => {
                        let item = cat().item(id).expect("real item");
                        assert_eq!(&item.section, section);
                        assert_eq!(reason.link.href(), format!("#/assess/{section}"));
                    }
                    Link::Document { id } => {
                        assert!(cat().document(id).is_some(), "{id}");
                        assert_eq!(reason.link.href(), "#/documents");
                    }
                    Link::Stage(stage) => assert_eq!(*stage, Stage::One),
                }
            }
        }
        // Every document named in `needs` is one of the register's titles.
    }
    let needs: String = r
        .stages
        .iter()
        .flat_map(|s| &s.requirements)
        .map(|q| q.needs.clone())
        .collect();
    for id in [
        "aims-scope",
        "ai-policy",
        "statement-of-applicability",
        "internal-audit-results",
    ] {
        let title = &cat().document(id).unwrap().title;
        assert!(needs.contains(title.as_str()), "{title}");
    }
}

#[test]
fn stage_1_asks_for_the_documented_aims() {
    let r = readiness(cat(), &full());
    let ids: Vec<&str> = r
        .stage(Stage::One)
        .requirements
        .iter()
        .map(|q| q.id)
        .collect();
    for id in [
        "scope",
        "policy",
        "risk-processes",
        "risk-results",
        "impact",
        "soa",
        "objectives",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    let ids: Vec<&str> = r
        .stage(Stage::Two)
        .requirements
        .iter()
        .map(|q| q.id)
        .collect();
    for id in [
        "stage-1",
        "clauses",
        "controls",
        "internal-audit",
        "management-review",
        "nonconformities",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
}

#[test]
fn both_stages_are_ready_when_everything_is_at_target_and_every_document_exists() {
    let a = everything(3, Some(DocumentStatus::Exists));
    let r = readiness(cat(), &a);
    assert!(r.stage(Stage::One).is_ready());
    assert!(r.stage(Stage::Two).is_ready());
    assert_eq!(
        r.stage(Stage::One).verdict(),
        "Ready: all 10 requirements in place"
    );
}

#[test]
fn answers_alone_suggest_the_documents_and_make_the_stages_ready() {
    let r = readiness(cat(), &everything(3, None));
    assert!(r.stage(Stage::One).is_ready(), "{:?}", r.stage(Stage::One));
    assert!(r.stage(Stage::Two).is_ready());
}

#[test]
fn a_users_draft_status_holds_stage_1_back_and_names_the_document() {
    let mut a = everything(3, None);
    a.edit_document("statement-of-applicability", |r| {
        r.status = Some(DocumentStatus::Draft)
    });
    let r = readiness(cat(), &a);
    assert!(!r.stage(Stage::One).is_ready());
    assert!(!r.stage(Stage::Two).is_ready(), "stage 2 needs stage 1");
    let soa = requirement(&r, Stage::One, "soa");
    assert_eq!(soa.reasons.len(), 1);
    assert_eq!(soa.reasons[0].label, "Statement of Applicability");
    assert_eq!(soa.reasons[0].problem, "Draft");
    assert_eq!(
        soa.reasons[0].link,
        Link::Document {
            id: "statement-of-applicability".into()
        }
    );
    let stage_1 = requirement(&r, Stage::Two, "stage-1");
    assert_eq!(stage_1.reasons[0].link, Link::Stage(Stage::One));
    assert_eq!(
        r.stage(Stage::One).verdict(),
        "Not ready: 9 of 10 requirements in place"
    );
}

#[test]
fn an_item_below_target_is_a_reason_with_its_level() {
    let mut a = everything(3, Some(DocumentStatus::Exists));
    set(&mut a, "6.1.2", 2);
    a.set_target(4).unwrap();
    set(&mut a, "6.1.2", 3);
    let r = readiness(cat(), &a);
    let risk = requirement(&r, Stage::One, "risk-processes");
    let reason = risk
        .reasons
        .iter()
        .find(|m| m.label.starts_with("6.1.2 "))
        .unwrap();
    assert_eq!(reason.problem, "level 3, target 4");
    assert_eq!(reason.link.href(), "#/assess/6");
}

#[test]
fn an_undecided_control_holds_the_soa_back_and_an_excluded_one_does_not() {
    let mut a = everything(3, Some(DocumentStatus::Exists));
    a.clear_answer("A.10.4");
    let r = readiness(cat(), &a);
    let soa = requirement(&r, Stage::One, "soa");
    assert_eq!(soa.reasons.len(), 1);
    assert!(soa.reasons[0].label.starts_with("A.10.4 "));
    assert!(soa.reasons[0].problem.starts_with("not decided"));
    a.set_not_applicable(cat(), "A.10.4", "We supply no AI systems to customers.")
        .unwrap();
    let r = readiness(cat(), &a);
    assert!(r.stage(Stage::One).is_ready());
    assert!(requirement(&r, Stage::Two, "controls").is_ready());
}

#[test]
fn excluded_controls_need_no_documents_for_stage_2() {
    let mut a = everything(3, None);
    a.edit_document("technical-documentation", |r| {
        r.status = Some(DocumentStatus::Missing)
    });
    let r = readiness(cat(), &a);
    let docs = requirement(&r, Stage::Two, "control-documents");
    assert_eq!(docs.reasons.len(), 1);
    assert_eq!(docs.reasons[0].problem, "Missing");
    a.set_not_applicable(cat(), "A.6.2.7", "Nothing is offered outside the company.")
        .unwrap();
    let r = readiness(cat(), &a);
    assert!(requirement(&r, Stage::Two, "control-documents").is_ready());
}

#[test]
fn gaps_without_a_due_date_or_due_after_the_audit_are_flagged_against_the_first_audit_needing_them()
{
    let mut a = everything(3, Some(DocumentStatus::Exists));
    a.roadmap.stage1 = "2027-03-01".into();
    a.roadmap.stage2 = "2027-06-01".into();
    set(&mut a, "6.1.2", 1); // stage 1 (and stage 2): no due date
    set(&mut a, "5.2", 2); // stage 1: due after it
    set(&mut a, "9.3.2", 2); // stage 2 only: due before it
    set(&mut a, "A.7.4", 1); // stage 2 only: due after it
    let due = |a: &mut Assessment, id: &str, date: &str| {
        a.edit_response(cat(), id, |r| r.due = date.into()).unwrap()
    };
    due(&mut a, "5.2", "2027-04-01");
    due(&mut a, "9.3.2", "2027-05-01");
    due(&mut a, "A.7.4", "2027-07-01");
    let r = readiness(cat(), &a);
    let flagged: Vec<(&str, Stage, &Flag)> = r
        .flagged
        .iter()
        .map(|g| (g.item_id.as_str(), g.stage, &g.flag))
        .collect();
    assert_eq!(
        flagged,
        vec![
            (
                "5.2",
                Stage::One,
                &Flag::AfterAudit {
                    due: "2027-04-01".into(),
                    planned: "2027-03-01".into()
                }
            ),
            ("6.1.2", Stage::One, &Flag::NoDueDate),
            (
                "A.7.4",
                Stage::Two,
                &Flag::AfterAudit {
                    due: "2027-07-01".into(),
                    planned: "2027-06-01".into()
                }
            ),
        ]
    );
    assert_eq!(
        r.flagged[0].problem(),
        "due 2027-04-01, after the planned stage 1 audit on 2027-03-01"
    );
    assert_eq!(r.flagged[1].problem(), "no due date (needed for stage 1)");
    assert_eq!(r.flagged[0].href(), "#/assess/5");
}

#[test]
fn without_a_planned_date_only_gaps_without_a_due_date_are_flagged() {
    let mut a = everything(3, Some(DocumentStatus::Exists));
    set(&mut a, "5.2", 2);
    set(&mut a, "6.2", 2);
    a.edit_response(cat(), "5.2", |r| r.due = "2030-01-01".into())
        .unwrap();
    let r = readiness(cat(), &a);
    assert_eq!(r.stage(Stage::One).planned, None);
    let ids: Vec<&str> = r.flagged.iter().map(|g| g.item_id.as_str()).collect();
    assert_eq!(ids, vec!["6.2"]);
}

#[test]
fn dates_count_days_across_months_and_leap_years() {
    assert_eq!(days_between("2024-02-28", "2024-03-01"), Some(2));
    assert_eq!(days_between("2023-02-28", "2023-03-01"), Some(1));
    assert_eq!(days_between("2026-12-02", "2027-03-01"), Some(89));
    assert_eq!(days_between("2027-03-01", "2026-12-02"), Some(-89));
    assert_eq!(days_between("1970-01-01", "2000-03-01"), Some(11_017));
    assert_eq!(days_between("2027-02-30", "2027-03-01"), None);
    assert_eq!(
        planned_text(Some("2027-03-01"), "2026-12-02"),
        "2027-03-01 (in 89 days)"
    );
    assert_eq!(
        planned_text(Some("2026-12-01"), "2026-12-02"),
        "2026-12-01 (yesterday)"
    );
    assert_eq!(planned_text(None, "2026-12-02"), "not set");
}

#[test]
fn the_summary_fits_a_page_and_escapes_user_text() {
    let mut a = full();
    a.profile.name = "<img src=x onerror=alert(1)> *Co*".into();
    a.roadmap.stage1 = "2027-03-01".into();
    for item in cat().items().filter(|i| i.kind == SectionKind::Clause) {
        set(&mut a, &item.id, 1);
    }
    let md = summary_markdown(cat(), &a, "2026-12-02");
    assert!(
        md.contains(
            "| Stage 1 | 2027-03-01 (in 89 days) | Not ready: 0 of 10 requirements in place |"
        ),
        "{md}"
    );
    assert!(md.contains("| Stage 2 | not set |"));
    // Only a few gaps by name, the rest counted, so the page stays one page.
    let listed = md.lines().filter(|l| l.starts_with("- ")).count();
    assert_eq!(listed, aims_readiness::roadmap::SUMMARY_GAPS + 1, "{md}");
    assert!(md.contains("more (see the road to certification in the app)"));
    let html = summary_html(cat(), &a, "2026-12-02");
    assert!(!html.contains("<img"));
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains("Road to certification – &lt;img"));
}

#[test]
fn the_report_carries_the_roadmap_section() {
    let mut a = everything(3, Some(DocumentStatus::Exists));
    a.roadmap.stage1 = "2027-03-01".into();
    let md = roadmap_markdown(cat(), &a);
    assert!(md.starts_with("## Road to certification\n"));
    assert!(md.contains(
        "**Stage 1: the documented AI management system.** Planned audit: 2027-03-01. Ready: all 10 requirements in place."
    ));
    let report = aims_readiness::report::report_markdown(cat(), &a);
    assert!(report.contains("## Road to certification"));
    assert!(report.contains("**Which gaps are flagged.**"));
}

/// A random assessment: each item unanswered, at a level, or (for controls) not applicable; each
/// document with or without a status; random planned dates and due dates.
fn arbitrary() -> impl Strategy<Value = Assessment> {
    let items = cat().items().count();
    let docs = cat().documents().len();
    (
        prop::collection::vec(0u8..=7, items),
        prop::collection::vec(0u8..=3, docs),
        prop::collection::vec(prop::option::of(0u32..400), items),
        prop::option::of(0u32..400),
        prop::option::of(0u32..400),
        2u8..=5,
    )
        .prop_map(|(answers, statuses, dues, s1, s2, target)| {
            let date = |n: u32| format!("2027-{:02}-{:02}", 1 + n / 31 % 12, 1 + n % 28);
            let mut a = full();
            a.set_target(target).unwrap();
            for ((item, &code), due) in cat().items().zip(&answers).zip(&dues) {
                match code {
                    0..=5 => set(&mut a, &item.id, code),
                    6 if item.kind == SectionKind::AnnexA => a
                        .set_not_applicable(cat(), &item.id, "Not used here.")
                        .unwrap(),
                    _ => {}
                }
                if let Some(n) = due {
                    a.edit_response(cat(), &item.id, |r| r.due = date(*n))
                        .unwrap();
                }
            }
            for (doc, &code) in cat().documents().iter().zip(&statuses) {
                let status = DocumentStatus::ALL.get(usize::from(code)).copied();
                a.edit_document(&doc.id, |r| r.status = status);
            }
            a.roadmap.stage1 = s1.map(date).unwrap_or_default();
            a.roadmap.stage2 = s2.map(date).unwrap_or_default();
            a
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// For every input: a requirement is ready exactly when it has no reason, a stage exactly when all
    /// its requirements are, stage 2 never before stage 1, and every flagged gap is an open item of a
    /// not-ready requirement of its stage with no due date or one after that stage's planned date.
    #[test]
    fn the_stage_rules_hold_for_every_assessment(a in arbitrary()) {
        let r = readiness(cat(), &a);
        for s in &r.stages {
            let all = s.requirements.iter().all(|q| q.reasons.is_empty());
            prop_assert_eq!(s.is_ready(), all);
        }
        prop_assert!(!r.stage(Stage::Two).is_ready() || r.stage(Stage::One).is_ready());
        let mut seen = std::collections::BTreeSet::new();
        for g in &r.flagged {
            prop_assert!(seen.insert(g.item_id.clone()), "{} flagged twice", g.item_id);
            let s = r.stage(g.stage);
            let open = s
                .requirements
                .iter()
                .flat_map(|q| &q.reasons)
                .any(|m| matches!(&m.link, Link::Item { id, .. } if *id == g.item_id));
            prop_assert!(open, "{} is not an open item of stage {}", g.item_id, g.stage.number());
            let due = a.response(&g.item_id).map(|x| x.due.clone()).unwrap_or_default();
            match &g.flag {
                Flag::NoDueDate => prop_assert!(due.is_empty()),
                Flag::AfterAudit { due: d, planned } => {
                    prop_assert_eq!(d, &due);
                    prop_assert_eq!(Some(planned), s.planned.as_ref());
                    prop_assert!(d > planned);
                }
            }
        }
    }

    /// Raising answers to the target and marking documents as existing never makes anything less ready.
    #[test]
    fn putting_things_in_place_never_takes_readiness_away(a in arbitrary()) {
        let before = readiness(cat(), &a);
        let mut better = a.clone();
        for item in cat().items() {
            if !matches!(better.answer(&item.id), Some(aims_readiness::assessment::Answer::NotApplicable { .. })) {
                set(&mut better, &item.id, 5);
            }
        }
        for doc in cat().documents() {
            better.edit_document(&doc.id, |r| r.status = Some(DocumentStatus::Exists));
        }
        let after = readiness(cat(), &better);
        for stage in Stage::ALL {
            for (b, n) in before.stage(stage).requirements.iter().zip(&after.stage(stage).requirements) {
                prop_assert!(!b.is_ready() || n.is_ready(), "{} got worse", b.id);
            }
            prop_assert!(after.stage(stage).is_ready());
        }
        prop_assert!(after.flagged.is_empty());
    }
}
