//! The list of sections with their progress, beside the questionnaire.

use leptos::prelude::*;

use crate::catalogue::SectionKind;
use crate::route::Route;

use super::state::AppState;

/// Every section in scope with "answered / in scope", the current one marked.
#[component]
pub fn SectionNav(
    /// The section shown now.
    current: String,
) -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let entry = move |kind: SectionKind| {
        let current = current.clone();
        cat.sections
            .iter()
            .filter(move |s| s.kind == kind)
            .map(move |s| {
                let id = s.id.clone();
                let is_current = s.id == current;
                let figures = move || state.scorecard.with(|c| c.section(&id).map(|s| (s.figures.progress_text(), s.figures.is_complete())));
                let progress_label = {
                    let figures = figures.clone();
                    move || figures().map(|(text, _)| text).unwrap_or_default()
                };
                view! {
                    <li class:done=move || figures().is_some_and(|(_, done)| done)>
                        <a href=Route::Assess(Some(s.id.clone())).href() aria-current=is_current.then_some("page")>
                            <span class="nav-id">{s.id.clone()}</span>
                            <span class="nav-title">{s.title.clone()}</span>
                            <span class="nav-progress">
                                <span class="visually-hidden">" answered: "</span>
                                {progress_label}
                            </span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let clauses = entry(SectionKind::Clause);
    let annex = entry(SectionKind::AnnexA);
    view! {
        <nav class="section-nav" aria-label="Questionnaire sections">
            <h2 class="nav-heading">"Clauses 4–10"</h2>
            <ul>{clauses}</ul>
            <h2 class="nav-heading">"Annex A controls"</h2>
            <ul>{annex}</ul>
        </nav>
    }
}
