//! The results dashboard: readiness, charts with table equivalents, gaps, Statement of Applicability,
//! the scoring rule, exports, import and data control. A quick scan gets what a quick scan needs instead:
//! the score and what its band means, the most important gaps with their next steps, the way on to the
//! full assessment and the file and share link near the top, the readiness per section as tables; its
//! Statement of Applicability (mostly undecided after a handful of questions) is one link away.

use leptos::prelude::*;

use crate::assessment::{Level, Mode, MAX_TARGET, MIN_TARGET};
use crate::catalogue::SectionKind;
use crate::gaps;
use crate::gaps::Gap;
use crate::markdown;
use crate::quiz;
use crate::report;
use crate::route::Route;
use crate::score::{self, Figures, SectionScore};
use crate::soa;

use super::{
    bar_chart::BarChart, call_to_action::CallToAction, choice::Choice, data_panel::DataPanel, dom,
    export_panel::ExportPanel, import_panel::ImportPanel, radar_chart::RadarChart, state::AppState,
    table_scroll::TableScroll,
};

/// `data-readiness` carries the whole percent shown; a section without a score has none.
fn readiness_attr(f: &Figures) -> Option<String> {
    f.readiness_pct.map(|p| p.to_string())
}

/// One headline figure (overall, clauses, Annex A).
fn headline(label: &'static str, key: &'static str, figures: Memo<Figures>) -> impl IntoView {
    view! {
        <div class="headline" data-section-id=key data-readiness=move || figures.with(readiness_attr)>
            <span class="headline-label">{label}</span>
            <span class="headline-value">{move || figures.with(Figures::readiness_text)}</span>
            <span class="headline-sub">{move || figures.with(|f| format!("{} complete · maturity {}", f.completion_text(), f.maturity_text()))}</span>
        </div>
    }
}

/// The table that carries a chart's numbers.
fn section_table(caption: &'static str, rows: Vec<SectionScore>) -> impl IntoView {
    view! {
        <TableScroll label=caption>
            <table class="scores">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">"Section"</th><th scope="col">"Readiness"</th>
                    <th scope="col">"Completion"</th><th scope="col">"Maturity (0–5)"</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|s| view! {
                        <tr>
                            <th scope="row"><a href=Route::Assess(Some(s.id.clone())).href()>{format!("{} {}", s.id, s.title)}</a></th>
                            <td data-section-id=s.id.clone() data-readiness=readiness_attr(&s.figures)>{s.figures.readiness_text()}</td>
                            <td>{s.figures.completion_text()}</td>
                            <td>{s.figures.maturity_text()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </TableScroll>
    }
}

/// What makes a gap's row change: the lists redraw a row only when one of these does.
fn gap_key(g: &Gap) -> (String, Option<Level>, u8, Option<String>, Option<String>) {
    (
        g.item_id.clone(),
        g.level,
        g.target,
        g.owner.clone(),
        g.due.clone(),
    )
}

/// One gap of the action plan: the item (a link to its section), its level against the target, the next
/// step, and the owner and due date when the user gave them.
fn gap_item(gap: Gap) -> impl IntoView {
    view! {
        <li>
            <a href=Route::Assess(Some(gap.section_id.clone())).href()>{format!("{} {}", gap.item_id, gap.title)}</a>
            <span class="gap-level">{format!(" — {}, target {}", gap.current_text(), gap.target)}</span>
            <p class="gap-step">{gap.next_step.clone()}</p>
            {gap.owner_due_text().map(|text| view! { <p class="gap-meta">{text}</p> })}
        </li>
    }
}

/// An action plan's rows, redrawn by [`gap_key`].
fn gap_rows(gaps: impl Fn() -> Vec<Gap> + Send + Sync + 'static) -> impl IntoView {
    view! {
        <For each=gaps key=gap_key let:gap>
            {gap_item(gap)}
        </For>
    }
}

/// The dashboard page.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let card = state.scorecard;
    let overall = Memo::new(move |_| card.with(|c| c.overall.clone()));
    let clauses = Memo::new(move |_| card.with(|c| c.clauses.clone()));
    let annex = Memo::new(move |_| card.with(|c| c.annex_a.clone()));
    let of_kind = move |kind: SectionKind| {
        card.with(|c| {
            c.sections
                .iter()
                .filter(|s| s.kind == kind)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let rule = markdown::to_html(score::RULE_MARKDOWN);
    let gap_list = Memo::new(move |_| state.with(|a| gaps::gaps(cat, a)));
    let gap_filter = RwSignal::new(gaps::Filter::All);
    let shown_gaps = Memo::new(move |_| {
        let filter = gap_filter.get();
        gap_list.with(|g| {
            g.iter()
                .filter(|x| filter.keeps(x))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let soa_rows = Memo::new(move |_| state.with(|a| soa::soa(cat, a)));
    let report_html = move || state.with(|a| markdown::to_html(&report::report_markdown(cat, a)));

    let quick = Memo::new(move |_| card.with(|c| c.indicative));
    let top_gaps = Memo::new(move |_| state.with(|a| quiz::top_gaps(cat, a)));
    // The quick scan's answers stay; the full assessment asks the rest, from the first section.
    let take_full = move |_| {
        state.edit(|a| a.mode = Mode::Full);
        dom::navigate(&Route::Assess(None));
    };
    // The section tables without their charts: what a quick scan's result needs on a phone.
    let quick_tables = move || {
        view! {
            <section class="card" aria-labelledby="sections-title">
                <h2 id="sections-title">"Readiness per section"</h2>
                {section_table("Readiness per clause", of_kind(SectionKind::Clause))}
                {section_table("Readiness per Annex A category", of_kind(SectionKind::AnnexA))}
            </section>
        }
    };
    let full_dashboard = move || {
        view! {
            <div class="charts">
                <section class="card" aria-labelledby="clauses-title">
                    <h2 id="clauses-title">"Clauses 4–10"</h2>
                    {move || {
                        let rows = of_kind(SectionKind::Clause);
                        let values = rows.iter().map(|s| (s.id.clone(), s.figures.readiness)).collect();
                        view! {
                            <RadarChart values=values label="Radar chart of readiness per clause; the table below gives the numbers.".to_owned() />
                            {section_table("Readiness per clause", rows)}
                        }
                    }}
                </section>
                <section class="card" aria-labelledby="annex-title">
                    <h2 id="annex-title">"Annex A categories"</h2>
                    {move || {
                        let rows = of_kind(SectionKind::AnnexA);
                        let values = rows.iter().map(|s| (s.id.clone(), s.figures.readiness, s.figures.readiness_text())).collect();
                        view! {
                            <BarChart values=values label="Bar chart of readiness per Annex A category; the table below gives the numbers.".to_owned() />
                            {section_table("Readiness per Annex A category", rows)}
                        }
                    }}
                </section>
            </div>

            <section class="card" aria-labelledby="gaps-title">
                <h2 id="gaps-title">"Gaps and action plan"</h2>
                <p>{move || gap_list.with(|g| gaps::summary(g.len()))}</p>
                <Show when=move || gap_list.with(|g| !g.is_empty())>
                    <fieldset class="field gap-filter">
                        <legend>"Show"</legend>
                        // The counts are in the labels, so the radios follow the list.
                        {move || gap_list.with(|g| gaps::Filter::ALL.map(|f| (f, f.label(g)))).into_iter().map(|(f, label)| view! {
                            <Choice kind="radio" name="gap-filter" id=format!("gap-filter-{}", f.key()) label=label
                                checked=Signal::derive(move || gap_filter.get() == f)
                                on_change=Callback::new(move |on| if on { gap_filter.set(f) }) />
                        }).collect_view()}
                    </fieldset>
                </Show>
                <ol class="gaps">
                    {gap_rows(move || shown_gaps.get())}
                </ol>
            </section>

            <section class="card" aria-labelledby="soa-title">
                <h2 id="soa-title">"Statement of Applicability"</h2>
                <p>
                    "All 38 Annex A controls, whatever the mode: a control you answer is included, one you mark not applicable is excluded with its justification. "
                    <a href=Route::Soa.href()>"Record the reasons, statuses, version and approver of your Statement of Applicability"</a>
                    "."
                </p>
                <TableScroll label="Statement of Applicability table">
                    <table class="soa">
                        <caption class="visually-hidden">"Statement of Applicability"</caption>
                        <thead><tr>
                            <th scope="col">"Control"</th><th scope="col">"Decision"</th><th scope="col">"Justification"</th>
                            <th scope="col">"Status"</th><th scope="col">"Level"</th><th scope="col">"Notes"</th>
                        </tr></thead>
                        <tbody>
                            <For each=move || soa_rows.get() key=|r| format!("{r:?}") let:row>
                                <tr>
                                    <th scope="row">{format!("{} {}", row.control_id, row.title)}</th>
                                    <td class=row.applicable.key()>{row.applicable.label()}</td>
                                    <td>{row.justification_text()}</td>
                                    <td>{row.status_text()}</td>
                                    <td>{row.level.map(|l| l.to_string()).unwrap_or_else(|| score::NO_VALUE.to_owned())}</td>
                                    <td>{row.notes.clone()}</td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </TableScroll>
            </section>

            <ExportPanel />
        }
    };

    view! {
        <div class="screen-only">
            <h1 tabindex="-1">"Results"</h1>
            <Show when=move || quick.get()>
                <div class="banner banner-info quick-next">
                    <p>"Quick scan: these numbers are indicative, based on the key questions only. Take the full assessment for a complete picture; your answers are kept."</p>
                    <button type="button" class="button" on:click=take_full>"Take the full assessment"</button>
                </div>
            </Show>

            <section class="summary" aria-labelledby="summary-title">
                <h2 id="summary-title" class="visually-hidden">"Summary"</h2>
                <div class="headline headline-main" data-section-id="overall" data-readiness=move || overall.with(readiness_attr)>
                    <span class="headline-label">"Overall readiness"</span>
                    <span class="headline-value">{move || overall.with(Figures::readiness_text)}</span>
                    <span class="band">{move || card.with(|c| c.band_text())}</span>
                    <span class="band-line">{move || card.with(|c| quiz::band_line(c.band))}</span>
                    <span class="headline-sub">{move || overall.with(|f| format!("{} of {} answered ({})", f.answered, f.in_scope, f.completion_text()))}</span>
                    <Show when=move || card.with(|c| c.audit_ready_held_back())>
                        <span class="headline-note">"Audit-ready needs every clause requirement at the target level; see the gaps below."</span>
                    </Show>
                </div>
                {headline("Clauses 4–10", "clauses", clauses)}
                {headline("Annex A controls", "annex-a", annex)}
                <div class="target">
                    <label for="target-level">"Target level"</label>
                    <select id="target-level" on:change=move |ev| {
                        if let Ok(t) = event_target_value(&ev).parse::<u8>() {
                            state.edit(|a| { let _ = a.set_target(t); });
                        }
                    }>
                        {(MIN_TARGET..=MAX_TARGET).map(|t| {
                            let name = cat.level(t).map(|l| l.name.clone()).unwrap_or_default();
                            view! { <option value=t.to_string() prop:selected=move || card.with(|c| c.target == t)>{format!("{t} · {name}")}</option> }
                        }).collect_view()}
                    </select>
                    <p class="hint">"3 · Implemented is what a certification audit looks for."</p>
                </div>
            </section>

            <CallToAction />

            <Show when=move || quick.get() fallback=full_dashboard>
                <section class="card" aria-labelledby="top-gaps-title">
                    <h2 id="top-gaps-title">"The most important gaps"</h2>
                    <p>{move || gap_list.with(|g| gaps::summary(g.len()))}</p>
                    <ol class="gaps top-gaps">
                        {gap_rows(move || top_gaps.get())}
                    </ol>
                    <Show when=move || gap_list.with(|g| g.len() > quiz::TOP_GAPS)>
                        <details class="all-gaps">
                            <summary>{move || gap_list.with(|g| format!("All {} gaps", g.len()))}</summary>
                            <ol class="gaps">
                                {gap_rows(move || gap_list.get())}
                            </ol>
                        </details>
                    </Show>
                    <p>
                        "Your Statement of Applicability covers all 38 Annex A controls; after a quick scan most are still undecided. "
                        <a href=Route::Soa.href()>"Open the Statement of Applicability"</a>
                        "."
                    </p>
                </section>
                <ExportPanel />
                {quick_tables()}
            </Show>

            <details class="card rule">
                <summary>"How the score is computed"</summary>
                <div class="prose" inner_html=rule></div>
            </details>

            <ImportPanel />
            <DataPanel />
        </div>
        <article class="print-only prose" inner_html=report_html></article>
    }
}
