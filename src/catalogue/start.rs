//! The on-disk shape of `content/start.toml`: the start page's wording, the frame around every page (skip
//! link, header, footer) and the quiz's first screen. The app's `StartPage` and `Header` and the quiz's
//! `Intro` show it, and `scripts/site_pages.py` writes the same text into the two pages as their static
//! first paint, so both say exactly the same.
//!
//! Like `schema.rs`, this file must only use `serde`: `build.rs` includes it with `#[path]`.

use serde::{Deserialize, Serialize};

/// `content/start.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartFile {
    pub frame: FrameText,
    pub start: StartText,
    pub import: ImportText,
    pub quiz: QuizText,
}

/// The header and footer of every page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameText {
    pub skip_link: String,
    /// The app's name in the header, a link to the start page.
    pub brand: String,
    /// The accessible name of the main navigation.
    pub nav_label: String,
    /// The main navigation: hash routes (`#/results`) and their labels, in order.
    pub nav: Vec<NavLink>,
    pub footer: String,
}

/// One entry of the main navigation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NavLink {
    pub href: String,
    pub label: String,
}

/// The start page as a new visitor sees it. `{quick}` and `{full}` stand for the number of questions, `{minutes}`
/// for the quick scan's estimated minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartText {
    pub title: String,
    pub lead: String,
    /// The privacy promise's bold start, then the rest.
    pub privacy_lead: String,
    pub privacy: String,
    /// The heading over the two choices, for a new visitor and for one with answers.
    pub choose: String,
    pub switch: String,
    pub quick_button: String,
    pub quick_text: String,
    pub full_button: String,
    pub full_text: String,
    /// The summary of the collapsed "about" text.
    pub about: String,
}

/// The import panel (also on the Results page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportText {
    pub title: String,
    pub text: String,
    pub file_label: String,
}

/// The quiz page's header and first screen. `{answered}` and `{count}` stand for the questions answered so
/// far and the number of questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizText {
    /// The page's name in its header, after the host's logo and name.
    pub brand: String,
    pub title: String,
    pub lead: String,
    /// The privacy promise's bold start, then the rest.
    pub privacy_lead: String,
    pub privacy: String,
    pub start_button: String,
    /// Shown instead of `start_button` when an unfinished quick scan is stored.
    pub resume_button: String,
    pub restart_button: String,
}

impl QuizText {
    /// The button that continues an unfinished quick scan, with how far it got.
    pub fn resume_button(&self, answered: usize, count: usize) -> String {
        self.resume_button
            .replace("{answered}", &answered.to_string())
            .replace("{count}", &count.to_string())
    }
}

impl StartText {
    /// The quick scan's description with its number of questions and the minutes it takes
    /// ([`crate::quiz::minutes`], the quiz page's estimate).
    pub fn quick_text(&self, quick: usize, minutes: usize) -> String {
        self.quick_text
            .replace("{quick}", &quick.to_string())
            .replace("{minutes}", &minutes.to_string())
    }

    /// The full assessment's description with its number of questions.
    pub fn full_text(&self, full: usize) -> String {
        self.full_text.replace("{full}", &full.to_string())
    }
}
