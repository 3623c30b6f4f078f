//! `#/look`: an imported file or share link shown read-only. It is kept nowhere: leaving the page or
//! reloading forgets it, unless the user adds it.

use leptos::prelude::*;

use crate::library;
use crate::route::Route;
use crate::score;

use super::{dom, import_actions, state::AppState, table_scroll::TableScroll};

/// The read-only view of an assessment that is not kept.
#[component]
pub fn LookPage() -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let Some(a) = state.viewing.get_untracked() else {
        return view! {
            <h1 tabindex="-1">"Nothing to look at"</h1>
            <p>"A file or link you only looked at is not kept, so it is gone after leaving the page. Import it again to look at it."</p>
            <p><a href=Route::Assessments.href()>"Your assessments"</a></p>
        }
        .into_any();
    };
    let card = score::score(cat, &a);
    let label = library::label_of(&a);
    let updated = library::when_label(&a.updated);
    let rows = card.sections.clone();
    let kept = StoredValue::new(a);
    let add = move |_| {
        if import_actions::add(state, kept.with_value(Clone::clone)) {
            state.viewing.set(None);
            dom::navigate(&Route::Results);
        }
    };
    let close = move |_| {
        state.viewing.set(None);
        state.status("Closed; nothing was kept.");
        dom::navigate(&Route::Assessments);
    };
    view! {
        <h1 tabindex="-1">{format!("Looking at “{label}”")}</h1>
        <p class="banner banner-info">"Read-only and not kept: nothing from this file is stored in this browser unless you add it."</p>
        <dl class="look-facts">
            <dt>"Last changed"</dt><dd>{updated}</dd>
            <dt>"Mode"</dt><dd>{kept.with_value(|a| a.mode.label())}</dd>
            <dt>"Overall readiness"</dt><dd data-section-id="overall">{card.overall.readiness_text()}</dd>
            <dt>"Completion"</dt><dd>{card.overall.completion_text()}</dd>
        </dl>
        <div class="actions">
            <button type="button" on:click=add>"Add as a new assessment"</button>
            <button type="button" class="secondary" on:click=close>"Close without keeping"</button>
        </div>
        <TableScroll label="Readiness per section">
            <table class="scores">
                <caption>"Readiness per section"</caption>
                <thead><tr><th scope="col">"Section"</th><th scope="col">"Readiness"</th><th scope="col">"Completion"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|s| view! {
                        <tr>
                            <th scope="row">{format!("{} {}", s.id, s.title)}</th>
                            <td data-section-id=s.id.clone()>{s.figures.readiness_text()}</td>
                            <td>{s.figures.completion_text()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </TableScroll>
    }
    .into_any()
}
