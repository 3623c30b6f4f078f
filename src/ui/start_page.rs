//! The start page: what the tool is, the privacy promise, quick scan or full assessment, continue, import.

use leptos::prelude::*;

use crate::assessment::Mode;
use crate::markdown;
use crate::report::date_label;
use crate::route::Route;
use crate::score;

use super::{call_to_action::CallToAction, dom, import_panel::ImportPanel, state::AppState};

/// Landing page. Its wording is `content/start.toml`'s; `scripts/site_pages.py` writes the same markup (as a
/// new visitor sees it) into `index.html`, so keep the two in step (`tests/e2e/site.spec.ts` compares them).
#[component]
pub fn StartPage() -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let quick_count = score::in_scope(cat, Mode::Quick).count();
    let full_count = score::in_scope(cat, Mode::Full).count();
    let start = move |mode: Mode| {
        state.edit(|a| a.mode = mode);
        dom::navigate(&Route::Profile);
    };
    let has_data = move || {
        state
            .assessment
            .with(|a| a.as_ref().is_some_and(|a| a.has_data()))
    };
    let about = markdown::to_html(&cat.about);
    let text = &cat.start.start;

    view! {
        <h1 tabindex="-1">{text.title.as_str()}</h1>
        <p class="lead">{text.lead.as_str()}</p>
        <p class="privacy-promise">
            <strong>{text.privacy_lead.as_str()}</strong>
            {text.privacy.as_str()}
        </p>

        <Show when=has_data>
            <section class="card continue" aria-labelledby="continue-title">
                <h2 id="continue-title">"Continue where you left off"</h2>
                <p>
                    {move || state.with(|a| format!(
                        "{} ({}), last changed on {}.",
                        a.name_or("Your assessment"),
                        a.mode.label().to_lowercase(),
                        date_label(&a.updated)
                    ))}
                    " "
                    {move || format!("{} of {} questions answered.", state.scorecard.with(|c| c.overall.answered), state.scorecard.with(|c| c.overall.in_scope))}
                </p>
                <div class="actions">
                    <a class="button" href=Route::Assess(None).href()>"Continue the questions"</a>
                    <a class="button secondary" href=Route::Results.href()>"See results"</a>
                </div>
            </section>
        </Show>

        <section class="choices" aria-labelledby="choose-title">
            <h2 id="choose-title">{move || if has_data() { text.switch.as_str() } else { text.choose.as_str() }}</h2>
            <div class="choice-grid">
                <div class="card choice">
                    <button type="button" class="big" on:click=move |_| start(Mode::Quick)>{text.quick_button.as_str()}</button>
                    <p>{text.quick_text(quick_count, crate::quiz::minutes(cat))}</p>
                </div>
                <div class="card choice">
                    <button type="button" class="big" on:click=move |_| start(Mode::Full)>{text.full_button.as_str()}</button>
                    <p>{text.full_text(full_count)}</p>
                </div>
            </div>
            <Show when=has_data>
                <p class="hint">"Switching between quick scan and full assessment keeps every answer."</p>
            </Show>
        </section>

        <CallToAction />

        <ImportPanel />

        <details class="about">
            <summary>{text.about.as_str()}</summary>
            <div class="prose" inner_html=about></div>
        </details>
    }
}
