//! One checkbox or radio button with its label and an optional hint, the way every form here shows them.

use leptos::prelude::*;

/// A labelled checkbox or radio button.
#[component]
pub fn Choice(
    /// "checkbox" or "radio".
    kind: &'static str,
    /// The input's id (the label points at it).
    #[prop(into)]
    id: String,
    /// The radio group's name.
    #[prop(optional, into)]
    name: Option<String>,
    /// The input's `value` (a radio group's stable key, for automation and forms).
    #[prop(optional, into)]
    value: Option<String>,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// A line of explanation under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Whether it is checked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new checked state.
    on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="check">
            <input type=kind id=id.clone() name=name value=value prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev)) />
            <label for=id>
                <strong>{label}</strong>
                {hint.map(|h| view! { <span class="hint">{h}</span> })}
            </label>
        </div>
    }
}
