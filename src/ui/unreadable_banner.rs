//! The warning shown when stored data could not be read at start-up.

use leptos::prelude::*;

use super::{state::AppState, storage};

/// Tells the user their stored data could not be read, that it is kept, and offers to download or
/// discard it.
#[component]
pub fn UnreadableBanner() -> impl IntoView {
    let state = AppState::expect();
    let download = move |_| match storage::unreadable() {
        Some(raw) => state.offer_file("unreadable-assessment.json", "application/json", &raw),
        None => state.alert("The unreadable data is no longer in this browser."),
    };
    let discard = move |_| {
        storage::remove_unreadable();
        // More than one unreadable copy may be kept: the banner stays until the last is gone.
        let next = storage::kept_unreadable(state.catalogue());
        state.status(if next.is_some() {
            "The unreadable data was deleted. Another unreadable copy is still kept."
        } else {
            "The unreadable data was deleted."
        });
        state.unreadable.set(next);
    };
    view! {
        <Show when=move || state.unreadable.with(Option::is_some)>
            <section class="banner banner-error" aria-labelledby="unreadable-title">
                <h2 id="unreadable-title">"Your saved assessment could not be read"</h2>
                <p>{move || state.unreadable.with(|u| u.as_ref().map(|u| u.message.clone()).unwrap_or_default())}</p>
                <p>{move || if state.unreadable.with(|u| u.as_ref().is_some_and(|u| u.set_aside)) {
                    "It has been kept unchanged in this browser. Download it to keep a copy or to repair it, \
                     then discard it. Anything you enter now is saved separately."
                } else {
                    "It is still unchanged where it was, but this browser's storage is too full to set it \
                     aside, so nothing you enter is saved until you download it and discard it (or free \
                     space in this browser)."
                }}</p>
                <div class="actions">
                    <button type="button" on:click=download>"Download the unreadable data"</button>
                    <button type="button" class="secondary" on:click=discard>"Discard it"</button>
                </div>
            </section>
        </Show>
    }
}
