//! Exports: JSON (the file format), CSV (answers, SoA), Markdown and HTML reports, print, share link.

use leptos::prelude::*;

use crate::csv;
use crate::report;

use super::{choice::Choice, dom, encrypted_export::EncryptedExport, state::AppState};

/// The export buttons and the share link.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let state = AppState::expect();
    let include_notes = RwSignal::new(false);
    let link = RwSignal::new(String::new());
    // Why no link was made, shown where the link would be.
    let refusal = RwSignal::new(String::new());
    let make_link = move |_| {
        state.make_share_link(
            &dom::page_address(),
            include_notes.get_untracked(),
            link,
            refusal,
        )
    };

    view! {
        <section class="card exports" aria-labelledby="exports-title">
            <h2 id="exports-title">"Export and share"</h2>
            <p>"Files are created in your browser and saved by your browser; nothing is uploaded. The JSON file holds everything and can be imported again here or by someone you send it to."</p>
            <div class="actions wrap">
                <button type="button" on:click=move |_| state.download_json()>"Download JSON"</button>
                <button type="button" on:click=state.export_on_click(".csv", "text/csv", csv::answers_csv)>"Download CSV of answers"</button>
                <button type="button" on:click=state.export_on_click(".soa.csv", "text/csv", csv::soa_csv)>"Download CSV of the Statement of Applicability"</button>
                <button type="button" on:click=state.export_on_click(".md", "text/markdown", report::report_markdown)>"Download Markdown report"</button>
                <button type="button" on:click=state.export_on_click(".html", "text/html", report::report_html)>"Download HTML report"</button>
                <button type="button" on:click=move |_| dom::print()>"Print report (or save as PDF)"</button>
            </div>
            <h3>"Share link"</h3>
            <p>
                "The link carries your answers inside its fragment (the part after #), which browsers never send to "
                "any server. Anyone who has the link can read what it holds."
            </p>
            <Choice kind="checkbox" id="share-notes" label="Include notes, evidence, owners and due dates"
                checked=include_notes on_change=Callback::new(move |on| include_notes.set(on)) />
            <div class="actions">
                <button type="button" on:click=make_link>"Copy share link"</button>
            </div>
            <Show when=move || !refusal.with(String::is_empty)>
                <p class="field-error share-refusal">{move || refusal.get()}</p>
            </Show>
            <Show when=move || !link.with(String::is_empty)>
                <div class="field">
                    <label for="share-link">"Share link"</label>
                    <input id="share-link" type="text" readonly prop:value=move || link.get()
                        on:focus=move |ev| {
                            use wasm_bindgen::JsCast;
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        } />
                </div>
            </Show>
            <EncryptedExport include_notes=include_notes />
        </section>
    }
}
