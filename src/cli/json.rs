//! The JSON that `aims score --json` and `aims diff --json` print, for pipelines.
//!
//! Readiness and changes are percent (points) as exact as a JSON number holds them, from the exact
//! fractions of the scoring rule; `*_pct` and `delta_whole` are the whole numbers the app shows. Section
//! maps list `4` … `10`, `A.2` … `A.10`, then `clauses`, `annex-a`, `overall`, in that order. A value
//! that does not exist (no applicable item, nothing answered) is `null`.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::assessment::Assessment;
use crate::catalogue::Catalogue;
use crate::compare::{
    Caveat, Comparison, ItemChange, OwnerChange, Side, ANNEX_A_ID, CLAUSES_ID, OVERALL_ID,
};
use crate::gaps::Gap;
use crate::score::{Band, Figures, Scorecard, Status};

/// Entries serialised as a JSON object in their order.
struct Ordered<T>(Vec<(String, T)>);

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// One section or aggregate in `aims score --json`.
#[derive(serde::Serialize)]
struct SectionJson<'a> {
    title: &'a str,
    /// Exact percent; `null` without applicable items.
    readiness: Option<f64>,
    readiness_pct: Option<u8>,
    /// Answered / in scope, exact percent; `null` when nothing is in scope.
    completion: Option<f64>,
    completion_pct: Option<u8>,
    answered: usize,
    in_scope: usize,
    not_applicable: usize,
    below_target: usize,
    points: u32,
    max_points: u32,
    maturity_avg: Option<f64>,
}

impl<'a> SectionJson<'a> {
    fn new(title: &'a str, figures: Option<&Figures>) -> SectionJson<'a> {
        let nothing = figures.is_none_or(|f| f.in_scope == 0);
        let f = figures.cloned();
        let get = |pick: fn(&Figures) -> usize| f.as_ref().map_or(0, pick);
        SectionJson {
            title,
            readiness: f.as_ref().and_then(|f| f.readiness),
            readiness_pct: f.as_ref().and_then(|f| f.readiness_pct),
            completion: f
                .as_ref()
                .filter(|_| !nothing)
                .map(|f| 100.0 * f.answered as f64 / f.in_scope as f64),
            completion_pct: f.as_ref().filter(|_| !nothing).map(|f| f.completion_pct),
            answered: get(|f| f.answered),
            in_scope: get(|f| f.in_scope),
            not_applicable: get(|f| f.not_applicable),
            below_target: get(|f| f.below_target),
            points: f.as_ref().map_or(0, |f| f.points),
            max_points: f.as_ref().map_or(0, |f| f.max_points),
            maturity_avg: f.as_ref().and_then(|f| f.maturity_avg),
        }
    }
}

/// `aims score --json` for one file.
#[derive(serde::Serialize)]
struct ScoreJson<'a> {
    file: &'a str,
    organisation: &'a str,
    updated: &'a str,
    mode: &'static str,
    /// A quick scan: every number is indicative.
    indicative: bool,
    target: u8,
    band: Option<&'static str>,
    band_label: Option<&'static str>,
    sections: Ordered<SectionJson<'a>>,
}

/// `aims score --json` of one assessment read from `file`, pretty-printed, without a final newline.
pub fn score_json(cat: &Catalogue, file: &str, a: &Assessment, card: &Scorecard) -> String {
    let mut sections: Vec<(String, SectionJson<'_>)> = cat
        .sections
        .iter()
        .map(|s| {
            let figures = card.section(&s.id).map(|score| &score.figures);
            (s.id.clone(), SectionJson::new(&s.title, figures))
        })
        .collect();
    for (id, title, figures) in [
        (CLAUSES_ID, "Clauses 4–10", &card.clauses),
        (ANNEX_A_ID, "Annex A", &card.annex_a),
        (OVERALL_ID, "Overall", &card.overall),
    ] {
        sections.push((id.to_owned(), SectionJson::new(title, Some(figures))));
    }
    let json = ScoreJson {
        file,
        organisation: a.profile.name.trim(),
        updated: &a.updated,
        mode: a.mode.key(),
        indicative: card.indicative,
        target: card.target,
        band: card.band.map(Band::key),
        band_label: card.band.map(Band::label),
        sections: Ordered(sections),
    };
    pretty(&json)
}

fn pretty(value: &impl Serialize) -> String {
    // Plain structs of strings, numbers and maps with string keys: serialising cannot fail. A NaN or
    // infinite f64 would become `null`, but every division here has a non-zero denominator.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// One side of `aims diff --json`.
#[derive(serde::Serialize)]
struct SideJson<'a> {
    file: &'a str,
    organisation: &'a str,
    updated: &'a str,
    mode: &'static str,
    target: u8,
    band: Option<&'static str>,
}

impl<'a> SideJson<'a> {
    fn new(file: &'a str, side: &'a Side) -> SideJson<'a> {
        SideJson {
            file,
            organisation: &side.organisation,
            updated: &side.updated,
            mode: side.mode.key(),
            target: side.target,
            band: side.band.map(Band::key),
        }
    }
}

/// One section or aggregate in `aims diff --json`.
#[derive(serde::Serialize)]
struct RowJson<'a> {
    title: &'a str,
    /// Exact percent.
    before: Option<f64>,
    after: Option<f64>,
    /// after − before in percentage points, exact.
    delta: Option<f64>,
    before_pct: Option<u8>,
    after_pct: Option<u8>,
    /// after_pct − before_pct: the change as the app shows it.
    delta_whole: Option<i32>,
}

/// An answer: a level 0 … 5, `"not-applicable"`, or `null` when unanswered.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum AnswerJson {
    Level(u8),
    Word(&'static str),
    None,
}

impl From<Status> for AnswerJson {
    fn from(status: Status) -> AnswerJson {
        match status {
            Status::Unanswered => AnswerJson::None,
            Status::Rated(level) => AnswerJson::Level(level.get()),
            Status::NotApplicable => AnswerJson::Word("not-applicable"),
        }
    }
}

#[derive(serde::Serialize)]
struct ItemJson<'a> {
    id: &'a str,
    title: &'a str,
    section: &'a str,
    before: AnswerJson,
    after: AnswerJson,
}

impl<'a> From<&'a ItemChange> for ItemJson<'a> {
    fn from(c: &'a ItemChange) -> ItemJson<'a> {
        ItemJson {
            id: &c.item_id,
            title: &c.title,
            section: &c.section_id,
            before: c.before.into(),
            after: c.after.into(),
        }
    }
}

#[derive(serde::Serialize)]
struct GapJson<'a> {
    id: &'a str,
    title: &'a str,
    section: &'a str,
    /// `null` when unanswered.
    level: Option<u8>,
    target: u8,
    shortfall: u8,
    owner: Option<&'a str>,
    due: Option<&'a str>,
}

impl<'a> From<&'a Gap> for GapJson<'a> {
    fn from(g: &'a Gap) -> GapJson<'a> {
        GapJson {
            id: &g.item_id,
            title: &g.title,
            section: &g.section_id,
            level: g.level.map(|l| l.get()),
            target: g.target,
            shortfall: g.shortfall,
            owner: g.owner.as_deref(),
            due: g.due.as_deref(),
        }
    }
}

#[derive(serde::Serialize)]
struct OwnerJson<'a> {
    id: &'a str,
    title: &'a str,
    owner_before: &'a str,
    owner_after: &'a str,
    due_before: &'a str,
    due_after: &'a str,
}

impl<'a> From<&'a OwnerChange> for OwnerJson<'a> {
    fn from(c: &'a OwnerChange) -> OwnerJson<'a> {
        OwnerJson {
            id: &c.item_id,
            title: &c.title,
            owner_before: &c.owner_before,
            owner_after: &c.owner_after,
            due_before: &c.due_before,
            due_after: &c.due_after,
        }
    }
}

#[derive(serde::Serialize)]
struct DiffJson<'a> {
    before: SideJson<'a>,
    after: SideJson<'a>,
    caveats: Vec<String>,
    sections: Ordered<RowJson<'a>>,
    raised: Vec<ItemJson<'a>>,
    lowered: Vec<ItemJson<'a>>,
    newly_not_applicable: Vec<ItemJson<'a>>,
    no_longer_not_applicable: Vec<ItemJson<'a>>,
    gaps_closed: Vec<GapJson<'a>>,
    gaps_opened: Vec<GapJson<'a>>,
    owners_changed: Vec<OwnerJson<'a>>,
}

fn items(list: &[ItemChange]) -> Vec<ItemJson<'_>> {
    list.iter().map(ItemJson::from).collect()
}

/// `aims diff --json`, pretty-printed, without a final newline.
pub fn diff_json(before_file: &str, after_file: &str, c: &Comparison) -> String {
    let pct = |f: &Option<Figures>| f.as_ref().and_then(|f| f.readiness_pct);
    let rows = c
        .rows
        .iter()
        .map(|r| {
            let row = RowJson {
                title: &r.title,
                before: r.before_readiness(),
                after: r.after_readiness(),
                delta: r.delta(),
                before_pct: pct(&r.before),
                after_pct: pct(&r.after),
                delta_whole: r.delta_whole(),
            };
            (r.id.clone(), row)
        })
        .collect();
    let json = DiffJson {
        before: SideJson::new(before_file, &c.before),
        after: SideJson::new(after_file, &c.after),
        caveats: c
            .caveats
            .iter()
            .map(|caveat: &Caveat| caveat.text())
            .collect(),
        sections: Ordered(rows),
        raised: items(&c.raised),
        lowered: items(&c.lowered),
        newly_not_applicable: items(&c.newly_not_applicable),
        no_longer_not_applicable: items(&c.no_longer_not_applicable),
        gaps_closed: c.gaps_closed.iter().map(GapJson::from).collect(),
        gaps_opened: c.gaps_opened.iter().map(GapJson::from).collect(),
        owners_changed: c.owners_changed.iter().map(OwnerJson::from).collect(),
    };
    pretty(&json)
}
