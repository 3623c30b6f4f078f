//! Encrypted exports: the JSON file, or a share link, protected with a passphrase (JWE; see `crate::jwe`).
//! The passphrase is asked for twice, judged as it is typed, used once by Web Crypto and then cleared.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::codec;
use crate::jwe::Seal;
use crate::passphrase::{self, Strength};
use crate::report;
use crate::route::Route;
use crate::share;

use super::{crypto, dom, passphrase_field::PassphraseField, state::AppState};

/// What is being encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    File,
    Link,
}

/// The "Encrypted JSON" and "Encrypted share link" buttons and the passphrase form they open.
#[component]
pub fn EncryptedExport(
    /// Whether links carry notes, evidence, owners and due dates (the share link's checkbox).
    include_notes: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let open: RwSignal<Option<Target>> = RwSignal::new(None);
    let strength = RwSignal::new(Strength::Empty);
    let error = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let link = RwSignal::new(String::new());
    let first = NodeRef::<leptos::html::Input>::new();
    let second = NodeRef::<leptos::html::Input>::new();

    let clear = move || {
        for input in [first, second] {
            if let Some(input) = input.get_untracked() {
                input.set_value("");
            }
        }
        strength.set(Strength::Empty);
        error.set(String::new());
    };
    let toggle = move |target: Target| {
        move |_| {
            clear();
            if open.get_untracked() == Some(target) {
                open.set(None);
            } else {
                open.set(Some(target));
                link.set(String::new());
                request_animation_frame(move || dom::focus("#encrypt-passphrase"));
            }
        }
    };
    let fail = move |message: String| {
        error.set(message.clone());
        state.alert(message);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(target), Some(a), Some(b)) = (
            open.get_untracked(),
            first.get_untracked(),
            second.get_untracked(),
        ) else {
            return;
        };
        let phrase = a.value();
        if let Err(message) = passphrase::check(&phrase, &b.value()) {
            fail(message);
            return;
        }
        let p2s = match crypto::random() {
            Ok(p2s) => p2s,
            Err(message) => return fail(message),
        };
        let seal = Seal::new(p2s, target == Target::Link);
        let plaintext = match target {
            Target::File => state.with(|a| {
                codec::encode(a, cat)
                    .map(String::into_bytes)
                    .map_err(|e| format!("Not exported: {e}"))
            }),
            Target::Link => state.with(|a| {
                share::encrypted_plaintext(a, include_notes.get_untracked(), &seal)
                    .map_err(|e| e.to_string())
            }),
        };
        let plaintext = match plaintext {
            Ok(plaintext) => plaintext,
            Err(message) => return fail(message),
        };
        busy.set(true);
        error.set(String::new());
        state.status("Encrypting…");
        spawn_local(async move {
            let parts = crypto::seal(&phrase, &seal, &plaintext).await;
            drop(phrase);
            busy.set(false);
            let parts = match parts {
                Ok(parts) => parts,
                Err(message) => return fail(message),
            };
            clear();
            open.set(None);
            match target {
                Target::File => {
                    let name = state.with(|a| format!("{}.encrypted.json", report::file_stem(a)));
                    state.offer_file(&name, "application/json", &seal.flattened(&parts));
                }
                Target::Link => {
                    let fragment = share::encrypted_fragment(&seal.compact(&parts));
                    let url = format!("{}{}", dom::page_address(), Route::Share(fragment).href());
                    link.set(url.clone());
                    match dom::copy(&url).await {
                        Ok(()) => state.status(format!(
                            "Encrypted share link copied to the clipboard ({} characters). Send the passphrase another way.",
                            url.chars().count()
                        )),
                        Err(message) => state.alert(message),
                    }
                }
            }
        });
    };

    let title = move || match open.get() {
        Some(Target::Link) => "Encrypt a share link",
        _ => "Encrypt the JSON file",
    };
    let action = move || match open.get() {
        Some(Target::Link) => "Encrypt and copy link",
        _ => "Encrypt and download",
    };
    let expanded = move |target: Target| {
        move || {
            if open.get() == Some(target) {
                "true"
            } else {
                "false"
            }
        }
    };
    view! {
        <h3>"Encrypted file or link"</h3>
        <p>"Protected with a passphrase you choose: only someone who knows it can read the file or the link. Send the passphrase another way than the file, for example by phone."</p>
        <div class="actions wrap">
            <button type="button" aria-controls="encrypt-form" aria-expanded=expanded(Target::File) on:click=toggle(Target::File)>"Encrypted JSON"</button>
            <button type="button" aria-controls="encrypt-form" aria-expanded=expanded(Target::Link) on:click=toggle(Target::Link)>"Encrypted share link"</button>
        </div>
        <Show when=move || open.with(Option::is_some)>
            <form id="encrypt-form" class="encrypt-form" aria-labelledby="encrypt-title" on:submit=submit>
                <h4 id="encrypt-title">{title}</h4>
                <p class="banner banner-info">"If the passphrase is lost, nobody can open what it protects: it is not stored anywhere, so it cannot be recovered or reset. Keep it somewhere safe."</p>
                <PassphraseField id="encrypt-passphrase" label="Passphrase" autocomplete="new-password"
                    node_ref=first described_by="encrypt-strength"
                    on_input=Callback::new(move |text: String| strength.set(passphrase::strength(&text))) />
                <p id="encrypt-strength" class="hint" class:strength-good=move || strength.get() == Strength::Good>
                    {move || strength.get().message()}
                </p>
                <PassphraseField id="encrypt-repeat" label="Repeat passphrase" autocomplete="new-password" node_ref=second />
                <Show when=move || !error.with(String::is_empty)>
                    <p class="field-error">{move || error.get()}</p>
                </Show>
                <div class="actions">
                    <button type="submit" disabled=move || busy.get()>{action}</button>
                    <button type="button" class="secondary" on:click=move |_| { clear(); open.set(None); }>"Cancel"</button>
                </div>
            </form>
        </Show>
        <Show when=move || !link.with(String::is_empty)>
            <div class="field">
                <label for="encrypted-link">"Encrypted share link"</label>
                <input id="encrypted-link" type="text" readonly prop:value=move || link.get() />
            </div>
        </Show>
    }
}
