//! The app's state, shared through context: the assessment (the one thing that is persisted), what the
//! save indicator and the live regions say, and what storage reported at start-up. Every change to the
//! assessment goes through [`AppState::commit`]: checked by the codec, stored, and sent to other tabs.

use leptos::prelude::*;

use crate::assessment::{Assessment, Mode};
use crate::catalogue::{catalogue, Catalogue};
use crate::codec;
use crate::library::{self, Entry};
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
    /// The assessment open in this tab; `None` until the user starts or opens one (or after deleting
    /// it). It always holds what [`codec::encode`] writes: a change the codec would refuse is never made.
    pub assessment: RwSignal<Option<Assessment>>,
    /// The library ID of the open assessment; `None` while none is open (the first change creates one).
    pub open: RwSignal<Option<String>>,
    /// Every assessment kept in this browser (deleted ones within their undo window included).
    pub entries: RwSignal<Vec<Entry>>,
    /// An imported file or share link shown read-only, kept nowhere.
    pub viewing: RwSignal<Option<Assessment>>,
    /// When this browser last exported a file.
    pub last_export: RwSignal<Option<String>>,
    /// The UTF-16 code units the site's storage holds, as last measured.
    pub storage_used: RwSignal<usize>,
    pub route: RwSignal<Route>,
    pub save: RwSignal<SaveStatus>,
    /// The size of the stored assessment in bytes, as the reader counts them.
    pub stored_bytes: RwSignal<usize>,
    pub notice: RwSignal<Notice>,
    /// Stored data that could not be read, and where it is (the data itself stays in storage).
    pub unreadable: RwSignal<Option<storage::Unreadable>>,
    /// Scores of the current assessment.
    pub scorecard: Memo<Scorecard>,
    /// The current mode (quick scan or full), changing only when the mode does.
    pub mode: Memo<Mode>,
    /// When each part of the open assessment last changed, for merging other tabs' changes.
    sync: StoredValue<Replica>,
    /// Nothing has been open in this tab since it started: it follows another tab's first change.
    pristine: StoredValue<bool>,
}

impl AppState {
    /// Loads storage (moving an earlier version's data into the library), provides the state as context,
    /// and starts listening to other tabs.
    pub fn provide() -> AppState {
        let cat = catalogue();
        let started = storage::start(cat, fresh_id);
        let notice = if !started.available {
            Notice::Alert("This browser does not allow this site to store data, so your answers will be lost when you close the page. Export a JSON file to keep them.".into())
        } else if let Some(problem) = &started.migration_problem {
            Notice::Alert(problem.clone())
        } else {
            Notice::None
        };
        let unreadable = started
            .unreadable
            .clone()
            .or_else(|| storage::kept_unreadable(cat));
        let (open, initial) = match started.open {
            Some((id, a)) => (Some(id), Some(a)),
            None => (None, None),
        };
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
        let pristine = open.is_none();
        let state = AppState {
            assessment,
            pristine: StoredValue::new(pristine),
            open: RwSignal::new(open),
            entries: RwSignal::new(started.entries),
            viewing: RwSignal::new(None),
            last_export: RwSignal::new(storage::last_export()),
            storage_used: RwSignal::new(storage::used_units()),
            route: RwSignal::new(Route::parse(&dom::hash())),
            save: RwSignal::new(SaveStatus::Idle),
            stored_bytes: RwSignal::new(stored_bytes),
            notice: RwSignal::new(notice),
            unreadable: RwSignal::new(unreadable),
            scorecard,
            mode,
            sync: StoredValue::new(Replica::new(tabs::new_tab_id())),
        };
        provide_context(state);
        tabs::listen(move |heard| match heard {
            tabs::Heard::Change(message) => {
                state.refresh_entries();
                state.receive(&message);
            }
            tabs::Heard::Library => state.refresh_entries(),
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
        if self.open.with_untracked(Option::is_none)
            && library::joins_first(self.pristine.get_value(), &storage::entries(catalogue()))
        {
            if let Ok(first) = storage::load(library::FIRST_ID, catalogue()) {
                self.show(library::FIRST_ID, first);
            }
        }
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

    /// Replaces the whole open assessment (an import over it) or removes it (`None`: delete everything),
    /// in every tab that has it open.
    pub fn replace(&self, next: Option<Assessment>) -> Result<(), String> {
        self.commit(next, Change::Whole)
    }

    /// The one place that changes the open assessment for the user: checks it can be written, stamps the
    /// change, stores it, tells the other tabs, then shows it. The first change of a tab with nothing
    /// open creates a library entry.
    fn commit(&self, next: Option<Assessment>, change: Change) -> Result<(), String> {
        let encoded = match &next {
            Some(a) => Some(codec::encode(a, catalogue()).map_err(|e| e.to_string())?),
            None => None,
        };
        let id = match self.open.get_untracked() {
            Some(id) => id,
            None if next.is_none() => return Ok(()),
            None => {
                let id = library::start_id(&storage::entries(catalogue()), fresh_id());
                self.sync
                    .set_value(Replica::new(self.sync.with_value(Replica::tab)));
                self.open.set(Some(id.clone()));
                self.pristine.set_value(false);
                id
            }
        };
        self.assessment.with_untracked(|previous| {
            self.sync.update_value(|r| {
                r.record(previous.as_ref(), next.as_ref(), change, tabs::now_ms())
            })
        });
        self.persist(&id, next.as_ref(), encoded.as_deref());
        tabs::send_change(&self.sync.with_value(|r| r.message_about(&id, encoded)));
        self.assessment.set(next);
        Ok(())
    }

    /// Writes the encoded assessment and its summary to storage (or removes them) and updates the save
    /// indicator and the list.
    fn persist(&self, id: &str, a: Option<&Assessment>, encoded: Option<&str>) {
        let cat = catalogue();
        match (a, encoded) {
            (Some(a), Some(json)) => {
                let summary = library::encoded_entry(id, cat, a, None);
                match storage::save(id, json, &summary) {
                    Ok(()) => self.save.set(SaveStatus::Saved(dom::time_of_day())),
                    Err(message) => self.save.set(SaveStatus::Failed(message)),
                }
                self.stored_bytes.set(json.len());
                let entry = Entry::of(id, cat, a);
                self.entries.update(|entries| {
                    entries.retain(|e| e.id != id);
                    entries.push(entry);
                });
            }
            _ => {
                storage::remove_entry(id);
                self.stored_bytes.set(0);
                self.entries
                    .update(|entries| entries.retain(|e| e.id != id));
            }
        }
        if matches!(self.save.get_untracked(), SaveStatus::Failed(_)) {
            self.storage_used.set(storage::used_units());
        }
    }

    /// Takes another tab's change to the open assessment: merges it unit by unit ([`crate::sync`]),
    /// stores the result whenever it changes this tab's state or differs from what that tab stored, and
    /// sends it back when it differs, so that tab gets this one's changes too. A change to another
    /// assessment is never merged here.
    fn receive(&self, message: &sync::Message) {
        let open = self.open.get_untracked();
        if !library::follows(open.as_deref(), self.pristine.get_value(), &message.entry) {
            return;
        }
        let id = message.entry.clone();
        if open.is_none() {
            // A tab that has shown nothing yet follows the assessment another tab started.
            self.pristine.set_value(false);
            self.open.set(Some(id.clone()));
        }
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
            self.persist(&id, merged.as_ref(), encoded.as_deref());
            if differs {
                tabs::send_change(&self.sync.with_value(|r| r.message_about(&id, encoded)));
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

    /// Reads the list again from storage (another tab changed it).
    pub fn refresh_entries(&self) {
        self.entries.set(storage::entries(catalogue()));
    }

    /// Opens a stored assessment in this tab.
    pub fn open_entry(&self, id: &str) -> Result<(), String> {
        let a = storage::load(id, catalogue())?;
        self.show(id, a);
        storage::set_last_open(id);
        Ok(())
    }

    /// Shows `a`, stored under `id`, as this tab's open assessment.
    fn show(&self, id: &str, a: Assessment) {
        self.sync
            .set_value(Replica::new(self.sync.with_value(Replica::tab)));
        self.stored_bytes
            .set(codec::encode(&a, catalogue()).map_or(0, |json| json.len()));
        self.open.set(Some(id.to_owned()));
        self.pristine.set_value(false);
        self.assessment.set(Some(a));
        self.save.set(SaveStatus::Idle);
    }

    /// Keeps `a` as a new library entry, leaving this tab's open assessment as it is. Returns its ID;
    /// if it cannot be stored, nothing is kept and the reason comes back.
    pub fn add(&self, a: &Assessment) -> Result<String, String> {
        let cat = catalogue();
        let json = codec::encode(a, cat).map_err(|e| e.to_string())?;
        let id = fresh_id();
        if let Err(message) = storage::save(&id, &json, &library::encoded_entry(&id, cat, a, None))
        {
            storage::remove_entry(&id);
            self.storage_used.set(storage::used_units());
            return Err(message);
        }
        if let Some(open) = self.open.get_untracked() {
            // `save` notes the new one as the last opened; this tab still has its own open.
            storage::set_last_open(&open);
        }
        self.entries
            .update(|entries| entries.push(Entry::of(&id, cat, a)));
        tabs::send_library();
        Ok(id)
    }

    /// Keeps `a` as a new library entry and opens it.
    pub fn add_and_open(&self, a: Assessment) -> Result<String, String> {
        let id = self.add(&a)?;
        self.show(&id, a);
        storage::set_last_open(&id);
        Ok(id)
    }

    /// Puts `imported` in place of the open assessment, whose content stays in the library as an entry
    /// of its own. Returns the label and ID of the kept entry (`None` if nothing was open).
    pub fn replace_keeping(
        &self,
        imported: Assessment,
    ) -> Result<Option<(String, String)>, String> {
        let current = self
            .assessment
            .get_untracked()
            .filter(|_| self.open.with_untracked(Option::is_some));
        let Some(current) = current else {
            self.add_and_open(imported)?;
            return Ok(None);
        };
        let kept = self.add(&current)?;
        self.replace(Some(imported))?;
        Ok(Some((library::label_of(&current), kept)))
    }

    /// Deletes an assessment, undoably: it leaves the list and stays stored for
    /// [`library::UNDO_WINDOW_MS`].
    pub fn delete_entry(&self, id: &str) -> Result<(), String> {
        let a = storage::load(id, catalogue())?;
        storage::write_summary(
            id,
            &library::encoded_entry(id, catalogue(), &a, Some(tabs::now_ms())),
        );
        if self.open.get_untracked().as_deref() == Some(id) {
            self.open.set(None);
            self.assessment.set(None);
            self.save.set(SaveStatus::Idle);
            self.stored_bytes.set(0);
        }
        self.refresh_entries();
        tabs::send_library();
        Ok(())
    }

    /// Brings a deleted assessment back to the list.
    pub fn undo_delete(&self, id: &str) -> Result<(), String> {
        let a = storage::load(id, catalogue())?;
        storage::write_summary(id, &library::encoded_entry(id, catalogue(), &a, None));
        self.refresh_entries();
        tabs::send_library();
        Ok(())
    }

    /// Renames an assessment (its [`Assessment::name`]), open here or not.
    pub fn rename(&self, id: &str, name: &str) -> Result<(), String> {
        let name = name.trim().to_owned();
        if self.open.get_untracked().as_deref() == Some(id) {
            return self.try_edit(|a| a.name = name);
        }
        let cat = catalogue();
        let before = storage::load(id, cat)?;
        let mut after = before.clone();
        after.name = name;
        after.touch(&dom::now());
        let json = codec::encode(&after, cat).map_err(|e| e.to_string())?;
        storage::save(id, &json, &library::encoded_entry(id, cat, &after, None))?;
        if let Some(open) = self.open.get_untracked() {
            storage::set_last_open(&open);
        }
        // Tabs that have it open merge the new name like any edit.
        let mut replica = Replica::new(self.sync.with_value(Replica::tab));
        replica.record(Some(&before), Some(&after), Change::Edit, tabs::now_ms());
        tabs::send_change(&replica.message_about(id, Some(json)));
        self.refresh_entries();
        Ok(())
    }

    /// Copies an assessment as the next snapshot under `name` and opens the copy.
    pub fn copy_as_snapshot(&self, id: &str, name: &str) -> Result<(), String> {
        let source = if self.open.get_untracked().as_deref() == Some(id) {
            self.assessment
                .get_untracked()
                .ok_or_else(|| "Nothing to copy.".to_owned())?
        } else {
            storage::load(id, catalogue())?
        };
        self.add_and_open(library::snapshot_of(&source, name, &dom::now()))
            .map(|_| ())
    }

    /// Starts a new, empty assessment in this tab, kept in the list at once.
    pub fn create(&self, mode: Mode) -> Result<(), String> {
        self.add_and_open(library::blank(mode, &dom::now()))
            .map(|_| ())
    }

    /// Forgets everything this app stored in this browser, in every tab.
    pub fn delete_everything(&self) {
        let _ = self.replace(None);
        storage::delete_all();
        self.open.set(None);
        self.entries.set(Vec::new());
        self.last_export.set(None);
        self.unreadable.set(None);
        self.save.set(SaveStatus::Idle);
        self.storage_used.set(storage::used_units());
        tabs::send_library();
    }

    /// Reads from the assessment (an empty one if none exists yet).
    pub fn with<T>(&self, read: impl FnOnce(&Assessment) -> T) -> T {
        self.assessment.with(|a| match a {
            Some(a) => read(a),
            None => read(&empty()),
        })
    }

    /// Offers what `build` makes of the open assessment as a file named `<file stem><suffix>`
    /// (".csv", "-soa.html", …).
    pub fn offer_export(
        &self,
        suffix: &str,
        mime: &str,
        build: fn(&crate::catalogue::Catalogue, &Assessment) -> String,
    ) {
        let cat = self.catalogue();
        let (name, text) = self.with(|a| {
            (
                format!("{}{suffix}", crate::report::file_stem(a)),
                build(cat, a),
            )
        });
        self.offer_file(&name, mime, &text);
    }

    /// A click handler for [`AppState::offer_export`].
    pub fn export_on_click(
        self,
        suffix: &'static str,
        mime: &'static str,
        build: fn(&crate::catalogue::Catalogue, &Assessment) -> String,
    ) -> impl Fn(leptos::ev::MouseEvent) + 'static {
        move |_| self.offer_export(suffix, mime, build)
    }

    /// Offers the open assessment as its JSON file. The file format refuses to write what it would not
    /// read back; the app never holds such a state, but it says so rather than offer a file that cannot
    /// be imported.
    pub fn download_json(&self) {
        let cat = self.catalogue();
        let file = self.with(|a| {
            codec::encode(a, cat)
                .map(|json| (format!("{}.json", crate::report::file_stem(a)), json))
        });
        match file {
            Ok((name, json)) => self.offer_file(&name, "application/json", &json),
            Err(e) => self.alert(format!("Not exported: {e}")),
        }
    }

    /// A share link to `page` (the full app's address, without fragment) that holds the open assessment,
    /// or why none can be made.
    pub fn share_url(
        &self,
        page: &str,
        include_notes: bool,
    ) -> Result<String, crate::share::LinkError> {
        let fragment = self.with(|a| crate::share::to_fragment(a, include_notes))?;
        Ok(format!("{page}{}", Route::Share(fragment).href()))
    }

    /// Makes a share link to `page` and copies it: `link` shows it, or `refusal` says why none was made (and
    /// the alert region says it too). The export panel's and the quiz's "make a share link".
    pub fn make_share_link(
        self,
        page: &str,
        include_notes: bool,
        link: RwSignal<String>,
        refusal: RwSignal<String>,
    ) {
        match self.share_url(page, include_notes) {
            Ok(url) => {
                refusal.set(String::new());
                link.set(url.clone());
                self.copy_link(url);
            }
            Err(error) => {
                link.set(String::new());
                refusal.set(error.to_string());
                self.alert(error.to_string());
            }
        }
    }

    /// Copies a share link to the clipboard and says whether it worked.
    pub fn copy_link(self, url: String) {
        leptos::task::spawn_local(async move {
            match dom::copy(&url).await {
                Ok(()) => self.status(format!(
                    "Share link copied to the clipboard ({} characters).",
                    url.chars().count()
                )),
                Err(message) => self.alert(message),
            }
        });
    }

    /// Offers a file for download and says whether it worked.
    pub fn offer_file(&self, name: &str, mime: &str, text: &str) {
        match dom::download(name, mime, text) {
            Ok(()) => {
                let now = dom::now();
                storage::note_export(&now);
                self.last_export.set(Some(now));
                self.status(format!("Downloaded {name}."));
            }
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

/// A fresh library ID.
fn fresh_id() -> String {
    library::new_id(tabs::new_tab_id())
}

/// The assessment shown before one is started.
fn empty() -> Assessment {
    Assessment::new(Mode::Full, "")
}
