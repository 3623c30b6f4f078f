//! The hosting site's logo and name (`site.toml`), shown before the app's name in both pages' headers.

use leptos::prelude::*;

use crate::site;

/// The logo (in a fixed box, so the header never moves when it loads) and the name, each only if the
/// site has one.
#[component]
pub fn SiteMark() -> impl IntoView {
    let site = site::site();
    view! {
        {site.logo.as_deref().map(|src| view! {
            <img class="site-logo" src=src alt="" width="96" height="32" />
        })}
        {site.name.as_deref().map(|name| view! { <span class="site-name">{name}</span> })}
    }
}
