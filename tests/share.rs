//! Share links: round trips, the length budget, and links that are damaged, cut short or hostile.

mod common;

use aims_readiness::assessment::{Assessment, Mode};
use aims_readiness::catalogue::catalogue;
use aims_readiness::codec::{ImportError, SCHEMA_VERSION};
use aims_readiness::share::{
    base64url, from_fragment, to_fragment, LinkError, ShareError, MAX_LINK_CHARS,
    MAX_UNPACKED_BYTES,
};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// What a link without notes carries: everything but notes, evidence, owners, due dates, where documents
/// are kept and who owns them, the notes of added controls and the edited policy, and so no response or
/// document record that had only those.
fn without_notes(a: &Assessment) -> Assessment {
    let mut a = a.clone();
    for r in a.responses.values_mut() {
        r.notes.clear();
        r.evidence.clear();
        r.owner.clear();
        r.due.clear();
    }
    a.responses.retain(|_, r| !r.is_empty());
    for d in a.documents.values_mut() {
        d.location.clear();
        d.owner.clear();
    }
    a.documents.retain(|_, d| !d.is_empty());
    for c in &mut a.soa.added {
        c.notes.clear();
    }
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
    let fragment = to_fragment(&a, false).unwrap();
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
    let with = from_fragment(&to_fragment(&a, true).unwrap(), catalogue()).unwrap();
    assert_eq!(with.assessment, a);
    let without = from_fragment(&to_fragment(&a, false).unwrap(), catalogue()).unwrap();
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
    let fragment = to_fragment(&common::full_assessment(), true).unwrap();
    let payload = fragment.strip_prefix("share=").unwrap();
    assert!(payload
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
}

/// `text` with `insert` put in every `every` characters, as a mail program folding a long line would.
fn folded(text: &str, every: usize, insert: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(every)
        .map(String::from_iter)
        .collect::<Vec<_>>()
        .join(insert)
}

#[test]
fn links_are_accepted_in_every_form_people_paste_or_mail_programs_leave() {
    let a = common::full_assessment();
    let fragment = to_fragment(&a, false).unwrap();
    let payload = fragment.strip_prefix("share=").unwrap();
    let (head, tail) = payload.split_at(payload.len() / 2);
    let link = format!("https://aims-readiness.example.org/#{fragment}");
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
        // Spaces and line breaks inserted, as the browser's address bar then spells them in the fragment.
        format!("#share={}", folded(payload, 70, "%20")),
        format!("#share={}", folded(payload, 76, "%0D%0A")),
        format!("#share={}", folded(payload, 76, "%0a")),
        format!("#share={}", folded(payload, 60, "%09%20")),
        // A non-breaking space, a zero-width space and a soft hyphen from a chat program.
        format!("#share={}", folded(payload, 100, "%C2%A0")),
        format!("#share={}", folded(payload, 100, "%E2%80%8B")),
        format!("#share={}", folded(payload, 100, "%C2%AD")),
        format!("#share={}", folded(payload, 100, "\u{200b}")),
        // The '=' encoded too, in either case.
        format!("#share%3D{payload}"),
        format!("#share%3d{payload}"),
        format!("#%20share={payload}"),
        // Angle brackets or quotes around the link, and the sentence's punctuation after it.
        format!("<{link}>"),
        format!("#{fragment}%3E"),
        format!("#{fragment}>"),
        format!("#{fragment}."),
        format!("#{fragment})."),
        format!("({link})"),
        format!("\"{link}\","),
        format!("#{fragment}%22"),
        format!("#{fragment}%3E."),
    ] {
        let preview = from_fragment(&form, catalogue()).unwrap_or_else(|e| panic!("{form}: {e}"));
        assert_eq!(preview.assessment, without_notes(&a), "{form}");
    }
}

#[test]
fn a_link_at_the_limit_still_opens_after_a_mail_program_folded_it() {
    // Nearly the longest link the app makes, with a line break every 76 characters.
    let a = with_noisy_notes(26, 19_500, &ascii(), false);
    let fragment = to_fragment(&a, true).unwrap();
    assert!(
        fragment.len() > MAX_LINK_CHARS * 9 / 10,
        "{}",
        fragment.len()
    );
    let folded = folded(&fragment, 76, "%0D%0A");
    assert!(folded.len() > MAX_LINK_CHARS);
    assert_eq!(from_fragment(&folded, catalogue()).unwrap().assessment, a);
}

#[test]
fn share_links_are_recognised_as_mail_programs_spell_them() {
    use aims_readiness::route::Route;
    for hash in [
        "#share=abc",
        "#share%3Dabc",
        "#share%3dabc",
        "#%20share=abc",
        "#%0D%0Ashare=abc",
    ] {
        assert_eq!(
            Route::parse(hash),
            Route::Share(hash[1..].to_owned()),
            "{hash}"
        );
    }
    assert_eq!(
        Route::parse("#sharex=abc"),
        Route::NotFound("sharex=abc".into())
    );
}

#[test]
fn a_link_cut_short_is_reported_as_damaged() {
    let fragment = to_fragment(&common::full_assessment(), false).unwrap();
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
    let fragment = to_fragment(&common::full_assessment(), false).unwrap();
    let mut bytes = fragment.into_bytes();
    let i = bytes.len() / 3;
    bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
    let damaged = String::from_utf8(bytes).unwrap();
    assert!(from_fragment(&damaged, catalogue()).is_err());
}

#[test]
fn characters_outside_base64url_are_named() {
    let err = from_fragment("#share=abc*def", catalogue()).unwrap_err();
    assert_eq!(
        err,
        ShareError::BadCharacter {
            position: 4,
            found: '*'
        }
    );
    assert!(
        err.to_string()
            .starts_with("This share link is damaged or incomplete: '*' at position 4"),
        "{err}"
    );
    // Percent-encoded, the character is named as it was before encoding; a lone '%' as itself.
    for (fragment, found) in [("#share=abc%2Adef", '*'), ("#share=abc%zzdef", '%')] {
        assert_eq!(
            from_fragment(fragment, catalogue()).unwrap_err(),
            ShareError::BadCharacter { position: 4, found },
            "{fragment}"
        );
    }
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
    let newer = pack(br#"{"format": "aims-readiness/assessment", "schema_version": 3}"#);
    let err = from_fragment(&newer, catalogue()).unwrap_err();
    assert_eq!(
        err,
        ShareError::Invalid(ImportError::NewerVersion {
            found: 3,
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
        let fail = |e: &dyn std::fmt::Display| TestCaseError::fail(e.to_string());
        let with = from_fragment(&to_fragment(&a, true).map_err(|e| fail(&e))?, catalogue()).map_err(|e| fail(&e))?;
        prop_assert_eq!(&with.assessment, &a);
        let without = from_fragment(&to_fragment(&a, false).map_err(|e| fail(&e))?, catalogue()).map_err(|e| fail(&e))?;
        prop_assert_eq!(without.assessment, without_notes(&a));
    }

    /// Links the app makes, it opens: a link either opens to the same assessment or is not made, and only
    /// a large one is refused.
    #[test]
    fn a_link_is_either_refused_or_opens_to_the_same_assessment((a, noise_bytes) in heavy_assessment()) {
        let fail = |e: &dyn std::fmt::Display| TestCaseError::fail(e.to_string());
        match to_fragment(&a, true) {
            Ok(fragment) => {
                prop_assert!(fragment.len() < MAX_LINK_CHARS);
                let opened = from_fragment(&fragment, catalogue()).map_err(|e| fail(&e))?;
                prop_assert_eq!(&opened.assessment, &a);
            }
            // Far less than the limits can never be refused.
            Err(e) => prop_assert!(noise_bytes > 300_000, "{} bytes of notes refused: {}", noise_bytes, e),
        }
        // The notes are the bulk here, so without them there is always a link.
        let fragment = to_fragment(&a, false).map_err(|e| fail(&e))?;
        let opened = from_fragment(&fragment, catalogue()).map_err(|e| fail(&e))?;
        prop_assert_eq!(opened.assessment, without_notes(&a));
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

/// `len` characters that deflate cannot shrink much: a xorshift walk over `alphabet`. None of them needs
/// escaping in JSON, so a field of them takes its UTF-8 length in a file.
fn noise(seed: u64, len: usize, alphabet: &[char]) -> String {
    // splitmix64 of the seed: neighbouring seeds give unrelated texts, and the state is never zero.
    let mut state = (seed.wrapping_add(1).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (seed >> 31)) | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            alphabet[(state % alphabet.len() as u64) as usize]
        })
        .collect()
}

fn ascii() -> Vec<char> {
    ('A'..='Z').chain('a'..='z').chain('0'..='9').collect()
}

/// 4,096 CJK ideographs: three bytes each in UTF-8.
fn cjk() -> Vec<char> {
    ('\u{4e00}'..'\u{5e00}').collect()
}

/// A fresh assessment with `items` items' notes (and evidence, if `evidence`) full of noise.
fn with_noisy_notes(items: usize, len: usize, alphabet: &[char], evidence: bool) -> Assessment {
    let cat = catalogue();
    let mut a = Assessment::new(Mode::Full, "2025-01-01T00:00:00Z");
    for (i, item) in cat.items().take(items).enumerate() {
        a.edit_response(cat, &item.id, |r| {
            r.notes = noise(i as u64 * 2 + 1, len, alphabet);
            if evidence {
                r.evidence = noise(i as u64 * 2 + 2, len, alphabet);
            }
        })
        .unwrap();
    }
    a
}

/// The refusal to make a link, or a failure that says how long the link made was.
fn refusal(a: &Assessment, include_notes: bool) -> LinkError {
    match to_fragment(a, include_notes) {
        Ok(fragment) => panic!("made a link of {} characters", fragment.len()),
        Err(e) => e,
    }
}

#[test]
fn a_link_too_long_to_open_is_refused_with_what_to_do_instead() {
    // 30 notes of 20,000 characters: the link would be about 600,000 characters long.
    let a = with_noisy_notes(30, 20_000, &ascii(), false);
    let err = refusal(&a, true);
    assert_eq!(
        err,
        LinkError::TooLong {
            include_notes: true
        }
    );
    assert_eq!(
        err.to_string(),
        "This assessment does not fit in a share link: the link would be longer than the 524,288 \
         characters a link can have. Make the link without notes (untick “Include notes, evidence, \
         owners and due dates”), or use “Download JSON” and send the file instead."
    );
    // Without the notes it fits, and opens.
    let fragment = to_fragment(&a, false).unwrap();
    let preview = from_fragment(&fragment, catalogue()).unwrap();
    assert_eq!(preview.assessment, without_notes(&a));
}

#[test]
fn an_assessment_that_would_unpack_past_5_mb_is_refused() {
    // Notes and evidence of 45 items, 20,000 ideographs each: 5.4 million bytes, within every field's
    // limit but past what a link may unpack to.
    let a = with_noisy_notes(45, 20_000, &['漢'], true);
    let err = refusal(&a, true);
    assert!(
        matches!(err, LinkError::TooLarge { include_notes: true, size } if size > MAX_UNPACKED_BYTES),
        "{err:?}"
    );
    assert!(
        err.to_string().starts_with(
            "This assessment does not fit in a share link: it holds 5.2 MB of data, more than the 5 MB a link can carry. Make the link without notes"
        ),
        "{err}"
    );
    let fragment = to_fragment(&a, false).unwrap();
    assert_eq!(
        from_fragment(&fragment, catalogue()).unwrap().assessment,
        without_notes(&a)
    );
}

/// The length of the JSON a link carries.
fn unpacked_len(fragment: &str) -> usize {
    let packed = base64url::decode(fragment.strip_prefix("share=").unwrap()).unwrap();
    miniz_oxide::inflate::decompress_to_vec(&packed)
        .unwrap()
        .len()
}

#[test]
fn a_link_whose_content_would_not_fit_in_the_stored_file_is_refused() {
    // Opening a link stores what it holds as a file, whose indented form is a little larger than the
    // link's compact JSON. Notes sized so that the compact JSON is just under 5 MB:
    let small = with_noisy_notes(45, 1, &['漢'], true);
    let overhead = unpacked_len(&to_fragment(&small, true).unwrap()) - 90 * 3;
    let len = (MAX_UNPACKED_BYTES - 100 - overhead) / (90 * 3);
    let compact = overhead + 90 * 3 * len;
    assert!(compact <= MAX_UNPACKED_BYTES && compact > MAX_UNPACKED_BYTES - 400);
    let a = with_noisy_notes(45, len, &['漢'], true);
    match refusal(&a, true) {
        LinkError::TooLarge { size, .. } => assert!(size > MAX_UNPACKED_BYTES, "{size}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn when_even_the_answers_do_not_fit_the_advice_is_the_json_file() {
    // Justifications always travel; 38 of 20,000 characters make too long a link on their own.
    let cat = catalogue();
    let mut a = Assessment::new(Mode::Full, "2025-01-01T00:00:00Z");
    for (i, item) in cat.items().filter(|i| i.id.starts_with("A.")).enumerate() {
        a.set_not_applicable(cat, &item.id, &noise(i as u64 + 1, 20_000, &ascii()))
            .unwrap();
    }
    let err = refusal(&a, false);
    assert_eq!(
        err,
        LinkError::TooLong {
            include_notes: false
        }
    );
    assert!(
        err.to_string()
            .ends_with("a link can have. Use “Download JSON” and send the file instead."),
        "{err}"
    );
}

#[test]
fn the_pack_and_unpack_limits_meet_at_5_mb() {
    // Exactly 5 MB unpacks (and is then read as a file: here, an empty one); one byte more does not.
    let at_limit = from_fragment(&pack(&vec![b' '; MAX_UNPACKED_BYTES]), catalogue()).unwrap_err();
    assert_eq!(at_limit, ShareError::Invalid(ImportError::Empty));
    let past = from_fragment(&pack(&vec![b' '; MAX_UNPACKED_BYTES + 1]), catalogue()).unwrap_err();
    assert!(
        matches!(past, ShareError::TooLargeUnpacked { .. }),
        "{past:?}"
    );
}

/// An assessment from `arb`, with the notes and evidence of its first items replaced by noise: small
/// ones, ones at the link's limits and ones far past them.
fn heavy_assessment() -> impl Strategy<Value = (Assessment, usize)> {
    (
        common::arb::assessment(),
        0usize..=70,
        prop_oneof![0usize..2_000, 2_000usize..=20_000],
        any::<u64>(),
        any::<bool>(),
    )
        .prop_map(|(mut a, items, len, seed, wide)| {
            let cat = catalogue();
            let alphabet = if wide { cjk() } else { ascii() };
            let mut bytes = 0;
            for (i, item) in cat.items().take(items).enumerate() {
                let notes = noise(seed ^ (2 * i as u64), len, &alphabet);
                let evidence = noise(seed ^ (2 * i as u64 + 1), len / 2, &alphabet);
                bytes += notes.len() + evidence.len();
                a.edit_response(cat, &item.id, |r| {
                    r.notes = notes;
                    r.evidence = evidence;
                })
                .unwrap();
            }
            (a, bytes)
        })
}

#[test]
fn a_link_made_by_the_version_1_app_still_opens_with_nothing_lost() {
    // tests/data/versions/v1_link.txt was written by the app's version 1 build (with notes), from
    // `common::full_assessment()` as version 1 could hold it.
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/versions/v1_link.txt");
    let link = std::fs::read_to_string(path).unwrap();
    let preview = from_fragment(link.trim(), catalogue()).unwrap();
    assert_eq!(preview.schema_version, 1);
    assert_eq!(preview.assessment, common::full_assessment_as_of(1));
}
