//! What an import or a share link would load, shown before anything is kept: add it as a new assessment
//! (the default), replace the open one (which stays in the library), or just look at it.

use leptos::prelude::*;

use crate::assessment::Assessment;
use crate::codec::Preview;
use crate::library;
use crate::score;

use super::state::AppState;

/// The organisation, last change, completion and warnings of a decoded assessment, with the choices.
#[component]
pub fn ImportPreview(
    /// The decoded assessment and its warnings.
    preview: Preview,
    /// Called with the assessment to keep it as a new assessment.
    on_add: Callback<Assessment>,
    /// Called with the assessment to put it in place of the open one (kept in the library).
    on_replace: Callback<Assessment>,
    /// Called with the assessment to show it read-only, keeping nothing.
    on_look: Callback<Assessment>,
    /// Called when the user cancels.
    on_cancel: Callback<()>,
    /// The level of the "Ready to load" heading: 3 below the import panel's own heading, 2 directly
    /// below a page's title, so headings never skip a level.
    #[prop(default = 3)]
    heading_level: u8,
) -> impl IntoView {
    let state = AppState::expect();
    let card = score::score(state.catalogue(), &preview.assessment);
    let organisation = preview
        .assessment
        .name_or("An unnamed organisation")
        .to_owned();
    let own_name = preview.assessment.name.trim().to_owned();
    let mode = preview.assessment.mode.label();
    let open_label = state
        .assessment
        .with_untracked(|a| a.as_ref().filter(|a| a.has_data()).map(library::label_of));
    let kept = library::listed(&state.entries.get_untracked()).len();
    let warnings: Vec<String> = preview.warnings.iter().map(ToString::to_string).collect();
    let updated = library::when_label(preview.updated());
    // Moved, not copied: a file may hold any number of answers.
    let assessment = StoredValue::new(preview.assessment);
    let take = move || assessment.with_value(Clone::clone);
    let heading = match heading_level {
        2 => view! { <h2 id="preview-title">"Ready to load"</h2> }.into_any(),
        _ => view! { <h3 id="preview-title">"Ready to load"</h3> }.into_any(),
    };
    let replace = open_label.clone().map(|label| {
        view! {
            <button type="button" class="secondary" on:click=move |_| on_replace.run(take())>
                {format!("Replace “{label}” with this file")}
            </button>
        }
    });
    view! {
        <div class="preview" role="group" aria-labelledby="preview-title">
            {heading}
            <dl>
                {(!own_name.is_empty()).then(|| view! { <dt>"Name"</dt><dd>{own_name.clone()}</dd> })}
                <dt>"Organisation"</dt><dd>{organisation}</dd>
                <dt>"Last changed"</dt><dd>{updated}</dd>
                <dt>"Mode"</dt><dd>{mode}</dd>
                <dt>"Completion"</dt>
                <dd>{format!("{}% ({} of {} answered)", card.overall.completion_pct, card.overall.answered, card.overall.in_scope)}</dd>
            </dl>
            {(!warnings.is_empty()).then(|| view! {
                <p>"Good to know:"</p>
                <ul class="warnings">{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
            })}
            <p>{match (&open_label, kept) {
                (_, 0) => "Nothing is stored in this browser yet: it becomes your first assessment.".to_owned(),
                (Some(label), _) => format!("Adding keeps it beside your {kept} other assessment(s); nothing is replaced. Replacing puts it in place of “{label}”, whose current content stays in your list of assessments."),
                (None, _) => format!("Adding keeps it beside your {kept} other assessment(s); nothing is replaced."),
            }}</p>
            <div class="actions wrap">
                <button type="button" on:click=move |_| on_add.run(take())>"Add as a new assessment"</button>
                {replace}
                <button type="button" class="secondary" on:click=move |_| on_look.run(take())>"Just look at it"</button>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </div>
    }
}
