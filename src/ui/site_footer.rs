//! The footer of every page: the privacy line and the hosting site's links (imprint, privacy notice).

use leptos::prelude::*;

use crate::catalogue::catalogue;
use crate::site;

/// The footer. `scripts/site_pages.py` writes the same markup into the static start page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let links = &site::site().footer;
    view! {
        <footer class="site-footer">
            <p>{catalogue().start.frame.footer.clone()}</p>
            {(!links.is_empty()).then(|| view! {
                <ul class="footer-links">
                    {links.iter().map(|l| view! { <li><a href=l.url.clone()>{l.text.clone()}</a></li> }).collect_view()}
                </ul>
            })}
        </footer>
    }
}
