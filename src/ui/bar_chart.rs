//! The bar chart of Annex A category readiness; the table beside it carries the same numbers.

use leptos::prelude::*;

use crate::chart;

/// Horizontal bars, one per category, with the target line at 100 %.
#[component]
pub fn BarChart(
    /// (label, readiness percent, shown text) per bar.
    values: Vec<(String, Option<f64>, String)>,
    /// Accessible summary.
    label: String,
) -> impl IntoView {
    const LABEL_WIDTH: f64 = 56.0;
    const FULL: f64 = 240.0;
    const ROW: f64 = 26.0;
    let height = ROW * values.len() as f64 + 8.0;
    let width = LABEL_WIDTH + FULL + 56.0;
    view! {
        <svg class="chart bars" viewBox=format!("0 0 {width} {height}") role="img" aria-label=label>
            <line class="axis" x1=LABEL_WIDTH y1="0" x2=LABEL_WIDTH y2=height />
            <line class="target-line" x1=LABEL_WIDTH + FULL y1="0" x2=LABEL_WIDTH + FULL y2=height />
            {values.into_iter().enumerate().map(|(i, (name, value, text))| {
                let y = 4.0 + ROW * i as f64;
                view! {
                    <g>
                        <text class="label" x=LABEL_WIDTH - 6.0 y=y + 15.0 text-anchor="end">{name}</text>
                        <rect class="bar" x=LABEL_WIDTH y=y + 3.0 width=format!("{:.1}", chart::bar_length(value, FULL)) height=ROW - 8.0 rx="3" />
                        <text class="value" x=LABEL_WIDTH + chart::bar_length(value, FULL) + 6.0 y=y + 15.0>{text}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}
