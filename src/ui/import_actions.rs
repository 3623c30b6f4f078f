//! What the import preview's choices do, for a file and a share link alike. Nothing an import does
//! destroys data: adding keeps every assessment, replacing keeps the replaced one in the library, and
//! looking keeps nothing at all.

use leptos::prelude::*;

use crate::assessment::Assessment;
use crate::library;
use crate::route::Route;

use super::{dom, state::AppState};

/// Keeps the imported assessment as a new one and opens it. Returns whether it was kept.
pub fn add(state: AppState, imported: Assessment) -> bool {
    let label = library::label_of(&imported);
    match state.add_and_open(imported) {
        Ok(_) => {
            state.status(format!(
                "Imported “{label}” as a new assessment and opened it. Your other assessments are unchanged."
            ));
            true
        }
        Err(message) => {
            state.alert(format!("Nothing was added: {message}"));
            false
        }
    }
}

/// Puts the imported assessment in place of the open one, keeping the open one's content as a library
/// entry. Returns whether it was done.
pub fn replace(state: AppState, imported: Assessment) -> bool {
    match state.replace_keeping(imported) {
        Ok(Some((label, _))) => {
            state.status(format!(
                "Imported. What “{label}” held before is kept in your assessments."
            ));
            true
        }
        Ok(None) => {
            state.status("Imported.");
            true
        }
        Err(message) => {
            state.alert(format!("Nothing was imported: {message}"));
            false
        }
    }
}

/// Shows the imported assessment read-only, keeping nothing.
pub fn look(state: AppState, imported: Assessment) {
    state.viewing.set(Some(imported));
    dom::navigate(&Route::Look);
}
