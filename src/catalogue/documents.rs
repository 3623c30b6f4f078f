//! The on-disk shape of `content/documents.toml`: the register of documented information that ISO/IEC 42001
//! asks for (clauses 4–10, and the Annex A controls that say to document or record something), with the
//! items each entry is evidence for and the data the suggested-status rule needs.
//!
//! Like `schema.rs`, this file must only use `serde`: `build.rs` includes it with `#[path]`. Postcard is
//! positional, so every field is written and none may be skipped when serialising.

use serde::{Deserialize, Serialize};

/// `content/documents.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentsFile {
    pub format_version: u32,
    pub status_rule: StatusRuleDef,
    pub documents: Vec<DocumentDef>,
}

/// The levels from which the answers to an entry's `status_from` items suggest a status: at or above
/// `exists_from_level` "exists", at or above `draft_from_level` "draft", below it "missing". The rule that
/// combines several items lives in the core; this is only its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRuleDef {
    pub exists_from_level: u8,
    pub draft_from_level: u8,
}

/// One piece of documented information.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentDef {
    /// A stable slug (`[a-z0-9]+(-[a-z0-9]+)*`), the key under which the user's record is stored.
    pub id: String,
    pub title: String,
    /// The sub-clauses and controls it comes from, e.g. `["6.1.3"]` or `["6.1.4", "8.4", "A.5.3"]`.
    pub clauses: Vec<String>,
    /// What it is, in plain words (plain text, no Markdown).
    pub description: String,
    pub obligation: Obligation,
    /// The items (sub-clauses or controls) it is evidence for; includes every entry of `clauses`.
    pub evidence_for: Vec<String>,
    /// The items whose answers suggest whether it exists; a subset of `evidence_for`.
    pub status_from: Vec<String>,
}

/// Whether the standard requires the documented information or only suggests it.
///
/// An entry that comes only from Annex A controls is required when at least one of those controls is
/// included in the Statement of Applicability; an excluded control needs none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Obligation {
    /// The standard says to document, retain or make it available.
    Required,
    /// Not asked for in so many words, but the usual way to show the requirement is met.
    Recommended,
}

impl Obligation {
    /// The key used in content and exports.
    pub fn key(self) -> &'static str {
        match self {
            Obligation::Required => "required",
            Obligation::Recommended => "recommended",
        }
    }
}
