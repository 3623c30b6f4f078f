//! Prints one questionnaire section as a static HTML page with no script: the reference the benchmark
//! (`tests/bench/bench.mjs`) compares the app's start-up with, since no app can show the same questions
//! faster than the browser parses them.
//!
//! `cargo run --example static_page -- [SECTION] [STYLESHEET]` (defaults: section 4, no stylesheet).
//! Built natively from the same embedded content as the app, so both always hold the same questions.

use aims_readiness::catalogue::catalogue;
use aims_readiness::markdown::{escape_html, to_html};

fn main() {
    let mut args = std::env::args().skip(1);
    let section_id = args.next().unwrap_or_else(|| "4".to_owned());
    let stylesheet = args.next();
    let cat = catalogue();
    let Some(section) = cat.section(&section_id) else {
        eprintln!("static_page: no section {section_id} in the catalogue");
        std::process::exit(2);
    };

    let mut html = String::new();
    html.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.push_str(&format!(
        "<title>{} {}</title>\n",
        escape_html(&section.id),
        escape_html(&section.title)
    ));
    if let Some(href) = stylesheet {
        html.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"{}\">\n",
            escape_html(&href)
        ));
    }
    html.push_str("</head>\n<body>\n<main id=\"main\">\n");
    html.push_str(&format!(
        "<h1>{} {}</h1>\n<p>{}</p>\n",
        escape_html(&section.id),
        escape_html(&section.title),
        escape_html(&section.summary)
    ));
    for item in &section.items {
        let id = escape_html(&item.id);
        html.push_str(&format!(
            "<fieldset data-item-id=\"{id}\">\n<legend>{id} {}</legend>\n<p>{}</p>\n",
            escape_html(&item.title),
            escape_html(&item.question)
        ));
        for (n, descriptor) in item.levels.iter().enumerate() {
            let name = cat.level(n as u8).map(|l| l.name.as_str()).unwrap_or("");
            html.push_str(&format!(
                "<label><input type=\"radio\" name=\"level-{id}\" value=\"{n}\"> {n} {}: {}</label>\n",
                escape_html(name),
                escape_html(descriptor)
            ));
        }
        if item.allows_not_applicable() {
            html.push_str(&format!(
                "<label><input type=\"radio\" name=\"level-{id}\" value=\"na\"> Not applicable</label>\n\
                 <label>Justification <textarea></textarea></label>\n"
            ));
        }
        html.push_str(&format!(
            "<details><summary>Guidance</summary>\n{}</details>\n",
            to_html(&item.guidance)
        ));
        html.push_str("<label>Notes <textarea></textarea></label>\n</fieldset>\n");
    }
    html.push_str("</main>\n</body>\n</html>\n");
    print!("{html}");
}
