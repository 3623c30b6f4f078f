//! The readiness score: per section, per aggregate (clauses, Annex A, overall), the completion of each,
//! the maturity average and the band of the overall score.
//!
//! The rule is shown to the user word for word as [`RULE_MARKDOWN`]; every number here follows it. Scores
//! are kept as exact fractions (`points / max_points`) so that rounding and band thresholds never suffer
//! from floating-point error: the shown whole percent and the band are both decided in integers.
//!
//! Scoring cannot fail. Responses for IDs the catalogue does not know are ignored (the codec reports them),
//! a target outside 2 … 5 is clamped into that range and the scorecard says which target it used, and a
//! "not applicable" recorded against a clause (which the model refuses, but a file could contain) counts
//! as unanswered, because every clause applies.

use crate::assessment::{Answer, Assessment, Level, Mode, MAX_TARGET, MIN_TARGET};
use crate::catalogue::{Catalogue, Item, SectionKind};

/// How the score is computed, in plain words, for the "How the score is computed" panel and the report.
/// Tests check that it names every threshold and label the code uses.
pub const RULE_MARKDOWN: &str = "\
Each item is answered with a maturity level from 0 (Not started) to 5 (Optimising) and compared with \
your target level, between 2 and 5 (3, Implemented, unless you change it).

- **Item credit** = min(level, target) / target. A level above the target earns no extra credit. An \
unanswered item earns 0.
- **Not applicable** Annex A controls are left out of every score: they count neither for nor against \
you. Clauses always apply and cannot be marked not applicable.
- **Section readiness** (each clause 4–10 and each Annex A category A.2–A.10) = the mean credit of the \
section's applicable items in scope × 100. A section with no applicable item in scope has no score, \
shown as \"—\".
- **Clauses** readiness = the mean credit of all sub-clauses in scope × 100; **Annex A** readiness = \
the mean credit of all applicable controls in scope × 100; **Overall** readiness = the mean credit of all \
applicable items in scope × 100. Every item weighs the same, so these are not averages of the section \
scores.
- **Completion** = items answered / items in scope × 100. A not-applicable answer counts as answered.
- **Maturity average** = the mean level (0–5) of the answered applicable items, shown with one decimal \
(halves rounded up). It is not capped at the target. \"—\" when no applicable item is answered.
- Percentages are shown as whole numbers: the exact value rounded to the nearest whole number, halves \
rounded up (12.5 shows as 13).
- **Band** of the overall readiness, taken from the exact value before rounding:
  - below 40: Early stage
  - 40 to below 70: Developing
  - 70 to below 90: Nearly ready
  - 90 or more: Audit-ready, but only if no sub-clause of clauses 4–10 in scope is below the target \
level (an unanswered one counts as below); otherwise Nearly ready.
- **Quick scan**: the same rule applied to the quick-scan items only, which are then the items in scope. \
Its scores are indicative, not a full readiness picture.
";

/// The lowest overall readiness (exact, in percent) of the band "Developing".
pub const DEVELOPING_FROM: u32 = 40;
/// The lowest overall readiness (exact, in percent) of the band "Nearly ready".
pub const NEARLY_READY_FROM: u32 = 70;
/// The lowest overall readiness (exact, in percent) of the band "Audit-ready", if every clause is at target.
pub const AUDIT_READY_FROM: u32 = 90;

/// What the shell shows when a value does not exist (no applicable item, nothing answered).
pub const NO_VALUE: &str = "—";

/// Where an item stands, as the score sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Unanswered,
    Rated(Level),
    /// Only ever for Annex A controls.
    NotApplicable,
}

impl Status {
    /// Answered, with a level or as not applicable.
    pub fn is_answered(self) -> bool {
        self != Status::Unanswered
    }
}

/// The status of `item` in `a`. A "not applicable" on a clause counts as unanswered: every clause applies.
pub fn status(item: &Item, a: &Assessment) -> Status {
    match a.answer(&item.id) {
        None => Status::Unanswered,
        Some(Answer::Level(level)) => Status::Rated(*level),
        Some(Answer::NotApplicable { .. }) if item.allows_not_applicable() => Status::NotApplicable,
        Some(Answer::NotApplicable { .. }) => Status::Unanswered,
    }
}

/// The target level the score uses: the assessment's, clamped into 2 … 5.
pub fn target(a: &Assessment) -> u8 {
    a.target.clamp(MIN_TARGET, MAX_TARGET)
}

/// Whether `item` is part of an assessment in `mode`.
pub fn is_in_scope(item: &Item, mode: Mode) -> bool {
    mode == Mode::Full || item.quick
}

/// The items an assessment in `mode` asks about, in catalogue order: all of them, or the quick-scan ones.
pub fn in_scope(cat: &Catalogue, mode: Mode) -> impl Iterator<Item = &Item> {
    cat.items().filter(move |item| is_in_scope(item, mode))
}

/// The band of the overall score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    EarlyStage,
    Developing,
    NearlyReady,
    AuditReady,
}

impl Band {
    /// Every band, lowest first.
    pub const ALL: [Band; 4] = [
        Band::EarlyStage,
        Band::Developing,
        Band::NearlyReady,
        Band::AuditReady,
    ];

    /// The label the user sees.
    pub fn label(self) -> &'static str {
        match self {
            Band::EarlyStage => "Early stage",
            Band::Developing => "Developing",
            Band::NearlyReady => "Nearly ready",
            Band::AuditReady => "Audit-ready",
        }
    }

    /// A stable key, for CSS classes and files.
    pub fn key(self) -> &'static str {
        match self {
            Band::EarlyStage => "early-stage",
            Band::Developing => "developing",
            Band::NearlyReady => "nearly-ready",
            Band::AuditReady => "audit-ready",
        }
    }

    /// The band of an overall score, from its exact value; `None` when there is no score.
    pub fn of(overall: &Figures, clauses: &Figures) -> Option<Band> {
        let exact = overall.exact()?;
        Some(if exact.below(DEVELOPING_FROM) {
            Band::EarlyStage
        } else if exact.below(NEARLY_READY_FROM) {
            Band::Developing
        } else if exact.below(AUDIT_READY_FROM) || clauses.below_target > 0 {
            Band::NearlyReady
        } else {
            Band::AuditReady
        })
    }
}

/// A readiness as the exact fraction `100 × points / max_points`, `max_points > 0`.
#[derive(Debug, Clone, Copy)]
struct Exact {
    points: u64,
    max_points: u64,
}

impl Exact {
    /// Exactly below `percent`.
    fn below(self, percent: u32) -> bool {
        100 * self.points < u64::from(percent) * self.max_points
    }
}

/// `num / den` rounded to the nearest whole number, halves up; `den > 0`, both non-negative.
fn round_half_up(num: u64, den: u64) -> u64 {
    (2 * num + den) / (2 * den)
}

/// `part / whole × 100` as a whole percent, rounded as the rule says; 0 when `whole` is 0.
pub fn percent(part: usize, whole: usize) -> u8 {
    if whole == 0 {
        return 0;
    }
    let pct = round_half_up(100 * part as u64, whole as u64).min(100);
    // At most 100 after `min`, so it fits.
    u8::try_from(pct).unwrap_or(100)
}

/// The numbers of one section or aggregate.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// Items in scope (for the mode).
    pub in_scope: usize,
    /// Items in scope answered with a level or as not applicable.
    pub answered: usize,
    /// Items in scope not marked not applicable (unanswered ones included): the denominator of the score.
    pub applicable: usize,
    /// Items in scope marked not applicable.
    pub not_applicable: usize,
    /// Applicable items below the target, unanswered ones included.
    pub below_target: usize,
    /// Applicable items answered with a level.
    pub rated: usize,
    /// The sum of those levels.
    pub level_sum: u32,
    /// The sum of min(level, target) over the applicable items (unanswered = 0).
    pub points: u32,
    /// target × applicable.
    pub max_points: u32,
    /// Readiness in percent, 0 … 100, exact up to floating point; `None` without applicable items.
    pub readiness: Option<f64>,
    /// The whole percent shown: the exact readiness rounded to the nearest whole number, halves up.
    pub readiness_pct: Option<u8>,
    /// Answered / in scope, as a whole percent rounded the same way (0 when nothing is in scope).
    pub completion_pct: u8,
    /// Mean level of the rated items, 0 … 5; `None` if none is rated.
    pub maturity_avg: Option<f64>,
}

impl Figures {
    fn tally<'i>(items: impl Iterator<Item = &'i Item>, a: &Assessment, target: u8) -> Figures {
        let mut f = Figures {
            in_scope: 0,
            answered: 0,
            applicable: 0,
            not_applicable: 0,
            below_target: 0,
            rated: 0,
            level_sum: 0,
            points: 0,
            max_points: 0,
            readiness: None,
            readiness_pct: None,
            completion_pct: 0,
            maturity_avg: None,
        };
        for item in items {
            f.in_scope += 1;
            let st = status(item, a);
            if st.is_answered() {
                f.answered += 1;
            }
            match st {
                Status::NotApplicable => f.not_applicable += 1,
                Status::Unanswered => {
                    f.applicable += 1;
                    f.below_target += 1;
                }
                Status::Rated(level) => {
                    f.applicable += 1;
                    f.rated += 1;
                    f.level_sum += u32::from(level.get());
                    f.points += u32::from(level.get().min(target));
                    if level.get() < target {
                        f.below_target += 1;
                    }
                }
            }
        }
        f.max_points = u32::from(target) * f.applicable as u32;
        if let Some(exact) = f.exact() {
            f.readiness = Some(100.0 * exact.points as f64 / exact.max_points as f64);
            let pct = round_half_up(100 * exact.points, exact.max_points).min(100);
            f.readiness_pct = Some(u8::try_from(pct).unwrap_or(100));
        }
        f.completion_pct = percent(f.answered, f.in_scope);
        if f.rated > 0 {
            f.maturity_avg = Some(f64::from(f.level_sum) / f.rated as f64);
        }
        f
    }

    fn exact(&self) -> Option<Exact> {
        (self.max_points > 0).then_some(Exact {
            points: u64::from(self.points),
            max_points: u64::from(self.max_points),
        })
    }

    /// The readiness as shown: "67%", or "—" without a score.
    pub fn readiness_text(&self) -> String {
        match self.readiness_pct {
            Some(pct) => format!("{pct}%"),
            None => NO_VALUE.to_owned(),
        }
    }

    /// The completion as shown: "60%".
    pub fn completion_text(&self) -> String {
        format!("{}%", self.completion_pct)
    }

    /// Progress as shown in the sidebar: "3 / 5".
    pub fn progress_text(&self) -> String {
        format!("{} / {}", self.answered, self.in_scope)
    }

    /// The maturity average with one decimal, rounded halves up from the exact mean ("2.3"), or "—".
    pub fn maturity_text(&self) -> String {
        if self.rated == 0 {
            return NO_VALUE.to_owned();
        }
        let tenths = round_half_up(10 * u64::from(self.level_sum), self.rated as u64);
        format!("{}.{}", tenths / 10, tenths % 10)
    }

    /// Every item in scope is answered.
    pub fn is_complete(&self) -> bool {
        self.answered == self.in_scope
    }
}

/// The score of one clause or Annex A category.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionScore {
    /// "4" … "10", "A.2" … "A.10".
    pub id: String,
    pub title: String,
    pub kind: SectionKind,
    pub figures: Figures,
}

/// Everything the score panel, the sidebar and the report show.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    pub mode: Mode,
    /// A quick scan: every number is indicative.
    pub indicative: bool,
    /// The target level used (2 … 5).
    pub target: u8,
    /// Every section with at least one item in scope, in the standard's order.
    pub sections: Vec<SectionScore>,
    /// All sub-clauses of clauses 4–10 in scope.
    pub clauses: Figures,
    /// All Annex A controls in scope.
    pub annex_a: Figures,
    /// All items in scope.
    pub overall: Figures,
    /// The band of the overall readiness; `None` only without any applicable item.
    pub band: Option<Band>,
}

impl Scorecard {
    /// The score of one section ("6", "A.6"), if it has items in scope.
    pub fn section(&self, id: &str) -> Option<&SectionScore> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The overall readiness reached the Audit-ready threshold, but a sub-clause below target keeps the
    /// band at "Nearly ready". The shell says why.
    pub fn audit_ready_held_back(&self) -> bool {
        self.band == Some(Band::NearlyReady)
            && self
                .overall
                .exact()
                .is_some_and(|e| !e.below(AUDIT_READY_FROM))
    }

    /// The band as shown: its label, or "—" without a score.
    pub fn band_text(&self) -> &'static str {
        self.band.map_or(NO_VALUE, Band::label)
    }
}

/// Scores `a` against the catalogue, following [`RULE_MARKDOWN`].
pub fn score(cat: &Catalogue, a: &Assessment) -> Scorecard {
    let target = target(a);
    let mode = a.mode;
    let sections = cat
        .sections
        .iter()
        .map(|section| SectionScore {
            id: section.id.clone(),
            title: section.title.clone(),
            kind: section.kind,
            figures: Figures::tally(
                section.items.iter().filter(|i| is_in_scope(i, mode)),
                a,
                target,
            ),
        })
        .filter(|s| s.figures.in_scope > 0)
        .collect();
    let of_kind = |kind| in_scope(cat, mode).filter(move |i| i.kind == kind);
    let clauses = Figures::tally(of_kind(SectionKind::Clause), a, target);
    let annex_a = Figures::tally(of_kind(SectionKind::AnnexA), a, target);
    let overall = Figures::tally(in_scope(cat, mode), a, target);
    let band = Band::of(&overall, &clauses);
    Scorecard {
        mode,
        indicative: mode == Mode::Quick,
        target,
        sections,
        clauses,
        annex_a,
        overall,
        band,
    }
}
