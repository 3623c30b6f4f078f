//! One assessment in the list: what it is, and open, rename, copy as the next snapshot, delete.

use leptos::prelude::*;

use crate::library::{self, Entry};
use crate::route::Route;
use crate::score::NO_VALUE;

use super::{dom, state::AppState};

/// What the row is doing: showing, or asking for a name or a confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asking {
    Nothing,
    Rename,
    Copy,
    Delete,
}

/// One list entry, carrying `data-assessment-id`.
#[component]
pub fn LibraryEntry(
    /// The entry's summary.
    entry: Entry,
) -> impl IntoView {
    let state = AppState::expect();
    let id = entry.id.clone();
    let label = entry.label();
    let asking = RwSignal::new(Asking::Nothing);
    let typed = RwSignal::new(String::new());
    let is_open = {
        let id = id.clone();
        move || state.open.with(|o| o.as_deref() == Some(id.as_str()))
    };
    let title_id = format!("entry-{id}");
    let field_id = format!("entry-{id}-name");
    let readiness = entry
        .readiness_pct
        .map_or_else(|| NO_VALUE.to_owned(), |p| format!("{p}%"));

    let open = {
        let id = id.clone();
        move |_| match state.open_entry(&id) {
            Ok(()) => dom::navigate(&Route::Results),
            Err(message) => state.alert(message),
        }
    };
    let ask_rename = {
        let name = entry.name.clone();
        move |_| {
            typed.set(name.clone());
            asking.set(Asking::Rename);
        }
    };
    let ask_copy = move |_| {
        let taken: Vec<String> = state
            .entries
            .with_untracked(|e| e.iter().map(|e| e.name.clone()).collect());
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        typed.set(library::snapshot_name(&dom::now(), &taken));
        asking.set(Asking::Copy);
    };
    let confirm = {
        let id = id.clone();
        let label = label.clone();
        move |_| {
            let name = typed.get_untracked();
            let result = match asking.get_untracked() {
                Asking::Rename => state
                    .rename(&id, &name)
                    .map(|()| format!("Renamed “{label}” to “{}”.", name.trim())),
                Asking::Copy => state.copy_as_snapshot(&id, &name).map(|()| {
                    format!(
                        "Made “{}”, a copy of “{label}”, and opened it.",
                        name.trim()
                    )
                }),
                Asking::Delete => state.delete_entry(&id).map(|()| {
                    format!("Deleted “{label}”. You can undo this for the next ten minutes.")
                }),
                Asking::Nothing => return,
            };
            match result {
                Ok(message) => {
                    asking.set(Asking::Nothing);
                    state.status(message);
                }
                Err(message) => state.alert(message),
            }
        }
    };
    let question = {
        let label = label.clone();
        move || match asking.get() {
            Asking::Rename => format!("New name for “{label}”"),
            Asking::Copy => format!("Name of the copy of “{label}”"),
            Asking::Delete => format!("Delete “{label}”?"),
            Asking::Nothing => String::new(),
        }
    };
    let confirm_label = move || match asking.get() {
        Asking::Rename => "Save the name",
        Asking::Copy => "Make the copy",
        _ => "Yes, delete it",
    };

    view! {
        <li class="card library-entry" data-assessment-id=id.clone()>
            <h2 id=title_id.clone()>{label.clone()}</h2>
            <Show when=is_open.clone()>
                <p class="badge">"Open in this tab"</p>
            </Show>
            <dl>
                <dt>"Organisation"</dt><dd>{if entry.organisation.trim().is_empty() { "Not stated".to_owned() } else { entry.organisation.clone() }}</dd>
                <dt>"Mode"</dt><dd>{entry.mode.label()}</dd>
                <dt>"Last changed"</dt><dd>{library::when_label(&entry.updated)}</dd>
                <dt>"Completion"</dt><dd>{format!("{}%", entry.completion_pct)}</dd>
                <dt>"Overall readiness"</dt><dd class="entry-readiness">{readiness}</dd>
            </dl>
            <Show
                when=move || asking.get() != Asking::Nothing
                fallback={
                    let open = open.clone();
                    move || view! {
                        <div class="actions wrap" role="group" aria-labelledby=title_id.clone()>
                            <button type="button" on:click=open.clone()>"Open"</button>
                            <button type="button" class="secondary" on:click=ask_rename.clone()>"Rename"</button>
                            <button type="button" class="secondary" on:click=ask_copy>"Copy as next snapshot"</button>
                            <button type="button" class="danger" on:click=move |_| asking.set(Asking::Delete)>"Delete"</button>
                        </div>
                    }
                }
            >
                <div class=move || if asking.get() == Asking::Delete { "confirm" } else { "entry-form" } role="group" aria-label=question.clone()>
                    {let question = question.clone(); let field_id = field_id.clone(); move || if asking.get() == Asking::Delete {
                        view! {
                            <p><strong>{question()}</strong>" It leaves the list; you can undo this for ten minutes."</p>
                        }.into_any()
                    } else {
                        view! {
                            <div class="field">
                                <label for=field_id.clone()>{question()}</label>
                                <input id=field_id.clone() type="text" prop:value=move || typed.get()
                                    on:input=move |ev| typed.set(event_target_value(&ev)) />
                            </div>
                        }.into_any()
                    }}
                    <div class="actions">
                        <button type="button" class=move || if asking.get() == Asking::Delete { "danger" } else { "" } on:click=confirm.clone()>{confirm_label}</button>
                        <button type="button" class="secondary" on:click=move |_| asking.set(Asking::Nothing)>"Cancel"</button>
                    </div>
                </div>
            </Show>
        </li>
    }
}
