//! Content that prepares an organisation for certification: the register of documented information the
//! standard asks for (`content/documents.toml`) and, per Annex A control, which ISO/IEC 22989 roles can
//! usually or rarely justify excluding it (`exclusion_hints` in the section files). Here are the
//! catalogue's look-ups over both and the content rules they must keep.

use std::collections::{HashMap, HashSet};

use super::documents::{DocumentDef, StatusRuleDef};
use super::exclusion::{ExclusionHintDef, Likelihood, ROLE_KEYS};
use super::schema::{ContentBundle, CONTENT_FORMAT_VERSION};
use super::{standard, Catalogue, ContentError};

/// What the hints of a control say for an organisation holding some roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExclusionAdvice<'a> {
    /// `Rarely` when any of the roles rarely can exclude the control; `Usually` when none rarely can and
    /// at least one usually can.
    pub can_exclude: Likelihood,
    /// The hints behind it, each with the roles (of those asked about) it speaks for, in content order.
    pub hints: Vec<(&'a ExclusionHintDef, Vec<&'a str>)>,
}

impl Catalogue {
    /// Every entry of the documents register, in the file's order.
    pub fn documents(&self) -> &[DocumentDef] {
        &self.documents.documents
    }

    /// The register entry with this ID.
    pub fn document(&self, id: &str) -> Option<&DocumentDef> {
        self.documents.documents.iter().find(|d| d.id == id)
    }

    /// The register entries this item (a sub-clause or control) is evidence for.
    pub fn documents_for_item(&self, item_id: &str) -> Vec<&DocumentDef> {
        self.documents
            .documents
            .iter()
            .filter(|d| d.evidence_for.iter().any(|i| i == item_id))
            .collect()
    }

    /// The levels from which answers suggest a document exists or is a draft.
    pub fn document_status_rule(&self) -> StatusRuleDef {
        self.documents.status_rule
    }

    /// Every exclusion hint of a control, in content order; none for clauses and unknown IDs.
    pub fn exclusion_hints(&self, control_id: &str) -> &[ExclusionHintDef] {
        self.item(control_id)
            .map(|i| i.exclusion_hints.as_slice())
            .unwrap_or_default()
    }

    /// The hint of a control for one role key, if there is one.
    pub fn exclusion_hint(&self, control_id: &str, role: &str) -> Option<&ExclusionHintDef> {
        self.exclusion_hints(control_id)
            .iter()
            .find(|h| h.roles.iter().any(|r| r == role))
    }

    /// What the hints of a control say for an organisation holding these roles (keys of [`ROLE_KEYS`]).
    /// The stricter hint wins: if any role rarely can exclude the control, that is the advice, with only
    /// those hints; otherwise the "usually" hints of the roles that have one. `None` when no role held
    /// has a hint, so nothing is suggested.
    pub fn exclusion_advice(
        &self,
        control_id: &str,
        roles: &[&str],
    ) -> Option<ExclusionAdvice<'_>> {
        let hints = self.exclusion_hints(control_id);
        let matching = |wanted: Likelihood| -> Vec<(&ExclusionHintDef, Vec<&str>)> {
            hints
                .iter()
                .filter(|h| h.can_exclude == wanted)
                .filter_map(|h| {
                    let held: Vec<&str> = h
                        .roles
                        .iter()
                        .map(String::as_str)
                        .filter(|r| roles.contains(r))
                        .collect();
                    (!held.is_empty()).then_some((h, held))
                })
                .collect()
        };
        [Likelihood::Rarely, Likelihood::Usually]
            .into_iter()
            .map(|l| (l, matching(l)))
            .find(|(_, hints)| !hints.is_empty())
            .map(|(can_exclude, hints)| ExclusionAdvice { can_exclude, hints })
    }
}

/// Where the documents register lives, as errors name it.
pub const DOCUMENTS_FILE: &str = "content/documents.toml";

/// Every problem in the documents register and the exclusion hints.
pub fn validate(bundle: &ContentBundle) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut push = |file: &str, item: Option<&str>, field: &str, problem: String| {
        errors.push(ContentError {
            file: file.to_owned(),
            item: item.map(str::to_owned),
            field: field.to_owned(),
            problem,
        })
    };
    let items: HashSet<&str> = standard::SUBCLAUSES
        .iter()
        .chain(standard::CONTROLS)
        .map(|&(id, _)| id)
        .collect();

    // The documents register.
    let file = DOCUMENTS_FILE;
    let register = &bundle.documents;
    if register.format_version != CONTENT_FORMAT_VERSION {
        push(
            file,
            None,
            "format_version",
            format!(
                "is {}, this build reads {CONTENT_FORMAT_VERSION}",
                register.format_version
            ),
        );
    }
    let rule = register.status_rule;
    if !(1 <= rule.draft_from_level
        && rule.draft_from_level < rule.exists_from_level
        && rule.exists_from_level <= 5)
    {
        push(
            file,
            None,
            "status_rule",
            format!(
                "draft_from_level {} and exists_from_level {} must satisfy 1 ≤ draft < exists ≤ 5",
                rule.draft_from_level, rule.exists_from_level
            ),
        );
    }
    if register.documents.is_empty() {
        push(file, None, "documents", "lists no documents".into());
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for doc in &register.documents {
        let at = Some(doc.id.as_str());
        if !is_slug(&doc.id) {
            push(
                file,
                at,
                "id",
                "is not a slug: use lower-case letters and digits joined by single hyphens".into(),
            );
        }
        if !seen.insert(doc.id.as_str()) {
            push(file, at, "id", "is used by two entries".into());
        }
        for (field, text) in [("title", &doc.title), ("description", &doc.description)] {
            if text.trim().is_empty() {
                push(file, at, field, "is empty".into());
            }
        }
        for (field, list) in [
            ("clauses", &doc.clauses),
            ("evidence_for", &doc.evidence_for),
            ("status_from", &doc.status_from),
        ] {
            if list.is_empty() {
                push(file, at, field, "is empty".into());
            }
            let mut listed = HashSet::new();
            for id in list {
                if !items.contains(id.as_str()) {
                    push(
                        file,
                        at,
                        field,
                        format!("\"{id}\" is not an assessable sub-clause or an Annex A control"),
                    );
                }
                if !listed.insert(id.as_str()) {
                    push(file, at, field, format!("lists \"{id}\" twice"));
                }
            }
        }
        // The entry is evidence for what it comes from, and its status follows its own evidence.
        let outside_evidence = [
            (
                &doc.clauses,
                "evidence_for",
                "leaves out {id}, which the entry comes from",
            ),
            (
                &doc.status_from,
                "status_from",
                "names {id}, which is not in evidence_for",
            ),
        ];
        for (list, field, problem) in outside_evidence {
            for id in list.iter().filter(|id| !doc.evidence_for.contains(id)) {
                push(file, at, field, problem.replace("{id}", id));
            }
        }
    }

    // The exclusion hints, on the items of the section files.
    for (file, section) in &bundle.sections {
        for item in &section.items {
            let at = Some(item.id.as_str());
            if !item.exclusion_hints.is_empty() && !item.id.starts_with("A.") {
                push(
                    file,
                    at,
                    "exclusion_hints",
                    "clauses 4–10 are never excluded; only Annex A controls take hints".into(),
                );
            }
            let mut roles_seen: HashMap<&str, usize> = HashMap::new();
            for (n, hint) in item.exclusion_hints.iter().enumerate() {
                let field = format!("exclusion_hints[{n}]");
                if hint.roles.is_empty() {
                    push(file, at, &format!("{field}.roles"), "is empty".into());
                }
                for role in &hint.roles {
                    if !ROLE_KEYS.contains(&role.as_str()) {
                        push(
                            file,
                            at,
                            &format!("{field}.roles"),
                            format!(
                                "\"{role}\" is not an ISO/IEC 22989 role key ({})",
                                ROLE_KEYS.join(", ")
                            ),
                        );
                    }
                    if let Some(other) = roles_seen.insert(role.as_str(), n) {
                        push(
                            file,
                            at,
                            &format!("{field}.roles"),
                            format!("\"{role}\" already has hint exclusion_hints[{other}]"),
                        );
                    }
                }
                let reason = hint.reason.trim();
                if reason.is_empty() {
                    push(file, at, &format!("{field}.reason"), "is empty".into());
                } else if !reason.ends_with('.') || reason.contains(". ") {
                    push(
                        file,
                        at,
                        &format!("{field}.reason"),
                        "should be one sentence ending with '.'".into(),
                    );
                }
            }
        }
    }
    errors
}

/// `[a-z0-9]+(-[a-z0-9]+)*`: the shape of every stable content ID that is not the standard's.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}
