//! Schema version 1 of the assessment file: serde types of their own, and the conversions to and from the
//! in-memory model with every check a hand-edited or hostile file needs.
//!
//! Keys of enums are spelled here, not borrowed from the model, so renaming a model variant cannot change
//! files; the conversions are exhaustive matches, so adding one fails to compile until the format says how
//! to write it.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{
    shorten, ImportError, ImportWarning, Preview, Problem, Tally, FORMAT, MAX_ITEM_ID_CHARS,
    MAX_LIST_LEN, MAX_MARKDOWN_CHARS, MAX_TEXT_CHARS, SCHEMA_VERSION,
};
use crate::assessment::{
    Answer, Assessment, Level, Mode, OrgSize, PolicyInputs, PolicyState, Profile, Response,
    RiskAppetite, Role, MAX_TARGET, MIN_TARGET,
};
use crate::catalogue::{Catalogue, SectionKind, CONTENT_FORMAT_VERSION};

/// A readiness self-assessment against ISO/IEC 42001:2023, as exported by the app (schema version 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "AIMS readiness assessment"))]
#[serde(deny_unknown_fields)]
pub struct FileV1 {
    /// Always "aims-readiness/assessment".
    #[cfg_attr(feature = "schema", schemars(extend("const" = "aims-readiness/assessment")))]
    pub format: String,
    /// The version of this format: 1.
    #[cfg_attr(feature = "schema", schemars(extend("const" = 1)))]
    pub schema_version: u64,
    /// The version of the app that wrote the file (informative).
    #[cfg_attr(feature = "schema", schemars(length(max = 100)))]
    pub app_version: String,
    /// The version of the questionnaire content the answers were given against (informative).
    pub content_version: u64,
    /// When the assessment was started, RFC 3339.
    #[cfg_attr(feature = "schema", schemars(extend("format" = "date-time")))]
    pub created: String,
    /// When it was last changed, RFC 3339.
    #[cfg_attr(feature = "schema", schemars(extend("format" = "date-time")))]
    pub updated: String,
    pub mode: ModeV1,
    /// The maturity level scored against, 2 … 5.
    #[cfg_attr(feature = "schema", schemars(range(min = 2, max = 5)))]
    pub target: u64,
    pub profile: ProfileV1,
    /// Answers keyed by item ID ("6.1.2", "A.6.2.4"). IDs the app does not know are kept.
    #[cfg_attr(feature = "schema", schemars(extend("propertyNames" = {"minLength": 1, "maxLength": 64})))]
    pub answers: BTreeMap<String, ResponseV1>,
    pub policy: PolicyV1,
}

/// Quick scan (the items marked quick) or the full assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ModeV1 {
    Quick,
    Full,
}

/// The organisation being assessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfileV1 {
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub name: String,
    /// Roles in the AI value chain, each at most once.
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub roles: Vec<RoleV1>,
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub sector: String,
    pub size: Option<SizeV1>,
    #[cfg_attr(feature = "schema", schemars(length(max = 20000)))]
    pub systems_in_scope: String,
}

/// A role in the AI value chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoleV1 {
    Provider,
    Developer,
    Deployer,
    User,
}

/// The organisation's size by head count: micro 1–9, small 10–49, medium 50–249, large 250 or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SizeV1 {
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
pub struct ResponseV1 {
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
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The policy drafter's form and, once edited by hand, the draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PolicyV1 {
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
    pub risk_appetite: Option<RiskAppetiteV1>,
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
pub enum RiskAppetiteV1 {
    Low,
    Moderate,
    High,
}

/// How much of an assessment to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything: files and localStorage, or a share link with notes.
    Everything,
    /// Without notes, evidence, owners, due dates and the edited policy: a share link by default.
    /// Not-applicable justifications stay, since an N/A answer needs one.
    WithoutNotes,
}

impl FileV1 {
    /// The file for an assessment.
    pub fn from_assessment(a: &Assessment, detail: Detail) -> FileV1 {
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
                let response = ResponseV1 {
                    level,
                    not_applicable,
                    justification,
                    notes: keep(&r.notes),
                    evidence: keep(&r.evidence),
                    owner: keep(&r.owner),
                    due: keep(&r.due),
                };
                (id.clone(), response)
            })
            .filter(|(_, r)| everything || *r != ResponseV1::default())
            .collect();
        let p = &a.policy.inputs;
        FileV1 {
            format: FORMAT.to_owned(),
            schema_version: u64::from(SCHEMA_VERSION),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            content_version: u64::from(CONTENT_FORMAT_VERSION),
            created: a.created.clone(),
            updated: a.updated.clone(),
            mode: match a.mode {
                Mode::Quick => ModeV1::Quick,
                Mode::Full => ModeV1::Full,
            },
            target: u64::from(a.target),
            profile: ProfileV1 {
                name: a.profile.name.clone(),
                roles: a.profile.roles.iter().map(|&r| role_v1(r)).collect(),
                sector: a.profile.sector.clone(),
                size: a.profile.size.map(|s| match s {
                    OrgSize::Micro => SizeV1::Micro,
                    OrgSize::Small => SizeV1::Small,
                    OrgSize::Medium => SizeV1::Medium,
                    OrgSize::Large => SizeV1::Large,
                }),
                systems_in_scope: a.profile.systems_in_scope.clone(),
            },
            answers,
            policy: PolicyV1 {
                scope: p.scope.clone(),
                principles: p.principles.clone(),
                extra_principles: p.extra_principles.clone(),
                risk_appetite: p.risk_appetite.map(|r| match r {
                    RiskAppetite::Low => RiskAppetiteV1::Low,
                    RiskAppetite::Moderate => RiskAppetiteV1::Moderate,
                    RiskAppetite::High => RiskAppetiteV1::High,
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
            profile: Profile {
                name: profile.name,
                roles,
                sector: profile.sector,
                size: profile.size.map(|s| match s {
                    SizeV1::Micro => OrgSize::Micro,
                    SizeV1::Small => OrgSize::Small,
                    SizeV1::Medium => OrgSize::Medium,
                    SizeV1::Large => OrgSize::Large,
                }),
                systems_in_scope: profile.systems_in_scope,
            },
            mode: match self.mode {
                ModeV1::Quick => Mode::Quick,
                ModeV1::Full => Mode::Full,
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
                        RiskAppetiteV1::Low => RiskAppetite::Low,
                        RiskAppetiteV1::Moderate => RiskAppetite::Moderate,
                        RiskAppetiteV1::High => RiskAppetite::High,
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

fn role_v1(role: Role) -> RoleV1 {
    match role {
        Role::Provider => RoleV1::Provider,
        Role::Developer => RoleV1::Developer,
        Role::Deployer => RoleV1::Deployer,
        Role::User => RoleV1::User,
    }
}

fn role(role: RoleV1) -> Role {
    match role {
        RoleV1::Provider => Role::Provider,
        RoleV1::Developer => Role::Developer,
        RoleV1::Deployer => Role::Deployer,
        RoleV1::User => Role::User,
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

    /// Checks one answer; `None` if it has problems (they are recorded).
    fn response(&mut self, catalogue: &Catalogue, id: &str, r: ResponseV1) -> Option<Response> {
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
        if self.problems.len() > before {
            return None;
        }
        Some(Response {
            answer,
            notes: r.notes,
            evidence: r.evidence,
            owner: r.owner,
            due: r.due,
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
