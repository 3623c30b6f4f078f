//! The gap list, which is also the action plan: every applicable item in scope below the target level.
//!
//! Order: clause sub-clauses first (every one is required for certification), then the largest shortfall
//! first, then catalogue order. Building the list cannot fail.

use std::cmp::Reverse;

use crate::assessment::{Assessment, Level};
use crate::catalogue::{Catalogue, SectionKind};
use crate::score::{self, Status};

/// One item below the target level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub item_id: String,
    pub title: String,
    pub section_id: String,
    pub section_title: String,
    pub kind: SectionKind,
    /// The level answered; `None` when not answered (scored as 0).
    pub level: Option<Level>,
    /// The target level used (2 … 5).
    pub target: u8,
    /// target − level, unanswered counting as level 0; always at least 1.
    pub shortfall: u8,
    /// The next concrete step, from the catalogue.
    pub next_step: String,
    /// From the response, if the user set one.
    pub owner: Option<String>,
    /// From the response (YYYY-MM-DD), if the user set one.
    pub due: Option<String>,
}

impl Gap {
    /// The item has not been answered at all.
    pub fn is_unanswered(&self) -> bool {
        self.level.is_none()
    }

    /// The current level as shown: "level 2", or "not answered".
    pub fn current_text(&self) -> String {
        match self.level {
            Some(level) => format!("level {level}"),
            None => "not answered".to_owned(),
        }
    }

    /// A clause sub-clause, required for certification.
    pub fn is_clause(&self) -> bool {
        self.kind == SectionKind::Clause
    }

    /// Owner and due date as shown ("Owner: CRO · Due: 2025-06-30"), or `None` when neither is set.
    pub fn owner_due_text(&self) -> Option<String> {
        if self.owner.is_none() && self.due.is_none() {
            return None;
        }
        let or_unset = |v: &Option<String>| v.clone().unwrap_or_else(|| "not set".to_owned());
        Some(format!(
            "Owner: {} · Due: {}",
            or_unset(&self.owner),
            or_unset(&self.due)
        ))
    }
}

/// One sentence about how many gaps there are, for the top of the action plan.
pub fn summary(count: usize) -> String {
    const CLAUSES_FIRST: &str = "Clause requirements come first: certification needs all of them.";
    match count {
        0 => "No gaps: every applicable requirement in scope is at or above the target level."
            .to_owned(),
        1 => format!("1 requirement is below the target level. {CLAUSES_FIRST}"),
        n => format!("{n} requirements are below the target level. {CLAUSES_FIRST}"),
    }
}

fn non_empty(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// Every applicable item in scope below the target, in action-plan order.
pub fn gaps(cat: &Catalogue, a: &Assessment) -> Vec<Gap> {
    let target = score::target(a);
    let mut gaps: Vec<Gap> = Vec::new();
    for section in &cat.sections {
        for item in section
            .items
            .iter()
            .filter(|i| score::is_in_scope(i, a.mode))
        {
            let level = match score::status(item, a) {
                Status::NotApplicable => continue,
                Status::Unanswered => None,
                Status::Rated(level) => Some(level),
            };
            let current = level.map_or(0, Level::get);
            if current >= target {
                continue;
            }
            let response = a.response(&item.id);
            gaps.push(Gap {
                item_id: item.id.clone(),
                title: item.title.clone(),
                section_id: section.id.clone(),
                section_title: section.title.clone(),
                kind: item.kind,
                level,
                target,
                shortfall: target - current,
                next_step: item.next_step.clone(),
                owner: response.and_then(|r| non_empty(&r.owner)),
                due: response.and_then(|r| non_empty(&r.due)),
            });
        }
    }
    // Stable: equal keys keep catalogue order.
    gaps.sort_by_key(|g| (!g.is_clause(), Reverse(g.shortfall)));
    gaps
}

/// Which gaps the action plan shows: all, the answered items below target, or the unanswered ones (the
/// report lists them in that split too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    BelowTarget,
    Unanswered,
}

impl Filter {
    /// Every filter, in display order.
    pub const ALL: [Filter; 3] = [Filter::All, Filter::BelowTarget, Filter::Unanswered];

    /// Whether `gap` is shown.
    pub fn keeps(self, gap: &Gap) -> bool {
        match self {
            Filter::All => true,
            Filter::BelowTarget => !gap.is_unanswered(),
            Filter::Unanswered => gap.is_unanswered(),
        }
    }

    /// The stable key used as a form value.
    pub fn key(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::BelowTarget => "below-target",
            Filter::Unanswered => "unanswered",
        }
    }

    /// "Below target (5)" for a list of gaps.
    pub fn label(self, gaps: &[Gap]) -> String {
        let name = match self {
            Filter::All => "All",
            Filter::BelowTarget => "Below target",
            Filter::Unanswered => "Not yet answered",
        };
        format!("{name} ({})", gaps.iter().filter(|g| self.keeps(g)).count())
    }
}
