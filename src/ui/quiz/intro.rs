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
    let text = &cat.start.quiz;
    let count = quiz::questions(cat).len();
    // An unfinished quick scan in this browser is continued where it stopped.
    let resumable = move || state.assessment.with(|a| quiz::resumable(cat, a.as_ref()));
    // The same markup as the static first screen scripts/site_pages.py writes into the page (the start
    // button included: `data-start` is what its early handler listens to before this code runs).
    view! {
        <h1 tabindex="-1">{text.title.as_str()}</h1>
        <p class="lead">{text.lead.as_str()}</p>
        <p class="quiz-estimate"><strong>{quiz::estimate_text(cat)}</strong>". "{quiz::estimate_basis()}</p>
        <p class="privacy-promise"><strong>{text.privacy_lead.as_str()}</strong>{text.privacy.as_str()}</p>
        <CallToAction />
        <div class="actions quiz-start">
            {move || match resumable() {
                Some((answered, at)) => view! {
                    <button type="button" class="button big" on:click=move |_| go(at)>
                        {text.resume_button(answered, count)}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| go(Screen::Question(0))>
                        {text.restart_button.as_str()}
                    </button>
                }.into_any(),
                None => view! {
                    <button type="button" class="button big" data-start="" on:click=move |_| go(Screen::Question(0))>
                        {text.start_button.as_str()}
                    </button>
                }.into_any(),
            }}
        </div>
    }
}
