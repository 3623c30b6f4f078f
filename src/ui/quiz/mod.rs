//! The quiz page (`quiz.html`, the `quiz` binary): the quick scan alone, one question per screen, for a
//! phone. It shares the app's state, storage and components ([`AppState`], [`LiveRegion`], the level
//! radios, the site's footer and call to action),
//! so its answers are stored, checked and merged with other tabs exactly as the full app's are; what
//! each screen shows and where the answers go is decided in [`crate::quiz`]. One component per file.

mod intro;
mod question;
mod result;

use leptos::ev;
use leptos::prelude::*;

use crate::quiz::{self, Screen};

use super::{
    dom, live_region::LiveRegion, site_footer::SiteFooter, site_mark::SiteMark, state::AppState,
};

/// Replaces quiz.html's start-up message, or the static first screen `scripts/site_pages.py` wrote
/// (every element marked `data-static`), with the quiz.
pub fn mount() {
    super::in_next_task(|| {
        // A tap on the static Start button before this code ran (scripts/site_pages.py's loader marks it
        // busy and goes to the first question): the question then gets the focus the tap would have moved.
        let tapped = dom::exists("[data-static] [data-start][aria-busy]");
        dom::remove_by_id("boot");
        dom::remove_all("[data-static]");
        leptos::mount::mount_to_body(QuizApp);
        if tapped {
            request_animation_frame(|| dom::focus("main h1"));
        }
    });
}

/// The whole page: the host's name, the current screen, the live regions and the privacy line.
#[component]
fn QuizApp() -> impl IntoView {
    let state = AppState::provide();
    let count = quiz::questions(state.catalogue()).len();
    let screen = RwSignal::new(Screen::parse(&dom::hash(), count));
    let on_hash = window_event_listener(ev::hashchange, move |_| {
        screen.set(Screen::parse(&dom::hash(), count));
    });
    on_cleanup(move || on_hash.remove());
    // Each new screen starts at the top, with keyboard and screen-reader focus on its heading.
    Effect::new(move |previous: Option<Screen>| {
        let now = screen.get();
        if previous.is_some_and(|p| p != now) {
            dom::scroll_to_top();
            request_animation_frame(|| dom::focus("main h1"));
        }
        now
    });

    let page = move || match screen.get() {
        Screen::Intro => view! { <intro::Intro /> }.into_any(),
        Screen::Question(index) => view! { <question::Question index=index /> }.into_any(),
        Screen::Result => view! { <result::QuizResult /> }.into_any(),
    };
    view! {
        <header class="site-header quiz-header">
            <p class="brand">
                <SiteMark />
                <span class="brand-app">{state.catalogue().start.quiz.brand.as_str()}</span>
            </p>
        </header>
        <main id="main" class="quiz" tabindex="-1">{page}</main>
        <LiveRegion />
        <SiteFooter />
    }
}

/// Moves to another screen.
fn go(screen: Screen) {
    dom::go_to_hash(&screen.href());
}
