//! The browser shell (wasm32 only): Leptos components that show the core's results and wire events to
//! core calls. Only [`storage`] touches localStorage.

mod storage;

use leptos::prelude::*;

use crate::assessment::Level;
use crate::catalogue::catalogue;
use crate::markdown;

/// Mounts the app on the page body.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// The whole app.
#[component]
fn App() -> impl IntoView {
    let cat = catalogue();
    let item = cat.item("4.1").expect("4.1 is in the catalogue");
    let chosen = RwSignal::new(storage::load_level("4.1"));
    Effect::new(move |_| {
        if let Some(level) = chosen.get() {
            storage::save_level("4.1", level);
        }
    });
    let about = markdown::to_html(&cat.about);
    view! {
        <main id="main">
            <h1>"ISO/IEC 42001 readiness self-assessment"</h1>
            <p class="privacy">"Everything you enter stays in this browser. Nothing is sent anywhere."</p>
            <fieldset data-item-id=item.id.clone()>
                <legend>{format!("{} {}", item.id, item.title)}</legend>
                <p>{item.question.clone()}</p>
                {Level::ALL.into_iter().map(|level| {
                    let n = level.get();
                    view! {
                        <label>
                            <input type="radio" name="level-4.1" value=n.to_string()
                                prop:checked=move || chosen.get() == Some(level)
                                on:change=move |_| chosen.set(Some(level)) />
                            {format!("{n} {}", cat.level(n).map(|l| l.name.as_str()).unwrap_or_default())}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <section inner_html=about></section>
        </main>
    }
}
