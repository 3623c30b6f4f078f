//! `content/site.toml`, the hosting site's settings, and every rule it must meet. `build.rs` reads the
//! file, calls [`check`] (with the logo's bytes) and embeds the resulting [`Site`]; an error fails the
//! build and names the field.

use serde::{Deserialize, Serialize};

use super::colour::{self, Rgb, AA_TEXT};
use super::link::{self, Allowed, Link};
use super::theme::{self, Theme};

/// The most links a footer holds.
pub const MAX_FOOTER_LINKS: usize = 6;
/// The largest logo file, in bytes: it is part of every first load.
pub const MAX_LOGO_BYTES: usize = 100 * 1024;

/// `site.toml` as written.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    pub name: Option<String>,
    pub logo: Option<String>,
    pub accent: String,
    pub accent_dark: Option<String>,
    pub title: String,
    pub description: String,
    pub call_to_action: Option<LinkFile>,
    #[serde(default)]
    pub footer: Vec<LinkFile>,
    pub index: String,
}

/// A link as written in `site.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkFile {
    pub text: String,
    pub url: String,
}

/// Which page `index.html` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entry {
    /// The full app is `index.html` (and the quiz `quiz.html`).
    App,
    /// The quiz is `index.html` (and the full app `app.html`).
    Quiz,
}

/// The checked settings of the site this build is for. Postcard is positional: every field is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    /// The hosting organisation, shown on both pages.
    pub name: Option<String>,
    /// The logo's address in `dist/`: `site-logo.svg` or `site-logo.png`.
    pub logo: Option<String>,
    /// `#rrggbb`, lower case: the light theme's accent and the browser's theme colour.
    pub accent: String,
    /// `#rrggbb`: the dark theme's accent; `None` keeps the stylesheet's own.
    pub accent_dark: Option<String>,
    /// Both pages' `<title>`.
    pub title: String,
    /// Both pages' meta description.
    pub description: String,
    pub call_to_action: Option<Link>,
    pub footer: Vec<Link>,
    pub index: Entry,
}

impl Site {
    /// The full app's page.
    pub fn app_href(&self) -> &'static str {
        match self.index {
            Entry::App => "index.html",
            Entry::Quiz => "app.html",
        }
    }

    /// The quiz's page.
    pub fn quiz_href(&self) -> &'static str {
        match self.index {
            Entry::App => "quiz.html",
            Entry::Quiz => "index.html",
        }
    }

    /// The sentence beside the call to action, if there is one.
    pub fn call_to_action_note(&self) -> Option<String> {
        self.call_to_action
            .as_ref()
            .map(|l| link::call_to_action_note(&l.url))
    }
}

/// One problem with `site.toml`: the field (`accent`, `footer[1].url`) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteError {
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for SiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Every problem, one per line, each prefixed with the file: what the build prints.
pub fn errors_text(path: &str, errors: &[SiteError]) -> String {
    errors
        .iter()
        .map(|e| format!("{path}: {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The problems of one accent colour in one theme: each use of it that falls below WCAG AA.
pub fn accent_problems(accent: Rgb, theme: &Theme) -> Vec<String> {
    theme
        .pairs()
        .into_iter()
        .filter_map(|(use_, other)| {
            let ratio = colour::contrast(accent, other);
            (ratio < AA_TEXT).then(|| {
                format!(
                    "{} gives {} contrast {} in the {} theme; needs {AA_TEXT}:1",
                    accent.hex(),
                    colour::ratio_text(ratio),
                    use_.describe(other),
                    theme.name
                )
            })
        })
        .collect()
}

/// Checks a text field: trimmed, not empty, at most `max` characters, no control characters.
fn text(errors: &mut Vec<SiteError>, field: &str, value: &str, max: usize) -> String {
    let value = value.trim();
    let mut fail = |message: String| {
        errors.push(SiteError {
            field: field.to_owned(),
            message,
        })
    };
    if value.is_empty() {
        fail("is empty".into());
    } else if value.chars().count() > max {
        fail(format!(
            "has {} characters; at most {max} fit",
            value.chars().count()
        ));
    } else if value.chars().any(char::is_control) {
        fail("contains a control character (a line break or tab)".into());
    }
    value.to_owned()
}

fn checked_link(
    errors: &mut Vec<SiteError>,
    field: &str,
    def: &LinkFile,
    allowed: Allowed,
) -> Link {
    let text = text(errors, &format!("{field}.text"), &def.text, 80);
    let url = def.url.trim().to_owned();
    if let Some(problem) = link::url_problem(&url, allowed) {
        errors.push(SiteError {
            field: format!("{field}.url"),
            message: format!("{url:?} {problem}"),
        });
    }
    Link { text, url }
}

/// The logo's file type from its path, if it is an SVG or PNG file.
pub fn logo_extension(path: &str) -> Option<&'static str> {
    let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "svg" => Some("svg"),
        "png" => Some("png"),
        _ => None,
    }
}

/// Why these bytes are not a usable logo of type `ext`, or `None`.
pub fn logo_problem(ext: &str, bytes: &[u8]) -> Option<String> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Some(format!(
            "is {} bytes; at most {MAX_LOGO_BYTES} (every first visit loads it)",
            bytes.len()
        ));
    }
    if ext == "png" {
        return (!bytes.starts_with(b"\x89PNG\r\n\x1a\n"))
            .then(|| "is not a PNG file (it lacks the PNG signature)".to_owned());
    }
    let Ok(svg) = std::str::from_utf8(bytes) else {
        return Some("is not an SVG file (not UTF-8 text)".into());
    };
    let lower = svg.to_ascii_lowercase();
    if !lower.contains("<svg") {
        return Some("is not an SVG file (no <svg> element)".into());
    }
    ["<script", "<foreignobject", "javascript:", "<iframe"]
        .into_iter()
        .find(|bad| lower.contains(bad))
        .map(|bad| format!("contains {bad}: a logo holds only drawing, no script or embedded page"))
}

/// Checks `site.toml` and returns the settings to embed, or every problem. `read_logo` reads the logo
/// file named in the TOML (a path relative to it); it is only called for an SVG or PNG path.
pub fn check(
    file: &SiteFile,
    read_logo: impl FnOnce(&str) -> Result<Vec<u8>, String>,
) -> Result<Site, Vec<SiteError>> {
    let mut errors = Vec::new();
    let fail = |errors: &mut Vec<SiteError>, field: &str, message: String| {
        errors.push(SiteError {
            field: field.to_owned(),
            message,
        })
    };

    let name = file
        .name
        .as_deref()
        .map(|n| text(&mut errors, "name", n, 80));
    let logo = match file.logo.as_deref().map(str::trim) {
        None => None,
        Some(path) => match logo_extension(path) {
            None => {
                fail(
                    &mut errors,
                    "logo",
                    format!("{path:?} must be an .svg or .png file"),
                );
                None
            }
            Some(_) if path.starts_with('/') || path.contains("://") || path.contains('\\') => {
                fail(
                    &mut errors,
                    "logo",
                    format!("{path:?} must be a path relative to site.toml (like logo.svg)"),
                );
                None
            }
            Some(ext) => {
                match read_logo(path) {
                    Err(e) => fail(&mut errors, "logo", format!("{path:?} cannot be read: {e}")),
                    Ok(bytes) => {
                        if let Some(problem) = logo_problem(ext, &bytes) {
                            fail(&mut errors, "logo", format!("{path:?} {problem}"));
                        }
                    }
                }
                if name.is_none() {
                    fail(
                        &mut errors,
                        "logo",
                        "needs `name` as well: the name is shown beside the logo and is its text"
                            .into(),
                    );
                }
                Some(format!("site-logo.{ext}"))
            }
        },
    };

    let mut colour_field = |field: &str, value: &str, theme: &Theme| match Rgb::parse(value.trim())
    {
        None => {
            fail(
                &mut errors,
                field,
                format!("{value:?} is not a colour written as #rrggbb (like #1d4e89)"),
            );
            value.trim().to_owned()
        }
        Some(rgb) => {
            for problem in accent_problems(rgb, theme) {
                fail(&mut errors, field, problem);
            }
            rgb.hex()
        }
    };
    let accent = colour_field("accent", &file.accent, &theme::LIGHT);
    let accent_dark = file
        .accent_dark
        .as_deref()
        .map(|a| colour_field("accent_dark", a, &theme::DARK));

    let title = text(&mut errors, "title", &file.title, 120);
    let description = text(&mut errors, "description", &file.description, 300);
    let call_to_action = file
        .call_to_action
        .as_ref()
        .map(|def| checked_link(&mut errors, "call_to_action", def, Allowed::External));
    if file.footer.len() > MAX_FOOTER_LINKS {
        fail(
            &mut errors,
            "footer",
            format!(
                "has {} links; at most {MAX_FOOTER_LINKS} fit",
                file.footer.len()
            ),
        );
    }
    let footer = file
        .footer
        .iter()
        .enumerate()
        .map(|(i, def)| {
            checked_link(
                &mut errors,
                &format!("footer[{i}]"),
                def,
                Allowed::ExternalOrLocal,
            )
        })
        .collect();
    let index = match file.index.trim() {
        "app" => Entry::App,
        "quiz" => Entry::Quiz,
        other => {
            fail(
                &mut errors,
                "index",
                format!("{other:?} must be \"app\" (the full app is index.html) or \"quiz\" (the quiz is)"),
            );
            Entry::App
        }
    };

    if errors.is_empty() {
        Ok(Site {
            name,
            logo,
            accent,
            accent_dark,
            title,
            description,
            call_to_action,
            footer,
            index,
        })
    } else {
        Err(errors)
    }
}
