//! The live regions that announce confirmations (status) and errors (alert) to everyone, including
//! screen-reader users.

use leptos::prelude::*;

use super::state::{AppState, Notice, SaveStatus};

/// Two always-present regions: `role="status"` for confirmations and `role="alert"` for errors.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let state = AppState::expect();
    let status = move || match state.notice.get() {
        Notice::Status(text) => text,
        _ => String::new(),
    };
    let alert = move || {
        let notice = match state.notice.get() {
            Notice::Alert(text) => text,
            _ => String::new(),
        };
        match state.save.get() {
            SaveStatus::Failed(message) if notice.is_empty() => message,
            _ => notice,
        }
    };
    view! {
        <div class="notices">
            <p class="notice notice-status" role="status" class:empty=move || status().is_empty()>{status}</p>
            <p class="notice notice-alert" role="alert" class:empty=move || alert().is_empty()>{alert}</p>
        </div>
    }
}
