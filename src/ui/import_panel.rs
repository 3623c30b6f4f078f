//! Importing an assessment file: choose, preview, then add it, replace the open one (kept in the library)
//! or just look at it. Nothing changes until the user chooses. An encrypted file first asks for its
//! passphrase; what it decrypts to is previewed like a plain file.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::assessment::Assessment;
use crate::codec::{Preview, MAX_INPUT_BYTES};
use crate::jwe::{self, Sealed};

use super::{
    dom, import_actions, import_preview::ImportPreview, passphrase_prompt::PassphrasePrompt,
    state::AppState,
};

/// A file chooser for exported assessments, with the preview and confirmation.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let text = &cat.start.import;
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
            <h2 id="import-title">{text.title.as_str()}</h2>
            <p>{text.text.as_str()}</p>
            <label class="file-label">
                {text.file_label.as_str()}
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
                    on_add=Callback::new(move |a: Assessment| {
                        if import_actions::add(state, a) {
                            preview.set(None);
                        }
                    })
                    on_replace=Callback::new(move |a: Assessment| {
                        if import_actions::replace(state, a) {
                            preview.set(None);
                        }
                    })
                    on_look=Callback::new(move |a: Assessment| {
                        preview.set(None);
                        import_actions::look(state, a);
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
