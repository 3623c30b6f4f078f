//! Several tabs editing one assessment: whatever order their messages arrive in, they end up equal, and
//! no change is lost but to a later change of the same unit or a later import, restore or delete.

mod common;

use std::collections::VecDeque;

use aims_readiness::assessment::{Assessment, Level, Mode};
use aims_readiness::catalogue::catalogue;
use aims_readiness::codec::{decode, encode};
use aims_readiness::sync::{Change, Message, Replica};
use proptest::prelude::*;

/// One tab: its assessment and its stamps.
struct Tab {
    state: Option<Assessment>,
    replica: Replica,
}

impl Tab {
    fn new(id: u64, state: Option<Assessment>) -> Tab {
        Tab {
            state,
            replica: Replica::new(id),
        }
    }

    fn change(&mut self, next: Option<Assessment>, change: Change, now: u64) -> Message {
        self.replica
            .record(self.state.as_ref(), next.as_ref(), change, now);
        self.state = next;
        self.message()
    }

    fn message(&self) -> Message {
        let encoded = self.state.as_ref().map(|a| encode(a, catalogue()).unwrap());
        self.replica.message(encoded)
    }

    fn set_level(&mut self, item: usize, level: u8, now: u64) -> Message {
        let cat = catalogue();
        let mut next = self
            .state
            .clone()
            .unwrap_or_else(|| Assessment::new(Mode::Full, "2025-03-01T09:30:00Z"));
        let id = cat.items().nth(item).unwrap().id.clone();
        next.set_level(cat, &id, Level::new(level).unwrap())
            .unwrap();
        // As in the app: starting an assessment with an answer is an edit.
        self.change(Some(next), Change::Edit, now)
    }

    /// Takes a message; returns the one to send back if the merge differs from what was received.
    fn receive(&mut self, message: &Message) -> Option<Message> {
        let theirs = message
            .assessment
            .as_ref()
            .map(|json| decode(json.as_bytes(), catalogue()).unwrap().assessment);
        let merged = self
            .replica
            .receive(self.state.as_ref(), message, theirs.as_ref());
        let differs = merged != theirs;
        self.state = merged;
        differs.then(|| self.message())
    }
}

fn level_of(tab: &Tab, item: usize) -> Option<u8> {
    let id = &catalogue().items().nth(item).unwrap().id;
    match tab.state.as_ref()?.answer(id)? {
        aims_readiness::assessment::Answer::Level(l) => Some(l.get()),
        _ => None,
    }
}

#[test]
fn simultaneous_clicks_on_different_items_both_survive() {
    let start = common::full_assessment();
    let mut a = Tab::new(1, Some(start.clone()));
    let mut b = Tab::new(2, Some(start));
    // Both click within the same millisecond, before either hears of the other.
    let from_a = a.set_level(0, 5, 1_000);
    let from_b = b.set_level(1, 0, 1_000);
    let back_from_b = b.receive(&from_a);
    let back_from_a = a.receive(&from_b);
    for m in back_from_b.iter() {
        a.receive(m);
    }
    for m in back_from_a.iter() {
        b.receive(m);
    }
    assert_eq!(a.state, b.state);
    assert_eq!(level_of(&a, 0), Some(5));
    assert_eq!(level_of(&a, 1), Some(0));
}

#[test]
fn an_import_of_an_older_file_in_one_tab_is_not_undone_by_a_click_in_another() {
    let cat = catalogue();
    let current = common::full_assessment();
    let mut older = Assessment::new(Mode::Quick, "2001-01-01T00:00:00Z");
    older.set_level(cat, "4.1", Level::new(1).unwrap()).unwrap();
    // A file dated far in the future changes nothing either: dates in files decide nothing.
    let mut future = older.clone();
    future.updated = "9999-12-31T23:59:59Z".into();

    for imported in [older, future] {
        let mut a = Tab::new(1, Some(current.clone()));
        let mut b = Tab::new(2, Some(current.clone()));
        let import = a.change(Some(imported.clone()), Change::Whole, 5_000);
        assert!(b.receive(&import).is_none());
        let click = b.set_level(2, 4, 5_100);
        assert!(a.receive(&click).is_none());
        assert_eq!(a.state, b.state);
        let merged = a.state.clone().unwrap();
        assert_eq!(merged.mode, Mode::Quick, "the import stays");
        assert_eq!(level_of(&a, 0), Some(1));
        assert_eq!(level_of(&a, 2), Some(4), "the click after it stays too");
    }
}

#[test]
fn delete_everything_with_a_click_in_another_tab_at_the_same_moment_stays_deleted() {
    let start = common::full_assessment();
    for (delete_at, click_at) in [(2_000, 2_000), (2_000, 2_001), (2_001, 2_000)] {
        let mut a = Tab::new(7, Some(start.clone()));
        let mut b = Tab::new(3, Some(start.clone()));
        let delete = a.change(None, Change::Whole, delete_at);
        let click = b.set_level(5, 1, click_at);
        let mut queue: VecDeque<(bool, Message)> = VecDeque::from([(false, delete), (true, click)]);
        while let Some((to_a, m)) = queue.pop_front() {
            let tab = if to_a { &mut a } else { &mut b };
            if let Some(reply) = tab.receive(&m) {
                queue.push_back((!to_a, reply));
            }
        }
        assert_eq!(a.state, b.state);
        if click_at <= delete_at {
            assert_eq!(a.state, None, "delete at {delete_at}, click at {click_at}");
        }
        // A click after the delete could only be on the deleted data: it brings none of it back.
        if let Some(s) = &a.state {
            assert_eq!(s.responses.len(), 1, "nothing deleted comes back");
        }
    }
}

#[test]
fn a_new_tab_first_change_wins_over_older_stamps_before_it_has_heard_anything() {
    let start = common::full_assessment();
    let mut a = Tab::new(1, Some(start.clone()));
    let old = a.set_level(3, 2, 10_000);
    let mut b = Tab::new(2, Some(start));
    let _ = old; // B loaded from storage and never got A's message.
    let fresh = b.set_level(3, 5, 20_000);
    a.receive(&fresh);
    assert_eq!(level_of(&a, 3), Some(5));
}

/// An action in a tab: set a level, delete everything, or import (replace with a fixed assessment).
#[derive(Debug, Clone)]
enum Action {
    Level { tab: usize, item: usize, level: u8 },
    Delete { tab: usize },
    Import { tab: usize },
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        8 => (0usize..3, 0usize..6, 0u8..=5).prop_map(|(tab, item, level)| Action::Level { tab, item, level }),
        1 => (0usize..3).prop_map(|tab| Action::Delete { tab }),
        1 => (0usize..3).prop_map(|tab| Action::Import { tab }),
    ]
}

/// A small assessment to start from, so that the many messages of a property case stay cheap to
/// encode and decode.
fn small() -> Assessment {
    let cat = catalogue();
    let mut a = Assessment::new(Mode::Full, "2025-03-01T09:30:00Z");
    a.profile.name = "Small Org".into();
    a.set_level(cat, "4.1", Level::new(2).unwrap()).unwrap();
    a.set_level(cat, "A.2.2", Level::new(4).unwrap()).unwrap();
    a
}

fn imported() -> Assessment {
    let mut a = Assessment::new(Mode::Quick, "2010-01-01T00:00:00Z");
    a.set_level(catalogue(), "5.2", Level::new(3).unwrap())
        .unwrap();
    a
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Three tabs, random actions at random times, messages delivered in a random order with random
    /// delays: once every message is delivered, the tabs hold the same assessment.
    #[test]
    fn tabs_converge_whatever_the_order_of_delivery(
        actions in prop::collection::vec((action(), 0u64..3, any::<prop::sample::Index>()), 1..30),
        drain in prop::collection::vec(any::<prop::sample::Index>(), 0..200),
    ) {
        let start = small();
        let mut tabs: Vec<Tab> = (0..3).map(|i| Tab::new(100 + i as u64, Some(start.clone()))).collect();
        let mut in_flight: Vec<(usize, Message)> = Vec::new();
        let mut now = 1_000;
        let send = |in_flight: &mut Vec<(usize, Message)>, from: usize, m: Message| {
            for to in 0..3 {
                if to != from {
                    in_flight.push((to, m.clone()));
                }
            }
        };
        let deliver = |tabs: &mut Vec<Tab>, in_flight: &mut Vec<(usize, Message)>, pick: usize| {
            let (to, m) = in_flight.remove(pick);
            if let Some(reply) = tabs[to].receive(&m) {
                for other in 0..3 {
                    if other != to {
                        in_flight.push((other, reply.clone()));
                    }
                }
            }
        };
        for (action, step, pick) in actions {
            now += step; // 0: the same millisecond
            let (from, m) = match action {
                Action::Level { tab, item, level } => (tab, tabs[tab].set_level(item, level, now)),
                Action::Delete { tab } => (tab, tabs[tab].change(None, Change::Whole, now)),
                Action::Import { tab } => (tab, tabs[tab].change(Some(imported()), Change::Whole, now)),
            };
            send(&mut in_flight, from, m);
            if !in_flight.is_empty() {
                let i = pick.index(in_flight.len());
                deliver(&mut tabs, &mut in_flight, i);
            }
        }
        let mut picks = drain.into_iter();
        let mut rounds = 0;
        while !in_flight.is_empty() {
            rounds += 1;
            prop_assert!(rounds < 10_000, "messages never stop");
            let i = picks.next().map_or(0, |p| p.index(in_flight.len()));
            deliver(&mut tabs, &mut in_flight, i);
        }
        prop_assert_eq!(&tabs[0].state, &tabs[1].state);
        prop_assert_eq!(&tabs[1].state, &tabs[2].state);
    }

    /// Changes made one after another, each heard by every tab before the next: the result is what one
    /// tab doing them all in that order would have.
    #[test]
    fn sequential_changes_in_any_tabs_are_all_kept(
        actions in prop::collection::vec((action(), 0u64..3), 1..30),
    ) {
        let start = small();
        let mut tabs: Vec<Tab> = (0..3).map(|i| Tab::new(200 + i as u64, Some(start.clone()))).collect();
        let mut model = Tab::new(999, Some(start));
        let mut now = 1_000;
        for (action, step) in actions {
            now += step;
            let (from, m) = match action {
                Action::Level { tab, item, level } => {
                    model.set_level(item, level, now);
                    (tab, tabs[tab].set_level(item, level, now))
                }
                Action::Delete { tab } => {
                    model.change(None, Change::Whole, now);
                    (tab, tabs[tab].change(None, Change::Whole, now))
                }
                Action::Import { tab } => {
                    model.change(Some(imported()), Change::Whole, now);
                    (tab, tabs[tab].change(Some(imported()), Change::Whole, now))
                }
            };
            for (to, tab) in tabs.iter_mut().enumerate() {
                if to != from {
                    prop_assert!(tab.receive(&m).is_none(), "nothing to send back");
                }
            }
            for tab in &tabs {
                let strip = |s: &Option<Assessment>| s.clone().map(|mut a| { a.updated.clear(); a });
                prop_assert_eq!(strip(&tab.state), strip(&model.state));
            }
        }
    }
}
