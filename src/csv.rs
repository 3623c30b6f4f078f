//! CSV exports (RFC 4180): the Statement of Applicability and every answer in scope.
//!
//! A field containing a comma, a double quote, CR or LF is quoted, with quotes doubled; records end with
//! CRLF. A field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe first, so a
//! spreadsheet shows it as text instead of running it as a formula (CSV injection).

use std::borrow::Cow;

use crate::assessment::{Answer, Assessment, Response};
use crate::catalogue::Catalogue;
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

/// Appends one record of text fields, ending in CRLF.
pub fn push_record(out: &mut String, fields: &[&str]) {
    let cells: Vec<Cell<'_>> = fields.iter().map(|text| Cell::Text(text)).collect();
    push_cells(out, &cells);
}

/// One field of a record: text (from a user, a file or the content: guarded and quoted as [`field`]
/// does) or a number the app computed, written as digits with its sign, so a spreadsheet reads a negative
/// change as a number rather than as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    Text(&'a str),
    Number(i64),
}

/// Appends one record, ending in CRLF.
pub fn push_cells(out: &mut String, cells: &[Cell<'_>]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            Cell::Text(text) => out.push_str(&field(text)),
            Cell::Number(n) => out.push_str(&n.to_string()),
        }
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
