//! The radar chart of clause readiness; the table beside it carries the same numbers.

use leptos::prelude::*;

use crate::chart;

/// A radar of readiness per clause, with an optional second shape (a later assessment). Screen readers
/// read the table instead.
#[component]
pub fn RadarChart(
    /// (label, readiness percent) per axis.
    values: Vec<(String, Option<f64>)>,
    /// Accessible summary, e.g. "Readiness per clause; the table below gives the numbers."
    label: String,
    /// A second series on the same axes, drawn over the first (a comparison's later assessment).
    #[prop(optional)]
    second: Option<Vec<(String, Option<f64>)>>,
) -> impl IntoView {
    const SIZE: f64 = 320.0;
    let r = chart::radar(&values, SIZE);
    let later = second.map(|s| chart::radar(&s, SIZE));
    let first_class = if later.is_some() {
        "area earlier"
    } else {
        "area"
    };
    view! {
        <svg class="chart radar" viewBox=format!("0 0 {SIZE} {SIZE}") role="img" aria-label=label>
            {r.rings.iter().map(|ring| view! { <polygon class="ring" points=ring.clone() /> }).collect_view()}
            {r.axes.iter().map(|p| view! {
                <line class="axis" x1=format!("{:.1}", r.centre.x) y1=format!("{:.1}", r.centre.y) x2=format!("{:.1}", p.x) y2=format!("{:.1}", p.y) />
            }).collect_view()}
            <polygon class=first_class points=r.polygon.clone() />
            {r.dots.iter().map(|p| view! { <circle class="dot" cx=format!("{:.1}", p.x) cy=format!("{:.1}", p.y) r="3.5" /> }).collect_view()}
            {later.map(|l| view! {
                <polygon class="area later" points=l.polygon.clone() />
                {l.dots.iter().map(|p| view! { <circle class="dot later" cx=format!("{:.1}", p.x) cy=format!("{:.1}", p.y) r="3.5" /> }).collect_view()}
            })}
            {r.labels.iter().map(|l| view! {
                <text class="label" x=format!("{:.1}", l.at.x) y=format!("{:.1}", l.at.y + 4.0) text-anchor=l.anchor>{l.text.clone()}</text>
            }).collect_view()}
        </svg>
    }
}
