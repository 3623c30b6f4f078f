//! The road to certification (`#/roadmap`): the planned stage 1 and stage 2 audit dates, each stage's
//! requirements ready or not with their reasons linked to items and documents, the gaps at risk for the
//! planned dates, and a one-page summary for top management (print and HTML). The rules live in
//! [`crate::roadmap`].

use leptos::prelude::*;

use crate::markdown;
use crate::report;
use crate::roadmap::{self, Readiness, Requirement, Stage};

use super::{
    dom,
    state::AppState,
    text_field::{TextField, TextKind},
};

/// The roadmap page.
#[component]
pub fn RoadmapPage() -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let readiness = Memo::new(move |_| state.with(|a| roadmap::readiness(cat, a)));
    let today = dom::today();
    let summary = {
        let today = today.clone();
        move || state.with(|a| markdown::to_html(&roadmap::summary_markdown(cat, a, &today)))
    };
    let download = move |_| {
        let (name, html) = state.with(|a| {
            (
                format!("{}-roadmap.html", report::file_stem(a)),
                roadmap::summary_html(cat, a, &dom::today()),
            )
        });
        state.offer_file(&name, "text/html", &html);
    };
    let stage1 = move || state.with(|a| a.roadmap.stage1.clone());
    let stage2 = move || state.with(|a| a.roadmap.stage2.clone());
    view! {
        <div class="screen-only">
            <h1 tabindex="-1">"Road to certification"</h1>
            <p class="lead">
                "What the certification body's stage 1 and stage 2 audits will look for, whether it is in place "
                "from your answers and your documents register, and which gaps will not be closed by the dates "
                "you plan. A self-assessment: the certification body decides."
            </p>
            <section class="card" aria-labelledby="audit-dates">
                <h2 id="audit-dates">"Planned audits"</h2>
                <div class="field-row">
                    <TextField id="stage1-date" label="Planned stage 1 audit date" kind=TextKind::Date
                        value=Signal::derive(stage1)
                        on_input=Callback::new(move |v| state.try_edit(|a| a.roadmap.stage1 = v)) />
                    <TextField id="stage2-date" label="Planned stage 2 audit date" kind=TextKind::Date
                        value=Signal::derive(stage2)
                        on_input=Callback::new(move |v| state.try_edit(|a| a.roadmap.stage2 = v)) />
                </div>
                <details class="rule">
                    <summary>"How readiness is decided"</summary>
                    <div class="prose" inner_html=markdown::to_html(roadmap::RULE_MARKDOWN)></div>
                </details>
            </section>
            {Stage::ALL.into_iter().map(|stage| view! { <StageCard stage=stage readiness=readiness /> }).collect_view()}
            <FlaggedGaps readiness=readiness />
        </div>
        <section class="card roadmap-summary" aria-labelledby="summary-title">
            <h2 id="summary-title" class="screen-only">"One-page summary for top management"</h2>
            <div class="actions screen-only">
                <button type="button" on:click=download>"Download summary (HTML)"</button>
                <button type="button" class="secondary" on:click=move |_| dom::print()>"Print summary (or save as PDF)"</button>
            </div>
            <div class="summary-body" inner_html=summary></div>
        </section>
    }
}

/// One stage: its verdict and every requirement with the reasons it is not ready.
#[component]
fn StageCard(
    /// Which audit.
    stage: Stage,
    /// Both stages' readiness.
    readiness: Memo<Readiness>,
) -> impl IntoView {
    let title_id = format!("stage-{}-title", stage.number());
    let labelled_by = title_id.clone();
    let ready = move || readiness.with(|r| r.stage(stage).is_ready());
    let requirements = move || readiness.with(|r| r.stage(stage).requirements.clone());
    view! {
        <section class="card stage" data-stage=stage.number().to_string()
            data-ready=move || ready().to_string() aria-labelledby=labelled_by>
            <h2 id=title_id>{stage.title()}</h2>
            <p>{stage.purpose()}</p>
            <p class="stage-verdict" class:ready=ready>
                <strong>{move || readiness.with(|r| r.stage(stage).verdict())}</strong>
            </p>
            <ul class="requirements">
                {move || requirements().into_iter().map(|q| view! { <RequirementRow q=q /> }).collect_view()}
            </ul>
        </section>
    }
}

/// One requirement, ready or not, with its reasons linked to their items and documents.
#[component]
fn RequirementRow(
    /// The requirement.
    q: Requirement,
) -> impl IntoView {
    let ready = q.is_ready();
    view! {
        <li class="requirement" class:ready=ready data-requirement=q.id data-ready=ready.to_string()>
            <h3>
                <span class="requirement-mark">{if ready { "Ready: " } else { "Not ready: " }}</span>
                {q.title}
            </h3>
            <p class="hint">{q.needs.clone()}</p>
            {(!ready).then(|| view! {
                <ul class="reasons">
                    {q.reasons.iter().map(|m| view! {
                        <li><a href=m.link.href()>{m.label.clone()}</a>{format!(": {}", m.problem)}</li>
                    }).collect_view()}
                </ul>
            })}
        </li>
    }
}

/// The gaps that will not be closed by the audit that needs them.
#[component]
fn FlaggedGaps(
    /// Both stages' readiness.
    readiness: Memo<Readiness>,
) -> impl IntoView {
    let flagged = move || readiness.with(|r| r.flagged.clone());
    view! {
        <section class="card flagged" aria-labelledby="flagged-title">
            <h2 id="flagged-title">"Gaps at risk for the planned dates"</h2>
            <Show when=move || !flagged().is_empty()
                fallback=|| view! { <p>{roadmap::flagged_text(0)}</p> }>
                <p>{move || roadmap::flagged_text(flagged().len())}</p>
                <ul class="flagged-gaps">
                    {move || flagged().into_iter().map(|g| view! {
                        <li data-item-id=g.item_id.clone() data-flag-stage=g.stage.number().to_string()>
                            <a href=g.href()>{format!("{} {}", g.item_id, g.title)}</a>{format!(": {}", g.problem())}
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
