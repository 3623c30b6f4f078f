//! The assessment file format: round trips, the corpus of bad files, versions and the JSON Schema.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use aims_readiness::assessment::{Answer, Assessment, Mode};
use aims_readiness::catalogue::catalogue;
use aims_readiness::codec::{
    self, decode, encode, migrate, ImportError, ImportWarning, MAX_INPUT_BYTES, SCHEMA_VERSION,
};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path)
}

fn read(path: &str) -> Vec<u8> {
    fs::read(data(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn a_full_assessment_round_trips() {
    let a = common::full_assessment();
    let preview = decode(encode(&a, catalogue()).unwrap().as_bytes(), catalogue()).unwrap();
    assert_eq!(preview.assessment, a);
    assert!(preview.warnings.is_empty(), "{:?}", preview.warnings);
    assert_eq!(preview.answered, catalogue().items().count());
    assert_eq!(preview.organisation(), "Northwind Mutual Insurance Ltd");
    assert_eq!(preview.updated(), "2025-03-14T16:05:27.512Z");
    assert_eq!(preview.app_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(preview.schema_version, u64::from(SCHEMA_VERSION));
}

#[test]
fn a_fresh_assessment_round_trips() {
    let a = Assessment::new(Mode::Quick, "2025-01-01T00:00:00Z");
    assert_eq!(
        decode(encode(&a, catalogue()).unwrap().as_bytes(), catalogue())
            .unwrap()
            .assessment,
        a
    );
}

#[test]
fn output_is_deterministic_pretty_json_with_the_header_first() {
    let a = common::full_assessment();
    let json = encode(&a, catalogue()).unwrap();
    assert_eq!(json, encode(&a.clone(), catalogue()).unwrap());
    assert!(
        json.starts_with(
            "{\n  \"format\": \"aims-readiness/assessment\",\n  \"schema_version\": 2,\n  \"app_version\": "
        ),
        "{}",
        &json[..200]
    );
    assert!(json.ends_with("}\n"));
    // Re-encoding what was read gives the same bytes: nothing is reordered or lost.
    let again = encode(
        &decode(json.as_bytes(), catalogue()).unwrap().assessment,
        catalogue(),
    )
    .unwrap();
    assert_eq!(again, json);
    // Answers are sorted by ID, and unanswered empty fields are left out.
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ids: Vec<&String> = value["answers"].as_object().unwrap().keys().collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert_eq!(value["answers"]["10.2"], serde_json::json!({ "level": 4 }));
}

#[test]
fn every_version_fixture_still_reads() {
    // tests/data/versions/vN.json is an untouched file written by version N of the format, each holding
    // `common::full_assessment()` as far as that version could hold it. When the format changes, the old
    // files stay and go through the migrations; they must keep giving the same assessment.
    let current = format!("versions/v{SCHEMA_VERSION}.json");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        let json = encode(&common::full_assessment(), catalogue()).unwrap();
        fs::write(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data")
                .join(&current),
            json,
        )
        .unwrap();
    }
    for version in migrate::OLDEST_READABLE..=SCHEMA_VERSION {
        let name = format!("versions/v{version}.json");
        let bytes = read(&name);
        let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(doc["schema_version"], version, "{name}");
        let preview = decode(&bytes, catalogue()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            preview.assessment,
            common::full_assessment_as_of(version),
            "{name}"
        );
        assert_eq!(preview.schema_version, u64::from(version));
    }
    // The current version's fixture is exactly what this app writes, but for the app's own version.
    let app_version = |json: String| {
        json.lines()
            .filter(|l| !l.starts_with("  \"app_version\":"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        app_version(String::from_utf8(read(&current)).unwrap()),
        app_version(encode(&common::full_assessment(), catalogue()).unwrap()),
        "{current} is not what this app writes. If the file types changed, that needs a new schema \
         version; if only the test assessment changed, regenerate it with \
         `UPDATE_FIXTURES=1 cargo test --test codec`"
    );
}

#[test]
fn version_1_roles_become_the_iso_iec_22989_roles_and_the_preview_says_so() {
    use aims_readiness::assessment::Role;
    let text = String::from_utf8(read("versions/v1_minimal.json"))
        .unwrap()
        .replace(
            "\"deployer\"",
            "\"user\", \"provider\", \"deployer\", \"developer\", \"user\"",
        );
    let preview = decode(text.as_bytes(), catalogue()).unwrap();
    assert_eq!(
        preview.assessment.profile.roles,
        [Role::AiProvider, Role::AiProducer, Role::AiCustomer]
    );
    let warning = preview.warnings[0].to_string();
    assert!(
        warning.contains("upgraded to version 2")
            && warning.contains("deployer and user → AI customer"),
        "{warning}"
    );
    // Nothing else changed: the answers and the notes are all there.
    assert_eq!(preview.answered, 3);
    assert_eq!(
        preview.assessment.response("A.6.2.4").unwrap().notes,
        "Started verification plan"
    );
    assert_eq!(preview.assessment.soa, Default::default());
}

#[test]
fn migration_chain_reaches_the_current_version() {
    let mut version = migrate::OLDEST_READABLE;
    for step in migrate::MIGRATIONS {
        assert_eq!(
            step.from, version,
            "migration steps must go one version at a time: {}",
            step.what
        );
        version += 1;
    }
    assert_eq!(
        version,
        SCHEMA_VERSION,
        "add migrate_v{version}_to_v{} to codec::migrate::MIGRATIONS",
        version + 1
    );
    // The current version needs no step and is left as it is.
    let doc: serde_json::Value = serde_json::from_slice(&read("good/minimal.json")).unwrap();
    assert_eq!(migrate::upgrade(doc.clone(), SCHEMA_VERSION).unwrap(), doc);
}

#[test]
fn unknown_items_are_kept_and_reported() {
    let preview = decode(&read("good/unknown_items.json"), catalogue()).unwrap();
    let a = &preview.assessment;
    assert_eq!(
        a.answer("A.11.1"),
        Some(&Answer::Level(
            aims_readiness::assessment::Level::new(3).unwrap()
        ))
    );
    assert_eq!(
        a.response("A.11.1").unwrap().notes,
        "From a newer questionnaire"
    );
    assert!(matches!(
        a.answer("Z.9"),
        Some(Answer::NotApplicable { .. })
    ));
    assert_eq!(a.policy.inputs.principles, ["C.2.5", "C.9.9"]);
    assert!(preview.warnings.contains(&ImportWarning::UnknownItems {
        count: 2,
        examples: vec!["A.11.1".into(), "Z.9".into()]
    }));
    assert!(preview
        .warnings
        .contains(&ImportWarning::UnknownPrinciples {
            count: 1,
            examples: vec!["C.9.9".into()]
        }));
    let shown: Vec<String> = preview.warnings.iter().map(ToString::to_string).collect();
    assert!(
        shown.contains(&"2 answers are to items this questionnaire does not have (“A.11.1”, “Z.9”): they are kept but not scored".to_owned()),
        "{shown:#?}"
    );
    assert!(
        shown.contains(
            &"policy principle “C.9.9” is not an Annex C objective this app knows: it is kept"
                .to_owned()
        ),
        "{shown:#?}"
    );
    assert!(preview
        .warnings
        .contains(&ImportWarning::ContentVersion { file: 2, app: 1 }));
    // Unknown items are not counted as answers to this questionnaire.
    assert_eq!(preview.answered, 3);
    // And they survive the next save.
    let again = decode(encode(a, catalogue()).unwrap().as_bytes(), catalogue()).unwrap();
    assert_eq!(&again.assessment, a);
}

/// `good/minimal.json` with `answers` and `principles` replaced.
fn minimal_with(answers: &str, principles: &str) -> String {
    let mut doc: serde_json::Value = serde_json::from_slice(&read("good/minimal.json")).unwrap();
    doc["answers"] = serde_json::from_str(answers).unwrap();
    doc["policy"]["principles"] = serde_json::from_str(principles).unwrap();
    serde_json::to_string(&doc).unwrap()
}

#[test]
fn a_hundred_thousand_unknown_items_are_kept_and_summarised_in_one_warning() {
    let ids: Vec<String> = (0..100_000).map(|i| format!("X.{i}")).collect();
    let answers: Vec<String> = ids
        .iter()
        .map(|id| format!("\"{id}\":{{\"level\":3}}"))
        .collect();
    let principles: Vec<String> = (0..200).map(|i| format!("\"C.9.{i}\"")).collect();
    let json = minimal_with(
        &format!("{{\"4.1\":{{\"level\":2}},{}}}", answers.join(",")),
        &format!("[{}]", principles.join(",")),
    );
    let preview = decode(json.as_bytes(), catalogue()).unwrap();
    // Every answer is kept, and only the known one counts.
    assert_eq!(preview.assessment.responses.len(), 100_001);
    assert!(ids.iter().all(|id| preview.assessment.answer(id).is_some()));
    assert_eq!(preview.answered, 1);
    assert_eq!(preview.assessment.policy.inputs.principles.len(), 200);
    // What the preview shows does not grow with the file: one warning for the items, one for the
    // principles, each naming a few examples.
    let shown: Vec<String> = preview.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:#?}");
    assert!(
        shown[0].starts_with("100,000 answers are to items this questionnaire does not have (e.g. “X.0”, “X.1”, “X.10”, “X.100”, “X.1000” …)"),
        "{}",
        shown[0]
    );
    assert!(
        shown[0].ends_with("they are kept but not scored"),
        "{}",
        shown[0]
    );
    assert!(
        shown[1].starts_with("200 policy principles are not Annex C objectives this app knows (e.g. “C.9.0”, “C.9.1”, “C.9.2”, “C.9.3”, “C.9.4” …)"),
        "{}",
        shown[1]
    );
    assert!(shown.iter().all(|w| w.chars().count() < 400), "{shown:#?}");
}

#[test]
fn long_unknown_item_ids_are_shortened_in_the_warning() {
    let long = "Q".repeat(64);
    let json = minimal_with(&format!("{{\"{long}\":{{\"level\":1}}}}"), "[]");
    let preview = decode(json.as_bytes(), catalogue()).unwrap();
    assert!(preview.assessment.answer(&long).is_some());
    let shown = preview.warnings[0].to_string();
    assert!(!shown.contains(&long), "{shown}");
    assert!(shown.contains(&format!("“{}…”", &long[..24])), "{shown}");
}

#[test]
fn hostile_strings_are_accepted_and_kept_as_data() {
    let bytes = read("good/hostile.json");
    let preview = decode(&bytes, catalogue()).unwrap();
    let a = &preview.assessment;
    let original: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(a.profile.name, original["profile"]["name"]);
    assert_eq!(a.profile.sector, original["profile"]["sector"]);
    assert_eq!(
        a.profile.systems_in_scope,
        original["profile"]["systems_in_scope"]
    );
    assert!(a.profile.systems_in_scope.contains('\0'));
    let r = a.response("4.1").unwrap();
    assert_eq!(r.notes, original["answers"]["4.1"]["notes"]);
    assert_eq!(r.owner, "../../etc/passwd");
    assert_eq!(r.evidence, "javascript:alert(document.cookie)");
    assert_eq!(
        a.answer("A.10.4"),
        Some(&Answer::NotApplicable {
            justification: original["answers"]["A.10.4"]["justification"]
                .as_str()
                .unwrap()
                .to_owned()
        })
    );
    assert_eq!(
        a.policy.edited_markdown.as_deref(),
        original["policy"]["edited_markdown"].as_str()
    );
    assert_eq!(
        decode(encode(a, catalogue()).unwrap().as_bytes(), catalogue())
            .unwrap()
            .assessment,
        *a
    );
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(read("good/minimal.json"));
    let preview = decode(&bytes, catalogue()).unwrap();
    assert_eq!(preview.organisation(), "Example Ltd");
}

#[test]
fn utf16_files_are_read_as_the_text_they_hold() {
    // Windows tools (PowerShell's `>` and Out-File, older Notepad) save text as UTF-16, with or without
    // a byte order mark; JSON starts with ASCII, so its zero bytes tell the byte order.
    let expected = decode(&read("good/minimal.json"), catalogue()).unwrap();
    for name in ["utf16le_bom", "utf16be_bom", "utf16le", "utf16be"] {
        let preview = decode(&read(&format!("good/{name}.json")), catalogue())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(preview, expected, "{name}");
    }
}

/// Each file in tests/data/bad/ and a piece of the message it must give.
const BAD: &[(&str, &str)] = &[
    ("answers_as_list.json", "invalid type: sequence, expected a map at line 20"),
    ("bad_due_date.json", "answers › A.6.2.4 › due: \"31/12/2025\" is not a date; write it as YYYY-MM-DD"),
    ("bad_timestamp.json", "created: \"yesterday\" is not an RFC 3339 timestamp"),
    ("deep_nesting.json", "nested more than 128 levels deep at line 16"),
    ("duplicate_answer.json", "“6.1.2” appears twice in answers (line 27, column 11)"),
    ("duplicate_nested_field.json", "“level” appears twice in answers › 4.1 (line 23"),
    ("duplicate_top_level.json", "“target” appears twice in the top level (line 11"),
    ("empty.json", "The data is empty"),
    ("empty_item_id.json", "answers: an item ID is empty"),
    ("huge_integer.json", "expected a whole number at line 22"),
    ("huge_number.json", "The number at line 10, column 17 is too large"),
    ("impossible_due_date.json", "\"2025-02-30\" is not a date"),
    ("level_and_not_applicable.json", "answers › A.10.4 › level: has both a level and \"not_applicable\""),
    ("level_fraction.json", "the number `2.5`, expected a whole number at line 22, column 18"),
    ("level_negative.json", "the number `-1`, expected a whole number at line 22"),
    ("level_out_of_range.json", "answers › 4.1 › level: 6 is not a maturity level; use 0 (Not started) to 5"),
    ("lone_surrogate.json", "This is not valid JSON: unexpected end of hex escape at line 12"),
    ("missing_field.json", "missing field `answers`"),
    ("missing_format.json", "it has no \"format\" field"),
    ("missing_version.json", "no \"schema_version\""),
    ("newer_version.json", "made by a newer version of the app (file format version 3; this version reads up to 2). Update the app"),
    ("non_utf8.json", "byte 0xff at line 11, column 22 is not UTF-8"),
    ("not_applicable_blank_justification.json", "A.10.4 is marked not applicable without a justification"),
    ("not_applicable_on_clause.json", "6.1.2 is a clause requirement: every clause applies"),
    ("not_applicable_without_justification.json", "answers › A.10.4 › justification: A.10.4 is marked not applicable without a justification"),
    ("not_json.json", "This is not valid JSON: expected value at line 1, column 1"),
    ("several_problems.json", "3 problems:\n- target: 7 is not a target level; choose 2 to 5\n- answers › 4.1 › level: 8"),
    ("target_out_of_range.json", "target: 9 is not a target level; choose 2 to 5"),
    ("text_too_long.json", "answers › A.6.2.4 › notes: is 20001 characters long, more than the 20000 allowed"),
    ("top_level_array.json", "the JSON holds a list, where an assessment is a JSON object"),
    ("top_level_string.json", "the JSON holds a string"),
    ("trailing_garbage.json", "trailing characters at line 63, column 1"),
    ("truncated.json", "ends too early, at line 28"),
    ("unknown_field.json", "unknown field `colour`"),
    ("unknown_mode.json", "unknown variant `speedy`, expected `quick` or `full` at line 9"),
    ("unknown_role.json", "unknown variant `overlord`, expected one of `ai-provider`, `ai-producer`, `ai-customer`"),
    ("unknown_size.json", "unknown variant `tiny`"),
    ("utf16_cut_in_a_character.json", "The data ends too early, at line 27, column 5: it was cut short"),
    ("utf16_lone_surrogate.json", "This file is UTF-16 text with a broken character at line 11, column 14"),
    ("version_as_string.json", "\"schema_version\" must be a whole number such as 2, not \"1\""),
    ("version_zero.json", "file format version 0, from a pre-release"),
    ("whitespace_only.json", "The data is empty"),
    ("wrong_format.json", "its \"format\" is \"some-other-app/export\""),
    ("wrong_type.json", "invalid type: string \"three\", expected a whole number at line 10, column 19"),
];

#[test]
fn every_bad_file_is_refused_with_a_message_that_says_what_and_where() {
    let mut failures = Vec::new();
    for (name, expected) in BAD {
        match decode(&read(&format!("bad/{name}")), catalogue()) {
            Ok(_) => failures.push(format!("{name}: accepted")),
            Err(e) if !e.to_string().contains(expected) => {
                failures.push(format!("{name}:\n  got      {e}\n  expected …{expected}…"))
            }
            Err(_) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_file_in_the_bad_corpus_is_listed_with_its_message() {
    let mut files: Vec<String> = fs::read_dir(data("bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let listed: Vec<String> = BAD.iter().map(|(name, _)| name.to_string()).collect();
    assert_eq!(files, listed, "add new files to BAD, in name order");
}

#[test]
fn input_over_5_mb_is_refused_before_parsing() {
    // Valid JSON that would parse, just too much of it.
    let mut big = b"{\"format\": \"".to_vec();
    big.resize(MAX_INPUT_BYTES + 1, b'a');
    let err = decode(&big, catalogue()).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }), "{err:?}");
    assert!(err.to_string().contains("more than the 5 MB"), "{err}");
}

#[test]
fn nesting_far_beyond_the_limit_is_a_clear_error_not_a_crash() {
    let mut deep =
        "{\"format\": \"aims-readiness/assessment\", \"schema_version\": 1, \"x\": ".to_owned();
    deep.push_str(&"[".repeat(1_000_000));
    let err = decode(deep.as_bytes(), catalogue()).unwrap_err();
    assert!(
        matches!(err, ImportError::TooDeep { line: 1, .. }),
        "{err:?}"
    );
}

#[test]
fn every_problem_is_listed_with_its_path() {
    let Err(ImportError::Invalid { problems }) =
        decode(&read("bad/several_problems.json"), catalogue())
    else {
        panic!("expected validation problems");
    };
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["target", "answers › 4.1 › level", "answers › A.6.2.4 › due"]
    );
}

#[test]
fn roles_are_read_in_a_canonical_order_without_repeats() {
    let text = String::from_utf8(read("good/minimal.json"))
        .unwrap()
        .replace(
            "\"ai-customer\"",
            "\"relevant-authority\", \"ai-customer\", \"ai-provider\", \"ai-customer\"",
        );
    let preview = decode(text.as_bytes(), catalogue()).unwrap();
    use aims_readiness::assessment::Role;
    assert_eq!(
        preview.assessment.profile.roles,
        [Role::AiProvider, Role::AiCustomer, Role::RelevantAuthority]
    );
}

#[test]
fn timestamps_and_dates_are_checked_strictly() {
    use aims_readiness::codec::v2::{is_date, is_rfc3339};
    for good in ["2024-02-29", "2025-12-31", "2000-02-29"] {
        assert!(is_date(good), "{good}");
    }
    for bad in [
        "2025-02-29",
        "1900-02-29",
        "2025-13-01",
        "2025-00-10",
        "2025-1-01",
        "25-01-01",
        "2025-01-01 ",
        "２０２５-01-01",
        "",
    ] {
        assert!(!is_date(bad), "{bad}");
    }
    for good in [
        "2025-03-01T09:30:00Z",
        "2025-03-01T09:30:00.123456Z",
        "2025-03-01t09:30:00+01:00",
        "2025-03-01T23:59:60-05:30",
    ] {
        assert!(is_rfc3339(good), "{good}");
    }
    for bad in [
        "2025-03-01",
        "2025-03-01T09:30Z",
        "2025-03-01T24:00:00Z",
        "2025-03-01T09:30:00",
        "2025-03-01T09:30:00.Z",
        "2025-03-01T09:30:00+0100",
        "2025-03-01T09:30:00Zé",
        "2025-03-0é09:30:00Z",
    ] {
        assert!(!is_rfc3339(bad), "{bad}");
    }
}

#[test]
fn the_committed_json_schema_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/assessment.schema.json");
    let generated = codec::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        fs::write(&path, &generated).unwrap();
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "public/assessment.schema.json is out of date with the file types in src/codec/v2.rs; \
         regenerate it with `UPDATE_SCHEMA=1 cargo test --test codec` and commit it"
    );
    let schema: serde_json::Value = serde_json::from_str(&generated).unwrap();
    assert_eq!(schema["properties"]["format"]["const"], codec::FORMAT);
    assert_eq!(schema["additionalProperties"], false);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_assessment_round_trips(a in common::arb::assessment()) {
        let json = encode(&a, catalogue()).unwrap();
        let preview = decode(json.as_bytes(), catalogue()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&preview.assessment, &a);
        prop_assert_eq!(encode(&preview.assessment, catalogue()).unwrap(), json);
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = decode(&bytes, catalogue());
    }

    #[test]
    fn a_cut_short_file_is_refused(cut in 0usize..1000) {
        let json = encode(&common::full_assessment(), catalogue()).unwrap();
        let cut = cut * json.len() / 1000;
        let cut = (0..=cut).rev().find(|&i| json.is_char_boundary(i)).unwrap_or(0);
        prop_assert!(decode(&json.as_bytes()[..cut], catalogue()).is_err());
    }
}

// ---- what the app stores, it can read ----------------------------------------------------------------

/// Text of `chars` characters of `unit` (ASCII is 1 byte in UTF-8, “漢” 3, an emoji 4).
fn filled(unit: char, chars: usize) -> String {
    std::iter::repeat_n(unit, chars).collect()
}

/// The same assessment written without any check, as the app wrote it before the codec refused.
fn unchecked_json(a: &Assessment) -> String {
    let file = codec::v2::FileV2::from_assessment(a, codec::v2::Detail::Everything);
    serde_json::to_string_pretty(&file).unwrap() + "\n"
}

#[test]
fn a_year_typo_is_refused_before_it_is_written() {
    // Typing 01, 15, 99999 into a date field gives this value (issue 12, case 1).
    let mut a = common::full_assessment();
    a.edit_response(catalogue(), "4.1", |r| r.due = "99999-01-15".into())
        .unwrap();
    let error = encode(&a, catalogue()).unwrap_err();
    assert!(error.to_string().contains("answers › 4.1 › due"), "{error}");
    assert!(decode(unchecked_json(&a).as_bytes(), catalogue()).is_err());
    assert!(codec::check_typed_date("99999-01-15").is_err());
    assert!(codec::check_typed_date("0202-01-15").is_err());
    assert!(codec::check_typed_date("2027-02-29").is_err());
    assert_eq!(codec::check_typed_date("2028-02-29"), Ok(()));
    assert_eq!(codec::check_typed_date(""), Ok(()));
}

#[test]
fn long_notes_past_the_size_limit_are_refused_before_they_are_written() {
    // 45 items with 20,000 × “漢” in notes and evidence: each field within its limit, 5.4 MB in all
    // (issue 12, case 2).
    let cat = catalogue();
    let mut a = Assessment::new(Mode::Full, "2025-03-01T09:30:00Z");
    let long = filled('漢', codec::MAX_TEXT_CHARS);
    let mut refused_at = None;
    for (n, item) in cat.items().take(45).enumerate() {
        let before = a.clone();
        a.edit_response(cat, &item.id, |r| {
            r.notes = long.clone();
            r.evidence = long.clone();
        })
        .unwrap();
        match encode(&a, cat) {
            Ok(json) => assert_eq!(decode(json.as_bytes(), cat).unwrap().assessment, a),
            Err(error) => {
                assert!(
                    matches!(error, codec::WriteError::TooLarge { .. }),
                    "{error}"
                );
                assert!(error.to_string().contains("5 MB"), "{error}");
                // Exactly what the reader would refuse.
                assert!(matches!(
                    decode(unchecked_json(&a).as_bytes(), cat),
                    Err(ImportError::TooLarge { .. })
                ));
                refused_at = Some(n);
                a = before;
                break;
            }
        }
    }
    let n = refused_at.expect("5.4 MB must be refused");
    assert!((40..45).contains(&n), "refused at item {n}");
    // What was kept still reads back.
    let json = encode(&a, cat).unwrap();
    assert_eq!(decode(json.as_bytes(), cat).unwrap().assessment, a);
}

#[test]
fn a_compact_file_whose_stored_form_is_too_large_is_refused_on_import() {
    // A compact file (or an unpacked share link) just under the limit grows when the app writes it
    // pretty: the import must be refused rather than accepted and then never saved.
    let cat = catalogue();
    let mut a = Assessment::new(Mode::Full, "2025-03-01T09:30:00Z");
    let long = filled('漢', 19_000);
    for item in cat.items() {
        a.edit_response(cat, &item.id, |r| r.notes = long.clone())
            .unwrap();
    }
    // 70 × 57 KB is 4 MB; add unknown items with short notes until the compact form is just under 5 MB
    // (each entry adds its key, its value, a colon and a comma).
    let mut compact = codec::v2::FileV2::from_assessment(&a, codec::v2::Detail::Everything);
    let mut size = serde_json::to_string(&compact).unwrap().len();
    let value = codec::v2::ResponseV2 {
        notes: "x".repeat(40),
        ..Default::default()
    };
    let value_len = serde_json::to_string(&value).unwrap().len();
    let mut n = 0;
    loop {
        let key = format!("X.{}", n + 1);
        let grows = serde_json::to_string(&key).unwrap().len() + value_len + 2;
        if size + grows > MAX_INPUT_BYTES {
            break;
        }
        n += 1;
        size += grows;
        compact.answers.insert(key, value.clone());
    }
    let json = serde_json::to_string(&compact).unwrap();
    assert!(json.len() <= MAX_INPUT_BYTES);
    let error = decode(json.as_bytes(), cat).unwrap_err();
    assert!(matches!(error, ImportError::NotKeepable(_)), "{error}");
    assert!(error.to_string().contains("cannot be kept"), "{error}");
}

mod limits {
    use super::*;
    use aims_readiness::assessment::Level;

    /// Field lengths at and around the limit, in characters of 1 to 4 bytes each.
    fn around_limit() -> impl Strategy<Value = String> {
        (
            prop::sample::select(vec!['a', 'é', '漢', '🙂', '"', '\n', '\u{1}']),
            prop::sample::select(vec![
                0,
                1,
                codec::MAX_TEXT_CHARS - 1,
                codec::MAX_TEXT_CHARS,
                codec::MAX_TEXT_CHARS + 1,
            ]),
        )
            .prop_map(|(c, n)| filled(c, n))
    }

    /// Dates people type, right and wrong.
    fn typed_date() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "",
            "2025-06-30",
            "99999-01-15",
            "2025-02-30",
            "1899-12-31",
            "0202-01-01",
            "2199-12-31",
            "2025-6-30",
        ])
        .prop_map(str::to_owned)
    }

    fn edits() -> impl Strategy<Value = Vec<(usize, u8, String, String, String, String)>> {
        prop::collection::vec(
            (
                0usize..70,
                0u8..=6,
                around_limit(),
                around_limit(),
                around_limit(),
                typed_date(),
            ),
            1..60,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 48,
            failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
            ..ProptestConfig::default()
        })]

        /// Every state the UI can produce, at and past every limit: either it is written and reads back
        /// as the same value, or it is refused with a message, exactly when the reader would refuse it.
        #[test]
        fn what_is_written_reads_back_and_what_is_refused_would_not(
            edits in edits(),
            name in around_limit(),
            markdown in prop::option::of(around_limit()),
        ) {
            let cat = catalogue();
            let items: Vec<_> = cat.items().collect();
            let mut a = Assessment::new(Mode::Full, "2025-03-01T09:30:00Z");
            a.profile.name = name;
            a.policy.edited_markdown = markdown;
            for (i, level, notes, evidence, owner, due) in edits {
                let id = &items[i].id;
                match Level::new(level) {
                    Some(level) => a.set_level(cat, id, level).unwrap(),
                    None => { let _ = a.set_not_applicable(cat, id, &notes); }
                }
                a.edit_response(cat, id, |r| {
                    r.notes = notes;
                    r.evidence = evidence;
                    r.owner = owner;
                    r.due = due;
                }).unwrap();
                let reader = decode(unchecked_json(&a).as_bytes(), cat);
                match encode(&a, cat) {
                    Ok(json) => {
                        prop_assert!(json.len() <= MAX_INPUT_BYTES);
                        let back = decode(json.as_bytes(), cat)
                            .map_err(|e| TestCaseError::fail(e.to_string()))?;
                        prop_assert_eq!(&back.assessment, &a);
                        prop_assert_eq!(encode(&back.assessment, cat).unwrap(), json);
                    }
                    Err(error) => {
                        prop_assert!(!error.to_string().is_empty());
                        prop_assert!(reader.is_err(), "refused what the reader accepts: {}", error);
                        // The UI keeps the state before the refused change.
                        break;
                    }
                }
            }
        }
    }
}

#[test]
fn counters_appear_near_a_limit_in_the_units_the_reader_counts() {
    assert_eq!(codec::char_counter(15_999, 20_000), None);
    assert_eq!(
        codec::char_counter(20_001, 20_000).as_deref(),
        Some("20,001 of 20,000 characters")
    );
    assert_eq!(codec::size_note(4 * 1024 * 1024 - 1), None);
    assert_eq!(
        codec::size_note(5_160_000).as_deref(),
        Some("4.9 of 5 MB used: an assessment holds at most 5,242,880 bytes")
    );
}

#[test]
fn what_the_version_1_app_stored_in_the_browser_still_reads() {
    // tests/data/versions/v1_storage.json is what the version 1 build wrote to localStorage for a quick
    // scan of a deployer whose staff use AI tools.
    use aims_readiness::assessment::Role;
    let preview = decode(&read("versions/v1_storage.json"), catalogue()).unwrap();
    let a = &preview.assessment;
    assert_eq!(a.profile.name, "Stored Ltd");
    assert_eq!(a.profile.roles, [Role::AiCustomer]);
    assert_eq!(
        a.response("4.1").unwrap().notes,
        "Stored by the version 1 app"
    );
    assert!(matches!(
        preview.warnings[0],
        ImportWarning::Migrated { from: 1, to: 2, .. }
    ));
    // Stored again, it is a version 2 file that reads back the same.
    let again = encode(a, catalogue()).unwrap();
    assert_eq!(
        &decode(again.as_bytes(), catalogue()).unwrap().assessment,
        a
    );
}
