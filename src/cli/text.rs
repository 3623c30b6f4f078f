//! What the command line prints for people: `aims check` lines and `aims score` tables. Text from a file
//! never reaches the terminal as control characters.

use std::fmt::Write as _;

use crate::assessment::Assessment;
use crate::catalogue::Catalogue;
use crate::codec::Preview;
use crate::report::date_label;
use crate::score::{score, Figures, Scorecard};

/// Text from a file or a file name, safe to print on a terminal: control characters (escape sequences,
/// carriage returns, line breaks) and the invisible marks that reorder text are shown as `\u{…}`.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let reorders = matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || reorders {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

fn organisation(a: &Assessment) -> String {
    printable(a.name_or("An unnamed organisation"))
}

/// `aims check` for a file that passed: "a.json: ok: Acme Ltd, full assessment, 70 of 70 items answered",
/// then what the app's import preview would say under "Good to know", one line each.
pub fn check_line(cat: &Catalogue, name: &str, preview: &Preview) -> String {
    let a = &preview.assessment;
    let card = score(cat, a);
    let mut out = format!(
        "{name}: ok: {}, {}, {} of {} items answered, last changed {}\n",
        organisation(a),
        a.mode.label().to_lowercase(),
        card.overall.answered,
        card.overall.in_scope,
        date_label(&a.updated)
    );
    for warning in &preview.warnings {
        let _ = writeln!(out, "  good to know: {}", printable(&warning.to_string()));
    }
    out
}

fn figures_line(out: &mut String, id: &str, title: &str, f: &Figures) {
    let _ = writeln!(
        out,
        "{id:<8} {:>9} {:>10} {:>9} {:>8}  {title}",
        f.readiness_text(),
        f.completion_text(),
        f.progress_text(),
        f.maturity_text()
    );
}

/// `aims score` for one file: a table of every section in scope and the aggregates, then the band.
pub fn score_table(name: &str, a: &Assessment, card: &Scorecard) -> String {
    let mut out = format!("{} ({name})\n", organisation(a));
    let _ = writeln!(
        out,
        "{}, target level {}, last changed {}{}",
        a.mode.label(),
        card.target,
        date_label(&a.updated),
        if card.indicative {
            ": quick-scan scores are indicative"
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "{:<8} {:>9} {:>10} {:>9} {:>8}  title",
        "section", "readiness", "completion", "answered", "maturity"
    );
    for s in &card.sections {
        figures_line(&mut out, &s.id, &s.title, &s.figures);
    }
    figures_line(&mut out, "clauses", "Clauses 4–10", &card.clauses);
    figures_line(&mut out, "annex-a", "Annex A", &card.annex_a);
    figures_line(&mut out, "overall", "Overall", &card.overall);
    let _ = writeln!(out, "Band: {}", card.band_text());
    if card.audit_ready_held_back() {
        let _ = writeln!(
            out,
            "The overall readiness is 90 or more, but a sub-clause of clauses 4–10 is below the target level, so the band stays Nearly ready."
        );
    }
    out
}
