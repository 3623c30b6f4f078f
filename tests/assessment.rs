//! The model's own rules: what may be recorded, and how.

use aims_readiness::assessment::{
    AnswerError, Assessment, Level, Mode, PolicyInputs, Profile, Role,
};
use aims_readiness::catalogue::catalogue;

#[test]
fn roles_are_kept_once_and_in_order() {
    let mut p = Profile::default();
    p.set_role(Role::AiCustomer, true);
    p.set_role(Role::AiProvider, true);
    p.set_role(Role::AiCustomer, true);
    assert_eq!(p.roles, [Role::AiProvider, Role::AiCustomer]);
    p.set_role(Role::AiProvider, false);
    assert_eq!(p.roles, [Role::AiCustomer]);
}

#[test]
fn related_policies_are_kept_once_in_the_order_added() {
    let mut inputs = PolicyInputs::default();
    inputs.set_related("Privacy policy", true);
    inputs.set_related("Information security policy", true);
    inputs.set_related("Privacy policy", true);
    assert_eq!(
        inputs.related_policies,
        ["Information security policy", "Privacy policy"]
    );
    inputs.set_related("Information security policy", false);
    assert_eq!(inputs.related_policies, ["Privacy policy"]);
}

#[test]
fn not_applicable_needs_a_control_and_a_justification() {
    let cat = catalogue();
    let mut a = Assessment::new(Mode::Full, "2025-03-01T10:00:00Z");
    assert_eq!(
        a.set_not_applicable(cat, "6.1.2", "We do not do risk"),
        Err(AnswerError::NotApplicableOnClause("6.1.2".into()))
    );
    assert_eq!(
        a.set_not_applicable(cat, "A.10.4", "   "),
        Err(AnswerError::MissingJustification("A.10.4".into()))
    );
    assert!(
        a.answer("A.10.4").is_none(),
        "a refused change records nothing"
    );
    a.set_not_applicable(cat, "A.10.4", "We have no customers for AI systems.")
        .expect("a control with a reason");
    assert!(a.answer("A.10.4").is_some());
    assert_eq!(
        a.set_level(cat, "A.99", Level::new(3).expect("3")),
        Err(AnswerError::UnknownItem("A.99".into()))
    );
    assert_eq!(a.set_target(6), Err(AnswerError::TargetOutOfRange));
}

#[test]
fn clearing_the_last_field_of_a_response_removes_it() {
    let cat = catalogue();
    let mut a = Assessment::new(Mode::Full, "2025-03-01T10:00:00Z");
    a.edit_response(cat, "4.1", |r| r.notes = "draft".into())
        .expect("known item");
    assert!(a.has_data());
    a.edit_response(cat, "4.1", |r| r.notes.clear())
        .expect("known item");
    assert!(a.response("4.1").is_none());
    assert!(!a.has_data());
}
