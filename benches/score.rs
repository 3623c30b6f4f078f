//! How long scoring a complete assessment takes: the UI re-scores on every answer, so this must stay far
//! below a frame (16 ms). Run with `cargo bench --bench score`; divan reports the time per call.

use aims_readiness::assessment::{Assessment, Level, Mode};
use aims_readiness::catalogue::{catalogue, Catalogue, SectionKind};
use aims_readiness::gaps::gaps;
use aims_readiness::report::report_html;
use aims_readiness::score::score;
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

/// All 70 items answered: levels cycling 0 … 5, every fifth Annex A control not applicable.
fn full_assessment(cat: &Catalogue) -> Assessment {
    let mut a = Assessment::new(Mode::Full, "2025-03-01T10:00:00Z");
    a.profile.name = "Example Ltd".to_owned();
    for (i, item) in cat.items().enumerate() {
        if item.kind == SectionKind::AnnexA && i % 5 == 0 {
            a.set_not_applicable(cat, &item.id, "No such systems in scope")
                .expect("catalogue control accepts N/A");
        } else {
            let level = Level::new((i % 6) as u8).expect("0 … 5 is a level");
            a.set_level(cat, &item.id, level)
                .expect("catalogue item accepts a level");
        }
    }
    a
}

#[divan::bench]
fn score_full_assessment(bencher: Bencher) {
    let cat = catalogue();
    let a = full_assessment(cat);
    assert_eq!(score(cat, &a).overall.answered, 70);
    bencher.bench(|| score(black_box(cat), black_box(&a)));
}

#[divan::bench]
fn gaps_full_assessment(bencher: Bencher) {
    let cat = catalogue();
    let a = full_assessment(cat);
    bencher.bench(|| gaps(black_box(cat), black_box(&a)));
}

#[divan::bench]
fn report_html_full_assessment(bencher: Bencher) {
    let cat = catalogue();
    let a = full_assessment(cat);
    bencher.bench(|| report_html(black_box(cat), black_box(&a)));
}
