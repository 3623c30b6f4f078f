//! Assessments shared by the codec and share-link tests.

#![allow(dead_code)]

use aims_readiness::assessment::{
    AddedControl, Answer, Assessment, DocumentStatus, ImplementationStatus, InclusionReason, Level,
    Mode, OrgSize, PolicyInputs, PolicyState, RiskAppetite, Roadmap, Role, Soa,
};
use aims_readiness::catalogue::{catalogue, SectionKind};

/// Annex A controls a mid-sized insurer that builds and deploys its own models might exclude, and why.
pub const NOT_APPLICABLE: &[(&str, &str)] = &[
    (
        "A.10.4",
        "We do not supply AI systems to customers; our models are used only by our own claims staff.",
    ),
    (
        "A.8.5",
        "No external interested parties receive information about our AI systems beyond the public privacy notice.",
    ),
    (
        "A.6.2.7",
        "Technical documentation for users is not needed: no system is offered outside the company.",
    ),
    (
        "A.10.3",
        "All models are trained in-house; no supplier provides AI components or services.",
    ),
];

/// A complete, realistic assessment: every item answered, some controls not applicable, notes and
/// owners on some items, the profile and the policy form filled in.
pub fn full_assessment() -> Assessment {
    let cat = catalogue();
    let mut a = Assessment::new(Mode::Full, "2025-03-01T09:30:00Z");
    a.touch("2025-03-14T16:05:27.512Z");
    a.set_target(3).unwrap();
    a.profile.name = "Northwind Mutual Insurance Ltd".to_owned();
    a.profile.roles = vec![Role::AiProducer, Role::AiCustomer];
    a.name = "2025 Q1 baseline".to_owned();
    a.profile.sector = "Financial services – motor and home insurance".to_owned();
    a.profile.size = Some(OrgSize::Medium);
    a.profile.systems_in_scope =
        "Claims triage model; fraud scoring service; customer-service chatbot built on a third-party LLM"
            .to_owned();
    for (n, item) in cat.items().enumerate() {
        if let Some((_, why)) = NOT_APPLICABLE.iter().find(|(id, _)| *id == item.id) {
            a.set_not_applicable(cat, &item.id, why).unwrap();
            continue;
        }
        let level = Level::new(((n * 7 + 3) % 6) as u8).unwrap();
        a.set_level(cat, &item.id, level).unwrap();
        if n % 5 == 0 {
            a.edit_response(cat, &item.id, |r| {
                r.notes =
                    format!("Discussed with the AI steering group; see minutes of meeting {n}.");
                r.evidence = "https://intranet.example/aims/evidence".to_owned();
                r.owner = "Head of AI governance".to_owned();
                r.due = "2025-09-30".to_owned();
            })
            .unwrap();
        }
        if item.id == "9.3.2" {
            a.edit_response(cat, &item.id, |r| {
                r.checkpoints = ["inputs-audit-results", "inputs-previous-actions"]
                    .map(str::to_owned)
                    .into();
            })
            .unwrap();
        }
        if item.kind == SectionKind::AnnexA
            && a.answer(&item.id)
                .is_some_and(|x| matches!(x, Answer::Level(_)))
            && n % 3 == 0
        {
            a.edit_soa_entry(cat, &item.id, |e| {
                e.reasons = [InclusionReason::RiskTreatment, InclusionReason::Legal].into();
                if n % 2 == 0 {
                    e.status = Some(ImplementationStatus::Planned);
                }
            })
            .unwrap();
        }
    }
    a.policy = PolicyState {
        inputs: PolicyInputs {
            scope: "All AI systems developed or deployed by Northwind Mutual for claims handling, fraud detection and customer service.".to_owned(),
            principles: vec!["C.2.5".to_owned(), "C.2.10".to_owned(), "C.2.11".to_owned()],
            extra_principles: "Customers can always reach a person.".to_owned(),
            risk_appetite: Some(RiskAppetite::Low),
            owner_role: "Head of AI governance".to_owned(),
            approver: "Board of directors".to_owned(),
            review_months: Some(12),
            version: "1.0".to_owned(),
            effective_date: "2025-04-01".to_owned(),
            related_policies: vec![
                "Information security policy".to_owned(),
                "Data protection policy".to_owned(),
            ],
            exceptions: "Requested in writing to the Head of AI governance and approved by the risk committee.".to_owned(),
        },
        edited_markdown: Some("# AI policy\n\nNorthwind Mutual uses AI responsibly.\n".to_owned()),
    };
    a.soa = Soa {
        version: "0.3".to_owned(),
        date: "2025-03-10".to_owned(),
        approver: "Chief Risk Officer".to_owned(),
        added: vec![AddedControl {
            reference: "ISO/IEC 27001 A.5.15".to_owned(),
            title: "Access control".to_owned(),
            source: "ISO/IEC 27001:2022".to_owned(),
            reasons: [InclusionReason::Contractual].into(),
            status: Some(ImplementationStatus::Implemented),
            notes: "Shared with the ISMS.".to_owned(),
        }],
        ..std::mem::take(&mut a.soa)
    };
    a.edit_document("aims-scope", |d| {
        d.status = Some(DocumentStatus::Exists);
        d.location = "SharePoint › AIMS › Scope".to_owned();
        d.owner = "Head of AI governance".to_owned();
        d.reviewed = "2025-02-20".to_owned();
    });
    a.edit_document("ai-policy", |d| d.status = Some(DocumentStatus::Draft));
    a.roadmap = Roadmap {
        stage1: "2025-09-15".to_owned(),
        stage2: "2025-11-03".to_owned(),
    };
    a
}

/// [`full_assessment`] as far as a file of schema `version` can hold it: version 1 had no name,
/// checkpoints, Statement of Applicability fields, documents register or roadmap.
pub fn full_assessment_as_of(version: u32) -> Assessment {
    let mut a = full_assessment();
    if version < 2 {
        a.name.clear();
        for r in a.responses.values_mut() {
            r.checkpoints.clear();
        }
        a.soa = Soa::default();
        a.documents.clear();
        a.roadmap = Roadmap::default();
    }
    a
}

pub mod arb {
    //! proptest strategies for assessments that satisfy the model's invariants.

    use std::collections::{BTreeMap, BTreeSet};

    use aims_readiness::assessment::{
        AddedControl, Answer, Assessment, DocumentRecord, DocumentStatus, ImplementationStatus,
        InclusionReason, Level, Mode, OrgSize, PolicyInputs, PolicyState, Profile, Response,
        RiskAppetite, Roadmap, Role, Soa, SoaEntry,
    };
    use aims_readiness::catalogue::{catalogue, SectionKind};
    use proptest::prelude::*;

    /// Any text, including control characters, markup and emoji.
    pub fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => Just(String::new()),
            3 => "\\PC{0,40}",
            1 => prop::collection::vec(any::<char>(), 0..40).prop_map(String::from_iter),
            1 => prop::sample::select(vec![
                "<img src=x onerror=alert(1)>".to_owned(),
                "\"quoted\" \\ back\\slash\n\ttab".to_owned(),
                "\u{202e}rtl\u{0000}nul".to_owned(),
            ]),
        ]
    }

    /// A YYYY-MM-DD date or empty.
    pub fn date() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            (1990u32..2100, 1u32..=12, 1u32..=28)
                .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        ]
    }

    /// An RFC 3339 timestamp, in the shapes browsers and people write.
    pub fn timestamp() -> impl Strategy<Value = String> {
        (
            (2000u32..2100, 1u32..=12, 1u32..=28),
            (0u32..24, 0u32..60, 0u32..60),
            prop::sample::select(vec!["Z", ".123Z", "+02:00", "-05:30", ".5+01:00"]),
        )
            .prop_map(|((y, mo, d), (h, mi, s), tail)| {
                format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{tail}")
            })
    }

    fn answer(annex_a: bool) -> BoxedStrategy<Option<Answer>> {
        let level = (0u8..=5).prop_map(|l| Answer::Level(Level::new(l).unwrap()));
        if annex_a {
            prop::option::of(prop_oneof![
                level,
                "[A-Za-z]\\PC{0,60}"
                    .prop_map(|justification| Answer::NotApplicable { justification }),
            ])
            .boxed()
        } else {
            prop::option::of(level).boxed()
        }
    }

    fn response(annex_a: bool) -> impl Strategy<Value = Response> {
        (
            answer(annex_a),
            text(),
            text(),
            text(),
            date(),
            checkpoints(),
        )
            .prop_map(
                |(answer, notes, evidence, owner, due, checkpoints)| Response {
                    answer,
                    notes,
                    evidence,
                    owner,
                    due,
                    checkpoints,
                },
            )
    }

    /// Ticked checkpoint IDs: slugs, known to the content or not.
    fn checkpoints() -> impl Strategy<Value = BTreeSet<String>> {
        prop::collection::btree_set("[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", 0..4)
    }

    fn reasons() -> impl Strategy<Value = BTreeSet<InclusionReason>> {
        prop::sample::subsequence(InclusionReason::ALL.to_vec(), 0..=5)
            .prop_map(BTreeSet::from_iter)
    }

    fn status() -> impl Strategy<Value = Option<ImplementationStatus>> {
        prop::option::of(prop::sample::select(ImplementationStatus::ALL.to_vec()))
    }

    fn soa() -> impl Strategy<Value = Soa> {
        let controls: Vec<String> = catalogue()
            .items()
            .filter(|i| i.kind == SectionKind::AnnexA)
            .map(|i| i.id.clone())
            .collect();
        let entries = prop::collection::btree_map(
            prop::sample::select(controls),
            (reasons(), status())
                .prop_map(|(reasons, status)| SoaEntry { reasons, status })
                .prop_filter("stored entries are not empty", |e| !e.is_empty()),
            0..6,
        );
        let added = prop::collection::vec(
            ((text(), text(), text()), reasons(), status(), text()).prop_map(
                |((reference, title, source), reasons, status, notes)| AddedControl {
                    reference,
                    title,
                    source,
                    reasons,
                    status,
                    notes,
                },
            ),
            0..3,
        );
        ((text(), date(), text()), entries, added).prop_map(
            |((version, date, approver), controls, added)| Soa {
                version,
                date,
                approver,
                controls,
                added,
            },
        )
    }

    fn documents() -> impl Strategy<Value = BTreeMap<String, DocumentRecord>> {
        prop::collection::btree_map(
            "[a-z]{1,8}(-[a-z0-9]{1,8}){0,2}",
            (
                prop::option::of(prop::sample::select(DocumentStatus::ALL.to_vec())),
                text(),
                text(),
                date(),
            )
                .prop_map(|(status, location, owner, reviewed)| DocumentRecord {
                    status,
                    location,
                    owner,
                    reviewed,
                })
                .prop_filter("stored records are not empty", |d| !d.is_empty()),
            0..4,
        )
    }

    fn responses() -> impl Strategy<Value = BTreeMap<String, Response>> {
        let mut ids: Vec<(String, bool)> = catalogue()
            .items()
            .map(|i| (i.id.clone(), i.kind == SectionKind::AnnexA))
            .collect();
        // IDs from some other version of the content: kept, never dropped.
        ids.extend([("Z.1".to_owned(), true), ("A.11.1".to_owned(), true)]);
        let len = ids.len();
        prop::sample::subsequence(ids, 0..=len).prop_flat_map(|chosen| {
            chosen
                .into_iter()
                .map(|(id, annex_a)| response(annex_a).prop_map(move |r| (id.clone(), r)))
                .collect::<Vec<_>>()
                .prop_map(BTreeMap::from_iter)
        })
    }

    fn profile() -> impl Strategy<Value = Profile> {
        (
            text(),
            prop::sample::subsequence(Role::ALL.to_vec(), 0..=6),
            text(),
            prop::option::of(prop::sample::select(OrgSize::ALL.to_vec())),
            text(),
        )
            .prop_map(|(name, roles, sector, size, systems_in_scope)| Profile {
                name,
                roles,
                sector,
                size,
                systems_in_scope,
            })
    }

    fn policy() -> impl Strategy<Value = PolicyState> {
        let principles = prop::collection::vec(
            prop_oneof![
                prop::sample::select(
                    catalogue()
                        .objectives
                        .iter()
                        .map(|o| o.id.clone())
                        .collect::<Vec<_>>()
                ),
                text(),
            ],
            0..5,
        );
        (
            (
                text(),
                principles,
                text(),
                prop::option::of(prop::sample::select(RiskAppetite::ALL.to_vec())),
            ),
            (text(), text(), any::<Option<u8>>(), text()),
            (
                date(),
                prop::collection::vec(text(), 0..4),
                text(),
                prop::option::of(text()),
            ),
        )
            .prop_map(
                |(
                    (scope, principles, extra_principles, risk_appetite),
                    (owner_role, approver, review_months, version),
                    (effective_date, related_policies, exceptions, edited_markdown),
                )| PolicyState {
                    inputs: PolicyInputs {
                        scope,
                        principles,
                        extra_principles,
                        risk_appetite,
                        owner_role,
                        approver,
                        review_months,
                        version,
                        effective_date,
                        related_policies,
                        exceptions,
                    },
                    edited_markdown,
                },
            )
    }

    /// Any assessment the app could hold.
    pub fn assessment() -> impl Strategy<Value = Assessment> {
        (
            profile(),
            prop::sample::select(vec![Mode::Quick, Mode::Full]),
            2u8..=5,
            timestamp(),
            timestamp(),
            responses(),
            policy(),
            (text(), soa(), documents(), (date(), date())),
        )
            .prop_map(
                |(
                    profile,
                    mode,
                    target,
                    created,
                    updated,
                    responses,
                    policy,
                    (name, soa, documents, (stage1, stage2)),
                )| Assessment {
                    name,
                    profile,
                    mode,
                    target,
                    created,
                    updated,
                    responses,
                    policy,
                    soa,
                    documents,
                    roadmap: Roadmap { stage1, stage2 },
                },
            )
    }
}
