//! The quiz's result: overall readiness and band with what it means, readiness per section, the most
//! important gaps with their next steps, and what to do next: continue with the full assessment, keep
//! the result as a file or share it as a link.

use leptos::prelude::*;

use crate::quiz::{self, Screen};
use crate::share;

use super::{
    super::call_to_action::CallToAction,
    super::{dom, state::AppState},
    go,
};

/// The result screen.
#[component]
pub fn QuizResult() -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let count = quiz::questions(cat).len();
    let card = state.scorecard;
    let answered = move || state.with(|a| quiz::answered(cat, a));
    let band = move || card.with(|c| c.band);
    let gaps = move || state.with(|a| quiz::top_gaps(cat, a));
    let framed = dom::in_frame();
    let app_href = crate::site::site().app_href();
    let link = RwSignal::new(String::new());
    let link_error = RwSignal::new(String::new());

    let continuation = move || {
        let fragment = if framed {
            state.with(|a| share::to_fragment(a, false)).ok()
        } else {
            None
        };
        quiz::continuation(app_href, framed, fragment.as_deref())
    };
    let make_link = move |_| {
        let page = quiz::sibling(&dom::page_address(), app_href);
        state.make_share_link(&page, false, link, link_error);
    };

    view! {
        <h1 tabindex="-1">"Your quick-scan result"</h1>
        <section class="card quiz-score" aria-labelledby="quiz-overall" data-readiness=move || card.with(|c| c.overall.readiness_pct.map(|p| p.to_string()))>
            <h2 id="quiz-overall">"Overall readiness"</h2>
            <p class="quiz-figure">
                <span class="headline-value">{move || card.with(|c| c.overall.readiness_text())}</span>
                " "
                <span class=move || format!("band band-{}", band().map_or("none", |b| b.key()))>{move || card.with(|c| c.band_text())}</span>
            </p>
            <p>{move || quiz::band_line(band())}</p>
            <p class="hint">{move || quiz::indicative_text(answered(), count)}</p>
        </section>

        <section aria-labelledby="quiz-sections-title">
            <h2 id="quiz-sections-title">"By clause and Annex A category"</h2>
            <ul class="quiz-sections">
                {move || card.with(|c| c.sections.iter().map(|s| {
                    let pct = s.figures.readiness_pct.unwrap_or(0);
                    view! {
                        <li data-section-id=s.id.clone() data-readiness=s.figures.readiness_pct.map(|p| p.to_string())>
                            <span class="quiz-section-name">{format!("{} {}", s.id, s.title)}</span>
                            <span class="quiz-section-value">{s.figures.readiness_text()}</span>
                            <meter min="0" max="100" value=pct aria-hidden="true"></meter>
                        </li>
                    }
                }).collect_view())}
            </ul>
        </section>

        <section aria-labelledby="quiz-gaps-title">
            <h2 id="quiz-gaps-title">"Your most important gaps"</h2>
            {move || {
                let list = gaps();
                if list.is_empty() {
                    view! { <p>"No gaps: every question answered is at or above level 3, “Implemented”."</p> }.into_any()
                } else {
                    view! {
                        <ol class="quiz-gaps">
                            {list.into_iter().map(|g| view! {
                                <li data-item-id=g.item_id.clone()>
                                    <strong>{format!("{} {}", g.item_id, g.title)}</strong>
                                    <span class="hint">{format!(" ({}, target {})", g.current_text(), g.target)}</span>
                                    <p>{g.next_step}</p>
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }
            }}
        </section>

        <CallToAction />
        <section class="card" aria-labelledby="quiz-next-title">
            <h2 id="quiz-next-title">"What next"</h2>
            <p>
                "The full assessment covers all 70 requirements, with guidance, evidence, a Statement of "
                "Applicability and a draft AI policy. It starts from these answers."
            </p>
            <div class="actions">
                {move || {
                    let c = continuation();
                    view! {
                        <a class="button" href=c.href target=c.new_tab.then_some("_blank") rel=c.new_tab.then_some("noopener")>
                            "Continue with the full assessment"
                        </a>
                    }
                }}
                <button type="button" class="button secondary" on:click=move |_| go(Screen::Question(0))>"Change my answers"</button>
            </div>
            {framed.then(|| view! {
                <p class="hint">"Opens in a new tab, with your answers in the link: this page is embedded in another site, whose browser storage the full app cannot see."</p>
            })}
        </section>

        <section class="card" aria-labelledby="quiz-keep-title">
            <h2 id="quiz-keep-title">"Keep or share my result"</h2>
            <p>"Your answers are kept in this browser only. Keep a copy as a file, or make a link that holds them: anyone with the link sees your answers, and nothing is uploaded."</p>
            <div class="actions">
                <button type="button" class="button secondary" on:click=move |_| state.download_json()>"Download my answers (JSON file)"</button>
                <button type="button" class="button secondary" on:click=make_link>"Make a share link"</button>
            </div>
            <Show when=move || !link.get().is_empty()>
                <label class="field">
                    <span>"Share link"</span>
                    <input type="text" readonly class="share-link" prop:value=move || link.get() />
                </label>
            </Show>
            <Show when=move || !link_error.get().is_empty()>
                <p class="error">{move || link_error.get()}</p>
            </Show>
        </section>
    }
}
