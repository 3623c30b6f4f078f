//! Checkpoints as a user ticks them: only an item's own checkpoints can be ticked, ticking never changes a
//! score, they survive the file format, and the report lists them as ticked or not.

use aims_readiness::assessment::{AnswerError, Assessment};
use aims_readiness::checkpoints::{for_item, summary, trail_markdown};
use aims_readiness::codec;
use aims_readiness::markdown::to_html;
use aims_readiness::report::{report_html, report_markdown};
use aims_readiness::score::score;

#[path = "common/builders.rs"]
mod builders;
use builders::{cat, full, set};

fn tick(a: &mut Assessment, item: &str, checkpoint: &str) {
    a.set_checkpoint(cat(), item, checkpoint, true)
        .expect("a real checkpoint");
}

#[test]
fn only_a_checkpoint_of_the_item_itself_can_be_ticked() {
    let mut a = full();
    // "purpose" is a checkpoint of 5.2, not of 9.3.2.
    assert_eq!(
        a.set_checkpoint(cat(), "9.3.2", "purpose", true),
        Err(AnswerError::UnknownCheckpoint {
            item: "9.3.2".into(),
            checkpoint: "purpose".into()
        })
    );
    assert!(matches!(
        a.set_checkpoint(cat(), "6.3", "anything", true),
        Err(AnswerError::UnknownCheckpoint { .. })
    ));
    assert!(matches!(
        a.set_checkpoint(cat(), "99.9", "purpose", true),
        Err(AnswerError::UnknownItem(_))
    ));
    assert!(a.responses.is_empty(), "a refused tick records nothing");
    tick(&mut a, "5.2", "purpose");
    assert!(a.response("5.2").unwrap().checkpoints.contains("purpose"));
}

#[test]
fn ticking_never_changes_a_score_and_unticking_the_last_leaves_nothing_stored() {
    let mut a = full();
    set(&mut a, "9.3.2", 2);
    let before = score(cat(), &a);
    for c in &cat().item("9.3.2").unwrap().checkpoints {
        tick(&mut a, "9.3.2", &c.id);
    }
    assert_eq!(score(cat(), &a), before, "the level stays the score");

    let mut b = full();
    tick(&mut b, "7.4", "what");
    tick(&mut b, "7.4", "what");
    assert_eq!(b.response("7.4").unwrap().checkpoints.len(), 1);
    b.set_checkpoint(cat(), "7.4", "what", false).unwrap();
    assert!(b.response("7.4").is_none(), "an empty response is not kept");
}

#[test]
fn ticked_checkpoints_survive_the_file_format() {
    let mut a = full();
    tick(&mut a, "9.2.2", "reporting");
    tick(&mut a, "9.2.2", "programme");
    let text = codec::encode(&a, cat()).expect("encodes");
    let back = codec::decode(text.as_bytes(), cat())
        .expect("decodes")
        .assessment;
    assert_eq!(back.response("9.2.2"), a.response("9.2.2"));
}

#[test]
fn an_items_checkpoints_split_into_ticked_and_open_in_the_items_order() {
    let mut a = full();
    tick(&mut a, "9.3.2", "inputs-audit-results");
    tick(&mut a, "9.3.2", "inputs-issues");
    // An ID from another content version stays in the file but is not shown anywhere.
    a.edit_response(cat(), "9.3.2", |r| {
        r.checkpoints.insert("retired-point".into());
    })
    .unwrap();
    let item = cat().item("9.3.2").unwrap();
    let c = for_item(item, &a).expect("9.3.2 has checkpoints");
    let ticked: Vec<&str> = c.ticked.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ticked, ["inputs-issues", "inputs-audit-results"]);
    assert_eq!(c.open.len(), 5);
    assert_eq!(c.summary(), "2 of 7 checkpoints ticked");
    assert_eq!(summary(1, 1), "1 of 1 checkpoint ticked");
    assert!(for_item(cat().item("10.1").unwrap(), &a).is_none());
}

#[test]
fn the_evidence_trail_lists_each_checkpoint_of_an_item_with_a_tick_as_ticked_or_not() {
    let mut a = full();
    assert_eq!(trail_markdown(cat().item("5.2").unwrap(), &a), "");
    tick(&mut a, "5.2", "purpose");
    tick(&mut a, "5.2", "communicated");
    tick(&mut a, "4.1", "roles");
    let md = report_markdown(cat(), &a);
    let trail = &md[md.find("\n## Evidence trail\n").expect("an evidence trail")..];
    assert!(trail.contains(
        "**5\\.2 AI policy**\n\n- Checkpoints: 2 of 8 checkpoints ticked\n  - Ticked: The policy fits the organisation's purpose\n"
    ), "{trail}");
    assert!(
        trail.contains("  - Not ticked: The policy gives a framework for setting AI objectives\n")
    );
    assert!(trail.contains("- Checkpoints: 1 of 4 checkpoints ticked"));
    assert!(
        trail.find("**4\\.1").unwrap() < trail.find("**5\\.2").unwrap(),
        "standard order"
    );
    assert!(
        !trail.contains("9\\.3.2"),
        "items without a tick are left out"
    );
    let html = report_html(cat(), &a);
    assert!(html.contains("<li>Ticked: The policy is communicated within the organisation</li>"));
    assert!(to_html(trail).contains(
        "<li>Not ticked: The policy refers to other organisational policies where relevant</li>"
    ));
}

#[test]
fn a_ticked_id_this_questionnaire_lacks_is_still_listed_in_the_trail() {
    let mut a = full();
    a.edit_response(cat(), "9.3.2", |r| {
        r.checkpoints.insert("retired-point".into());
    })
    .unwrap();
    let lines = trail_markdown(cat().item("9.3.2").unwrap(), &a);
    assert_eq!(
        lines,
        "- Checkpoints ticked that this version of the questionnaire does not have: retired-point\n"
    );
    assert!(report_markdown(cat(), &a).contains(&lines));
}
