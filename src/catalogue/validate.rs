//! Every rule the content must keep. Each problem names the file, the item and the field, so a writer can
//! fix it without reading code.

use std::collections::{HashMap, HashSet};
use std::fmt;

use pulldown_cmark::{Event, Parser};

use super::certification::is_slug;
use super::schema::{CheckpointDef, ContentBundle, CONTENT_FORMAT_VERSION};
use super::standard;

/// One content problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub item: Option<String>,
    pub field: String,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.item {
            Some(item) => write!(
                f,
                "{}, item {}, field `{}`: {}",
                self.file, item, self.field, self.problem
            ),
            None => write!(f, "{}, field `{}`: {}", self.file, self.field, self.problem),
        }
    }
}

/// Quick-scan size bounds.
pub const QUICK_MIN: usize = 15;
pub const QUICK_MAX: usize = 25;
/// Checkpoints per item, when an item has any: one checkpoint would only repeat the question.
pub const CHECKPOINTS_MIN: usize = 2;
pub const CHECKPOINTS_MAX: usize = 12;
/// Minimum average length of guidance, in words.
pub const GUIDANCE_MIN_AVERAGE_WORDS: usize = 120;

struct Report {
    errors: Vec<ContentError>,
}

impl Report {
    fn push(&mut self, file: &str, item: Option<&str>, field: &str, problem: impl Into<String>) {
        self.errors.push(ContentError {
            file: file.to_owned(),
            item: item.map(str::to_owned),
            field: field.to_owned(),
            problem: problem.into(),
        });
    }

    fn non_empty(&mut self, file: &str, item: Option<&str>, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(file, item, field, "is empty");
        }
    }

    fn markdown(&mut self, file: &str, item: Option<&str>, field: &str, value: &str) {
        if let Some(html) = raw_html(value) {
            self.push(
                file,
                item,
                field,
                format!("contains raw HTML `{html}`; write plain Markdown"),
            );
        }
    }
}

/// Returns every problem in the bundle; an empty list means the content is complete and valid.
pub fn validate(bundle: &ContentBundle) -> Vec<ContentError> {
    let mut r = Report { errors: Vec::new() };
    let expected_items: HashMap<&str, (&str, &str)> = standard::SUBCLAUSES
        .iter()
        .chain(standard::CONTROLS)
        .map(|&(id, title)| (id, (title, expected_section(id))))
        .collect();
    let expected_sections: HashMap<&str, &str> = standard::SECTIONS.iter().copied().collect();

    let mut seen_sections: HashSet<&str> = HashSet::new();
    let mut seen_items: HashMap<&str, &str> = HashMap::new();
    let mut quick_sections: HashSet<&str> = HashSet::new();
    let mut quick_count = 0;
    let mut guidance_words = 0;
    let mut item_count = 0;
    let mut sentences: HashMap<String, (String, String)> = HashMap::new();

    for (file, section) in &bundle.sections {
        let file = file.as_str();
        if section.format_version != CONTENT_FORMAT_VERSION {
            r.push(
                file,
                None,
                "format_version",
                format!(
                    "is {}, this build reads {CONTENT_FORMAT_VERSION}",
                    section.format_version
                ),
            );
        }
        let stem = file
            .rsplit('/')
            .next()
            .unwrap_or(file)
            .trim_end_matches(".toml");
        if stem != section.id {
            r.push(
                file,
                None,
                "id",
                format!(
                    "is \"{}\" but the file is named after \"{stem}\"",
                    section.id
                ),
            );
        }
        match expected_sections.get(section.id.as_str()) {
            None => r.push(
                file,
                None,
                "id",
                format!(
                    "\"{}\" is not a clause 4–10 or an Annex A category",
                    section.id
                ),
            ),
            Some(title) if *title != section.title => r.push(
                file,
                None,
                "title",
                format!(
                    "is \"{}\"; the standard's title is \"{title}\"",
                    section.title
                ),
            ),
            Some(_) => {}
        }
        if !seen_sections.insert(section.id.as_str()) {
            r.push(
                file,
                None,
                "id",
                format!("section \"{}\" is defined twice", section.id),
            );
        }
        r.non_empty(file, None, "summary", &section.summary);
        let group_ids: HashSet<&str> = section.groups.iter().map(|g| g.id.as_str()).collect();
        for group in &section.groups {
            match standard::GROUPS.iter().find(|(id, _)| *id == group.id) {
                None => r.push(
                    file,
                    None,
                    "groups",
                    format!("\"{}\" is not a sub-group of the standard", group.id),
                ),
                Some((_, title)) if *title != group.title => r.push(
                    file,
                    None,
                    "groups",
                    format!(
                        "title of {} is \"{}\"; the standard's is \"{title}\"",
                        group.id, group.title
                    ),
                ),
                Some(_) => {}
            }
            r.non_empty(file, Some(&group.id), "summary", &group.summary);
        }

        for item in &section.items {
            let id = item.id.as_str();
            let at = Some(id);
            item_count += 1;
            if let Some(other) = seen_items.insert(id, file) {
                r.push(file, at, "id", format!("is also defined in {other}"));
            }
            match expected_items.get(id) {
                None => r.push(
                    file,
                    at,
                    "id",
                    "is not an assessable sub-clause or an Annex A control",
                ),
                Some((title, sec)) => {
                    if *title != item.title {
                        r.push(
                            file,
                            at,
                            "title",
                            format!("is \"{}\"; the standard's title is \"{title}\"", item.title),
                        );
                    }
                    if *sec != section.id {
                        r.push(
                            file,
                            at,
                            "id",
                            format!("belongs in section {sec}, not {}", section.id),
                        );
                    }
                }
            }
            match (&item.group, section.groups.is_empty()) {
                (Some(g), _)
                    if !group_ids.contains(g.as_str()) || !id.starts_with(&format!("{g}.")) =>
                {
                    r.push(
                        file,
                        at,
                        "group",
                        format!("\"{g}\" is not this item's sub-group"),
                    )
                }
                (None, false) => {
                    r.push(file, at, "group", "is missing; this section has sub-groups")
                }
                _ => {}
            }
            r.non_empty(file, at, "question", &item.question);
            if !item.question.trim_end().ends_with('?') {
                r.push(file, at, "question", "should be a question ending with '?'");
            }
            r.non_empty(file, at, "guidance", &item.guidance);
            r.markdown(file, at, "guidance", &item.guidance);
            guidance_words += word_count(&item.guidance);
            r.non_empty(file, at, "next_step", &item.next_step);
            if !(2..=5).contains(&item.evidence.len()) {
                r.push(
                    file,
                    at,
                    "evidence",
                    format!("has {} examples; give 2 to 5", item.evidence.len()),
                );
            }
            for (n, e) in item.evidence.iter().enumerate() {
                r.non_empty(file, at, &format!("evidence[{n}]"), e);
                r.markdown(file, at, &format!("evidence[{n}]"), e);
            }
            if item.levels.len() != 6 {
                r.push(
                    file,
                    at,
                    "levels",
                    format!(
                        "has {} descriptors; give exactly 6 (levels 0–5)",
                        item.levels.len()
                    ),
                );
            }
            for (n, l) in item.levels.iter().enumerate() {
                r.non_empty(file, at, &format!("levels[{n}]"), l);
            }
            validate_checkpoints(file, id, &item.checkpoints, &mut r);
            if item.quick {
                quick_count += 1;
                quick_sections.insert(section.id.as_str());
            }
            for sentence in guidance_sentences(&item.guidance) {
                if let Some((other_file, other_item)) = sentences.get(&sentence) {
                    if other_item != id {
                        r.push(file, at, "guidance", format!("repeats a sentence of item {other_item} ({other_file}): \"{sentence}\""));
                    }
                } else {
                    sentences.insert(sentence, (file.to_owned(), id.to_owned()));
                }
            }
        }
    }

    for (id, _) in standard::SECTIONS {
        if !seen_sections.contains(id) {
            r.push(
                &format!("content/sections/{id}.toml"),
                None,
                "id",
                format!("section {id} is missing"),
            );
        }
        if !quick_sections.contains(id) {
            r.push(
                &format!("content/sections/{id}.toml"),
                None,
                "quick",
                format!("no item of section {id} is in the quick scan"),
            );
        }
    }
    for (id, (_, sec)) in &expected_items {
        if !seen_items.contains_key(id) {
            r.push(
                &format!("content/sections/{sec}.toml"),
                Some(id),
                "id",
                "is missing",
            );
        }
    }
    if !(QUICK_MIN..=QUICK_MAX).contains(&quick_count) {
        r.push(
            "content/sections",
            None,
            "quick",
            format!("{quick_count} items are marked quick; mark {QUICK_MIN} to {QUICK_MAX}"),
        );
    }
    if item_count > 0 && guidance_words / item_count < GUIDANCE_MIN_AVERAGE_WORDS {
        r.push(
            "content/sections",
            None,
            "guidance",
            format!(
                "averages {} words per item; write at least {GUIDANCE_MIN_AVERAGE_WORDS}",
                guidance_words / item_count
            ),
        );
    }

    validate_levels(bundle, &mut r);
    validate_annex_c(bundle, &mut r);
    validate_crosswalks(bundle, &expected_items, &mut r);
    r.errors.extend(super::certification::validate(bundle));

    r.non_empty("content/about.md", None, "text", &bundle.about);
    r.markdown("content/about.md", None, "text", &bundle.about);
    for (name, text) in &bundle.policy_templates {
        let file = format!("content/policy/{name}.md");
        r.non_empty(&file, None, "text", text);
    }
    r.errors
}

/// An item's checkpoints: none, or 2 to 12, each with a slug ID unique within the item and a text. A
/// checkpoint is written inside its item, so it cannot belong to another one; the IDs an assessment
/// stores are matched against the item's own list (`crate::checkpoints`).
fn validate_checkpoints(file: &str, item: &str, checkpoints: &[CheckpointDef], r: &mut Report) {
    let at = Some(item);
    if !checkpoints.is_empty() && !(CHECKPOINTS_MIN..=CHECKPOINTS_MAX).contains(&checkpoints.len())
    {
        r.push(
            file,
            at,
            "checkpoints",
            format!(
                "has {}; give {CHECKPOINTS_MIN} to {CHECKPOINTS_MAX} or none",
                checkpoints.len()
            ),
        );
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for (n, c) in checkpoints.iter().enumerate() {
        if !is_slug(&c.id) {
            r.push(
                file,
                at,
                &format!("checkpoints[{n}].id"),
                format!(
                    "\"{}\" is not a slug (lower-case letters and digits, words joined by single hyphens)",
                    c.id
                ),
            );
        }
        if !seen.insert(c.id.as_str()) {
            r.push(
                file,
                at,
                &format!("checkpoints[{n}].id"),
                format!("\"{}\" is used twice in this item", c.id),
            );
        }
        r.non_empty(file, at, &format!("checkpoints[{n}].text"), &c.text);
        r.markdown(file, at, &format!("checkpoints[{n}].text"), &c.text);
    }
}

fn validate_levels(bundle: &ContentBundle, r: &mut Report) {
    let file = "content/levels.toml";
    let levels: Vec<u8> = bundle.levels.levels.iter().map(|l| l.level).collect();
    if levels != [0, 1, 2, 3, 4, 5] {
        r.push(
            file,
            None,
            "levels",
            format!("must list levels 0 to 5 in order, found {levels:?}"),
        );
    }
    for l in &bundle.levels.levels {
        r.non_empty(file, None, &format!("levels[{}].name", l.level), &l.name);
        r.non_empty(
            file,
            None,
            &format!("levels[{}].meaning", l.level),
            &l.meaning,
        );
    }
}

fn validate_annex_c(bundle: &ContentBundle, r: &mut Report) {
    let file = "content/annex_c.toml";
    let c = &bundle.annex_c;
    let objectives: Vec<(&str, &str)> = c
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), o.name.as_str()))
        .collect();
    if objectives != standard::ANNEX_C_OBJECTIVES {
        r.push(
            file,
            None,
            "objectives",
            "must list C.2.1 … C.2.11 with the standard's names, in order",
        );
    }
    let risks: Vec<(&str, &str)> = c
        .risk_sources
        .iter()
        .map(|o| (o.id.as_str(), o.name.as_str()))
        .collect();
    if risks != standard::ANNEX_C_RISK_SOURCES {
        r.push(
            file,
            None,
            "risk_sources",
            "must list C.3.1 … C.3.7 with the standard's names, in order",
        );
    }
    for o in &c.objectives {
        r.non_empty(file, Some(&o.id), "explanation", &o.explanation);
        r.non_empty(file, Some(&o.id), "principle", &o.principle);
    }
    for s in &c.risk_sources {
        r.non_empty(file, Some(&s.id), "explanation", &s.explanation);
    }
}

fn validate_crosswalks(
    bundle: &ContentBundle,
    items: &HashMap<&str, (&str, &str)>,
    r: &mut Report,
) {
    let file = "content/crosswalks.toml";
    let cw = &bundle.crosswalks;
    r.non_empty(file, None, "eu_ai_act_caveat", &cw.eu_ai_act_caveat);
    let sources: HashSet<&str> = cw.sources.iter().map(|s| s.id.as_str()).collect();
    let nist: HashSet<&str> = cw
        .nist_subcategories
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    for sub in &cw.nist_subcategories {
        r.non_empty(file, Some(&sub.id), "nist_subcategories.text", &sub.text);
    }
    for m in &cw.nist {
        if !items.contains_key(m.item.as_str()) {
            r.push(
                file,
                Some(&m.item),
                "nist.item",
                "is not an item of the questionnaire",
            );
        }
        if !sources.contains(m.source.as_str()) {
            r.push(
                file,
                Some(&m.item),
                "nist.source",
                format!("\"{}\" is not a listed source", m.source),
            );
        }
        for s in &m.subcategories {
            if !nist.contains(s.as_str()) || !is_nist_id(s) {
                r.push(
                    file,
                    Some(&m.item),
                    "nist.subcategories",
                    format!("\"{s}\" is not a NIST AI RMF subcategory"),
                );
            }
        }
    }
    for m in &cw.eu_ai_act {
        if !m.article.starts_with("Art. ") {
            r.push(
                file,
                None,
                "eu_ai_act.article",
                format!("\"{}\" does not name an article", m.article),
            );
        }
        for i in &m.items {
            if !items.contains_key(i.as_str()) {
                r.push(
                    file,
                    Some(i),
                    "eu_ai_act.items",
                    format!("is not an item (article {})", m.article),
                );
            }
        }
        if m.sources.is_empty() {
            r.push(
                file,
                None,
                "eu_ai_act.sources",
                format!("{} cites no source", m.article),
            );
        }
        for s in &m.sources {
            if !sources.contains(s.as_str()) {
                r.push(
                    file,
                    None,
                    "eu_ai_act.sources",
                    format!("\"{s}\" is not a listed source"),
                );
            }
        }
    }
}

/// "GOVERN 1.1", "MAP 5.2", "MEASURE 2.13", "MANAGE 4.3".
fn is_nist_id(id: &str) -> bool {
    let Some((function, number)) = id.split_once(' ') else {
        return false;
    };
    let Some((major, minor)) = number.split_once('.') else {
        return false;
    };
    ["GOVERN", "MAP", "MEASURE", "MANAGE"].contains(&function)
        && major.parse::<u8>().is_ok()
        && minor.parse::<u8>().is_ok()
}

/// The section an item ID belongs to: "6.1.2" → "6", "A.6.2.4" → "A.6".
pub fn expected_section(id: &str) -> &str {
    let parts: Vec<&str> = id.splitn(3, '.').collect();
    if id.starts_with("A.") && parts.len() >= 2 {
        &id[..parts[0].len() + 1 + parts[1].len()]
    } else {
        parts[0]
    }
}

/// Raw HTML in a Markdown text, if any.
fn raw_html(markdown: &str) -> Option<String> {
    Parser::new(markdown).find_map(|event| match event {
        Event::Html(h) | Event::InlineHtml(h) => Some(h.to_string()),
        _ => None,
    })
}

/// Words in a text, counting as the content brief does.
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The sentences of a guidance text, normalised for comparison; bold lead-ins ("**Why it matters.**") and
/// sentences of fewer than four words are left out, since they are shared headings, not prose.
pub fn guidance_sentences(markdown: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = markdown;
    while let Some(start) = rest.find("**") {
        text.push_str(&rest[..start]);
        match rest[start + 2..].find("**") {
            Some(end) => rest = &rest[start + 2 + end + 2..],
            None => {
                rest = &rest[start + 2..];
                break;
            }
        }
    }
    text.push_str(rest);
    let text = text
        .replace("\n\n", ". ")
        .replace("\n- ", ". ")
        .replace("\n* ", ". ")
        .replace('\n', " ");
    split_sentences(&text)
        .into_iter()
        .map(|s| {
            s.split_whitespace()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|s| s.split(' ').count() >= 4)
        .collect()
}

/// Splits prose at a full stop, question or exclamation mark followed by a space, so "A.6.2.4" stays whole.
fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = matches!(c, '.' | '!' | '?')
            && chars.peek().is_none_or(|&(_, next)| next.is_whitespace());
        if ends {
            out.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&text[start..]);
    out
}
