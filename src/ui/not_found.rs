//! The page for an address the app does not know.

use leptos::prelude::*;

/// Says what was not found and links back to the start.
#[component]
pub fn NotFound(
    /// The unknown path, as typed after `#/`.
    path: String,
) -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Page not found"</h1>
        <p>"There is no page “" {path} "” in this app. Your data is unchanged."</p>
        <p><a href="#/">"Go to the start page"</a></p>
    }
}
