//! The benchmark's Leptos floor: the reference section's radio groups (IDs, titles and the six level names)
//! rendered by a minimal Leptos CSR app with none of the app's content, state, storage or logic.
//!
//! `make bench` builds it with the same Trunk pipeline, release profile and Content-Security-Policy as the
//! app (`tests/bench/floor.html`) and measures it next to the app and the static page, so the table shows
//! how much of the app's start-up and size any Leptos app pays before it does anything at all.

#[cfg(target_arch = "wasm32")]
fn main() {
    use aims_readiness::catalogue::standard::{SECTIONS, SUBCLAUSES};
    use leptos::prelude::*;

    const LEVELS: [&str; 6] = [
        "Not started",
        "Initial",
        "Partial",
        "Implemented",
        "Measured",
        "Optimising",
    ];

    leptos::mount::mount_to_body(|| {
        let (section, title) = SECTIONS[0];
        let prefix = format!("{section}.");
        let answered = RwSignal::new(0usize);
        let groups = SUBCLAUSES
            .iter()
            .filter(|(id, _)| id.starts_with(&prefix))
            .map(|&(id, title)| {
                let radios = LEVELS
                    .iter()
                    .enumerate()
                    .map(|(n, name)| {
                        view! {
                            <label>
                                <input type="radio" name=format!("level-{id}") value=n
                                    on:change=move |_| answered.update(|a| *a += 1)/>
                                {format!(" {n} {name}")}
                            </label>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset data-item-id=id>
                        <legend>{format!("{id} {title}")}</legend>
                        {radios}
                    </fieldset>
                }
            })
            .collect_view();
        view! {
            <main id="main">
                <h1>{format!("{section} {title}")}</h1>
                <p>"Answered: " {move || answered.get()}</p>
                {groups}
            </main>
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The benchmark's Leptos floor runs in the browser: `make bench` builds and measures it."
    );
}
