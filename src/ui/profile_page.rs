//! The organisation profile: who is being assessed. Every field is optional.

use leptos::prelude::*;

use crate::assessment::{OrgSize, Role};
use crate::route::Route;

use super::{
    choice::Choice,
    state::AppState,
    text_field::{TextField, TextKind},
};

/// The profile form; changes are saved as they are typed.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let state = AppState::expect();
    let text = move |read: fn(&crate::assessment::Profile) -> &String| {
        move || state.with(|a| read(&a.profile).clone())
    };

    let role_box = move |role: Role, hint: &'static str| {
        view! {
            <Choice kind="checkbox" id=format!("role-{}", role.key()) label=role.label() hint=hint
                checked=Signal::derive(move || state.with(|a| a.profile.roles.contains(&role)))
                on_change=Callback::new(move |on| state.edit(|a| a.profile.set_role(role, on))) />
        }
    };

    view! {
        <h1 tabindex="-1">"Your organisation"</h1>
        <p class="lead">"This tailors the report and the AI policy draft. Every field is optional, stays in this browser, and can be changed later."</p>
        <form class="profile" on:submit=|e| e.prevent_default()>
            <TextField id="org-name" label="Organisation name" kind=TextKind::Line max=200 autocomplete="organization"
                value=text(|p| &p.name) on_input=Callback::new(move |v| state.try_edit(|a| a.profile.name = v)) />
            <fieldset class="field">
                <legend>"Your roles towards AI, as ISO/IEC 22989 names them (choose all that apply)"</legend>
                {Role::ALL.into_iter().map(|role| role_box(role, role.meaning())).collect_view()}
            </fieldset>
            <TextField id="org-sector" label="Sector" kind=TextKind::Line max=200 placeholder="For example: insurance, healthcare, software"
                value=text(|p| &p.sector) on_input=Callback::new(move |v| state.try_edit(|a| a.profile.sector = v)) />
            <div class="field">
                <label for="org-size">"Size"</label>
                <select id="org-size"
                    on:change=move |ev| { let v = event_target_value(&ev); state.edit(|a| a.profile.size = OrgSize::from_key(&v)); }>
                    <option value="" prop:selected=move || state.with(|a| a.profile.size.is_none())>"Not stated"</option>
                    {OrgSize::ALL.into_iter().map(|size| view! {
                        <option value=size.key() prop:selected=move || state.with(|a| a.profile.size == Some(size))>{size.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <TextField id="org-systems" label="AI systems in scope" kind=TextKind::Area
                placeholder="For example: claims triage model; customer service chatbot (bought from a supplier)"
                value=text(|p| &p.systems_in_scope) on_input=Callback::new(move |v| state.try_edit(|a| a.profile.systems_in_scope = v)) />
            <div class="actions">
                <a class="button" href=Route::Assess(None).href()>"Continue to the questions"</a>
                <a class="button secondary" href=Route::Assess(None).href()>"Skip for now"</a>
            </div>
        </form>
    }
}
