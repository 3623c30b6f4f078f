//! The site header: the hosting site's logo and name, the app's name, navigation and the save indicator.

use leptos::prelude::*;

use crate::codec;
use crate::route::Route;

use super::{
    site_mark::SiteMark,
    state::{AppState, SaveStatus},
};

/// Logo and name of the hosting site (if `site.toml` has them) and the app's name, a link to the start page;
/// links to every page (the current one marked) and the "Saved locally" indicator. Its wording is
/// `content/start.toml`'s, which `scripts/site_pages.py` also writes into the static start page.
#[component]
pub fn Header() -> impl IntoView {
    let state = AppState::expect();
    let frame = &state.catalogue().start.frame;
    let link = move |href: &'static str, label: &'static str| {
        let route = Route::parse(href);
        let current = move || {
            let now = state.route.get();
            let same = match (&now, &route) {
                (Route::Assess(_), Route::Assess(_)) => true,
                (a, b) => a == b,
            };
            same.then_some("page")
        };
        view! { <li><a href=href aria-current=current>{label}</a></li> }
    };
    view! {
        <header class="site-header">
            <a class="brand" href="#/">
                <SiteMark />
                <span class="brand-app">{frame.brand.as_str()}</span>
            </a>
            <nav aria-label=frame.nav_label.as_str()>
                <ul>
                    {frame.nav.iter().map(|n| link(n.href.as_str(), n.label.as_str())).collect_view()}
                </ul>
            </nav>
            <p class="save-indicator" role="status">
                {move || match state.save.get() {
                    SaveStatus::Idle => String::new(),
                    SaveStatus::Saved(at) => format!("Saved locally at {at}"),
                    SaveStatus::Failed(_) => "Not saved".to_owned(),
                }}
            </p>
            {move || codec::size_note(state.stored_bytes.get()).map(|note| view! {
                <p class="size-indicator">{note}</p>
            })}
        </header>
    }
}
