//! CSV exports (RFC 4180): the Statement of Applicability and every answer in scope. Every file starts
//! with a UTF-8 byte-order mark ([`BOM`]), which spreadsheet programs need to read it as UTF-8.
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

/// The UTF-8 byte-order mark every CSV file starts with, so spreadsheet programs read it as UTF-8.
pub const BOM: char = '\u{feff}';

/// The Statement of Applicability: all Annex A controls, whatever the mode, then the controls added from
/// other sources, each row with the SoA's version, date and approver.
pub fn soa_csv(cat: &Catalogue, a: &Assessment) -> String {
    let mut out = String::from(BOM);
    push_record(
        &mut out,
        &[
            "control",
            "title",
            "category",
            "source",
            "decision",
            "inclusion_reasons",
            "exclusion_justification",
            "implementation_status",
            "status_suggested",
            "implementation_level",
            "role_hint",
            "findings",
            "notes",
            "soa_version",
            "soa_date",
            "soa_approver",
        ],
    );
    let doc = [
        a.soa.version.as_str(),
        a.soa.date.as_str(),
        a.soa.approver.as_str(),
    ];
    for row in soa(cat, a) {
        let level = row.level.map(|l| l.to_string()).unwrap_or_default();
        let reasons: Vec<&str> = row.reasons.iter().map(|r| r.key()).collect();
        let status = row.status.map(|s| s.key()).unwrap_or_default();
        let suggested = if row.status_suggested { "yes" } else { "" };
        let hint = row
            .hint
            .as_ref()
            .map(|h| format!("{}: {}", h.likelihood.key(), h.text()))
            .unwrap_or_default();
        let findings: Vec<&str> = row.findings.iter().map(|f| f.text()).collect();
        let mut fields = vec![
            row.control_id.as_str(),
            &row.title,
            &row.category_id,
            "ISO/IEC 42001:2023 Annex A",
            row.applicable.key(),
        ];
        let reasons = reasons.join(";");
        let findings = findings.join(" ");
        fields.extend([
            reasons.as_str(),
            &row.justification,
            status,
            suggested,
            &level,
            &hint,
            &findings,
            &row.notes,
        ]);
        fields.extend(doc);
        push_record(&mut out, &fields);
    }
    for c in &a.soa.added {
        let reasons: Vec<&str> = c.reasons.iter().map(|r| r.key()).collect();
        let reasons = reasons.join(";");
        let status = c.status.map(|s| s.key()).unwrap_or_default();
        let mut fields = vec![
            c.reference.as_str(),
            &c.title,
            "",
            &c.source,
            "included",
            &reasons,
            "",
            status,
            "",
            "",
            "",
            "",
            &c.notes,
        ];
        fields.extend(doc);
        push_record(&mut out, &fields);
    }
    out
}

/// Every item in scope, answered or not: the answer is 0 … 5, "N/A" or empty.
pub fn answers_csv(cat: &Catalogue, a: &Assessment) -> String {
    let mut out = String::from(BOM);
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
            "checkpoints",
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
        let checkpoints =
            Vec::from_iter(response.checkpoints.iter().map(String::as_str)).join("; ");
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
                &checkpoints,
            ],
        );
    }
    out
}
