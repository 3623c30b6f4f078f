//! `#/compare/<id>/<id>`: two kept assessments side by side (the earlier first), or one of them with a
//! file picked to compare with, which is kept nowhere. Everything shown comes from [`crate::compare`].

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::assessment::Assessment;
use crate::codec::{self, MAX_INPUT_BYTES};
use crate::compare::{self, Comparison, ItemChange, OwnerChange, RowKind};
use crate::gaps::Gap;
use crate::library;
use crate::report;
use crate::route::Route;

use super::{dom, radar_chart::RadarChart, state::AppState, storage, table_scroll::TableScroll};

/// An assessment of the library, the open one as this tab has it.
fn kept(state: AppState, id: &str) -> Result<Assessment, String> {
    if state.open.get_untracked().as_deref() == Some(id) {
        if let Some(a) = state.assessment.get_untracked() {
            return Ok(a);
        }
    }
    storage::load(id, state.catalogue())
}

/// A counted list of the comparison: its heading, then one line per entry (item ID and text), or `none`.
fn change_list<T>(
    heading: &'static str,
    none: &'static str,
    list: &[T],
    line: impl Fn(&T) -> (String, String),
) -> impl IntoView {
    let lines: Vec<(String, String)> = list.iter().map(line).collect();
    view! {
        <section class="card" aria-label=heading>
            <h2>{format!("{heading} ({})", lines.len())}</h2>
            {if lines.is_empty() {
                view! { <p>{none}</p> }.into_any()
            } else {
                view! { <ul>{lines.into_iter().map(|(id, text)| view! { <li data-item-id=id>{text}</li> }).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}

fn item_line(c: &ItemChange) -> (String, String) {
    (
        c.item_id.clone(),
        format!(
            "{} {}: {} → {}",
            c.item_id,
            c.title,
            c.before_text(),
            c.after_text()
        ),
    )
}

fn gap_line(g: &Gap) -> (String, String) {
    (
        g.item_id.clone(),
        format!(
            "{} {}: {}, target {}",
            g.item_id,
            g.title,
            g.current_text(),
            g.target
        ),
    )
}

fn owner_line(o: &OwnerChange) -> (String, String) {
    let or_not_set = |t: &str| {
        if t.is_empty() {
            "not set".to_owned()
        } else {
            t.to_owned()
        }
    };
    (
        o.item_id.clone(),
        format!(
            "{} {}: owner {} → {}, due {} → {}",
            o.item_id,
            o.title,
            or_not_set(&o.owner_before),
            or_not_set(&o.owner_after),
            or_not_set(&o.due_before),
            or_not_set(&o.due_after)
        ),
    )
}

/// The comparison of two assessments.
#[component]
pub fn ComparePage(
    /// The earlier assessment's library ID.
    first: String,
    /// The later assessment's library ID.
    second: String,
) -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let before = kept(state, &first);
    // A file picked to compare with, in place of the second assessment; kept nowhere.
    let picked: RwSignal<Option<(String, Assessment)>> = RwSignal::new(None);
    let second_kept = kept(state, &second);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let on_file = move |_| {
        let Some(file) = input_ref.get().and_then(|input| dom::take_file(&input)) else {
            return;
        };
        spawn_local(async move {
            let read = if file.size() > MAX_INPUT_BYTES as f64 {
                Err("it is larger than an assessment file can be.".to_owned())
            } else {
                dom::read_file(&file).await
            };
            let decoded =
                read.and_then(|bytes| codec::decode(&bytes, cat).map_err(|e| e.to_string()));
            match decoded {
                Ok(p) => {
                    state.status(format!(
                        "Comparing with “{}”; the file is not kept.",
                        file.name()
                    ));
                    picked.set(Some((file.name(), p.assessment)));
                }
                Err(error) => state.alert(format!("“{}” cannot be compared: {error}", file.name())),
            }
        });
    };

    let body = move || {
        let before = match &before {
            Ok(a) => a.clone(),
            Err(message) => return view! { <p class="banner banner-error" role="alert">{format!("The first assessment: {message}")}</p> }.into_any(),
        };
        let after = match (picked.get(), &second_kept) {
            (Some((_, file)), _) => file,
            (None, Ok(a)) => a.clone(),
            (None, Err(message)) => return view! { <p class="banner banner-error" role="alert">{format!("The second assessment: {message}")}</p> }.into_any(),
        };
        // A picked file goes first if it changed earlier: the earlier always comes first.
        let (before, after) = if picked.with(Option::is_some) && after.updated < before.updated {
            (after, before)
        } else {
            (before, after)
        };
        let c: Comparison = compare::compare(cat, &before, &after);
        let stem = format!(
            "comparison-{}",
            report::slug(&compare::comparison_title(&c))
        );
        let offer = {
            let c = c.clone();
            move |ext: &'static str, mime: &'static str, build: fn(&Comparison) -> String| {
                let c = c.clone();
                let name = format!("{stem}.{ext}");
                move |_| state.offer_file(&name, mime, &build(&c))
            }
        };
        let clause_rows: Vec<_> = c
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::Section(crate::catalogue::SectionKind::Clause))
            .collect();
        let radar_before = clause_rows
            .iter()
            .map(|r| (r.id.clone(), r.before_readiness()))
            .collect::<Vec<_>>();
        let radar_after = clause_rows
            .iter()
            .map(|r| (r.id.clone(), r.after_readiness()))
            .collect::<Vec<_>>();
        view! {
            <p>{format!("Earlier: {}.", c.before.summary())}<br />{format!("Later: {}.", c.after.summary())}</p>
            {c.caveats.iter().map(|k| view! { <p class="banner banner-info">{k.text()}</p> }).collect_view()}
            <section class="card" aria-labelledby="compare-table-title">
                <h2 id="compare-table-title">"Readiness per section"</h2>
                <RadarChart values=radar_before second=radar_after label="Radar chart of readiness per clause, the earlier assessment as the lighter shape, the later as the darker; the table gives the numbers.".to_owned() />
                <TableScroll label="Readiness per section, earlier and later">
                    <table class="scores compare">
                        <caption>"Readiness per section, earlier and later, and the change in percentage points"</caption>
                        <thead><tr><th scope="col">"Section"</th><th scope="col">"Earlier"</th><th scope="col">"Later"</th><th scope="col">"Change"</th></tr></thead>
                        <tbody>
                            {c.rows.iter().map(|r| view! {
                                <tr data-section-id=r.id.clone() data-delta=r.delta_whole().map(|d| d.to_string())>
                                    <th scope="row">{if r.kind == RowKind::Aggregate { r.title.clone() } else { format!("{} {}", r.id, r.title) }}</th>
                                    <td>{r.before_text()}</td>
                                    <td>{r.after_text()}</td>
                                    <td>{r.delta_text()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableScroll>
            </section>
            {change_list("Went up", "No item went up.", &c.raised, item_line)}
            {change_list("Went down", "No item went down.", &c.lowered, item_line)}
            {change_list("Newly not applicable", "No control became not applicable.", &c.newly_not_applicable, item_line)}
            {change_list("Gaps closed", "No gap was closed.", &c.gaps_closed, gap_line)}
            {change_list("Gaps opened", "No new gap.", &c.gaps_opened, gap_line)}
            {change_list("Owners and due dates that changed", "No owner or due date changed.", &c.owners_changed, owner_line)}
            <section class="card" aria-labelledby="compare-export-title">
                <h2 id="compare-export-title">"Export the comparison"</h2>
                <div class="actions wrap">
                    <button type="button" on:click=offer("md", "text/markdown", compare::comparison_markdown)>"Download comparison as Markdown"</button>
                    <button type="button" on:click=offer("html", "text/html", compare::comparison_html)>"Download comparison as HTML"</button>
                    <button type="button" on:click=offer("csv", "text/csv", compare::comparison_csv)>"Download comparison as CSV"</button>
                </div>
            </section>
        }
        .into_any()
    };

    view! {
        <h1 tabindex="-1">"Compare two assessments"</h1>
        {body}
        <section class="card" aria-labelledby="compare-file-title">
            <h2 id="compare-file-title">"Compare with a file instead"</h2>
            <p>"Pick an exported assessment to compare with the first one. The file is read here and kept nowhere."</p>
            <label class="file-label">
                "Assessment file to compare with (.json)"
                <input type="file" accept=".json,application/json" node_ref=input_ref on:change=on_file />
            </label>
            {move || picked.with(|p| p.as_ref().map(|(name, a)| format!("Comparing with “{name}” ({}), not kept.", library::label_of(a))))
                .map(|text| view! { <p>{text}</p> })}
        </section>
        <p><a href=Route::Assessments.href()>"Back to your assessments"</a></p>
    }
}
