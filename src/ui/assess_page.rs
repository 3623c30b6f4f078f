//! The questionnaire, one section (a clause or an Annex A category) per page.

use leptos::prelude::*;

use crate::catalogue::{Item, Section, SectionKind};
use crate::route::Route;
use crate::score;

use super::{item_card::ItemCard, section_nav::SectionNav, state::AppState};

/// A section's items with the section list beside them and previous/next links.
#[component]
pub fn AssessPage(
    /// The section to show ("6", "A.6"); `None` for the first one.
    section: Option<String>,
) -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let id = section.unwrap_or_else(|| cat.sections[0].id.clone());
    let Some(section) = cat.section(&id) else {
        return view! {
            <h1 tabindex="-1">"Section not found"</h1>
            <p>"There is no section “" {id} "”. Sections are the clauses 4 to 10 and the Annex A categories A.2 to A.10."</p>
            <SectionNav current=String::new() />
        }
        .into_any();
    };
    let position = cat
        .sections
        .iter()
        .position(|s| s.id == section.id)
        .unwrap_or(0);
    let previous = position.checked_sub(1).and_then(|i| cat.sections.get(i));
    let next = cat.sections.get(position + 1);
    let eyebrow = match section.kind {
        SectionKind::Clause => format!("Clause {} · required for certification", section.id),
        SectionKind::AnnexA => format!(
            "Annex A · category {} · controls chosen in your Statement of Applicability",
            section.id
        ),
    };
    let section_id = section.id.clone();
    let progress = move || {
        state.scorecard.with(|card| {
            card.section(&section_id)
                .map(|s| (s.figures.answered, s.figures.in_scope))
                .unwrap_or((0, 0))
        })
    };
    let overall = move || {
        state
            .scorecard
            .with(|c| (c.overall.answered, c.overall.in_scope))
    };

    view! {
        <div class="assess-layout">
            <SectionNav current=section.id.clone() />
            <div class="assess-main">
                <p class="eyebrow">{eyebrow}</p>
                <h1 tabindex="-1">{format!("{} {}", section.id, section.title)}</h1>
                <p class="lead">{section.summary.clone()}</p>
                <div class="progress-line">
                    <label for="overall-progress">
                        {move || { let (done, of) = overall(); format!("Overall progress: {done} of {of} answered") }}
                    </label>
                    <progress id="overall-progress" max=move || overall().1.max(1) value=move || overall().0></progress>
                    <span class="section-progress">
                        {move || { let (done, of) = progress(); format!("This section: {done} of {of}") }}
                    </span>
                </div>
                <Show when=move || state.mode.get() == crate::assessment::Mode::Quick>
                    <p class="hint">"Quick scan: this page shows the key questions of this section. Choose Full assessment on the start page to see them all; your answers are kept."</p>
                </Show>
                {move || groups(section, state.mode.get())}
                <nav class="pager" aria-label="Sections">
                    {previous.map(|p| view! {
                        <a class="button secondary" rel="prev" href=Route::Assess(Some(p.id.clone())).href()>
                            {format!("← {} {}", p.id, p.title)}
                        </a>
                    })}
                    {match next {
                        Some(n) => view! {
                            <a class="button" rel="next" href=Route::Assess(Some(n.id.clone())).href()>
                                {format!("{} {} →", n.id, n.title)}
                            </a>
                        }.into_any(),
                        None => view! { <a class="button" href=Route::Results.href()>"See your results →"</a> }.into_any(),
                    }}
                </nav>
            </div>
        </div>
    }
    .into_any()
}

/// The section's items in scope, under their sub-group headings where the section has sub-groups.
fn groups(section: &'static Section, mode: crate::assessment::Mode) -> impl IntoView {
    let in_scope = move |group: Option<&str>| -> Vec<&'static Item> {
        section
            .items
            .iter()
            .filter(|i| {
                score::is_in_scope(i, mode) && (group.is_none() || i.group.as_deref() == group)
            })
            .collect()
    };
    let list = |items: Vec<&'static Item>| {
        view! {
            <For each=move || items.clone() key=|item| item.id.clone() let:item>
                <ItemCard item=item />
            </For>
        }
    };
    if section.groups.is_empty() {
        return list(in_scope(None)).into_any();
    }
    section
        .groups
        .iter()
        .filter_map(|g| {
            let items = in_scope(Some(&g.id));
            (!items.is_empty()).then(|| {
                view! {
                    <section class="group" aria-labelledby=format!("group-{}", g.id)>
                        <h2 id=format!("group-{}", g.id)>{format!("{} {}", g.id, g.title)}</h2>
                        <p>{g.summary.clone()}</p>
                        {list(items)}
                    </section>
                }
            })
        })
        .collect_view()
        .into_any()
}
