//! `aims`, the command line: the binary run on fixtures, as a consultant's shell or a pipeline runs it,
//! and the batch logic (progress line, summary) through a terminal kept in memory.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use aims_readiness::catalogue::catalogue;
use aims_readiness::cli::{self, Io};
use aims_readiness::codec;
use aims_readiness::compare::{compare, comparison_csv, comparison_html, comparison_markdown};
use aims_readiness::score::score;
use serde_json::Value;

const AIMS: &str = env!("CARGO_BIN_EXE_aims");
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

fn data(path: &str) -> String {
    format!("{DATA}/{path}")
}

fn aims(args: &[&str]) -> Output {
    aims_with_input(args, None)
}

fn aims_with_input(args: &[&str], input: Option<&[u8]>) -> Output {
    let mut child = Command::new(AIMS)
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the aims binary runs");
    if let Some(input) = input {
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed")
}

fn decode_error(path: &str) -> String {
    let bytes = fs::read(path).unwrap();
    codec::decode(&bytes, catalogue()).unwrap_err().to_string()
}

/// A fresh directory for files a test writes.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

// ---- the app and the command line agree ------------------------------------------------------------

/// The cases of tests/data/app-exports/, written by the app (tests/e2e/app-exports.spec.ts).
fn app_export_cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = fs::read_dir(data("app-exports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    cases
}

#[test]
fn the_cli_makes_the_same_documents_and_scores_as_the_app_from_the_apps_file() {
    let cases = app_export_cases();
    assert!(cases.len() >= 2, "{cases:?}");
    for case in cases {
        let file = case.join("assessment.json");
        let file = file.to_str().unwrap();
        for (format, exported) in [
            ("md", "report.md"),
            ("html", "report.html"),
            ("csv", "answers.csv"),
            ("soa-csv", "soa.csv"),
            ("policy-md", "policy.md"),
            ("policy-html", "policy.html"),
            ("json", "assessment.json"),
        ] {
            let out = aims(&["report", file, "--format", format]);
            assert_eq!(code(&out), 0, "{}", stderr(&out));
            let app = fs::read(case.join(exported)).unwrap();
            assert!(
                out.stdout == app,
                "{}: `aims report --format {format}` differs from the app's {exported}",
                case.display()
            );
        }
        let shown: BTreeMap<String, Value> =
            serde_json::from_str(&fs::read_to_string(case.join("scores.json")).unwrap()).unwrap();
        let out = aims(&["score", "--json", file]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        for (id, pct) in &shown {
            if id == "band" {
                assert_eq!(&json["band_label"], pct, "{}", case.display());
            } else {
                assert_eq!(
                    &json["sections"][id]["readiness_pct"],
                    pct,
                    "{} section {id}",
                    case.display()
                );
            }
        }
        // Every section and aggregate the page shows, and the band.
        assert_eq!(shown.len(), 20, "{}", case.display());
    }
}

// ---- help, usage and exit codes --------------------------------------------------------------------

#[test]
fn help_documents_every_command_and_the_exit_codes() {
    let out = aims(&["--help"]);
    assert_eq!(code(&out), 0);
    let help = stdout(&out);
    for command in ["check", "score", "diff", "report", "link", "open"] {
        assert!(help.contains(&format!("  {command} ")), "{help}");
    }
    assert!(help.contains(cli::EXIT_CODES_HELP), "{help}");
    assert!(help.contains("--passphrase-file <PATH>"), "{help}");
    let help = stdout(&aims(&["report", "--help"]));
    for format in ["md", "html", "csv", "soa-csv", "policy-md"] {
        assert!(help.contains(format), "{help}");
    }
}

#[test]
fn a_wrong_command_line_exits_2_with_the_reason_on_standard_error() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["score"],
        &["report", "x.json"],
        &["report", "x.json", "--format", "pdf"],
        &["diff", "a.json"],
        &["diff", "--json", "--format", "md", "a.json", "b.json"],
    ] {
        let out = aims(args);
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            stderr(&out).contains("--help"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

// ---- check ------------------------------------------------------------------------------------------

#[test]
fn check_passes_good_files_with_what_the_import_preview_would_say() {
    let out = aims(&[
        "check",
        &data("good/minimal.json"),
        &data("good/unknown_items.json"),
        &data("good/utf16le_bom.json"),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("good/minimal.json: ok: Example Ltd, quick scan, 2 of 22 items answered, last changed 2025-05-02\n"),
        "{text}"
    );
    assert!(
        text.contains("  good to know: 2 answers are to items this questionnaire does not have"),
        "{text}"
    );
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn check_reports_every_bad_file_with_the_apps_message_and_exits_1() {
    let mut bad: Vec<String> = fs::read_dir(data("bad"))
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_owned())
        .collect();
    bad.sort();
    let mut args = vec!["check", "--"];
    args.extend(bad.iter().map(String::as_str));
    let good = data("good/minimal.json");
    args.push(&good);
    let out = aims(&args);
    assert_eq!(code(&out), 1);
    let errors = stderr(&out);
    for path in &bad {
        let first_line = decode_error(path).lines().next().unwrap().to_owned();
        assert!(
            errors.contains(&format!("{path}: {first_line}")),
            "{path}: {errors}"
        );
    }
    assert!(
        errors.contains(&format!(
            "aims: {} of {} files failed: ",
            bad.len(),
            bad.len() + 1
        )),
        "{errors}"
    );
    assert!(
        errors.contains(" and "),
        "more than ten failures are counted: {errors}"
    );
    assert!(stdout(&out).contains("good/minimal.json: ok"));
    assert!(
        !errors.contains('\r'),
        "no progress line when standard error is not a terminal"
    );
}

#[test]
fn files_that_cannot_be_read_or_are_too_large_are_named_and_the_rest_still_runs() {
    let dir = scratch("too-large");
    let huge = dir.join("huge.json");
    fs::write(&huge, vec![b' '; codec::MAX_INPUT_BYTES + 10]).unwrap();
    let out = aims(&[
        "score",
        huge.to_str().unwrap(),
        "no-such-file.json",
        &data("good/minimal.json"),
    ]);
    assert_eq!(code(&out), 1);
    let errors = stderr(&out);
    assert!(
        errors.contains(
            "huge.json: is larger than the 5 MB (5,242,880 bytes) an assessment file can be"
        ),
        "{errors}"
    );
    assert!(
        errors.contains("no-such-file.json: cannot be read: "),
        "{errors}"
    );
    assert!(errors.contains("aims: 2 of 3 files failed: "), "{errors}");
    assert!(stdout(&out).contains("Example Ltd ("), "{}", stdout(&out));
}

// ---- score ------------------------------------------------------------------------------------------

const IDS: [&str; 19] = [
    "4", "5", "6", "7", "8", "9", "10", "A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9",
    "A.10", "clauses", "annex-a", "overall",
];

#[test]
fn score_json_has_every_section_and_aggregate_with_the_exact_readiness() {
    let path = data("versions/v1.json");
    let out = aims(&["score", "--json", &path]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let sections = json["sections"].as_object().unwrap();
    let ids: Vec<&str> = sections.keys().map(String::as_str).collect();
    let mut sorted = IDS.to_vec();
    sorted.sort();
    assert_eq!(ids, sorted);
    // The order pipelines and people read, not alphabetical.
    let text = stdout(&out);
    let positions: Vec<usize> = IDS
        .iter()
        .map(|id| text.find(&format!("\"{id}\": {{")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");

    let a = codec::decode(&fs::read(&path).unwrap(), catalogue())
        .unwrap()
        .assessment;
    let card = score(catalogue(), &a);
    let six = &card.section("6").unwrap().figures;
    assert_eq!(json["sections"]["6"]["readiness"].as_f64(), six.readiness);
    assert_eq!(json["sections"]["6"]["points"], six.points);
    assert_eq!(
        json["sections"]["overall"]["readiness"].as_f64(),
        card.overall.readiness
    );
    assert_eq!(json["sections"]["overall"]["completion"], 100.0);
    assert_eq!(json["band"], "developing");
    assert_eq!(json["file"], path.as_str());
    assert_eq!(json["mode"], "full");
}

#[test]
fn score_json_of_several_files_is_an_array_of_the_files_that_could_be_read() {
    let good = data("good/minimal.json");
    let bad = data("bad/truncated.json");
    let v1 = data("versions/v1.json");
    let out = aims(&["score", "--json", &good, &bad, &v1]);
    assert_eq!(code(&out), 1);
    let json: Value = serde_json::from_slice(&out.stdout).expect("valid JSON despite a failure");
    let files: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, [good.as_str(), v1.as_str()]);
    assert!(stderr(&out).contains(&format!("{bad}: The data ends too early")));
    let none = aims(&["score", "--json", &bad, &bad]);
    assert_eq!(
        serde_json::from_slice::<Value>(&none.stdout).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn score_prints_a_table_per_file_and_no_control_characters_from_the_file() {
    let dir = scratch("hostile-name");
    let mut json: Value =
        serde_json::from_str(&fs::read_to_string(data("good/minimal.json")).unwrap()).unwrap();
    json["profile"]["name"] = "Evil\u{1b}[2J\u{202e}Ltd".into();
    let path = dir.join("evil.json");
    fs::write(&path, serde_json::to_string(&json).unwrap()).unwrap();
    let out = aims(&["score", path.to_str().unwrap(), &data("versions/v1.json")]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert!(text.contains("Evil\\u{1b}[2J\\u{202e}Ltd ("), "{text}");
    assert!(
        text.contains(
            "Quick scan, target level 3, last changed 2025-05-02: quick-scan scores are indicative"
        ),
        "{text}"
    );
    assert!(
        text.contains("\n\nNorthwind Mutual Insurance Ltd ("),
        "{text}"
    );
    assert!(
        text.contains(
            "\noverall        69%       100%   70 / 70      2.6  Overall\nBand: Developing\n"
        ),
        "{text}"
    );
}

// ---- diff -------------------------------------------------------------------------------------------

#[test]
fn diff_prints_the_comparison_the_core_makes_in_every_format() {
    let (before, after) = (data("good/minimal.json"), data("versions/v1.json"));
    let read = |p: &str| {
        codec::decode(&fs::read(p).unwrap(), catalogue())
            .unwrap()
            .assessment
    };
    let c = compare(catalogue(), &read(&before), &read(&after));
    for (format, expected) in [
        (None, comparison_markdown(&c)),
        (Some("md"), comparison_markdown(&c)),
        (Some("html"), comparison_html(&c)),
        (Some("csv"), comparison_csv(&c)),
    ] {
        let mut args = vec!["diff", &before, &after];
        if let Some(f) = format {
            args.extend(["--format", f]);
        }
        let out = aims(&args);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert_eq!(stdout(&out), expected, "{format:?}");
    }
}

#[test]
fn diff_json_maps_every_section_to_before_after_and_delta() {
    let (b, a) = (data("good/minimal.json"), data("versions/v1.json"));
    let forward: Value = serde_json::from_slice(&aims(&["diff", "--json", &b, &a]).stdout).unwrap();
    let backward: Value =
        serde_json::from_slice(&aims(&["diff", "--format", "json", &a, &b]).stdout).unwrap();
    let same: Value = serde_json::from_slice(&aims(&["diff", "--json", &a, &a]).stdout).unwrap();
    for id in IDS {
        let row = &forward["sections"][id];
        let delta = row["delta"].as_f64().unwrap();
        let (before, after) = (
            row["before"].as_f64().unwrap(),
            row["after"].as_f64().unwrap(),
        );
        assert!((delta - (after - before)).abs() < 1e-9, "{id}: {row}");
        assert_eq!(
            backward["sections"][id]["delta"].as_f64(),
            Some(-delta),
            "{id}"
        );
        assert_eq!(
            backward["sections"][id]["delta_whole"].as_i64(),
            row["delta_whole"].as_i64().map(|d| -d),
            "{id}"
        );
        assert_eq!(same["sections"][id]["delta"], 0.0, "{id}");
    }
    assert_eq!(forward["sections"]["4"]["before_pct"], 33);
    assert_eq!(forward["sections"]["4"]["after_pct"], 75);
    assert_eq!(forward["sections"]["4"]["delta_whole"], 42);
    assert_eq!(forward["before"]["file"], b.as_str());
    assert_eq!(forward["after"]["mode"], "full");
    assert_eq!(forward["raised"][0]["id"], "4.1");
    assert_eq!(forward["raised"][0]["before"], 2);
    assert_eq!(forward["raised"][0]["after"], 3);
    assert_eq!(forward["caveats"].as_array().unwrap().len(), 1);
    assert_eq!(
        backward["lowered"],
        forward["raised"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                let mut i = i.clone();
                let before = i["before"].clone();
                i["before"] = i["after"].clone();
                i["after"] = before;
                i
            })
            .collect::<Value>()
    );
}

#[test]
fn diff_of_a_file_that_cannot_be_read_prints_nothing_and_exits_1() {
    let out = aims(&[
        "diff",
        &data("good/minimal.json"),
        &data("bad/not_json.json"),
    ]);
    assert_eq!(code(&out), 1);
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).contains("bad/not_json.json: This is not valid JSON"),
        "{}",
        stderr(&out)
    );
}

// ---- standard input, links ----------------------------------------------------------------------------

#[test]
fn a_dash_reads_standard_input() {
    let file = fs::read(data("versions/v1.json")).unwrap();
    let piped = aims_with_input(&["report", "-", "--format", "md"], Some(&file));
    let named = aims(&["report", &data("versions/v1.json"), "--format", "md"]);
    assert_eq!(code(&piped), 0, "{}", stderr(&piped));
    assert_eq!(piped.stdout, named.stdout);
    let bad = aims_with_input(&["check", "-"], Some(b"{\"format\": 1"));
    assert_eq!(code(&bad), 1);
    assert!(
        stderr(&bad).starts_with("(standard input): "),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn link_and_open_make_and_read_the_apps_share_links() {
    let file = data("versions/v1.json");
    let exported = aims(&["report", &file, "--format", "json"]).stdout;
    for notes in [false, true] {
        let mut args = vec![
            "link",
            file.as_str(),
            "--base",
            "https://example.org/aims/#/results",
        ];
        if notes {
            args.push("--notes");
        }
        let out = aims(&args);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let link = stdout(&out);
        assert!(
            link.starts_with("https://example.org/aims/#share="),
            "{link}"
        );
        let opened = aims(&["open", link.trim()]);
        assert_eq!(code(&opened), 0, "{}", stderr(&opened));
        let piped = aims_with_input(&["open", "-"], Some(link.as_bytes()));
        assert_eq!(piped.stdout, opened.stdout);
        let a = codec::decode(&opened.stdout, catalogue())
            .unwrap()
            .assessment;
        assert_eq!(a.profile.name, "Northwind Mutual Insurance Ltd");
        // With notes, the link holds the whole file; without, notes, evidence, owners and due dates stay out.
        assert_eq!(opened.stdout == exported, notes);
        assert_eq!(a.responses.values().any(|r| !r.notes.is_empty()), notes);
    }
    let fragment = stdout(&aims(&["link", &file]));
    assert!(fragment.starts_with("#share="), "{fragment}");
    let damaged = aims(&["open", &fragment.trim()[..200]]);
    assert_eq!(code(&damaged), 1);
    assert!(
        stderr(&damaged).starts_with("the link: This share link is damaged"),
        "{}",
        stderr(&damaged)
    );
    assert!(damaged.stdout.is_empty());
}

// ---- encrypted files and links ---------------------------------------------------------------------

/// The passphrase of every fixture in tests/data/jwe/ (see its README).
const PASSPHRASE: &str = "quiet otter lantern meadow";

fn jwe(name: &str) -> String {
    data(&format!("jwe/{name}"))
}

/// A passphrase file in `dir` holding `text`.
fn passphrase_file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

/// Exit 1, nothing on standard output, and `message` on standard error.
fn fails_with(out: &Output, message: impl AsRef<str>) {
    assert_eq!(code(out), 1, "{}", stderr(out));
    assert!(stderr(out).contains(message.as_ref()), "{}", stderr(out));
    assert!(out.stdout.is_empty(), "{}", stdout(out));
}

#[test]
fn encrypted_files_and_links_open_with_the_passphrase_file_as_the_plain_file_does() {
    let dir = scratch("encrypted");
    let key = passphrase_file(&dir, "passphrase.txt", &format!("{PASSPHRASE}\n"));
    // Windows line ending and more lines after the first: only the first line, without its ending.
    let crlf = passphrase_file(&dir, "crlf.txt", &format!("{PASSPHRASE}\r\nnot this\n"));
    let plain = jwe("plain.json");
    // check: made by RustCrypto, by the browser's Web Crypto and by jwcrypto, in one batch.
    let files = [
        "rust-file.jwe.json",
        "browser-file.jwe.json",
        "jwcrypto-file.jwe.json",
    ]
    .map(jwe);
    let mut args = vec!["check", "--passphrase-file", &key];
    args.extend(files.iter().map(String::as_str));
    let out = aims(&args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let expected = stdout(&aims(&["check", &plain]));
    assert!(
        expected.contains(": ok: Harbourside Analytics"),
        "{expected}"
    );
    let expected: String = files.iter().map(|f| expected.replace(&plain, f)).collect();
    assert_eq!(stdout(&out), expected);
    // score, diff, report: the same as from the plain file.
    let file = jwe("rust-file.jwe.json");
    let out = aims(&["--passphrase-file", &crlf, "score", "--json", &file]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let expected = stdout(&aims(&["score", "--json", &plain])).replace(&plain, &file);
    assert_eq!(stdout(&out), expected);
    let out = aims(&["diff", "--json", &plain, &file, "--passphrase-file", &key]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let diff: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(diff["sections"]["overall"]["delta"], 0.0, "{diff}");
    let exported = aims(&["report", &plain, "--format", "json"]).stdout;
    let file = jwe("browser-file.jwe.json");
    let out = aims(&[
        "report",
        &file,
        "--format",
        "json",
        "--passphrase-file",
        &key,
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(out.stdout == exported, "{}", stdout(&out));
    // link: an encrypted file gives the same (plain) link as its assessment.
    let out = aims(&["link", &file, "--notes", "--passphrase-file", &key]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(out.stdout, aims(&["link", &plain, "--notes"]).stdout);
    // open: links made by RustCrypto and by the browser, as an argument and from standard input.
    for link in ["rust-link.txt", "browser-link.txt"] {
        let link = fs::read_to_string(jwe(link)).unwrap();
        let out = aims(&["open", link.trim(), "--passphrase-file", &key]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(out.stdout == exported, "{}", stdout(&out));
        let piped = aims_with_input(
            &["open", "-", "--passphrase-file", &crlf],
            Some(link.as_bytes()),
        );
        assert_eq!(code(&piped), 0, "{}", stderr(&piped));
        assert!(piped.stdout == exported, "{}", stdout(&piped));
    }
}

#[test]
fn an_encrypted_input_without_its_passphrase_fails_and_says_what_to_do() {
    let plain = jwe("plain.json");
    let file = jwe("rust-file.jwe.json");
    let out = aims(&["score", &file, &plain]);
    assert_eq!(code(&out), 1);
    let errors = stderr(&out);
    assert!(
        errors.starts_with(&format!(
            "{file}: is encrypted: give its passphrase with --passphrase-file PATH"
        )),
        "{errors}"
    );
    assert!(errors.contains("aims: 1 of 2 files failed: "), "{errors}");
    // The other file is still scored.
    assert!(
        stdout(&out).contains("Harbourside Analytics"),
        "{}",
        stdout(&out)
    );
    let link = fs::read_to_string(jwe("browser-link.txt")).unwrap();
    let out = aims(&["open", link.trim()]);
    fails_with(
        &out,
        "the link: is encrypted: give its passphrase with --passphrase-file",
    );
}

#[test]
fn a_wrong_passphrase_or_a_changed_byte_fails_with_exit_1_and_says_so() {
    let dir = scratch("encrypted-wrong");
    let wrong = passphrase_file(&dir, "wrong.txt", &format!("{PASSPHRASE}s\n"));
    // A space at the end is part of the passphrase, as in the app.
    let spaced = passphrase_file(&dir, "spaced.txt", &format!("{PASSPHRASE} \n"));
    let right = passphrase_file(&dir, "right.txt", PASSPHRASE);
    let wrong_passphrase = "The passphrase is wrong, or it was changed after it was encrypted.";
    for key in [&wrong, &spaced] {
        let out = aims(&[
            "check",
            &jwe("rust-file.jwe.json"),
            "--passphrase-file",
            key,
        ]);
        fails_with(
            &out,
            format!("rust-file.jwe.json: This encrypted file cannot be opened. {wrong_passphrase}"),
        );
    }
    let link = fs::read_to_string(jwe("rust-link.txt")).unwrap();
    let out = aims(&["open", link.trim(), "--passphrase-file", &wrong]);
    fails_with(
        &out,
        format!("the link: This encrypted share link cannot be opened. {wrong_passphrase}"),
    );
    // One byte of the ciphertext changed: the right passphrase unwraps the key, the tag does not match.
    let mut file: Value =
        serde_json::from_slice(&fs::read(jwe("rust-file.jwe.json")).unwrap()).unwrap();
    let ciphertext = file["ciphertext"].as_str().unwrap().to_owned();
    let first = if ciphertext.starts_with('A') {
        "B"
    } else {
        "A"
    };
    file["ciphertext"] = Value::String(format!("{first}{}", &ciphertext[1..]));
    let changed = dir.join("changed.jwe.json");
    fs::write(&changed, serde_json::to_vec(&file).unwrap()).unwrap();
    let out = aims(&[
        "report",
        changed.to_str().unwrap(),
        "--format",
        "md",
        "--passphrase-file",
        &right,
    ]);
    fails_with(&out, "changed.jwe.json: This encrypted file cannot be opened. It was changed after it was encrypted");
}

#[test]
fn a_passphrase_file_that_cannot_be_used_stops_the_run_with_the_reason() {
    let dir = scratch("encrypted-passphrase-file");
    let plain = jwe("plain.json");
    let missing = dir.join("missing.txt");
    let out = aims(&[
        "check",
        &plain,
        "--passphrase-file",
        missing.to_str().unwrap(),
    ]);
    fails_with(
        &out,
        format!(
            "aims: the passphrase file {} cannot be read: ",
            missing.display()
        ),
    );
    for (name, bytes, reason) in [
        (
            "empty.txt",
            &b"\nsecond line\n"[..],
            "its first line is empty",
        ),
        (
            "latin1.txt",
            &b"caf\xe9\n"[..],
            "its first line is not UTF-8 text",
        ),
    ] {
        let path = dir.join(name);
        fs::write(&path, bytes).unwrap();
        let out = aims(&["check", &plain, "--passphrase-file", path.to_str().unwrap()]);
        fails_with(&out, format!("{name} cannot be used: {reason}"));
    }
    // Both from standard input cannot be: a wrong command line.
    let link = fs::read(jwe("rust-link.txt")).unwrap();
    let out = aims_with_input(&["open", "-", "--passphrase-file", "-"], Some(&link));
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("standard input"), "{}", stderr(&out));
    // The passphrase from standard input, the file named.
    let out = aims_with_input(
        &[
            "check",
            &jwe("rust-file.jwe.json"),
            "--passphrase-file",
            "-",
        ],
        Some(format!("{PASSPHRASE}\n").as_bytes()),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

// ---- batches ----------------------------------------------------------------------------------------

#[test]
fn a_batch_of_hundreds_of_files_is_scored_with_a_summary_of_the_failures() {
    let dir = scratch("batch");
    let good = fs::read(data("versions/v1.json")).unwrap();
    let mut paths = Vec::new();
    for i in 0..400 {
        let path = dir.join(format!("client-{i:03}.json"));
        let bad = i % 97 == 5;
        fs::write(&path, if bad { &b"{ cut sh"[..] } else { &good[..] }).unwrap();
        paths.push(path.to_str().unwrap().to_owned());
    }
    let mut args = vec!["score", "--json"];
    args.extend(paths.iter().map(String::as_str));
    let out = aims(&args);
    assert_eq!(code(&out), 1);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 400 - 5);
    let errors = stderr(&out);
    assert_eq!(errors.lines().count(), 5 + 1, "{errors}");
    assert!(
        errors.ends_with(&format!(
            "aims: 5 of 400 files failed: {}\n",
            [5, 102, 199, 296, 393]
                .map(|i| format!("{}/client-{i:03}.json", dir.display()))
                .join(", ")
        )),
        "{errors}"
    );
}

#[test]
fn a_closed_output_ends_the_run_quietly() {
    let file = data("versions/v1.json");
    let mut args = vec!["score".to_owned(), "--json".to_owned()];
    args.extend(std::iter::repeat_n(file, 2000));
    let mut child = Command::new(AIMS)
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    // Dropping the pipe closes it, as `| head` does.
    let out = child.wait_with_output().unwrap();
    assert_eq!(&head[..2], b"[\n");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

/// A terminal in memory: files by name, what was written, and the progress lines shown.
#[derive(Default)]
struct Memory {
    files: BTreeMap<String, Vec<u8>>,
    out: Vec<u8>,
    err: Vec<String>,
    progress: Vec<String>,
    terminal: bool,
}

impl Io for Memory {
    fn read(&mut self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
        let bytes = self
            .files
            .get(path.to_str().unwrap())
            .ok_or(std::io::ErrorKind::NotFound)?;
        Ok(bytes[..bytes.len().min(limit as usize)].to_vec())
    }
    fn out(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.out.extend_from_slice(bytes);
        Ok(())
    }
    fn err(&mut self, text: &str) {
        self.err.push(text.to_owned());
    }
    fn shows_progress(&self) -> bool {
        self.terminal
    }
    fn progress(&mut self, line: &str) {
        self.progress.push(line.to_owned());
    }
}

fn thousand_files(terminal: bool) -> (Memory, Vec<String>) {
    let good = fs::read(data("versions/v1.json")).unwrap();
    let mut memory = Memory {
        terminal,
        ..Memory::default()
    };
    let mut args = vec!["aims".to_owned(), "check".to_owned()];
    for i in 0..1000 {
        let name = format!("f{i}.json");
        let bytes = if i % 250 == 1 {
            b"[]".to_vec()
        } else {
            good.clone()
        };
        memory.files.insert(name.clone(), bytes);
        args.push(name);
    }
    (memory, args)
}

#[test]
fn a_terminal_sees_a_progress_line_that_is_removed_at_the_end() {
    let (mut memory, args) = thousand_files(true);
    assert_eq!(cli::run(&args, &mut memory), cli::EXIT_FAILED);
    let shown = &memory.progress;
    assert!(shown.len() <= 201 && shown.len() >= 100, "{}", shown.len());
    assert_eq!(shown[0], "Checked 0 of 1,000 files");
    assert!(
        shown.contains(&"Checked 5 of 1,000 files, 1 failed".to_owned()),
        "{shown:?}"
    );
    assert!(
        shown.contains(&"Checked 995 of 1,000 files, 4 failed".to_owned()),
        "{shown:?}"
    );
    assert_eq!(shown.last().unwrap(), "", "the line is removed");
    assert_eq!(
        memory.err.last().unwrap(),
        "aims: 4 of 1,000 files failed: f1.json, f251.json, f501.json, f751.json"
    );
    let out = String::from_utf8(memory.out).unwrap();
    assert_eq!(out.lines().filter(|l| l.contains(": ok: ")).count(), 996);
}

#[test]
fn without_a_terminal_there_is_no_progress_line() {
    let (mut memory, args) = thousand_files(false);
    assert_eq!(cli::run(&args, &mut memory), cli::EXIT_FAILED);
    assert!(memory.progress.is_empty());
    assert_eq!(memory.err.len(), 4 + 1);
}
