//! The browser shell (wasm32 only): Leptos components that show what the core computes and wire events to
//! core calls. [`storage`] is the only module that touches localStorage, [`tabs`] the only one that talks
//! to other tabs; [`dom`] wraps the other browser APIs. One component per file.

mod assess_page;
mod bar_chart;
mod call_to_action;
mod choice;
mod compare_page;
mod crypto;
mod data_panel;
mod documents_page;
mod dom;
mod encrypted_export;
mod export_panel;
mod header;
mod import_actions;
mod import_panel;
mod import_preview;
mod item_card;
mod level_radio;
mod library_entry;
mod library_page;
mod live_region;
mod look_page;
mod not_found;
mod passphrase_field;
mod passphrase_prompt;
mod policy_page;
mod profile_page;
pub mod quiz;
mod radar_chart;
mod results_page;
mod roadmap_page;
mod section_nav;
mod share_page;
mod site_footer;
mod site_mark;
mod soa_page;
mod start_page;
mod state;
mod storage;
mod storage_banner;
mod table_scroll;
mod tabs;
mod text_field;
mod unreadable_banner;

use leptos::ev;
use leptos::prelude::*;

use crate::route::Route;

use state::AppState;

/// Replaces what index.html shows before the app runs with the app: the start-up message (`#boot`), or the
/// static start page `scripts/site_pages.py` wrote (every element marked `data-static`). Both go in the
/// same task as the app's first render, so the browser never paints the page without either.
pub fn mount() {
    in_next_task(|| {
        dom::remove_by_id("boot");
        dom::remove_all("[data-static]");
        leptos::mount::mount_to_body(App);
    });
}

/// Decodes the content bundle now and runs `mount` in a task of its own. The wasm's start (finishing its
/// compilation, instantiating it) and the first render are then two tasks instead of one long one, so the
/// page can take an input in between; the static page stays on screen meanwhile.
pub(crate) fn in_next_task(mount: impl FnOnce() + 'static) {
    let _ = crate::catalogue::catalogue();
    set_timeout(mount, std::time::Duration::ZERO);
}

/// The whole app: header, the page for the current route, live regions and footer.
#[component]
fn App() -> impl IntoView {
    let state = AppState::provide();
    let on_hash = window_event_listener(ev::hashchange, move |_| {
        state.route.set(Route::parse(&dom::hash()));
    });
    on_cleanup(move || on_hash.remove());

    // After moving to another page, start at the top and put keyboard focus on the page's heading.
    Effect::new(move |previous: Option<Route>| {
        let route = state.route.get();
        if previous.is_some_and(|p| p != route) {
            dom::scroll_to_top();
            request_animation_frame(|| dom::focus("main h1"));
        }
        route
    });

    let page = move || match state.route.get() {
        Route::Start => view! { <start_page::StartPage /> }.into_any(),
        Route::Profile => view! { <profile_page::ProfilePage /> }.into_any(),
        Route::Assess(section) => view! { <assess_page::AssessPage section=section /> }.into_any(),
        Route::Results => view! { <results_page::ResultsPage /> }.into_any(),
        Route::Soa => view! { <soa_page::SoaPage /> }.into_any(),
        Route::Policy => view! { <policy_page::PolicyPage /> }.into_any(),
        Route::Documents => view! { <documents_page::DocumentsPage /> }.into_any(),
        Route::Roadmap => view! { <roadmap_page::RoadmapPage /> }.into_any(),
        Route::Assessments => view! { <library_page::LibraryPage /> }.into_any(),
        Route::Look => view! { <look_page::LookPage /> }.into_any(),
        Route::Compare(first, second) => {
            view! { <compare_page::ComparePage first=first second=second /> }.into_any()
        }
        Route::Share(payload) => view! { <share_page::SharePage payload=payload /> }.into_any(),
        Route::NotFound(path) => view! { <not_found::NotFound path=path /> }.into_any(),
    };

    view! {
        <a class="skip-link" href="#main" on:click=move |e| {
            e.prevent_default();
            dom::focus("#main");
        }>{state.catalogue().start.frame.skip_link.clone()}</a>
        <header::Header />
        <unreadable_banner::UnreadableBanner />
        <storage_banner::StorageBanner />
        <main id="main" tabindex="-1">{page}</main>
        <live_region::LiveRegion />
        <site_footer::SiteFooter />
    }
}
