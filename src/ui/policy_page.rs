//! The AI policy drafter: a form, a live preview, the editable Markdown, downloads and print.

use leptos::prelude::*;

use crate::assessment::{PolicyInputs, RiskAppetite};
use crate::codec;
use crate::markdown;
use crate::policy;

use super::{
    choice::Choice,
    dom,
    state::AppState,
    text_field::{TextField, TextKind},
};

/// The policy page.
#[component]
pub fn PolicyPage() -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let inputs =
        move |read: fn(&PolicyInputs) -> String| move || state.with(|a| read(&a.policy.inputs));
    let set = move |write: fn(&mut PolicyInputs, String)| {
        Callback::new(move |v: String| state.try_edit(|a| write(&mut a.policy.inputs, v)))
    };
    let markdown_text = Memo::new(move |_| state.with(|a| policy::current_markdown(cat, a)));
    let preview = move || markdown::to_html(&markdown_text.get());
    let edited = move || state.with(|a| a.policy.edited_markdown.is_some());

    let principle_boxes = cat
        .objectives
        .iter()
        .map(|o| {
            let id = o.id.as_str();
            view! {
                <Choice kind="checkbox" id=format!("principle-{}", id.replace('.', "-")) label=o.name.clone() hint=o.explanation.clone()
                    checked=Signal::derive(move || state.with(|a| policy::principles_in_effect(&a.policy.inputs).iter().any(|p| p == id)))
                    on_change=Callback::new(move |on| state.edit(|a| policy::set_principle(cat, &mut a.policy.inputs, id, on))) />
            }
        })
        .collect_view();
    let related_boxes = policy::RELATED_POLICY_SUGGESTIONS
        .iter()
        .enumerate()
        .map(|(i, &name)| {
            view! {
                <Choice kind="checkbox" id=format!("related-{i}") label=name
                    checked=Signal::derive(move || state.with(|a| a.policy.inputs.related_policies.iter().any(|p| p == name)))
                    on_change=Callback::new(move |on| state.edit(|a| a.policy.inputs.set_related(name, on))) />
            }
        })
        .collect_view();
    let appetite = move |value: Option<RiskAppetite>,
                         label: &'static str,
                         meaning: &'static str| {
        view! {
            <Choice kind="radio" name="risk-appetite" id=format!("appetite-{}", value.map_or("unset", RiskAppetite::key))
                label=label hint=meaning
                checked=Signal::derive(move || state.with(|a| a.policy.inputs.risk_appetite == value))
                on_change=Callback::new(move |_| state.edit(|a| a.policy.inputs.risk_appetite = value)) />
        }
    };
    let download = move |kind: &'static str| {
        move |_| {
            let (name, text, mime) = state.with(|a| match kind {
                "md" => (
                    format!("{}.md", policy::file_stem(a)),
                    policy::current_markdown(cat, a),
                    "text/markdown",
                ),
                _ => (
                    format!("{}.html", policy::file_stem(a)),
                    policy::html(cat, a),
                    "text/html",
                ),
            });
            state.offer_file(&name, mime, &text);
        }
    };

    view! {
        <div class="screen-only">
            <h1 tabindex="-1">"AI policy draft"</h1>
            <p class="lead">
                "A ready-to-edit AI policy built from your profile and answers. Where your answers show a gap, the "
                "draft says the part is still to be established and names the next step, so it is honest about what "
                "is in place. Review it with your management before you adopt it."
            </p>
            <div class="policy-layout">
                <form class="policy-form" on:submit=|e| e.prevent_default()>
                    <h2>"Policy details"</h2>
                    <p class="hint">"Everything is optional: empty fields get sensible default wording."</p>
                    <TextField id="policy-scope" label="Scope of the policy" kind=TextKind::Area value=inputs(|i| i.scope.clone()) on_input=set(|i, v| i.scope = v) />
                    <fieldset class="field">
                        <legend>"Guiding principles (Annex C objectives)"</legend>
                        {principle_boxes}
                    </fieldset>
                    <TextField id="policy-extra" label="Further principles (one per line)" kind=TextKind::Area value=inputs(|i| i.extra_principles.clone()) on_input=set(|i, v| i.extra_principles = v) />
                    <fieldset class="field">
                        <legend>"Risk appetite"</legend>
                        {appetite(None, "Not stated", "Until top management sets one, the draft states a low appetite.")}
                        {RiskAppetite::ALL.into_iter().map(|r| appetite(Some(r), r.label(), r.meaning())).collect_view()}
                    </fieldset>
                    <div class="field-row">
                        <TextField id="policy-owner" label="Policy owner (role)" kind=TextKind::Line max=200 placeholder=policy::DEFAULT_OWNER_ROLE value=inputs(|i| i.owner_role.clone()) on_input=set(|i, v| i.owner_role = v) />
                        <TextField id="policy-approver" label="Approved by" kind=TextKind::Line max=200 placeholder=policy::DEFAULT_APPROVER value=inputs(|i| i.approver.clone()) on_input=set(|i, v| i.approver = v) />
                    </div>
                    <div class="field-row">
                        <div class="field">
                            <label for="policy-review">"Review interval"</label>
                            <select id="policy-review" on:change=move |ev| {
                                let v = event_target_value(&ev).parse::<u8>().ok();
                                state.edit(|a| a.policy.inputs.review_months = v);
                            }>
                                {[None, Some(6u8), Some(12), Some(24)].into_iter().map(|m| {
                                    let label = match m { None => "Not stated (12 months)".to_owned(), Some(m) => format!("Every {m} months") };
                                    view! { <option value=m.map(|m| m.to_string()).unwrap_or_default() prop:selected=move || state.with(|a| a.policy.inputs.review_months == m)>{label}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <TextField id="policy-version" label="Version" kind=TextKind::Line max=50 placeholder=policy::DEFAULT_VERSION value=inputs(|i| i.version.clone()) on_input=set(|i, v| i.version = v) />
                        <TextField id="policy-date" label="Effective date" kind=TextKind::Date value=inputs(|i| i.effective_date.clone()) on_input=set(|i, v| i.effective_date = v) />
                    </div>
                    <fieldset class="field">
                        <legend>"Related policies to align with"</legend>
                        {related_boxes}
                    </fieldset>
                    <TextField id="policy-exceptions" label="How exceptions are requested and approved" kind=TextKind::Area value=inputs(|i| i.exceptions.clone()) on_input=set(|i, v| i.exceptions = v) />
                </form>
                <section class="policy-output" aria-labelledby="policy-preview-title">
                    <h2 id="policy-preview-title">"Preview"</h2>
                    <div class="actions wrap">
                        <button type="button" on:click=download("md")>"Download policy as Markdown (.md)"</button>
                        <button type="button" on:click=download("html")>"Download policy as HTML"</button>
                        <button type="button" on:click=move |_| dom::print()>"Print policy"</button>
                    </div>
                    <div class="policy-preview prose" inner_html=preview></div>
                    <details class="policy-editor">
                        <summary>"Edit the text"</summary>
                        <p class="hint">"Edit the Markdown directly. Your edits are saved in this browser and in exports."</p>
                        <Show when=edited>
                            <p class="banner banner-info">"You have edited the text, so changes in the form no longer update it."</p>
                            <button type="button" class="secondary" on:click=move |_| {
                                state.edit(|a| a.policy.edited_markdown = None);
                                state.status("Your edits were discarded; the draft follows the form again.");
                            }>"Discard my edits and regenerate"</button>
                        </Show>
                        <TextField id="policy-markdown" label="Policy text (Markdown)" kind=TextKind::Area rows=24
                            max=codec::MAX_MARKDOWN_CHARS value=markdown_text
                            on_input=Callback::new(move |v: String| state.try_edit(|a| a.policy.edited_markdown = Some(v))) />
                    </details>
                </section>
            </div>
        </div>
        <article class="print-only prose" inner_html=preview></article>
    }
}
