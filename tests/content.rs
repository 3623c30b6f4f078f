//! The questionnaire is complete and valid: every rule of `catalogue::validate`, plus the structure facts
//! of the standard kept in `tests/data/iso42001_structure.json`.

use aims_readiness::catalogue::{
    self, catalogue, embedded_bundle, standard, validate, SectionKind,
};
use serde_json::Value;

fn structure() -> Value {
    serde_json::from_str(include_str!("data/iso42001_structure.json")).expect("test data parses")
}

fn ids(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .expect("array")
        .iter()
        .map(|e| {
            e.get("id")
                .unwrap_or(e)
                .as_str()
                .expect("string")
                .to_owned()
        })
        .collect()
}

#[test]
fn content_passes_every_rule() {
    let errors = validate(&embedded_bundle());
    let listing: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        errors.is_empty(),
        "{} content problems:\n{}",
        errors.len(),
        listing.join("\n")
    );
}

#[test]
fn catalogue_has_exactly_the_standards_items_in_order() {
    let s = structure();
    let cat = catalogue();
    let clauses: Vec<String> = cat
        .items()
        .filter(|i| i.kind == SectionKind::Clause)
        .map(|i| i.id.clone())
        .collect();
    let controls: Vec<String> = cat
        .items()
        .filter(|i| i.kind == SectionKind::AnnexA)
        .map(|i| i.id.clone())
        .collect();
    assert_eq!(clauses, ids(&s, "subclauses"));
    assert_eq!(controls, ids(&s, "controls"));
    assert_eq!(clauses.len(), 32);
    assert_eq!(controls.len(), 38);
    let split: Vec<usize> = cat
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::AnnexA)
        .map(|s| s.items.len())
        .collect();
    assert_eq!(split, vec![3, 2, 5, 4, 9, 5, 4, 3, 3]);
    let sections: Vec<&str> = cat.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sections, ids(&s, "sections"));
}

#[test]
fn titles_match_the_standard() {
    let s = structure();
    let cat = catalogue();
    for key in ["subclauses", "controls"] {
        for e in s[key].as_array().expect("array") {
            let id = e["id"].as_str().expect("id");
            let item = cat.item(id).unwrap_or_else(|| panic!("{id} missing"));
            assert_eq!(item.title, e["title"].as_str().expect("title"), "{id}");
        }
    }
}

#[test]
fn the_standard_facts_in_the_core_agree_with_the_test_data() {
    let s = structure();
    let core: Vec<&str> = standard::SUBCLAUSES.iter().map(|(id, _)| *id).collect();
    assert_eq!(core, ids(&s, "subclauses"));
    let core: Vec<&str> = standard::CONTROLS.iter().map(|(id, _)| *id).collect();
    assert_eq!(core, ids(&s, "controls"));
    let core: Vec<&str> = standard::ANNEX_C_OBJECTIVES
        .iter()
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(core, ids(&s, "annex_c_objectives"));
    let core: Vec<&str> = standard::ANNEX_C_RISK_SOURCES
        .iter()
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(core, ids(&s, "annex_c_risk_sources"));
}

#[test]
fn crosswalks_cite_only_real_nist_subcategories_and_ai_act_articles() {
    let s = structure();
    let nist = ids(&s, "nist_subcategories");
    let articles = ids(&s, "eu_ai_act_articles");
    let cat = catalogue();
    assert_eq!(cat.crosswalks.nist_subcategories.len(), 72);
    for sub in &cat.crosswalks.nist_subcategories {
        assert!(
            nist.contains(&sub.id),
            "{} is not a NIST AI RMF subcategory",
            sub.id
        );
    }
    for m in &cat.crosswalks.eu_ai_act {
        let article = m
            .article
            .split(['(', ' '])
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            articles.contains(&article),
            "{} is not a known article",
            m.article
        );
    }
    // Spot checks of rows the reference sheet cites.
    let rows: Vec<&str> = cat
        .nist_rows("6.1.4")
        .iter()
        .map(|r| r.subcategory.id.as_str())
        .collect();
    assert_eq!(rows, ["GOVERN 4.2", "MAP 1.1", "MANAGE 1.2", "MANAGE 1.3"]);
    let eu: Vec<&str> = cat
        .eu_rows("A.6.2.8")
        .iter()
        .map(|r| r.mapping.article.as_str())
        .collect();
    assert!(eu.iter().any(|a| a.starts_with("Art. 12")));
    assert!(
        cat.eu_rows("4.1").is_empty(),
        "no source maps clause 4.1 to the AI Act"
    );
}

#[test]
fn a_content_error_names_file_item_and_field() {
    let mut bundle = embedded_bundle();
    let (file, section) = bundle
        .sections
        .iter_mut()
        .find(|(_, s)| s.id == "6")
        .expect("clause 6");
    let file = file.clone();
    let item = section
        .items
        .iter_mut()
        .find(|i| i.id == "6.1.2")
        .expect("6.1.2");
    item.guidance = String::new();
    item.levels.pop();
    let errors = validate(&bundle);
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|e| e.contains(&file) && e.contains("6.1.2") && e.contains("`guidance`")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|e| e.contains("6.1.2") && e.contains("`levels`")),
        "{text:?}"
    );
}

#[test]
fn validation_catches_a_missing_control_a_wrong_title_and_raw_html() {
    let mut bundle = embedded_bundle();
    let (_, a7) = bundle
        .sections
        .iter_mut()
        .find(|(_, s)| s.id == "A.7")
        .expect("A.7");
    a7.items.retain(|i| i.id != "A.7.5");
    a7.items[0].title = "Data governance".into();
    a7.items[1]
        .guidance
        .push_str("\n\n<script>alert(1)</script>\n");
    let text: Vec<String> = validate(&bundle).iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|e| e.contains("A.7.5") && e.contains("missing")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|e| e.contains("`title`") && e.contains("Data governance")),
        "{text:?}"
    );
    assert!(text.iter().any(|e| e.contains("raw HTML")), "{text:?}");
}

#[test]
fn no_two_guidance_texts_share_a_sentence() {
    let cat = catalogue();
    let mut seen = std::collections::HashMap::new();
    for item in cat.items() {
        for sentence in catalogue::guidance_sentences(&item.guidance) {
            if let Some(other) = seen.insert(sentence.clone(), item.id.clone()) {
                assert_eq!(
                    other, item.id,
                    "{} and {} share: {sentence}",
                    other, item.id
                );
            }
        }
    }
    assert!(
        seen.len() > 70 * 8,
        "expected many distinct sentences, found {}",
        seen.len()
    );
}

#[test]
fn quick_scan_covers_every_section() {
    let cat = catalogue();
    let quick = cat.items().filter(|i| i.quick).count();
    assert!((15..=25).contains(&quick), "{quick} quick items");
    for section in &cat.sections {
        assert!(
            section.items.iter().any(|i| i.quick),
            "section {} has no quick item",
            section.id
        );
    }
}

#[test]
fn every_item_explains_itself() {
    let cat = catalogue();
    let mut words = 0;
    for item in cat.items() {
        assert!(item.question.ends_with('?'), "{}", item.id);
        assert_eq!(item.levels.len(), 6, "{}", item.id);
        assert!((2..=5).contains(&item.evidence.len()), "{}", item.id);
        assert!(!item.next_step.trim().is_empty(), "{}", item.id);
        words += catalogue::word_count(&item.guidance);
    }
    assert!(words / 70 >= 120, "guidance averages {} words", words / 70);
    assert_eq!(cat.objectives.len(), 11);
    assert_eq!(cat.risk_sources.len(), 7);
    assert!(cat.about.contains("not a harmonised standard"));
}

/// The bundle with one item's checkpoints replaced, and the validation messages for it.
fn errors_with_checkpoints(
    item_id: &str,
    checkpoints: Vec<catalogue::CheckpointDef>,
) -> Vec<String> {
    let mut bundle = embedded_bundle();
    let item = bundle
        .sections
        .iter_mut()
        .flat_map(|(_, s)| s.items.iter_mut())
        .find(|i| i.id == item_id)
        .expect("item exists");
    item.checkpoints = checkpoints;
    validate(&bundle).iter().map(ToString::to_string).collect()
}

fn cp(id: &str, text: &str) -> catalogue::CheckpointDef {
    catalogue::CheckpointDef {
        id: id.into(),
        text: text.into(),
    }
}

#[test]
fn a_checkpoint_id_must_be_a_slug() {
    for bad in [
        "Inputs",
        "previous_actions",
        "-issues",
        "audits-",
        "a--b",
        "",
        "9.3.2 a",
        "ré",
    ] {
        let text = errors_with_checkpoints(
            "9.3.2",
            vec![
                cp(bad, "Prior actions are considered"),
                cp("issues", "Issues are considered"),
            ],
        );
        assert!(
            text.iter().any(|e| e.contains("9.3.2")
                && e.contains("`checkpoints[0].id`")
                && e.contains("not a slug")),
            "{bad:?}: {text:?}"
        );
    }
    for good in ["a", "previous-actions", "c2", "iso-42001-a"] {
        assert!(catalogue::is_slug(good), "{good}");
    }
}

#[test]
fn a_checkpoint_id_is_unique_within_its_item_only() {
    let text = errors_with_checkpoints(
        "5.2",
        vec![
            cp("purpose", "Fits the purpose"),
            cp("purpose", "Commits to improvement"),
        ],
    );
    assert!(
        text.iter()
            .any(|e| e.contains("5.2") && e.contains("`checkpoints[1].id`") && e.contains("twice")),
        "{text:?}"
    );
    // The same ID in two different items is fine: IDs are scoped by their item.
    let cat = catalogue();
    assert!(cat.checkpoint("8.2", "results").is_some());
    assert!(cat.checkpoint("8.4", "results").is_some());
    assert!(validate(&embedded_bundle()).is_empty());
}

#[test]
fn a_checkpoint_needs_a_text_without_raw_html() {
    let text = errors_with_checkpoints(
        "7.4",
        vec![cp("what", "  "), cp("when", "When <b>to</b> communicate")],
    );
    assert!(
        text.iter().any(|e| e.contains("7.4")
            && e.contains("`checkpoints[0].text`")
            && e.contains("empty")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|e| e.contains("`checkpoints[1].text`") && e.contains("raw HTML")),
        "{text:?}"
    );
}

#[test]
fn an_item_has_no_checkpoints_or_two_to_twelve() {
    let one = errors_with_checkpoints("10.2", vec![cp("react", "The problem is corrected")]);
    assert!(
        one.iter()
            .any(|e| e.contains("10.2") && e.contains("`checkpoints`") && e.contains("has 1")),
        "{one:?}"
    );
    let many: Vec<_> = (0..13).map(|n| cp(&format!("c{n}"), "A point")).collect();
    let text = errors_with_checkpoints("10.2", many);
    assert!(text.iter().any(|e| e.contains("has 13")), "{text:?}");
    assert!(errors_with_checkpoints("10.2", Vec::new()).is_empty());
}

#[test]
fn a_checkpoint_is_found_only_under_its_own_item() {
    let cat = catalogue();
    assert!(cat.checkpoint("9.3.2", "inputs-audit-results").is_some());
    assert!(
        cat.checkpoint("9.3.2", "purpose").is_none(),
        "purpose is 5.2's"
    );
    assert!(cat.checkpoint("5.2", "purpose").is_some());
    assert!(cat.checkpoint("no-such-item", "purpose").is_none());
}

#[test]
fn the_items_that_ask_several_things_have_their_checkpoints() {
    let cat = catalogue();
    let ids = |item: &str| -> Vec<String> {
        cat.item(item)
            .expect("item")
            .checkpoints
            .iter()
            .map(|c| c.id.clone())
            .collect()
    };
    // The five inputs of a management review (the performance input in its three parts).
    assert_eq!(
        ids("9.3.2"),
        [
            "inputs-previous-actions",
            "inputs-issues",
            "inputs-interested-parties",
            "inputs-nonconformities",
            "inputs-monitoring",
            "inputs-audit-results",
            "inputs-improvement"
        ]
    );
    // The four things the AI policy must contain and the four ways it must be available.
    assert_eq!(ids("5.2").len(), 8);
    // The internal audit programme: programme, what it weighs, per-audit definition, impartiality,
    // reporting, evidence.
    assert_eq!(ids("9.2.2").len(), 6);
    assert!(ids("4.1").contains(&"roles".to_owned()));
    // An item that asks one thing has none.
    assert!(ids("6.3").is_empty());
    assert!(ids("10.1").is_empty());
}

#[test]
fn every_nist_subcategory_shown_has_its_text() {
    let cat = catalogue();
    for sub in &cat.crosswalks.nist_subcategories {
        assert!(!sub.text.trim().is_empty(), "{} has no text", sub.id);
    }
    let mut bundle = embedded_bundle();
    bundle.crosswalks.nist_subcategories[0].text = String::new();
    let text: Vec<String> = validate(&bundle).iter().map(ToString::to_string).collect();
    assert!(
        text.iter().any(|e| e.contains("crosswalks.toml")
            && e.contains("GOVERN 1.1")
            && e.contains("`nist_subcategories.text`")),
        "{text:?}"
    );
}

/// Defects found in the content review (docs/CONTENT-REVIEW.md), each kept from coming back.
#[test]
fn clauses_use_iso_iec_42001_wording_not_iso_iec_27001s() {
    let cat = catalogue();
    let text_of = |id: &str| {
        let i = cat.item(id).expect("item");
        let mut t = vec![i.question.clone(), i.guidance.clone(), i.next_step.clone()];
        t.extend(i.evidence.iter().cloned());
        t.extend(i.levels.iter().cloned());
        t.extend(i.checkpoints.iter().map(|c| c.text.clone()));
        t.join("\n").to_lowercase()
    };
    // 6.1.3: designated management approves the plan and accepts residual risk, not "risk owners".
    for id in ["6.1.3", "8.3"] {
        let t = text_of(id);
        assert!(!t.contains("risk owner"), "{id} still says risk owner");
        assert!(t.contains("designated management"), "{id}");
    }
    // 8.4 must not say risk assessment looks mainly at the organisation (6.1.2 weighs individuals and
    // societies too).
    let t = text_of("8.4");
    assert!(!t.contains("mainly on risks to your organisation"), "{t}");
    assert!(text_of("6.1.2").contains("individuals and societies"));
    // 4.1 asks about the ISO/IEC 22989 roles by name.
    let q = &cat.item("4.1").expect("4.1").question;
    for role in [
        "AI provider",
        "AI producer",
        "AI customer",
        "AI partner",
        "AI subject",
        "relevant authority",
    ] {
        assert!(q.contains(role), "4.1 question lacks {role}");
    }
    // 9.2.2: ISO/IEC 42001 adds audit objectives to criteria and scope.
    assert!(text_of("9.2.2").contains("objectives, criteria and scope"));
    // 6.1.4: the impact assessment covers foreseeable misuse.
    assert!(text_of("6.1.4").contains("foreseeable misuse"));
}
