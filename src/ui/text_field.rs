//! One labelled text input, date input or text area, the way every form here shows them.

use leptos::prelude::*;

/// What kind of control a [`TextField`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// A one-line text input.
    Line,
    /// A multi-line text area.
    Area,
    /// A date picker (the value is YYYY-MM-DD or empty).
    Date,
}

/// A label and its control; every keystroke is passed on.
#[component]
pub fn TextField(
    /// The control's id (the label points at it).
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The kind of control.
    kind: TextKind,
    /// The longest text accepted.
    #[prop(default = 5000)]
    max: usize,
    /// An example shown while empty.
    #[prop(optional, into)]
    placeholder: Option<String>,
    /// An `autocomplete` hint for the browser.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every input.
    on_input: Callback<String>,
) -> impl IntoView {
    let input = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    let control = match kind {
        TextKind::Area => view! {
            <textarea id=id.clone() rows="3" maxlength=max placeholder=placeholder
                prop:value=move || value.get() on:input=input></textarea>
        }
        .into_any(),
        TextKind::Line => view! {
            <input id=id.clone() type="text" maxlength=max placeholder=placeholder autocomplete=autocomplete
                prop:value=move || value.get() on:input=input />
        }
        .into_any(),
        TextKind::Date => view! {
            <input id=id.clone() type="date" prop:value=move || value.get() on:input=input />
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
        </div>
    }
}
