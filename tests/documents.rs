//! The register of documented information (`content/documents.toml`) and the exclusion hints of the Annex A
//! controls: what a compliance lead and an auditor would check in the data, and that `catalogue::validate`
//! refuses every kind of broken entry, naming file, entry and field.

use std::collections::HashSet;

use aims_readiness::catalogue::{
    catalogue, embedded_bundle, is_slug, validate, ContentBundle, Likelihood, Obligation,
    SectionKind, ROLE_KEYS,
};

const DOCUMENTS: &str = "content/documents.toml";

/// Every problem `validate` reports for a bundle, as the messages a writer reads.
fn problems(bundle: &ContentBundle) -> Vec<String> {
    validate(bundle).iter().map(ToString::to_string).collect()
}

/// Asserts that one message names this file, entry and field and says `what`.
fn assert_reported(problems: &[String], file: &str, entry: &str, field: &str, what: &str) {
    assert!(
        problems.iter().any(|p| p.starts_with(file)
            && p.contains(&format!("item {entry},"))
            && p.contains(&format!("field `{field}`"))
            && p.contains(what)),
        "expected {file}, {entry}, `{field}`: {what}; got {problems:#?}"
    );
}

fn with_document(edit: impl FnOnce(&mut aims_readiness::catalogue::DocumentDef)) -> Vec<String> {
    let mut bundle = embedded_bundle();
    let doc = bundle
        .documents
        .documents
        .iter_mut()
        .find(|d| d.id == "statement-of-applicability")
        .expect("the SoA entry");
    edit(doc);
    problems(&bundle)
}

fn with_control(
    id: &str,
    edit: impl FnOnce(&mut aims_readiness::catalogue::schema::ItemDef),
) -> (String, Vec<String>) {
    let mut bundle = embedded_bundle();
    let (file, item) = bundle
        .sections
        .iter_mut()
        .find_map(|(file, s)| {
            let file = file.clone();
            s.items.iter_mut().find(|i| i.id == id).map(|i| (file, i))
        })
        .expect("the item");
    edit(item);
    (file, problems(&bundle))
}

// ---- the data ----------------------------------------------------------------------------------------------

#[test]
fn the_documents_the_clauses_require_are_all_there_and_required() {
    let cat = catalogue();
    for clause in [
        "4.3", "5.2", "6.1.2", "6.1.3", "6.1.4", "6.2", "7.2", "7.5.1", "8.1", "8.2", "8.3", "8.4",
        "9.1", "9.2.2", "9.3.3", "10.2",
    ] {
        let required: Vec<&str> = cat
            .documents()
            .iter()
            .filter(|d| {
                d.clauses.iter().any(|c| c == clause) && d.obligation == Obligation::Required
            })
            .map(|d| d.id.as_str())
            .collect();
        assert!(
            !required.is_empty(),
            "no required document comes from clause {clause}"
        );
    }
    // The ones an auditor asks for at stage 1, by the IDs the roadmap and the exports use.
    for (id, clause) in [
        ("aims-scope", "4.3"),
        ("ai-policy", "5.2"),
        ("risk-assessment-process", "6.1.2"),
        ("risk-treatment-process", "6.1.3"),
        ("statement-of-applicability", "6.1.3"),
        ("impact-assessment-results", "6.1.4"),
        ("ai-objectives", "6.2"),
        ("internal-audit-programme", "9.2.2"),
        ("internal-audit-results", "9.2.2"),
        ("management-review-results", "9.3.3"),
        ("nonconformities-and-corrective-actions", "10.2"),
    ] {
        let doc = cat.document(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(doc.obligation, Obligation::Required, "{id}");
        assert!(
            doc.clauses.iter().any(|c| c == clause),
            "{id} comes from {clause}"
        );
    }
}

#[test]
fn every_annex_a_control_that_says_to_document_something_has_an_entry() {
    let cat = catalogue();
    let covered: HashSet<&str> = cat
        .documents()
        .iter()
        .filter(|d| d.obligation == Obligation::Required)
        .flat_map(|d| d.clauses.iter().map(String::as_str))
        .collect();
    for control in [
        "A.2.2", "A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6", "A.5.3", "A.5.4", "A.5.5", "A.6.1.2",
        "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8",
        "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6", "A.8.2", "A.8.4", "A.8.5", "A.9.2", "A.9.3",
    ] {
        assert!(
            covered.contains(control),
            "no required document comes from {control}"
        );
    }
}

#[test]
fn documents_are_listed_against_the_items_they_are_evidence_for() {
    let cat = catalogue();
    let ids: Vec<&str> = cat
        .documents_for_item("6.1.3")
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    for id in [
        "risk-treatment-process",
        "statement-of-applicability",
        "risk-treatment-plan",
    ] {
        assert!(ids.contains(&id), "6.1.3 should list {id}: {ids:?}");
    }
    assert!(cat.documents_for_item("A.6.2.8")[0].id == "event-logs");
    assert!(cat.documents_for_item("no-such-item").is_empty());
    // IDs are stable slugs and unique, as the assessment file keys records by them.
    let mut seen = HashSet::new();
    for d in cat.documents() {
        assert!(is_slug(&d.id), "{}", d.id);
        assert!(seen.insert(d.id.as_str()), "{} twice", d.id);
    }
}

#[test]
fn the_status_rule_data_says_level_three_exists_and_one_draft() {
    let rule = catalogue().document_status_rule();
    assert_eq!((rule.exists_from_level, rule.draft_from_level), (3, 1));
    for d in catalogue().documents() {
        assert!(!d.status_from.is_empty(), "{}", d.id);
        assert!(
            d.status_from.iter().all(|s| d.evidence_for.contains(s)),
            "{}",
            d.id
        );
    }
}

#[test]
fn every_control_has_a_hint_and_clauses_have_none() {
    let cat = catalogue();
    for item in cat.items() {
        match item.kind {
            SectionKind::AnnexA => assert!(
                !cat.exclusion_hints(&item.id).is_empty(),
                "{} has no exclusion hint",
                item.id
            ),
            SectionKind::Clause => assert!(cat.exclusion_hints(&item.id).is_empty(), "{}", item.id),
        }
    }
    assert!(cat.exclusion_hints("A.99").is_empty());
}

#[test]
fn no_role_can_usually_exclude_the_ai_policy() {
    let cat = catalogue();
    for role in ROLE_KEYS {
        let hint = cat
            .exclusion_hint("A.2.2", role)
            .unwrap_or_else(|| panic!("A.2.2 has no hint for {role}"));
        assert_eq!(hint.can_exclude, Likelihood::Rarely, "{role}");
        // Clause-backed controls too: the standard asks for them in clauses 5.3, 6.1.4 and 8.4.
        for control in ["A.3.2", "A.5.2", "A.5.3"] {
            assert_eq!(
                cat.exclusion_hint(control, role).map(|h| h.can_exclude),
                Some(Likelihood::Rarely),
                "{control} for {role}"
            );
        }
    }
}

#[test]
fn an_ai_customer_that_does_not_develop_can_usually_exclude_development_controls() {
    let cat = catalogue();
    for control in ["A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.7.2"] {
        let customer = cat.exclusion_hint(control, "ai-customer").expect(control);
        assert_eq!(customer.can_exclude, Likelihood::Usually, "{control}");
        let producer = cat.exclusion_hint(control, "ai-producer").expect(control);
        assert_eq!(producer.can_exclude, Likelihood::Rarely, "{control}");
    }
    // …but not the controls about using AI.
    for control in ["A.9.2", "A.9.3", "A.9.4", "A.10.3"] {
        assert_eq!(
            cat.exclusion_hint(control, "ai-customer")
                .map(|h| h.can_exclude),
            Some(Likelihood::Rarely),
            "{control}"
        );
    }
}

#[test]
fn advice_for_several_roles_takes_the_stricter_hint() {
    let cat = catalogue();
    let customer = cat
        .exclusion_advice("A.6.2.3", &["ai-customer"])
        .expect("a hint for customers");
    assert_eq!(customer.can_exclude, Likelihood::Usually);
    assert_eq!(customer.hints.len(), 1);
    assert_eq!(customer.hints[0].1, ["ai-customer"]);

    let both = cat
        .exclusion_advice("A.6.2.3", &["ai-customer", "ai-producer"])
        .expect("hints for both");
    assert_eq!(both.can_exclude, Likelihood::Rarely);
    assert!(both
        .hints
        .iter()
        .all(|(h, _)| h.can_exclude == Likelihood::Rarely));
    assert_eq!(both.hints[0].1, ["ai-producer"]);

    // A role with no hint on the control suggests nothing, and neither do no roles.
    assert!(cat.exclusion_advice("A.6.2.3", &["ai-subject"]).is_none());
    assert!(cat.exclusion_advice("A.2.2", &[]).is_none());
    assert!(cat.exclusion_advice("4.1", &["ai-provider"]).is_none());
}

// ---- the rules -------------------------------------------------------------------------------------------

#[test]
fn the_shipped_register_and_hints_pass_every_rule() {
    let errors = problems(&embedded_bundle());
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn a_document_must_name_real_clauses_and_controls() {
    let errors = with_document(|d| d.clauses = vec!["6.1.5".into(), "A.6.10".into()]);
    assert_reported(
        &errors,
        DOCUMENTS,
        "statement-of-applicability",
        "clauses",
        "\"6.1.5\" is not",
    );
    assert_reported(
        &errors,
        DOCUMENTS,
        "statement-of-applicability",
        "clauses",
        "\"A.6.10\" is not",
    );
    let errors = with_document(|d| d.clauses.clear());
    assert_reported(
        &errors,
        DOCUMENTS,
        "statement-of-applicability",
        "clauses",
        "is empty",
    );
}

#[test]
fn a_document_must_be_evidence_for_real_items_including_its_own_clauses() {
    let errors = with_document(|d| d.evidence_for = vec!["9.9".into()]);
    assert_reported(
        &errors,
        DOCUMENTS,
        "statement-of-applicability",
        "evidence_for",
        "\"9.9\" is not",
    );
    assert_reported(
        &errors,
        DOCUMENTS,
        "statement-of-applicability",
        "evidence_for",
        "leaves out 6.1.3",
    );
    let errors = with_document(|d| d.evidence_for.push("6.1.3".into()));
    assert_reported(
        &errors,
        DOCUMENTS,
        "statement-of-applicability",
        "evidence_for",
        "twice",
    );
}

#[test]
fn a_document_status_comes_from_its_own_evidence() {
    let errors = with_document(|d| d.status_from = vec!["9.1".into()]);
    assert_reported(
        &errors,
        DOCUMENTS,
        "statement-of-applicability",
        "status_from",
        "not in evidence_for",
    );
    let errors = with_document(|d| d.status_from.clear());
    assert_reported(
        &errors,
        DOCUMENTS,
        "statement-of-applicability",
        "status_from",
        "is empty",
    );
}

#[test]
fn a_document_id_is_a_unique_slug_and_its_texts_are_not_empty() {
    for bad in [
        "Statement of Applicability",
        "soa_",
        "-soa",
        "soa--v2",
        "",
        "sóa",
    ] {
        let errors = with_document(|d| d.id = bad.into());
        assert!(
            errors
                .iter()
                .any(|p| p.contains("field `id`") && p.contains("not a slug")),
            "{bad:?}: {errors:#?}"
        );
    }
    let errors = with_document(|d| d.id = "ai-policy".into());
    assert_reported(&errors, DOCUMENTS, "ai-policy", "id", "used by two entries");
    let errors = with_document(|d| {
        d.title = " ".into();
        d.description = String::new();
    });
    assert_reported(
        &errors,
        DOCUMENTS,
        "statement-of-applicability",
        "title",
        "is empty",
    );
    assert_reported(
        &errors,
        DOCUMENTS,
        "statement-of-applicability",
        "description",
        "is empty",
    );
}

#[test]
fn the_register_must_have_entries_a_version_and_a_sound_status_rule() {
    let mut bundle = embedded_bundle();
    bundle.documents.documents.clear();
    bundle.documents.format_version = 7;
    bundle.documents.status_rule.draft_from_level = 3;
    let errors = problems(&bundle);
    for field in ["documents", "format_version", "status_rule"] {
        assert!(
            errors
                .iter()
                .any(|p| p.starts_with(DOCUMENTS) && p.contains(&format!("field `{field}`"))),
            "{field}: {errors:#?}"
        );
    }
}

#[test]
fn a_hint_must_name_real_roles_once_each() {
    let (file, errors) = with_control("A.6.1.2", |i| {
        i.exclusion_hints[0].roles = vec!["deployer".into(), "ai-customer".into()];
    });
    assert!(file.ends_with("A.6.toml"), "{file}");
    assert_reported(
        &errors,
        &file,
        "A.6.1.2",
        "exclusion_hints[0].roles",
        "\"deployer\" is not an ISO/IEC 22989 role",
    );
    // ai-customer is now in both hints of A.6.1.2: usually and rarely at once.
    assert_reported(
        &errors,
        &file,
        "A.6.1.2",
        "exclusion_hints[1].roles",
        "\"ai-customer\" already has hint",
    );
    let (file, errors) = with_control("A.6.1.2", |i| i.exclusion_hints[0].roles.clear());
    assert_reported(
        &errors,
        &file,
        "A.6.1.2",
        "exclusion_hints[0].roles",
        "is empty",
    );
}

#[test]
fn a_hint_gives_a_one_sentence_reason() {
    let (file, errors) = with_control("A.9.4", |i| i.exclusion_hints[0].reason = "  ".into());
    assert_reported(
        &errors,
        &file,
        "A.9.4",
        "exclusion_hints[0].reason",
        "is empty",
    );
    let (file, errors) = with_control("A.9.4", |i| {
        i.exclusion_hints[0].reason = "Customers use AI. So they need it.".into()
    });
    assert_reported(
        &errors,
        &file,
        "A.9.4",
        "exclusion_hints[0].reason",
        "one sentence",
    );
}

#[test]
fn clauses_take_no_hints() {
    let hint = catalogue().exclusion_hints("A.2.2")[0].clone();
    let (file, errors) = with_control("5.2", |i| i.exclusion_hints.push(hint));
    assert_reported(&errors, &file, "5.2", "exclusion_hints", "never excluded");
}

#[test]
fn role_keys_are_the_six_roles_of_iso_iec_22989() {
    assert_eq!(
        ROLE_KEYS,
        [
            "ai-provider",
            "ai-producer",
            "ai-customer",
            "ai-partner",
            "ai-subject",
            "relevant-authority"
        ]
    );
    assert!(ROLE_KEYS.iter().all(|r| is_slug(r)));
}
