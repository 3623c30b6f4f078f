//! User text can never become markup: not in Markdown, not in HTML.

use aims_readiness::markdown::{escape, escape_html, html_document, to_html};

const HOSTILE: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "**bold** _em_ # heading",
    "<a href=\"https://evil.example\">x</a>",
];

#[test]
fn escaped_user_text_renders_as_the_same_text() {
    for text in HOSTILE {
        let html = to_html(&escape(text));
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<a "), "{html}");
        assert!(!html.contains("<strong>"), "{html}");
        assert!(!html.contains("<h1>"), "{html}");
        assert!(
            html.contains(&escape_html(&text.replace('\n', " "))[..5]),
            "{text} -> {html}"
        );
    }
}

#[test]
fn raw_html_in_markdown_is_shown_as_text() {
    let html = to_html(
        "Hello <script>alert(1)</script> and <img src=x onerror=alert(1)>\n\n<div>block</div>",
    );
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<div>"));
    assert!(html.contains("&lt;script&gt;"));
}

#[test]
fn javascript_links_lose_their_address() {
    let html = to_html(
        "[x](javascript:alert(1)) [y](https://example.org) ![i](https://example.org/a.png)",
    );
    assert!(!html.contains("javascript:"));
    assert!(html.contains("href=\"https://example.org\""));
    assert!(
        !html.contains("a.png"),
        "images never load anything: {html}"
    );
}

#[test]
fn a_document_has_no_script_and_forbids_requests() {
    let doc = html_document("Report <for> \"ACME\"", "# Title\n\nText");
    assert!(doc.starts_with("<!DOCTYPE html>"));
    assert!(doc.contains("<title>Report &lt;for&gt; &quot;ACME&quot;</title>"));
    assert!(doc.contains("default-src 'none'"));
    assert!(!doc.contains("<script"));
    assert!(doc.contains("<h1>Title</h1>"));
}

#[test]
fn line_breaks_in_a_field_cannot_start_a_new_block() {
    let html = to_html(&format!("Name: {}", escape("ACME\n# Owned\n- item")));
    assert!(!html.contains("<h1>"));
    assert!(!html.contains("<li>"));
}

#[test]
fn escaping_keeps_plain_text_readable_and_block_markers_inert() {
    assert_eq!(
        escape("Acme Ltd. (UK): 1.0 - draft"),
        "Acme Ltd. (UK): 1.0 - draft"
    );
    for text in [
        "# Owned",
        "- item",
        "+ item",
        "> quote",
        "1. first",
        "  2) second",
        "=== ",
        "| a | b |",
    ] {
        let html = to_html(&escape(text));
        for tag in [
            "<h1>",
            "<li>",
            "<ol",
            "<ul>",
            "<blockquote>",
            "<table>",
            "<h2>",
        ] {
            assert!(!html.contains(tag), "{text:?} became {html}");
        }
    }
}

#[test]
fn exported_markdown_never_holds_a_tag_a_lax_renderer_could_run() {
    for text in HOSTILE {
        assert!(!escape(text).contains('<'), "{text:?} -> {}", escape(text));
    }
}
