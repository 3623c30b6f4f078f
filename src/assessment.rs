//! The in-memory assessment: what the user answered, about which organisation, against which target.
//!
//! Plain data with small, checked mutations; no serde here. The file format is a separate type in
//! [`crate::codec`], so the stored format can stay stable while this model changes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use thiserror::Error;

use crate::catalogue::{Catalogue, SectionKind};

/// The target level a fresh assessment scores against: 3, "Implemented", the certification bar.
pub const DEFAULT_TARGET: u8 = 3;
/// The lowest target level a user may choose.
pub const MIN_TARGET: u8 = 2;
/// The highest target level a user may choose.
pub const MAX_TARGET: u8 = 5;

/// A maturity level, 0 (Not started) to 5 (Optimising).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Level(u8);

impl Level {
    /// All six levels, lowest first.
    pub const ALL: [Level; 6] = [Level(0), Level(1), Level(2), Level(3), Level(4), Level(5)];

    /// A level, if `value` is 0 … 5.
    pub fn new(value: u8) -> Option<Level> {
        (value <= 5).then_some(Level(value))
    }

    /// The number, 0 … 5.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The answer to one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A maturity level.
    Level(Level),
    /// Only for Annex A controls, and always with a non-empty justification.
    NotApplicable { justification: String },
}

/// Everything recorded against one item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Response {
    /// `None` while unanswered.
    pub answer: Option<Answer>,
    pub notes: String,
    /// Free text and links, kept as text and never fetched.
    pub evidence: String,
    pub owner: String,
    /// An ISO date (YYYY-MM-DD) or empty.
    pub due: String,
    /// The IDs of the item's checkpoints that are ticked (see the item's content); informative, the
    /// level stays the score.
    pub checkpoints: BTreeSet<String>,
}

impl Response {
    /// Nothing recorded at all: such a response need not be stored.
    pub fn is_empty(&self) -> bool {
        self.answer.is_none()
            && self.notes.is_empty()
            && self.evidence.is_empty()
            && self.owner.is_empty()
            && self.due.is_empty()
            && self.checkpoints.is_empty()
    }
}

/// A role an organisation can have towards AI, as ISO/IEC 22989 names them (clause 4.1 of ISO/IEC 42001
/// asks the organisation to determine its roles). An organisation may have several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Makes AI products or services available to others (platform, product or service provider).
    AiProvider,
    /// Designs, develops, tests or deploys AI systems or models (includes the AI developer).
    AiProducer,
    /// Uses an AI product or service, directly or through its people (includes the AI user).
    AiCustomer,
    /// Provides services around AI: system integration, data, evaluation or audit of AI.
    AiPartner,
    /// Is affected by AI systems, for example as a data subject.
    AiSubject,
    /// Makes policy for AI or regulates and supervises it.
    RelevantAuthority,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 6] = [
        Role::AiProvider,
        Role::AiProducer,
        Role::AiCustomer,
        Role::AiPartner,
        Role::AiSubject,
        Role::RelevantAuthority,
    ];

    /// The stable key used in files, content and form values.
    pub fn key(self) -> &'static str {
        match self {
            Role::AiProvider => "ai-provider",
            Role::AiProducer => "ai-producer",
            Role::AiCustomer => "ai-customer",
            Role::AiPartner => "ai-partner",
            Role::AiSubject => "ai-subject",
            Role::RelevantAuthority => "relevant-authority",
        }
    }

    /// The role for a key.
    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Role::AiProvider => "AI provider",
            Role::AiProducer => "AI producer",
            Role::AiCustomer => "AI customer",
            Role::AiPartner => "AI partner",
            Role::AiSubject => "AI subject",
            Role::RelevantAuthority => "Relevant authority",
        }
    }

    /// What the role means, in one sentence of our own.
    pub fn meaning(self) -> &'static str {
        match self {
            Role::AiProvider => "You make AI products or services available to others, for example a platform, an AI product or an AI service.",
            Role::AiProducer => "You design, build, train, test or deploy AI systems or models.",
            Role::AiCustomer => "You use AI products or services, bought or built, in your own work; your staff using AI tools counts too.",
            Role::AiPartner => "You provide services around AI for others: integrating AI systems, supplying data, or evaluating or auditing AI.",
            Role::AiSubject => "People or organisations are affected by AI systems through you, for example as data subjects.",
            Role::RelevantAuthority => "You make policy for AI, or regulate or supervise its use.",
        }
    }

    /// The EU AI Act's closest operator role, where one corresponds: an AI provider or producer that
    /// places a system on the market is a "provider", an AI customer using one under its own authority a
    /// "deployer". Informative only: the Act's definitions decide.
    pub fn ai_act_role(self) -> Option<&'static str> {
        match self {
            Role::AiProvider | Role::AiProducer => Some("provider"),
            Role::AiCustomer => Some("deployer"),
            _ => None,
        }
    }
}

/// The organisation's size, by head count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OrgSize {
    Micro,
    Small,
    Medium,
    Large,
}

impl OrgSize {
    /// Every size, smallest first.
    pub const ALL: [OrgSize; 4] = [
        OrgSize::Micro,
        OrgSize::Small,
        OrgSize::Medium,
        OrgSize::Large,
    ];

    /// The stable key used in files and form values.
    pub fn key(self) -> &'static str {
        match self {
            OrgSize::Micro => "micro",
            OrgSize::Small => "small",
            OrgSize::Medium => "medium",
            OrgSize::Large => "large",
        }
    }

    /// The size for a key.
    pub fn from_key(key: &str) -> Option<OrgSize> {
        OrgSize::ALL.into_iter().find(|s| s.key() == key)
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            OrgSize::Micro => "1–9 people",
            OrgSize::Small => "10–49 people",
            OrgSize::Medium => "50–249 people",
            OrgSize::Large => "250 people or more",
        }
    }
}

/// Who is being assessed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    /// Roles in the AI value chain, without repeats, in [`Role::ALL`] order.
    pub roles: Vec<Role>,
    pub sector: String,
    pub size: Option<OrgSize>,
    /// The AI systems the management system covers, in the user's words.
    pub systems_in_scope: String,
}

impl Profile {
    /// How the organisation's roles relate to the EU AI Act's operator roles, for where AI Act rows are
    /// shown: a sentence of our own, informative only.
    pub fn ai_act_note(&self) -> String {
        let pairs: Vec<String> = self
            .roles
            .iter()
            .filter_map(|r| Some(format!("“{}” as an {}", r.ai_act_role()?, r.label())))
            .collect();
        let general = "The EU AI Act's main operator roles are the provider, who develops an AI system or has it developed and places it on the market or puts it into service, and the deployer, who uses an AI system under its own authority.";
        if pairs.is_empty() {
            general.to_owned()
        } else {
            format!(
                "{general} Your roles correspond most closely to {}; the Act's own definitions decide.",
                pairs.join(" and ")
            )
        }
    }

    /// Adds or removes a role, keeping [`Role::ALL`] order and no repeats.
    pub fn set_role(&mut self, role: Role, on: bool) {
        self.roles.retain(|r| *r != role);
        if on {
            self.roles.push(role);
            self.roles.sort();
        }
    }
}

/// Quick scan (the items marked quick) or the full assessment (all items).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    Quick,
    #[default]
    Full,
}

impl Mode {
    /// The stable key used in files.
    pub fn key(self) -> &'static str {
        match self {
            Mode::Quick => "quick",
            Mode::Full => "full",
        }
    }

    /// The mode for a key.
    pub fn from_key(key: &str) -> Option<Mode> {
        [Mode::Quick, Mode::Full]
            .into_iter()
            .find(|m| m.key() == key)
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Quick => "Quick scan",
            Mode::Full => "Full assessment",
        }
    }
}

/// How much AI risk the organisation is willing to take, as the policy states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RiskAppetite {
    Low,
    Moderate,
    High,
}

impl RiskAppetite {
    /// Every appetite, lowest first.
    pub const ALL: [RiskAppetite; 3] = [
        RiskAppetite::Low,
        RiskAppetite::Moderate,
        RiskAppetite::High,
    ];

    /// The stable key used in files and form values.
    pub fn key(self) -> &'static str {
        match self {
            RiskAppetite::Low => "low",
            RiskAppetite::Moderate => "moderate",
            RiskAppetite::High => "high",
        }
    }

    /// The appetite for a key.
    pub fn from_key(key: &str) -> Option<RiskAppetite> {
        RiskAppetite::ALL.into_iter().find(|r| r.key() == key)
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            RiskAppetite::Low => "Low",
            RiskAppetite::Moderate => "Moderate",
            RiskAppetite::High => "High",
        }
    }

    /// What choosing it means, as the policy draft states it.
    pub fn meaning(self) -> &'static str {
        match self {
            RiskAppetite::Low => "Use AI only where its risks are well understood and can be kept low; any higher residual risk needs top management's approval.",
            RiskAppetite::Moderate => "Accept AI risks where the benefits clearly outweigh them and controls keep them within your criteria; high residual risks need top management's approval.",
            RiskAppetite::High => "Pursue innovative uses of AI with more uncertainty, provided the risks are identified, closely monitored and can be stopped quickly.",
        }
    }
}

/// The policy drafter's form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicyInputs {
    /// What the policy covers, in the user's words.
    pub scope: String,
    /// Annex C.2 objective IDs chosen as guiding principles ("C.2.5").
    pub principles: Vec<String>,
    /// Further principles, one per line.
    pub extra_principles: String,
    pub risk_appetite: Option<RiskAppetite>,
    /// The role that owns the policy ("Head of AI governance").
    pub owner_role: String,
    /// Who approves it ("Board of directors").
    pub approver: String,
    /// Months between planned reviews.
    pub review_months: Option<u8>,
    pub version: String,
    /// An ISO date (YYYY-MM-DD) or empty.
    pub effective_date: String,
    /// Other policies to align with ("Information security policy").
    pub related_policies: Vec<String>,
    /// How exceptions are requested and approved, in the user's words.
    pub exceptions: String,
}

impl PolicyInputs {
    /// Adds or removes a related policy by name, keeping the order they were added in.
    pub fn set_related(&mut self, name: &str, on: bool) {
        self.related_policies.retain(|p| p != name);
        if on {
            self.related_policies.push(name.to_owned());
        }
    }
}

/// The policy drafter's state: the form, and the Markdown once the user has edited the draft by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicyState {
    pub inputs: PolicyInputs,
    pub edited_markdown: Option<String>,
}

/// Why an Annex A control is included in the Statement of Applicability (clause 6.1.3 asks for a
/// justification of every inclusion as well as every exclusion).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InclusionReason {
    /// The control treats risks the risk assessment identified.
    RiskTreatment,
    /// A law or regulation requires it.
    Legal,
    /// A contract requires it.
    Contractual,
    /// An interested party requires or expects it.
    InterestedParty,
    /// The organisation decided to apply it.
    Organisational,
}

impl InclusionReason {
    /// Every reason, in display order.
    pub const ALL: [InclusionReason; 5] = [
        InclusionReason::RiskTreatment,
        InclusionReason::Legal,
        InclusionReason::Contractual,
        InclusionReason::InterestedParty,
        InclusionReason::Organisational,
    ];

    /// The stable key used in files and form values.
    pub fn key(self) -> &'static str {
        match self {
            InclusionReason::RiskTreatment => "risk-treatment",
            InclusionReason::Legal => "legal",
            InclusionReason::Contractual => "contractual",
            InclusionReason::InterestedParty => "interested-party",
            InclusionReason::Organisational => "organisational",
        }
    }

    /// The reason for a key.
    pub fn from_key(key: &str) -> Option<InclusionReason> {
        InclusionReason::ALL.into_iter().find(|r| r.key() == key)
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            InclusionReason::RiskTreatment => "Treats identified risks",
            InclusionReason::Legal => "Legal or regulatory requirement",
            InclusionReason::Contractual => "Contractual obligation",
            InclusionReason::InterestedParty => "Requirement of an interested party",
            InclusionReason::Organisational => "Organisational decision",
        }
    }
}

/// How far an included control is implemented, as the Statement of Applicability states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ImplementationStatus {
    NotStarted,
    Planned,
    Partial,
    Implemented,
}

impl ImplementationStatus {
    /// Every status, least implemented first.
    pub const ALL: [ImplementationStatus; 4] = [
        ImplementationStatus::NotStarted,
        ImplementationStatus::Planned,
        ImplementationStatus::Partial,
        ImplementationStatus::Implemented,
    ];

    /// The stable key used in files and form values.
    pub fn key(self) -> &'static str {
        match self {
            ImplementationStatus::NotStarted => "not-started",
            ImplementationStatus::Planned => "planned",
            ImplementationStatus::Partial => "partial",
            ImplementationStatus::Implemented => "implemented",
        }
    }

    /// The status for a key.
    pub fn from_key(key: &str) -> Option<ImplementationStatus> {
        ImplementationStatus::ALL
            .into_iter()
            .find(|s| s.key() == key)
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            ImplementationStatus::NotStarted => "Not started",
            ImplementationStatus::Planned => "Planned",
            ImplementationStatus::Partial => "Partly implemented",
            ImplementationStatus::Implemented => "Implemented",
        }
    }

    /// The status a maturity level suggests: 0 not started, 1 planned, 2 partly, 3 or more implemented.
    pub fn suggested(level: Level) -> ImplementationStatus {
        match level.get() {
            0 => ImplementationStatus::NotStarted,
            1 => ImplementationStatus::Planned,
            2 => ImplementationStatus::Partial,
            _ => ImplementationStatus::Implemented,
        }
    }
}

/// What the organisation recorded about one Annex A control in its Statement of Applicability, beside
/// the answer (an exclusion is the answer "not applicable" with its justification).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SoaEntry {
    /// Why the control is included; empty while undecided.
    pub reasons: BTreeSet<InclusionReason>,
    /// Set by the user; `None` means "as the level suggests".
    pub status: Option<ImplementationStatus>,
}

impl SoaEntry {
    /// Nothing recorded: such an entry need not be stored.
    pub fn is_empty(&self) -> bool {
        self.reasons.is_empty() && self.status.is_none()
    }
}

/// A control the organisation applies from another source (another standard, a sector framework, its
/// own), listed in its Statement of Applicability beside Annex A.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddedControl {
    /// The control's reference in its source ("ISO/IEC 27001 A.5.15", "ORG-3").
    pub reference: String,
    pub title: String,
    /// Where it comes from ("ISO/IEC 27001:2022", "our own").
    pub source: String,
    pub reasons: BTreeSet<InclusionReason>,
    pub status: Option<ImplementationStatus>,
    /// How it is implemented or why it is needed, in the user's words.
    pub notes: String,
}

/// The Statement of Applicability as a controlled document: its version, date and approver, the
/// decisions per Annex A control and the controls added from other sources.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Soa {
    pub version: String,
    /// An ISO date (YYYY-MM-DD) or empty.
    pub date: String,
    pub approver: String,
    /// Keyed by control ID ("A.6.2.4"); entries with nothing recorded are not kept.
    pub controls: BTreeMap<String, SoaEntry>,
    pub added: Vec<AddedControl>,
}

/// Whether a piece of required documented information exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocumentStatus {
    Exists,
    Draft,
    Missing,
}

impl DocumentStatus {
    /// Every status, in display order.
    pub const ALL: [DocumentStatus; 3] = [
        DocumentStatus::Exists,
        DocumentStatus::Draft,
        DocumentStatus::Missing,
    ];

    /// The stable key used in files and form values.
    pub fn key(self) -> &'static str {
        match self {
            DocumentStatus::Exists => "exists",
            DocumentStatus::Draft => "draft",
            DocumentStatus::Missing => "missing",
        }
    }

    /// The status for a key.
    pub fn from_key(key: &str) -> Option<DocumentStatus> {
        DocumentStatus::ALL.into_iter().find(|s| s.key() == key)
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            DocumentStatus::Exists => "Exists",
            DocumentStatus::Draft => "Draft",
            DocumentStatus::Missing => "Missing",
        }
    }
}

/// What the user recorded about one entry of the register of required documented information.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentRecord {
    /// `None` while the user has not decided (the app suggests one from the answers).
    pub status: Option<DocumentStatus>,
    /// Where it is kept ("SharePoint › AIMS › Policies").
    pub location: String,
    pub owner: String,
    /// When it was last reviewed: an ISO date (YYYY-MM-DD) or empty.
    pub reviewed: String,
}

impl DocumentRecord {
    /// Nothing recorded: such a record need not be stored.
    pub fn is_empty(&self) -> bool {
        *self == DocumentRecord::default()
    }
}

/// The planned certification audits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roadmap {
    /// The planned stage 1 audit: an ISO date (YYYY-MM-DD) or empty.
    pub stage1: String,
    /// The planned stage 2 audit: an ISO date (YYYY-MM-DD) or empty.
    pub stage2: String,
}

/// One organisation's assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// The assessment's own name ("2027 Q1"); may be empty.
    pub name: String,
    pub profile: Profile,
    pub mode: Mode,
    /// 2 … 5; see [`Assessment::set_target`].
    pub target: u8,
    /// RFC 3339 timestamps, given by the caller (the core reads no clock).
    pub created: String,
    pub updated: String,
    /// Keyed by item ID. IDs this content does not know are kept (an import reports them) and never scored.
    pub responses: BTreeMap<String, Response>,
    pub policy: PolicyState,
    /// The Statement of Applicability's own fields (decisions beside the answers).
    pub soa: Soa,
    /// The register of required documented information, keyed by document ID (content/documents.toml);
    /// records with nothing in them are not kept.
    pub documents: BTreeMap<String, DocumentRecord>,
    pub roadmap: Roadmap,
}

/// Why a change to an answer was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnswerError {
    #[error("{0} is not an item of this questionnaire")]
    UnknownItem(String),
    #[error(
        "{0} is a clause requirement: every clause applies, so it cannot be marked not applicable"
    )]
    NotApplicableOnClause(String),
    #[error("write a justification before marking {0} not applicable")]
    MissingJustification(String),
    #[error("{0} is a clause requirement, not an Annex A control: it has no entry in the Statement of Applicability")]
    NotAControl(String),
    #[error("the target level must be between {MIN_TARGET} and {MAX_TARGET}")]
    TargetOutOfRange,
    #[error("{item} has no checkpoint {checkpoint:?}")]
    UnknownCheckpoint { item: String, checkpoint: String },
}

impl Assessment {
    /// A fresh, empty assessment created at `now`.
    pub fn new(mode: Mode, now: &str) -> Assessment {
        Assessment {
            name: String::new(),
            profile: Profile::default(),
            mode,
            target: DEFAULT_TARGET,
            created: now.to_owned(),
            updated: now.to_owned(),
            responses: BTreeMap::new(),
            policy: PolicyState::default(),
            soa: Soa::default(),
            documents: BTreeMap::new(),
            roadmap: Roadmap::default(),
        }
    }

    /// The response for an item, if anything is recorded.
    pub fn response(&self, id: &str) -> Option<&Response> {
        self.responses.get(id)
    }

    /// The answer for an item, if answered.
    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.responses.get(id).and_then(|r| r.answer.as_ref())
    }

    /// Records a maturity level.
    pub fn set_level(
        &mut self,
        catalogue: &Catalogue,
        id: &str,
        level: Level,
    ) -> Result<(), AnswerError> {
        known(catalogue, id)?;
        self.entry(id).answer = Some(Answer::Level(level));
        Ok(())
    }

    /// Marks an Annex A control not applicable. An empty justification is refused; clauses are refused.
    pub fn set_not_applicable(
        &mut self,
        catalogue: &Catalogue,
        id: &str,
        justification: &str,
    ) -> Result<(), AnswerError> {
        let item = known(catalogue, id)?;
        if item.kind == SectionKind::Clause {
            return Err(AnswerError::NotApplicableOnClause(id.to_owned()));
        }
        if justification.trim().is_empty() {
            return Err(AnswerError::MissingJustification(id.to_owned()));
        }
        self.entry(id).answer = Some(Answer::NotApplicable {
            justification: justification.to_owned(),
        });
        Ok(())
    }

    /// Takes the answer back; notes and other fields stay.
    pub fn clear_answer(&mut self, id: &str) {
        if let Some(r) = self.responses.get_mut(id) {
            r.answer = None;
        }
        self.prune(id);
    }

    /// Edits the free-text fields of an item's response.
    pub fn edit_response(
        &mut self,
        catalogue: &Catalogue,
        id: &str,
        edit: impl FnOnce(&mut Response),
    ) -> Result<(), AnswerError> {
        known(catalogue, id)?;
        edit(self.entry(id));
        self.prune(id);
        Ok(())
    }

    /// Ticks (`on`) or unticks one checkpoint of an item. The maturity level is left alone: checkpoints
    /// are informative. A checkpoint the item does not define is refused, so only real ones are stored.
    pub fn set_checkpoint(
        &mut self,
        catalogue: &Catalogue,
        id: &str,
        checkpoint: &str,
        on: bool,
    ) -> Result<(), AnswerError> {
        let item = known(catalogue, id)?;
        if item.checkpoint(checkpoint).is_none() {
            return Err(AnswerError::UnknownCheckpoint {
                item: id.to_owned(),
                checkpoint: checkpoint.to_owned(),
            });
        }
        let checkpoints = &mut self.entry(id).checkpoints;
        if on {
            checkpoints.insert(checkpoint.to_owned());
        } else {
            checkpoints.remove(checkpoint);
        }
        self.prune(id);
        Ok(())
    }

    /// Edits the Statement of Applicability entry of an Annex A control; an entry left empty is removed.
    pub fn edit_soa_entry(
        &mut self,
        catalogue: &Catalogue,
        id: &str,
        edit: impl FnOnce(&mut SoaEntry),
    ) -> Result<(), AnswerError> {
        let item = known(catalogue, id)?;
        if item.kind == SectionKind::Clause {
            return Err(AnswerError::NotAControl(id.to_owned()));
        }
        let entry = self.soa.controls.entry(id.to_owned()).or_default();
        edit(entry);
        if entry.is_empty() {
            self.soa.controls.remove(id);
        }
        Ok(())
    }

    /// Edits the record of one entry of the documents register; a record left empty is removed. The
    /// caller names a document of the catalogue; records of IDs it does not know are kept, like answers.
    pub fn edit_document(&mut self, id: &str, edit: impl FnOnce(&mut DocumentRecord)) {
        let record = self.documents.entry(id.to_owned()).or_default();
        edit(record);
        if record.is_empty() {
            self.documents.remove(id);
        }
    }

    /// Sets the target level (2 … 5).
    pub fn set_target(&mut self, target: u8) -> Result<(), AnswerError> {
        if !(MIN_TARGET..=MAX_TARGET).contains(&target) {
            return Err(AnswerError::TargetOutOfRange);
        }
        self.target = target;
        Ok(())
    }

    /// Stamps the assessment as changed at `now`.
    pub fn touch(&mut self, now: &str) {
        self.updated = now.to_owned();
    }

    /// The organisation's name, or `fallback` when none is given.
    pub fn name_or<'a>(&'a self, fallback: &'a str) -> &'a str {
        let name = self.profile.name.trim();
        if name.is_empty() {
            fallback
        } else {
            name
        }
    }

    /// Whether anything at all has been recorded (answers, profile, policy, SoA, documents, roadmap).
    pub fn has_data(&self) -> bool {
        !self.responses.is_empty()
            || !self.name.is_empty()
            || self.profile != Profile::default()
            || self.policy != PolicyState::default()
            || self.soa != Soa::default()
            || !self.documents.is_empty()
            || self.roadmap != Roadmap::default()
    }

    fn entry(&mut self, id: &str) -> &mut Response {
        self.responses.entry(id.to_owned()).or_default()
    }

    fn prune(&mut self, id: &str) {
        if self.responses.get(id).is_some_and(Response::is_empty) {
            self.responses.remove(id);
        }
    }
}

fn known<'c>(
    catalogue: &'c Catalogue,
    id: &str,
) -> Result<&'c crate::catalogue::Item, AnswerError> {
    catalogue
        .item(id)
        .ok_or_else(|| AnswerError::UnknownItem(id.to_owned()))
}
