//! Data control: where the data lives, and deleting everything stored in this browser (with
//! confirmation). What an import replaced is not restored from here: it stays in the list of assessments.

use leptos::prelude::*;

use crate::route::Route;

use super::state::AppState;

/// "Delete all local data" with confirmation, and a pointer to the list of assessments.
#[component]
pub fn DataPanel() -> impl IntoView {
    let state = AppState::expect();
    let confirming = RwSignal::new(false);
    let delete = move |_| {
        state.delete_everything();
        confirming.set(false);
        state.status("All local data was deleted from this browser.");
    };
    view! {
        <section class="card data" aria-labelledby="data-title">
            <h2 id="data-title">"Your data"</h2>
            <p>
                "Your answers, profile and policy draft are stored only in this browser's local storage, on this "
                "device. Clearing your browser's site data also removes them. "
                <a href=Route::Assessments.href()>"All assessments kept in this browser"</a>
                ", including any an import replaced, are in your list of assessments."
            </p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <div class="actions">
                        <button type="button" class="danger" on:click=move |_| confirming.set(true)>"Delete all local data"</button>
                    </div>
                }
            >
                <div class="confirm" role="group" aria-labelledby="confirm-delete">
                    <p id="confirm-delete">
                        <strong>"Delete everything this app stored in this browser?"</strong>
                        " Every assessment in your list, with its answers, profile and policy draft, will be gone. Download a JSON file of each first if you want to keep them."
                    </p>
                    <div class="actions">
                        <button type="button" class="danger" on:click=delete>"Yes, delete everything"</button>
                        <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Cancel"</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
