//! The assessment file format: one codec for localStorage, file export, import and share links.
//!
//! The format is a boundary, so it has its own serde types ([`v2`]) separate from the in-memory model in
//! [`crate::assessment`]: the model may change, files already on people's disks may not.
//!
//! # Format, schema version 2
//!
//! A UTF-8 JSON object (at most 5 MB); `public/assessment.schema.json` is its JSON Schema and
//! `docs/FORMAT.md` a short description.
//!
//! ```json
//! {
//!   "format": "aims-readiness/assessment",
//!   "schema_version": 2,
//!   "app_version": "0.2.0",
//!   "content_version": 1,
//!   "name": "2025 Q1",
//!   "created": "2025-03-01T09:30:00Z",
//!   "updated": "2025-03-02T16:05:00Z",
//!   "mode": "full",
//!   "target": 3,
//!   "profile": {
//!     "name": "Example Ltd", "roles": ["ai-producer", "ai-customer"], "sector": "Insurance",
//!     "size": "medium", "systems_in_scope": "Claims triage model"
//!   },
//!   "answers": {
//!     "6.1.2": { "level": 2, "notes": "…", "evidence": "…", "owner": "CRO", "due": "2025-06-30" },
//!     "9.3.2": { "level": 3, "checkpoints": ["inputs-audit-results"] },
//!     "A.10.4": { "not_applicable": true, "justification": "We have no customers of our AI systems." }
//!   },
//!   "soa": {
//!     "version": "1.0", "date": "2025-03-02", "approver": "CEO",
//!     "controls": { "A.6.2.4": { "reasons": ["risk-treatment"], "status": "partial" } },
//!     "added": []
//!   },
//!   "documents": { "aims-scope": { "status": "exists", "location": "Intranet › AIMS", "owner": "CISO" } },
//!   "roadmap": { "stage1": "2025-09-15", "stage2": "2025-11-03" },
//!   "policy": {
//!     "scope": "", "principles": ["C.2.5"], "extra_principles": "", "risk_appetite": "low",
//!     "owner_role": "", "approver": "", "review_months": 12, "version": "", "effective_date": "",
//!     "related_policies": [], "exceptions": "", "edited_markdown": null
//!   }
//! }
//! ```
//!
//! - `format` is always `"aims-readiness/assessment"`; `schema_version` is [`SCHEMA_VERSION`]; `app_version`
//!   is the version of the app that wrote the file and `content_version` the questionnaire content's
//!   [`crate::catalogue::CONTENT_FORMAT_VERSION`] (both informative).
//! - `created` and `updated` are RFC 3339 timestamps. `mode` is `"quick"` or `"full"`; `target` is 2 … 5.
//! - `name` is the assessment's own name. `profile.roles` holds ISO/IEC 22989 role keys (`ai-provider`,
//!   `ai-producer`, `ai-customer`, `ai-partner`, `ai-subject`, `relevant-authority`); `profile.size` is a
//!   size key (`micro`, `small`, `medium`, `large`) or `null`.
//! - `answers` is keyed by item ID. An answer has either a `level` (0 … 5) or `"not_applicable": true` with
//!   a non-blank `justification` (Annex A controls only), or neither (unanswered but with notes). `notes`,
//!   `evidence`, `owner`, `due` (`YYYY-MM-DD`) and `checkpoints` (ticked checkpoint IDs) are optional;
//!   empty fields are left out. IDs this app does not know are kept, never dropped, and counted in one
//!   warning that names a few of them.
//! - `soa` holds the Statement of Applicability's version, date and approver, per Annex A control the
//!   inclusion `reasons` and implementation `status`, and controls `added` from other sources; an
//!   exclusion is the answer "not applicable" with its justification. `documents` is the register of
//!   required documented information by document ID; `roadmap` the planned stage 1 and stage 2 audits.
//! - `policy` holds the policy drafter's form (`risk_appetite` is `low`, `moderate`, `high` or `null`;
//!   `effective_date` is `YYYY-MM-DD` or empty) and `edited_markdown`, the hand-edited draft or `null`.
//! - No other keys are allowed anywhere, and no key may appear twice in one object. Every text field is at
//!   most [`MAX_TEXT_CHARS`] characters ([`MAX_MARKDOWN_CHARS`] for `edited_markdown`).
//!
//! Output is deterministic: fields in a fixed order, answers sorted by item ID.
//!
//! # Versions
//!
//! A file with a newer `schema_version` is refused with a message asking to update the app. An older one
//! goes through the steps in [`migrate::MIGRATIONS`], one version at a time, before it is read as the
//! current version.

mod entry;
pub mod migrate;
mod scan;
mod utf16;
pub mod v2;

use std::fmt;

pub use entry::{decode_entry, encode_entry};

use thiserror::Error;

use crate::assessment::Assessment;
use crate::catalogue::Catalogue;

/// The fixed value of the `format` field.
pub const FORMAT: &str = "aims-readiness/assessment";
/// The schema version this app writes, and the newest it reads.
pub const SCHEMA_VERSION: u32 = 2;
/// Input larger than this is refused before it is parsed.
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;
/// The longest text field (notes, evidence, a name …), in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The longest hand-edited policy draft, in characters.
pub const MAX_MARKDOWN_CHARS: usize = 200_000;
/// The most entries in one list (policy principles, related policies).
pub const MAX_LIST_LEN: usize = 200;
/// The longest item ID accepted as an answers key.
pub const MAX_ITEM_ID_CHARS: usize = 64;
/// serde_json's nesting limit; an assessment is at most 4 levels deep.
const MAX_DEPTH: usize = 128;

/// Serialises an assessment as pretty JSON, for exported files and localStorage alike, if [`decode`] would
/// read it back.
///
/// What the codec writes, it reads: the file is checked with the same rules [`decode`] applies (every
/// field's limits, dates, justifications, item IDs) and against [`MAX_INPUT_BYTES`], so an assessment the
/// reader would refuse is never saved or exported; the caller keeps the previous state and says why.
/// Deterministic: the same assessment always gives the same bytes.
pub fn encode(assessment: &Assessment, catalogue: &Catalogue) -> Result<String, WriteError> {
    let file = v2::FileV2::from_assessment(assessment, v2::Detail::Everything);
    if let Err(ImportError::Invalid { problems }) = file.clone().into_preview(catalogue) {
        return Err(WriteError::Invalid { problems });
    }
    let mut json = to_json(&file, true);
    json.push('\n');
    if json.len() > MAX_INPUT_BYTES {
        return Err(WriteError::TooLarge {
            size: json.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(json)
}

/// Why an assessment was not written: the reader would refuse what would come out.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WriteError {
    #[error("the assessment would take {} bytes, more than the {} bytes ({} MB) an assessment file can hold. Shorten some notes or evidence, or keep long texts in documents of your own and refer to them here.", group_digits(*.size), group_digits(*.limit), limit / (1024 * 1024))]
    TooLarge { size: usize, limit: usize },
    #[error("{}", write_problems_text(.problems))]
    Invalid { problems: Vec<Problem> },
}

fn write_problems_text(problems: &[Problem]) -> String {
    let mut text = problems
        .iter()
        .take(3)
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ");
    if problems.len() > 3 {
        text.push_str(&format!("; and {} more", problems.len() - 3));
    }
    text
}

/// From this share of a limit on, the app shows how much of it is used.
const NEAR_LIMIT: f64 = 0.8;

/// "18,000 of 20,000 characters" once a field's text is near its limit, `None` before.
pub fn char_counter(chars: usize, max: usize) -> Option<String> {
    (chars as f64 >= max as f64 * NEAR_LIMIT).then(|| {
        format!(
            "{} of {} characters",
            group_digits(chars),
            group_digits(max)
        )
    })
}

/// "4.9 of 5 MB used: …" once a stored assessment of `bytes` is near [`MAX_INPUT_BYTES`], `None` before.
pub fn size_note(bytes: usize) -> Option<String> {
    (bytes as f64 >= MAX_INPUT_BYTES as f64 * NEAR_LIMIT).then(|| {
        format!(
            "{:.1} of {} MB used: an assessment holds at most {} bytes",
            bytes as f64 / (1024.0 * 1024.0),
            MAX_INPUT_BYTES / (1024 * 1024),
            group_digits(MAX_INPUT_BYTES)
        )
    })
}

/// The years a date typed into the app may have. The reader accepts any four-digit year, so files with
/// other years still open; what a person types is held to the years they can mean.
pub const TYPED_YEARS: std::ops::RangeInclusive<u32> = 1900..=2199;

/// Checks a date as typed into a date field: empty, or a real `YYYY-MM-DD` date within [`TYPED_YEARS`].
pub fn check_typed_date(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Ok(());
    }
    let year_ok = text
        .get(..4)
        .and_then(|y| y.parse::<u32>().ok())
        .is_some_and(|y| TYPED_YEARS.contains(&y));
    if v2::is_date(text) && year_ok {
        Ok(())
    } else {
        Err(format!(
            "“{}” is not a date between {} and {}: check the year.",
            shorten(text, 40),
            TYPED_YEARS.start(),
            TYPED_YEARS.end()
        ))
    }
}

/// Checks a text as typed or pasted into a field that holds at most `max` characters, counted as the
/// reader counts them (Unicode scalar values, not UTF-16 units or bytes).
pub fn check_typed_text(text: &str, max: usize) -> Result<(), String> {
    let count = text.chars().count();
    if count > max {
        Err(format!(
            "This text has {} characters; the field holds at most {}. Shorten it by {}: until then it is not saved.",
            group_digits(count),
            group_digits(max),
            group_digits(count - max)
        ))
    } else {
        Ok(())
    }
}

/// Serialises an assessment as compact JSON, as a share link carries it.
pub(crate) fn encode_compact(assessment: &Assessment, detail: v2::Detail) -> String {
    to_json(&v2::FileV2::from_assessment(assessment, detail), false)
}

/// How many bytes the file [`encode`] writes would have, for what `detail` keeps of an assessment: counted,
/// not written. What a share link carries must fit in a file too, since opening it stores it.
pub(crate) fn encoded_len(assessment: &Assessment, detail: v2::Detail) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0 += bytes.len();
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    let file = v2::FileV2::from_assessment(assessment, detail);
    serde_json::to_writer_pretty(&mut count, &file).expect("the file types always serialise");
    // `encode` ends the file with a newline.
    count.0 + 1
}

fn to_json(file: &v2::FileV2, pretty: bool) -> String {
    // serde_json fails only on maps with non-string keys or on a failing `Serialize` impl; `FileV2` has
    // neither, whatever the data in it, so this cannot fail.
    let result = if pretty {
        serde_json::to_string_pretty(file)
    } else {
        serde_json::to_string(file)
    };
    result.expect("the file types always serialise")
}

/// Reads an exported file, a localStorage blob or an unpacked share link, without changing anything.
///
/// Everything is checked before an [`Assessment`] comes out: size, encoding, JSON syntax, `format`,
/// `schema_version` (older versions are migrated), duplicate keys, the shape of every field and every
/// value. Unknown item IDs are kept and reported, counted in one warning, in [`Preview::warnings`].
pub fn decode(input: &[u8], catalogue: &Catalogue) -> Result<Preview, ImportError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            size: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let transcoded = utf16::decode(input)?;
    let input = transcoded.as_deref().map_or(input, str::as_bytes);
    let text = std::str::from_utf8(input).map_err(|e| {
        let (line, column) = line_column(input, e.valid_up_to());
        ImportError::NotUtf8 {
            line,
            column,
            byte: input.get(e.valid_up_to()).copied().unwrap_or(0),
        }
    })?;
    // Editors on Windows like to start UTF-8 files with a byte order mark; it carries no data.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    match trimmed.as_bytes().first() {
        None => return Err(ImportError::Empty),
        Some(b'{') => {}
        Some(b'[') => return Err(ImportError::NotAnObject { found: "a list" }),
        Some(b'"') => return Err(ImportError::NotAnObject { found: "a string" }),
        Some(b'-' | b'0'..=b'9') => return Err(ImportError::NotAnObject { found: "a number" }),
        Some(b't' | b'f') if trimmed.starts_with("true") || trimmed.starts_with("false") => {
            return Err(ImportError::NotAnObject {
                found: "true or false",
            })
        }
        Some(b'n') if trimmed.starts_with("null") => {
            return Err(ImportError::NotAnObject { found: "null" })
        }
        // Not JSON at all: let the parser say where.
        Some(_) => {}
    }

    let header = scan::scan(text)?;
    let version = check_header(&header)?;
    let file: v2::FileV2 = if version == u64::from(SCHEMA_VERSION) {
        serde_json::from_str(text).map_err(|e| shape_error(&e))?
    } else {
        let from = u32::try_from(version).map_err(|_| ImportError::TooOld {
            found: version,
            oldest: migrate::OLDEST_READABLE,
        })?;
        let doc: serde_json::Value = serde_json::from_str(text).map_err(|e| shape_error(&e))?;
        let doc = migrate::upgrade(doc, from)?;
        serde_json::from_value(doc).map_err(|e| shape_error(&e))?
    };
    let mut preview = file.into_preview(catalogue)?;
    // What the app reads, it must be able to store and export again (the pretty form it writes can be
    // larger than a compact file or an unpacked share link).
    encode(&preview.assessment, catalogue).map_err(ImportError::NotKeepable)?;
    preview.schema_version = version;
    if version != u64::from(SCHEMA_VERSION) {
        preview.warnings.insert(
            0,
            ImportWarning::Migrated {
                from: version,
                to: SCHEMA_VERSION,
                changes: migrate::MIGRATIONS
                    .iter()
                    .filter(|m| u64::from(m.from) >= version)
                    .map(|m| m.what)
                    .collect(),
            },
        );
    }
    Ok(preview)
}

/// Checks `format` and `schema_version`, and returns the version.
fn check_header(header: &scan::Header) -> Result<u64, ImportError> {
    match &header.format {
        None => return Err(ImportError::MissingFormat),
        Some(scan::Scalar::Str(s)) if s == FORMAT => {}
        Some(other) => {
            return Err(ImportError::WrongFormat {
                found: shorten(&other.to_string(), 80),
            })
        }
    }
    let version = match &header.schema_version {
        None => return Err(ImportError::MissingVersion),
        Some(scan::Scalar::UInt(v)) => *v,
        Some(other) => {
            return Err(ImportError::BadVersion {
                found: shorten(&other.to_string(), 80),
            })
        }
    };
    if version > u64::from(SCHEMA_VERSION) {
        return Err(ImportError::NewerVersion {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version < u64::from(migrate::OLDEST_READABLE) {
        return Err(ImportError::TooOld {
            found: version,
            oldest: migrate::OLDEST_READABLE,
        });
    }
    Ok(version)
}

/// The JSON Schema of the current file format, as committed in `public/assessment.schema.json`.
#[cfg(feature = "schema")]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(v2::FileV2);
    let mut json =
        serde_json::to_string_pretty(&schema).expect("a JSON Schema is plain JSON and serialises");
    json.push('\n');
    json
}

/// A decoded assessment, shown to the user before it replaces anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub assessment: Assessment,
    /// Things the user should know before confirming; none of them stops the import.
    pub warnings: Vec<ImportWarning>,
    /// The file's `schema_version` as read, before any migration.
    pub schema_version: u64,
    /// The version of the app that wrote the file.
    pub app_version: String,
    /// Answers (levels or not applicable) to items of this questionnaire.
    pub answered: usize,
}

impl Preview {
    /// The organisation's name, as the preview shows it.
    pub fn organisation(&self) -> &str {
        &self.assessment.profile.name
    }

    /// When the assessment was last changed (RFC 3339).
    pub fn updated(&self) -> &str {
        &self.assessment.updated
    }
}

/// Something worth knowing about an import that does not stop it.
///
/// A file may hold any number of unknown IDs, so they come as one warning each kind, with a count and a
/// few examples: the preview's work and length do not grow with the file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportWarning {
    #[error("{}", unknown_items(*.count, .examples))]
    UnknownItems {
        /// How many answers are to IDs this questionnaire does not have.
        count: usize,
        /// The first few of those IDs (at most [`EXAMPLES_SHOWN`]), shortened.
        examples: Vec<String>,
    },
    #[error("the assessment was made with questionnaire content version {file}, this app has version {app}: answers are matched by item ID")]
    ContentVersion { file: u64, app: u32 },
    #[error("the assessment was written in file format version {from} and has been upgraded to version {to}: {}", .changes.join("; "))]
    Migrated {
        from: u64,
        to: u32,
        /// What each step changed ([`migrate::Migration::what`]).
        changes: Vec<&'static str>,
    },
    #[error("{}", unknown_principles(*.count, .examples))]
    UnknownPrinciples {
        /// How many policy principles are not Annex C objectives this app knows.
        count: usize,
        /// The first few of them (at most [`EXAMPLES_SHOWN`]), shortened.
        examples: Vec<String>,
    },
}

/// The most examples a warning about many IDs names.
pub const EXAMPLES_SHOWN: usize = 5;
/// The longest example shown, in characters (item IDs may have 64).
const EXAMPLE_CHARS: usize = 24;

/// Counts the entries a warning is about and keeps the first few, shortened, as its examples.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    count: usize,
    examples: Vec<String>,
}

impl Tally {
    pub(crate) fn add(&mut self, id: &str) {
        self.count += 1;
        if self.examples.len() < EXAMPLES_SHOWN {
            self.examples.push(shorten(id, EXAMPLE_CHARS));
        }
    }

    /// The warning, if anything was counted.
    pub(crate) fn warning(
        self,
        make: fn(usize, Vec<String>) -> ImportWarning,
    ) -> Option<ImportWarning> {
        (self.count > 0).then(|| make(self.count, self.examples))
    }
}

fn unknown_items(count: usize, examples: &[String]) -> String {
    match examples {
        [one] if count == 1 => format!("“{one}” is not an item of this questionnaire (it may come from another version of the content): its answer is kept but not scored"),
        _ => format!(
            "{} answers are to items this questionnaire does not have ({}): they are kept but not scored",
            group_digits(count),
            example_list(count, examples)
        ),
    }
}

fn unknown_principles(count: usize, examples: &[String]) -> String {
    match examples {
        [one] if count == 1 => {
            format!(
                "policy principle “{one}” is not an Annex C objective this app knows: it is kept"
            )
        }
        _ => format!(
            "{} policy principles are not Annex C objectives this app knows ({}): they are kept",
            group_digits(count),
            example_list(count, examples)
        ),
    }
}

/// “a”, “b”, “c” when that is all of them, e.g. “a”, “b”, “c” … when there are more.
fn example_list(count: usize, examples: &[String]) -> String {
    let quoted: Vec<String> = examples.iter().map(|e| format!("“{e}”")).collect();
    if count > examples.len() {
        format!("e.g. {} …", quoted.join(", "))
    } else {
        quoted.join(", ")
    }
}

/// A count with thousands separators: 100,000.
pub fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// One thing wrong with a value, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, as field names from the top of the file: `answers › A.6.2.4 › level`.
    pub path: String,
    /// What is wrong, and what would be right.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why an assessment could not be read. Each message says what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("The data is {size} bytes, more than the {} MB an assessment can be: this is not an assessment file.", limit / (1024 * 1024))]
    TooLarge { size: usize, limit: usize },
    #[error("The data is empty. Choose a .json file exported from this app.")]
    Empty,
    #[error("This is not a text file: byte {byte:#04x} at line {line}, column {column} is not UTF-8. Choose a .json file exported from this app.")]
    NotUtf8 {
        line: usize,
        column: usize,
        byte: u8,
    },
    #[error("This file is UTF-16 text with a broken character at line {line}, column {column}: it was damaged, or cut and joined again. Save it as UTF-8 and import it again.")]
    NotUtf16 { line: usize, column: usize },
    #[error("This is not an assessment: the JSON holds {found}, where an assessment is a JSON object (it starts with “{{”).")]
    NotAnObject { found: &'static str },
    #[error("This is not valid JSON: {message} at line {line}, column {column}. Was it edited by hand, or is it another kind of file?")]
    Syntax {
        message: String,
        line: usize,
        column: usize,
    },
    #[error("The data ends too early, at line {line}, column {column}: it was cut short. Export or copy it again.")]
    Truncated { line: usize, column: usize },
    #[error("The data is nested more than {MAX_DEPTH} levels deep at line {line}, column {column}; an assessment never is, so this is not an assessment file.")]
    TooDeep { line: usize, column: usize },
    #[error("The number at line {line}, column {column} is too large; no value in an assessment is anywhere near that big.")]
    NumberTooLarge { line: usize, column: usize },
    #[error("“{key}” appears twice in {} (line {line}, column {column}). Keep one of them and import again.", place(.parent))]
    DuplicateKey {
        key: String,
        /// The enclosing object, as a path; empty for the top level.
        parent: String,
        line: usize,
        column: usize,
    },
    #[error("This JSON is not an assessment from this app: it has no \"format\" field (an assessment has \"format\": \"{FORMAT}\").")]
    MissingFormat,
    #[error("This JSON is not an assessment from this app: its \"format\" is {found}, where an assessment has \"{FORMAT}\".")]
    WrongFormat { found: String },
    #[error(
        "The assessment has no \"schema_version\" field, so this app cannot tell how to read it."
    )]
    MissingVersion,
    #[error("\"schema_version\" must be a whole number such as {SCHEMA_VERSION}, not {found}.")]
    BadVersion { found: String },
    #[error("This assessment was made by a newer version of the app (file format version {found}; this version reads up to {supported}). Update the app by reloading the page, then import it again.")]
    NewerVersion { found: u64, supported: u32 },
    #[error("This assessment uses file format version {found}, from a pre-release of the app that this version cannot read (the oldest it reads is {oldest}).")]
    TooOld { found: u64, oldest: u32 },
    #[error("The assessment could not be upgraded from file format version {from}: {message}.")]
    Migration { from: u32, message: String },
    #[error("The assessment does not have the expected shape: {message}{}.", at(*.line, *.column))]
    Shape {
        message: String,
        /// 1-based; 0 when unknown (a migrated file has no positions).
        line: usize,
        column: usize,
    },
    #[error("{}", problems_text(.problems))]
    Invalid { problems: Vec<Problem> },
    #[error("This assessment cannot be kept in this app: {0}")]
    NotKeepable(WriteError),
}

fn place(parent: &str) -> String {
    if parent.is_empty() {
        "the top level".to_owned()
    } else {
        parent.to_owned()
    }
}

fn at(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(" at line {line}, column {column}")
    }
}

fn problems_text(problems: &[Problem]) -> String {
    const SHOWN: usize = 10;
    let mut text = match problems {
        [one] => format!("The assessment has a problem: {one}."),
        _ => format!("The assessment has {} problems:", problems.len()),
    };
    if problems.len() > 1 {
        for problem in problems.iter().take(SHOWN) {
            text.push_str(&format!("\n- {problem}"));
        }
        if problems.len() > SHOWN {
            text.push_str(&format!("\n- … and {} more", problems.len() - SHOWN));
        }
    }
    text
}

/// Maps a serde_json error from reading the typed file to a user-facing error.
fn shape_error(e: &serde_json::Error) -> ImportError {
    match syntax_error(e) {
        Some(err) => err,
        None => ImportError::Shape {
            message: shorten(&humanise(&message_of(e)), 300),
            line: e.line(),
            column: e.column(),
        },
    }
}

/// Syntax, truncation and nesting errors, which say the input is not JSON at all.
fn syntax_error(e: &serde_json::Error) -> Option<ImportError> {
    use serde_json::error::Category;
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        Category::Eof => Some(ImportError::Truncated { line, column }),
        Category::Syntax if message_of(e).starts_with("recursion limit exceeded") => {
            Some(ImportError::TooDeep { line, column })
        }
        Category::Syntax if message_of(e).starts_with("number out of range") => {
            Some(ImportError::NumberTooLarge { line, column })
        }
        Category::Syntax | Category::Io => Some(ImportError::Syntax {
            message: shorten(&message_of(e), 300),
            line,
            column,
        }),
        Category::Data => None,
    }
}

/// serde_json's message without its " at line L column C" suffix.
fn message_of(e: &serde_json::Error) -> String {
    let full = e.to_string();
    if e.line() == 0 {
        return full;
    }
    match full.rsplit_once(" at line ") {
        Some((message, _)) => message.to_owned(),
        None => full,
    }
}

/// serde's wording for numbers, in words a user knows.
fn humanise(message: &str) -> String {
    message
        .replace("expected u64", "expected a whole number")
        .replace("floating point `", "the number `")
        .replace("integer `", "the number `")
}

/// 1-based line and column (in bytes) of a byte offset.
fn line_column(input: &[u8], offset: usize) -> (usize, usize) {
    let before = &input[..offset.min(input.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = match before.iter().rposition(|&b| b == b'\n') {
        Some(newline) => offset - newline,
        None => offset + 1,
    };
    (line, column)
}

/// Cuts text shown in a message to about `max` characters.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(max).collect();
        short.push('…');
        short
    }
}
