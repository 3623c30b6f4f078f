//! Data control: restore the data an import replaced, and delete everything stored in this browser.

use leptos::prelude::*;

use super::{state::AppState, storage};

/// "Restore previous data" (once, after an import) and "Delete all local data" with confirmation.
#[component]
pub fn DataPanel() -> impl IntoView {
    let state = AppState::expect();
    let confirming = RwSignal::new(false);
    let restore = move |_| {
        // What storage holds now: another tab may have used or replaced the backup.
        let Some(previous) = storage::backup(state.catalogue()) else {
            state.backup.set(None);
            state.alert("There is no backup any more: it was used or replaced in another tab.");
            return;
        };
        match state.replace(Some(previous)) {
            Ok(()) => {
                storage::remove_backup();
                state.backup.set(None);
                state.status("Your previous data is back. The backup has been used up.");
            }
            Err(message) => state.alert(format!("Not restored: {message}")),
        }
    };
    let delete = move |_| {
        let _ = state.replace(None);
        storage::delete_all();
        state.backup.set(None);
        state.unreadable.set(None);
        confirming.set(false);
        state.save.set(super::state::SaveStatus::Idle);
        state.status("All local data was deleted from this browser.");
    };
    view! {
        <section class="card data" aria-labelledby="data-title">
            <h2 id="data-title">"Your data"</h2>
            <p>
                "Your answers, profile and policy draft are stored only in this browser's local storage, on this "
                "device. Clearing your browser's site data also removes them."
            </p>
            <Show when=move || state.backup.with(Option::is_some)>
                <p>"You replaced your data by importing. You can go back to what you had before, once."</p>
                <div class="actions">
                    <button type="button" on:click=restore>"Restore previous data"</button>
                </div>
            </Show>
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
                        " Your answers, profile, policy draft and any backup will be gone. Download a JSON file first if you want to keep them."
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
