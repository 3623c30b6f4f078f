//! The app's state, shared through context: the assessment (the one thing that is persisted), what the
//! save indicator and the live regions say, and what storage reported at start-up.

use leptos::prelude::*;

use crate::assessment::{Assessment, Mode};
use crate::catalogue::{catalogue, Catalogue};
use crate::codec;
use crate::route::Route;
use crate::score::{self, Scorecard};

use super::{dom, storage};

/// What the "Saved locally" indicator shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to save yet.
    Idle,
    /// Saved at this local time.
    Saved(String),
    /// The last save failed, with a message.
    Failed(String),
}

/// A message for the live regions: polite status, or an alert for errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    None,
    Status(String),
    Alert(String),
}

/// The state every component reads, provided once by [`AppState::provide`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// The assessment in progress; `None` until the user starts one (or after deleting all data).
    pub assessment: RwSignal<Option<Assessment>>,
    pub route: RwSignal<Route>,
    pub save: RwSignal<SaveStatus>,
    pub notice: RwSignal<Notice>,
    /// The message about stored data that could not be read (the data itself stays in storage).
    pub unreadable: RwSignal<Option<String>>,
    /// The assessment the last import replaced, restorable once.
    pub backup: RwSignal<Option<Assessment>>,
    /// Scores of the current assessment.
    pub scorecard: Memo<Scorecard>,
    /// The current mode (quick scan or full), changing only when the mode does.
    pub mode: Memo<Mode>,
}

impl AppState {
    /// Loads storage, provides the state as context, and sets up the one persisting effect.
    pub fn provide() -> AppState {
        let cat = catalogue();
        let (initial, unreadable, notice) = match storage::load(cat) {
            storage::Loaded::Nothing => (None, None, Notice::None),
            storage::Loaded::Found(a) => (Some(*a), None, Notice::None),
            storage::Loaded::Unreadable { message } => (None, Some(message), Notice::None),
            storage::Loaded::Unavailable => (
                None,
                None,
                Notice::Alert("This browser does not allow this site to store data, so your answers will be lost when you close the page. Export a JSON file to keep them.".into()),
            ),
        };
        let unreadable = unreadable.or_else(|| storage::kept_unreadable(cat));
        let assessment = RwSignal::new(initial);
        let scorecard = Memo::new(move |_| {
            assessment.with(|a| score::score(cat, a.as_ref().unwrap_or(&empty())))
        });
        let mode =
            Memo::new(move |_| assessment.with(|a| a.as_ref().map(|a| a.mode).unwrap_or_default()));
        let state = AppState {
            assessment,
            route: RwSignal::new(Route::parse(&dom::hash())),
            save: RwSignal::new(SaveStatus::Idle),
            notice: RwSignal::new(notice),
            unreadable: RwSignal::new(unreadable),
            backup: RwSignal::new(storage::backup(cat)),
            scorecard,
            mode,
        };
        provide_context(state);

        // The only place that writes the assessment to storage.
        Effect::new(move |previous: Option<Option<String>>| {
            let encoded = assessment.with(|a| a.as_ref().map(codec::encode));
            if let Some(json) = &encoded {
                if previous.as_ref() != Some(&encoded) {
                    match storage::save(json) {
                        Ok(()) => state.save.set(SaveStatus::Saved(dom::time_of_day())),
                        Err(message) => state.save.set(SaveStatus::Failed(message)),
                    }
                }
            }
            encoded
        });
        state
    }

    /// The state provided by the app.
    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    /// The catalogue the app shows.
    pub fn catalogue(&self) -> &'static Catalogue {
        catalogue()
    }

    /// Changes the assessment, starting a full assessment if none exists, and stamps the change.
    pub fn edit(&self, change: impl FnOnce(&mut Assessment)) {
        let now = dom::now();
        self.assessment.update(|slot| {
            let a = slot.get_or_insert_with(|| Assessment::new(Mode::Full, &now));
            change(a);
            a.touch(&now);
        });
    }

    /// Reads from the assessment (an empty one if none exists yet).
    pub fn with<T>(&self, read: impl FnOnce(&Assessment) -> T) -> T {
        self.assessment.with(|a| match a {
            Some(a) => read(a),
            None => read(&empty()),
        })
    }

    /// Offers a file for download and says whether it worked.
    pub fn offer_file(&self, name: &str, mime: &str, text: &str) {
        match dom::download(name, mime, text) {
            Ok(()) => self.status(format!("Downloaded {name}.")),
            Err(message) => self.alert(message),
        }
    }

    /// Announces a confirmation politely.
    pub fn status(&self, text: impl Into<String>) {
        self.notice.set(Notice::Status(text.into()));
    }

    /// Announces an error.
    pub fn alert(&self, text: impl Into<String>) {
        self.notice.set(Notice::Alert(text.into()));
    }
}

/// The assessment shown before one is started.
fn empty() -> Assessment {
    Assessment::new(Mode::Full, "")
}
