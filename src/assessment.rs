//! The in-memory assessment: what the user answered, about which organisation, against which target.
//!
//! Plain data with small, checked mutations; no serde here. The file format is a separate type in
//! [`crate::codec`], so the stored format can stay stable while this model changes.

use std::collections::BTreeMap;
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
}

impl Response {
    /// Nothing recorded at all: such a response need not be stored.
    pub fn is_empty(&self) -> bool {
        self.answer.is_none()
            && self.notes.is_empty()
            && self.evidence.is_empty()
            && self.owner.is_empty()
            && self.due.is_empty()
    }
}

/// A role an organisation can have towards AI systems. An organisation may have several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Makes AI systems available to others (places them on the market or puts them into service).
    Provider,
    /// Builds or trains AI systems or models.
    Developer,
    /// Puts an AI system to use under its own authority, often one bought from a supplier.
    Deployer,
    /// Uses AI systems or AI-based products in its work without deploying them itself.
    User,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 4] = [Role::Provider, Role::Developer, Role::Deployer, Role::User];

    /// The stable key used in files and form values.
    pub fn key(self) -> &'static str {
        match self {
            Role::Provider => "provider",
            Role::Developer => "developer",
            Role::Deployer => "deployer",
            Role::User => "user",
        }
    }

    /// The role for a key.
    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Role::Provider => "Provider",
            Role::Developer => "Developer",
            Role::Deployer => "Deployer",
            Role::User => "User",
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

/// One organisation's assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
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
    #[error("the target level must be between {MIN_TARGET} and {MAX_TARGET}")]
    TargetOutOfRange,
}

impl Assessment {
    /// A fresh, empty assessment created at `now`.
    pub fn new(mode: Mode, now: &str) -> Assessment {
        Assessment {
            profile: Profile::default(),
            mode,
            target: DEFAULT_TARGET,
            created: now.to_owned(),
            updated: now.to_owned(),
            responses: BTreeMap::new(),
            policy: PolicyState::default(),
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

    /// Whether anything at all has been recorded (answers, profile or policy).
    pub fn has_data(&self) -> bool {
        !self.responses.is_empty()
            || self.profile != Profile::default()
            || self.policy != PolicyState::default()
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
