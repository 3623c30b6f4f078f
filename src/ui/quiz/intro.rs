//! The quiz's first screen: what it is, how long it takes, that nothing leaves the browser, and the
//! button that starts it (or continues an unfinished one).

use leptos::prelude::*;

use crate::quiz::{self, Screen};

use super::{super::call_to_action::CallToAction, super::state::AppState, go};

/// The first screen.
#[component]
pub fn Intro() -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let count = quiz::questions(cat).len();
    // An unfinished quick scan in this browser is continued where it stopped.
    let resumable = move || state.assessment.with(|a| quiz::resumable(cat, a.as_ref()));
    view! {
        <h1 tabindex="-1">"How ready is your AI management system for ISO/IEC 42001?"</h1>
        <p class="lead">
            "Answer one question per screen about how your organisation governs AI today, and see an "
            "indicative readiness score for ISO/IEC 42001:2023, by clause and Annex A category, with your "
            "most important gaps and the next step for each."
        </p>
        <p class="quiz-estimate"><strong>{quiz::estimate_text(cat)}</strong>". "{quiz::estimate_basis()}</p>
        <p class="privacy-promise">
            <strong>"Private by design: "</strong>
            "your answers stay in this browser and nothing is sent anywhere."
        </p>
        <CallToAction />
        <div class="actions quiz-start">
            {move || match resumable() {
                Some((answered, at)) => view! {
                    <button type="button" class="button big" on:click=move |_| go(at)>
                        {format!("Start where you left off ({answered} of {count} answered)")}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| go(Screen::Question(0))>
                        "Start from the first question"
                    </button>
                }.into_any(),
                None => view! {
                    <button type="button" class="button big" on:click=move |_| go(Screen::Question(0))>
                        "Start the quick scan"
                    </button>
                }.into_any(),
            }}
        </div>
    }
}
