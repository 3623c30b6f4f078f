//! Importing an assessment file: choose, preview, confirm. Nothing changes until the user confirms, and
//! the replaced data is kept as a backup.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::assessment::Assessment;
use crate::codec::{Preview, MAX_INPUT_BYTES};
use crate::jwe::{self, Sealed};

use super::{
    dom, import_preview::ImportPreview, passphrase_prompt::PassphrasePrompt, state::AppState,
    storage,
};

/// Replaces the current assessment with an imported one, keeping the current one as a backup.
pub fn confirm_import(state: AppState, imported: Assessment) {
    let current = state.assessment.get_untracked();
    if let Some(current) = current.filter(Assessment::has_data) {
        match storage::save_backup(&current, state.catalogue()) {
            Ok(()) => state.backup.set(Some(current)),
            Err(message) => {
                state.alert(format!("{message} Nothing was imported."));
                return;
            }
        }
    }
    let had_backup = state.backup.with_untracked(Option::is_some);
    if let Err(message) = state.replace(Some(imported)) {
        state.alert(format!("Nothing was imported: {message}"));
        return;
    }
    state.status(if had_backup {
        "Imported. Your previous data is kept as a backup: use “Restore previous data” under Your data to go back."
    } else {
        "Imported."
    });
}

/// A file chooser for exported assessments, with the preview and confirmation.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let preview: RwSignal<Option<Preview>> = RwSignal::new(None);
    // An encrypted file waiting for its passphrase.
    let sealed: RwSignal<Option<Sealed>> = RwSignal::new(None);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let on_change = move |_| {
        let Some(input) = input_ref.get() else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        let input: web_sys::HtmlInputElement = input.unchecked_into();
        spawn_local(async move {
            // Choosing the same file again must fire `change` again.
            input.set_value("");
            sealed.set(None);
            // An encrypted file of the largest assessment is larger than the assessment.
            if file.size() > jwe::MAX_FILE_BYTES as f64 {
                state.alert(format!(
                    "“{}” is larger than the {} MB an assessment file can be; nothing was imported.",
                    file.name(),
                    MAX_INPUT_BYTES / (1024 * 1024)
                ));
                return;
            }
            match dom::read_file(&file).await {
                Err(message) => state.alert(message),
                Ok(bytes) => match jwe::read_file(&bytes, cat) {
                    Ok(jwe::File::Plain(p)) => {
                        preview.set(Some(*p));
                        state.status(format!(
                            "“{}” is ready to import: check it below and confirm.",
                            file.name()
                        ));
                    }
                    Ok(jwe::File::Encrypted(s)) => {
                        preview.set(None);
                        sealed.set(Some(s));
                        state.status(format!(
                            "“{}” is encrypted: enter its passphrase below.",
                            file.name()
                        ));
                        request_animation_frame(|| dom::focus("#open-passphrase"));
                    }
                    Err(error) => {
                        preview.set(None);
                        state.alert(format!(
                            "“{}” was not imported, and your data is unchanged. {error}",
                            file.name()
                        ));
                    }
                },
            }
        });
    };

    view! {
        <section class="card import" aria-labelledby="import-title">
            <h2 id="import-title">"Import an assessment"</h2>
            <p>"Load a JSON file exported from this app, for example one a colleague or client sent you. You will see what it holds before anything is replaced."</p>
            <label class="file-label">
                "Assessment file (.json)"
                <input type="file" accept=".json,application/json" node_ref=input_ref on:change=on_change />
            </label>
            {move || sealed.get().map(|s| view! {
                <PassphrasePrompt sealed=s on_open=Callback::new(move |p: Preview| {
                    sealed.set(None);
                    preview.set(Some(p));
                }) />
            })}
            {move || preview.get().map(|p| view! {
                <ImportPreview
                    preview=p
                    on_confirm=Callback::new(move |a: Assessment| {
                        preview.set(None);
                        confirm_import(state, a);
                    })
                    on_cancel=Callback::new(move |_| {
                        preview.set(None);
                        state.status("Import cancelled; your data is unchanged.");
                    })
                />
            })}
        </section>
    }
}
