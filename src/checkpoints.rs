//! Checkpoints as the user ticked them: per item, which of its single requirements are ticked and which
//! are still open, for the item card's count, the report and the answers CSV.
//!
//! Checkpoints are informative: the maturity level stays the score, and nothing here changes a score. A
//! stored ID that the item does not define (an older or newer content version) is kept in the file by the
//! codec but shown nowhere, because it cannot be named.

use std::fmt::Write as _;

use crate::assessment::Assessment;
use crate::catalogue::{Catalogue, CheckpointDef, Item};
use crate::markdown::escape;
use crate::score;

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

/// Every item in scope with at least one ticked checkpoint, in the standard's order.
pub fn ticked_items<'c>(cat: &'c Catalogue, a: &Assessment) -> Vec<ItemCheckpoints<'c>> {
    score::in_scope(cat, a.mode)
        .filter_map(|item| for_item(item, a))
        .filter(|c| !c.ticked.is_empty())
        .collect()
}

/// The report's "Checkpoints" section: for each item in scope with a ticked checkpoint, every checkpoint
/// marked ticked or not ticked. Always has text under its heading.
pub fn checkpoints_markdown(cat: &Catalogue, a: &Assessment) -> String {
    let mut out = String::from("## Checkpoints\n\n");
    let items = ticked_items(cat, a);
    if items.is_empty() {
        out.push_str(
            "No checkpoint is ticked. Checkpoints are the single requirements of items that ask several \
             things at once; ticking them is optional and does not change any score.\n\n",
        );
        return out;
    }
    out.push_str(
        "The single requirements of items that ask several things at once, as ticked, for every item \
         with at least one ticked. They are informative: the maturity level stays the score.\n\n",
    );
    for c in items {
        let _ = writeln!(
            out,
            "**{} {}**: {}\n",
            escape(&c.item.id),
            escape(&c.item.title),
            c.summary()
        );
        for (label, list) in [("Ticked", &c.ticked), ("Not ticked", &c.open)] {
            for checkpoint in list.iter() {
                let _ = writeln!(out, "- {label}: {}", escape(&checkpoint.text));
            }
        }
        out.push('\n');
    }
    out
}

/// For the answers CSV: the ticked checkpoint IDs of an item separated by spaces, and the number the
/// item has ("" for an item without checkpoints).
pub fn csv_fields(item: &Item, a: &Assessment) -> (String, String) {
    match for_item(item, a) {
        None => (String::new(), String::new()),
        Some(c) => (
            c.ticked
                .iter()
                .map(|t| t.id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            item.checkpoints.len().to_string(),
        ),
    }
}
