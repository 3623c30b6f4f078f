//! One labelled text input, date input or text area, the way every form here shows them.
//!
//! Input is checked where it is typed, by the rules the file format reads with: a date must be a real
//! date in the years a person means, a text at most the field's characters (counted as the reader counts
//! them, with a counter near the limit), and the whole assessment within what a file can hold. Text that
//! fails is neither cut nor saved: it stays in the field with the reason beside it, and what was stored
//! before stays stored.

use leptos::prelude::*;

use crate::codec;

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

/// A label and its control; every keystroke is passed on once it passes the field's checks.
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
    /// The most characters accepted.
    #[prop(default = 5000)]
    max: usize,
    /// Visible lines of a text area.
    #[prop(default = 3)]
    rows: u32,
    /// An example shown while empty.
    #[prop(optional, into)]
    placeholder: Option<String>,
    /// An `autocomplete` hint for the browser.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text; returns why it was not saved, if it was not.
    on_input: Callback<String, Result<(), String>>,
) -> impl IntoView {
    // Text the user typed that is not saved (and why), shown instead of the stored value.
    let draft: RwSignal<Option<(String, String)>> = RwSignal::new(None);
    let shown = Memo::new(move |_| match draft.get() {
        Some((text, _)) => text,
        None => value.get(),
    });
    let input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let checked = match kind {
            TextKind::Date => codec::check_typed_date(&text),
            TextKind::Line | TextKind::Area => codec::check_typed_text(&text, max),
        };
        match checked.and_then(|()| on_input.run(text.clone())) {
            Ok(()) => draft.set(None),
            Err(reason) => draft.set(Some((text, reason))),
        }
    };
    let message_id = format!("{id}-message");
    let count = move || shown.with(|t| t.chars().count());
    let counter = move || {
        (kind != TextKind::Date)
            .then(|| codec::char_counter(count(), max))
            .flatten()
    };
    let error = move || draft.with(|d| d.as_ref().map(|(_, reason)| reason.clone()));
    let invalid = move || error().is_some().then_some("true");
    let control = match kind {
        TextKind::Area => view! {
            <textarea id=id.clone() rows=rows placeholder=placeholder aria-describedby=message_id.clone()
                aria-invalid=invalid prop:value=move || shown.get() on:input=input></textarea>
        }
        .into_any(),
        TextKind::Line => view! {
            <input id=id.clone() type="text" placeholder=placeholder autocomplete=autocomplete
                aria-describedby=message_id.clone() aria-invalid=invalid
                prop:value=move || shown.get() on:input=input />
        }
        .into_any(),
        TextKind::Date => view! {
            <input id=id.clone() type="date" min=format!("{}-01-01", codec::TYPED_YEARS.start())
                max=format!("{}-12-31", codec::TYPED_YEARS.end())
                aria-describedby=message_id.clone() aria-invalid=invalid
                prop:value=move || shown.get() on:input=input />
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            <p class="field-message" id=message_id aria-live="polite">
                <span class="field-error">{move || error().map(|e| format!("Not saved: {e}"))}</span>
                <span class="field-counter">{counter}</span>
            </p>
        </div>
    }
}
