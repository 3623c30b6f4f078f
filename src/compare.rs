//! Comparing two assessments of one organisation, an earlier one ("before") and a later one ("after"):
//! readiness of every section and aggregate in each and the change in percentage points, the items that
//! went up or down, controls newly (or no longer) not applicable, gaps closed and opened, and owners and
//! due dates that changed; and the comparison as Markdown, HTML and CSV.
//!
//! Every figure comes from [`crate::score`] and [`crate::gaps`], so a comparison says exactly what the two
//! results pages say. A change is "after − before". [`Row::delta`] is the exact change of the exact
//! readiness values; [`Row::delta_whole`] is the change of the whole percents as shown, so a page never
//! shows "13% → 25%, +13". Both are 0 for an assessment compared with itself, change sign when the two are
//! swapped, and never disagree in sign.
//!
//! Items are compared only where both assessments ask about them: when one is a quick scan and the other
//! a full assessment, the items of the full assessment only are left out of the item lists and a note
//! says so. Building a comparison cannot fail.

use std::fmt::Write as _;

use crate::assessment::{Assessment, Mode, Response};
use crate::catalogue::{Catalogue, Item, SectionKind};
use crate::csv::{self, Cell};
use crate::gaps::{gaps, Gap};
use crate::markdown::{self, escape};
use crate::report::date_label;
use crate::score::{self, score, Band, Figures, Scorecard, Status, NO_VALUE};

/// The row ID of all sub-clauses of clauses 4–10 together (as the results page's `data-section-id`).
pub const CLAUSES_ID: &str = "clauses";
/// The row ID of all Annex A controls together.
pub const ANNEX_A_ID: &str = "annex-a";
/// The row ID of all items together.
pub const OVERALL_ID: &str = "overall";

/// The comparison's title, without an organisation.
pub const COMPARISON_TITLE: &str = "ISO/IEC 42001 readiness comparison";

/// What the comparison says about one of the two assessments.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// The organisation's name as entered (trimmed; may be empty).
    pub organisation: String,
    /// When it was last changed (RFC 3339, as in the file).
    pub updated: String,
    pub mode: Mode,
    /// The target level its scores use (2 … 5).
    pub target: u8,
    /// The band of its overall readiness; `None` without any applicable item.
    pub band: Option<Band>,
}

impl Side {
    fn of(a: &Assessment, card: &Scorecard) -> Side {
        Side {
            organisation: a.profile.name.trim().to_owned(),
            updated: a.updated.clone(),
            mode: a.mode,
            target: card.target,
            band: card.band,
        }
    }

    /// "Acme Ltd, last changed 2025-03-01 (Full assessment, target level 3, band Developing)", as plain
    /// text: callers escape it for their format.
    pub fn summary(&self) -> String {
        let organisation = if self.organisation.is_empty() {
            "An unnamed organisation"
        } else {
            &self.organisation
        };
        format!(
            "{organisation}, last changed {} ({}, target level {}, band {})",
            date_label(&self.updated),
            self.mode.label(),
            self.target,
            self.band.map_or(NO_VALUE, Band::label)
        )
    }
}

/// Whether a row is one section or an aggregate of several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Section(SectionKind),
    Aggregate,
}

/// One section (`4` … `10`, `A.2` … `A.10`) or aggregate (`clauses`, `annex-a`, `overall`), before and
/// after.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The section ID, or [`CLAUSES_ID`], [`ANNEX_A_ID`], [`OVERALL_ID`].
    pub id: String,
    /// "Context of the organization", "Clauses 4–10", "Annex A", "Overall".
    pub title: String,
    pub kind: RowKind,
    /// `None` when the assessment asks about no item of the section (a quick scan may not).
    pub before: Option<Figures>,
    pub after: Option<Figures>,
}

impl Row {
    /// The exact readiness before, in percent; `None` without a score.
    pub fn before_readiness(&self) -> Option<f64> {
        self.before.as_ref().and_then(|f| f.readiness)
    }

    /// The exact readiness after, in percent; `None` without a score.
    pub fn after_readiness(&self) -> Option<f64> {
        self.after.as_ref().and_then(|f| f.readiness)
    }

    /// The exact change in percentage points (after − before), from the two exact fractions of the
    /// scoring rule; `None` unless both have a score. Computed once from an integer numerator, so swapping
    /// the two negates it exactly.
    pub fn delta(&self) -> Option<f64> {
        let (b, a) = (self.before.as_ref()?, self.after.as_ref()?);
        if b.max_points == 0 || a.max_points == 0 {
            return None;
        }
        let num = 100
            * (i128::from(a.points) * i128::from(b.max_points)
                - i128::from(b.points) * i128::from(a.max_points));
        let den = i128::from(a.max_points) * i128::from(b.max_points);
        Some(num as f64 / den as f64)
    }

    /// The change in whole points as shown: the after whole percent minus the before whole percent.
    pub fn delta_whole(&self) -> Option<i32> {
        let before = self.before.as_ref()?.readiness_pct?;
        let after = self.after.as_ref()?.readiness_pct?;
        Some(i32::from(after) - i32::from(before))
    }

    /// The readiness before as shown: "67%" or "—".
    pub fn before_text(&self) -> String {
        self.before
            .as_ref()
            .map_or_else(|| NO_VALUE.to_owned(), Figures::readiness_text)
    }

    /// The readiness after as shown: "67%" or "—".
    pub fn after_text(&self) -> String {
        self.after
            .as_ref()
            .map_or_else(|| NO_VALUE.to_owned(), Figures::readiness_text)
    }

    /// The change as shown: "+13", "−5", "0", or "—" when either side has no score.
    pub fn delta_text(&self) -> String {
        self.delta_whole()
            .map_or_else(|| NO_VALUE.to_owned(), signed)
    }
}

/// A whole number with its sign: "+13", "−5" (a minus sign, not a hyphen), "0".
pub fn signed(n: i32) -> String {
    match n {
        0 => "0".to_owned(),
        n if n > 0 => format!("+{n}"),
        n => format!("−{}", n.unsigned_abs()),
    }
}

/// An item whose answer differs between the two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemChange {
    pub item_id: String,
    pub title: String,
    pub section_id: String,
    pub before: Status,
    pub after: Status,
}

impl ItemChange {
    /// The answer before as shown: "level 2", "not answered", "not applicable".
    pub fn before_text(&self) -> String {
        status_text(self.before)
    }

    /// The answer after as shown.
    pub fn after_text(&self) -> String {
        status_text(self.after)
    }

    /// Levels gained (negative: lost), an unanswered item counting as level 0; 0 when either side is not
    /// applicable.
    pub fn level_change(&self) -> i32 {
        match (credit_level(self.before), credit_level(self.after)) {
            (Some(b), Some(a)) => i32::from(a) - i32::from(b),
            _ => 0,
        }
    }
}

/// An answer as a person reads it: "level 2", "not answered", "not applicable".
pub fn status_text(status: Status) -> String {
    match status {
        Status::Unanswered => "not answered".to_owned(),
        Status::Rated(level) => format!("level {level}"),
        Status::NotApplicable => "not applicable".to_owned(),
    }
}

/// The level the score counts for an applicable item (unanswered = 0); `None` when not applicable.
fn credit_level(status: Status) -> Option<u8> {
    match status {
        Status::Unanswered => Some(0),
        Status::Rated(level) => Some(level.get()),
        Status::NotApplicable => None,
    }
}

/// An item whose owner or due date differs between the two (trimmed; empty when not set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerChange {
    pub item_id: String,
    pub title: String,
    pub owner_before: String,
    pub owner_after: String,
    pub due_before: String,
    pub due_after: String,
}

impl OwnerChange {
    /// The owner changed.
    pub fn owner_changed(&self) -> bool {
        self.owner_before != self.owner_after
    }

    /// The due date changed.
    pub fn due_changed(&self) -> bool {
        self.due_before != self.due_after
    }
}

/// Something that makes the two assessments measure different things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caveat {
    /// One is a quick scan, the other a full assessment.
    Modes { before: Mode, after: Mode },
    /// The target levels differ.
    Targets { before: u8, after: u8 },
}

impl Caveat {
    /// What it means for the comparison, in a sentence.
    pub fn text(self) -> String {
        match self {
            Caveat::Modes { before, after } => format!(
                "The earlier assessment is a {} and the later one a {}: their scores cover different items, \
                 and only the items both ask about are compared item by item.",
                before.label().to_lowercase(),
                after.label().to_lowercase()
            ),
            Caveat::Targets { before, after } => format!(
                "The target level changed from {before} to {after}: readiness is measured against different \
                 levels, so part of the change comes from the target."
            ),
        }
    }
}

/// Two assessments compared; every list is in catalogue order (gaps in action-plan order).
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub before: Side,
    pub after: Side,
    /// Every section of the catalogue in the standard's order, then clauses, Annex A and overall.
    pub rows: Vec<Row>,
    /// Items whose level went up (an unanswered item counts as level 0).
    pub raised: Vec<ItemChange>,
    /// Items whose level went down.
    pub lowered: Vec<ItemChange>,
    /// Controls marked not applicable after but not before.
    pub newly_not_applicable: Vec<ItemChange>,
    /// Controls marked not applicable before but not after.
    pub no_longer_not_applicable: Vec<ItemChange>,
    /// Gaps of the earlier assessment that the later one no longer has (as they were before).
    pub gaps_closed: Vec<Gap>,
    /// Gaps of the later assessment that the earlier one did not have (as they are now).
    pub gaps_opened: Vec<Gap>,
    /// Items whose owner or due date changed, whether or not the assessments ask about them.
    pub owners_changed: Vec<OwnerChange>,
    pub caveats: Vec<Caveat>,
}

impl Comparison {
    /// The row of a section or aggregate ID.
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
    }
}

/// Compares `before` (the earlier assessment) with `after`.
pub fn compare(cat: &Catalogue, before: &Assessment, after: &Assessment) -> Comparison {
    let (card_b, card_a) = (score(cat, before), score(cat, after));
    let section_rows = cat.sections.iter().map(|section| Row {
        id: section.id.clone(),
        title: section.title.clone(),
        kind: RowKind::Section(section.kind),
        before: card_b.section(&section.id).map(|s| s.figures.clone()),
        after: card_a.section(&section.id).map(|s| s.figures.clone()),
    });
    let aggregate = |id: &str, title: &str, pick: fn(&Scorecard) -> &Figures| Row {
        id: id.to_owned(),
        title: title.to_owned(),
        kind: RowKind::Aggregate,
        before: Some(pick(&card_b).clone()),
        after: Some(pick(&card_a).clone()),
    };
    let mut rows: Vec<Row> = section_rows.collect();
    rows.push(aggregate(CLAUSES_ID, "Clauses 4–10", |c| &c.clauses));
    rows.push(aggregate(ANNEX_A_ID, "Annex A", |c| &c.annex_a));
    rows.push(aggregate(OVERALL_ID, "Overall", |c| &c.overall));

    let in_both =
        |item: &Item| score::is_in_scope(item, before.mode) && score::is_in_scope(item, after.mode);
    let mut comparison = Comparison {
        before: Side::of(before, &card_b),
        after: Side::of(after, &card_a),
        rows,
        raised: Vec::new(),
        lowered: Vec::new(),
        newly_not_applicable: Vec::new(),
        no_longer_not_applicable: Vec::new(),
        gaps_closed: Vec::new(),
        gaps_opened: Vec::new(),
        owners_changed: Vec::new(),
        caveats: Vec::new(),
    };
    let empty = Response::default();
    for item in cat.items() {
        let owner_change = owner_change(
            item,
            before.response(&item.id).unwrap_or(&empty),
            after.response(&item.id).unwrap_or(&empty),
        );
        comparison.owners_changed.extend(owner_change);
        if !in_both(item) {
            continue;
        }
        let change = ItemChange {
            item_id: item.id.clone(),
            title: item.title.clone(),
            section_id: item.section.clone(),
            before: score::status(item, before),
            after: score::status(item, after),
        };
        let list = match (change.before, change.after) {
            (b, a) if b == a => continue,
            (b, Status::NotApplicable) if b != Status::NotApplicable => {
                &mut comparison.newly_not_applicable
            }
            (Status::NotApplicable, _) => &mut comparison.no_longer_not_applicable,
            _ if change.level_change() > 0 => &mut comparison.raised,
            _ if change.level_change() < 0 => &mut comparison.lowered,
            // Unanswered and level 0 score the same.
            _ => continue,
        };
        list.push(change);
    }
    let in_scope_gaps = |a: &Assessment| -> Vec<Gap> {
        gaps(cat, a)
            .into_iter()
            .filter(|g| cat.item(&g.item_id).is_some_and(in_both))
            .collect()
    };
    let (gaps_b, gaps_a) = (in_scope_gaps(before), in_scope_gaps(after));
    let has = |list: &[Gap], id: &str| list.iter().any(|g| g.item_id == id);
    comparison.gaps_closed = gaps_b
        .iter()
        .filter(|g| !has(&gaps_a, &g.item_id))
        .cloned()
        .collect();
    comparison.gaps_opened = gaps_a
        .iter()
        .filter(|g| !has(&gaps_b, &g.item_id))
        .cloned()
        .collect();
    if before.mode != after.mode {
        comparison.caveats.push(Caveat::Modes {
            before: before.mode,
            after: after.mode,
        });
    }
    if card_b.target != card_a.target {
        comparison.caveats.push(Caveat::Targets {
            before: card_b.target,
            after: card_a.target,
        });
    }
    comparison
}

fn owner_change(item: &Item, before: &Response, after: &Response) -> Option<OwnerChange> {
    let change = OwnerChange {
        item_id: item.id.clone(),
        title: item.title.clone(),
        owner_before: before.owner.trim().to_owned(),
        owner_after: after.owner.trim().to_owned(),
        due_before: before.due.trim().to_owned(),
        due_after: after.due.trim().to_owned(),
    };
    (change.owner_changed() || change.due_changed()).then_some(change)
}

/// The plain-text title: "ISO/IEC 42001 readiness comparison – Acme Ltd", named after the later
/// assessment's organisation. Not escaped: callers escape for their format.
pub fn comparison_title(c: &Comparison) -> String {
    let name = c.after.organisation.split_whitespace().collect::<Vec<_>>();
    if name.is_empty() {
        COMPARISON_TITLE.to_owned()
    } else {
        format!("{COMPARISON_TITLE} – {}", name.join(" "))
    }
}

/// A user string for a Markdown table cell, or "not set".
fn cell(text: &str) -> String {
    if text.is_empty() {
        "not set".to_owned()
    } else {
        escape(text)
    }
}

/// A counted section of the comparison: its heading, then one bullet per entry, or `none`.
fn bullets<T>(
    out: &mut String,
    heading: &str,
    none: &str,
    list: &[T],
    line: impl Fn(&T) -> String,
) {
    let _ = writeln!(out, "## {heading} ({})\n", list.len());
    if list.is_empty() {
        let _ = writeln!(out, "{none}\n");
        return;
    }
    for entry in list {
        let _ = writeln!(out, "- {}", line(entry));
    }
    out.push('\n');
}

fn item_line(change: &ItemChange) -> String {
    format!(
        "**{} {}**: {} → {}",
        escape(&change.item_id),
        escape(&change.title),
        change.before_text(),
        change.after_text()
    )
}

fn gap_line(gap: &Gap) -> String {
    format!(
        "**{} {}** ({} {}): {}, target {}",
        escape(&gap.item_id),
        escape(&gap.title),
        escape(&gap.section_id),
        escape(&gap.section_title),
        gap.current_text(),
        gap.target
    )
}

/// The comparison as Markdown. Every user string is escaped.
pub fn comparison_markdown(c: &Comparison) -> String {
    let mut out = String::new();
    let name = c.after.organisation.trim();
    if name.is_empty() {
        let _ = writeln!(out, "# {COMPARISON_TITLE}\n");
    } else {
        let _ = writeln!(out, "# {COMPARISON_TITLE} – {}\n", escape(name));
    }
    out.push_str(
        "Two self-assessments against ISO/IEC 42001:2023 side by side. It is not an audit and not a \
         certification.\n\n",
    );
    let _ = writeln!(out, "- **Before:** {}", escape(&c.before.summary()));
    let _ = writeln!(out, "- **After:** {}\n", escape(&c.after.summary()));
    for caveat in &c.caveats {
        let _ = writeln!(out, "{}\n", caveat.text());
    }

    out.push_str("## Readiness\n\n");
    out.push_str(
        "Changes are in percentage points: the later readiness minus the earlier one, both as shown \
         (whole percents, rounded as the scoring rule says). “—” means there is no score.\n\n",
    );
    out.push_str("| Section | Before | After | Change |\n|---|---|---|---|\n");
    for row in &c.rows {
        let label = match row.kind {
            RowKind::Section(_) => format!("{} {}", escape(&row.id), escape(&row.title)),
            RowKind::Aggregate => format!("**{}**", escape(&row.title)),
        };
        let _ = writeln!(
            out,
            "| {label} | {} | {} | {} |",
            row.before_text(),
            row.after_text(),
            row.delta_text()
        );
    }
    out.push('\n');

    let items: [(&str, &str, &[ItemChange]); 4] = [
        (
            "Items that went up",
            "No item is at a higher level.",
            &c.raised,
        ),
        (
            "Items that went down",
            "No item is at a lower level.",
            &c.lowered,
        ),
        (
            "Newly not applicable",
            "No control was newly marked not applicable.",
            &c.newly_not_applicable,
        ),
        (
            "No longer not applicable",
            "Every control marked not applicable before still is.",
            &c.no_longer_not_applicable,
        ),
    ];
    for (heading, none, list) in items {
        bullets(&mut out, heading, none, list, item_line);
    }
    bullets(
        &mut out,
        "Gaps closed",
        "No gap was closed.",
        &c.gaps_closed,
        gap_line,
    );
    bullets(
        &mut out,
        "Gaps opened",
        "No new gap.",
        &c.gaps_opened,
        gap_line,
    );

    let _ = writeln!(
        out,
        "## Owners and due dates that changed ({})\n",
        c.owners_changed.len()
    );
    if c.owners_changed.is_empty() {
        out.push_str("No owner or due date changed.\n");
    } else {
        out.push_str("| Item | Owner before | Owner after | Due before | Due after |\n");
        out.push_str("|---|---|---|---|---|\n");
        for change in &c.owners_changed {
            let _ = writeln!(
                out,
                "| {} {} | {} | {} | {} | {} |",
                escape(&change.item_id),
                escape(&change.title),
                cell(&change.owner_before),
                cell(&change.owner_after),
                cell(&change.due_before),
                cell(&change.due_after)
            );
        }
    }
    out
}

/// The comparison as a self-contained HTML document: inline CSS, no script, nothing loaded.
pub fn comparison_html(c: &Comparison) -> String {
    markdown::html_document(&comparison_title(c), &comparison_markdown(c))
}

fn whole(figures: &Option<Figures>) -> Cell<'static> {
    match figures.as_ref().and_then(|f| f.readiness_pct) {
        Some(pct) => Cell::Number(i64::from(pct)),
        None => Cell::Text(""),
    }
}

/// The comparison as CSV, one record per change: `kind,id,title,before,after,change`.
///
/// Kinds: `readiness` (every section and aggregate: whole percents as shown, change in whole points),
/// `raised`, `lowered`, `newly-not-applicable`, `no-longer-not-applicable` (answers; the change in levels
/// for the first two), `gap-closed`, `gap-opened` (the item's answer before and after), `owner` and `due`.
/// Numbers are written as numbers; every text is guarded against formula injection.
pub fn comparison_csv(c: &Comparison) -> String {
    let mut out = String::new();
    let header = ["kind", "id", "title", "before", "after", "change"];
    csv::push_record(&mut out, &header);
    for row in &c.rows {
        let change = row
            .delta_whole()
            .map_or(Cell::Text(""), |d| Cell::Number(i64::from(d)));
        csv::push_cells(
            &mut out,
            &[
                Cell::Text("readiness"),
                Cell::Text(&row.id),
                Cell::Text(&row.title),
                whole(&row.before),
                whole(&row.after),
                change,
            ],
        );
    }
    let lists: [(&str, &[ItemChange]); 4] = [
        ("raised", &c.raised),
        ("lowered", &c.lowered),
        ("newly-not-applicable", &c.newly_not_applicable),
        ("no-longer-not-applicable", &c.no_longer_not_applicable),
    ];
    for (kind, list) in lists {
        for change in list {
            let levels = match change.level_change() {
                0 => Cell::Text(""),
                n => Cell::Number(i64::from(n)),
            };
            csv::push_cells(
                &mut out,
                &[
                    Cell::Text(kind),
                    Cell::Text(&change.item_id),
                    Cell::Text(&change.title),
                    Cell::Text(&change.before_text()),
                    Cell::Text(&change.after_text()),
                    levels,
                ],
            );
        }
    }
    for (kind, list) in [
        ("gap-closed", &c.gaps_closed),
        ("gap-opened", &c.gaps_opened),
    ] {
        for gap in list {
            let (before, after) = answers_of(c, kind == "gap-closed", gap);
            csv::push_record(
                &mut out,
                &[kind, &gap.item_id, &gap.title, &before, &after, ""],
            );
        }
    }
    for change in &c.owners_changed {
        if change.owner_changed() {
            csv::push_record(
                &mut out,
                &[
                    "owner",
                    &change.item_id,
                    &change.title,
                    &change.owner_before,
                    &change.owner_after,
                    "",
                ],
            );
        }
        if change.due_changed() {
            csv::push_record(
                &mut out,
                &[
                    "due",
                    &change.item_id,
                    &change.title,
                    &change.due_before,
                    &change.due_after,
                    "",
                ],
            );
        }
    }
    out
}

/// The answers before and after of a closed or opened gap's item: the gap's own side from the gap, the
/// other side from the item lists (an item in none of them did not change its answer).
fn answers_of(c: &Comparison, closed: bool, gap: &Gap) -> (String, String) {
    let own = gap.current_text();
    let changed = [
        &c.raised,
        &c.lowered,
        &c.newly_not_applicable,
        &c.no_longer_not_applicable,
    ]
    .into_iter()
    .flatten()
    .find(|ch| ch.item_id == gap.item_id);
    let other = match (changed, closed) {
        (Some(ch), true) => ch.after_text(),
        (Some(ch), false) => ch.before_text(),
        // Same answer on both sides, yet a gap on one only: the target changed.
        (None, _) => own.clone(),
    };
    if closed {
        (own, other)
    } else {
        (other, own)
    }
}
