//! One requirement: question, maturity choice, not-applicable with justification, the optional checkpoints,
//! guidance, evidence, crosswalks and the user's own notes.

use leptos::prelude::*;

use crate::assessment::{Answer, Level, Response};
use crate::catalogue::Item;
use crate::checkpoints;
use crate::codec;
use crate::markdown;

use super::{
    choice::Choice,
    level_radio::LevelRadio,
    state::AppState,
    table_scroll::TableScroll,
    text_field::{TextField, TextKind},
};

/// The card of one item, marked with `data-item-id` for automation.
#[component]
pub fn ItemCard(
    /// The item to show.
    item: &'static Item,
) -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let id = item.id.as_str();
    let answer = move || state.with(|a| a.answer(id).cloned());
    // Chosen "not applicable" but no justification written yet: nothing is recorded until there is one.
    let na_pending = RwSignal::new(false);
    let na_shown =
        move || na_pending.get() || matches!(answer(), Some(Answer::NotApplicable { .. }));
    // A memo, so that text refused below stays in the field until the stored value really changes.
    let justification = Memo::new(move |_| match answer() {
        Some(Answer::NotApplicable { justification }) => justification,
        _ => String::new(),
    });
    let dom_id = id.replace('.', "-");
    let heading_id = format!("item-{dom_id}");
    let labelled_by = heading_id.clone();
    let group = format!("level-{id}");

    let level_radio = {
        let (dom_id, group) = (dom_id.clone(), group.clone());
        move |level: Level| {
            let n = level.get();
            let generic = cat.level(n).map(|l| l.name.clone()).unwrap_or_default();
            let input_id = format!("{dom_id}-level-{n}");
            view! {
                <LevelRadio id=input_id group=group.clone() value=n.to_string()
                    name=format!("{n} · {generic}")
                    description=item.levels.get(usize::from(n)).cloned().unwrap_or_default()
                    checked=Signal::derive(move || !na_shown() && answer() == Some(Answer::Level(level)))
                    on_choose=Callback::new(move |()| {
                        na_pending.set(false);
                        state.edit(|a| { let _ = a.set_level(cat, id, level); });
                    }) />
            }
        }
    };
    let na_radio = item.allows_not_applicable().then(|| {
        let input_id = format!("{dom_id}-level-na");
        view! {
            <LevelRadio id=input_id group=group.clone() value="na" class="level-na"
                name="Not applicable"
                description="This control does not apply to your organisation; you must say why in your Statement of Applicability."
                checked=Signal::derive(na_shown)
                on_choose=Callback::new(move |()| {
                    // Until a justification is written the control is unanswered, in storage as on
                    // screen: a level chosen before does not stay stored and scored.
                    na_pending.set(true);
                    state.edit(|a| {
                        if !matches!(a.answer(id), Some(Answer::NotApplicable { .. })) {
                            a.clear_answer(id);
                        }
                    });
                    let focus_id = format!("{}-justification", id.replace('.', "-"));
                    request_animation_frame(move || super::dom::focus(&format!("#{focus_id}")));
                }) />
        }
    });
    let justification_id = format!("{dom_id}-justification");
    let justification_error_id = format!("{dom_id}-justification-error");

    let field_prefix = dom_id.clone();
    let field = move |label: &'static str,
                      key: &'static str,
                      kind: TextKind,
                      read: fn(&Response) -> String,
                      write: fn(&mut Response, String)| {
        view! {
            <TextField id=format!("{field_prefix}-{key}") label=label kind=kind max=if kind == TextKind::Area { 20_000 } else { 500 }
                value=Signal::derive(move || state.with(|a| a.response(id).map(read).unwrap_or_default()))
                on_input=Callback::new(move |v: String| state.try_edit(|a| { let _ = a.edit_response(cat, id, |r| write(r, v)); })) />
        }
    };
    // Open the notes when there are some; after that the user decides.
    let has_notes = state.assessment.with_untracked(|a| {
        a.as_ref().and_then(|a| a.response(id)).is_some_and(|r| {
            !(r.notes.is_empty() && r.evidence.is_empty() && r.owner.is_empty() && r.due.is_empty())
        })
    });

    // The contents of each <details> are built the first time it opens (and then kept), so a section
    // page shows its questions without first building every item's guidance, tables and note fields.
    let guidance_opened = RwSignal::new(false);
    let notes_opened = RwSignal::new(has_notes);
    let guidance = move || {
        let nist = cat.nist_rows(id);
        let eu = cat.eu_rows(id);
        let has_crosswalks = !nist.is_empty() || !eu.is_empty();
        view! {
            <div class="prose" inner_html=markdown::to_html(&item.guidance)></div>
            <h3>"Evidence an auditor would accept"</h3>
            <ul>{item.evidence.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul>
            <h3>"Next step if you are not there yet"</h3>
            <p>{item.next_step.clone()}</p>
            {has_crosswalks.then(|| view! {
                <h3>"Related frameworks"</h3>
                {(!nist.is_empty()).then(|| view! {
                    <TableScroll label=format!("NIST AI RMF 1.0 subcategories for {id}")>
                        <table class="crosswalk">
                            <caption>"NIST AI RMF 1.0 subcategories mapped to this requirement"</caption>
                            <thead><tr><th scope="col">"Subcategory"</th><th scope="col">"Outcome"</th><th scope="col">"Source"</th></tr></thead>
                            <tbody>{nist.iter().map(|row| view! {
                                <tr><td>{row.subcategory.id.clone()}</td><td>{row.subcategory.text.clone()}</td><td>{format!("{} ({})", row.source.title, row.source.location)}</td></tr>
                            }).collect_view()}</tbody>
                        </table>
                    </TableScroll>
                })}
                {(!eu.is_empty()).then(|| view! {
                    <TableScroll label=format!("EU AI Act articles for {id}")>
                        <table class="crosswalk">
                            <caption>"EU AI Act articles a public source links to this requirement"</caption>
                            <thead><tr><th scope="col">"Article"</th><th scope="col">"Relation"</th><th scope="col">"Confidence"</th><th scope="col">"Source"</th></tr></thead>
                            <tbody>{eu.iter().map(|row| view! {
                                <tr>
                                    <td>{row.mapping.article.clone()}</td>
                                    <td>{row.mapping.relation.clone()}</td>
                                    <td>{row.mapping.confidence.clone()}</td>
                                    <td>{row.sources.iter().map(|s| format!("{} ({})", s.title, s.location)).collect::<Vec<_>>().join("; ")}</td>
                                </tr>
                            }).collect_view()}</tbody>
                        </table>
                    </TableScroll>
                    <p class="ai-act-roles">{move || state.with(|a| a.profile.ai_act_note())}</p>
                    <p class="caveat">{cat.crosswalks.eu_ai_act_caveat.clone()}</p>
                })}
            })}
        }
    };
    let notes = move || {
        view! {
            {field("Notes", "notes", TextKind::Area, |r| r.notes.clone(), |r, v| r.notes = v)}
            {field("Evidence (documents, records, links; kept as text)", "evidence", TextKind::Area, |r| r.evidence.clone(), |r, v| r.evidence = v)}
            <div class="field-row">
                {field("Owner", "owner", TextKind::Line, |r| r.owner.clone(), |r, v| r.owner = v)}
                {field("Due date", "due", TextKind::Date, |r| r.due.clone(), |r, v| r.due = v)}
            </div>
        }
    };

    // The item's single requirements as optional tick boxes; built the first time they are opened, and
    // open from the start when some are ticked already.
    let has_ticks = state.assessment.with_untracked(|a| {
        a.as_ref()
            .and_then(|a| a.response(id))
            .is_some_and(|r| !r.checkpoints.is_empty())
    });
    let checkpoints_opened = RwSignal::new(has_ticks);
    let checkpoint_summary = move || {
        state.with(|a| {
            checkpoints::for_item(item, a)
                .map(|c| c.summary())
                .unwrap_or_default()
        })
    };
    let checkpoint_boxes = {
        let dom_id = dom_id.clone();
        move || {
            view! {
                <fieldset class="checkpoints">
                    <legend>{format!("Checkpoints for {id} (optional: the maturity level stays the score)")}</legend>
                    {item.checkpoints.iter().map(|c| {
                        let checkpoint = c.id.as_str();
                        view! {
                            <Choice kind="checkbox" id=format!("{dom_id}-checkpoint-{checkpoint}") label=c.text.clone()
                                checked=Signal::derive(move || state.with(|a| a.response(id).is_some_and(|r| r.checkpoints.contains(checkpoint))))
                                on_change=Callback::new(move |on| state.edit(|a| { let _ = a.set_checkpoint(cat, id, checkpoint, on); })) />
                        }
                    }).collect_view()}
                </fieldset>
            }
        }
    };
    let checkpoints_view = (!item.checkpoints.is_empty()).then(|| {
        view! {
            <details class="checkpoints" open=has_ticks on:toggle=move |_| checkpoints_opened.set(true)>
                <summary>{checkpoint_summary}</summary>
                <Show when=move || checkpoints_opened.get()>{checkpoint_boxes.clone()}</Show>
            </details>
        }
    });

    view! {
        <article class="item" data-item-id=id aria-labelledby=labelled_by>
            <h2 class="item-title" id=heading_id>
                <span class="item-id">{id}</span>" "{item.title.clone()}
                {item.quick.then(|| view! { <span class="badge" title="Part of the quick scan">"key question"</span> })}
            </h2>
            <p class="question">{item.question.clone()}</p>
            <fieldset class="levels">
                <legend>{format!("Maturity for {id}")}</legend>
                {Level::ALL.into_iter().map(level_radio).collect_view()}
                {na_radio}
            </fieldset>
            <Show when=na_shown>
                <div class="field justification">
                    <label for=justification_id.clone()>"Why does this control not apply? (required)"</label>
                    <textarea id=justification_id.clone() rows="2"
                        aria-describedby=justification_error_id.clone()
                        prop:value=justification
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            if let Err(reason) = codec::check_typed_text(&text, codec::MAX_TEXT_CHARS) {
                                state.alert(format!("Not saved: {reason}"));
                                return;
                            }
                            state.edit(|a| {
                                if a.set_not_applicable(cat, id, &text).is_err() {
                                    a.clear_answer(id);
                                }
                            });
                            na_pending.set(true);
                        }></textarea>
                    <p class="field-error" id=justification_error_id.clone()>
                        {move || justification.with(|j| j.trim().is_empty()).then_some("Write a justification: until you do, this control counts as unanswered.")}
                    </p>
                </div>
            </Show>
            {item.allows_not_applicable().then_some(move || {
                state.with(|a| crate::soa::role_hint(cat, id, &a.profile.roles)).map(|hint| view! {
                    <p class=match hint.likelihood {
                        crate::catalogue::Likelihood::Usually => "soa-hint usually",
                        crate::catalogue::Likelihood::Rarely => "soa-hint rarely",
                    }>
                        <span class="visually-hidden">"Hint from your roles: "</span>{hint.text()}
                    </p>
                })
            })}
            {checkpoints_view}
            <details class="guidance" on:toggle=move |_| guidance_opened.set(true)>
                <summary>"Guidance, evidence and next step"</summary>
                <Show when=move || guidance_opened.get()>{guidance}</Show>
            </details>
            <details class="notes" open=has_notes on:toggle=move |_| notes_opened.set(true)>
                <summary>"Your notes, evidence, owner and due date"</summary>
                <Show when=move || notes_opened.get()>{notes.clone()}</Show>
            </details>
        </article>
    }
}
