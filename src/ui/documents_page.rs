//! The register of required documented information (`#/documents`): per entry its clause or control,
//! what it is, whether it is needed, the items it is evidence for, the status the answers suggest, and
//! the user's status, location, owner and review date. The rules live in [`crate::documents`].

use leptos::prelude::*;

use crate::assessment::{DocumentRecord, DocumentStatus};
use crate::catalogue::documents::DocumentDef;
use crate::csv;
use crate::documents::{self, Tally};
use crate::markdown;
use crate::report;
use crate::route::Route;

use super::{
    choice::Choice,
    state::AppState,
    text_field::{TextField, TextKind},
};

/// The register page.
#[component]
pub fn DocumentsPage() -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let tally = Memo::new(move |_| state.with(|a| Tally::of(&documents::rows(cat, a))));
    let download = move |_| {
        let (name, text) = state.with(|a| {
            (
                format!("{}-documents.csv", report::file_stem(a)),
                csv::documents_csv(cat, a),
            )
        });
        state.offer_file(&name, "text/csv", &text);
    };
    view! {
        <h1 tabindex="-1">"Required documented information"</h1>
        <p class="lead">
            "Every piece of documented information ISO/IEC 42001 asks for, from clauses 4–10 and the Annex A "
            "controls that say to document or record something. Record where each one is kept, who owns it and "
            "when it was last reviewed; your answers suggest a status, you decide."
        </p>
        <section class="card" aria-labelledby="register-summary">
            <h2 id="register-summary">"The register at a glance"</h2>
            <p class="register-tally">{move || format!("{} documents: {}.", cat.documents().len(), tally.get().text())}</p>
            <div class="actions">
                <button type="button" on:click=download>"Download CSV of the register"</button>
                <a class="button secondary" href=Route::Roadmap.href()>"See the road to certification"</a>
            </div>
            <details class="rule">
                <summary>"How the status is suggested"</summary>
                <div class="prose" inner_html=markdown::to_html(documents::RULE_MARKDOWN)></div>
            </details>
        </section>
        <div class="register">
            {cat.documents().iter().map(|def| view! { <DocumentEntry def=def /> }).collect_view()}
        </div>
    }
}

/// One entry of the register with its form.
#[component]
fn DocumentEntry(
    /// The entry, from the catalogue.
    def: &'static DocumentDef,
) -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let id = def.id.as_str();
    let record = move |read: fn(&DocumentRecord) -> String| {
        move || state.with(|a| a.documents.get(id).map(read).unwrap_or_default())
    };
    let set = move |write: fn(&mut DocumentRecord, String)| {
        Callback::new(move |v: String| state.try_edit(|a| a.edit_document(id, |r| write(r, v))))
    };
    let chosen = move || state.with(|a| a.documents.get(id).and_then(|r| r.status));
    let suggestion = move || {
        state.with(|a| match documents::suggested(cat, a, def) {
            Some(s) => format!("Suggested from your answers: {}.", s.label()),
            None => format!(
                "No suggestion yet: answer {} to get one.",
                def.status_from.join(" or ")
            ),
        })
    };
    let need = move || state.with(|a| documents::need(a, def).label());
    let radio = move |status: DocumentStatus| {
        view! {
            <Choice kind="radio" name=format!("doc-{id}-status") id=format!("doc-{id}-status-{}", status.key())
                value=status.key() label=status.label()
                checked=Signal::derive(move || chosen() == Some(status))
                on_change=Callback::new(move |on: bool| if on {
                    state.edit(|a| a.edit_document(id, |r| r.status = Some(status)));
                }) />
        }
    };
    let title_id = format!("doc-{id}-title");
    let labelled_by = title_id.clone();
    let evidence = def
        .evidence_for
        .iter()
        .filter_map(|item_id| cat.item(item_id))
        .enumerate()
        .map(|(n, item)| {
            view! {
                {(n > 0).then_some(", ")}
                <a href=Route::Assess(Some(item.section.clone())).href()>{format!("{} {}", item.id, item.title)}</a>
            }
        })
        .collect_view();
    // The fields start open when something is recorded in them.
    let open =
        RwSignal::new(state.with(|a| a.documents.get(id).is_some_and(documents::has_details)));
    view! {
        <article class="card document" data-document-id=id data-clause=def.clauses.join(" ")
            aria-labelledby=labelled_by>
            <h2 id=title_id>{def.title.clone()}</h2>
            <p class="doc-meta">
                <span class="doc-clauses">{format!("From {}", def.clauses.join(", "))}</span>
                <span class="badge doc-need">{need}</span>
            </p>
            <p>{def.description.clone()}</p>
            <fieldset class="field doc-status">
                <legend>"Status"<span class="visually-hidden">{format!(" of {}", def.title)}</span></legend>
                <div class="doc-status-choices">
                    {DocumentStatus::ALL.into_iter().map(radio).collect_view()}
                </div>
                <p class="hint doc-suggestion">{suggestion}</p>
                <Show when=move || chosen().is_some()>
                    <button type="button" class="secondary"
                        on:click=move |_| state.edit(|a| a.edit_document(id, |r| r.status = None))>
                        "Clear my status"<span class="visually-hidden">{format!(" of {}", def.title)}</span>
                    </button>
                </Show>
            </fieldset>
            <p class="doc-evidence">"Evidence for: "{evidence}</p>
            <button type="button" class="secondary doc-details-toggle" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                "Where it is kept, owner, last review"<span class="visually-hidden">{format!(" of {}", def.title)}</span>
            </button>
            // Rendered only while open: 52 entries of three fields each would make the page slow and long.
            <Show when=move || open.get()>
                <div class="field-row doc-details">
                    <TextField id=format!("doc-{id}-location") label="Where it is kept" kind=TextKind::Line max=500
                        placeholder="For example: intranet › AIMS › Policies"
                        value=Signal::derive(record(|r| r.location.clone())) on_input=set(|r, v| r.location = v) />
                    <TextField id=format!("doc-{id}-owner") label="Owner" kind=TextKind::Line max=200
                        value=Signal::derive(record(|r| r.owner.clone())) on_input=set(|r, v| r.owner = v) />
                    <TextField id=format!("doc-{id}-reviewed") label="Date last reviewed" kind=TextKind::Date
                        value=Signal::derive(record(|r| r.reviewed.clone())) on_input=set(|r, v| r.reviewed = v) />
                </div>
            </Show>
        </article>
    }
}
