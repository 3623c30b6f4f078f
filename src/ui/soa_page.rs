//! `#/soa`: the Statement of Applicability as clause 6.1.3 asks for it. Every Annex A control with its
//! decision (from the answer), reasons for inclusion, implementation status and role hint; the document's
//! version, date and approver; controls added from other sources; CSV, Markdown and HTML downloads. The
//! rules are in [`crate::soa`].

use leptos::prelude::*;

use crate::assessment::{AddedControl, ImplementationStatus, InclusionReason};
use crate::catalogue::Likelihood;
use crate::csv;
use crate::route::Route;
use crate::soa::{self, Applicability, SoaRow};

use super::{
    choice::Choice,
    state::AppState,
    text_field::{TextField, TextKind},
};

/// The page.
#[component]
pub fn SoaPage() -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let rows = Memo::new(move |_| state.with(|a| soa::soa(cat, a)));
    let summary = move || rows.with(|r| soa::summary(r).text());
    let doc_field = move |id: &'static str,
                          label: &'static str,
                          kind: TextKind,
                          read: fn(&crate::assessment::Soa) -> String,
                          write: fn(&mut crate::assessment::Soa, String)| {
        view! {
            <TextField id=id label=label kind=kind max=crate::codec::MAX_TEXT_CHARS
                value=Signal::derive(move || state.with(|a| read(&a.soa)))
                on_input=Callback::new(move |v| state.try_edit(|a| write(&mut a.soa, v))) />
        }
    };

    view! {
        <h1 tabindex="-1">"Statement of Applicability"</h1>
        <p class="lead">
            "Clause 6.1.3 asks for every Annex A control to be included or excluded, each with a justification, "
            "and for the implementation status of what is included. This page keeps that document; the decision "
            "itself comes from your answers in the questionnaire."
        </p>
        <p class="soa-rule">{soa::RULE_SENTENCE}</p>
        <section class="card" aria-labelledby="soa-doc-title">
            <h2 id="soa-doc-title">"The document"</h2>
            <div class="field-row">
                {doc_field("soa-version", "SoA version", TextKind::Line, |s| s.version.clone(), |s, v| s.version = v)}
                {doc_field("soa-date", "SoA date", TextKind::Date, |s| s.date.clone(), |s, v| s.date = v)}
            </div>
            {doc_field("soa-approver", "Approved by", TextKind::Line, |s| s.approver.clone(), |s, v| s.approver = v)}
            <p class="soa-summary" role="status">{summary}</p>
            <div class="actions wrap">
                <button type="button" on:click=state.export_on_click("-soa.csv", "text/csv", csv::soa_csv)>"Download the SoA as CSV"</button>
                <button type="button" on:click=state.export_on_click("-soa.md", "text/markdown", soa::soa_document_markdown)>"Download the SoA as Markdown"</button>
                <button type="button" on:click=state.export_on_click("-soa.html", "text/html", soa::soa_document_html)>"Download the SoA as HTML"</button>
            </div>
        </section>
        <ol class="soa-controls">
            <For each=move || rows.with(|rs| rs.iter().map(|r| r.control_id.clone()).collect::<Vec<_>>()) key=|id| id.clone() let:id>
                <ControlEntry id=id rows=rows />
            </For>
        </ol>
        <AddedControls />
    }
}

/// One Annex A control; keyed by its ID, so ticking a box keeps the focus where it is.
#[component]
fn ControlEntry(id: String, rows: Memo<Vec<SoaRow>>) -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let row = {
        let id = id.clone();
        Memo::new(move |_| {
            rows.with(|rs| rs.iter().find(|r| r.control_id == id).cloned())
                .expect("the SoA lists every control of the catalogue")
        })
    };
    let first = row.get_untracked();
    let section = Route::Assess(Some(first.category_id.clone())).href();
    let dom_id = id.replace('.', "-");
    let heading_id = format!("soa-{dom_id}");
    let decision = move || row.with(|r| r.applicable);
    let reason_box = {
        let id = id.clone();
        let dom_id = dom_id.clone();
        move |reason: InclusionReason| {
            let control = id.clone();
            view! {
                <Choice kind="checkbox" id=format!("soa-{dom_id}-{}", reason.key()) label=reason.label()
                    checked=Signal::derive(move || row.with(|r| r.reasons.contains(&reason)))
                    on_change=Callback::new(move |on| state.edit(|a| {
                        let _ = a.edit_soa_entry(cat, &control, |e| {
                            if on { e.reasons.insert(reason); } else { e.reasons.remove(&reason); }
                        });
                    })) />
            }
        }
    };
    let status_id = format!("soa-{dom_id}-status");
    let status_control = id.clone();
    let status_select = move || {
        let (suggested, chosen) = row.with(|r| {
            (
                r.level.map(ImplementationStatus::suggested),
                if r.status_suggested { None } else { r.status },
            )
        });
        let control = status_control.clone();
        view! {
            <div class="field">
                <label for=status_id.clone()>"Implementation status"</label>
                <select id=status_id.clone() on:change=move |ev| {
                    let value = event_target_value(&ev);
                    state.edit(|a| {
                        let _ = a.edit_soa_entry(cat, &control, |e| e.status = ImplementationStatus::from_key(&value));
                    });
                }>
                    <option value="" prop:selected=chosen.is_none()>{match suggested {
                        Some(s) => format!("As the level suggests: {}", s.label()),
                        None => "Not set".to_owned(),
                    }}</option>
                    {ImplementationStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.key() prop:selected=chosen == Some(s)>{s.label()}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <li class="card soa-control" data-control-id=id.clone() data-decision=move || decision().key() aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{format!("{} {}", first.control_id, first.title)}</h2>
            <p class=move || format!("soa-decision {}", decision().key())>
                <strong>{move || decision().label()}</strong>
                {move || row.with(|r| match r.applicable {
                    Applicability::Excluded => format!(": {}", r.justification),
                    Applicability::Included => r.level.map(|l| format!(" (level {l})")).unwrap_or_default(),
                    Applicability::Undecided => String::from(": not answered yet"),
                })}
                " "
                <a href=section>{move || match decision() {
                    Applicability::Excluded => "Change the exclusion in the questionnaire",
                    _ => "Answer or exclude it in the questionnaire",
                }}</a>
            </p>
            {move || row.with(|r| r.hint.clone()).map(|hint| view! {
                <p class=match hint.likelihood { Likelihood::Usually => "soa-hint usually", Likelihood::Rarely => "soa-hint rarely" }>
                    <span class="visually-hidden">"Hint from your roles: "</span>{hint.text()}
                </p>
            })}
            {move || row.with(|r| r.findings.clone()).into_iter().map(|f| view! { <p class="field-error soa-finding">{f.text()}</p> }).collect_view()}
            <Show when=move || decision() != Applicability::Excluded>
                <fieldset class="field">
                    <legend>"Reasons for including it"</legend>
                    {InclusionReason::ALL.into_iter().map(reason_box.clone()).collect_view()}
                </fieldset>
            </Show>
            <Show when=move || decision() == Applicability::Included>
                {status_select.clone()}
            </Show>
        </li>
    }
}

/// Controls the organisation applies from other sources.
#[component]
fn AddedControls() -> impl IntoView {
    let state = AppState::expect();
    let count = Memo::new(move |_| state.with(|a| a.soa.added.len()));
    let add = move |_| {
        state.edit(|a| a.soa.added.push(AddedControl::default()));
        state.status("A control was added at the end of the list.");
    };
    view! {
        <section class="card" aria-labelledby="soa-added-title">
            <h2 id="soa-added-title">"Controls from other sources"</h2>
            <p>"Controls you apply beyond Annex A, for example from ISO/IEC 27001 or your sector, belong in the Statement of Applicability too."</p>
            <ol class="soa-added">
                <For each=move || 0..count.get() key=|i| *i let:index>
                    <AddedEntry index=index />
                </For>
            </ol>
            <div class="actions">
                <button type="button" on:click=add>"Add a control from another source"</button>
            </div>
        </section>
    }
}

/// One added control, edited in place.
#[component]
fn AddedEntry(index: usize) -> impl IntoView {
    let state = AppState::expect();
    let read = move |f: fn(&AddedControl) -> String| {
        Signal::derive(move || state.with(|a| a.soa.added.get(index).map(f).unwrap_or_default()))
    };
    let write = move |f: fn(&mut AddedControl, String)| {
        Callback::new(move |v: String| {
            state.try_edit(|a| {
                if let Some(c) = a.soa.added.get_mut(index) {
                    f(c, v);
                }
            })
        })
    };
    let n = index + 1;
    let field_id = move |name: &str| format!("soa-added-{n}-{name}");
    // Removing takes a second click, so one slip loses nothing.
    let confirming = RwSignal::new(false);
    let remove = move |_| {
        if !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        confirming.set(false);
        state.edit(|a| {
            if index < a.soa.added.len() {
                a.soa.added.remove(index);
            }
        });
        state.status(format!("Added control {n} was removed."));
    };
    view! {
        <li class="soa-added-control">
            <fieldset class="field">
                <legend>{format!("Added control {n}")}</legend>
                <div class="field-row">
                    <TextField id=field_id("reference") label="Reference" kind=TextKind::Line max=crate::codec::MAX_TEXT_CHARS
                        value=read(|c| c.reference.clone()) on_input=write(|c, v| c.reference = v) />
                    <TextField id=field_id("source") label="Source" kind=TextKind::Line max=crate::codec::MAX_TEXT_CHARS
                        placeholder="For example: ISO/IEC 27001:2022"
                        value=read(|c| c.source.clone()) on_input=write(|c, v| c.source = v) />
                </div>
                <TextField id=field_id("title") label="Title" kind=TextKind::Line max=crate::codec::MAX_TEXT_CHARS
                    value=read(|c| c.title.clone()) on_input=write(|c, v| c.title = v) />
                <fieldset class="field">
                    <legend>"Reasons for including it"</legend>
                    {InclusionReason::ALL.into_iter().map(|reason| view! {
                        <Choice kind="checkbox" id=field_id(reason.key()) label=reason.label()
                            checked=Signal::derive(move || state.with(|a| a.soa.added.get(index).is_some_and(|c| c.reasons.contains(&reason))))
                            on_change=Callback::new(move |on| state.edit(|a| {
                                if let Some(c) = a.soa.added.get_mut(index) {
                                    if on { c.reasons.insert(reason); } else { c.reasons.remove(&reason); }
                                }
                            })) />
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for=field_id("status")>"Implementation status"</label>
                    <select id=field_id("status") on:change=move |ev| {
                        let value = event_target_value(&ev);
                        state.edit(|a| {
                            if let Some(c) = a.soa.added.get_mut(index) {
                                c.status = ImplementationStatus::from_key(&value);
                            }
                        });
                    }>
                        <option value="" prop:selected=move || state.with(|a| a.soa.added.get(index).is_none_or(|c| c.status.is_none()))>"Not set"</option>
                        {ImplementationStatus::ALL.into_iter().map(|s| view! {
                            <option value=s.key() prop:selected=move || state.with(|a| a.soa.added.get(index).is_some_and(|c| c.status == Some(s)))>{s.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <TextField id=field_id("notes") label="Notes" kind=TextKind::Area max=crate::codec::MAX_TEXT_CHARS
                    value=read(|c| c.notes.clone()) on_input=write(|c, v| c.notes = v) />
                <div class="actions">
                    <button type="button" class="secondary" on:click=remove>{move || if confirming.get() {
                        format!("Yes, remove added control {n}")
                    } else {
                        format!("Remove added control {n}")
                    }}</button>
                </div>
            </fieldset>
        </li>
    }
}
