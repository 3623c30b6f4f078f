//! One question of the quiz: progress, the question, the six levels, a short "what this means" that
//! expands, and back and next. Items carry `data-item-id` and their level radios the same names and
//! values as in the full app, for automation.

use leptos::prelude::*;

use crate::assessment::{Answer, Level, Mode};
use crate::quiz::{self, Screen, Target};

use super::{
    super::{level_radio::LevelRadio, state::AppState, state::SaveStatus},
    go,
};

/// Question `index` (0-based) of the quiz.
#[component]
pub fn Question(index: usize) -> impl IntoView {
    let state = AppState::expect();
    let cat = state.catalogue();
    let questions = quiz::questions(cat);
    let count = questions.len();
    let item = questions[index];
    let id = item.id.as_str();
    let section = cat
        .section(&item.section)
        .map(|s| format!("{} {}", s.id, s.title))
        .unwrap_or_default();
    let answer = move || state.with(|a| a.answer(id).cloned());
    let choose = move |level: Level| {
        let target = state
            .assessment
            .with_untracked(|a| quiz::target(a.as_ref()));
        if target == Target::StartNew {
            if let Err(message) = state.create(Mode::Quick) {
                state.alert(format!("Not saved: {message}"));
                return;
            }
        }
        state.edit(|a| {
            a.mode = Mode::Quick;
            let _ = a.set_level(cat, id, level);
        });
    };
    let dom_id = id.replace('.', "-");
    let radios = (0..=5u8)
        .filter_map(Level::new)
        .map(|level| {
            let n = level.get();
            let generic = cat.level(n);
            view! {
                <LevelRadio id=format!("{dom_id}-level-{n}") group=format!("level-{id}") value=n.to_string()
                    name=format!("{n} · {}", generic.map(|l| l.name.as_str()).unwrap_or_default())
                    description=generic.map(|l| l.meaning.clone()).unwrap_or_default()
                    checked=Signal::derive(move || answer() == Some(Answer::Level(level)))
                    on_choose=Callback::new(move |()| choose(level)) />
            }
        })
        .collect_view();
    let not_applicable = move || matches!(answer(), Some(Answer::NotApplicable { .. }));
    let last = index + 1 == count;
    let saved = move || match state.save.get() {
        SaveStatus::Saved(time) => format!("Saved in this browser at {time}."),
        SaveStatus::Failed(message) => format!("Not saved: {message}"),
        SaveStatus::Idle => String::new(),
    };
    let level_three = item.levels.get(3).cloned().unwrap_or_default();

    view! {
        <div class="quiz-progress">
            <p id="quiz-progress-text">{quiz::progress_text(index, count)}</p>
            <progress max=count value=index + 1 aria-labelledby="quiz-progress-text"></progress>
        </div>
        <article class="quiz-question" data-item-id=id aria-labelledby="quiz-question-title">
            <p class="quiz-section">{section}</p>
            <h1 id="quiz-question-title" tabindex="-1">{item.question.clone()}</h1>
            <fieldset class="levels">
                <legend>"Where is your organisation today?"</legend>
                {radios}
            </fieldset>
            <Show when=not_applicable>
                <p class="hint">"You marked this control not applicable in the full assessment. Choosing a level replaces that."</p>
            </Show>
            <details class="quiz-explain">
                <summary>"What this means"</summary>
                <p>{item.guidance.clone()}</p>
                <p><strong>"Level 3, “Implemented”, here: "</strong>{level_three}</p>
            </details>
        </article>
        <div class="actions quiz-nav">
            <button type="button" class="button secondary" on:click=move |_| go(Screen::Question(index).back(count))>"Back"</button>
            <button type="button" class="button" on:click=move |_| go(Screen::Question(index).next(count))>
                {if last { "See my result" } else { "Next" }}
            </button>
        </div>
        <p class="save-status" aria-live="off">{saved}</p>
    }
}
