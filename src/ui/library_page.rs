//! `#/assessments`: every assessment kept in this browser, creating one, comparing two, and undoing a
//! deletion for a while.

use leptos::prelude::*;

use crate::assessment::Mode;
use crate::library;
use crate::route::Route;

use super::{
    dom, import_panel::ImportPanel, library_entry::LibraryEntry, state::AppState, storage,
};

/// The library page.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let state = AppState::expect();
    state.storage_used.set(storage::used_units());
    // The undo window is decided at each render; a minute's tick keeps "Undo" offers honest.
    let now = RwSignal::new(super::tabs::now_ms());
    let tick = set_interval_with_handle(
        move || now.set(super::tabs::now_ms()),
        std::time::Duration::from_secs(30),
    );
    on_cleanup(move || {
        if let Ok(handle) = tick {
            handle.clear();
        }
    });
    let shown = move || {
        state
            .entries
            .with(|e| library::listed(e).into_iter().cloned().collect::<Vec<_>>())
    };
    let deleted = move || {
        let at = now.get();
        state.entries.with(|e| {
            library::recently_deleted(e, at)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let create = move |mode: Mode| match state.create(mode) {
        Ok(()) => {
            state.status(format!("Started a new {}.", mode.label().to_lowercase()));
            dom::navigate(&Route::Profile);
        }
        Err(message) => state.alert(format!("Not started: {message}")),
    };
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let compare_href = move || {
        state.entries.with(|e| {
            let a = e.iter().find(|x| x.id == first.get())?;
            let b = e.iter().find(|x| x.id == second.get() && x.id != a.id)?;
            let (earlier, later) = library::in_order(a, b);
            Some(Route::Compare(earlier.id.clone(), later.id.clone()).href())
        })
    };
    // One of the two choices of a comparison.
    let picker = move |id: &'static str, label: &'static str, chosen: RwSignal<String>| {
        let options = move || {
            shown()
                .into_iter()
                .map(|e| view! { <option value=e.id.clone()>{format!("{} ({})", e.label(), library::when_label(&e.updated))}</option> })
                .collect_view()
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="">"Choose…"</option>
                    {options}
                </select>
            </div>
        }
    };

    view! {
        <h1 tabindex="-1">"Your assessments"</h1>
        <p class="lead">"Every assessment kept in this browser. Nothing here is sent anywhere."</p>
        <p class="export-line">{move || library::export_line(state.last_export.get().as_deref())}</p>
        {move || library::storage_note(state.storage_used.get()).map(|note| view! {
            <p class="banner banner-warning" role="alert">{note}</p>
        })}
        <div class="actions wrap">
            <button type="button" on:click=move |_| create(Mode::Quick)>"New quick scan"</button>
            <button type="button" on:click=move |_| create(Mode::Full)>"New full assessment"</button>
        </div>
        <Show when=move || !deleted().is_empty()>
            <section class="card recently-deleted" aria-labelledby="deleted-title">
                <h2 id="deleted-title">"Recently deleted"</h2>
                <ul>
                    <For each=deleted key=|e| e.id.clone() let:entry>
                        {
                            let id = entry.id.clone();
                            let label = entry.label();
                            view! {
                                <li data-deleted-id=entry.id.clone()>
                                    {format!("{label} ")}
                                    <button type="button" on:click=move |_| match state.undo_delete(&id) {
                                        Ok(()) => state.status(format!("“{label}” is back in your list.")),
                                        Err(message) => state.alert(message),
                                    }>{format!("Undo deleting “{}”", entry.label())}</button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </section>
        </Show>
        <Show
            when=move || !shown().is_empty()
            fallback=|| view! { <p>"No assessment is kept in this browser yet. Start one above, or import a file below."</p> }
        >
            <ul class="library" aria-label="Assessments">
                <For each=shown key=|e| format!("{}|{}|{}|{}|{:?}", e.id, e.name, e.organisation, e.updated, e.readiness_pct) let:entry>
                    <LibraryEntry entry=entry />
                </For>
            </ul>
        </Show>
        <Show when=move || { shown().len() >= 2 }>
            <section class="card compare-pick" aria-labelledby="compare-title">
                <h2 id="compare-title">"Compare two assessments"</h2>
                {picker("compare-first", "First assessment", first)}
                {picker("compare-second", "Second assessment", second)}
                {move || match compare_href() {
                    Some(href) => view! { <p><a class="button" href=href>"Compare"</a></p> }.into_any(),
                    None => view! { <p class="hint">"Choose two different assessments; the earlier one comes first."</p> }.into_any(),
                }}
            </section>
        </Show>
        <ImportPanel />
    }
}
