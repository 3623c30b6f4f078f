//! The on-disk shape of `content/`: plain serde types shared by `build.rs` (which reads the TOML files and
//! embeds them as one postcard bundle) and the core (which decodes that bundle once at start-up). Postcard
//! is positional: every field is written, so no field may be skipped when serialising.
//!
//! This file must only use `serde`, because `build.rs` includes it with `#[path]`.

use serde::{Deserialize, Serialize};

// Audit-preparation content (documents register, exclusion hints) has its own files, which `build.rs`
// includes next to this one.
use super::documents::DocumentsFile;
use super::exclusion::ExclusionHintDef;
use super::start::StartFile;

/// The content format this build understands; every content file states it.
pub const CONTENT_FORMAT_VERSION: u32 = 1;

/// One section file, `content/sections/<id>.toml`: a clause (4 … 10) or an Annex A category (A.2 … A.10).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFile {
    pub format_version: u32,
    pub id: String,
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub groups: Vec<GroupDef>,
    pub items: Vec<ItemDef>,
}

/// A sub-group inside a category (only A.6 has them: A.6.1 and A.6.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupDef {
    pub id: String,
    pub title: String,
    pub summary: String,
}

/// One assessable requirement: a sub-clause of clauses 4–10 or an Annex A control.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemDef {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub quick: bool,
    pub question: String,
    /// Markdown.
    pub guidance: String,
    pub evidence: Vec<String>,
    pub next_step: String,
    /// Exactly six descriptors, for maturity levels 0 … 5.
    pub levels: Vec<String>,
    /// Annex A only: which roles can usually, or rarely, justify excluding the control.
    #[serde(default)]
    pub exclusion_hints: Vec<ExclusionHintDef>,
    /// The individual requirements of an item that asks several things at once, which a user can tick
    /// one by one; empty for an item that asks one thing. See [`CheckpointDef`].
    #[serde(default)]
    pub checkpoints: Vec<CheckpointDef>,
}

/// One checkpoint of an item: a single requirement a consultant would tick, written in our own words.
/// In a section file: `checkpoints = [ { id = "policy-framework", text = "…" }, … ]` inside `[[items]]`.
/// The ID is a slug (`[a-z0-9]+(-[a-z0-9]+)*`), unique within its item and stable once released, because
/// assessments store the IDs a user ticked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckpointDef {
    pub id: String,
    pub text: String,
}

/// `content/levels.toml`: the generic maturity scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelsFile {
    pub format_version: u32,
    pub levels: Vec<LevelDef>,
}

/// One step of the generic maturity scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelDef {
    pub level: u8,
    pub name: String,
    pub meaning: String,
}

/// `content/annex_c.toml`: potential AI objectives (C.2) and risk sources (C.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnexCFile {
    pub format_version: u32,
    pub objectives: Vec<ObjectiveDef>,
    pub risk_sources: Vec<RiskSourceDef>,
}

/// One potential AI objective of Annex C.2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveDef {
    pub id: String,
    pub name: String,
    pub explanation: String,
    /// A guiding-principle sentence the policy drafter can use.
    pub principle: String,
}

/// One risk source of Annex C.3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskSourceDef {
    pub id: String,
    pub name: String,
    pub explanation: String,
}

/// `content/crosswalks.toml`: cited mappings to the NIST AI RMF and the EU AI Act.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrosswalkFile {
    pub format_version: u32,
    /// Shown next to every EU AI Act row.
    pub eu_ai_act_caveat: String,
    pub sources: Vec<SourceDef>,
    pub nist_subcategories: Vec<NistSubcategoryDef>,
    pub nist: Vec<NistMappingDef>,
    pub eu_ai_act: Vec<EuMappingDef>,
}

/// A public source a mapping cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDef {
    pub id: String,
    pub title: String,
    /// Where to find it (address or repository path), shown as text, never fetched.
    pub location: String,
}

/// A NIST AI RMF 1.0 subcategory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NistSubcategoryDef {
    pub id: String,
    pub text: String,
}

/// The NIST subcategories a source maps to one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NistMappingDef {
    pub item: String,
    pub subcategories: Vec<String>,
    pub source: String,
}

/// One EU AI Act article that a public source links to one or more items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EuMappingDef {
    pub article: String,
    pub items: Vec<String>,
    pub relation: String,
    pub confidence: String,
    pub sources: Vec<String>,
}

/// Everything in `content/`, as `build.rs` embeds it: each section with the file it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContentBundle {
    pub sections: Vec<(String, SectionFile)>,
    pub levels: LevelsFile,
    pub annex_c: AnnexCFile,
    pub crosswalks: CrosswalkFile,
    /// `content/about.md`.
    pub about: String,
    /// `content/policy/*.md`, by file stem.
    pub policy_templates: Vec<(String, String)>,
    /// `content/documents.toml`.
    pub documents: DocumentsFile,
    /// `content/start.toml`.
    pub start: StartFile,
}

impl ContentBundle {
    /// The bundle the quiz page embeds (`quiz` feature): the same sections, items, IDs, kinds, checkpoint
    /// IDs and Annex C objective IDs, so that the codec reads and writes every assessment exactly as the
    /// full app does and the quiz can never drop what the full app stored; but only the text the quiz
    /// shows. Items outside the quick scan keep their IDs and titles; quick items keep their question,
    /// next step and level descriptors, and their guidance becomes [`quiz_explanation`]. Crosswalks, the
    /// about text, policy templates, the documents register, section summaries and evidence lists go.
    pub fn for_quiz(self) -> ContentBundle {
        let sections = self
            .sections
            .into_iter()
            .map(|(path, file)| {
                let items = file
                    .items
                    .into_iter()
                    .map(|item| {
                        let checkpoints = item
                            .checkpoints
                            .into_iter()
                            .map(|c| CheckpointDef {
                                id: c.id,
                                text: String::new(),
                            })
                            .collect();
                        if item.quick {
                            ItemDef {
                                guidance: quiz_explanation(&item.guidance),
                                evidence: Vec::new(),
                                exclusion_hints: Vec::new(),
                                checkpoints,
                                ..item
                            }
                        } else {
                            ItemDef {
                                question: String::new(),
                                guidance: String::new(),
                                evidence: Vec::new(),
                                next_step: String::new(),
                                levels: vec![String::new(); item.levels.len()],
                                exclusion_hints: Vec::new(),
                                checkpoints,
                                ..item
                            }
                        }
                    })
                    .collect();
                let groups = file
                    .groups
                    .into_iter()
                    .map(|g| GroupDef {
                        summary: String::new(),
                        ..g
                    })
                    .collect();
                let file = SectionFile {
                    summary: String::new(),
                    groups,
                    items,
                    ..file
                };
                (path, file)
            })
            .collect();
        let annex_c = AnnexCFile {
            objectives: self
                .annex_c
                .objectives
                .into_iter()
                .map(|o| ObjectiveDef {
                    explanation: String::new(),
                    principle: String::new(),
                    ..o
                })
                .collect(),
            risk_sources: Vec::new(),
            ..self.annex_c
        };
        ContentBundle {
            sections,
            levels: self.levels,
            annex_c,
            crosswalks: CrosswalkFile {
                format_version: self.crosswalks.format_version,
                eu_ai_act_caveat: String::new(),
                sources: Vec::new(),
                nist_subcategories: Vec::new(),
                nist: Vec::new(),
                eu_ai_act: Vec::new(),
            },
            about: String::new(),
            policy_templates: Vec::new(),
            documents: DocumentsFile {
                documents: Vec::new(),
                ..self.documents
            },
            start: self.start,
        }
    }
}

/// The quiz's short "what this means" for an item: the first paragraph of its Markdown guidance as plain
/// text, without a leading bold lead-in ("**Why it matters.**"), emphasis, code marks or link targets.
pub fn quiz_explanation(guidance: &str) -> String {
    let first = guidance
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty())
        .unwrap_or_default();
    let mut text = first.replace('\n', " ");
    if let Some(rest) = text.strip_prefix("**") {
        if let Some(end) = rest.find("**") {
            text = rest[end + 2..].trim_start().to_owned();
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' | '`' => {}
            // A link `[text](target)` keeps its text.
            '[' => {}
            ']' if chars.peek() == Some(&'(') => {
                for skipped in chars.by_ref() {
                    if skipped == ')' {
                        break;
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
