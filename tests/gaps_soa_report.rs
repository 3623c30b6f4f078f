//! The action plan, the Statement of Applicability, the CSV exports and the report.

use aims_readiness::assessment::{Assessment, Mode};
use aims_readiness::catalogue::SectionKind;
use aims_readiness::csv::{answers_csv, field, soa_csv};
use aims_readiness::gaps::{self, gaps};
use aims_readiness::markdown::to_html;
use aims_readiness::report::{report_html, report_markdown};
use aims_readiness::soa::{soa, soa_markdown, Applicability};

#[path = "common/builders.rs"]
mod builders;
use builders::{cat, full, level, set, NOW};

const HOSTILE: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">click</a>",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "a | b | c\n# heading\r\n- list",
];

fn na(a: &mut Assessment, id: &str, why: &str) {
    a.set_not_applicable(cat(), id, why).expect("known control");
}

fn edit(a: &mut Assessment, id: &str, f: impl FnOnce(&mut aims_readiness::assessment::Response)) {
    a.edit_response(cat(), id, f).expect("known item");
}

/// A minimal RFC 4180 reader, to check what a spreadsheet would read back.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(
                    chars.next(),
                    Some('\n'),
                    "CR outside quotes must start CRLF"
                );
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("bare LF outside quotes"),
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(
        field.is_empty() && record.is_empty(),
        "last record lacks CRLF"
    );
    records
}

// --- Gaps --------------------------------------------------------------------------------------------------

#[test]
fn an_empty_assessment_has_every_item_as_a_gap_clauses_first() {
    let list = gaps(cat(), &full());
    assert_eq!(list.len(), 70);
    assert!(list[..32].iter().all(|g| g.kind == SectionKind::Clause));
    assert!(list[32..].iter().all(|g| g.kind == SectionKind::AnnexA));
    let ids: Vec<&str> = list.iter().map(|g| g.item_id.as_str()).collect();
    let catalogue_order: Vec<&str> = cat().items().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids, catalogue_order,
        "equal shortfalls keep catalogue order"
    );
    let first = &list[0];
    assert_eq!(first.item_id, "4.1");
    assert!(first.is_unanswered());
    assert_eq!(first.current_text(), "not answered");
    assert_eq!((first.target, first.shortfall), (3, 3));
    assert_eq!(first.next_step, cat().item("4.1").unwrap().next_step);
    assert_eq!(first.section_id, "4");
    assert_eq!(first.section_title, "Context of the organization");
}

#[test]
fn gaps_sort_clauses_first_then_by_shortfall_then_catalogue_order() {
    let mut a = full();
    // Every item at target except a few.
    for item in cat().items() {
        set(&mut a, &item.id, 3);
    }
    set(&mut a, "9.1", 2); // clause, short by 1
    a.clear_answer("10.2"); // clause, unanswered: short by 3
    set(&mut a, "4.2", 1); // clause, short by 2
    set(&mut a, "5.1", 2); // clause, short by 1, before 9.1 in the catalogue
    a.clear_answer("A.2.2"); // control, short by 3: still after every clause
    set(&mut a, "A.10.3", 0); // control, short by 3, after A.2.2
    set(&mut a, "A.6.2.4", 2); // control, short by 1
    na(&mut a, "A.7.4", "We use no data for AI systems."); // N/A: never a gap
    set(&mut a, "A.8.2", 5); // above target: no gap
    let order: Vec<(String, u8)> = gaps(cat(), &a)
        .into_iter()
        .map(|g| (g.item_id, g.shortfall))
        .collect();
    let expected = [
        ("10.2", 3),
        ("4.2", 2),
        ("5.1", 1),
        ("9.1", 1),
        ("A.2.2", 3),
        ("A.10.3", 3),
        ("A.6.2.4", 1),
    ];
    let expected: Vec<(String, u8)> = expected.iter().map(|(i, s)| (i.to_string(), *s)).collect();
    assert_eq!(order, expected);
}

#[test]
fn a_gap_carries_the_owner_and_due_date_when_set() {
    let mut a = full();
    set(&mut a, "6.1.2", 1);
    edit(&mut a, "6.1.2", |r| {
        r.owner = "Risk lead".into();
        r.due = "2025-06-30".into();
    });
    edit(&mut a, "6.1.3", |r| r.owner = "   ".into());
    let list = gaps(cat(), &a);
    let g = list.iter().find(|g| g.item_id == "6.1.2").unwrap();
    assert_eq!(g.level, Some(level(1)));
    assert_eq!(g.current_text(), "level 1");
    assert_eq!(g.owner.as_deref(), Some("Risk lead"));
    assert_eq!(g.due.as_deref(), Some("2025-06-30"));
    let blank = list.iter().find(|g| g.item_id == "6.1.3").unwrap();
    assert_eq!((blank.owner.as_deref(), blank.due.as_deref()), (None, None));
}

#[test]
fn the_target_decides_what_counts_as_a_gap() {
    let mut a = full();
    for item in cat().items() {
        set(&mut a, &item.id, 4);
    }
    assert!(gaps(cat(), &a).is_empty());
    a.set_target(5).unwrap();
    let list = gaps(cat(), &a);
    assert_eq!(list.len(), 70);
    assert!(list.iter().all(|g| g.shortfall == 1 && g.target == 5));
}

#[test]
fn a_quick_scan_lists_only_quick_items() {
    let a = Assessment::new(Mode::Quick, NOW);
    let list = gaps(cat(), &a);
    assert_eq!(list.len(), cat().items().filter(|i| i.quick).count());
    assert!(list.iter().all(|g| cat().item(&g.item_id).unwrap().quick));
}

// --- Statement of Applicability ----------------------------------------------------------------------------

#[test]
fn the_soa_always_lists_all_38_controls() {
    for mode in [Mode::Full, Mode::Quick] {
        let rows = soa(cat(), &Assessment::new(mode, NOW));
        assert_eq!(rows.len(), 38, "{mode:?}");
        assert_eq!(rows[0].control_id, "A.2.2");
        assert_eq!(rows[37].control_id, "A.10.4");
        assert!(rows
            .iter()
            .all(|r| r.applicable == Applicability::Undecided));
    }
}

#[test]
fn the_soa_shows_applicability_justification_level_and_notes() {
    let mut a = full();
    set(&mut a, "A.2.2", 4);
    edit(&mut a, "A.2.2", |r| {
        r.notes = "Approved by the board".into()
    });
    na(&mut a, "A.4.4", "We use no tooling beyond the supplier's.");
    let rows = soa(cat(), &a);
    let yes = rows.iter().find(|r| r.control_id == "A.2.2").unwrap();
    assert_eq!(yes.applicable, Applicability::Included);
    assert_eq!(yes.level, Some(level(4)));
    assert_eq!(yes.notes, "Approved by the board");
    assert_eq!(yes.category_id, "A.2");
    let no = rows.iter().find(|r| r.control_id == "A.4.4").unwrap();
    assert_eq!(no.applicable, Applicability::Excluded);
    assert_eq!(no.justification, "We use no tooling beyond the supplier's.");
    assert_eq!(no.level, None);
    assert!(!no.justification_missing());
}

#[test]
fn the_soa_table_keeps_hostile_text_as_text() {
    let mut a = full();
    let controls: Vec<String> = cat()
        .items()
        .filter(|i| i.kind == SectionKind::AnnexA)
        .map(|i| i.id.clone())
        .collect();
    for (i, id) in controls.iter().enumerate() {
        let text = HOSTILE[i % HOSTILE.len()];
        if i % 2 == 0 {
            na(&mut a, id, text);
        } else {
            set(&mut a, id, 2);
        }
        edit(&mut a, id, |r| r.notes = text.into());
    }
    let md = soa_markdown(cat(), &a);
    let html = to_html(&md);
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<a "), "{html}");
    assert!(!html.contains("<h1"), "{html}");
    assert_eq!(html.matches("<tr>").count(), 39, "header and 38 rows");
    assert_eq!(
        html.matches("<td>").count(),
        38 * 8,
        "a | in user text adds no column"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

// --- CSV ---------------------------------------------------------------------------------------------------

#[test]
fn csv_fields_are_quoted_only_when_needed() {
    assert_eq!(field("plain text"), "plain text");
    assert_eq!(field("a,b"), "\"a,b\"");
    assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(field("two\nlines"), "\"two\nlines\"");
    assert_eq!(field("cr\rhere"), "\"cr\rhere\"");
    assert_eq!(field(""), "");
}

#[test]
fn csv_fields_that_a_spreadsheet_would_run_get_an_apostrophe() {
    assert_eq!(field("=1+2"), "'=1+2");
    assert_eq!(field("+33 1 23"), "'+33 1 23");
    assert_eq!(field("-2"), "'-2");
    assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(field("\tx"), "'\tx");
    assert_eq!(field("\r=x"), "\"'\r=x\"");
    assert_eq!(
        field("=HYPERLINK(\"http://x\",\"y\")"),
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
    );
    assert_eq!(field("a=b"), "a=b", "only a leading character is a formula");
}

#[test]
fn the_soa_csv_reads_back_as_38_rows_with_the_user_text_intact() {
    let mut a = full();
    na(
        &mut a,
        "A.3.3",
        "Sole trader, \"no staff\",\r\nso nobody to report concerns",
    );
    set(&mut a, "A.2.2", 3);
    edit(&mut a, "A.2.2", |r| r.notes = "=cmd|' /C calc'!A0".into());
    let text = soa_csv(cat(), &a);
    assert!(
        text.starts_with('\u{feff}'),
        "spreadsheets need the byte-order mark"
    );
    assert!(text.ends_with("\r\n"));
    let rows = parse_csv(text.trim_start_matches('\u{feff}'));
    assert_eq!(rows.len(), 39);
    assert_eq!(
        rows[0],
        [
            "control",
            "title",
            "category",
            "source",
            "decision",
            "inclusion_reasons",
            "exclusion_justification",
            "implementation_status",
            "status_suggested",
            "implementation_level",
            "role_hint",
            "findings",
            "notes",
            "soa_version",
            "soa_date",
            "soa_approver"
        ]
    );
    assert!(rows.iter().all(|r| r.len() == 16));
    let a22 = rows.iter().find(|r| r[0] == "A.2.2").unwrap();
    assert_eq!(a22[4], "included");
    assert_eq!(a22[7], "implemented", "level 3 suggests implemented");
    assert_eq!(a22[8], "yes");
    assert_eq!(a22[9], "3");
    assert_eq!(a22[12], "'=cmd|' /C calc'!A0");
    let a33 = rows.iter().find(|r| r[0] == "A.3.3").unwrap();
    assert_eq!(a33[4], "excluded");
    assert_eq!(
        a33[6],
        "Sole trader, \"no staff\",\r\nso nobody to report concerns"
    );
    assert_eq!(a33[9], "");
    let undecided = rows.iter().find(|r| r[0] == "A.10.4").unwrap();
    assert_eq!(undecided[4], "undecided");
}

#[test]
fn an_included_control_needs_a_reason_and_its_status_follows_the_level_until_set() {
    use aims_readiness::assessment::{ImplementationStatus, InclusionReason};
    use aims_readiness::soa::Finding;
    let mut a = full();
    set(&mut a, "A.6.2.4", 2);
    let row = |a: &Assessment| {
        soa(cat(), a)
            .into_iter()
            .find(|r| r.control_id == "A.6.2.4")
            .unwrap()
    };
    let r = row(&a);
    assert_eq!(r.applicable, Applicability::Included);
    assert_eq!(r.findings, [Finding::NoReason]);
    assert_eq!(r.status, Some(ImplementationStatus::Partial));
    assert_eq!(r.status_text(), "Partly implemented (suggested)");

    a.edit_soa_entry(cat(), "A.6.2.4", |e| {
        e.reasons.insert(InclusionReason::RiskTreatment);
        e.reasons.insert(InclusionReason::Contractual);
        e.status = Some(ImplementationStatus::Planned);
    })
    .unwrap();
    let r = row(&a);
    assert!(r.findings.is_empty());
    assert_eq!(r.status, Some(ImplementationStatus::Planned));
    assert!(!r.status_suggested);
    assert_eq!(
        r.justification_text(),
        "Treats identified risks; Contractual obligation"
    );

    // A reason alone includes an unanswered control; excluding it drops reasons and status from the row.
    a.edit_soa_entry(cat(), "A.7.2", |e| {
        e.reasons.insert(InclusionReason::Legal);
    })
    .unwrap();
    let r = soa(cat(), &a)
        .into_iter()
        .find(|r| r.control_id == "A.7.2")
        .unwrap();
    assert_eq!((r.applicable, r.status), (Applicability::Included, None));
    na(
        &mut a,
        "A.6.2.4",
        "We develop nothing; verification is the supplier's.",
    );
    let r = row(&a);
    assert_eq!(r.applicable, Applicability::Excluded);
    assert!(r.reasons.is_empty() && r.status.is_none());
    // Clauses have no SoA entry.
    assert!(a.edit_soa_entry(cat(), "6.1.3", |_| {}).is_err());
}

#[test]
fn role_hints_follow_the_profile_and_the_stricter_hint_wins() {
    use aims_readiness::assessment::Role;
    use aims_readiness::catalogue::Likelihood;
    use aims_readiness::soa::Finding;
    let mut a = full();
    let hint = |a: &Assessment, id: &str| {
        soa(cat(), a)
            .into_iter()
            .find(|r| r.control_id == id)
            .unwrap()
            .hint
    };
    assert_eq!(hint(&a, "A.6.1.2"), None, "no role, no hint");
    a.profile.roles = vec![Role::AiCustomer];
    let customer = hint(&a, "A.6.1.2").unwrap();
    assert_eq!(customer.likelihood, Likelihood::Usually);
    assert_eq!(customer.roles, [Role::AiCustomer]);
    assert!(customer
        .text()
        .starts_with("As AI customer, you can usually justify excluding"));
    a.profile.roles = vec![Role::AiProducer, Role::AiCustomer];
    let both = hint(&a, "A.6.1.2").unwrap();
    assert_eq!(both.likelihood, Likelihood::Rarely);
    assert_eq!(both.roles, [Role::AiProducer]);
    // Excluding a control the role rarely can exclude is questioned, never refused.
    na(&mut a, "A.6.1.2", "Not needed.");
    let row = soa(cat(), &a)
        .into_iter()
        .find(|r| r.control_id == "A.6.1.2")
        .unwrap();
    assert_eq!(row.findings, [Finding::RarelyExcluded]);
}

#[test]
fn the_soa_exports_carry_the_document_fields_and_the_added_controls() {
    use aims_readiness::assessment::{AddedControl, ImplementationStatus, InclusionReason};
    let mut a = full();
    a.soa.version = "1.2".into();
    a.soa.date = "2025-03-10".into();
    a.soa.approver = "Chief <b>Risk</b> Officer".into();
    a.soa.added.push(AddedControl {
        reference: "ISO/IEC 27001 A.5.15".into(),
        title: "Access control".into(),
        source: "ISO/IEC 27001:2022".into(),
        reasons: [InclusionReason::Contractual].into(),
        status: Some(ImplementationStatus::Implemented),
        notes: "Shared with the ISMS | not a new column".into(),
    });
    let md = soa_markdown(cat(), &a);
    assert!(
        md.starts_with(
            "Version: 1\\.2 · Date: 2025-03-10 · Approved by: Chief &lt;b>Risk&lt;/b> Officer"
        ),
        "{md}"
    );
    let html = to_html(&md);
    assert!(!html.contains("<b>"));
    assert!(html.contains("ISO/IEC 27001 A.5.15"));
    assert_eq!(html.matches("<tr>").count(), 39 + 2, "both tables");
    let rows = parse_csv(soa_csv(cat(), &a).trim_start_matches('\u{feff}'));
    assert_eq!(rows.len(), 40);
    let added = rows.last().unwrap();
    assert_eq!(added[0], "ISO/IEC 27001 A.5.15");
    assert_eq!(added[3], "ISO/IEC 27001:2022");
    assert_eq!(
        (added[4].as_str(), added[5].as_str(), added[7].as_str()),
        ("included", "contractual", "implemented")
    );
    assert!(rows[1..]
        .iter()
        .all(|r| r[13] == "1.2" && r[14] == "2025-03-10"));
}

#[test]
fn the_answers_csv_carries_the_ticked_checkpoints() {
    let mut a = full();
    for id in ["inputs-audit-results", "inputs-previous-actions"] {
        a.set_checkpoint(cat(), "9.3.2", id, true).unwrap();
    }
    let rows = parse_csv(answers_csv(cat(), &a).trim_start_matches('\u{feff}'));
    let col = rows[0]
        .iter()
        .position(|h| h == "checkpoints")
        .expect("a checkpoints column");
    let row = rows.iter().find(|r| r[0] == "9.3.2").unwrap();
    assert_eq!(row[col], "inputs-audit-results; inputs-previous-actions");
    let none = rows.iter().find(|r| r[0] == "10.1").unwrap();
    assert_eq!(none[col], "", "10.1 has no checkpoints");
}

#[test]
fn the_answers_csv_has_every_item_in_scope() {
    let mut a = full();
    set(&mut a, "4.1", 2);
    na(&mut a, "A.5.4", "No AI system affects individuals");
    edit(&mut a, "4.1", |r| {
        r.notes = "Context workshop held".into();
        r.evidence = "https://intranet.example/context".into();
        r.owner = "COO".into();
        r.due = "2025-09-01".into();
    });
    let rows = parse_csv(answers_csv(cat(), &a).trim_start_matches('\u{feff}'));
    assert_eq!(rows.len(), 71);
    assert_eq!(
        rows[0],
        [
            "id",
            "section",
            "title",
            "answer",
            "justification",
            "notes",
            "evidence",
            "owner",
            "due",
            "checkpoints"
        ]
    );
    assert_eq!(
        rows[1],
        [
            "4.1",
            "4",
            "Understanding the organization and its context",
            "2",
            "",
            "Context workshop held",
            "https://intranet.example/context",
            "COO",
            "2025-09-01",
            ""
        ]
    );
    let a54 = rows.iter().find(|r| r[0] == "A.5.4").unwrap();
    assert_eq!(a54[3], "N/A");
    assert_eq!(a54[4], "No AI system affects individuals");
    let unanswered = rows.iter().find(|r| r[0] == "4.2").unwrap();
    assert_eq!(unanswered[3], "");

    a.mode = Mode::Quick;
    let quick = parse_csv(&answers_csv(cat(), &a));
    assert_eq!(quick.len(), 1 + cat().items().filter(|i| i.quick).count());
}

// --- Report ------------------------------------------------------------------------------------------------

fn assert_no_markup_from_users(html: &str) {
    assert!(!html.contains("<img"), "img in report");
    assert!(!html.contains("<script"), "script in report");
    assert!(!html.contains("<a "), "a link in report");
    // Every real tag (user text can only contain `&lt;`) is free of scripts and event handlers.
    for tag in html.split('<').skip(1) {
        let tag = tag
            .split('>')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        assert!(!tag.contains("javascript:"), "<{tag}>");
        assert!(!tag.contains("onerror"), "<{tag}>");
    }
    assert_eq!(html.matches("<h1>").count(), 1, "one title only");
}

/// Every heading has text and is followed by something other than another heading.
fn assert_no_empty_headings(md: &str) {
    let lines: Vec<&str> = md.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if !line.starts_with('#') {
            continue;
        }
        assert!(
            !line.trim_start_matches('#').trim().is_empty(),
            "empty heading at line {i}"
        );
        let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
        assert!(
            next.is_some_and(|l| !l.starts_with('#')),
            "heading {line:?} has nothing under it"
        );
    }
}

#[test]
fn the_report_names_the_organisation() {
    let mut a = full();
    a.profile.name = "ACME Robotics".into();
    let md = report_markdown(cat(), &a);
    assert!(md.starts_with("# ISO/IEC 42001 readiness report – ACME Robotics\n"));
    assert!(md.contains("- **Organisation:** ACME Robotics"));
    let html = report_html(cat(), &a);
    assert!(html.contains("<title>ISO/IEC 42001 readiness report – ACME Robotics</title>"));
    assert!(html.contains("<h1>ISO/IEC 42001 readiness report – ACME Robotics</h1>"));
}

#[test]
fn an_empty_assessment_gives_a_complete_report_without_empty_headings() {
    let mut a = full();
    a.updated = String::new();
    let md = report_markdown(cat(), &a);
    assert_no_empty_headings(&md);
    assert!(md.starts_with("# ISO/IEC 42001 readiness report\n"));
    // A board reads the summary first and an auditor the trail; the rule comes last.
    let order = [
        "## Summary",
        "## Organisation profile",
        "## Readiness by section",
        "## Action plan",
        "### Not yet answered",
        "## Statement of Applicability",
        "## Evidence trail",
        "## How the score is computed",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|h| {
            md.find(&format!("\n{h}\n"))
                .unwrap_or_else(|| panic!("missing {h}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{order:?} out of order");
    assert!(
        !md.contains("### Below target"),
        "nothing answered is below target"
    );
    assert!(md.contains("No notes, evidence, owners or due dates are recorded yet."));
    assert!(md.contains("No answered item is below target."));
    assert!(md.contains("- **Organisation:** not stated"));
    assert!(md.contains("- **Date:** not recorded"));
    assert!(md.contains("- **Mode:** Full assessment"));
    assert!(md.contains("- **Target level:** 3 – Implemented"));
    assert!(md.contains("- **Answered:** 0 of 70 items in scope"));
    assert!(md.contains("**Band:** Early stage"));
    assert!(md.contains("0 answered items are below target level 3, and 70 not yet answered."));
    assert!(md.ends_with(aims_readiness::score::RULE_MARKDOWN));
    let html = report_html(cat(), &a);
    // 16 sections + 3 aggregates + header; the SoA: 38 rows + header; the documents register: 52 rows +
    // header; the roadmap: 10 stage 1 and 8 stage 2 requirements, each table with its header.
    assert_eq!(html.matches("<tr>").count(), 20 + 39 + 53 + 11 + 9);
    assert!(html.contains("<td>4 Context of the organization</td><td>░░░░░░░░░░ 0%</td>"));
    assert!(html.contains(
        "<td><strong>Overall</strong></td><td>░░░░░░░░░░ 0%</td><td>0%</td><td>0 / 70</td><td>—</td>"
    ));
}

#[test]
fn the_report_shows_the_date_mode_target_and_scores() {
    let mut a = Assessment::new(Mode::Quick, NOW);
    a.set_target(4).unwrap();
    set(&mut a, "4.1", 4);
    a.touch("2025-04-15T08:30:00+02:00");
    let md = report_markdown(cat(), &a);
    assert!(md.contains("- **Date:** 2025-04-15"));
    assert!(md.contains("- **Mode:** Quick scan (indicative)"));
    assert!(md.contains("every score below is indicative"));
    assert!(md.contains("**Band:** Early stage (indicative)"));
    assert!(md.contains("- **Target level:** 4 – Measured"));
    // Clause 4 in a quick scan: 4.1 and 4.3, one at target → 50 %.
    assert!(
        md.contains("| 4 Context of the organization | █████░░░░░ 50% | 50% | 1 / 2 | 4.0 |"),
        "{md}"
    );
    assert_no_empty_headings(&md);
}

#[test]
fn with_every_item_at_target_the_action_plan_says_so() {
    let mut a = full();
    for item in cat().items() {
        set(&mut a, &item.id, 3);
    }
    let md = report_markdown(cat(), &a);
    assert!(md.contains("No gaps: every applicable item in scope is at or above target level 3."));
    assert!(!md.contains("### "));
    assert!(md.contains("**Band:** Audit-ready"));
    assert_no_empty_headings(&md);
}

#[test]
fn the_report_explains_when_a_clause_holds_back_audit_ready() {
    let mut a = full();
    for item in cat().items() {
        set(&mut a, &item.id, 3);
    }
    a.clear_answer("7.4");
    let md = report_markdown(cat(), &a);
    assert!(md.contains("**Band:** Nearly ready"));
    assert!(md.contains("but 1 sub-clause of clauses 4–10 is below the target level"));
    assert!(md.contains("0 answered items are below target level 3, and 1 not yet answered."));
    assert!(
        md.contains("### Not yet answered\n\n1. **7\\.4 Communication** (7 Support): not answered → target 3, short by 3.")
    );
    assert_no_empty_headings(&md);
}

#[test]
fn hostile_text_in_every_field_stays_text_in_the_report() {
    for text in HOSTILE {
        let mut a = full();
        a.profile.name = (*text).into();
        a.profile.sector = (*text).into();
        a.profile.systems_in_scope = (*text).into();
        a.updated = (*text).into();
        a.created = (*text).into();
        for (i, item) in cat().items().enumerate() {
            if item.allows_not_applicable() && i % 2 == 0 {
                na(&mut a, &item.id, text);
            } else if i % 3 == 0 {
                set(&mut a, &item.id, 1);
            }
            edit(&mut a, &item.id, |r| {
                r.notes = (*text).into();
                r.evidence = (*text).into();
                r.owner = (*text).into();
                r.due = (*text).into();
            });
        }
        let md = report_markdown(cat(), &a);
        assert_no_empty_headings(&md);
        let html = report_html(cat(), &a);
        assert_no_markup_from_users(&html);
        assert!(html.contains("Owner: "), "owners are in the action plan");
    }
}

#[test]
fn the_report_lists_gaps_with_next_step_owner_and_due() {
    let mut a = full();
    for item in cat().items() {
        set(&mut a, &item.id, 3);
    }
    set(&mut a, "A.6.2.4", 1);
    edit(&mut a, "A.6.2.4", |r| {
        r.owner = "ML lead".into();
        r.due = "2025-12-01".into();
    });
    let md = report_markdown(cat(), &a);
    let step = aims_readiness::markdown::escape(&cat().item("A.6.2.4").unwrap().next_step);
    assert!(md.contains(&format!("   - Next step: {step}\n")), "{md}");
    assert!(
        md.contains("   - Owner: ML lead; Due: 2025-12-01\n"),
        "{md}"
    );
    assert!(md.contains("### Below target\n\n1. **A.6.2.4 "));
    assert!(!md.contains("### Not yet answered"));
    // The summary names it first, and the evidence trail keeps its owner and due date.
    let summary = &md[md.find("## Summary").unwrap()..md.find("## Organisation profile").unwrap()];
    assert!(summary.contains("**A.6.2.4 "), "{summary}");
    let trail = &md[md.find("## Evidence trail").unwrap()..];
    assert!(
        trail.contains("- Owner: ML lead\n- Due: 2025-12-01\n"),
        "{trail}"
    );
}

#[test]
fn the_evidence_trail_keeps_every_note_evidence_and_checkpoint() {
    let mut a = full();
    set(&mut a, "9.3.2", 2);
    edit(&mut a, "9.3.2", |r| {
        r.notes = "Review held in March".into();
        r.evidence = "Minutes 2025-03-14".into();
        r.checkpoints.insert("inputs-audit-results".into());
    });
    let md = report_markdown(cat(), &a);
    let trail = &md[md.find("## Evidence trail").unwrap()..];
    assert!(
        trail.contains("- Evidence: Minutes 2025-03-14\n- Notes: Review held in March\n"),
        "{trail}"
    );
    assert!(
        trail.contains(
            "- Checkpoints: 1 of 7 checkpoints ticked\n  - Ticked: Trends in audit results are considered\n"
        ),
        "{trail}"
    );
}

#[test]
fn the_action_plan_says_how_many_gaps_and_who_owns_one() {
    assert!(gaps::summary(0).starts_with("No gaps"));
    assert!(gaps::summary(1).starts_with("1 requirement is below"));
    assert!(gaps::summary(7).starts_with("7 requirements are below"));
    let mut a = full();
    set(&mut a, "6.1.2", 1);
    a.edit_response(cat(), "6.1.2", |r| r.owner = "CRO".into())
        .expect("known item");
    let list = gaps(cat(), &a);
    let gap = list
        .iter()
        .find(|g| g.item_id == "6.1.2")
        .expect("6.1.2 is a gap");
    assert_eq!(
        gap.owner_due_text().as_deref(),
        Some("Owner: CRO · Due: not set")
    );
    let other = list
        .iter()
        .find(|g| g.item_id == "4.1")
        .expect("4.1 is unanswered");
    assert_eq!(other.owner_due_text(), None);
}

#[test]
fn dates_are_shown_only_when_they_are_real_calendar_dates() {
    use aims_readiness::report::date_label;
    assert_eq!(date_label("2025-03-01T10:00:00Z"), "2025-03-01");
    assert_eq!(date_label("2025-02-30T10:00:00Z"), "an unknown date");
    assert_eq!(date_label(""), "an unknown date");
}

#[test]
fn the_action_plan_filter_splits_answered_gaps_from_unanswered_ones() {
    use aims_readiness::gaps::Filter;
    let mut a = full();
    set(&mut a, "4.1", 1);
    set(&mut a, "4.2", 3);
    let list = gaps(cat(), &a);
    let count = |f: Filter| list.iter().filter(|g| f.keeps(g)).count();
    assert_eq!(count(Filter::BelowTarget), 1);
    assert_eq!(count(Filter::Unanswered), list.len() - 1);
    assert_eq!(count(Filter::All), list.len());
    assert_eq!(Filter::BelowTarget.label(&list), "Below target (1)");
    assert_eq!(
        Filter::Unanswered.label(&list),
        format!("Not yet answered ({})", list.len() - 1)
    );
}

#[test]
fn the_soa_summary_counts_every_decision_and_what_to_look_at() {
    let mut a = full();
    set(&mut a, "A.2.2", 3);
    na(&mut a, "A.4.4", "We use no tooling beyond the supplier's.");
    let s = aims_readiness::soa::summary(&soa(cat(), &a));
    assert_eq!(
        s.text(),
        "1 included, 1 excluded, 36 undecided; 1 to look at."
    );
}
