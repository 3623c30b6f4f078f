//! The hosting site's call to action (`site.toml`): a plain link, with the sentence that says it carries
//! none of the answers.

use leptos::prelude::*;

use crate::site;

/// The call to action, or nothing when the site has none. `scripts/site_pages.py` writes the same markup
/// into the static start page.
#[component]
pub fn CallToAction() -> impl IntoView {
    let site = site::site();
    site.call_to_action.as_ref().map(|link| {
        view! {
            <div class="cta">
                <a class="button cta-link" href=link.url.clone() rel="noreferrer">{link.text.clone()}</a>
                <p class="cta-note">{site.call_to_action_note()}</p>
            </div>
        }
    })
}
