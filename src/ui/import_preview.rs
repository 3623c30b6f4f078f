//! What an import or a share link would load, shown before anything is replaced.

use leptos::prelude::*;

use crate::assessment::Assessment;
use crate::codec::Preview;
use crate::report::date_label;
use crate::score;

use super::state::AppState;

/// The organisation, date, completion and warnings of a decoded assessment, with Replace and Cancel.
#[component]
pub fn ImportPreview(
    /// The decoded assessment and its warnings.
    preview: Preview,
    /// Called with the assessment when the user confirms.
    on_confirm: Callback<Assessment>,
    /// Called when the user cancels.
    on_cancel: Callback<()>,
    /// The level of the "Ready to load" heading: 3 below the import panel's own heading, 2 directly
    /// below a page's title, so headings never skip a level.
    #[prop(default = 3)]
    heading_level: u8,
) -> impl IntoView {
    let state = AppState::expect();
    let card = score::score(state.catalogue(), &preview.assessment);
    let name = preview
        .assessment
        .name_or("An unnamed organisation")
        .to_owned();
    let mode = preview.assessment.mode.label();
    let has_current = state
        .assessment
        .with_untracked(|a| a.as_ref().is_some_and(Assessment::has_data));
    let warnings: Vec<String> = preview.warnings.iter().map(ToString::to_string).collect();
    let updated = date_label(preview.updated());
    // Moved, not copied: a file may hold any number of answers.
    let assessment = preview.assessment;
    let heading = match heading_level {
        2 => view! { <h2 id="preview-title">"Ready to load"</h2> }.into_any(),
        _ => view! { <h3 id="preview-title">"Ready to load"</h3> }.into_any(),
    };
    view! {
        <div class="preview" role="group" aria-labelledby="preview-title">
            {heading}
            <dl>
                <dt>"Organisation"</dt><dd>{name}</dd>
                <dt>"Last changed"</dt><dd>{updated}</dd>
                <dt>"Mode"</dt><dd>{mode}</dd>
                <dt>"Completion"</dt>
                <dd>{format!("{}% ({} of {} answered)", card.overall.completion_pct, card.overall.answered, card.overall.in_scope)}</dd>
            </dl>
            {(!warnings.is_empty()).then(|| view! {
                <p>"Good to know:"</p>
                <ul class="warnings">{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
            })}
            <p>{if has_current {
                "Loading replaces your current data in this browser. Your current data is kept as a backup you can restore once."
            } else {
                "Nothing is stored in this browser yet, so nothing will be replaced."
            }}</p>
            <div class="actions">
                <button type="button" on:click=move |_| on_confirm.run(assessment.clone())>"Replace my data with this assessment"</button>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </div>
    }
}
