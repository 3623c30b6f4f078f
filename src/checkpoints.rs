//! Checkpoints as the user ticked them: per item, which of its single requirements are ticked and which
//! are still open, for the item card's count and the report's evidence trail.
//!
//! Checkpoints are informative: the maturity level stays the score, and nothing here changes a score. A
//! stored ID that the item does not define (an older or newer content version) is kept by the codec; the
//! card cannot show a box for it, and the evidence trail lists it by its ID.

use std::fmt::Write as _;

use crate::assessment::Assessment;
use crate::catalogue::{CheckpointDef, Item};
use crate::markdown::escape;

/// One item's checkpoints, split by whether the user ticked them, each in the item's order.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemCheckpoints<'c> {
    pub item: &'c Item,
    pub ticked: Vec<&'c CheckpointDef>,
    pub open: Vec<&'c CheckpointDef>,
}

impl ItemCheckpoints<'_> {
    /// "2 of 7 checkpoints ticked".
    pub fn summary(&self) -> String {
        summary(self.ticked.len(), self.ticked.len() + self.open.len())
    }
}

/// "2 of 7 checkpoints ticked" (or "1 of 1 checkpoint ticked").
pub fn summary(ticked: usize, total: usize) -> String {
    format!(
        "{ticked} of {total} checkpoint{} ticked",
        if total == 1 { "" } else { "s" }
    )
}

/// The checkpoints of `item` in assessment `a`; `None` when the item has none.
pub fn for_item<'c>(item: &'c Item, a: &Assessment) -> Option<ItemCheckpoints<'c>> {
    if item.checkpoints.is_empty() {
        return None;
    }
    let stored = a.response(&item.id).map(|r| &r.checkpoints);
    let (ticked, open) = item
        .checkpoints
        .iter()
        .partition(|c| stored.is_some_and(|s| s.contains(&c.id)));
    Some(ItemCheckpoints { item, ticked, open })
}

/// The evidence trail's lines for an item's checkpoints: the count, then every checkpoint of the item as
/// ticked or not ticked, then any stored ID this questionnaire does not define (kept, so nothing ticked is
/// hidden). Empty when nothing is ticked.
pub fn trail_markdown(item: &Item, a: &Assessment) -> String {
    let mut out = String::new();
    let Some(stored) = a.response(&item.id).map(|r| &r.checkpoints) else {
        return out;
    };
    if let Some(c) = for_item(item, a).filter(|c| !c.ticked.is_empty()) {
        let _ = writeln!(out, "- Checkpoints: {}", c.summary());
        for (label, list) in [("Ticked", &c.ticked), ("Not ticked", &c.open)] {
            for checkpoint in list.iter() {
                let _ = writeln!(out, "  - {label}: {}", escape(&checkpoint.text));
            }
        }
    }
    let unknown: Vec<String> = stored
        .iter()
        .filter(|id| item.checkpoint(id).is_none())
        .map(|id| escape(id))
        .collect();
    if !unknown.is_empty() {
        let _ = writeln!(
            out,
            "- Checkpoints ticked that this version of the questionnaire does not have: {}",
            unknown.join(", ")
        );
    }
    out
}
