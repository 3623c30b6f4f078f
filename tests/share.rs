//! Share links: round trips, the length budget, and links that are damaged, cut short or hostile.

mod common;

use aims_readiness::assessment::Assessment;
use aims_readiness::catalogue::catalogue;
use aims_readiness::codec::{ImportError, SCHEMA_VERSION};
use aims_readiness::share::{base64url, from_fragment, to_fragment, ShareError, MAX_LINK_CHARS};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// What a link without notes carries: everything but notes, evidence, owners, due dates and the edited
/// policy, and so no response that had only those.
fn without_notes(a: &Assessment) -> Assessment {
    let mut a = a.clone();
    for r in a.responses.values_mut() {
        r.notes.clear();
        r.evidence.clear();
        r.owner.clear();
        r.due.clear();
    }
    a.responses.retain(|_, r| !r.is_empty());
    a.policy.edited_markdown = None;
    a
}

fn pack(json: &[u8]) -> String {
    format!(
        "share={}",
        base64url::encode(&miniz_oxide::deflate::compress_to_vec(json, 6))
    )
}

#[test]
fn a_full_assessment_link_stays_under_2000_characters() {
    let a = common::full_assessment();
    let fragment = to_fragment(&a, false);
    let url = format!("https://aims-readiness.example.org/#{fragment}");
    assert!(
        url.len() < 2000,
        "the link is {} characters long",
        url.len()
    );
    println!("full assessment share link: {} characters", url.len());
    let preview = from_fragment(&fragment, catalogue()).unwrap();
    assert_eq!(preview.assessment, without_notes(&a));
    assert_eq!(preview.answered, catalogue().items().count());
    // The justifications of not-applicable controls travel with the link.
    for (id, why) in common::NOT_APPLICABLE {
        let answer = preview.assessment.answer(id).unwrap();
        assert_eq!(
            answer,
            &aims_readiness::assessment::Answer::NotApplicable {
                justification: why.to_string()
            }
        );
    }
}

#[test]
fn notes_travel_only_when_asked_for() {
    let a = common::full_assessment();
    let with = from_fragment(&to_fragment(&a, true), catalogue()).unwrap();
    assert_eq!(with.assessment, a);
    let without = from_fragment(&to_fragment(&a, false), catalogue()).unwrap();
    assert!(without
        .assessment
        .responses
        .values()
        .all(|r| r.notes.is_empty() && r.owner.is_empty()));
    assert_eq!(without.assessment.policy.edited_markdown, None);
    assert_eq!(without.assessment.policy.inputs, a.policy.inputs);
}

#[test]
fn the_fragment_is_url_safe() {
    let fragment = to_fragment(&common::full_assessment(), true);
    let payload = fragment.strip_prefix("share=").unwrap();
    assert!(payload
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
}

#[test]
fn links_are_accepted_in_every_form_people_paste() {
    let a = common::full_assessment();
    let fragment = to_fragment(&a, false);
    let payload = fragment.strip_prefix("share=").unwrap();
    let (head, tail) = payload.split_at(payload.len() / 2);
    for form in [
        fragment.clone(),
        format!("#{fragment}"),
        payload.to_owned(),
        format!("#{payload}"),
        format!("https://aims-readiness.example.org/?x=1#{fragment}"),
        format!("  #{fragment}\n"),
        format!("#lang=en&{fragment}"),
        format!("#{fragment}&lang=en"),
        // A mail program wrapped the line.
        format!("#share={head}\n  {tail}"),
    ] {
        let preview = from_fragment(&form, catalogue()).unwrap_or_else(|e| panic!("{form}: {e}"));
        assert_eq!(preview.assessment, without_notes(&a), "{form}");
    }
}

#[test]
fn a_link_cut_short_is_reported_as_damaged() {
    let fragment = to_fragment(&common::full_assessment(), false);
    for keep in [7, 20, fragment.len() / 2, fragment.len() - 1] {
        let err = from_fragment(&fragment[..keep], catalogue()).unwrap_err();
        assert!(
            err.to_string().contains("damaged or incomplete")
                || err.to_string().contains("cut short"),
            "{keep}: {err}"
        );
    }
}

#[test]
fn a_link_with_a_changed_character_is_refused() {
    let fragment = to_fragment(&common::full_assessment(), false);
    let mut bytes = fragment.into_bytes();
    let i = bytes.len() / 3;
    bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
    let damaged = String::from_utf8(bytes).unwrap();
    assert!(from_fragment(&damaged, catalogue()).is_err());
}

#[test]
fn characters_outside_base64url_are_named() {
    let err = from_fragment("#share=abc%20def", catalogue()).unwrap_err();
    assert_eq!(
        err,
        ShareError::BadCharacter {
            position: 4,
            found: '%'
        }
    );
    assert!(
        err.to_string()
            .starts_with("This share link is damaged or incomplete: '%' at position 4"),
        "{err}"
    );
}

#[test]
fn a_link_without_an_assessment_says_so() {
    for fragment in ["", "#", "#share=", "share=  ", "#lang=en"] {
        let err = from_fragment(fragment, catalogue()).unwrap_err();
        assert_eq!(err, ShareError::NoAssessment, "{fragment:?}");
    }
}

#[test]
fn an_oversized_link_is_refused_before_decoding() {
    let huge = format!("#share={}", "A".repeat(MAX_LINK_CHARS));
    let err = from_fragment(&huge, catalogue()).unwrap_err();
    assert!(matches!(err, ShareError::TooLong { .. }), "{err:?}");
}

#[test]
fn a_deflate_bomb_is_stopped_at_5_mb() {
    // 50 MB of spaces pack into a few kilobytes.
    let bomb = pack(&vec![b' '; 50 * 1024 * 1024]);
    assert!(bomb.len() < MAX_LINK_CHARS);
    let err = from_fragment(&bomb, catalogue()).unwrap_err();
    assert!(
        matches!(err, ShareError::TooLargeUnpacked { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("more than 5 MB"), "{err}");
}

#[test]
fn data_that_is_not_deflate_is_reported_as_damaged() {
    let fragment = format!(
        "share={}",
        base64url::encode(b"this is not deflate data at all")
    );
    let err = from_fragment(&fragment, catalogue()).unwrap_err();
    assert!(matches!(err, ShareError::BadDeflate { .. }), "{err:?}");
}

#[test]
fn the_unpacked_assessment_goes_through_the_same_checks_as_a_file() {
    let newer = pack(br#"{"format": "aims-readiness/assessment", "schema_version": 2}"#);
    let err = from_fragment(&newer, catalogue()).unwrap_err();
    assert_eq!(
        err,
        ShareError::Invalid(ImportError::NewerVersion {
            found: 2,
            supported: SCHEMA_VERSION
        })
    );
    assert!(
        err.to_string().starts_with(
            "This share link cannot be opened. This assessment was made by a newer version"
        ),
        "{err}"
    );

    let duplicate = pack(br#"{"format": "aims-readiness/assessment", "format": "x"}"#);
    let err = from_fragment(&duplicate, catalogue()).unwrap_err();
    assert!(
        matches!(err, ShareError::Invalid(ImportError::DuplicateKey { .. })),
        "{err:?}"
    );

    let not_json = pack(b"<html>");
    assert!(matches!(
        from_fragment(&not_json, catalogue()).unwrap_err(),
        ShareError::Invalid(ImportError::Syntax { .. })
    ));
}

#[test]
fn base64url_matches_the_rfc_4648_vectors() {
    let vectors: &[(&[u8], &str)] = &[
        (b"", ""),
        (b"f", "Zg"),
        (b"fo", "Zm8"),
        (b"foo", "Zm9v"),
        (b"foob", "Zm9vYg"),
        (b"fooba", "Zm9vYmE"),
        (b"foobar", "Zm9vYmFy"),
        // The two characters that differ from standard base64 ("+/").
        (&[0xfb, 0xff], "-_8"),
        (&[0x00, 0x00, 0x00], "AAAA"),
        (&[0xff, 0xff, 0xff], "____"),
    ];
    for (bytes, text) in vectors {
        assert_eq!(base64url::encode(bytes), *text);
        assert_eq!(base64url::decode(text).unwrap(), *bytes, "{text}");
    }
}

#[test]
fn base64url_refuses_impossible_lengths_padding_and_other_spellings() {
    assert_eq!(base64url::decode("Zm9vY"), Err(ShareError::BadLength));
    // "Zh" would also decode to "f" if its spare bits were ignored.
    assert_eq!(base64url::decode("Zh"), Err(ShareError::BadLength));
    assert_eq!(
        base64url::decode("Zg=="),
        Err(ShareError::BadCharacter {
            position: 3,
            found: '='
        })
    );
    assert_eq!(
        base64url::decode("Zm+v"),
        Err(ShareError::BadCharacter {
            position: 3,
            found: '+'
        })
    );
    assert_eq!(
        base64url::decode("Zé"),
        Err(ShareError::BadCharacter {
            position: 2,
            found: 'é'
        })
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_assessment_round_trips_through_a_link(a in common::arb::assessment()) {
        let with = from_fragment(&to_fragment(&a, true), catalogue()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&with.assessment, &a);
        let without = from_fragment(&to_fragment(&a, false), catalogue()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(without.assessment, without_notes(&a));
    }

    #[test]
    fn base64url_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        prop_assert_eq!(base64url::decode(&base64url::encode(&bytes)).unwrap(), bytes);
    }

    #[test]
    fn opening_arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = from_fragment(&text, catalogue());
    }
}
