//! The road to certification: from the answers, the documents register and the due dates, what must be
//! in place for the stage 1 audit (the documented AI management system) and the stage 2 audit (the
//! system implemented and run through one full cycle), whether each requirement is ready, why not, and
//! which gaps will not be closed by the planned audit dates.
//!
//! **The rules** (shown on the page as [`RULE_MARKDOWN`], and per requirement as [`Requirement::needs`]):
//!
//! - A requirement lists register documents and items. It is ready when every listed document that is
//!   needed has the status *exists* (the user's status, else the one the answers suggest, see
//!   [`crate::documents`]) and every listed item is answered at or above the target level. Some
//!   requirements check a whole group instead: every Annex A control decided (answered, or marked not
//!   applicable with a justification); every sub-clause of clauses 4–10 at the target level; every
//!   included (not excluded) Annex A control at the target level; every required document of the included
//!   Annex A controls *exists*.
//! - Every item of the questionnaire counts here, whatever the mode: certification needs the full
//!   assessment, so an item the quick scan leaves out is simply not answered yet.
//! - A stage is ready when all its requirements are. Stage 2 has "everything stage 1 needs" as its first
//!   requirement, so stage 2 is never ready before stage 1.
//! - Each item a requirement is waiting for is a gap, checked against the first audit that needs it. It
//!   is flagged when it has no due date, or when its due date is after that audit's planned date.
//!   Documents carry no due date of their own: plan them through the items they are evidence for.
//!
//! The core reads no clock: "today" is passed in where the summary counts days.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::assessment::{Answer, Assessment, DocumentStatus};
use crate::catalogue::{Catalogue, SectionKind};
use crate::codec::v2::is_date;
use crate::documents::{self, DocumentRow, Need};
use crate::markdown::escape;
use crate::route::Route;
use crate::score::{self, score};

/// The general rules as shown on the page, word for word what [`readiness`] does.
pub const RULE_MARKDOWN: &str = "\
**How readiness is decided.** Each requirement below lists documents of the register and questions. It is \
ready when every listed document that is needed *exists* (your status, or else the one your answers \
suggest) and every listed question is answered at or above your target level. A few requirements check a \
whole group: every Annex A control decided, every clause requirement or every included control at the \
target level, every required document of the included controls. Every question counts here, also in a quick \
scan: certification needs the full assessment. A stage is ready when all its requirements are; stage 2 \
needs everything stage 1 needs.

**Which gaps are flagged.** Each question a requirement is waiting for is a gap, checked against the first \
audit that needs it: it is flagged when it has no due date, or a due date after that audit's planned date. \
Documents have no due date of their own: plan them through the questions they are evidence for.";

/// A certification audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    One,
    Two,
}

impl Stage {
    /// Both stages, in order.
    pub const ALL: [Stage; 2] = [Stage::One, Stage::Two];

    /// 1 or 2 (the page's `data-stage`).
    pub fn number(self) -> u8 {
        match self {
            Stage::One => 1,
            Stage::Two => 2,
        }
    }

    /// "Stage 1: the documented AI management system".
    pub fn title(self) -> &'static str {
        match self {
            Stage::One => "Stage 1: the documented AI management system",
            Stage::Two => "Stage 2: the AI management system at work",
        }
    }

    /// What the auditor looks at, in one sentence.
    pub fn purpose(self) -> &'static str {
        match self {
            Stage::One => "The auditor reviews your documented AI management system: scope, policy, risk and impact assessment, Statement of Applicability and objectives, and whether internal audits are planned.",
            Stage::Two => "The auditor checks that the system works as documented: evidence of implementation at your target level, at least one complete internal audit and management review, and nonconformities handled.",
        }
    }

    /// The planned date of this stage's audit, as stored (may be empty or not a date).
    pub fn planned(self, a: &Assessment) -> &str {
        match self {
            Stage::One => &a.roadmap.stage1,
            Stage::Two => &a.roadmap.stage2,
        }
    }
}

/// A group check beside the listed documents and items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    AllControlsDecided,
    AllClausesAtTarget,
    IncludedControlsAtTarget,
    IncludedControlDocuments,
    StageOneReady,
}

impl Group {
    fn needs(self) -> &'static str {
        match self {
            Group::AllControlsDecided => {
                "every Annex A control decided: answered, or marked not applicable with a justification"
            }
            Group::AllClausesAtTarget => "every sub-clause of clauses 4–10 at the target level",
            Group::IncludedControlsAtTarget => {
                "every Annex A control not marked not applicable at the target level"
            }
            Group::IncludedControlDocuments => {
                "every required document of the included Annex A controls exists"
            }
            Group::StageOneReady => "every stage 1 requirement ready",
        }
    }
}

/// One rule of the table below.
struct Rule {
    id: &'static str,
    title: &'static str,
    documents: &'static [&'static str],
    items: &'static [&'static str],
    group: Option<Group>,
}

const fn rule(
    id: &'static str,
    title: &'static str,
    documents: &'static [&'static str],
    items: &'static [&'static str],
    group: Option<Group>,
) -> Rule {
    Rule {
        id,
        title,
        documents,
        items,
        group,
    }
}

/// What stage 1 needs: the documented AI management system.
const STAGE_1: &[Rule] = &[
    rule(
        "scope",
        "Scope of the AI management system, from its context",
        &["aims-scope"],
        &["4.1", "4.2", "4.3"],
        None,
    ),
    rule("policy", "AI policy", &["ai-policy"], &["5.2"], None),
    rule(
        "roles",
        "Leadership, roles and responsibilities",
        &[],
        &["5.1", "5.3"],
        None,
    ),
    rule(
        "risk-processes",
        "AI risk assessment and risk treatment processes",
        &["risk-assessment-process", "risk-treatment-process"],
        &["6.1.1", "6.1.2", "6.1.3"],
        None,
    ),
    rule(
        "risk-results",
        "Results of the AI risk assessment and risk treatment",
        &["risk-assessment-results", "risk-treatment-results"],
        &["8.2", "8.3"],
        None,
    ),
    rule(
        "impact",
        "AI system impact assessment process and results",
        &["impact-assessment-process", "impact-assessment-results"],
        &["6.1.4", "8.4"],
        None,
    ),
    rule(
        "soa",
        "Statement of Applicability",
        &["statement-of-applicability"],
        &["6.1.3"],
        Some(Group::AllControlsDecided),
    ),
    rule(
        "objectives",
        "AI objectives and plans to achieve them",
        &["ai-objectives"],
        &["6.2"],
        None,
    ),
    rule(
        "documented-information",
        "Documented information, created and controlled",
        &["documented-information-for-effectiveness"],
        &["7.5.1", "7.5.2", "7.5.3"],
        None,
    ),
    rule(
        "audit-programme",
        "Internal audit programme planned",
        &["internal-audit-programme"],
        &[],
        None,
    ),
];

/// What stage 2 needs: the system implemented, with one full cycle of audit and review.
const STAGE_2: &[Rule] = &[
    rule(
        "stage-1",
        "Everything stage 1 needs",
        &[],
        &[],
        Some(Group::StageOneReady),
    ),
    rule(
        "clauses",
        "Clauses 4–10 implemented at the target level",
        &[],
        &[],
        Some(Group::AllClausesAtTarget),
    ),
    rule(
        "controls",
        "Included Annex A controls implemented at the target level",
        &[],
        &[],
        Some(Group::IncludedControlsAtTarget),
    ),
    rule(
        "control-documents",
        "Documented information of the included Annex A controls",
        &[],
        &[],
        Some(Group::IncludedControlDocuments),
    ),
    rule(
        "operation",
        "Evidence of operation: competence, operational records, monitoring results",
        &[
            "competence-evidence",
            "operational-records",
            "monitoring-results",
        ],
        &["7.2", "8.1", "9.1"],
        None,
    ),
    rule(
        "internal-audit",
        "At least one complete internal audit",
        &["internal-audit-results"],
        &["9.2.1", "9.2.2"],
        None,
    ),
    rule(
        "management-review",
        "At least one complete management review",
        &["management-review-results"],
        &["9.3.1", "9.3.2", "9.3.3"],
        None,
    ),
    rule(
        "nonconformities",
        "Nonconformities handled, with corrective action",
        &["nonconformities-and-corrective-actions"],
        &["10.1", "10.2"],
        None,
    ),
];

/// Every register document and every item the rules of both stages name (for the content checks).
pub fn named_ids() -> (Vec<&'static str>, Vec<&'static str>) {
    let rules = || STAGE_1.iter().chain(STAGE_2);
    (
        rules().flat_map(|r| r.documents.iter().copied()).collect(),
        rules().flat_map(|r| r.items.iter().copied()).collect(),
    )
}

/// What a reason points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// An item, on its section's page.
    Item { id: String, section: String },
    /// An entry of the documents register.
    Document { id: String },
    /// Another stage's requirements (on this page).
    Stage(Stage),
}

impl Link {
    /// Where the link goes: `#/assess/<section>`, `#/documents`, `#/roadmap`.
    pub fn href(&self) -> String {
        match self {
            Link::Item { section, .. } => Route::Assess(Some(section.clone())).href(),
            Link::Document { .. } => Route::Documents.href(),
            Link::Stage(_) => Route::Roadmap.href(),
        }
    }
}

/// Why a requirement is not ready: one item, document or stage, with what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// What it is: "6.1.2 AI risk assessment", "Statement of Applicability".
    pub label: String,
    /// What is wrong: "level 2, target 3", "not answered", "draft (suggested)".
    pub problem: String,
    pub link: Link,
}

/// One requirement of a stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    /// A stable key within its stage ("scope", "internal-audit").
    pub id: &'static str,
    pub title: &'static str,
    /// What it checks, generated from the rule: "Documents: … Questions at the target level: …".
    pub needs: String,
    /// Empty exactly when the requirement is ready.
    pub reasons: Vec<Reason>,
}

impl Requirement {
    /// Everything it checks is in place.
    pub fn is_ready(&self) -> bool {
        self.reasons.is_empty()
    }
}

/// One stage's readiness.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageReadiness {
    pub stage: Stage,
    /// The planned audit date, if a real date is set.
    pub planned: Option<String>,
    pub requirements: Vec<Requirement>,
}

impl StageReadiness {
    /// Every requirement is ready.
    pub fn is_ready(&self) -> bool {
        self.requirements.iter().all(Requirement::is_ready)
    }

    /// How many requirements are ready.
    pub fn ready_count(&self) -> usize {
        self.requirements.iter().filter(|r| r.is_ready()).count()
    }

    /// "Ready" or "Not ready: 4 of 10 requirements in place".
    pub fn verdict(&self) -> String {
        if self.is_ready() {
            format!(
                "Ready: all {} requirements in place",
                self.requirements.len()
            )
        } else {
            format!(
                "Not ready: {} of {} requirements in place",
                self.ready_count(),
                self.requirements.len()
            )
        }
    }
}

/// Why a gap is flagged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    /// No due date (or not a real date).
    NoDueDate,
    /// Due after the planned audit.
    AfterAudit { due: String, planned: String },
}

/// An item a stage is waiting for that will not be closed by its audit as planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlaggedGap {
    /// The first audit that needs it.
    pub stage: Stage,
    pub item_id: String,
    pub title: String,
    pub section: String,
    pub flag: Flag,
}

impl FlaggedGap {
    /// "no due date" or "due 2027-05-01, after the planned stage 1 audit on 2027-04-01".
    pub fn problem(&self) -> String {
        match &self.flag {
            Flag::NoDueDate => format!("no due date (needed for stage {})", self.stage.number()),
            Flag::AfterAudit { due, planned } => format!(
                "due {due}, after the planned stage {} audit on {planned}",
                self.stage.number()
            ),
        }
    }

    /// Where the item is answered.
    pub fn href(&self) -> String {
        Route::Assess(Some(self.section.clone())).href()
    }
}

/// Both stages and the flagged gaps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    pub stages: [StageReadiness; 2],
    pub flagged: Vec<FlaggedGap>,
}

impl Readiness {
    /// One stage.
    pub fn stage(&self, stage: Stage) -> &StageReadiness {
        &self.stages[usize::from(stage.number() - 1)]
    }
}

/// The stored date, if it is a real one.
fn real_date(text: &str) -> Option<String> {
    let t = text.trim();
    is_date(t).then(|| t.to_owned())
}

struct Checker<'c, 'a> {
    cat: &'c Catalogue,
    a: &'a Assessment,
    target: u8,
    documents: Vec<DocumentRow<'c>>,
}

impl Checker<'_, '_> {
    fn item_reason(&self, id: &str) -> Option<Reason> {
        let item = self.cat.item(id)?;
        let problem = match self.a.answer(id) {
            Some(Answer::Level(level)) if level.get() >= self.target => return None,
            Some(Answer::Level(level)) => format!("level {level}, target {}", self.target),
            Some(Answer::NotApplicable { justification }) if item.kind == SectionKind::AnnexA => {
                if justification.trim().is_empty() {
                    "not applicable without a justification".to_owned()
                } else {
                    return None;
                }
            }
            Some(Answer::NotApplicable { .. }) => {
                "marked not applicable, but it is a clause".to_owned()
            }
            None => "not answered".to_owned(),
        };
        Some(Reason {
            label: format!("{} {}", item.id, item.title),
            problem,
            link: Link::Item {
                id: item.id.clone(),
                section: item.section.clone(),
            },
        })
    }

    fn document_reason(&self, row: &DocumentRow<'_>) -> Option<Reason> {
        if row.need == Need::NotNeeded || row.status() == Some(DocumentStatus::Exists) {
            return None;
        }
        Some(Reason {
            label: row.def.title.clone(),
            problem: row.status_text(),
            link: Link::Document {
                id: row.def.id.clone(),
            },
        })
    }

    fn document(&self, id: &str) -> Option<&DocumentRow<'_>> {
        self.documents.iter().find(|r| r.def.id == id)
    }

    fn group_reasons(&self, group: Group, stage_one_ready: bool) -> Vec<Reason> {
        let controls = || self.cat.items().filter(|i| i.kind == SectionKind::AnnexA);
        match group {
            Group::AllControlsDecided => controls()
                .filter(|i| self.a.answer(&i.id).is_none())
                .filter_map(|i| self.item_reason(&i.id))
                .map(|mut r| {
                    r.problem = "not decided: answer it, or mark it not applicable".to_owned();
                    r
                })
                .collect(),
            Group::AllClausesAtTarget => self
                .cat
                .items()
                .filter(|i| i.kind == SectionKind::Clause)
                .filter_map(|i| self.item_reason(&i.id))
                .collect(),
            Group::IncludedControlsAtTarget => {
                controls().filter_map(|i| self.item_reason(&i.id)).collect()
            }
            Group::IncludedControlDocuments => self
                .documents
                .iter()
                .filter(|r| r.need == Need::Required)
                .filter(|r| r.def.clauses.iter().all(|c| c.starts_with("A.")))
                .filter_map(|r| self.document_reason(r))
                .collect(),
            Group::StageOneReady if stage_one_ready => Vec::new(),
            Group::StageOneReady => vec![Reason {
                label: Stage::One.title().to_owned(),
                problem: "not ready yet".to_owned(),
                link: Link::Stage(Stage::One),
            }],
        }
    }

    fn requirement(&self, rule: &Rule, stage_one_ready: bool) -> Requirement {
        let mut reasons: Vec<Reason> = rule
            .documents
            .iter()
            .filter_map(|id| self.document(id))
            .filter_map(|row| self.document_reason(row))
            .collect();
        reasons.extend(rule.items.iter().filter_map(|id| self.item_reason(id)));
        if let Some(group) = rule.group {
            reasons.extend(self.group_reasons(group, stage_one_ready));
        }
        Requirement {
            id: rule.id,
            title: rule.title,
            needs: self.needs(rule),
            reasons,
        }
    }

    fn needs(&self, rule: &Rule) -> String {
        let mut parts = Vec::new();
        if !rule.documents.is_empty() {
            let titles: Vec<&str> = rule
                .documents
                .iter()
                .map(|id| self.cat.document(id).map_or(*id, |d| d.title.as_str()))
                .collect();
            parts.push(format!("These documents exist: {}.", titles.join("; ")));
        }
        if !rule.items.is_empty() {
            parts.push(format!(
                "These questions are at the target level: {}.",
                rule.items.join(", ")
            ));
        }
        if let Some(group) = rule.group {
            let needs = group.needs();
            let mut chars = needs.chars();
            let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
            parts.push(format!("{}{}.", first.unwrap_or_default(), chars.as_str()));
        }
        parts.join(" ")
    }
}

/// Both stages' readiness and the flagged gaps.
pub fn readiness(cat: &Catalogue, a: &Assessment) -> Readiness {
    let checker = Checker {
        cat,
        a,
        target: score::target(a),
        documents: documents::rows(cat, a),
    };
    let stage = |stage: Stage, rules: &[Rule], stage_one_ready: bool| StageReadiness {
        stage,
        planned: real_date(stage.planned(a)),
        requirements: rules
            .iter()
            .map(|r| checker.requirement(r, stage_one_ready))
            .collect(),
    };
    let one = stage(Stage::One, STAGE_1, true);
    let two = stage(Stage::Two, STAGE_2, one.is_ready());
    let flagged = flagged(cat, a, [&one, &two]);
    Readiness {
        stages: [one, two],
        flagged,
    }
}

fn flagged(cat: &Catalogue, a: &Assessment, stages: [&StageReadiness; 2]) -> Vec<FlaggedGap> {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    for stage in stages {
        for reason in stage.requirements.iter().flat_map(|r| &r.reasons) {
            let Link::Item { id, section } = &reason.link else {
                continue;
            };
            if !seen.insert(id.clone()) {
                continue;
            }
            let due = a.response(id).and_then(|r| real_date(&r.due));
            let flag = match (due, &stage.planned) {
                (None, _) => Flag::NoDueDate,
                (Some(due), Some(planned)) if due > *planned => Flag::AfterAudit {
                    due,
                    planned: planned.clone(),
                },
                _ => continue,
            };
            out.push(FlaggedGap {
                stage: stage.stage,
                item_id: id.clone(),
                title: cat.item(id).map(|i| i.title.clone()).unwrap_or_default(),
                section: section.clone(),
                flag,
            });
        }
    }
    out
}

/// One sentence about the flagged gaps, for the top of their list.
pub fn flagged_text(count: usize) -> String {
    match count {
        0 => "None: every open question has a due date before the audit that needs it.".to_owned(),
        1 => "1 open question has no due date, or one after the audit that needs it.".to_owned(),
        n => {
            format!("{n} open questions have no due date, or one after the audit that needs them.")
        }
    }
}

/// Days from `from` to `to` (ISO dates), negative when `to` is earlier; `None` unless both are dates.
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    Some(day_number(to)? - day_number(from)?)
}

/// Days since 1970-01-01 of an ISO date (the civil-from-days algorithm, run backwards).
fn day_number(date: &str) -> Option<i64> {
    let date = date.trim();
    if !is_date(date) {
        return None;
    }
    let y: i64 = date[..4].parse().ok()?;
    let m: i64 = date[5..7].parse().ok()?;
    let d: i64 = date[8..10].parse().ok()?;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The planned date as read: "2027-03-01 (in 89 days)", "2027-03-01 (23 days ago)", "not set".
pub fn planned_text(planned: Option<&str>, today: &str) -> String {
    let Some(date) = planned else {
        return "not set".to_owned();
    };
    match days_between(today, date) {
        Some(0) => format!("{date} (today)"),
        Some(1) => format!("{date} (tomorrow)"),
        Some(n) if n > 0 => format!("{date} (in {n} days)"),
        Some(-1) => format!("{date} (yesterday)"),
        Some(n) => format!("{date} ({} days ago)", -n),
        None => date.to_owned(),
    }
}

/// One Markdown list line per flagged gap: "- 6.1.2 AI risk assessment: no due date (…)".
fn push_gaps<'g>(out: &mut String, gaps: impl IntoIterator<Item = &'g FlaggedGap>) {
    for g in gaps {
        let _ = writeln!(
            out,
            "- {} {}: {}",
            escape(&g.item_id),
            escape(&g.title),
            g.problem()
        );
    }
}

/// The title of the summary: "Road to certification – ACME" (plain text; callers escape).
pub fn summary_title(a: &Assessment) -> String {
    let name = a
        .profile
        .name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() {
        "Road to certification".to_owned()
    } else {
        format!("Road to certification – {name}")
    }
}

/// How many flagged gaps the one-page summary names; the rest are counted.
pub const SUMMARY_GAPS: usize = 6;

/// The one-page summary for top management, as Markdown: the planned dates, each stage's verdict and
/// what is not in place, the overall readiness and the gaps at risk. `today` is an ISO date.
pub fn summary_markdown(cat: &Catalogue, a: &Assessment, today: &str) -> String {
    let r = readiness(cat, a);
    let card = score(cat, a);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&summary_title(a)));
    let _ = writeln!(
        out,
        "Readiness for the ISO/IEC 42001 certification audits as of {}, from a self-assessment (not an \
         audit). Overall readiness {} ({}), target level {}.\n",
        escape(today),
        card.overall.readiness_text(),
        card.band_text(),
        card.target
    );
    out.push_str("| Audit | Planned | Readiness |\n|---|---|---|\n");
    for s in &r.stages {
        let _ = writeln!(
            out,
            "| Stage {} | {} | {} |",
            s.stage.number(),
            planned_text(s.planned.as_deref(), today),
            s.verdict()
        );
    }
    out.push('\n');
    for s in &r.stages {
        let _ = writeln!(out, "## {}\n", s.stage.title());
        let missing: Vec<String> = s
            .requirements
            .iter()
            .filter(|q| !q.is_ready())
            .map(|q| format!("{} ({} open)", escape(q.title), q.reasons.len()))
            .collect();
        if missing.is_empty() {
            out.push_str("Everything this audit needs is in place.\n\n");
        } else {
            let _ = writeln!(out, "Not yet in place: {}.\n", missing.join("; "));
        }
    }
    out.push_str("## Gaps at risk for the planned dates\n\n");
    let _ = writeln!(out, "{}\n", flagged_text(r.flagged.len()));
    if !r.flagged.is_empty() {
        push_gaps(&mut out, r.flagged.iter().take(SUMMARY_GAPS));
        if r.flagged.len() > SUMMARY_GAPS {
            let _ = writeln!(
                out,
                "- and {} more (see the road to certification in the app)",
                r.flagged.len() - SUMMARY_GAPS
            );
        }
    }
    out
}

/// The road to certification as a Markdown section for the reports, with its heading: the planned dates,
/// every requirement with what is missing, the flagged gaps and the rules.
pub fn roadmap_markdown(cat: &Catalogue, a: &Assessment) -> String {
    let r = readiness(cat, a);
    let mut out = String::from("## Road to certification\n\n");
    out.push_str(
        "What the certification body's two audits will look for, and whether it is in place from the \
         answers and the documents register; the rules are at the end of this section.\n\n",
    );
    for s in &r.stages {
        let _ = writeln!(
            out,
            "**{}.** Planned audit: {}. {}.\n",
            s.stage.title(),
            s.planned.as_deref().unwrap_or("not set"),
            s.verdict()
        );
        out.push_str("| Requirement | Ready | What is missing |\n|---|---|---|\n");
        for q in &s.requirements {
            let missing = if q.is_ready() {
                "–".to_owned()
            } else {
                q.reasons
                    .iter()
                    .map(|m| format!("{}: {}", escape(&m.label), escape(&m.problem)))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                escape(q.title),
                if q.is_ready() { "Yes" } else { "No" },
                missing
            );
        }
        out.push('\n');
    }
    out.push_str("**Gaps at risk for the planned dates.** ");
    let _ = writeln!(out, "{}\n", flagged_text(r.flagged.len()));
    if !r.flagged.is_empty() {
        push_gaps(&mut out, &r.flagged);
        out.push('\n');
    }
    out.push_str(RULE_MARKDOWN);
    out.push_str("\n\n");
    out
}

/// The one-page summary as a self-contained HTML document.
pub fn summary_html(cat: &Catalogue, a: &Assessment, today: &str) -> String {
    crate::markdown::html_document(&summary_title(a), &summary_markdown(cat, a, today))
}
