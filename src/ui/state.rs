//! The app's state, shared through context: the assessment (the one thing that is persisted), what the
//! save indicator and the live regions say, and what storage reported at start-up. Every change to the
//! assessment goes through [`AppState::commit`]: checked by the codec, stored, and sent to other tabs.

use leptos::prelude::*;

use crate::assessment::{Assessment, Mode};
use crate::catalogue::{catalogue, Catalogue};
use crate::codec;
use crate::route::Route;
use crate::score::{self, Scorecard};
use crate::sync::{self, Change, Replica};

use super::{dom, storage, tabs};

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
    /// The assessment in progress; `None` until the user starts one (or after deleting all data). It
    /// always holds what [`codec::encode`] writes: a change the codec would refuse is never made.
    pub assessment: RwSignal<Option<Assessment>>,
    pub route: RwSignal<Route>,
    pub save: RwSignal<SaveStatus>,
    /// The size of the stored assessment in bytes, as the reader counts them.
    pub stored_bytes: RwSignal<usize>,
    pub notice: RwSignal<Notice>,
    /// Stored data that could not be read, and where it is (the data itself stays in storage).
    pub unreadable: RwSignal<Option<storage::Unreadable>>,
    /// The assessment the last import replaced, restorable once.
    pub backup: RwSignal<Option<Assessment>>,
    /// Scores of the current assessment.
    pub scorecard: Memo<Scorecard>,
    /// The current mode (quick scan or full), changing only when the mode does.
    pub mode: Memo<Mode>,
    /// When each part of the assessment last changed, for merging other tabs' changes.
    sync: StoredValue<Replica>,
}

impl AppState {
    /// Loads storage, provides the state as context, and starts listening to other tabs.
    pub fn provide() -> AppState {
        let cat = catalogue();
        let (initial, unreadable, notice) = match storage::load(cat) {
            storage::Loaded::Nothing => (None, None, Notice::None),
            storage::Loaded::Found(a) => (Some(*a), None, Notice::None),
            storage::Loaded::Unreadable(u) => (None, Some(u), Notice::None),
            storage::Loaded::Unavailable => (
                None,
                None,
                Notice::Alert("This browser does not allow this site to store data, so your answers will be lost when you close the page. Export a JSON file to keep them.".into()),
            ),
        };
        let unreadable = unreadable.or_else(|| storage::kept_unreadable(cat));
        let stored_bytes = initial
            .as_ref()
            .and_then(|a| codec::encode(a, cat).ok())
            .map_or(0, |json| json.len());
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
            stored_bytes: RwSignal::new(stored_bytes),
            notice: RwSignal::new(notice),
            unreadable: RwSignal::new(unreadable),
            backup: RwSignal::new(storage::backup(cat)),
            scorecard,
            mode,
            sync: StoredValue::new(Replica::new(tabs::new_tab_id())),
        };
        provide_context(state);
        tabs::listen(move |message| state.receive(&message));
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

    /// Changes the assessment, starting a full assessment if none exists, and stamps the change. A change
    /// the file format could not read back is not made: the reason is announced.
    pub fn edit(&self, change: impl FnOnce(&mut Assessment)) {
        if let Err(message) = self.try_edit(change) {
            self.alert(format!("Not saved: {message}"));
        }
    }

    /// [`AppState::edit`], returning the reason a change was not made instead of announcing it.
    pub fn try_edit(&self, change: impl FnOnce(&mut Assessment)) -> Result<(), String> {
        let now = dom::now();
        // Starting one is an edit too (of every unit): two tabs starting at the same moment keep both
        // tabs' first answers.
        let mut next = self
            .assessment
            .with_untracked(|slot| slot.clone())
            .unwrap_or_else(|| Assessment::new(Mode::Full, &now));
        change(&mut next);
        if self
            .assessment
            .with_untracked(|a| a.as_ref() == Some(&next))
        {
            return Ok(());
        }
        next.touch(&now);
        self.commit(Some(next), Change::Edit)
    }

    /// Replaces the whole assessment (an import, a restore) or removes it (`None`: delete everything), in
    /// every tab.
    pub fn replace(&self, next: Option<Assessment>) -> Result<(), String> {
        self.commit(next, Change::Whole)
    }

    /// The one place that changes the assessment for the user: checks it can be written, stamps the
    /// change, stores it, tells the other tabs, then shows it.
    fn commit(&self, next: Option<Assessment>, change: Change) -> Result<(), String> {
        let encoded = match &next {
            Some(a) => Some(codec::encode(a, catalogue()).map_err(|e| e.to_string())?),
            None => None,
        };
        self.assessment.with_untracked(|previous| {
            self.sync.update_value(|r| {
                r.record(previous.as_ref(), next.as_ref(), change, tabs::now_ms())
            })
        });
        self.persist(encoded.as_deref());
        tabs::send(&self.sync.with_value(|r| r.message(encoded)));
        self.assessment.set(next);
        Ok(())
    }

    /// Writes the encoded assessment to storage (or removes it) and updates the save indicator.
    fn persist(&self, encoded: Option<&str>) {
        match encoded {
            Some(json) => {
                match storage::save(json) {
                    Ok(()) => self.save.set(SaveStatus::Saved(dom::time_of_day())),
                    Err(message) => self.save.set(SaveStatus::Failed(message)),
                }
                self.stored_bytes.set(json.len());
            }
            None => {
                storage::remove_current();
                self.stored_bytes.set(0);
            }
        }
    }

    /// Takes another tab's change: merges it unit by unit ([`crate::sync`]), stores the result whenever it
    /// changes this tab's state or differs from what that tab stored, and sends it back when it differs, so
    /// that tab gets this one's changes too.
    fn receive(&self, message: &sync::Message) {
        let cat = catalogue();
        let theirs = match &message.assessment {
            None => None,
            Some(json) => match codec::decode(json.as_bytes(), cat) {
                Ok(preview) => Some(preview.assessment),
                // Another version of the app: its data is in storage, this tab keeps its own.
                Err(_) => return,
            },
        };
        let before = self.sync.get_value();
        let ours = self.assessment.get_untracked();
        let merged = self
            .sync
            .try_update_value(|r| r.receive(ours.as_ref(), message, theirs.as_ref()))
            .flatten();
        let changed = merged != ours;
        let differs = merged != theirs;
        // Writes to storage from different tabs may land in any order relative to these messages, but
        // each tab's own writes land in order: so every tab whose state changes writes it, and the last
        // write of every tab is the state they all converge on.
        if changed || differs {
            let encoded = match &merged {
                Some(a) => match codec::encode(a, cat) {
                    Ok(json) => Some(json),
                    Err(e) => {
                        // Together the two tabs' changes cannot be stored: keep this tab's as they are.
                        self.sync.set_value(before);
                        self.alert(format!("Another tab's changes could not be combined with this tab's: {e} Export a JSON file from each tab to keep both."));
                        return;
                    }
                },
                None => None,
            };
            self.persist(encoded.as_deref());
            if differs {
                tabs::send(&self.sync.with_value(|r| r.message(encoded)));
            }
        }
        if changed {
            let deleted = merged.is_none();
            self.assessment.set(merged);
            self.status(if deleted {
                "All local data was deleted in another tab."
            } else {
                "Updated with changes made in another tab."
            });
        }
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
