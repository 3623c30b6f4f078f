//! The questionnaire: every assessable sub-clause of clauses 4–10 and every Annex A control, with our own
//! questions and guidance, the maturity scale, Annex C and the cited crosswalks.
//!
//! `content/` is read by `build.rs` and embedded as a postcard bundle; [`catalogue`] decodes it once.
//! [`validate`] checks every content rule and names the file, item and field of each problem. The register
//! of required documents and the exclusion hints (audit preparation) are in `documents.rs`, `exclusion.rs`
//! and `certification.rs`.

mod certification;
pub mod documents;
pub mod exclusion;
pub mod schema;
pub mod standard;
pub mod start;
mod validate;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use certification::{is_slug, ExclusionAdvice};
pub use documents::{DocumentDef, DocumentsFile, Obligation, StatusRuleDef};
pub use exclusion::{ExclusionHintDef, Likelihood, ROLE_KEYS};
pub use schema::{
    quiz_explanation, AnnexCFile, CheckpointDef, ContentBundle, EuMappingDef, GroupDef, LevelDef,
    NistSubcategoryDef, ObjectiveDef, RiskSourceDef, SourceDef, CONTENT_FORMAT_VERSION,
};
pub use validate::{guidance_sentences, validate, word_count, ContentError};

/// Whether a section is one of the mandatory clauses or an Annex A category of reference controls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    /// Clauses 4–10: every sub-clause is required for certification; never "not applicable".
    Clause,
    /// Annex A categories A.2–A.10: controls chosen through the Statement of Applicability.
    AnnexA,
}

/// One assessable requirement, with everything the questionnaire shows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub title: String,
    /// The section (clause "6" or category "A.6") it belongs to.
    pub section: String,
    pub kind: SectionKind,
    /// The sub-group inside A.6 ("A.6.1" or "A.6.2").
    pub group: Option<String>,
    /// Part of the quick scan.
    pub quick: bool,
    pub question: String,
    /// Markdown.
    pub guidance: String,
    pub evidence: Vec<String>,
    pub next_step: String,
    /// Descriptors for maturity levels 0 … 5.
    pub levels: Vec<String>,
    /// The individual requirements a user can tick, in the order shown; empty when the item asks one
    /// thing. Optional to answer: the maturity level stays the score.
    pub checkpoints: Vec<CheckpointDef>,
    /// Annex A only: which roles can usually, or rarely, justify excluding the control.
    pub exclusion_hints: Vec<ExclusionHintDef>,
}

impl Item {
    /// Annex A controls may be declared not applicable (with a justification); clauses never.
    pub fn allows_not_applicable(&self) -> bool {
        self.kind == SectionKind::AnnexA
    }

    /// The checkpoint of this item with this ID.
    pub fn checkpoint(&self, id: &str) -> Option<&CheckpointDef> {
        self.checkpoints.iter().find(|c| c.id == id)
    }
}

/// A clause or an Annex A category with its items, in the standard's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub kind: SectionKind,
    pub groups: Vec<GroupDef>,
    pub items: Vec<Item>,
}

/// A NIST AI RMF subcategory mapped to an item, with the source that states the mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct NistRow<'a> {
    pub subcategory: &'a NistSubcategoryDef,
    pub source: &'a SourceDef,
}

/// An EU AI Act article a public source links to an item.
#[derive(Debug, Clone, PartialEq)]
pub struct EuRow<'a> {
    pub mapping: &'a EuMappingDef,
    pub sources: Vec<&'a SourceDef>,
}

/// The whole questionnaire, ready to use.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    pub sections: Vec<Section>,
    pub levels: Vec<LevelDef>,
    pub objectives: Vec<ObjectiveDef>,
    pub risk_sources: Vec<RiskSourceDef>,
    pub crosswalks: schema::CrosswalkFile,
    /// Markdown: what ISO/IEC 42001 is, and what it is not.
    pub about: String,
    policy_templates: HashMap<String, String>,
    index: HashMap<String, (usize, usize)>,
    /// `content/documents.toml`: the documented information the standard asks for.
    documents: DocumentsFile,
    /// `content/start.toml`: the start page's wording and the frame around every page.
    pub start: start::StartFile,
}

impl Catalogue {
    /// Builds the catalogue from a bundle. Sections come out in the standard's order; a section the
    /// standard does not know keeps its place at the end (and `validate` reports it).
    pub fn from_bundle(bundle: ContentBundle) -> Catalogue {
        let mut files: Vec<schema::SectionFile> =
            bundle.sections.into_iter().map(|(_, s)| s).collect();
        files.sort_by_key(|s| section_rank(&s.id));
        let sections: Vec<Section> = files
            .into_iter()
            .map(|file| {
                let kind = kind_of(&file.id);
                let items = file
                    .items
                    .into_iter()
                    .map(|def| Item {
                        id: def.id,
                        title: def.title,
                        section: file.id.clone(),
                        kind,
                        group: def.group,
                        quick: def.quick,
                        question: def.question,
                        guidance: def.guidance,
                        evidence: def.evidence,
                        next_step: def.next_step,
                        levels: def.levels,
                        checkpoints: def.checkpoints,
                        exclusion_hints: def.exclusion_hints,
                    })
                    .collect();
                Section {
                    id: file.id,
                    title: file.title,
                    summary: file.summary,
                    kind,
                    groups: file.groups,
                    items,
                }
            })
            .collect();
        let mut index = HashMap::new();
        for (s, section) in sections.iter().enumerate() {
            for (i, item) in section.items.iter().enumerate() {
                index.entry(item.id.clone()).or_insert((s, i));
            }
        }
        Catalogue {
            sections,
            levels: bundle.levels.levels,
            objectives: bundle.annex_c.objectives,
            risk_sources: bundle.annex_c.risk_sources,
            crosswalks: bundle.crosswalks,
            about: bundle.about,
            policy_templates: bundle.policy_templates.into_iter().collect(),
            index,
            documents: bundle.documents,
            start: bundle.start,
        }
    }

    /// Every item, clauses first, in the standard's order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    /// The item with this ID.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.index.get(id).map(|&(s, i)| &self.sections[s].items[i])
    }

    /// The checkpoint `checkpoint_id` of item `item_id`, if that item defines it.
    pub fn checkpoint(&self, item_id: &str, checkpoint_id: &str) -> Option<&CheckpointDef> {
        self.item(item_id)?.checkpoint(checkpoint_id)
    }

    /// The section with this ID ("6", "A.6").
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// A policy template (`content/policy/<name>.md`).
    pub fn policy_template(&self, name: &str) -> Option<&str> {
        self.policy_templates.get(name).map(String::as_str)
    }

    /// The generic meaning of a maturity level.
    pub fn level(&self, level: u8) -> Option<&LevelDef> {
        self.levels.iter().find(|l| l.level == level)
    }

    fn source(&self, id: &str) -> Option<&SourceDef> {
        self.crosswalks.sources.iter().find(|s| s.id == id)
    }

    /// NIST AI RMF subcategories that the cited crosswalk maps to this item.
    pub fn nist_rows(&self, item_id: &str) -> Vec<NistRow<'_>> {
        let mut rows = Vec::new();
        for mapping in self.crosswalks.nist.iter().filter(|m| m.item == item_id) {
            let Some(source) = self.source(&mapping.source) else {
                continue;
            };
            for id in &mapping.subcategories {
                if let Some(subcategory) = self
                    .crosswalks
                    .nist_subcategories
                    .iter()
                    .find(|s| &s.id == id)
                {
                    rows.push(NistRow {
                        subcategory,
                        source,
                    });
                }
            }
        }
        rows
    }

    /// EU AI Act articles that a public source links to this item.
    pub fn eu_rows(&self, item_id: &str) -> Vec<EuRow<'_>> {
        self.crosswalks
            .eu_ai_act
            .iter()
            .filter(|m| m.items.iter().any(|i| i == item_id))
            .map(|mapping| EuRow {
                mapping,
                sources: mapping
                    .sources
                    .iter()
                    .filter_map(|s| self.source(s))
                    .collect(),
            })
            .collect()
    }
}

/// The content this build embeds, parsed once.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue::from_bundle(embedded_bundle()))
}

/// The content bundle `build.rs` embedded: the whole content, or with the `quiz` feature (the quiz page)
/// [`ContentBundle::for_quiz`] of it.
pub fn embedded_bundle() -> ContentBundle {
    // The bundle is written by our own build script from files it has just parsed, so it always parses.
    postcard::from_bytes(EMBEDDED).expect("build.rs writes a valid content bundle")
}

#[cfg(not(feature = "quiz"))]
const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.postcard"));
#[cfg(feature = "quiz")]
const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content-quiz.postcard"));

/// The quiz page's bundle, whatever this build embeds: for tests that check the quiz reads and writes
/// exactly what the full app does.
pub fn quiz_bundle() -> ContentBundle {
    postcard::from_bytes(include_bytes!(concat!(
        env!("OUT_DIR"),
        "/content-quiz.postcard"
    )))
    .expect("build.rs writes a valid quiz bundle")
}

/// Position of a section in the standard's order; unknown IDs sort last.
pub fn section_rank(id: &str) -> usize {
    standard::SECTIONS
        .iter()
        .position(|(s, _)| *s == id)
        .unwrap_or(usize::MAX)
}

/// Clause sections are plain numbers; Annex A categories start with "A.".
pub fn kind_of(section_id: &str) -> SectionKind {
    if section_id.starts_with("A.") {
        SectionKind::AnnexA
    } else {
        SectionKind::Clause
    }
}
