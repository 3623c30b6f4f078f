//! The readiness report: one Markdown document (and the same as a self-contained HTML page), in the
//! order a board and an auditor read it: a one-page summary (readiness, band, the top gaps, stage 1 and
//! stage 2 readiness), the profile, readiness per section with bars, the action plan (below target, then
//! not yet answered), the Statement of Applicability, the register of required documented information
//! ([`crate::documents`]), the road to certification ([`crate::roadmap`]), the evidence trail (notes,
//! evidence, owners, due dates, checkpoints per item), and the scoring rule at the end.
//!
//! Every string a user or a file supplied goes through [`markdown::escape`], and every heading has
//! content under it, even for an empty assessment.

use std::fmt::Write as _;

use crate::assessment::{Assessment, Mode};
use crate::catalogue::Catalogue;
use crate::checkpoints;
use crate::codec::v2::is_date;
use crate::gaps::{gaps, Gap};
use crate::markdown::{self, escape};
use crate::score::{score, Figures, Scorecard, RULE_MARKDOWN};
use crate::soa::soa_markdown;
use crate::{documents, roadmap};

/// The report's title, without an organisation.
pub const REPORT_TITLE: &str = "ISO/IEC 42001 readiness report";

/// What an empty profile field reads as.
const NOT_STATED: &str = "not stated";

/// The plain-text title: "ISO/IEC 42001 readiness report – ACME" (for the HTML `<title>`, file names are
/// the shell's business). Not escaped: callers escape for their format.
pub fn report_title(a: &Assessment) -> String {
    let name = a.profile.name.trim();
    if name.is_empty() {
        REPORT_TITLE.to_owned()
    } else {
        format!("{REPORT_TITLE} – {}", one_line(name))
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A user string for Markdown, or "not stated".
fn stated(text: &str) -> String {
    if text.trim().is_empty() {
        NOT_STATED.to_owned()
    } else {
        escape(text.trim())
    }
}

/// The calendar date of an RFC 3339 timestamp ("2025-03-01"), if it starts with a real one.
fn date_part(timestamp: &str) -> Option<&str> {
    timestamp.trim().get(..10).filter(|d| is_date(d))
}

/// The date of a timestamp as people read it ("2025-03-01"), or "an unknown date".
pub fn date_label(timestamp: &str) -> String {
    date_part(timestamp).map_or_else(|| "an unknown date".to_owned(), str::to_owned)
}

/// The date part of an RFC 3339 timestamp ("2025-03-01"), else the escaped text, else "not recorded".
fn date_of(timestamp: &str) -> String {
    match date_part(timestamp) {
        Some(date) => date.to_owned(),
        None if timestamp.trim().is_empty() => "not recorded".to_owned(),
        None => escape(timestamp.trim()),
    }
}

fn level_text(cat: &Catalogue, level: u8) -> String {
    match cat.level(level) {
        Some(def) => format!("{level} – {}", escape(&def.name)),
        None => level.to_string(),
    }
}

fn score_row(out: &mut String, label: &str, f: &Figures) {
    let _ = writeln!(
        out,
        "| {label} | {} {} | {} | {} | {} |",
        bar(f.readiness_pct),
        f.readiness_text(),
        f.completion_text(),
        f.progress_text(),
        f.maturity_text()
    );
}

fn scores_markdown(out: &mut String, card: &Scorecard) {
    out.push_str("## Readiness by section\n\n");
    if card.indicative {
        out.push_str(
            "Quick scan: only the quick-scan items are in scope, so every score below is indicative.\n\n",
        );
    }
    out.push_str("| Section | Readiness | Completion | Answered | Maturity average |\n");
    out.push_str("|---|---|---|---|---|\n");
    for s in &card.sections {
        let label = format!("{} {}", escape(&s.id), escape(&s.title));
        score_row(out, &label, &s.figures);
    }
    score_row(out, "**Clauses 4–10**", &card.clauses);
    score_row(out, "**Annex A**", &card.annex_a);
    score_row(out, "**Overall**", &card.overall);
    let _ = write!(out, "\n**Band:** {}", card.band_text());
    if card.indicative {
        out.push_str(" (indicative)");
    }
    out.push_str("\n\n");
    if card.audit_ready_held_back() {
        let n = card.clauses.below_target;
        let _ = writeln!(
            out,
            "The overall readiness is 90 or more, but {n} sub-clause{} of clauses 4–10 {} below the target \
             level, so the band stays Nearly ready.\n",
            if n == 1 { "" } else { "s" },
            if n == 1 { "is" } else { "are" },
        );
    }
}

fn gap_list(out: &mut String, list: &[&Gap]) {
    for (i, gap) in list.iter().enumerate() {
        let marker = format!("{}. ", i + 1);
        let indent = " ".repeat(marker.len());
        let _ = writeln!(
            out,
            "{marker}**{} {}** ({} {}): {} → target {}, short by {}.",
            escape(&gap.item_id),
            escape(&gap.title),
            escape(&gap.section_id),
            escape(&gap.section_title),
            gap.current_text(),
            gap.target,
            gap.shortfall,
        );
        let _ = writeln!(out, "{indent}- Next step: {}", escape(&gap.next_step));
        let mut who = Vec::new();
        if let Some(owner) = &gap.owner {
            who.push(format!("Owner: {}", escape(owner)));
        }
        if let Some(due) = &gap.due {
            who.push(format!("Due: {}", escape(due)));
        }
        if !who.is_empty() {
            let _ = writeln!(out, "{indent}- {}", who.join("; "));
        }
    }
    out.push('\n');
}

fn action_plan_markdown(out: &mut String, cat: &Catalogue, a: &Assessment, target: u8) {
    out.push_str("## Action plan\n\n");
    let all = gaps(cat, a);
    if all.is_empty() {
        let _ = writeln!(
            out,
            "No gaps: every applicable item in scope is at or above target level {target}.\n"
        );
        return;
    }
    let (unanswered, below): (Vec<&Gap>, Vec<&Gap>) = all.iter().partition(|g| g.is_unanswered());
    let _ = writeln!(
        out,
        "{} answered item{} below target level {target}, and {} not yet answered. Clauses come first \
         (every sub-clause is required for certification), then the largest shortfall.\n",
        below.len(),
        if below.len() == 1 { " is" } else { "s are" },
        unanswered.len(),
    );
    for (heading, list) in [
        ("### Below target", below),
        ("### Not yet answered", unanswered),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{heading}\n");
        gap_list(out, &list);
    }
}

/// A bar of ten blocks for a percentage, readable in Markdown, HTML and print alike.
pub fn bar(percent: Option<u8>) -> String {
    match percent {
        Some(p) => {
            let full = usize::from(p.min(100)).div_ceil(10);
            format!("{}{}", "█".repeat(full), "░".repeat(10 - full))
        }
        None => "░".repeat(10),
    }
}

/// The first page: readiness, band, what that means, and the five most important gaps.
fn summary_markdown(out: &mut String, cat: &Catalogue, a: &Assessment, card: &Scorecard) {
    out.push_str("## Summary\n\n");
    let mode = match a.mode {
        Mode::Full => "full assessment",
        Mode::Quick => "quick scan (indicative)",
    };
    let _ = writeln!(
        out,
        "- **Overall readiness:** {} ({}), band **{}**{}",
        card.overall.readiness_text(),
        card.overall.completion_text(),
        card.band_text(),
        if card.indicative { ", indicative" } else { "" }
    );
    let _ = writeln!(
        out,
        "- **Clauses 4–10:** {} · **Annex A:** {}",
        card.clauses.readiness_text(),
        card.annex_a.readiness_text()
    );
    let _ = writeln!(
        out,
        "- **As of:** {}, {mode}, against target level {}",
        date_of(&a.updated),
        level_text(cat, card.target)
    );
    let road = roadmap::readiness(cat, a);
    for stage in roadmap::Stage::ALL {
        let r = road.stage(stage);
        let _ = writeln!(
            out,
            "- **{}:** {}{}",
            stage.title(),
            r.verdict(),
            r.planned
                .as_deref()
                .map(|d| format!(" (planned for {d})"))
                .unwrap_or_default()
        );
    }
    out.push('\n');
    let all = gaps(cat, a);
    let top: Vec<&Gap> = all.iter().filter(|g| !g.is_unanswered()).take(5).collect();
    if top.is_empty() {
        out.push_str("No answered item is below target.\n\n");
    } else {
        out.push_str("The most important gaps:\n\n");
        for gap in top {
            let _ = writeln!(
                out,
                "- **{} {}**: {} → {}. {}",
                escape(&gap.item_id),
                escape(&gap.title),
                gap.current_text(),
                gap.target,
                escape(&gap.next_step)
            );
        }
        out.push('\n');
    }
    let unanswered = all.iter().filter(|g| g.is_unanswered()).count();
    if unanswered > 0 {
        let _ = writeln!(
            out,
            "{unanswered} item{} in scope {} not answered yet.\n",
            if unanswered == 1 { "" } else { "s" },
            if unanswered == 1 { "is" } else { "are" }
        );
    }
}

/// Notes, evidence, owners, due dates and ticked checkpoints, item by item, for whoever checks them.
fn evidence_trail_markdown(out: &mut String, cat: &Catalogue, a: &Assessment) {
    out.push_str("## Evidence trail\n\n");
    let mut any = false;
    for item in cat.items() {
        let Some(r) = a.response(&item.id) else {
            continue;
        };
        if r.notes.is_empty()
            && r.evidence.is_empty()
            && r.owner.is_empty()
            && r.due.is_empty()
            && r.checkpoints.is_empty()
        {
            continue;
        }
        any = true;
        let _ = writeln!(out, "**{} {}**\n", escape(&item.id), escape(&item.title));
        for (label, text) in [
            ("Owner", &r.owner),
            ("Due", &r.due),
            ("Evidence", &r.evidence),
            ("Notes", &r.notes),
        ] {
            if !text.trim().is_empty() {
                let _ = writeln!(out, "- {label}: {}", escape(text.trim()));
            }
        }
        out.push_str(&checkpoints::trail_markdown(item, a));
        out.push('\n');
    }
    if !any {
        out.push_str("No notes, evidence, owners or due dates are recorded yet.\n\n");
    }
}

/// The whole report as Markdown.
pub fn report_markdown(cat: &Catalogue, a: &Assessment) -> String {
    let card = score(cat, a);
    let profile = &a.profile;
    let mut out = String::new();

    let name = profile.name.trim();
    if name.is_empty() {
        let _ = writeln!(out, "# {REPORT_TITLE}\n");
    } else {
        let _ = writeln!(out, "# {REPORT_TITLE} – {}\n", escape(name));
    }
    out.push_str(
        "A self-assessment against ISO/IEC 42001:2023. It is not an audit and not a certification.\n\n",
    );
    summary_markdown(&mut out, cat, a, &card);

    out.push_str("## Organisation profile\n\n");
    let roles = if profile.roles.is_empty() {
        NOT_STATED.to_owned()
    } else {
        profile
            .roles
            .iter()
            .map(|r| r.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !a.name.trim().is_empty() {
        let _ = writeln!(out, "- **Assessment:** {}", escape(a.name.trim()));
    }
    let _ = writeln!(out, "- **Organisation:** {}", stated(&profile.name));
    let _ = writeln!(out, "- **Roles (ISO/IEC 22989):** {roles}");
    let _ = writeln!(out, "- **Sector:** {}", stated(&profile.sector));
    let _ = writeln!(
        out,
        "- **Size:** {}",
        profile.size.map_or(NOT_STATED, |s| s.label())
    );
    let _ = writeln!(
        out,
        "- **AI systems in scope:** {}",
        stated(&profile.systems_in_scope)
    );
    let _ = writeln!(out, "- **Date:** {}", date_of(&a.updated));
    let _ = writeln!(
        out,
        "- **Mode:** {}",
        match a.mode {
            Mode::Full => "Full assessment",
            Mode::Quick => "Quick scan (indicative)",
        }
    );
    let _ = writeln!(out, "- **Target level:** {}", level_text(cat, card.target));
    let _ = writeln!(
        out,
        "- **Answered:** {} of {} items in scope\n",
        card.overall.answered, card.overall.in_scope
    );

    scores_markdown(&mut out, &card);

    action_plan_markdown(&mut out, cat, a, card.target);

    out.push_str("## Statement of Applicability\n\n");
    out.push_str(crate::soa::RULE_SENTENCE);
    out.push_str("\n\n");
    out.push_str(&soa_markdown(cat, a));
    out.push('\n');
    out.push_str(&documents::documents_markdown(cat, a));
    out.push_str(&roadmap::roadmap_markdown(cat, a));

    evidence_trail_markdown(&mut out, cat, a);

    out.push_str("## How the score is computed\n\n");
    out.push_str(RULE_MARKDOWN);
    out
}

/// The report as a self-contained HTML document: inline CSS, no script, nothing loaded.
pub fn report_html(cat: &Catalogue, a: &Assessment) -> String {
    markdown::html_document(&report_title(a), &report_markdown(cat, a))
}

/// A file-name-safe form of a text: lower-case ASCII letters and digits joined by single hyphens.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    trimmed
        .chars()
        .take(48)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

/// The stem of every exported file: "iso42001-readiness-acme-ltd-2025-03-02".
pub fn file_stem(a: &Assessment) -> String {
    let mut stem = "iso42001-readiness".to_owned();
    for part in [
        slug(&a.profile.name),
        slug(a.updated.get(..10).unwrap_or_default()),
    ] {
        if !part.is_empty() {
            stem.push('-');
            stem.push_str(&part);
        }
    }
    stem
}
