//! The site header: name, navigation and the save indicator.

use leptos::prelude::*;

use crate::codec;
use crate::route::Route;

use super::state::{AppState, SaveStatus};

/// Site name, links to every page (the current one marked) and the "Saved locally" indicator.
#[component]
pub fn Header() -> impl IntoView {
    let state = AppState::expect();
    let link = move |route: Route, label: &'static str| {
        let href = route.href();
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
            <a class="brand" href="#/">"ISO/IEC 42001 readiness"</a>
            <nav aria-label="Main">
                <ul>
                    {link(Route::Start, "Start")}
                    {link(Route::Assessments, "Assessments")}
                    {link(Route::Profile, "Profile")}
                    {link(Route::Assess(None), "Questions")}
                    {link(Route::Results, "Results")}
                    {link(Route::Soa, "SoA")}
                    {link(Route::Policy, "AI policy")}
                    {link(Route::Documents, "Documents")}
                    {link(Route::Roadmap, "Roadmap")}
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
