//! Opening a share link: the data comes from the URL fragment only, is checked like any import, and
//! keeps nothing until the user chooses: add it (the default), replace the open assessment, or look.

use leptos::prelude::*;

use crate::assessment::Assessment;
use crate::route::Route;
use crate::share;

use super::{dom, import_actions, import_preview::ImportPreview, state::AppState};

/// The preview of a share link, or why it cannot be read.
#[component]
pub fn SharePage(
    /// Everything after `#` in the address.
    payload: String,
) -> impl IntoView {
    let state = AppState::expect();
    let decoded = share::from_fragment(&payload, state.catalogue());
    // Leave no copy of the payload in the address bar or the history.
    let leave = move |route: Route| {
        dom::replace_route(&route);
        state.route.set(route);
    };
    let body = match decoded {
        Ok(preview) => view! {
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
        .into_any(),
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
