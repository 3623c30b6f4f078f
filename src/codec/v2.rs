//! Schema version 2 of the assessment file: serde types of their own, and the conversions to and from the
//! in-memory model with every check a hand-edited or hostile file needs.
//!
//! Keys of enums are spelled here, not borrowed from the model, so renaming a model variant cannot change
//! files; the conversions are exhaustive matches, so adding one fails to compile until the format says how
//! to write it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{
    shorten, ImportError, ImportWarning, Preview, Problem, Tally, FORMAT, MAX_ITEM_ID_CHARS,
    MAX_LIST_LEN, MAX_MARKDOWN_CHARS, MAX_TEXT_CHARS, SCHEMA_VERSION,
};
use crate::assessment::{
    AddedControl, Answer, Assessment, DocumentRecord, DocumentStatus, ImplementationStatus,
    InclusionReason, Level, Mode, OrgSize, PolicyInputs, PolicyState, Profile, Response,
    RiskAppetite, Roadmap, Role, Soa, SoaEntry, MAX_TARGET, MIN_TARGET,
};
use crate::catalogue::{is_slug, Catalogue, SectionKind, CONTENT_FORMAT_VERSION};

/// A readiness self-assessment against ISO/IEC 42001:2023, as exported by the app (schema version 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "AIMS readiness assessment"))]
#[serde(deny_unknown_fields)]
pub struct FileV2 {
    /// Always "aims-readiness/assessment".
    #[cfg_attr(feature = "schema", schemars(extend("const" = "aims-readiness/assessment")))]
    pub format: String,
    /// The version of this format: 2.
    #[cfg_attr(feature = "schema", schemars(extend("const" = 2)))]
    pub schema_version: u64,
    /// The version of the app that wrote the file (informative).
    #[cfg_attr(feature = "schema", schemars(length(max = 100)))]
    pub app_version: String,
    /// The version of the questionnaire content the answers were given against (informative).
    pub content_version: u64,
    /// The assessment's own name ("2027 Q1"), may be empty.
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub name: String,
    /// When the assessment was started, RFC 3339.
    #[cfg_attr(feature = "schema", schemars(extend("format" = "date-time")))]
    pub created: String,
    /// When it was last changed, RFC 3339.
    #[cfg_attr(feature = "schema", schemars(extend("format" = "date-time")))]
    pub updated: String,
    pub mode: ModeV2,
    /// The maturity level scored against, 2 … 5.
    #[cfg_attr(feature = "schema", schemars(range(min = 2, max = 5)))]
    pub target: u64,
    pub profile: ProfileV2,
    /// Answers keyed by item ID ("6.1.2", "A.6.2.4"). IDs the app does not know are kept.
    #[cfg_attr(feature = "schema", schemars(extend("propertyNames" = {"minLength": 1, "maxLength": 64})))]
    pub answers: BTreeMap<String, ResponseV2>,
    pub soa: SoaV2,
    /// The register of required documented information, keyed by document ID ("aims-scope"). IDs the
    /// app does not know are kept.
    #[cfg_attr(feature = "schema", schemars(extend("propertyNames" = {"minLength": 1, "maxLength": 64})))]
    pub documents: BTreeMap<String, DocumentV2>,
    pub roadmap: RoadmapV2,
    pub policy: PolicyV2,
}

/// The Statement of Applicability's own fields. An excluded control is an answer with
/// `"not_applicable": true` and its justification; what is here is the rest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SoaV2 {
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub version: String,
    /// A date, YYYY-MM-DD, or empty.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^(\d{4}-\d{2}-\d{2})?$"))
    )]
    pub date: String,
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub approver: String,
    /// Per Annex A control ("A.6.2.4"): why it is included and how far it is implemented.
    #[cfg_attr(feature = "schema", schemars(extend("propertyNames" = {"minLength": 1, "maxLength": 64})))]
    pub controls: BTreeMap<String, SoaEntryV2>,
    /// Controls applied from other sources.
    #[cfg_attr(feature = "schema", schemars(length(max = 200)))]
    pub added: Vec<AddedControlV2>,
}

/// One Annex A control's inclusion reasons and implementation status; empty fields are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SoaEntryV2 {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub reasons: Vec<ReasonV2>,
    /// As set by the user; left out when the level's suggestion applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusV2>,
}

/// A control from another source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AddedControlV2 {
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub reference: String,
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub title: String,
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub source: String,
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub reasons: Vec<ReasonV2>,
    pub status: Option<StatusV2>,
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub notes: String,
}

/// Why a control is included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ReasonV2 {
    RiskTreatment,
    Legal,
    Contractual,
    InterestedParty,
    Organisational,
}

/// How far a control is implemented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum StatusV2 {
    NotStarted,
    Planned,
    Partial,
    Implemented,
}

/// One entry of the documents register; empty fields are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DocumentV2 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DocumentStatusV2>,
    /// Where it is kept.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub location: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub owner: String,
    /// When it was last reviewed, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^(\d{4}-\d{2}-\d{2})?$"))
    )]
    pub reviewed: String,
}

/// Whether a document exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DocumentStatusV2 {
    Exists,
    Draft,
    Missing,
}

/// The planned certification audits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoadmapV2 {
    /// The planned stage 1 audit, YYYY-MM-DD, or empty.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^(\d{4}-\d{2}-\d{2})?$"))
    )]
    pub stage1: String,
    /// The planned stage 2 audit, YYYY-MM-DD, or empty.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^(\d{4}-\d{2}-\d{2})?$"))
    )]
    pub stage2: String,
}

/// Quick scan (the items marked quick) or the full assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ModeV2 {
    Quick,
    Full,
}

/// The organisation being assessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfileV2 {
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub name: String,
    /// Roles in the AI value chain, each at most once.
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub roles: Vec<RoleV2>,
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub sector: String,
    pub size: Option<SizeV2>,
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub systems_in_scope: String,
}

/// A role towards AI, as ISO/IEC 22989 names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum RoleV2 {
    AiProvider,
    AiProducer,
    AiCustomer,
    AiPartner,
    AiSubject,
    RelevantAuthority,
}

/// The organisation's size by head count: micro 1–9, small 10–49, medium 50–249, large 250 or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SizeV2 {
    Micro,
    Small,
    Medium,
    Large,
}

/// Everything recorded against one item. At most one of `level` and `not_applicable`; empty fields are
/// left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResponseV2 {
    /// The maturity level, 0 (Not started) … 5 (Optimising).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 5)))]
    pub level: Option<u64>,
    /// Annex A controls only, and only with a justification.
    #[serde(default, skip_serializing_if = "is_false")]
    pub not_applicable: bool,
    /// Why the control is not applicable; required (not blank) with `not_applicable`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub justification: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub notes: String,
    /// Free text and links, kept as text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub evidence: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub owner: String,
    /// A date, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^(\d{4}-\d{2}-\d{2})?$"))
    )]
    pub due: String,
    /// IDs of the item's checkpoints that are ticked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(
        feature = "schema",
        schemars(length(max = 200), extend("uniqueItems" = true), inner(length(min = 1, max = 64)))
    )]
    pub checkpoints: Vec<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The policy drafter's form and, once edited by hand, the draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PolicyV2 {
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub scope: String,
    /// Annex C.2 objective IDs ("C.2.5").
    #[cfg_attr(
        feature = "schema",
        schemars(length(max = 200), inner(length(max = 20000)))
    )]
    pub principles: Vec<String>,
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub extra_principles: String,
    pub risk_appetite: Option<RiskAppetiteV2>,
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub owner_role: String,
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub approver: String,
    /// Months between planned reviews.
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 255)))]
    pub review_months: Option<u64>,
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub version: String,
    /// A date, YYYY-MM-DD, or empty.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^(\d{4}-\d{2}-\d{2})?$"))
    )]
    pub effective_date: String,
    #[cfg_attr(
        feature = "schema",
        schemars(length(max = 200), inner(length(max = 20000)))
    )]
    pub related_policies: Vec<String>,
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub exceptions: String,
    /// The policy as edited by hand (Markdown), or null while it is generated from the form.
    #[cfg_attr(feature = "schema", schemars(length(max = 200000)))]
    pub edited_markdown: Option<String>,
}

/// How much AI risk the organisation is willing to take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RiskAppetiteV2 {
    Low,
    Moderate,
    High,
}

/// How much of an assessment to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything: files and localStorage, or a share link with notes.
    Everything,
    /// Without notes, evidence, owners, due dates, where documents are kept and who owns them, the notes of
    /// added controls and the edited policy: a share link by default.
    /// Not-applicable justifications stay, since an N/A answer needs one.
    WithoutNotes,
}

impl FileV2 {
    /// The file for an assessment.
    pub fn from_assessment(a: &Assessment, detail: Detail) -> FileV2 {
        let everything = detail == Detail::Everything;
        let keep = |s: &String| if everything { s.clone() } else { String::new() };
        let answers = a
            .responses
            .iter()
            .map(|(id, r)| {
                let (level, not_applicable, justification) = match &r.answer {
                    None => (None, false, String::new()),
                    Some(Answer::Level(level)) => {
                        (Some(u64::from(level.get())), false, String::new())
                    }
                    Some(Answer::NotApplicable { justification }) => {
                        (None, true, justification.clone())
                    }
                };
                let response = ResponseV2 {
                    level,
                    not_applicable,
                    justification,
                    notes: keep(&r.notes),
                    evidence: keep(&r.evidence),
                    owner: keep(&r.owner),
                    due: keep(&r.due),
                    checkpoints: r.checkpoints.iter().cloned().collect(),
                };
                (id.clone(), response)
            })
            .filter(|(_, r)| everything || *r != ResponseV2::default())
            .collect();
        let p = &a.policy.inputs;
        FileV2 {
            format: FORMAT.to_owned(),
            schema_version: u64::from(SCHEMA_VERSION),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            content_version: u64::from(CONTENT_FORMAT_VERSION),
            name: a.name.clone(),
            created: a.created.clone(),
            updated: a.updated.clone(),
            mode: match a.mode {
                Mode::Quick => ModeV2::Quick,
                Mode::Full => ModeV2::Full,
            },
            target: u64::from(a.target),
            profile: ProfileV2 {
                name: a.profile.name.clone(),
                roles: a.profile.roles.iter().map(|&r| role_v2(r)).collect(),
                sector: a.profile.sector.clone(),
                size: a.profile.size.map(|s| match s {
                    OrgSize::Micro => SizeV2::Micro,
                    OrgSize::Small => SizeV2::Small,
                    OrgSize::Medium => SizeV2::Medium,
                    OrgSize::Large => SizeV2::Large,
                }),
                systems_in_scope: a.profile.systems_in_scope.clone(),
            },
            answers,
            soa: SoaV2 {
                version: a.soa.version.clone(),
                date: a.soa.date.clone(),
                approver: a.soa.approver.clone(),
                controls: a
                    .soa
                    .controls
                    .iter()
                    .map(|(id, e)| {
                        let entry = SoaEntryV2 {
                            reasons: e.reasons.iter().map(|&r| reason_v2(r)).collect(),
                            status: e.status.map(status_v2),
                        };
                        (id.clone(), entry)
                    })
                    .collect(),
                added: a
                    .soa
                    .added
                    .iter()
                    .map(|c| AddedControlV2 {
                        reference: c.reference.clone(),
                        title: c.title.clone(),
                        source: c.source.clone(),
                        reasons: c.reasons.iter().map(|&r| reason_v2(r)).collect(),
                        status: c.status.map(status_v2),
                        notes: keep(&c.notes),
                    })
                    .collect(),
            },
            documents: a
                .documents
                .iter()
                .map(|(id, d)| {
                    let record = DocumentV2 {
                        status: d.status.map(|s| match s {
                            DocumentStatus::Exists => DocumentStatusV2::Exists,
                            DocumentStatus::Draft => DocumentStatusV2::Draft,
                            DocumentStatus::Missing => DocumentStatusV2::Missing,
                        }),
                        location: keep(&d.location),
                        owner: keep(&d.owner),
                        reviewed: d.reviewed.clone(),
                    };
                    (id.clone(), record)
                })
                .filter(|(_, d)| *d != DocumentV2::default())
                .collect(),
            roadmap: RoadmapV2 {
                stage1: a.roadmap.stage1.clone(),
                stage2: a.roadmap.stage2.clone(),
            },
            policy: PolicyV2 {
                scope: p.scope.clone(),
                principles: p.principles.clone(),
                extra_principles: p.extra_principles.clone(),
                risk_appetite: p.risk_appetite.map(|r| match r {
                    RiskAppetite::Low => RiskAppetiteV2::Low,
                    RiskAppetite::Moderate => RiskAppetiteV2::Moderate,
                    RiskAppetite::High => RiskAppetiteV2::High,
                }),
                owner_role: p.owner_role.clone(),
                approver: p.approver.clone(),
                review_months: p.review_months.map(u64::from),
                version: p.version.clone(),
                effective_date: p.effective_date.clone(),
                related_policies: p.related_policies.clone(),
                exceptions: p.exceptions.clone(),
                edited_markdown: if everything {
                    a.policy.edited_markdown.clone()
                } else {
                    None
                },
            },
        }
    }

    /// Checks every value and builds the assessment; every problem is reported, not just the first.
    pub fn into_preview(self, catalogue: &Catalogue) -> Result<Preview, ImportError> {
        let mut check = Checker::default();
        if self.format != FORMAT {
            check.problem("format", format!("must be \"{FORMAT}\""));
        }
        if self.schema_version != u64::from(SCHEMA_VERSION) {
            check.problem("schema_version", format!("must be {SCHEMA_VERSION}"));
        }
        check.text("app_version", &self.app_version, 100);
        if self.content_version != u64::from(CONTENT_FORMAT_VERSION) {
            check.warnings.push(ImportWarning::ContentVersion {
                file: self.content_version,
                app: CONTENT_FORMAT_VERSION,
            });
        }
        check.text("name", &self.name, MAX_TEXT_CHARS);
        check.timestamp("created", &self.created);
        check.timestamp("updated", &self.updated);
        let target = match u8::try_from(self.target) {
            Ok(t) if (MIN_TARGET..=MAX_TARGET).contains(&t) => t,
            _ => {
                check.problem(
                    "target",
                    format!(
                        "{} is not a target level; choose {MIN_TARGET} to {MAX_TARGET}",
                        self.target
                    ),
                );
                MIN_TARGET
            }
        };

        let profile = self.profile;
        check.text("profile › name", &profile.name, MAX_TEXT_CHARS);
        check.text("profile › sector", &profile.sector, MAX_TEXT_CHARS);
        check.text(
            "profile › systems_in_scope",
            &profile.systems_in_scope,
            MAX_TEXT_CHARS,
        );
        let mut roles: Vec<Role> = profile.roles.into_iter().map(role).collect();
        roles.sort();
        roles.dedup();

        let mut responses = BTreeMap::new();
        let mut answered = 0;
        let mut unknown_items = Tally::default();
        for (id, r) in self.answers {
            if let Some(response) = check.response(catalogue, &id, r) {
                if catalogue.item(&id).is_none() {
                    unknown_items.add(&id);
                } else if response.answer.is_some() {
                    answered += 1;
                }
                responses.insert(id, response);
            }
        }
        check.warnings.extend(
            unknown_items
                .warning(|count, examples| ImportWarning::UnknownItems { count, examples }),
        );

        let soa = check.soa(catalogue, self.soa);
        let documents = check.documents(self.documents);
        check.date("roadmap › stage1", &self.roadmap.stage1);
        check.date("roadmap › stage2", &self.roadmap.stage2);

        let p = self.policy;
        check.text("policy › scope", &p.scope, MAX_TEXT_CHARS);
        check.list("policy › principles", &p.principles);
        let mut unknown_principles = Tally::default();
        for id in &p.principles {
            if !catalogue.objectives.iter().any(|o| &o.id == id) {
                unknown_principles.add(id);
            }
        }
        check.text(
            "policy › extra_principles",
            &p.extra_principles,
            MAX_TEXT_CHARS,
        );
        check.text("policy › owner_role", &p.owner_role, MAX_TEXT_CHARS);
        check.text("policy › approver", &p.approver, MAX_TEXT_CHARS);
        let review_months = p.review_months.and_then(|m| match u8::try_from(m) {
            Ok(m) => Some(m),
            Err(_) => {
                check.problem(
                    "policy › review_months",
                    format!("{m} months is too long; use at most 255"),
                );
                None
            }
        });
        check.text("policy › version", &p.version, MAX_TEXT_CHARS);
        check.date("policy › effective_date", &p.effective_date);
        check.list("policy › related_policies", &p.related_policies);
        check.text("policy › exceptions", &p.exceptions, MAX_TEXT_CHARS);
        if let Some(markdown) = &p.edited_markdown {
            check.text("policy › edited_markdown", markdown, MAX_MARKDOWN_CHARS);
        }

        check.warnings.extend(
            unknown_principles
                .warning(|count, examples| ImportWarning::UnknownPrinciples { count, examples }),
        );
        if !check.problems.is_empty() {
            return Err(ImportError::Invalid {
                problems: check.problems,
            });
        }
        let assessment = Assessment {
            name: self.name,
            profile: Profile {
                name: profile.name,
                roles,
                sector: profile.sector,
                size: profile.size.map(|s| match s {
                    SizeV2::Micro => OrgSize::Micro,
                    SizeV2::Small => OrgSize::Small,
                    SizeV2::Medium => OrgSize::Medium,
                    SizeV2::Large => OrgSize::Large,
                }),
                systems_in_scope: profile.systems_in_scope,
            },
            mode: match self.mode {
                ModeV2::Quick => Mode::Quick,
                ModeV2::Full => Mode::Full,
            },
            target,
            created: self.created,
            updated: self.updated,
            responses,
            policy: PolicyState {
                inputs: PolicyInputs {
                    scope: p.scope,
                    principles: p.principles,
                    extra_principles: p.extra_principles,
                    risk_appetite: p.risk_appetite.map(|r| match r {
                        RiskAppetiteV2::Low => RiskAppetite::Low,
                        RiskAppetiteV2::Moderate => RiskAppetite::Moderate,
                        RiskAppetiteV2::High => RiskAppetite::High,
                    }),
                    owner_role: p.owner_role,
                    approver: p.approver,
                    review_months,
                    version: p.version,
                    effective_date: p.effective_date,
                    related_policies: p.related_policies,
                    exceptions: p.exceptions,
                },
                edited_markdown: p.edited_markdown,
            },
            soa,
            documents,
            roadmap: Roadmap {
                stage1: self.roadmap.stage1,
                stage2: self.roadmap.stage2,
            },
        };
        Ok(Preview {
            assessment,
            warnings: check.warnings,
            schema_version: self.schema_version,
            app_version: self.app_version,
            answered,
        })
    }
}

fn role_v2(role: Role) -> RoleV2 {
    match role {
        Role::AiProvider => RoleV2::AiProvider,
        Role::AiProducer => RoleV2::AiProducer,
        Role::AiCustomer => RoleV2::AiCustomer,
        Role::AiPartner => RoleV2::AiPartner,
        Role::AiSubject => RoleV2::AiSubject,
        Role::RelevantAuthority => RoleV2::RelevantAuthority,
    }
}

fn role(role: RoleV2) -> Role {
    match role {
        RoleV2::AiProvider => Role::AiProvider,
        RoleV2::AiProducer => Role::AiProducer,
        RoleV2::AiCustomer => Role::AiCustomer,
        RoleV2::AiPartner => Role::AiPartner,
        RoleV2::AiSubject => Role::AiSubject,
        RoleV2::RelevantAuthority => Role::RelevantAuthority,
    }
}

fn reason_v2(reason: InclusionReason) -> ReasonV2 {
    match reason {
        InclusionReason::RiskTreatment => ReasonV2::RiskTreatment,
        InclusionReason::Legal => ReasonV2::Legal,
        InclusionReason::Contractual => ReasonV2::Contractual,
        InclusionReason::InterestedParty => ReasonV2::InterestedParty,
        InclusionReason::Organisational => ReasonV2::Organisational,
    }
}

fn reason(reason: ReasonV2) -> InclusionReason {
    match reason {
        ReasonV2::RiskTreatment => InclusionReason::RiskTreatment,
        ReasonV2::Legal => InclusionReason::Legal,
        ReasonV2::Contractual => InclusionReason::Contractual,
        ReasonV2::InterestedParty => InclusionReason::InterestedParty,
        ReasonV2::Organisational => InclusionReason::Organisational,
    }
}

fn status_v2(status: ImplementationStatus) -> StatusV2 {
    match status {
        ImplementationStatus::NotStarted => StatusV2::NotStarted,
        ImplementationStatus::Planned => StatusV2::Planned,
        ImplementationStatus::Partial => StatusV2::Partial,
        ImplementationStatus::Implemented => StatusV2::Implemented,
    }
}

fn status(status: StatusV2) -> ImplementationStatus {
    match status {
        StatusV2::NotStarted => ImplementationStatus::NotStarted,
        StatusV2::Planned => ImplementationStatus::Planned,
        StatusV2::Partial => ImplementationStatus::Partial,
        StatusV2::Implemented => ImplementationStatus::Implemented,
    }
}

/// Collects problems and warnings while a file is converted.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    warnings: Vec<ImportWarning>,
}

impl Checker {
    /// Records a problem; `path` is written out only here, so checking costs no text when all is well.
    fn problem(&mut self, path: impl fmt::Display, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_string(),
            message: message.into(),
        });
    }

    fn text(&mut self, path: impl fmt::Display, text: &str, max: usize) {
        // Cheap test first: a string of at most `max` bytes has at most `max` characters.
        if text.len() > max && text.chars().count() > max {
            self.problem(
                path,
                format!(
                    "is {} characters long, more than the {max} allowed: shorten it",
                    text.chars().count()
                ),
            );
        }
    }

    fn list(&mut self, path: &str, list: &[String]) {
        if list.len() > MAX_LIST_LEN {
            self.problem(
                path,
                format!("has {} entries; the most is {MAX_LIST_LEN}", list.len()),
            );
        }
        for (i, entry) in list.iter().enumerate() {
            self.text(format_args!("{path}[{i}]"), entry, MAX_TEXT_CHARS);
        }
    }

    fn date(&mut self, path: impl fmt::Display, date: &str) {
        if !date.is_empty() && !is_date(date) {
            self.problem(
                path,
                format!(
                    "{:?} is not a date; write it as YYYY-MM-DD (2025-06-30) or leave it empty",
                    shorten(date, 40)
                ),
            );
        }
    }

    fn timestamp(&mut self, path: &str, value: &str) {
        if !is_rfc3339(value) {
            self.problem(
                path,
                format!(
                    "{:?} is not an RFC 3339 timestamp such as 2025-03-01T09:30:00Z",
                    shorten(value, 40)
                ),
            );
        }
    }

    /// An ID used as a key (of the SoA's controls, of the documents register): not blank, short.
    fn key(&mut self, place: &str, id: &str, examples: &str) {
        if id.trim().is_empty() {
            self.problem(place, format!("an ID is empty; use IDs such as {examples}"));
        } else if id.chars().count() > MAX_ITEM_ID_CHARS {
            self.problem(
                format_args!("{place} › {}", shorten(id, 80)),
                format!("is not an ID: IDs are short, like {examples} (at most {MAX_ITEM_ID_CHARS} characters)"),
            );
        }
    }

    fn reasons(
        &mut self,
        path: impl fmt::Display,
        reasons: &[ReasonV2],
    ) -> BTreeSet<InclusionReason> {
        let set: BTreeSet<InclusionReason> = reasons.iter().map(|&r| reason(r)).collect();
        if set.len() < reasons.len() {
            self.problem(path, "names a reason twice: keep each reason once");
        }
        set
    }

    fn soa(&mut self, catalogue: &Catalogue, soa: SoaV2) -> Soa {
        self.text("soa › version", &soa.version, MAX_TEXT_CHARS);
        self.date("soa › date", &soa.date);
        self.text("soa › approver", &soa.approver, MAX_TEXT_CHARS);
        let mut controls = BTreeMap::new();
        for (id, entry) in soa.controls {
            self.key("soa › controls", &id, "A.6.2.4");
            if catalogue
                .item(&id)
                .is_some_and(|i| i.kind == SectionKind::Clause)
            {
                self.problem(
                    format_args!("soa › controls › {}", shorten(&id, 80)),
                    "is a clause requirement: only Annex A controls have an entry in the Statement of Applicability",
                );
            }
            let entry = SoaEntry {
                reasons: self.reasons(
                    format_args!("soa › controls › {} › reasons", shorten(&id, 80)),
                    &entry.reasons,
                ),
                status: entry.status.map(status),
            };
            if !entry.is_empty() {
                controls.insert(id, entry);
            }
        }
        if soa.added.len() > MAX_LIST_LEN {
            self.problem(
                "soa › added",
                format!(
                    "has {} entries; the most is {MAX_LIST_LEN}",
                    soa.added.len()
                ),
            );
        }
        let mut added = Vec::with_capacity(soa.added.len().min(MAX_LIST_LEN));
        for (i, c) in soa.added.into_iter().enumerate() {
            let at = |field: &str| format!("soa › added[{i}] › {field}");
            self.text(at("reference"), &c.reference, MAX_TEXT_CHARS);
            self.text(at("title"), &c.title, MAX_TEXT_CHARS);
            self.text(at("source"), &c.source, MAX_TEXT_CHARS);
            self.text(at("notes"), &c.notes, MAX_TEXT_CHARS);
            let reasons = self.reasons(at("reasons"), &c.reasons);
            added.push(AddedControl {
                reference: c.reference,
                title: c.title,
                source: c.source,
                reasons,
                status: c.status.map(status),
                notes: c.notes,
            });
        }
        Soa {
            version: soa.version,
            date: soa.date,
            approver: soa.approver,
            controls,
            added,
        }
    }

    fn documents(
        &mut self,
        documents: BTreeMap<String, DocumentV2>,
    ) -> BTreeMap<String, DocumentRecord> {
        let mut out = BTreeMap::new();
        for (id, d) in documents {
            self.key("documents", &id, "aims-scope or ai-policy");
            let at = |field: &str| format!("documents › {} › {field}", shorten(&id, 80));
            self.text(at("location"), &d.location, MAX_TEXT_CHARS);
            self.text(at("owner"), &d.owner, MAX_TEXT_CHARS);
            self.date(at("reviewed"), &d.reviewed);
            let record = DocumentRecord {
                status: d.status.map(|s| match s {
                    DocumentStatusV2::Exists => DocumentStatus::Exists,
                    DocumentStatusV2::Draft => DocumentStatus::Draft,
                    DocumentStatusV2::Missing => DocumentStatus::Missing,
                }),
                location: d.location,
                owner: d.owner,
                reviewed: d.reviewed,
            };
            if !record.is_empty() {
                out.insert(id, record);
            }
        }
        out
    }

    /// Checks one answer; `None` if it has problems (they are recorded).
    fn response(&mut self, catalogue: &Catalogue, id: &str, r: ResponseV2) -> Option<Response> {
        let before = self.problems.len();
        let shown = || shorten(id, 80);
        let at = |field| AnswerField { id, field };
        if id.trim().is_empty() {
            self.problem(
                "answers",
                "an item ID is empty; use IDs such as 6.1.2 or A.6.2.4",
            );
        } else if id.chars().count() > MAX_ITEM_ID_CHARS {
            self.problem(
                format_args!("answers › {}", shown()),
                format!("is not an item ID: IDs are short, like 6.1.2 or A.6.2.4 (at most {MAX_ITEM_ID_CHARS} characters)"),
            );
        }
        let item = catalogue.item(id);
        let answer = match (r.level, r.not_applicable) {
            (Some(_), true) => {
                self.problem(
                    at("level"),
                    "has both a level and \"not_applicable\": keep one of them",
                );
                None
            }
            (Some(level), false) => match u8::try_from(level).ok().and_then(Level::new) {
                Some(level) => Some(Answer::Level(level)),
                None => {
                    self.problem(
                        at("level"),
                        format!("{level} is not a maturity level; use 0 (Not started) to 5 (Optimising)"),
                    );
                    None
                }
            },
            (None, true) => {
                if item.is_some_and(|i| i.kind == SectionKind::Clause) {
                    self.problem(
                        at("not_applicable"),
                        format!("{} is a clause requirement: every clause applies, so it cannot be marked not applicable", shown()),
                    );
                }
                if r.justification.trim().is_empty() {
                    self.problem(
                        at("justification"),
                        format!("{} is marked not applicable without a justification; say why it does not apply", shown()),
                    );
                }
                Some(Answer::NotApplicable {
                    justification: r.justification.clone(),
                })
            }
            (None, false) => None,
        };
        if !r.not_applicable && !r.justification.is_empty() {
            self.problem(
                at("justification"),
                "is only for answers marked \"not_applicable\": remove it or mark the item not applicable",
            );
        }
        self.text(at("justification"), &r.justification, MAX_TEXT_CHARS);
        self.text(at("notes"), &r.notes, MAX_TEXT_CHARS);
        self.text(at("evidence"), &r.evidence, MAX_TEXT_CHARS);
        self.text(at("owner"), &r.owner, MAX_TEXT_CHARS);
        self.date(at("due"), &r.due);
        if r.checkpoints.len() > MAX_LIST_LEN {
            self.problem(
                at("checkpoints"),
                format!(
                    "has {} entries; the most is {MAX_LIST_LEN}",
                    r.checkpoints.len()
                ),
            );
        }
        for checkpoint in &r.checkpoints {
            if !(is_slug(checkpoint) && checkpoint.len() <= MAX_ITEM_ID_CHARS) {
                self.problem(
                    at("checkpoints"),
                    format!(
                        "{:?} is not a checkpoint ID: IDs are short words in lower case joined by hyphens, like inputs-audit-results",
                        shorten(checkpoint, 40)
                    ),
                );
                break;
            }
        }
        if self.problems.len() > before {
            return None;
        }
        Some(Response {
            answer,
            notes: r.notes,
            evidence: r.evidence,
            owner: r.owner,
            due: r.due,
            checkpoints: r.checkpoints.into_iter().collect(),
        })
    }
}

/// Where a field of an answer is, `answers › A.6.2.4 › notes`, as a message shows it.
struct AnswerField<'a> {
    id: &'a str,
    field: &'a str,
}

impl fmt::Display for AnswerField<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "answers › {} › {}", shorten(self.id, 80), self.field)
    }
}

/// `YYYY-MM-DD`, a real calendar date.
pub fn is_date(s: &str) -> bool {
    is_date_bytes(s.as_bytes())
}

fn is_date_bytes(b: &[u8]) -> bool {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) =
        (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
    else {
        return false;
    };
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// An RFC 3339 date-time: `2025-03-01T09:30:00Z`, with optional fractions of a second and a `±hh:mm`
/// offset instead of `Z`.
pub fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 || b.len() > 40 || !is_date_bytes(&b[..10]) || !matches!(b[10], b'T' | b't') {
        return false;
    }
    let time = &b[11..];
    let (Some(hour), Some(minute), Some(second)) = (
        digits(&time[0..2]),
        digits(&time[3..5]),
        digits(&time[6..8]),
    ) else {
        return false;
    };
    if time[2] != b':' || time[5] != b':' || hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let mut rest = &time[8..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest {
        b"Z" | b"z" => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            matches!((digits(&[*h1, *h2]), digits(&[*m1, *m2])), (Some(h), Some(m)) if h <= 23 && m <= 59)
        }
        _ => false,
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
