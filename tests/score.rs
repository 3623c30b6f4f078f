//! The scoring rule, checked against hand-computed numbers, and its invariants as properties.

use std::collections::BTreeSet;

use aims_readiness::assessment::{Answer, Assessment, Mode, Response};
use aims_readiness::score::{in_scope, score, Band, Figures, Scorecard, RULE_MARKDOWN};
use proptest::prelude::*;

#[path = "common/builders.rs"]
mod builders;
use builders::{cat, full, level, set, NOW};

fn na(a: &mut Assessment, id: &str) {
    a.set_not_applicable(cat(), id, "Out of scope: we build no AI systems")
        .expect("known control");
}

fn section<'s>(card: &'s Scorecard, id: &str) -> &'s Figures {
    &card.section(id).expect("section in scope").figures
}

#[test]
fn an_empty_assessment_scores_zero_everywhere_and_is_early_stage() {
    let card = score(cat(), &full());
    assert!(!card.indicative);
    assert_eq!(card.target, 3);
    assert_eq!(card.sections.len(), 16);
    for s in &card.sections {
        assert_eq!(s.figures.readiness, Some(0.0), "{}", s.id);
        assert_eq!(s.figures.readiness_pct, Some(0));
        assert_eq!(s.figures.completion_pct, 0);
        assert_eq!(s.figures.maturity_avg, None);
        assert_eq!(s.figures.maturity_text(), "—");
    }
    assert_eq!(card.clauses.in_scope, 32);
    assert_eq!(card.annex_a.in_scope, 38);
    assert_eq!(card.overall.in_scope, 70);
    assert_eq!(card.overall.applicable, 70);
    assert_eq!(card.overall.readiness_pct, Some(0));
    assert_eq!(card.band, Some(Band::EarlyStage));
    assert_eq!(card.band_text(), "Early stage");
}

#[test]
fn item_credit_is_min_level_target_over_target_and_unanswered_is_zero() {
    // Clause 4 has four sub-clauses. Target 3: credits 1 (5 capped), 1, 1/3, 0 → 7/12 = 58.33 %.
    let mut a = full();
    set(&mut a, "4.1", 5);
    set(&mut a, "4.2", 3);
    set(&mut a, "4.3", 1);
    let card = score(cat(), &a);
    let f = section(&card, "4");
    assert_eq!((f.points, f.max_points), (7, 12));
    assert!((f.readiness.unwrap() - 700.0 / 12.0).abs() < 1e-9);
    assert_eq!(f.readiness_pct, Some(58));
    assert_eq!(f.readiness_text(), "58%");
    assert_eq!(f.answered, 3);
    assert_eq!(f.in_scope, 4);
    assert_eq!(f.completion_pct, 75);
    assert_eq!(f.progress_text(), "3 / 4");
    // The maturity average is not capped: (5 + 3 + 1) / 3.
    assert_eq!(f.maturity_avg, Some(3.0));
    assert_eq!(f.maturity_text(), "3.0");
    assert_eq!(f.below_target, 2);

    // Target 4: credits 1, 3/4, 1/4, 0 → 50 %.
    a.set_target(4).unwrap();
    let card = score(cat(), &a);
    let f = section(&card, "4");
    assert_eq!((f.points, f.max_points), (8, 16));
    assert_eq!(f.readiness, Some(50.0));
    assert_eq!(card.target, 4);
}

#[test]
fn not_applicable_controls_leave_every_denominator_but_count_as_answered() {
    // A.2: A.2.2 at 3, A.2.3 N/A, A.2.4 unanswered → (1 + 0) / 2 = 50 %; completion 2/3 = 67 %.
    let mut a = full();
    set(&mut a, "A.2.2", 3);
    na(&mut a, "A.2.3");
    let card = score(cat(), &a);
    let f = section(&card, "A.2");
    assert_eq!(f.applicable, 2);
    assert_eq!(f.not_applicable, 1);
    assert_eq!(f.readiness, Some(50.0));
    assert_eq!(f.completion_pct, 67);
    assert_eq!(f.maturity_avg, Some(3.0));
    assert_eq!(card.annex_a.applicable, 37);
    assert_eq!(card.overall.applicable, 69);
    assert_eq!(card.overall.answered, 2);
    assert_eq!((card.overall.points, card.overall.max_points), (3, 69 * 3));
}

#[test]
fn a_section_with_every_control_not_applicable_has_no_score() {
    let mut a = full();
    na(&mut a, "A.3.2");
    na(&mut a, "A.3.3");
    let card = score(cat(), &a);
    let f = section(&card, "A.3");
    assert_eq!(f.readiness, None);
    assert_eq!(f.readiness_pct, None);
    assert_eq!(f.readiness_text(), "—");
    assert_eq!(f.completion_pct, 100);
    assert_eq!(f.maturity_avg, None);
    assert!(f.is_complete());
}

#[test]
fn aggregates_weigh_every_item_equally_and_round_halves_up() {
    // All four sub-clauses of clause 4 at target: clause 4 is 100 %, the clauses 4/32 = 12.5 % → 13.
    let mut a = full();
    for id in ["4.1", "4.2", "4.3", "4.4"] {
        set(&mut a, id, 3);
    }
    let card = score(cat(), &a);
    assert_eq!(section(&card, "4").readiness_pct, Some(100));
    assert_eq!(card.clauses.readiness, Some(12.5));
    assert_eq!(card.clauses.readiness_pct, Some(13));
    assert_eq!(card.annex_a.readiness_pct, Some(0));
    // 12 points of 210: 5.71 % → 6.
    assert_eq!((card.overall.points, card.overall.max_points), (12, 210));
    assert_eq!(card.overall.readiness_pct, Some(6));
}

#[test]
fn thirds_round_to_the_nearest_whole_percent() {
    let mut a = full();
    set(&mut a, "A.2.2", 3);
    let card = score(cat(), &a);
    assert_eq!(section(&card, "A.2").readiness_pct, Some(33)); // 33.33
    set(&mut a, "A.2.3", 3);
    let card = score(cat(), &a);
    assert_eq!(section(&card, "A.2").readiness_pct, Some(67)); // 66.67
}

#[test]
fn the_maturity_average_shows_one_decimal_rounded_half_up() {
    let mut a = full();
    for (id, n) in [("4.1", 2), ("4.2", 2), ("4.3", 2), ("4.4", 3)] {
        set(&mut a, id, n);
    }
    let card = score(cat(), &a);
    assert_eq!(section(&card, "4").maturity_avg, Some(2.25));
    assert_eq!(section(&card, "4").maturity_text(), "2.3");
    set(&mut a, "A.2.2", 0);
    set(&mut a, "A.2.3", 0);
    set(&mut a, "A.2.4", 1);
    let card = score(cat(), &a);
    assert_eq!(section(&card, "A.2").maturity_text(), "0.3");
}

/// Target 5 and every one of the 70 items applicable, so the overall score is points / 350: each point is
/// worth 2/7 of a percent. The first `points / 5` items (clauses first) get level 5, the next the rest.
fn with_points(points: u32) -> Assessment {
    let mut a = full();
    a.set_target(5).unwrap();
    let ids: Vec<String> = cat().items().map(|i| i.id.clone()).collect();
    let mut left = points;
    for id in &ids {
        let n = left.min(5);
        set(&mut a, id, n as u8);
        left -= n;
    }
    a
}

#[test]
fn bands_follow_the_exact_overall_score() {
    let band = |points| score(cat(), &with_points(points)).band;
    assert_eq!(band(0), Some(Band::EarlyStage));
    assert_eq!(band(139), Some(Band::EarlyStage)); // 39.71
    assert_eq!(band(140), Some(Band::Developing)); // 40 exactly
    assert_eq!(band(244), Some(Band::Developing)); // 69.71
    assert_eq!(band(245), Some(Band::NearlyReady)); // 70 exactly
    assert_eq!(band(315), Some(Band::AuditReady)); // 90 exactly, every clause at 5
    assert_eq!(band(350), Some(Band::AuditReady));
}

#[test]
fn the_band_uses_the_exact_value_not_the_rounded_one() {
    // 314 / 350 = 89.71 %: shown as 90 but still below 90.
    let card = score(cat(), &with_points(314));
    assert_eq!(card.overall.readiness_pct, Some(90));
    assert_eq!(card.band, Some(Band::NearlyReady));
    assert!(!card.audit_ready_held_back());
}

#[test]
fn audit_ready_needs_every_clause_at_target() {
    // Everything at 5 except one clause left unanswered: 345 / 350 = 98.6 %, yet not audit-ready.
    let mut a = with_points(350);
    a.clear_answer("10.2");
    let card = score(cat(), &a);
    assert_eq!(card.overall.readiness_pct, Some(99));
    assert_eq!(card.clauses.below_target, 1);
    assert_eq!(card.band, Some(Band::NearlyReady));
    assert!(card.audit_ready_held_back());
    // A clause answered but below target holds it back too.
    set(&mut a, "10.2", 4);
    assert_eq!(score(cat(), &a).band, Some(Band::NearlyReady));
    // A control below target does not.
    set(&mut a, "10.2", 5);
    set(&mut a, "A.2.2", 0);
    let card = score(cat(), &a);
    assert_eq!(card.band, Some(Band::AuditReady));
    assert!(!card.audit_ready_held_back());
}

#[test]
fn a_quick_scan_scores_only_the_quick_items_and_is_indicative() {
    let mut a = Assessment::new(Mode::Quick, NOW);
    let quick: Vec<&str> = cat()
        .items()
        .filter(|i| i.quick)
        .map(|i| i.id.as_str())
        .collect();
    let card = score(cat(), &a);
    assert!(card.indicative);
    assert_eq!(card.overall.in_scope, quick.len());
    // Every section has at least one quick item, so the sidebar lists all of them.
    assert_eq!(card.sections.len(), 16);

    // A non-quick item does not count in a quick scan.
    let slow = cat().items().find(|i| !i.quick).expect("a non-quick item");
    set(&mut a, &slow.id, 5);
    assert_eq!(score(cat(), &a), card);

    for id in &quick {
        set(&mut a, id, 3);
    }
    let card = score(cat(), &a);
    assert_eq!(card.overall.readiness_pct, Some(100));
    assert_eq!(card.overall.completion_pct, 100);
    assert_eq!(card.band, Some(Band::AuditReady));
}

#[test]
fn a_target_outside_two_to_five_is_clamped_and_reported() {
    let mut a = full();
    a.target = 9;
    assert_eq!(score(cat(), &a).target, 5);
    a.target = 0;
    assert_eq!(score(cat(), &a).target, 2);
}

#[test]
fn a_not_applicable_clause_from_a_file_counts_as_unanswered() {
    let mut a = full();
    a.responses.insert(
        "4.1".to_owned(),
        Response {
            answer: Some(Answer::NotApplicable {
                justification: "we think not".to_owned(),
            }),
            ..Response::default()
        },
    );
    let card = score(cat(), &a);
    let f = section(&card, "4");
    assert_eq!(f.applicable, 4);
    assert_eq!(f.answered, 0);
    assert_eq!(card.clauses.below_target, 32);
}

#[test]
fn responses_for_unknown_ids_are_ignored() {
    let mut a = full();
    a.responses.insert(
        "Z.99".to_owned(),
        Response {
            answer: Some(Answer::Level(level(5))),
            ..Response::default()
        },
    );
    assert_eq!(score(cat(), &a), score(cat(), &full()));
}

#[test]
fn the_rule_text_names_every_rule_the_code_applies() {
    for phrase in [
        "min(level, target) / target",
        "unanswered item earns 0",
        "left out of every score",
        "mean credit",
        "not averages of the section",
        "items answered / items in scope",
        "not-applicable answer counts as answered",
        "Maturity average",
        "halves rounded up",
        "exact value before rounding",
        "below 40: Early stage",
        "40 to below 70: Developing",
        "70 to below 90: Nearly ready",
        "90 or more: Audit-ready",
        "unanswered one counts as below",
        "indicative",
        "\"—\"",
    ] {
        assert!(RULE_MARKDOWN.contains(phrase), "rule lacks {phrase:?}");
    }
    for band in Band::ALL {
        assert!(RULE_MARKDOWN.contains(band.label()), "{band:?}");
    }
}

#[test]
fn the_quick_set_is_part_of_the_full_set() {
    let quick: BTreeSet<&str> = in_scope(cat(), Mode::Quick)
        .map(|i| i.id.as_str())
        .collect();
    let full: BTreeSet<&str> = in_scope(cat(), Mode::Full).map(|i| i.id.as_str()).collect();
    assert!(!quick.is_empty());
    assert!(quick.is_subset(&full));
    assert!(quick.len() < full.len());
    assert_eq!(full.len(), 70);
}

// ---------------------------------------------------------------------------------------------------------
// Properties

/// One generated answer per catalogue item: 0 … 5 a level, 6 unanswered, 7 not applicable (a clause
/// cannot be, so it stays unanswered).
fn build(codes: &[u8], target: u8, mode: Mode, order: &[usize]) -> Assessment {
    let items: Vec<_> = cat().items().collect();
    let mut a = Assessment::new(mode, NOW);
    a.set_target(target).unwrap();
    for &i in order {
        let item = items[i];
        match codes[i] {
            n @ 0..=5 => set(&mut a, &item.id, n),
            7 if item.allows_not_applicable() => na(&mut a, &item.id),
            _ => {}
        }
    }
    a
}

fn answers() -> impl Strategy<Value = (Vec<u8>, u8, Mode)> {
    let n = cat().items().count();
    (
        prop::collection::vec(0u8..8, n),
        2u8..=5,
        prop_oneof![Just(Mode::Full), Just(Mode::Quick)],
    )
}

fn all_figures(card: &Scorecard) -> Vec<(String, &Figures)> {
    let mut out: Vec<(String, &Figures)> = card
        .sections
        .iter()
        .map(|s| (s.id.clone(), &s.figures))
        .collect();
    out.push(("clauses".into(), &card.clauses));
    out.push(("annex_a".into(), &card.annex_a));
    out.push(("overall".into(), &card.overall));
    out
}

fn natural(n: usize) -> Vec<usize> {
    (0..n).collect()
}

proptest! {
    #[test]
    fn every_number_stays_in_range((codes, target, mode) in answers()) {
        let card = score(cat(), &build(&codes, target, mode, &natural(codes.len())));
        for (id, f) in all_figures(&card) {
            if let Some(r) = f.readiness {
                prop_assert!((0.0..=100.0).contains(&r), "{id}: {r}");
                let pct = f.readiness_pct.unwrap();
                prop_assert!(pct <= 100);
                prop_assert!((f64::from(pct) - r).abs() <= 0.5, "{id}: {r} shown as {pct}");
            } else {
                prop_assert_eq!(f.applicable, 0);
            }
            prop_assert!(f.completion_pct <= 100);
            prop_assert!(f.answered <= f.in_scope);
            if let Some(m) = f.maturity_avg {
                prop_assert!((0.0..=5.0).contains(&m));
            }
        }
        prop_assert_eq!(card.overall.points, card.clauses.points + card.annex_a.points);
        prop_assert_eq!(
            card.sections.iter().map(|s| s.figures.in_scope).sum::<usize>(),
            card.overall.in_scope
        );
    }

    #[test]
    fn raising_one_level_never_lowers_a_score(
        (codes, target, mode) in answers(),
        pick in any::<prop::sample::Index>(),
        raise in 0u8..=5,
    ) {
        let k = pick.index(codes.len());
        // Only from a level or unanswered (N/A changes the denominator: the next property covers it).
        prop_assume!(codes[k] != 7);
        let before_level = if codes[k] <= 5 { codes[k] } else { 0 };
        let mut raised = codes.clone();
        raised[k] = before_level.saturating_add(raise).min(5);
        let order = natural(codes.len());
        let before = score(cat(), &build(&codes, target, mode, &order));
        let after = score(cat(), &build(&raised, target, mode, &order));
        for ((id, b), (_, a)) in all_figures(&before).into_iter().zip(all_figures(&after)) {
            prop_assert!(a.readiness >= b.readiness, "{id}: {:?} -> {:?}", b.readiness, a.readiness);
        }
        prop_assert!(after.band >= before.band);
    }

    #[test]
    fn not_applicable_never_scores_below_level_zero(
        (codes, target, mode) in answers(),
        pick in any::<prop::sample::Index>(),
    ) {
        let controls: Vec<usize> = cat()
            .items()
            .enumerate()
            .filter(|(_, i)| i.allows_not_applicable())
            .map(|(n, _)| n)
            .collect();
        let k = controls[pick.index(controls.len())];
        let (mut zero, mut not_applicable) = (codes.clone(), codes);
        zero[k] = 0;
        not_applicable[k] = 7;
        let order = natural(zero.len());
        let zero = score(cat(), &build(&zero, target, mode, &order));
        let not_applicable = score(cat(), &build(&not_applicable, target, mode, &order));
        for ((id, z), (_, n)) in all_figures(&zero).into_iter().zip(all_figures(&not_applicable)) {
            if let Some(n) = n.readiness {
                prop_assert!(n >= z.readiness.unwrap_or(0.0), "{id}: {:?} vs {n}", z.readiness);
            }
        }
        prop_assert!(not_applicable.overall.readiness >= zero.overall.readiness);
        prop_assert!(not_applicable.band >= zero.band);
    }

    #[test]
    fn a_quick_scan_never_counts_more_than_the_full_assessment((codes, target, _) in answers()) {
        let order = natural(codes.len());
        let quick = score(cat(), &build(&codes, target, Mode::Quick, &order));
        let full = score(cat(), &build(&codes, target, Mode::Full, &order));
        prop_assert!(quick.overall.in_scope <= full.overall.in_scope);
        prop_assert!(quick.overall.answered <= full.overall.answered);
        prop_assert!(quick.overall.points <= full.overall.points);
        for s in &quick.sections {
            let f = &full.section(&s.id).unwrap().figures;
            prop_assert!(s.figures.in_scope <= f.in_scope);
        }
    }

    #[test]
    fn the_order_answers_were_given_in_does_not_matter(
        (codes, target, mode) in answers(),
        order in Just(natural(cat().items().count())).prop_shuffle(),
    ) {
        let in_order = score(cat(), &build(&codes, target, mode, &natural(codes.len())));
        let shuffled = score(cat(), &build(&codes, target, mode, &order));
        prop_assert_eq!(in_order, shuffled);
    }
}
