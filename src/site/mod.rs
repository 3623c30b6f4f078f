//! The hosting site's settings (`content/site.toml`, or the file `SITE` names at build time): its name,
//! logo, accent colour, page title and description, call to action, footer links and which page
//! `index.html` is.
//!
//! `build.rs` includes `colour.rs`, `theme.rs`, `link.rs` and `config.rs` with `#[path]`, checks the file
//! with [`check`] and embeds the [`Site`] as postcard; [`site`] decodes it once. The HTML pages get the same
//! file's title, description, accent and logo from `scripts/site_pages.py` after the build.

pub mod colour;
mod config;
pub mod link;
pub mod theme;

use std::sync::OnceLock;

pub use config::{
    accent_problems, check, errors_text, logo_extension, logo_problem, Entry, LinkFile, Site,
    SiteError, SiteFile, MAX_FOOTER_LINKS, MAX_LOGO_BYTES,
};
pub use link::{call_to_action_note, Link};

/// The settings this build embeds, decoded once.
pub fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    // Written by our own build script from a file it has just checked, so it always decodes.
    SITE.get_or_init(|| {
        postcard::from_bytes(include_bytes!(concat!(env!("OUT_DIR"), "/site.postcard")))
            .expect("build.rs writes a valid site")
    })
}
