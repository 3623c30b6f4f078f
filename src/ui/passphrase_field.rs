//! One labelled passphrase input: hidden as typed, never given a `name` (so no form could ever send it)
//! and never bound to the model, so it is not stored or saved anywhere.

use leptos::prelude::*;

/// A password input with its label; the caller reads the value through `node_ref` when it needs it.
#[component]
pub fn PassphraseField(
    /// The input's id (the label points at it).
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// `new-password` where one is chosen, `current-password` where one is asked for.
    autocomplete: &'static str,
    /// The input, to read and clear it.
    node_ref: NodeRef<leptos::html::Input>,
    /// The id of the text that describes the field, if any.
    #[prop(optional)]
    described_by: Option<&'static str>,
    /// Called with the text on every keystroke, if given.
    #[prop(optional)]
    on_input: Option<Callback<String>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="password" autocomplete=autocomplete spellcheck="false"
                autocapitalize="off" aria-describedby=described_by node_ref=node_ref
                on:input=move |ev| {
                    if let Some(on_input) = on_input {
                        on_input.run(event_target_value(&ev));
                    }
                } />
        </div>
    }
}
