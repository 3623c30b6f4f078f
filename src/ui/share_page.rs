//! Opening a share link: the data comes from the URL fragment only, is checked like any import, and
//! keeps nothing until the user chooses: add it (the default), replace the open assessment, or look. An
//! encrypted link first asks for its passphrase; what it decrypts to is previewed like a plain link.

use leptos::prelude::*;

use crate::assessment::Assessment;
use crate::codec::Preview;
use crate::route::Route;
use crate::share;

use super::{
    dom, import_actions, import_preview::ImportPreview, passphrase_prompt::PassphrasePrompt,
    state::AppState,
};

/// The preview of a share link, or why it cannot be read.
#[component]
pub fn SharePage(
    /// Everything after `#` in the address.
    payload: String,
) -> impl IntoView {
    let state = AppState::expect();
    let body = match share::open(&payload, state.catalogue()) {
        Ok(share::Link::Plain(preview)) => shared(state, *preview).into_any(),
        // Checked before any key is derived; what it decrypts to is previewed like a plain link.
        Ok(share::Link::Encrypted(sealed)) => {
            let opened: RwSignal<Option<Preview>> = RwSignal::new(None);
            view! {
                {move || match opened.get() {
                    Some(preview) => shared(state, preview).into_any(),
                    None => view! {
                        <PassphrasePrompt sealed=sealed.clone() heading_level=2
                            on_open=Callback::new(move |p| opened.set(Some(p))) />
                    }
                    .into_any(),
                }}
            }
            .into_any()
        }
        Err(error) => view! {
            <div class="banner banner-error" role="alert">
                <p>{error.to_string()}</p>
                <p>"Your data is unchanged. Ask for the link again, or for an exported JSON file."</p>
            </div>
            <p><a href="#/">"Go to the start page"</a></p>
        }
        .into_any(),
    };
    view! {
        <h1 tabindex="-1">"Open a shared assessment"</h1>
        {body}
    }
}

/// The preview of a link's assessment: add it, replace the open one, look at it, or cancel.
fn shared(state: AppState, preview: Preview) -> impl IntoView {
    // Leave no copy of the payload in the address bar or the history.
    let leave = move |route: Route| {
        dom::replace_route(&route);
        state.route.set(route);
    };
    view! {
        <p>"Someone shared an assessment with you. It travelled only in the link itself and was never sent to a server."</p>
        <ImportPreview
            preview=preview
            heading_level=2
            on_add=Callback::new(move |a: Assessment| {
                if import_actions::add(state, a) {
                    leave(Route::Results);
                }
            })
            on_replace=Callback::new(move |a: Assessment| {
                if import_actions::replace(state, a) {
                    leave(Route::Results);
                }
            })
            on_look=Callback::new(move |a: Assessment| {
                state.viewing.set(Some(a));
                leave(Route::Look);
            })
            on_cancel=Callback::new(move |_| {
                state.status("The shared assessment was not loaded; your data is unchanged.");
                leave(Route::Start);
            })
        />
    }
}
