//! The start page: what the tool is, the privacy promise, quick scan or full assessment, continue, import.

use leptos::prelude::*;

use crate::assessment::Mode;
use crate::markdown;
use crate::report::date_label;
use crate::route::Route;
use crate::score;

use super::{dom, import_panel::ImportPanel, state::AppState};

/// Landing page.
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

    view! {
        <h1 tabindex="-1">"ISO/IEC 42001 readiness self-assessment"</h1>
        <p class="lead">
            "See how ready your organisation's AI management system is for ISO/IEC 42001:2023: every "
            "clause requirement and Annex A control explained in plain language, a readiness score per "
            "clause and control category, your gaps, a Statement of Applicability and a draft AI policy."
        </p>
        <p class="privacy-promise">
            <strong>"Private by design: "</strong>
            "everything you enter stays in this browser and nothing is sent anywhere. "
            "To wipe it, use “Delete all local data” on the Results page."
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
            <h2 id="choose-title">{move || if has_data() { "Or switch mode" } else { "Choose how to start" }}</h2>
            <div class="choice-grid">
                <div class="card choice">
                    <button type="button" class="big" on:click=move |_| start(Mode::Quick)>"Quick scan"</button>
                    <p>{format!("{quick_count} key questions, about 5 minutes. An indicative score across every clause and control category.")}</p>
                </div>
                <div class="card choice">
                    <button type="button" class="big" on:click=move |_| start(Mode::Full)>"Full assessment"</button>
                    <p>{format!("All {full_count} requirements: the 32 clause requirements and 38 Annex A controls. Work through it over several sessions.")}</p>
                </div>
            </div>
            <Show when=has_data>
                <p class="hint">"Switching between quick scan and full assessment keeps every answer."</p>
            </Show>
        </section>

        <ImportPanel />

        <details class="about">
            <summary>"About ISO/IEC 42001 and this tool"</summary>
            <div class="prose" inner_html=about></div>
        </details>
    }
}
