//! Reads `content/` (TOML and Markdown) and embeds it as one postcard bundle in `OUT_DIR`, so the browser
//! build ships no TOML parser and reads its content without parsing JSON. A file that does not parse fails
//! the build with its path and the parser's message; the content rules themselves are checked by
//! `aims_readiness::catalogue::validate` in `cargo test`.
//!
//! It also checks the site's settings (`content/site.toml`, or the file the `SITE` variable names) with the
//! core's own rules (`src/site/`) and embeds them the same way; a problem fails the build, naming the file
//! and the field.

use std::fs;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/catalogue/schema.rs"]
mod schema;

#[allow(dead_code)]
#[path = "src/catalogue/documents.rs"]
mod documents;
#[allow(dead_code)]
#[path = "src/catalogue/exclusion.rs"]
mod exclusion;
#[allow(dead_code)]
#[path = "src/catalogue/start.rs"]
mod start;

// The site's settings: the same checks the core runs, here before anything is built.
#[allow(dead_code)]
#[path = "src/site/colour.rs"]
mod colour;
#[allow(dead_code)]
#[path = "src/site/config.rs"]
mod config;
#[allow(dead_code)]
#[path = "src/site/link.rs"]
mod link;
#[allow(dead_code)]
#[path = "src/site/theme.rs"]
mod theme;

use documents::DocumentsFile;
use schema::{AnnexCFile, ContentBundle, CrosswalkFile, LevelsFile, SectionFile};
use start::StartFile;

fn main() {
    let content = Path::new("content");
    println!("cargo:rerun-if-changed=content");

    let bundle = match read_bundle(content) {
        Ok(bundle) => bundle,
        Err(message) => {
            eprintln!("content error: {message}");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bytes = postcard::to_allocvec(&bundle).expect("content bundle serialises");
    fs::write(out.join("content.postcard"), bytes).expect("OUT_DIR is writable");
    // The quiz page's bundle: the same structure with only the text it shows (`ContentBundle::for_quiz`).
    let quiz = postcard::to_allocvec(&bundle.for_quiz()).expect("quiz bundle serialises");
    fs::write(out.join("content-quiz.postcard"), quiz).expect("OUT_DIR is writable");

    // `make build SITE=path/to/site.toml` builds for another site.
    println!("cargo:rerun-if-env-changed=SITE");
    let site_path = std::env::var("SITE").unwrap_or_else(|_| "content/site.toml".to_owned());
    let site = match read_site(Path::new(&site_path)) {
        Ok(site) => site,
        Err(message) => {
            eprintln!("site error:\n{message}");
            std::process::exit(1);
        }
    };
    let bytes = postcard::to_allocvec(&site).expect("site serialises");
    fs::write(out.join("site.postcard"), bytes).expect("OUT_DIR is writable");
}

/// Reads and checks the site file; an error names the file and the field.
fn read_site(path: &Path) -> Result<config::Site, String> {
    println!("cargo:rerun-if-changed={}", display(path));
    let file: config::SiteFile = parse_toml(path)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    config::check(&file, |logo| {
        let logo = dir.join(logo);
        println!("cargo:rerun-if-changed={}", display(&logo));
        fs::read(&logo).map_err(|e| e.to_string())
    })
    .map_err(|errors| config::errors_text(&display(path), &errors))
}

fn read_bundle(content: &Path) -> Result<ContentBundle, String> {
    let mut sections = Vec::new();
    for path in sorted_files(&content.join("sections"), "toml")? {
        let file: SectionFile = parse_toml(&path)?;
        sections.push((display(&path), file));
    }
    let mut policy_templates = Vec::new();
    for path in sorted_files(&content.join("policy"), "md")? {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        policy_templates.push((stem, read(&path)?));
    }
    Ok(ContentBundle {
        sections,
        levels: parse_toml::<LevelsFile>(&content.join("levels.toml"))?,
        annex_c: parse_toml::<AnnexCFile>(&content.join("annex_c.toml"))?,
        crosswalks: parse_toml::<CrosswalkFile>(&content.join("crosswalks.toml"))?,
        about: read(&content.join("about.md"))?,
        policy_templates,
        documents: parse_toml::<DocumentsFile>(&content.join("documents.toml"))?,
        start: parse_toml::<StartFile>(&content.join("start.toml"))?,
    })
}

fn sorted_files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", display(dir)))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(ext))
        .collect();
    files.sort();
    Ok(files)
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", display(path)))
}

fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    toml::from_str(&read(path)?).map_err(|e| format!("{}: {e}", display(path)))
}

fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
