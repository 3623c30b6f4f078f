//! Opening an encrypted file or link: asks for the passphrase, decrypts with Web Crypto and reads the
//! content exactly as a plain import. A wrong passphrase or a changed byte says so and changes nothing.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::codec::Preview;
use crate::jwe::Sealed;

use super::{crypto, passphrase_field::PassphraseField, state::AppState};

/// The passphrase form for a checked, still closed JWE.
#[component]
pub fn PassphrasePrompt(
    /// The encrypted file or link, checked by the core.
    sealed: Sealed,
    /// Called with what it holds, to be previewed like any import.
    on_open: Callback<Preview>,
    /// The level of the form's heading (2 directly under a page title, 3 in a panel).
    #[prop(default = 3)]
    heading_level: u8,
) -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let input = NodeRef::<leptos::html::Input>::new();
    let error = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let sealed = StoredValue::new(sealed);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(field) = input.get_untracked() else {
            return;
        };
        let phrase = field.value();
        if phrase.is_empty() {
            error.set("Enter the passphrase.".to_owned());
            return;
        }
        busy.set(true);
        error.set(String::new());
        state.status("Opening…");
        spawn_local(async move {
            let sealed = sealed.get_value();
            let opened = crypto::open(&phrase, &sealed).await;
            drop(phrase);
            busy.set(false);
            match opened
                .and_then(|plaintext| sealed.open(&plaintext, cat).map_err(|e| e.to_string()))
            {
                Ok(preview) => {
                    field.set_value("");
                    state.status("Decrypted: check what it holds below and confirm.");
                    on_open.run(preview);
                }
                Err(message) => {
                    error.set(message.clone());
                    state.alert(format!("Not opened, and your data is unchanged. {message}"));
                }
            }
        });
    };
    let heading = match heading_level {
        2 => view! { <h2 id="unlock-title">"Encrypted assessment"</h2> }.into_any(),
        _ => view! { <h3 id="unlock-title">"Encrypted assessment"</h3> }.into_any(),
    };
    view! {
        <form class="passphrase-prompt" aria-labelledby="unlock-title" on:submit=submit>
            {heading}
            <p>"This assessment is encrypted. Enter the passphrase you were given to open it; nothing is replaced before you see what it holds and confirm."</p>
            <PassphraseField id="open-passphrase" label="Passphrase" autocomplete="current-password" node_ref=input />
            <Show when=move || !error.with(String::is_empty)>
                <p class="field-error">{move || error.get()}</p>
            </Show>
            <div class="actions">
                <button type="submit" disabled=move || busy.get()>"Open"</button>
            </div>
        </form>
    }
}
