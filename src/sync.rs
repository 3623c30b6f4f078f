//! Several tabs of one browser editing the same assessment: every change survives, and all tabs end up
//! with the same data, whatever the order in which they hear of each other's changes.
//!
//! The assessment is cut into units (each item's response, each control's SoA entry, each entry of the
//! documents register, the profile, the policy form, the edited policy, the SoA's own fields, the
//! roadmap, name, mode, target, and whether an assessment exists at all). Each tab keeps, per unit, the
//! [`Clock`] of the last change it knows of; a tab that changes something stamps the changed units and
//! sends its whole state with the stamps to the other tabs ([`Message`]). A tab that receives a message
//! takes every unit whose stamp is later than its own ([`Replica::receive`]), saves the result whenever
//! its own state changes and, if the result differs from what it received, sends it in turn. This is a
//! last-writer-wins map: merging is commutative, associative and idempotent, so the tabs converge.
//!
//! Stamps are hybrid logical clocks: the later of the tab's wall clock in milliseconds and one past the
//! latest stamp it has seen, with the tab's random ID breaking ties. So a change always wins over every
//! change its tab had seen when it was made, and a freshly loaded tab's first change wins over older ones
//! even before it has heard from the others. Dates inside an assessment (`created`, `updated`) never
//! decide anything: `updated` is a unit like the others.
//!
//! An import, a restore and deleting everything are whole changes ([`Change::Whole`]): their
//! stamp becomes the tab's base, and every unit stamped before the latest base a tab knows is gone, its
//! value taken from the whole change. So they replace the whole assessment in every tab, and only what
//! was changed after them (a click in another tab a moment later) is merged into them.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Mode};

/// When a change was made, and by which tab: ordered by time, then by tab.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Clock {
    /// Milliseconds, at least one past every stamp the tab had seen.
    pub time: u64,
    /// The tab's random ID.
    pub tab: u64,
}

/// A part of the assessment that changes as one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// Whether there is an assessment at all (deleting everything sets it to "none").
    Exists,
    Created,
    /// When it last changed: informative, taken with the latest change like any unit.
    Updated,
    Mode,
    Target,
    Profile,
    Policy,
    PolicyMarkdown,
    /// The assessment's own name.
    Name,
    /// The Statement of Applicability's version, date, approver and added controls.
    Soa,
    /// The planned audit dates.
    Roadmap,
    /// One item's response (answer, notes, evidence, owner, due date, checkpoints).
    Answer(String),
    /// One Annex A control's SoA entry (inclusion reasons, implementation status).
    SoaControl(String),
    /// One entry of the documents register.
    Document(String),
}

impl Unit {
    /// The unit's name in a [`Message`].
    pub fn key(&self) -> String {
        match self {
            Unit::Exists => "exists".into(),
            Unit::Created => "created".into(),
            Unit::Updated => "updated".into(),
            Unit::Mode => "mode".into(),
            Unit::Target => "target".into(),
            Unit::Profile => "profile".into(),
            Unit::Policy => "policy".into(),
            Unit::PolicyMarkdown => "policy_markdown".into(),
            Unit::Name => "name".into(),
            Unit::Soa => "soa".into(),
            Unit::Roadmap => "roadmap".into(),
            Unit::Answer(id) => format!("answers/{id}"),
            Unit::SoaControl(id) => format!("soa/{id}"),
            Unit::Document(id) => format!("documents/{id}"),
        }
    }

    /// The unit a [`Unit::key`] names.
    pub fn from_key(key: &str) -> Option<Unit> {
        Some(match key {
            "exists" => Unit::Exists,
            "created" => Unit::Created,
            "updated" => Unit::Updated,
            "mode" => Unit::Mode,
            "target" => Unit::Target,
            "profile" => Unit::Profile,
            "policy" => Unit::Policy,
            "policy_markdown" => Unit::PolicyMarkdown,
            "name" => Unit::Name,
            "soa" => Unit::Soa,
            "roadmap" => Unit::Roadmap,
            _ => {
                if let Some(id) = key.strip_prefix("answers/") {
                    Unit::Answer(id.to_owned())
                } else if let Some(id) = key.strip_prefix("soa/") {
                    Unit::SoaControl(id.to_owned())
                } else {
                    Unit::Document(key.strip_prefix("documents/")?.to_owned())
                }
            }
        })
    }

    /// The units that are always there.
    const FIXED: [Unit; 11] = [
        Unit::Exists,
        Unit::Created,
        Unit::Updated,
        Unit::Mode,
        Unit::Target,
        Unit::Profile,
        Unit::Policy,
        Unit::PolicyMarkdown,
        Unit::Name,
        Unit::Soa,
        Unit::Roadmap,
    ];
}

/// The units of an assessment (or of none): the fixed ones and one per stored response.
fn units_of(a: Option<&Assessment>) -> BTreeSet<Unit> {
    let mut units: BTreeSet<Unit> = Unit::FIXED.into_iter().collect();
    if let Some(a) = a {
        units.extend(a.responses.keys().cloned().map(Unit::Answer));
        units.extend(a.soa.controls.keys().cloned().map(Unit::SoaControl));
        units.extend(a.documents.keys().cloned().map(Unit::Document));
    }
    units
}

/// Whether a unit has the same value in both.
fn same(unit: &Unit, a: Option<&Assessment>, b: Option<&Assessment>) -> bool {
    let (a, b) = match (a, b) {
        (None, None) => return true,
        (Some(a), Some(b)) => (a, b),
        _ => return false,
    };
    match unit {
        Unit::Exists => true,
        Unit::Created => a.created == b.created,
        Unit::Updated => a.updated == b.updated,
        Unit::Mode => a.mode == b.mode,
        Unit::Target => a.target == b.target,
        Unit::Profile => a.profile == b.profile,
        Unit::Policy => a.policy.inputs == b.policy.inputs,
        Unit::PolicyMarkdown => a.policy.edited_markdown == b.policy.edited_markdown,
        Unit::Name => a.name == b.name,
        Unit::Soa => {
            (&a.soa.version, &a.soa.date, &a.soa.approver, &a.soa.added)
                == (&b.soa.version, &b.soa.date, &b.soa.approver, &b.soa.added)
        }
        Unit::Roadmap => a.roadmap == b.roadmap,
        Unit::Answer(id) => a.responses.get(id) == b.responses.get(id),
        Unit::SoaControl(id) => a.soa.controls.get(id) == b.soa.controls.get(id),
        Unit::Document(id) => a.documents.get(id) == b.documents.get(id),
    }
}

/// Copies one unit's value from `from` into `to`.
fn copy(unit: &Unit, from: &Assessment, to: &mut Assessment) {
    match unit {
        Unit::Exists => {}
        Unit::Created => to.created.clone_from(&from.created),
        Unit::Updated => to.updated.clone_from(&from.updated),
        Unit::Mode => to.mode = from.mode,
        Unit::Target => to.target = from.target,
        Unit::Profile => to.profile.clone_from(&from.profile),
        Unit::Policy => to.policy.inputs.clone_from(&from.policy.inputs),
        Unit::PolicyMarkdown => to
            .policy
            .edited_markdown
            .clone_from(&from.policy.edited_markdown),
        Unit::Name => to.name.clone_from(&from.name),
        Unit::Soa => {
            to.soa.version.clone_from(&from.soa.version);
            to.soa.date.clone_from(&from.soa.date);
            to.soa.approver.clone_from(&from.soa.approver);
            to.soa.added.clone_from(&from.soa.added);
        }
        Unit::Roadmap => to.roadmap.clone_from(&from.roadmap),
        Unit::Answer(id) => copy_entry(id, &from.responses, &mut to.responses),
        Unit::SoaControl(id) => copy_entry(id, &from.soa.controls, &mut to.soa.controls),
        Unit::Document(id) => copy_entry(id, &from.documents, &mut to.documents),
    }
}

/// Copies one keyed entry, or its absence.
fn copy_entry<T: Clone>(id: &str, from: &BTreeMap<String, T>, to: &mut BTreeMap<String, T>) {
    match from.get(id) {
        Some(value) => {
            to.insert(id.to_owned(), value.clone());
        }
        None => {
            to.remove(id);
        }
    }
}

/// How a tab changed its assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// An edit (starting an assessment with a first answer included): only the units that differ are
    /// stamped.
    Edit,
    /// An import, a restore or deleting everything: the result replaces what other tabs have, including
    /// what they changed a moment before.
    Whole,
}

/// What one tab sends the others after a change: its whole state and the stamp of every unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// The library entry ([`crate::library`]) the message is about: a tab merges only messages about the
    /// assessment it has open, never another one's data ([`crate::library::follows`]).
    #[serde(default)]
    pub entry: String,
    /// The sender's tab ID.
    pub tab: u64,
    /// The stamp of the latest whole change (import, restore, new assessment, delete) the sender has.
    pub base: Clock,
    /// Unit keys ([`Unit::key`]) and their stamps; a unit left out has the stamp `(0, tab)`.
    pub clocks: BTreeMap<String, Clock>,
    /// The sender's assessment as [`crate::codec::encode`] writes it, or `None` if it has none.
    pub assessment: Option<String>,
}

/// One tab's knowledge of when each unit last changed.
#[derive(Debug, Clone)]
pub struct Replica {
    tab: u64,
    /// The latest stamp this tab has made or seen.
    latest: u64,
    /// The stamp of the latest whole change this tab has: a unit stamped before it is gone, replaced by
    /// what that change put there.
    base: Clock,
    /// Stamps of the units changed since `base` (a unit not here has the stamp `(0, tab)`).
    clocks: BTreeMap<Unit, Clock>,
}

impl Replica {
    /// A tab that has just loaded what storage holds: nothing is stamped yet.
    pub fn new(tab: u64) -> Replica {
        Replica {
            tab,
            latest: 0,
            base: Clock::default(),
            clocks: BTreeMap::new(),
        }
    }

    /// This tab's ID.
    pub fn tab(&self) -> u64 {
        self.tab
    }

    fn clock(&self, unit: &Unit) -> Clock {
        self.clocks.get(unit).copied().unwrap_or(Clock {
            time: 0,
            tab: self.tab,
        })
    }

    fn tick(&mut self, now_ms: u64) -> Clock {
        self.latest = now_ms.max(self.latest + 1);
        Clock {
            time: self.latest,
            tab: self.tab,
        }
    }

    /// Stamps a change this tab made, from `before` to `after`, at its wall clock `now_ms`.
    pub fn record(
        &mut self,
        before: Option<&Assessment>,
        after: Option<&Assessment>,
        change: Change,
        now_ms: u64,
    ) {
        let stamp = self.tick(now_ms);
        match change {
            Change::Whole => {
                // Everything this tab knew is replaced: only the new assessment's units are alive.
                self.base = stamp;
                self.clocks = units_of(after).into_iter().map(|u| (u, stamp)).collect();
            }
            Change::Edit => {
                let mut units = units_of(before);
                units.extend(units_of(after));
                for unit in units {
                    if !same(&unit, before, after) {
                        self.clocks.insert(unit, stamp);
                    }
                }
            }
        }
    }

    /// The message that tells other tabs about `current` (encoded by the caller).
    pub fn message(&self, encoded: Option<String>) -> Message {
        self.message_about("", encoded)
    }

    /// The message that tells other tabs about `current` of library entry `entry`.
    pub fn message_about(&self, entry: &str, encoded: Option<String>) -> Message {
        Message {
            entry: entry.to_owned(),
            tab: self.tab,
            base: self.base,
            clocks: self.clocks.iter().map(|(u, c)| (u.key(), *c)).collect(),
            assessment: encoded,
        }
    }

    /// Merges what another tab sent (`theirs`, already decoded from `message`) into `ours`: every unit
    /// whose stamp there is later than here is taken from there. Returns the merged state.
    pub fn receive(
        &mut self,
        ours: Option<&Assessment>,
        message: &Message,
        theirs: Option<&Assessment>,
    ) -> Option<Assessment> {
        let their_clocks: BTreeMap<Unit, Clock> = message
            .clocks
            .iter()
            .filter_map(|(k, c)| Some((Unit::from_key(k)?, *c)))
            .collect();
        let their_clock = |unit: &Unit| {
            their_clocks.get(unit).copied().unwrap_or(Clock {
                time: 0,
                tab: message.tab,
            })
        };
        if let Some(max) = their_clocks
            .values()
            .chain([&message.base])
            .map(|c| c.time)
            .max()
        {
            self.latest = self.latest.max(max);
        }

        // A unit stamped before the latest whole change is gone: that change's content decides it.
        let base = self.base.max(message.base);
        let theirs_is_base = message.base == base && self.base < base;
        let mut units = units_of(ours);
        units.extend(units_of(theirs));
        units.extend(their_clocks.keys().cloned());
        let take: Vec<Unit> = units
            .into_iter()
            .filter(|u| {
                let (o, t) = (self.clock(u), their_clock(u));
                match (o >= base, t >= base) {
                    (true, true) => t > o,
                    (false, true) => true,
                    (true, false) => false,
                    (false, false) => theirs_is_base,
                }
            })
            .collect();

        let exists = if take.contains(&Unit::Exists) {
            theirs.is_some()
        } else {
            ours.is_some()
        };
        let blank = Assessment::new(Mode::Full, "");
        let mut merged = ours.cloned().unwrap_or_else(|| blank.clone());
        for unit in &take {
            copy(unit, theirs.unwrap_or(&blank), &mut merged);
            self.clocks.insert(unit.clone(), their_clock(unit));
        }
        self.base = base;
        self.clocks.retain(|_, c| *c >= base);
        if !exists {
            // With no assessment there are no values to go with item stamps: keeping them would claim
            // values this tab does not hold, and its merges would never agree with the others'.
            self.clocks.retain(|u, _| Unit::FIXED.contains(u));
        }
        exists.then_some(merged)
    }
}
