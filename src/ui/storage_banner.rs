//! Says when a change could not be saved (storage full or blocked): what was changed is still on the
//! page, and the export is offered right here.

use leptos::prelude::*;

use crate::codec;
use crate::library;
use crate::report;

use super::state::{AppState, SaveStatus};

/// The "not saved" banner with a JSON export, and the "storage nearly full" warning.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let export = move |_| {
        let file = state.with(|a| {
            codec::encode(a, cat).map(|json| (format!("{}.json", report::file_stem(a)), json))
        });
        match file {
            Ok((name, json)) => state.offer_file(&name, "application/json", &json),
            Err(e) => state.alert(format!("Not exported: {e}")),
        }
    };
    view! {
        {move || match state.save.get() {
            SaveStatus::Failed(message) => Some(view! {
                <div class="banner banner-error storage-full" role="alert">
                    <p>{message}</p>
                    <p>"What you see on this page is everything you entered; it is kept here until you close the page."</p>
                    <div class="actions">
                        <button type="button" on:click=export>"Export a JSON file of this assessment"</button>
                    </div>
                </div>
            }),
            _ => None,
        }}
        {move || {
            let failed = matches!(state.save.get(), SaveStatus::Failed(_));
            (!failed).then(|| library::storage_note(state.storage_used.get())).flatten().map(|note| view! {
                <p class="banner banner-warning storage-nearly-full">{note}</p>
            })
        }}
    }
}
