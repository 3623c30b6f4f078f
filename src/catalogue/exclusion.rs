//! The on-disk shape of exclusion hints: for an Annex A control, which ISO/IEC 22989 roles can usually
//! justify excluding it from the Statement of Applicability and which rarely can, each with its reason.
//! Hints are suggestions shown beside the control; they never set an answer.
//!
//! Like `schema.rs`, this file must only use `serde`: `build.rs` includes it with `#[path]`.

use serde::{Deserialize, Serialize};

/// The role keys of ISO/IEC 22989 that clause 4.1 refers to, as the assessment file stores them.
pub const ROLE_KEYS: &[&str] = &[
    "ai-provider",
    "ai-producer",
    "ai-customer",
    "ai-partner",
    "ai-subject",
    "relevant-authority",
];

/// One hint on one control: `[[items.exclusion_hints]]` in a section file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExclusionHintDef {
    /// Role keys of [`ROLE_KEYS`] the hint is for.
    pub roles: Vec<String>,
    pub can_exclude: Likelihood,
    /// One sentence, plain text.
    pub reason: String,
}

/// How often an organisation in the role can justify excluding the control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Likelihood {
    /// An organisation in this role can usually justify the exclusion.
    Usually,
    /// An organisation in this role rarely can.
    Rarely,
}

impl Likelihood {
    /// The key used in content and exports.
    pub fn key(self) -> &'static str {
        match self {
            Likelihood::Usually => "usually",
            Likelihood::Rarely => "rarely",
        }
    }
}
