//! Markdown in and out: escaping user text before it goes into Markdown, and rendering Markdown to HTML
//! with every piece of raw HTML shown as text, so nothing a user or a file typed can become markup.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag};

/// Escapes text typed by a user so that Markdown shows it literally: no emphasis, code, links, HTML, table
/// cells or block markers (headings, lists, quotes). Line breaks become spaces, so one field cannot start a
/// new block. Only the characters that could mean something are escaped, so the Markdown stays readable.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        let at_line_start = out.chars().all(|c| c == ' ');
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '&' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // An entity rather than a backslash, so no renderer of the exported Markdown can see a tag.
            '<' => out.push_str("&lt;"),
            // Block markers only count at the start of a line, where a caller may put this text.
            '#' | '+' | '-' | '>' | '=' if at_line_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')'
                if !out.trim_start().is_empty()
                    && out.trim_start().chars().all(|d| d.is_ascii_digit()) =>
            {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Renders Markdown to an HTML fragment. Raw HTML is shown as text, and links or images whose address
/// is not a plain `https:`, `http:`, `mailto:` or in-page address lose the address.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            title,
            id,
            ..
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: CowStr::Borrowed(""),
            title,
            id,
        }),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let allowed = ["https:", "http:", "mailto:", "#"]
        .iter()
        .any(|p| lower.starts_with(p));
    if allowed {
        url
    } else {
        CowStr::Borrowed("")
    }
}

/// The style sheet of every exported HTML document: readable on screen, clean on A4 or Letter paper. Long
/// unbroken text (a name without spaces, a pasted URL) wraps wherever it must, tables too, so a document
/// is never wider than a phone's screen or the paper.
const DOCUMENT_CSS: &str = "\
:root{color-scheme:light dark}\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.5;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff;overflow-wrap:anywhere}\
h1,h2,h3{line-height:1.25}h1{font-size:1.8rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}\
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.92rem}\
th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#eef1f5}\
code{font-family:ui-monospace,monospace}blockquote{border-left:4px solid #999;margin-left:0;padding-left:1rem;color:#333}\
@media (prefers-color-scheme:dark){body{background:#15171a;color:#e8e8e8}th{background:#2a2f36}th,td{border-color:#555}blockquote{color:#ccc}}\
@media print{body{max-width:none;margin:0;color:#000;background:#fff}h2{break-after:avoid}tr,li{break-inside:avoid}a{color:#000}\
th{background:#eee!important;-webkit-print-color-adjust:exact;print-color-adjust:exact}}\
@page{size:auto;margin:18mm}";

/// A complete, self-contained HTML document (inline CSS, no scripts, nothing loaded from anywhere) from a
/// title and a Markdown body. Its own Content-Security-Policy forbids scripts and every request.
pub fn html_document(title: &str, markdown: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{DOCUMENT_CSS}</style>\n\
</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
        escape_html(title),
        to_html(markdown)
    )
}
