//! The Statement of Applicability: every Annex A control, whatever the mode, with whether it applies, the
//! justification for leaving it out, its implementation level and the user's notes.

use crate::assessment::{Answer, Assessment, Level};
use crate::catalogue::{Catalogue, SectionKind};
use crate::markdown::escape;
use crate::score::NO_VALUE;

/// Whether a control applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Applicability {
    /// Answered with a maturity level.
    Yes,
    /// Marked not applicable, with a justification.
    No,
    /// Not answered yet.
    Undecided,
}

impl Applicability {
    /// The label the user sees.
    pub fn label(self) -> &'static str {
        match self {
            Applicability::Yes => "Yes",
            Applicability::No => "No",
            Applicability::Undecided => "Undecided",
        }
    }

    /// The value written to CSV.
    pub fn key(self) -> &'static str {
        match self {
            Applicability::Yes => "yes",
            Applicability::No => "no",
            Applicability::Undecided => "undecided",
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
    /// Why the control does not apply: the not-applicable justification; empty otherwise.
    pub justification: String,
    /// The implementation level, when the control applies and is answered.
    pub level: Option<Level>,
    pub notes: String,
}

impl SoaRow {
    /// Marked not applicable without a justification (only possible through a hand-edited file).
    pub fn justification_missing(&self) -> bool {
        self.applicable == Applicability::No && self.justification.trim().is_empty()
    }
}

/// Every Annex A control of the catalogue, in order, regardless of the assessment's mode.
pub fn soa(cat: &Catalogue, a: &Assessment) -> Vec<SoaRow> {
    cat.sections
        .iter()
        .filter(|s| s.kind == SectionKind::AnnexA)
        .flat_map(|section| {
            section.items.iter().map(move |item| {
                let response = a.response(&item.id);
                let (applicable, justification, level) = match response
                    .and_then(|r| r.answer.as_ref())
                {
                    None => (Applicability::Undecided, String::new(), None),
                    Some(Answer::Level(level)) => (Applicability::Yes, String::new(), Some(*level)),
                    Some(Answer::NotApplicable { justification }) => {
                        (Applicability::No, justification.clone(), None)
                    }
                };
                SoaRow {
                    control_id: item.id.clone(),
                    title: item.title.clone(),
                    category_id: section.id.clone(),
                    category_title: section.title.clone(),
                    applicable,
                    justification,
                    level,
                    notes: response.map(|r| r.notes.clone()).unwrap_or_default(),
                }
            })
        })
        .collect()
}

fn cell(text: &str) -> String {
    if text.trim().is_empty() {
        NO_VALUE.to_owned()
    } else {
        escape(text)
    }
}

/// The Statement of Applicability as a Markdown table (no heading). Every string is escaped, so nothing a
/// user typed becomes markup.
pub fn soa_markdown(cat: &Catalogue, a: &Assessment) -> String {
    let mut out = String::from(
        "| Control | Title | Applicable | Justification for exclusion | Implementation level | Notes |\n\
         |---|---|---|---|---|---|\n",
    );
    for row in soa(cat, a) {
        let justification = if row.justification_missing() {
            "Justification missing".to_owned()
        } else {
            cell(&row.justification)
        };
        let level = match row.level {
            Some(level) => match cat.level(level.get()) {
                Some(def) => format!("{level} – {}", escape(&def.name)),
                None => level.to_string(),
            },
            None => NO_VALUE.to_owned(),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            escape(&row.control_id),
            escape(&row.title),
            row.applicable.label(),
            justification,
            level,
            cell(&row.notes),
        ));
    }
    out
}
