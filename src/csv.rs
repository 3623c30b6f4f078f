//! CSV exports (RFC 4180): the Statement of Applicability and every answer in scope.
//!
//! A field containing a comma, a double quote, CR or LF is quoted, with quotes doubled; records end with
//! CRLF. A field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe first, so a
//! spreadsheet shows it as text instead of running it as a formula (CSV injection).

use std::borrow::Cow;

use crate::assessment::{Answer, Assessment, Response};
use crate::catalogue::Catalogue;
use crate::checkpoints;
use crate::score;
use crate::soa::soa;

/// Characters that make a spreadsheet treat a cell as a formula when they come first.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

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

/// Every item in scope, answered or not: the answer is 0 … 5, "N/A" or empty; `checkpoints_ticked` lists
/// the ticked checkpoint IDs (separated by spaces) and `checkpoints_total` how many the item has (empty
/// for an item without checkpoints).
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
            "checkpoints_ticked",
            "checkpoints_total",
        ],
    );
    let empty = Response::default();
    for item in score::in_scope(cat, a.mode) {
        let response = a.response(&item.id).unwrap_or(&empty);
        let (ticked, total) = checkpoints::csv_fields(item, a);
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
                &ticked,
                &total,
            ],
        );
    }
    out
}
