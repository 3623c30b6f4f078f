//! The AI policy drafter: a Markdown AI policy filled from the policy form, the organisation's profile and
//! the self-assessment answers.
//!
//! Every sentence of the policy lives in `content/policy/*.md`; this module only selects and fills. It
//! covers clause 5.2 (the four commitments, documented information, reference to other policies,
//! communication and availability) and controls A.2.2–A.2.4 (principles, exceptions, alignment, review).
//!
//! # Template language
//!
//! A template is Markdown with tags in double braces:
//!
//! - `{{name}}` inserts a value. Values are Markdown that this module has made safe: user text always goes
//!   through [`markdown::escape`], and catalogue text is our own content. The names a template may use are
//!   exactly the keys of its fill (see `policy_fill`, `gap_fill`, `gap_item_fill`, `not_assessed_fill`). A
//!   name that is not a key, or a key whose value is empty where the template uses it, is an error: an
//!   optional input is used only inside `{{#if name}}`, so nothing is ever rendered half filled.
//! - `{{#if flag}} … {{else}} … {{/if}}` keeps one branch; `{{#if !flag}}` negates; blocks nest; `{{else}}`
//!   is optional. Flags describe the organisation's ISO/IEC 22989 roles (`provider`, `producer`, `customer`,
//!   `partner`, `subject`, `authority`; `build` = AI provider or producer, `use` = AI customer or partner,
//!   both true while neither side is recorded;
//!   `build_and_use`, `roles_known`, `several_roles`), which optional inputs are present (`named`,
//!   `sector`, `scope`, `systems`, `exceptions`, …) and the risk appetite (`appetite_set`, `appetite_low`…).
//! - `{{status ID …}}` (main template only) becomes the gap note for the self-assessment items behind the
//!   section, or nothing. An ID prefixed `build:` or `use:` counts only for organisations on that side.
//! - `{{! … }}` is a comment for content writers.
//!
//! A block tag (`#if`, `else`, `/if`, comment) alone on its line takes its line with it; runs of blank
//! lines and trailing spaces are then tidied away. Braces are not allowed anywhere else in a template, so
//! no `{` or `}` reaches the output except where a user typed one (escaped). [`check_templates`] reports
//! every problem in every template and runs as a test.
//!
//! # Honest about gaps
//!
//! Each `status` line relates a section to items of the self-assessment (risk → 6.1.2, 6.1.3, 8.2, 8.3;
//! roles → 5.3, A.3.2 …). Answers decide the note:
//!
//! - an item answered below the assessment's target makes the section **To be established**, with the
//!   item's `next_step` from the catalogue (at most [`MAX_NEXT_STEPS`] per section, lowest level first;
//!   the others are named so the note stays short);
//! - an item marked not applicable, or at or above target, needs no note;
//! - when none of a section's items is answered but other items are, a one-line "not yet assessed" note
//!   says the section is unchecked; in a quick scan only quick-scan items count, since the others are
//!   never asked. While nothing at all is answered, the opening note says so once instead.

use std::collections::BTreeMap;

use thiserror::Error;

use crate::assessment::{
    Answer, Assessment, Level, Mode, OrgSize, PolicyInputs, RiskAppetite, Role,
};
use crate::catalogue::{Catalogue, Item};
use crate::markdown;

/// How the policy names an organisation that has not given its name.
pub const DEFAULT_ORGANISATION: &str = "the organisation";
/// The policy owner when the form leaves it empty.
pub const DEFAULT_OWNER_ROLE: &str = "AI governance lead";
/// Who approves the policy when the form leaves it empty.
pub const DEFAULT_APPROVER: &str = "top management";
/// Months between planned reviews when the form leaves it empty.
pub const DEFAULT_REVIEW_MONTHS: u8 = 12;
/// The version of a policy the form gives no version for.
pub const DEFAULT_VERSION: &str = "0.1 (draft)";
/// Annex C.2 objectives used as guiding principles when none is chosen and none is written.
pub const DEFAULT_PRINCIPLES: &[&str] = &["C.2.1", "C.2.5", "C.2.7", "C.2.10", "C.2.11"];
/// The most next steps one section's note lists; further items below target are named only.
pub const MAX_NEXT_STEPS: usize = 2;

/// Policies an AI policy typically has to align with (A.2.3), offered in the form.
pub const RELATED_POLICY_SUGGESTIONS: &[&str] = &[
    "Information security policy",
    "Privacy and data protection policy",
    "Quality policy",
    "Risk management policy",
    "Procurement and supplier policy",
    "Acceptable use policy",
    "Human resources policy",
    "Code of conduct and ethics policy",
    "Whistleblowing and speak-up policy",
    "Health and safety policy",
    "Records management and retention policy",
];

/// The main template, `content/policy/policy.md`.
pub const POLICY_TEMPLATE: &str = "policy";
/// The note under a section with items below target.
pub const GAP_TEMPLATE: &str = "gap";
/// One item in a gap note.
pub const GAP_ITEM_TEMPLATE: &str = "gap-item";
/// The note under a section none of whose items is answered.
pub const NOT_ASSESSED_TEMPLATE: &str = "not-assessed";
/// Every template the drafter uses; `content/policy/` holds exactly these.
pub const TEMPLATES: &[&str] = &[
    POLICY_TEMPLATE,
    GAP_TEMPLATE,
    GAP_ITEM_TEMPLATE,
    NOT_ASSESSED_TEMPLATE,
];

/// Why a policy could not be drafted: always a fault in `content/policy/`, never in the user's input.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PolicyError {
    #[error("content/policy/{0}.md is missing from this build")]
    MissingTemplate(String),
    #[error("content/policy/{template}.md: {problem}")]
    Template { template: String, problem: String },
}

/// The drafted policy as Markdown, from the form, the profile and the answers. Ignores any hand edits.
pub fn draft(cat: &Catalogue, a: &Assessment) -> String {
    try_draft(cat, a).unwrap_or_else(|e| {
        // Only a broken build gets here: `check_templates` runs as a test over every template.
        format!(
            "# AI policy\n\nThe policy could not be drafted because of a fault in this build: {}\n",
            markdown::escape(&e.to_string())
        )
    })
}

/// The drafted policy as Markdown, or the template fault that prevented it.
pub fn try_draft(cat: &Catalogue, a: &Assessment) -> Result<String, PolicyError> {
    let drafter = Drafter::new(cat, a);
    let template = template(cat, POLICY_TEMPLATE)?;
    let nodes = parse(template).map_err(|p| problem(POLICY_TEMPLATE, p))?;
    let fill = policy_fill(cat, a);
    let mut out = String::with_capacity(template.len() * 2);
    render(&nodes, &fill, Some(&drafter), &mut out).map_err(|p| problem(POLICY_TEMPLATE, p))?;
    Ok(tidy(&out))
}

/// The policy as the user has it: the hand-edited Markdown if there is any, otherwise the draft. An edit
/// that is only whitespace counts as no edit, so clearing the editor brings the draft back.
pub fn current_markdown(cat: &Catalogue, a: &Assessment) -> String {
    match &a.policy.edited_markdown {
        Some(edited) if !edited.trim().is_empty() => edited.clone(),
        _ => draft(cat, a),
    }
}

/// The policy as a self-contained HTML document titled "AI policy — <organisation>".
pub fn html(cat: &Catalogue, a: &Assessment) -> String {
    markdown::html_document(&title(a), &current_markdown(cat, a))
}

/// The document title: "AI policy — Acme Ltd", or "AI policy" without a name.
pub fn title(a: &Assessment) -> String {
    let name = a.profile.name.trim();
    if name.is_empty() {
        "AI policy".to_owned()
    } else {
        format!("AI policy — {name}")
    }
}

/// A file name without extension: "ai-policy-acme-ltd", or "ai-policy" without a usable name.
pub fn file_stem(a: &Assessment) -> String {
    let slug = crate::report::slug(&a.profile.name);
    if slug.is_empty() {
        "ai-policy".to_owned()
    } else {
        format!("ai-policy-{slug}")
    }
}

/// Every problem in the policy templates: missing files, unbalanced blocks, stray braces, unknown
/// values, flags or item IDs, `status` outside the main template, and the word "shall". Empty means
/// every template is usable.
pub fn check_templates(cat: &Catalogue) -> Vec<PolicyError> {
    let mut errors = Vec::new();
    for &name in TEMPLATES {
        match cat.policy_template(name) {
            None => errors.push(PolicyError::MissingTemplate(name.to_owned())),
            Some(text) => errors.extend(
                check_template(cat, name, text)
                    .into_iter()
                    .map(|p| problem(name, p)),
            ),
        }
    }
    errors
}

/// The problems in one template text, checked as the template `name` (one of [`TEMPLATES`]).
pub fn check_template(cat: &Catalogue, name: &str, text: &str) -> Vec<String> {
    let fill = match name {
        POLICY_TEMPLATE => policy_fill(cat, &Assessment::new(Mode::Full, "")),
        GAP_TEMPLATE => gap_fill(cat, 3, String::new(), String::new()),
        GAP_ITEM_TEMPLATE => gap_item_fill(cat, None, Level::ALL[0], 3),
        NOT_ASSESSED_TEMPLATE => not_assessed_fill(String::new()),
        other => return vec![format!("\"{other}\" is not a template the drafter uses")],
    };
    let mut problems = Vec::new();
    if text.trim().is_empty() {
        problems.push("is empty".to_owned());
    }
    if contains_word(text, "shall") {
        problems
            .push("uses the word \"shall\"; state what the organisation does instead".to_owned());
    }
    match parse(text) {
        Err(p) => problems.push(p),
        Ok(nodes) => check_nodes(cat, &nodes, &fill, name == POLICY_TEMPLATE, &mut problems),
    }
    problems
}

fn problem(template: &str, problem: String) -> PolicyError {
    PolicyError::Template {
        template: template.to_owned(),
        problem,
    }
}

fn template<'c>(cat: &'c Catalogue, name: &str) -> Result<&'c str, PolicyError> {
    cat.policy_template(name)
        .ok_or_else(|| PolicyError::MissingTemplate(name.to_owned()))
}

// ---------------------------------------------------------------------------------------------------
// Fills: what each template may use.

/// Values and flags for one template. Every key is always present, so checking a template against the
/// fill of an empty assessment finds every unknown name.
#[derive(Debug, Default)]
struct Fill {
    values: BTreeMap<&'static str, String>,
    flags: BTreeMap<&'static str, bool>,
}

impl Fill {
    fn value(&mut self, name: &'static str, value: impl Into<String>) {
        self.values.insert(name, value.into());
    }

    /// A value that may be missing, with the flag of the same name saying whether it is there.
    fn optional(&mut self, name: &'static str, value: String) {
        self.flags.insert(name, !value.is_empty());
        self.values.insert(name, value);
    }

    fn flag(&mut self, name: &'static str, on: bool) {
        self.flags.insert(name, on);
    }
}

/// Which side of the AI value chain the organisation is on; with no role recorded, both.
#[derive(Debug, Clone, Copy)]
struct Sides {
    build: bool,
    uses: bool,
}

impl Sides {
    fn of(roles: &[Role]) -> Sides {
        let has = |r| roles.contains(&r);
        let build = has(Role::AiProvider) || has(Role::AiProducer);
        // An AI partner (an integrator, a data provider, an evaluator) works with AI systems others make.
        let uses = has(Role::AiCustomer) || has(Role::AiPartner);
        // With no role on either side recorded (none, or only AI subject or relevant authority), both.
        let known = build || uses;
        Sides {
            build: !known || build,
            uses: !known || uses,
        }
    }
}

fn policy_fill(cat: &Catalogue, a: &Assessment) -> Fill {
    let p = &a.profile;
    let inputs = &a.policy.inputs;
    let mut f = Fill::default();

    let name = p.name.trim();
    let named = !name.is_empty();
    f.flag("named", named);
    if named {
        f.value("org", markdown::escape(name));
        f.value("Org", markdown::escape(name));
    } else {
        f.value("org", DEFAULT_ORGANISATION);
        f.value("Org", capitalise(DEFAULT_ORGANISATION));
    }

    let mut roles: Vec<Role> = Vec::new();
    for &r in &p.roles {
        if !roles.contains(&r) {
            roles.push(r);
        }
    }
    let sides = Sides::of(&roles);
    f.flag("roles_known", !roles.is_empty());
    f.flag("several_roles", roles.len() > 1);
    f.flag("provider", roles.contains(&Role::AiProvider));
    f.flag("producer", roles.contains(&Role::AiProducer));
    f.flag("customer", roles.contains(&Role::AiCustomer));
    f.flag("partner", roles.contains(&Role::AiPartner));
    f.flag("subject", roles.contains(&Role::AiSubject));
    f.flag("authority", roles.contains(&Role::RelevantAuthority));
    f.flag("build", sides.build);
    f.flag("use", sides.uses);
    f.flag("build_and_use", sides.build && sides.uses);
    f.flag(
        "small_org",
        matches!(p.size, Some(OrgSize::Micro | OrgSize::Small)),
    );

    f.optional("sector", escape_phrase(&p.sector));
    f.optional("systems", escape_list_inline(&p.systems_in_scope));
    f.optional("scope", markdown::escape(inputs.scope.trim()));
    f.optional("exceptions", markdown::escape(inputs.exceptions.trim()));
    f.optional(
        "related_policies",
        bullet_list(inputs.related_policies.iter().map(String::as_str)),
    );
    f.optional("effective_date", date(&inputs.effective_date));

    f.value("principles", principles(cat, inputs));

    let owner = inputs.owner_role.trim();
    f.value(
        "owner",
        if owner.is_empty() {
            DEFAULT_OWNER_ROLE.to_owned()
        } else {
            markdown::escape(owner)
        },
    );
    let approver = inputs.approver.trim();
    let approver = if approver.is_empty() {
        DEFAULT_APPROVER.to_owned()
    } else {
        markdown::escape(approver)
    };
    f.value("Approver", capitalise(&approver));
    f.value("approver", approver);
    let version = inputs.version.trim();
    f.value(
        "version",
        if version.is_empty() {
            DEFAULT_VERSION.to_owned()
        } else {
            markdown::escape(version)
        },
    );
    let months = inputs
        .review_months
        .filter(|&m| m > 0)
        .unwrap_or(DEFAULT_REVIEW_MONTHS);
    f.value("review_months", months.to_string());
    f.flag("review_monthly", months == 1);

    let appetite = inputs.risk_appetite;
    f.flag("appetite_set", appetite.is_some());
    f.flag("appetite_low", appetite == Some(RiskAppetite::Low));
    f.flag(
        "appetite_moderate",
        appetite == Some(RiskAppetite::Moderate),
    );
    f.flag("appetite_high", appetite == Some(RiskAppetite::High));

    f.flag("answered", any_answered(cat, a));
    f.flag("quick", a.mode == Mode::Quick);
    f.value("target", a.target.to_string());
    f.value("target_name", level_name(cat, a.target));
    f
}

fn gap_fill(cat: &Catalogue, target: u8, items: String, more: String) -> Fill {
    let mut f = Fill::default();
    f.value("target", target.to_string());
    f.value("target_name", level_name(cat, target));
    f.value("items", items);
    f.optional("more", more);
    f
}

fn gap_item_fill(cat: &Catalogue, item: Option<&Item>, level: Level, target: u8) -> Fill {
    let mut f = Fill::default();
    f.value("id", item.map(|i| i.id.clone()).unwrap_or_default());
    f.value("title", item.map(|i| i.title.clone()).unwrap_or_default());
    f.value(
        "next_step",
        item.map(|i| i.next_step.clone()).unwrap_or_default(),
    );
    f.value("level", level.to_string());
    f.value("level_name", level_name(cat, level.get()));
    f.value("target", target.to_string());
    f
}

fn not_assessed_fill(items: String) -> Fill {
    let mut f = Fill::default();
    f.value("items", items);
    f
}

/// The Annex C.2 objectives the draft states as principles: the chosen ones, or [`DEFAULT_PRINCIPLES`]
/// while the user has chosen none and written none of their own.
pub fn principles_in_effect(inputs: &PolicyInputs) -> Vec<String> {
    if inputs.principles.is_empty() && lines_of(&inputs.extra_principles).next().is_none() {
        DEFAULT_PRINCIPLES.iter().map(|s| (*s).to_owned()).collect()
    } else {
        inputs.principles.clone()
    }
}

/// Chooses or drops one objective as a principle, starting from what is in effect, in catalogue order.
pub fn set_principle(cat: &Catalogue, inputs: &mut PolicyInputs, id: &str, on: bool) {
    let mut list = principles_in_effect(inputs);
    list.retain(|p| p != id);
    if on {
        list.push(id.to_owned());
    }
    list.sort_by_key(|p| cat.objectives.iter().position(|o| o.id == *p));
    inputs.principles = list;
}

/// The guiding principles as a Markdown list: the objectives in effect in catalogue order with our
/// principle sentence, then the user's own, one per line.
fn principles(cat: &Catalogue, inputs: &PolicyInputs) -> String {
    let ids = principles_in_effect(inputs);
    let mut lines: Vec<String> = cat
        .objectives
        .iter()
        .filter(|o| ids.iter().any(|id| id.trim() == o.id))
        .map(|o| format!("- **{}.** {}", o.name, o.principle))
        .collect();
    lines.extend(lines_of(&inputs.extra_principles).map(|l| format!("- {}", markdown::escape(l))));
    lines.join("\n")
}

fn any_answered(cat: &Catalogue, a: &Assessment) -> bool {
    a.responses
        .iter()
        .any(|(id, r)| r.answer.is_some() && cat.item(id).is_some())
}

fn level_name(cat: &Catalogue, level: u8) -> String {
    cat.level(level).map(|l| l.name.clone()).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------------
// Gap notes.

/// Decides the `status` note of a section from the answers.
struct Drafter<'a> {
    cat: &'a Catalogue,
    a: &'a Assessment,
    sides: Sides,
    answered: bool,
}

impl<'a> Drafter<'a> {
    fn new(cat: &'a Catalogue, a: &'a Assessment) -> Drafter<'a> {
        Drafter {
            cat,
            a,
            sides: Sides::of(&a.profile.roles),
            answered: any_answered(cat, a),
        }
    }

    fn status(&self, refs: &[&str]) -> Result<String, String> {
        let mut items: Vec<&Item> = Vec::new();
        for r in refs {
            let (applies, id) = self.side(r)?;
            let item = self
                .cat
                .item(id)
                .ok_or_else(|| format!("`status` names {id}, which is not an item"))?;
            if applies {
                items.push(item);
            }
        }
        let mut gaps: Vec<(&Item, Level)> = Vec::new();
        let mut unanswered: Vec<&Item> = Vec::new();
        for &item in &items {
            match self.a.answer(&item.id) {
                Some(Answer::Level(level)) if level.get() < self.a.target => {
                    gaps.push((item, *level));
                }
                Some(_) => {}
                None => unanswered.push(item),
            }
        }
        if !gaps.is_empty() {
            return self.gap_note(gaps);
        }
        let asked: Vec<&Item> = unanswered
            .into_iter()
            .filter(|i| self.a.mode == Mode::Full || i.quick)
            .collect();
        let none_answered = items.iter().all(|i| self.a.answer(&i.id).is_none());
        if self.answered && none_answered && !asked.is_empty() {
            let ids: Vec<&str> = asked.iter().map(|i| i.id.as_str()).collect();
            let fill = not_assessed_fill(ids.join(", "));
            return fragment(self.cat, NOT_ASSESSED_TEMPLATE, &fill);
        }
        Ok(String::new())
    }

    fn gap_note(&self, mut gaps: Vec<(&Item, Level)>) -> Result<String, String> {
        gaps.sort_by_key(|&(_, level)| level);
        let shown = gaps.len().min(MAX_NEXT_STEPS);
        let mut lines = Vec::new();
        for &(item, level) in &gaps[..shown] {
            let fill = gap_item_fill(self.cat, Some(item), level, self.a.target);
            lines.push(fragment(self.cat, GAP_ITEM_TEMPLATE, &fill)?);
        }
        let rest: Vec<&str> = gaps[shown..].iter().map(|(i, _)| i.id.as_str()).collect();
        let fill = gap_fill(self.cat, self.a.target, lines.join("\n"), rest.join(", "));
        fragment(self.cat, GAP_TEMPLATE, &fill)
    }

    /// Whether a `status` reference applies to this organisation, and its item ID.
    fn side<'r>(&self, reference: &'r str) -> Result<(bool, &'r str), String> {
        match reference.split_once(':') {
            None => Ok((true, reference)),
            Some(("build", id)) => Ok((self.sides.build, id)),
            Some(("use", id)) => Ok((self.sides.uses, id)),
            Some((side, _)) => Err(format!(
                "`status` prefix \"{side}:\" is unknown; use build: or use:"
            )),
        }
    }
}

/// A small template rendered on its own, without its trailing newline.
fn fragment(cat: &Catalogue, name: &str, fill: &Fill) -> Result<String, String> {
    let text = cat
        .policy_template(name)
        .ok_or_else(|| format!("content/policy/{name}.md is missing"))?;
    let nodes = parse(text).map_err(|p| format!("content/policy/{name}.md: {p}"))?;
    let mut out = String::new();
    render(&nodes, fill, None, &mut out).map_err(|p| format!("content/policy/{name}.md: {p}"))?;
    Ok(tidy(&out).trim_end().to_owned())
}

// ---------------------------------------------------------------------------------------------------
// User text.

/// Upper-cases the first character ("top management" → "Top management").
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Non-empty lines of a multi-line field, trimmed, without a leading list marker the user typed.
fn lines_of(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| {
            let l = l.trim();
            ["- ", "* ", "• "]
                .iter()
                .find_map(|m| l.strip_prefix(m))
                .unwrap_or(l)
                .trim()
        })
        .filter(|l| !l.is_empty())
}

/// A short phrase for use inside a sentence: trimmed, without a final full stop, escaped.
fn escape_phrase(text: &str) -> String {
    markdown::escape(text.trim().trim_end_matches('.').trim_end())
}

/// A list typed one per line (or as prose), as one escaped phrase with "; " between lines.
fn escape_list_inline(text: &str) -> String {
    let parts: Vec<String> = lines_of(text).map(escape_phrase).collect();
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A Markdown list of escaped entries, without blanks or repeats; empty if there are none.
fn bullet_list<'t>(entries: impl Iterator<Item = &'t str>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for e in entries {
        let e = escape_phrase(e);
        if !e.is_empty() && !seen.contains(&e) {
            seen.push(e);
        }
    }
    seen.iter()
        .map(|e| format!("- {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// An ISO date stays as typed (digits and hyphens need no escaping); anything else is escaped text.
fn date(text: &str) -> String {
    let t = text.trim();
    if crate::codec::v2::is_date(t) {
        t.to_owned()
    } else {
        markdown::escape(t)
    }
}

fn contains_word(text: &str, word: &str) -> bool {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == word)
}

// ---------------------------------------------------------------------------------------------------
// The template engine.

#[derive(Debug)]
enum Node<'t> {
    Text(&'t str),
    Value(&'t str),
    If {
        flag: &'t str,
        negated: bool,
        then: Vec<Node<'t>>,
        otherwise: Vec<Node<'t>>,
    },
    Status(Vec<&'t str>),
}

struct Tag<'t> {
    inner: &'t str,
    line: usize,
}

enum Token<'t> {
    Text(&'t str),
    Tag(Tag<'t>),
}

fn line_of(src: &str, offset: usize) -> usize {
    src[..offset].matches('\n').count() + 1
}

fn is_block_tag(inner: &str) -> bool {
    inner.starts_with('!') || inner.starts_with("#if") || inner == "else" || inner == "/if"
}

fn tokenize(src: &str) -> Result<Vec<Token<'_>>, String> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    while let Some(found) = src[pos..].find("{{") {
        let open = pos + found;
        let close = src[open + 2..]
            .find("}}")
            .map(|c| open + 2 + c)
            .ok_or_else(|| format!("line {}: `{{{{` is never closed", line_of(src, open)))?;
        let inner = src[open + 2..close].trim();
        let mut text_end = open;
        let mut next = close + 2;
        if is_block_tag(inner) {
            let line_start = src[..open].rfind('\n').map_or(0, |i| i + 1);
            let line_end = src[next..].find('\n').map_or(src.len(), |i| next + i + 1);
            if line_start >= pos
                && src[line_start..open].trim().is_empty()
                && src[next..line_end].trim().is_empty()
            {
                text_end = line_start;
                next = line_end;
            }
        }
        push_text(src, pos, text_end, &mut tokens)?;
        tokens.push(Token::Tag(Tag {
            inner,
            line: line_of(src, open),
        }));
        pos = next;
    }
    push_text(src, pos, src.len(), &mut tokens)?;
    Ok(tokens)
}

fn push_text<'t>(
    src: &'t str,
    start: usize,
    end: usize,
    tokens: &mut Vec<Token<'t>>,
) -> Result<(), String> {
    let text = &src[start..end];
    if let Some(i) = text.find(['{', '}']) {
        return Err(format!(
            "line {}: a stray brace; braces are only allowed in `{{{{tags}}}}`",
            line_of(src, start + i)
        ));
    }
    if !text.is_empty() {
        tokens.push(Token::Text(text));
    }
    Ok(())
}

struct OpenIf<'t> {
    flag: &'t str,
    negated: bool,
    then: Vec<Node<'t>>,
    otherwise: Option<Vec<Node<'t>>>,
    line: usize,
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn parse(src: &str) -> Result<Vec<Node<'_>>, String> {
    let mut root: Vec<Node> = Vec::new();
    let mut open: Vec<OpenIf> = Vec::new();
    for token in tokenize(src)? {
        let node = match token {
            Token::Text(text) => Node::Text(text),
            Token::Tag(Tag { inner, line }) => {
                if inner.starts_with('!') {
                    continue;
                } else if let Some(rest) = inner.strip_prefix("#if ") {
                    let rest = rest.trim();
                    let (negated, flag) = match rest.strip_prefix('!') {
                        Some(f) => (true, f.trim()),
                        None => (false, rest),
                    };
                    if !is_name(flag) {
                        return Err(format!("line {line}: `{{{{#if {rest}}}}}` needs one flag"));
                    }
                    open.push(OpenIf {
                        flag,
                        negated,
                        then: Vec::new(),
                        otherwise: None,
                        line,
                    });
                    continue;
                } else if inner == "else" {
                    match open.last_mut() {
                        Some(o) if o.otherwise.is_none() => o.otherwise = Some(Vec::new()),
                        _ => return Err(format!("line {line}: `{{{{else}}}}` outside an `#if`")),
                    }
                    continue;
                } else if inner == "/if" {
                    let o = open
                        .pop()
                        .ok_or_else(|| format!("line {line}: `{{{{/if}}}}` without an `#if`"))?;
                    Node::If {
                        flag: o.flag,
                        negated: o.negated,
                        then: o.then,
                        otherwise: o.otherwise.unwrap_or_default(),
                    }
                } else if let Some(rest) = inner.strip_prefix("status ") {
                    Node::Status(rest.split_whitespace().collect())
                } else if is_name(inner) {
                    Node::Value(inner)
                } else {
                    return Err(format!("line {line}: unknown tag `{{{{{inner}}}}}`"));
                }
            }
        };
        let current = match open.last_mut() {
            None => &mut root,
            Some(o) => match &mut o.otherwise {
                Some(otherwise) => otherwise,
                None => &mut o.then,
            },
        };
        current.push(node);
    }
    match open.last() {
        Some(o) => Err(format!(
            "line {}: `{{{{#if {}}}}}` is never closed",
            o.line, o.flag
        )),
        None => Ok(root),
    }
}

fn check_nodes(
    cat: &Catalogue,
    nodes: &[Node],
    fill: &Fill,
    status_allowed: bool,
    problems: &mut Vec<String>,
) {
    for node in nodes {
        match node {
            Node::Text(_) => {}
            Node::Value(name) => {
                if !fill.values.contains_key(name) {
                    problems.push(format!("unknown placeholder `{{{{{name}}}}}`"));
                }
            }
            Node::If {
                flag,
                then,
                otherwise,
                ..
            } => {
                if !fill.flags.contains_key(flag) {
                    problems.push(format!("unknown flag `{flag}` in `{{{{#if}}}}`"));
                }
                check_nodes(cat, then, fill, status_allowed, problems);
                check_nodes(cat, otherwise, fill, status_allowed, problems);
            }
            Node::Status(refs) => {
                if !status_allowed {
                    problems.push("`status` is only allowed in the main template".to_owned());
                }
                if refs.is_empty() {
                    problems.push("`status` names no item".to_owned());
                }
                for r in refs {
                    let id = match r.split_once(':') {
                        None => *r,
                        Some(("build" | "use", id)) => id,
                        Some((side, _)) => {
                            problems.push(format!("`status` prefix \"{side}:\" is unknown"));
                            continue;
                        }
                    };
                    if cat.item(id).is_none() {
                        problems.push(format!("`status` names {id}, which is not an item"));
                    }
                }
            }
        }
    }
}

fn render(
    nodes: &[Node],
    fill: &Fill,
    drafter: Option<&Drafter>,
    out: &mut String,
) -> Result<(), String> {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Value(name) => match fill.values.get(name) {
                None => return Err(format!("unknown placeholder `{{{{{name}}}}}`")),
                Some(v) if v.is_empty() => {
                    return Err(format!(
                        "`{{{{{name}}}}}` has no value here; use it inside `{{{{#if {name}}}}}`"
                    ))
                }
                Some(v) => out.push_str(v),
            },
            Node::If {
                flag,
                negated,
                then,
                otherwise,
            } => {
                let on = *fill
                    .flags
                    .get(flag)
                    .ok_or_else(|| format!("unknown flag `{flag}` in `{{{{#if}}}}`"))?;
                let branch = if on != *negated { then } else { otherwise };
                render(branch, fill, drafter, out)?;
            }
            Node::Status(refs) => {
                let drafter = drafter
                    .ok_or_else(|| "`status` is only allowed in the main template".to_owned())?;
                out.push_str(&drafter.status(refs)?);
            }
        }
    }
    Ok(())
}

/// Trailing spaces removed, runs of blank lines reduced to one, no blank lines at either end, and one
/// final newline.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}
