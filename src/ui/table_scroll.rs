//! The frame of a table that may be wider than the screen: the table scrolls sideways inside it instead
//! of widening the whole page, and keyboard users can focus the frame to scroll it.

use leptos::prelude::*;

/// A labelled, focusable region around a wide table.
#[component]
pub fn TableScroll(
    /// What the table holds, for screen readers (usually its caption).
    #[prop(into)]
    label: String,
    /// The table.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" aria-label=label tabindex="0">
            {children()}
        </div>
    }
}
