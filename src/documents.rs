//! The register of required documented information: every entry of `content/documents.toml` with what
//! the user recorded about it, the status the answers suggest, and the register as Markdown.
//!
//! **The suggestion rule** (shown on the page as [`RULE_MARKDOWN`]): an entry's suggested status comes
//! from the answers to its `status_from` items. Items not answered, or marked not applicable, are left
//! out; of the rest, the lowest level counts, since a document is only as complete as the weakest of the
//! requirements it records. At or above the content's `exists_from_level` (3, Implemented) the suggestion
//! is "exists", at or above `draft_from_level` (1, Initial) "draft", below that "missing". With no such
//! item answered there is no suggestion. The user's own status always wins; the suggestion is only shown
//! beside it.
//!
//! **Whether it is needed:** an entry the content marks required is required, one marked recommended is
//! recommended, except that an entry that comes only from Annex A controls is not needed when every one
//! of those controls is marked not applicable (an excluded control asks for no documented information).

use std::fmt::Write as _;

use crate::assessment::{Answer, Assessment, DocumentRecord, DocumentStatus, Level};
use crate::catalogue::documents::{DocumentDef, Obligation, StatusRuleDef};
use crate::catalogue::Catalogue;
use crate::markdown::escape;
use crate::score::NO_VALUE;

/// The suggestion and obligation rules as shown on the page, word for word what [`rows`] does.
pub const RULE_MARKDOWN: &str = "\
**How the status is suggested.** Each document is linked to the questions whose answers show whether it \
exists. Of those you have answered with a level (not applicable and unanswered ones are left out), the \
lowest level counts: level 3 (Implemented) or more suggests *exists*, level 1 or 2 *draft*, level 0 \
*missing*. With none of them answered there is no suggestion. The status you choose always wins; the \
suggestion is only shown beside it.

**Required or recommended.** *Required* means the standard asks for the documented information in so many \
words; *recommended* means it is the usual way to show a requirement is met. A document that comes only \
from Annex A controls is *not needed* when every one of those controls is marked not applicable.";

/// Whether an entry is needed for this assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Need {
    Required,
    Recommended,
    /// Every control it comes from is excluded.
    NotNeeded,
}

impl Need {
    /// The key written to CSV.
    pub fn key(self) -> &'static str {
        match self {
            Need::Required => "required",
            Need::Recommended => "recommended",
            Need::NotNeeded => "not-needed",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Need::Required => "Required",
            Need::Recommended => "Recommended",
            Need::NotNeeded => "Not needed (its controls are excluded)",
        }
    }
}

/// One entry of the register with everything the page and the exports show.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRow<'c> {
    pub def: &'c DocumentDef,
    pub need: Need,
    /// What the user recorded (empty when nothing is).
    pub record: DocumentRecord,
    /// What the answers suggest, if any of its items is answered with a level.
    pub suggested: Option<DocumentStatus>,
}

impl DocumentRow<'_> {
    /// The status that counts: the user's, else the suggestion.
    pub fn status(&self) -> Option<DocumentStatus> {
        self.record.status.or(self.suggested)
    }

    /// The status as a sentence part: "Exists", "Draft (suggested)", "not recorded".
    pub fn status_text(&self) -> String {
        match (self.record.status, self.suggested) {
            (Some(s), _) => s.label().to_owned(),
            (None, Some(s)) => format!("{} (suggested)", s.label()),
            (None, None) => "not recorded".to_owned(),
        }
    }

    /// The clauses and controls it comes from, separated by spaces (the page's `data-clause`).
    pub fn clauses_text(&self) -> String {
        self.def.clauses.join(" ")
    }
}

/// The status a set of levels suggests under `rule`: the lowest level counts; `None` for no levels.
pub fn suggest(
    rule: StatusRuleDef,
    levels: impl IntoIterator<Item = Level>,
) -> Option<DocumentStatus> {
    let lowest = levels.into_iter().min()?.get();
    Some(if lowest >= rule.exists_from_level {
        DocumentStatus::Exists
    } else if lowest >= rule.draft_from_level {
        DocumentStatus::Draft
    } else {
        DocumentStatus::Missing
    })
}

/// The suggested status of one entry from the answers to its `status_from` items.
pub fn suggested(cat: &Catalogue, a: &Assessment, def: &DocumentDef) -> Option<DocumentStatus> {
    let levels = def.status_from.iter().filter_map(|id| match a.answer(id) {
        Some(Answer::Level(level)) => Some(*level),
        _ => None,
    });
    suggest(cat.document_status_rule(), levels)
}

/// Whether an entry is needed, given which controls are excluded.
pub fn need(a: &Assessment, def: &DocumentDef) -> Need {
    let only_controls = def.clauses.iter().all(|c| c.starts_with("A."));
    let all_excluded = def
        .clauses
        .iter()
        .all(|c| matches!(a.answer(c), Some(Answer::NotApplicable { .. })));
    if only_controls && all_excluded {
        return Need::NotNeeded;
    }
    match def.obligation {
        Obligation::Required => Need::Required,
        Obligation::Recommended => Need::Recommended,
    }
}

/// Whether a record holds more than a status (where it is kept, an owner or a review date), so the page
/// shows those fields open.
pub fn has_details(record: &DocumentRecord) -> bool {
    !(record.location.is_empty() && record.owner.is_empty() && record.reviewed.is_empty())
}

/// Every entry of the register, in content order.
pub fn rows<'c>(cat: &'c Catalogue, a: &Assessment) -> Vec<DocumentRow<'c>> {
    cat.documents()
        .iter()
        .map(|def| DocumentRow {
            def,
            need: need(a, def),
            record: a.documents.get(&def.id).cloned().unwrap_or_default(),
            suggested: suggested(cat, a, def),
        })
        .collect()
}

/// How many needed entries have each status that counts, for the page's and the report's summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub exists: usize,
    pub draft: usize,
    pub missing: usize,
    /// Neither recorded nor suggested.
    pub unknown: usize,
    pub not_needed: usize,
}

impl Tally {
    /// Counts the rows.
    pub fn of(rows: &[DocumentRow<'_>]) -> Tally {
        let mut t = Tally::default();
        for row in rows {
            if row.need == Need::NotNeeded {
                t.not_needed += 1;
                continue;
            }
            match row.status() {
                Some(DocumentStatus::Exists) => t.exists += 1,
                Some(DocumentStatus::Draft) => t.draft += 1,
                Some(DocumentStatus::Missing) => t.missing += 1,
                None => t.unknown += 1,
            }
        }
        t
    }

    /// "12 exist, 1 draft, 30 missing, 7 not recorded (2 not needed)".
    pub fn text(&self) -> String {
        let mut text = format!(
            "{} exist{}, {} draft{}, {} missing, {} not recorded",
            self.exists,
            if self.exists == 1 { "s" } else { "" },
            self.draft,
            if self.draft == 1 { "" } else { "s" },
            self.missing,
            self.unknown
        );
        if self.not_needed > 0 {
            let _ = write!(text, " ({} not needed)", self.not_needed);
        }
        text
    }
}

fn cell(text: &str) -> String {
    if text.trim().is_empty() {
        NO_VALUE.to_owned()
    } else {
        escape(text.trim())
    }
}

/// The register as a Markdown section for the reports, with its heading. Every user string is escaped.
pub fn documents_markdown(cat: &Catalogue, a: &Assessment) -> String {
    let rows = rows(cat, a);
    let mut out = String::from("## Required documented information\n\n");
    let _ = writeln!(
        out,
        "{} documents: {}. A status marked “suggested” comes from the answers; the rule is below the table.\n",
        rows.len(),
        Tally::of(&rows).text()
    );
    out.push_str(
        "| Document | Clause or control | Need | Status | Kept at | Owner | Last reviewed |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for row in &rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            escape(&row.def.title),
            escape(&row.clauses_text()),
            row.need.label(),
            row.status_text(),
            cell(&row.record.location),
            cell(&row.record.owner),
            cell(&row.record.reviewed),
        );
    }
    out.push('\n');
    out.push_str(RULE_MARKDOWN);
    out.push_str("\n\n");
    out
}
