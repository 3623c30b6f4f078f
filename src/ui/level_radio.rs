//! One maturity level (or "not applicable") as a radio button with its name and description: the way the
//! questionnaire and the quiz show the levels.

use leptos::prelude::*;

/// A level radio: `value` is the level's number ("0" … "5") or "na", as automation expects.
#[component]
pub fn LevelRadio(
    /// The input's id (the label points at it).
    #[prop(into)]
    id: String,
    /// The radio group's name, `level-<item ID>`.
    #[prop(into)]
    group: String,
    #[prop(into)] value: String,
    /// "3 · Implemented", or "Not applicable".
    #[prop(into)]
    name: String,
    /// What the level means for this item, or in general.
    #[prop(into)]
    description: String,
    #[prop(into)] checked: Signal<bool>,
    /// Called when the user picks this level.
    on_choose: Callback<()>,
    /// An extra class beside `level`.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    view! {
        <div class=format!("level {class}")>
            <input type="radio" id=id.clone() name=group value=value prop:checked=move || checked.get()
                on:change=move |_| on_choose.run(()) />
            <label for=id>
                <span class="level-name">{name}</span>
                <span class="level-desc">{description}</span>
            </label>
        </div>
    }
}
