//! The public quiz (`quiz.html`): the quick scan alone, one question per screen, for a phone. This module
//! decides what the quiz shows and where it writes: its screens and their addresses, the questions in
//! order, the honest time estimate, the result's band sentence and top gaps, which stored assessment the
//! answers go to, and where "continue with the full assessment" leads. The page itself (`ui::quiz`) only
//! shows what these functions return.

use crate::assessment::{Assessment, Mode};
use crate::catalogue::{Catalogue, Item};
use crate::gaps::{self, Gap};
use crate::score::{self, Band};

/// Words a minute a reader gets through on a phone, for the estimate: a deliberately slow pace for
/// questions that need a moment's thought.
pub const READING_WORDS_PER_MINUTE: usize = 180;
/// Seconds to choose a level and move on, per question.
pub const SECONDS_PER_ANSWER: usize = 5;
/// The result lists at most this many gaps.
pub const TOP_GAPS: usize = 5;

/// One screen of the quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// What the quiz is, the time it takes and the start button.
    Intro,
    /// Question `n` (0-based) of [`questions`].
    Question(usize),
    /// Readiness, the top gaps and what to do next.
    Result,
}

impl Screen {
    /// The screen a location hash names (`#/`, `#/question/3`, `#/result`); a question number outside
    /// `1 ..= count` or anything else is the intro.
    pub fn parse(hash: &str, count: usize) -> Screen {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.trim_end_matches('/');
        if path == "result" {
            return Screen::Result;
        }
        match path.strip_prefix("question/").map(str::parse::<usize>) {
            Some(Ok(n)) if (1..=count).contains(&n) => Screen::Question(n - 1),
            _ => Screen::Intro,
        }
    }

    /// The hash of this screen, the inverse of [`Screen::parse`].
    pub fn href(self) -> String {
        match self {
            Screen::Intro => "#/".to_owned(),
            Screen::Question(n) => format!("#/question/{}", n + 1),
            Screen::Result => "#/result".to_owned(),
        }
    }

    /// The screen "Back" leads to, with `count` questions.
    pub fn back(self, count: usize) -> Screen {
        match self {
            Screen::Intro | Screen::Question(0) => Screen::Intro,
            Screen::Question(n) => Screen::Question(n - 1),
            Screen::Result if count == 0 => Screen::Intro,
            Screen::Result => Screen::Question(count - 1),
        }
    }

    /// The screen "Next" leads to, with `count` questions.
    pub fn next(self, count: usize) -> Screen {
        match self {
            Screen::Intro => Screen::Question(0),
            Screen::Question(n) if n + 1 < count => Screen::Question(n + 1),
            Screen::Question(_) | Screen::Result => Screen::Result,
        }
    }
}

/// The quiz's questions: the quick-scan items, in the standard's order.
pub fn questions(cat: &Catalogue) -> Vec<&Item> {
    score::in_scope(cat, Mode::Quick).collect()
}

/// "Question 3 of 22".
pub fn progress_text(index: usize, count: usize) -> String {
    format!("Question {} of {count}", index + 1)
}

/// The words the quiz asks a user to read: every question, and the generic maturity scale (the six level
/// names and meanings shown with each question) once, since it is the same on every screen.
pub fn words_to_read(cat: &Catalogue) -> usize {
    let questions: usize = questions(cat)
        .iter()
        .map(|item| words(&item.question))
        .sum();
    let scale: usize = cat
        .levels
        .iter()
        .map(|l| words(&l.name) + words(&l.meaning))
        .sum();
    questions + scale
}

/// Minutes the quiz takes, rounded up: [`words_to_read`] at [`READING_WORDS_PER_MINUTE`], plus
/// [`SECONDS_PER_ANSWER`] per question.
pub fn minutes(cat: &Catalogue) -> usize {
    let seconds = words_to_read(cat) * 60 / READING_WORDS_PER_MINUTE
        + questions(cat).len() * SECONDS_PER_ANSWER;
    seconds.div_ceil(60).max(1)
}

/// "22 questions, about 6 minutes".
pub fn estimate_text(cat: &Catalogue) -> String {
    let n = questions(cat).len();
    let m = minutes(cat);
    let minutes = if m == 1 { "minute" } else { "minutes" };
    format!("{n} questions, about {m} {minutes}")
}

/// How the estimate is made, in one sentence, so that it can be checked.
pub fn estimate_basis() -> String {
    format!(
        "Estimated from the questions' length, read at {READING_WORDS_PER_MINUTE} words a minute, and {SECONDS_PER_ANSWER} seconds to answer each."
    )
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// One line on what a band means for the organisation.
pub fn band_meaning(band: Band) -> &'static str {
    match band {
        Band::EarlyStage => "Most of what the standard asks is not in place yet: start with scope, policy, roles and an AI risk assessment.",
        Band::Developing => "Some foundations are there, but many requirements are only partly in place or not applied consistently.",
        Band::NearlyReady => "Most requirements are in place; close the remaining gaps before booking a certification audit.",
        Band::AuditReady => "The answers suggest every requirement asked is in place; a full assessment would confirm it before an audit.",
    }
}

/// The result's line under the score: what the band means, or that there is no score yet.
pub fn band_line(band: Option<Band>) -> &'static str {
    band.map_or("Answer at least one question to see a score.", band_meaning)
}

/// Why the result is indicative, with how much of the quiz was answered.
pub fn indicative_text(answered: usize, count: usize) -> String {
    format!(
        "Indicative: {answered} of {count} questions answered, one or a few per clause and Annex A category. Unanswered questions count as level 0."
    )
}

/// The most important gaps for the result screen: the first [`TOP_GAPS`] of the action plan (clause
/// requirements first, then the largest shortfall).
pub fn top_gaps(cat: &Catalogue, a: &Assessment) -> Vec<Gap> {
    let mut list = gaps::gaps(cat, a);
    list.truncate(TOP_GAPS);
    list
}

/// Where the quiz's answers go, given the assessment this browser has open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The open assessment is a quick scan: the quiz continues it.
    Continue,
    /// The open assessment holds nothing yet: the quiz makes it a quick scan.
    Convert,
    /// Nothing is open, or the open assessment is a full assessment with answers: the quiz starts a new
    /// library entry, so a full assessment never changes mode or answers behind its owner's back.
    StartNew,
}

/// Which assessment the quiz writes to ([`Target`]).
pub fn target(open: Option<&Assessment>) -> Target {
    match open {
        None => Target::StartNew,
        Some(a) if a.mode == Mode::Quick => Target::Continue,
        Some(a) if !a.has_data() => Target::Convert,
        Some(_) => Target::StartNew,
    }
}

/// The first question without an answer, where "Continue" resumes; the result when all are answered.
pub fn resume_at(cat: &Catalogue, a: &Assessment) -> Screen {
    questions(cat)
        .iter()
        .position(|item| a.answer(&item.id).is_none())
        .map_or(Screen::Result, Screen::Question)
}

/// An unfinished quick scan the intro offers to continue: how many questions it answers and where it
/// resumes. `None` when the open assessment is not a quick scan or answers none of the questions.
pub fn resumable(cat: &Catalogue, open: Option<&Assessment>) -> Option<(usize, Screen)> {
    let a = open.filter(|a| a.mode == Mode::Quick)?;
    let answered = answered(cat, a);
    (answered > 0).then(|| (answered, resume_at(cat, a)))
}

/// How many of the quiz's questions `a` answers.
pub fn answered(cat: &Catalogue, a: &Assessment) -> usize {
    questions(cat)
        .iter()
        .filter(|item| a.answer(&item.id).is_some())
        .count()
}

/// Where "Continue with the full assessment" leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Continuation {
    pub href: String,
    /// Open in a new tab: inside another site's frame, where the frame's storage is not the one the full
    /// app sees, so the answers travel in the link's fragment instead.
    pub new_tab: bool,
}

/// The link to the full app (`app_href`, "index.html" or "app.html"): its results page when it shares
/// this page's storage, or the share link `fragment` (`share=…`) in a new tab when framed.
pub fn continuation(app_href: &str, framed: bool, fragment: Option<&str>) -> Continuation {
    match (framed, fragment) {
        (true, Some(fragment)) => Continuation {
            href: format!("{app_href}#{fragment}"),
            new_tab: true,
        },
        _ => Continuation {
            href: format!("{app_href}#/results"),
            new_tab: false,
        },
    }
}

/// The address of `file` beside the page at `page` (an absolute address, its query and fragment dropped):
/// the full app's address from the quiz's.
pub fn sibling(page: &str, file: &str) -> String {
    let page = page.split(['#', '?']).next().unwrap_or_default();
    match page.rfind('/') {
        Some(slash) => format!("{}{file}", &page[..=slash]),
        None => file.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Level;
    use crate::catalogue::catalogue;

    #[test]
    fn screens_round_trip_through_their_address() {
        let count = questions(catalogue()).len();
        let mut screens = vec![Screen::Intro, Screen::Result];
        screens.extend((0..count).map(Screen::Question));
        for screen in screens {
            assert_eq!(Screen::parse(&screen.href(), count), screen);
        }
        assert_eq!(Screen::parse("#/question/0", count), Screen::Intro);
        assert_eq!(
            Screen::parse(&format!("#/question/{}", count + 1), count),
            Screen::Intro
        );
        assert_eq!(Screen::parse("#/question/x", count), Screen::Intro);
        assert_eq!(Screen::parse("", count), Screen::Intro);
    }

    #[test]
    fn next_and_back_walk_every_question_in_order() {
        let count = 3;
        let mut screen = Screen::Intro;
        let mut seen = vec![screen];
        while screen != Screen::Result {
            screen = screen.next(count);
            seen.push(screen);
        }
        assert_eq!(
            seen,
            [
                Screen::Intro,
                Screen::Question(0),
                Screen::Question(1),
                Screen::Question(2),
                Screen::Result
            ]
        );
        assert_eq!(Screen::Result.back(count), Screen::Question(2));
        assert_eq!(Screen::Question(2).back(count), Screen::Question(1));
        assert_eq!(Screen::Question(0).back(count), Screen::Intro);
    }

    #[test]
    fn the_questions_are_the_quick_scan_in_order() {
        let cat = catalogue();
        let ids: Vec<&str> = questions(cat).iter().map(|i| i.id.as_str()).collect();
        let quick: Vec<&str> = cat
            .items()
            .filter(|i| i.quick)
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(ids, quick);
        assert!(ids.len() >= 16, "every section has a quick item");
    }

    #[test]
    fn the_estimate_follows_its_stated_basis() {
        let cat = catalogue();
        let words = words_to_read(cat);
        let n = questions(cat).len();
        let seconds = words * 60 / READING_WORDS_PER_MINUTE + n * SECONDS_PER_ANSWER;
        assert_eq!(minutes(cat), seconds.div_ceil(60));
        // Today's content: 22 short questions and the scale; the page promises what this computes.
        assert!((3..=10).contains(&minutes(cat)), "{} minutes", minutes(cat));
        assert!(estimate_text(cat).starts_with(&format!("{n} questions, about ")));
    }

    #[test]
    fn a_full_assessment_with_answers_is_never_taken_over() {
        let cat = catalogue();
        let mut full = Assessment::new(Mode::Full, "2026-01-01T00:00:00Z");
        assert_eq!(target(Some(&full)), Target::Convert);
        full.set_level(cat, "4.1", Level::new(2).unwrap()).unwrap();
        assert_eq!(target(Some(&full)), Target::StartNew);
        let mut quick = Assessment::new(Mode::Quick, "2026-01-01T00:00:00Z");
        assert_eq!(target(Some(&quick)), Target::Continue);
        quick.set_level(cat, "4.1", Level::new(2).unwrap()).unwrap();
        assert_eq!(target(Some(&quick)), Target::Continue);
        assert_eq!(target(None), Target::StartNew);
    }

    #[test]
    fn resume_goes_to_the_first_unanswered_question() {
        let cat = catalogue();
        let qs = questions(cat);
        let mut a = Assessment::new(Mode::Quick, "2026-01-01T00:00:00Z");
        assert_eq!(resume_at(cat, &a), Screen::Question(0));
        a.set_level(cat, &qs[0].id, Level::new(3).unwrap()).unwrap();
        assert_eq!(resume_at(cat, &a), Screen::Question(1));
        assert_eq!(answered(cat, &a), 1);
        for item in &qs {
            a.set_level(cat, &item.id, Level::new(1).unwrap()).unwrap();
        }
        assert_eq!(resume_at(cat, &a), Screen::Result);
        assert_eq!(answered(cat, &a), qs.len());
    }

    #[test]
    fn only_a_started_quick_scan_is_offered_to_continue() {
        let cat = catalogue();
        let qs = questions(cat);
        let mut quick = Assessment::new(Mode::Quick, "2026-01-01T00:00:00Z");
        assert_eq!(resumable(cat, Some(&quick)), None);
        quick
            .set_level(cat, &qs[0].id, Level::new(2).unwrap())
            .unwrap();
        assert_eq!(resumable(cat, Some(&quick)), Some((1, Screen::Question(1))));
        let mut full = quick.clone();
        full.mode = Mode::Full;
        assert_eq!(resumable(cat, Some(&full)), None);
        assert_eq!(resumable(cat, None), None);
    }

    #[test]
    fn top_gaps_are_the_head_of_the_action_plan() {
        let cat = catalogue();
        let mut a = Assessment::new(Mode::Quick, "2026-01-01T00:00:00Z");
        for item in questions(cat) {
            a.set_level(cat, &item.id, Level::new(1).unwrap()).unwrap();
        }
        let top = top_gaps(cat, &a);
        assert_eq!(top.len(), TOP_GAPS);
        assert_eq!(top[..], gaps::gaps(cat, &a)[..TOP_GAPS]);
        assert!(top.iter().all(|g| !g.next_step.is_empty()));
        for item in questions(cat) {
            a.set_level(cat, &item.id, Level::new(5).unwrap()).unwrap();
        }
        assert!(top_gaps(cat, &a).is_empty());
    }

    /// The quiz page embeds a trimmed catalogue: every stored or exchanged assessment must read and write
    /// exactly as in the full app, or a quiz answer could drop what the full assessment holds.
    #[test]
    fn the_quiz_catalogue_reads_and_writes_every_file_as_the_full_app_does() {
        use crate::catalogue::{quiz_bundle, Catalogue};
        use crate::codec;
        let full = catalogue();
        let quiz = &Catalogue::from_bundle(quiz_bundle());
        let mut files = Vec::new();
        for dir in [
            "tests/data/good",
            "tests/data/versions",
            "tests/data/app-exports/full",
            "tests/data/app-exports/hostile-quick",
        ] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "json") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() >= 5, "{files:?}");
        for path in files {
            let bytes = std::fs::read(&path).unwrap();
            let (Ok(a), Ok(b)) = (codec::decode(&bytes, full), codec::decode(&bytes, quiz)) else {
                assert_eq!(
                    codec::decode(&bytes, full).is_ok(),
                    codec::decode(&bytes, quiz).is_ok(),
                    "{path:?}"
                );
                continue;
            };
            assert_eq!(a.assessment, b.assessment, "{path:?}");
            assert_eq!(
                codec::encode(&a.assessment, full).unwrap(),
                codec::encode(&b.assessment, quiz).unwrap(),
                "{path:?}"
            );
            assert_eq!(
                score::score(full, &a.assessment).overall,
                score::score(quiz, &b.assessment).overall
            );
        }
        // What the quiz shows is all there.
        for (f, q) in questions(full).iter().zip(questions(quiz)) {
            assert_eq!(
                (&f.id, &f.question, &f.levels, &f.next_step),
                (&q.id, &q.question, &q.levels, &q.next_step)
            );
            assert!(!q.guidance.is_empty(), "{}", q.id);
            assert!(
                !q.guidance.contains(['*', '`']) && !q.guidance.contains("]("),
                "{}: {}",
                q.id,
                q.guidance
            );
        }
    }

    #[test]
    fn the_result_lines_say_what_they_must() {
        assert_eq!(
            band_line(None),
            "Answer at least one question to see a score."
        );
        assert_eq!(
            band_line(Some(Band::Developing)),
            band_meaning(Band::Developing)
        );
        assert!(indicative_text(3, 22).starts_with("Indicative: 3 of 22 questions answered"));
    }

    #[test]
    fn every_band_has_its_own_sentence() {
        let lines: std::collections::HashSet<&str> =
            Band::ALL.iter().map(|&b| band_meaning(b)).collect();
        assert_eq!(lines.len(), Band::ALL.len());
    }

    #[test]
    fn the_full_app_is_found_beside_the_quiz() {
        assert_eq!(
            sibling(
                "https://example.org/tools/quiz.html?x=1#/result",
                "index.html"
            ),
            "https://example.org/tools/index.html"
        );
        assert_eq!(
            sibling("https://example.org/", "app.html"),
            "https://example.org/app.html"
        );
        assert_eq!(sibling("quiz.html", "index.html"), "index.html");
    }

    #[test]
    fn framed_quizzes_continue_in_a_new_tab_with_the_answers_in_the_fragment() {
        let framed = continuation("index.html", true, Some("share=abc"));
        assert_eq!(framed.href, "index.html#share=abc");
        assert!(framed.new_tab);
        let same_site = continuation("app.html", false, Some("share=abc"));
        assert_eq!(same_site.href, "app.html#/results");
        assert!(!same_site.new_tab);
    }
}
