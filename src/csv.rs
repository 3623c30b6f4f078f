//! CSV exports (RFC 4180): the Statement of Applicability, every answer in scope, and the register of
//! required documented information.
//!
//! A field containing a comma, a double quote, CR or LF is quoted, with quotes doubled; records end with
//! CRLF. A field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe first, so a
//! spreadsheet shows it as text instead of running it as a formula (CSV injection). A file that starts
//! with [`BOM`] is opened as UTF-8 by spreadsheet programs that would otherwise guess a legacy encoding.

use std::borrow::Cow;

use crate::assessment::{Answer, Assessment, Response};
use crate::catalogue::Catalogue;
use crate::documents;
use crate::score;
use crate::soa::soa;

/// Characters that make a spreadsheet treat a cell as a formula when they come first.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The UTF-8 byte-order mark: first in a CSV file, it tells spreadsheet programs the encoding.
pub const BOM: char = '\u{feff}';

/// One field, guarded against formula injection and quoted if it needs to be.
pub fn field(text: &str) -> Cow<'_, str> {
    let guarded: Cow<'_, str> = if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", guarded.replace('"', "\"\"")))
    } else {
        guarded
    }
}

/// Appends one record, ending in CRLF.
pub fn push_record(out: &mut String, fields: &[&str]) {
    for (i, text) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(text));
    }
    out.push_str("\r\n");
}

/// The Statement of Applicability: all Annex A controls, whatever the mode.
pub fn soa_csv(cat: &Catalogue, a: &Assessment) -> String {
    let mut out = String::new();
    push_record(
        &mut out,
        &[
            "control",
            "title",
            "category",
            "applicable",
            "justification",
            "implementation_level",
            "notes",
        ],
    );
    for row in soa(cat, a) {
        let level = row.level.map(|l| l.to_string()).unwrap_or_default();
        push_record(
            &mut out,
            &[
                &row.control_id,
                &row.title,
                &row.category_id,
                row.applicable.key(),
                &row.justification,
                &level,
                &row.notes,
            ],
        );
    }
    out
}

/// Every item in scope, answered or not: the answer is 0 … 5, "N/A" or empty.
pub fn answers_csv(cat: &Catalogue, a: &Assessment) -> String {
    let mut out = String::new();
    push_record(
        &mut out,
        &[
            "id",
            "section",
            "title",
            "answer",
            "justification",
            "notes",
            "evidence",
            "owner",
            "due",
        ],
    );
    let empty = Response::default();
    for item in score::in_scope(cat, a.mode) {
        let response = a.response(&item.id).unwrap_or(&empty);
        let (answer, justification) = match &response.answer {
            None => (String::new(), ""),
            Some(Answer::Level(level)) => (level.to_string(), ""),
            Some(Answer::NotApplicable { justification }) => {
                ("N/A".to_owned(), justification.as_str())
            }
        };
        push_record(
            &mut out,
            &[
                &item.id,
                &item.section,
                &item.title,
                &answer,
                justification,
                &response.notes,
                &response.evidence,
                &response.owner,
                &response.due,
            ],
        );
    }
    out
}

/// The register of required documented information, every entry: UTF-8 with a byte-order mark.
/// `status` is the user's choice (empty while undecided), `suggested_status` what the answers suggest;
/// lists (clauses, items) are separated by spaces.
pub fn documents_csv(cat: &Catalogue, a: &Assessment) -> String {
    let mut out = String::from(BOM);
    push_record(
        &mut out,
        &[
            "document_id",
            "title",
            "clauses",
            "need",
            "status",
            "suggested_status",
            "location",
            "owner",
            "reviewed",
            "evidence_for",
            "description",
        ],
    );
    for row in documents::rows(cat, a) {
        push_record(
            &mut out,
            &[
                &row.def.id,
                &row.def.title,
                &row.clauses_text(),
                row.need.key(),
                row.record.status.map_or("", |s| s.key()),
                row.suggested.map_or("", |s| s.key()),
                &row.record.location,
                &row.record.owner,
                &row.record.reviewed,
                &row.def.evidence_for.join(" "),
                &row.def.description,
            ],
        );
    }
    out
}
