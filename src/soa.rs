//! The Statement of Applicability as clause 6.1.3 asks for it: every Annex A control, whatever the mode,
//! included or excluded, each with its justification, the implementation status of what is included,
//! the controls the organisation adds from other sources, and the document's version, date and approver.
//!
//! The rules:
//! - A control answered "not applicable" is **excluded**; its justification is the justification for the
//!   exclusion. A control answered with a level, or given a reason for inclusion, is **included**; anything
//!   else is **undecided**.
//! - An included control is justified by one or more [`InclusionReason`]s. Its implementation status is
//!   the user's choice or, until they choose, the one its level suggests
//!   ([`ImplementationStatus::suggested`]: 0 not started, 1 planned, 2 partly, 3 or more implemented).
//! - From the organisation's ISO/IEC 22989 roles, a control may carry a hint: organisations in that role
//!   can usually, or can rarely, justify excluding it. When the roles disagree, "rarely" is shown: the
//!   cautious reading. A hint never sets anything.
//! - A row lists what an auditor would question: an included control without a reason, an excluded one
//!   without a justification, an exclusion that the role hint says is rarely justified.

use crate::assessment::{
    AddedControl, Answer, Assessment, ImplementationStatus, InclusionReason, Level, Role,
};
use crate::catalogue::{Catalogue, Likelihood, SectionKind};
use crate::markdown::escape;
use crate::score::NO_VALUE;

/// How the SoA decides, in one paragraph for the page and the reports.
pub const RULE_SENTENCE: &str = "Every Annex A control, whatever the mode. A control answered with a level, or given a reason for inclusion, is included; one marked not applicable is excluded, with its justification; any other is undecided. An included control is justified by its reasons; its implementation status is the one you set or, until then, the one its level suggests (0 not started, 1 planned, 2 partly implemented, 3 or more implemented). Role hints come from your ISO/IEC 22989 roles and never decide anything.";

/// Whether a control is in the organisation's management system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Applicability {
    /// Answered with a level, or given a reason for inclusion.
    Included,
    /// Marked not applicable, with a justification.
    Excluded,
    /// Not decided yet.
    Undecided,
}

impl Applicability {
    /// The label the user sees.
    pub fn label(self) -> &'static str {
        match self {
            Applicability::Included => "Included",
            Applicability::Excluded => "Excluded",
            Applicability::Undecided => "Undecided",
        }
    }

    /// The value written to CSV and used as a style class.
    pub fn key(self) -> &'static str {
        match self {
            Applicability::Included => "included",
            Applicability::Excluded => "excluded",
            Applicability::Undecided => "undecided",
        }
    }
}

/// A hint from the organisation's roles about excluding one control.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleHint {
    pub likelihood: Likelihood,
    /// The organisation's roles the hint is for.
    pub roles: Vec<Role>,
    pub reason: String,
}

impl RoleHint {
    /// "AI customer: usually justifiable to exclude. …" as a row shows it.
    pub fn text(&self) -> String {
        let roles: Vec<&str> = self.roles.iter().map(|r| r.label()).collect();
        let verdict = match self.likelihood {
            Likelihood::Usually => "can usually justify excluding this control",
            Likelihood::Rarely => "can rarely justify excluding this control",
        };
        format!("As {}, you {verdict}. {}", roles.join(" and "), self.reason)
    }
}

/// The hint for a control from `roles`, from the catalogue's advice (the stricter hint wins).
pub fn role_hint(cat: &Catalogue, control_id: &str, roles: &[Role]) -> Option<RoleHint> {
    let keys: Vec<&str> = roles.iter().map(|r| r.key()).collect();
    let advice = cat.exclusion_advice(control_id, &keys)?;
    let named: Vec<Role> = roles
        .iter()
        .copied()
        .filter(|r| advice.hints.iter().any(|(_, held)| held.contains(&r.key())))
        .collect();
    let reason = advice
        .hints
        .iter()
        .map(|(h, _)| h.reason.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Some(RoleHint {
        likelihood: advice.can_exclude,
        roles: named,
        reason,
    })
}

/// Something an auditor would question in one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// Included, but no reason for inclusion is recorded.
    NoReason,
    /// Excluded without a justification (only possible through a hand-edited file).
    NoJustification,
    /// Excluded although organisations in its role rarely can justify that.
    RarelyExcluded,
}

impl Finding {
    /// What the row says.
    pub fn text(self) -> &'static str {
        match self {
            Finding::NoReason => "Justification for inclusion missing: choose at least one reason.",
            Finding::NoJustification => "Justification for exclusion missing.",
            Finding::RarelyExcluded => "Organisations in your role can rarely justify excluding this control: make sure the justification would convince an auditor.",
        }
    }
}

/// One control in the Statement of Applicability.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SoaRow {
    pub control_id: String,
    pub title: String,
    pub category_id: String,
    pub category_title: String,
    pub applicable: Applicability,
    /// Why the control is included (empty when excluded or undecided, or not yet given).
    pub reasons: Vec<InclusionReason>,
    /// Why the control is excluded: the not-applicable justification; empty otherwise.
    pub justification: String,
    /// The implementation level, when the control is answered with one.
    pub level: Option<Level>,
    /// The implementation status of an included control: the user's, else the level's suggestion.
    pub status: Option<ImplementationStatus>,
    /// Whether [`SoaRow::status`] is the level's suggestion rather than the user's choice.
    pub status_suggested: bool,
    pub hint: Option<RoleHint>,
    pub findings: Vec<Finding>,
    pub notes: String,
}

impl SoaRow {
    /// Marked not applicable without a justification (only possible through a hand-edited file).
    pub fn justification_missing(&self) -> bool {
        self.findings.contains(&Finding::NoJustification)
    }

    /// The justification as one text: the reasons for inclusion, or the justification for exclusion.
    pub fn justification_text(&self) -> String {
        match self.applicable {
            Applicability::Included => reasons_text(&self.reasons),
            Applicability::Excluded => self.justification.clone(),
            Applicability::Undecided => String::new(),
        }
    }

    /// The status as shown, with "(suggested)" when it comes from the level.
    pub fn status_text(&self) -> String {
        match self.status {
            Some(status) if self.status_suggested => format!("{} (suggested)", status.label()),
            Some(status) => status.label().to_owned(),
            None => String::new(),
        }
    }
}

/// Reasons as a list in words: "Treats identified risks; Contractual obligation".
pub fn reasons_text(reasons: &[InclusionReason]) -> String {
    reasons
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Every Annex A control of the catalogue, in order, regardless of the assessment's mode.
pub fn soa(cat: &Catalogue, a: &Assessment) -> Vec<SoaRow> {
    cat.sections
        .iter()
        .filter(|s| s.kind == SectionKind::AnnexA)
        .flat_map(|section| {
            section.items.iter().map(move |item| {
                let response = a.response(&item.id);
                let entry = a.soa.controls.get(&item.id);
                let reasons: Vec<InclusionReason> = entry
                    .map(|e| e.reasons.iter().copied().collect())
                    .unwrap_or_default();
                let answer = response.and_then(|r| r.answer.as_ref());
                let (applicable, justification, level) = match answer {
                    Some(Answer::NotApplicable { justification }) => {
                        (Applicability::Excluded, justification.clone(), None)
                    }
                    Some(Answer::Level(level)) => {
                        (Applicability::Included, String::new(), Some(*level))
                    }
                    None if !reasons.is_empty() => (Applicability::Included, String::new(), None),
                    None => (Applicability::Undecided, String::new(), None),
                };
                let included = applicable == Applicability::Included;
                let chosen = entry.and_then(|e| e.status).filter(|_| included);
                let suggested = level
                    .map(ImplementationStatus::suggested)
                    .filter(|_| included);
                let hint = role_hint(cat, &item.id, &a.profile.roles);
                let mut findings = Vec::new();
                if included && reasons.is_empty() {
                    findings.push(Finding::NoReason);
                }
                if applicable == Applicability::Excluded {
                    if justification.trim().is_empty() {
                        findings.push(Finding::NoJustification);
                    }
                    if hint
                        .as_ref()
                        .is_some_and(|h| h.likelihood == Likelihood::Rarely)
                    {
                        findings.push(Finding::RarelyExcluded);
                    }
                }
                SoaRow {
                    control_id: item.id.clone(),
                    title: item.title.clone(),
                    category_id: section.id.clone(),
                    category_title: section.title.clone(),
                    applicable,
                    reasons: if included { reasons } else { Vec::new() },
                    justification,
                    level,
                    status: chosen.or(suggested),
                    status_suggested: chosen.is_none() && suggested.is_some(),
                    hint,
                    findings,
                    notes: response.map(|r| r.notes.clone()).unwrap_or_default(),
                }
            })
        })
        .collect()
}

/// How many controls are included, excluded and undecided, and how many rows have findings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SoaSummary {
    pub included: usize,
    pub excluded: usize,
    pub undecided: usize,
    pub with_findings: usize,
}

impl SoaSummary {
    /// "30 included, 5 excluded, 3 undecided; 2 to look at."
    pub fn text(&self) -> String {
        format!(
            "{} included, {} excluded, {} undecided; {} to look at.",
            self.included, self.excluded, self.undecided, self.with_findings
        )
    }
}

/// Counts of [`soa`]'s rows.
pub fn summary(rows: &[SoaRow]) -> SoaSummary {
    let mut s = SoaSummary::default();
    for row in rows {
        match row.applicable {
            Applicability::Included => s.included += 1,
            Applicability::Excluded => s.excluded += 1,
            Applicability::Undecided => s.undecided += 1,
        }
        if !row.findings.is_empty() {
            s.with_findings += 1;
        }
    }
    s
}

fn cell(text: &str) -> String {
    if text.trim().is_empty() {
        NO_VALUE.to_owned()
    } else {
        escape(text)
    }
}

/// The SoA's version, date and approver as a line: "Version 1.0 · 2025-03-10 · approved by CEO".
pub fn document_line(a: &Assessment) -> String {
    let s = &a.soa;
    let or_not = |text: &str, missing: &str| {
        if text.trim().is_empty() {
            missing.to_owned()
        } else {
            escape(text)
        }
    };
    format!(
        "Version: {} · Date: {} · Approved by: {}",
        or_not(&s.version, "not given"),
        or_not(&s.date, "not given"),
        or_not(&s.approver, "not yet approved")
    )
}

/// The Statement of Applicability in Markdown (no heading): its document line, the Annex A table and the
/// controls added from other sources. Every string is escaped, so nothing a user typed becomes markup.
pub fn soa_markdown(cat: &Catalogue, a: &Assessment) -> String {
    let mut out = format!("{}\n\n", document_line(a));
    out.push_str(
        "| Control | Title | Decision | Justification | Implementation status | Level | Role hint | Notes |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    for row in soa(cat, a) {
        let justification = if row.justification_missing() {
            "Justification missing".to_owned()
        } else if row.applicable == Applicability::Included && row.reasons.is_empty() {
            "Reason for inclusion missing".to_owned()
        } else {
            cell(&row.justification_text())
        };
        let level = match row.level {
            Some(level) => match cat.level(level.get()) {
                Some(def) => format!("{level} – {}", escape(&def.name)),
                None => level.to_string(),
            },
            None => NO_VALUE.to_owned(),
        };
        let hint = row
            .hint
            .as_ref()
            .map_or_else(|| NO_VALUE.to_owned(), |h| escape(&h.text()));
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            escape(&row.control_id),
            escape(&row.title),
            row.applicable.label(),
            justification,
            cell(&row.status_text()),
            level,
            hint,
            cell(&row.notes),
        ));
    }
    if !a.soa.added.is_empty() {
        out.push_str("\nControls added from other sources:\n\n");
        out.push_str(
            "| Reference | Title | Source | Justification | Implementation status | Notes |\n\
             |---|---|---|---|---|---|\n",
        );
        for c in &a.soa.added {
            out.push_str(&added_row(c));
        }
    }
    out
}

fn added_row(c: &AddedControl) -> String {
    let reasons: Vec<InclusionReason> = c.reasons.iter().copied().collect();
    format!(
        "| {} | {} | {} | {} | {} | {} |\n",
        cell(&c.reference),
        cell(&c.title),
        cell(&c.source),
        cell(&reasons_text(&reasons)),
        c.status.map_or(NO_VALUE, ImplementationStatus::label),
        cell(&c.notes),
    )
}

/// The Statement of Applicability as a document of its own (Markdown): title, the rule, the tables.
pub fn soa_document_markdown(cat: &Catalogue, a: &Assessment) -> String {
    let name = a.profile.name.trim();
    let mut out = if name.is_empty() {
        String::from("# Statement of Applicability\n\n")
    } else {
        format!("# Statement of Applicability – {}\n\n", escape(name))
    };
    out.push_str(
        "ISO/IEC 42001:2023, clause 6.1.3 d): the Annex A controls and their justifications.\n\n",
    );
    out.push_str(RULE_SENTENCE);
    out.push_str("\n\n");
    out.push_str(&soa_markdown(cat, a));
    out
}

/// [`soa_document_markdown`] as a self-contained HTML document.
pub fn soa_document_html(cat: &Catalogue, a: &Assessment) -> String {
    let name = a.profile.name.trim();
    let title = if name.is_empty() {
        "Statement of Applicability".to_owned()
    } else {
        format!(
            "Statement of Applicability – {}",
            name.split_whitespace().collect::<Vec<_>>().join(" ")
        )
    };
    crate::markdown::html_document(&title, &soa_document_markdown(cat, a))
}
