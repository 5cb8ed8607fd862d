//! The app's data at run time: one reactive store, created once at the root. It loads from this
//! device, and every change goes through a named domain method and is saved at once.

use leptos::prelude::*;

use crate::browser;
use crate::domain::caseload::Caseload;
use crate::domain::error::ModelError;
use crate::storage::browser_store::LocalStore;
use crate::storage::keys;
use crate::storage::kv::{KeyValue, KvError};
use crate::storage::local_data::{self, LoadOutcome};

/// Something about storage the user must know, with what it means for their data.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageNotice {
    /// The latest changes are only in this page's memory (storage full or refused).
    SaveFailed(KvError),
    /// Storage cannot be used at all; the app works in memory only.
    Unavailable,
    /// Unreadable stored data was kept aside under a recovery key; the app started empty.
    Recovered,
    /// Stored data came from a newer app: left untouched, nothing is saved over it.
    TooNew,
    /// Stored data could not be read nor copied aside: left untouched, nothing is saved.
    Unreadable,
}

#[derive(Clone, Copy)]
pub struct AppState {
    data: RwSignal<Caseload>,
    notice: RwSignal<Option<StorageNotice>>,
    /// False when saving would overwrite stored data this app could not read.
    may_save: StoredValue<bool>,
    /// The stored text as this tab last read or wrote it: if storage holds something else,
    /// another tab has saved since, and this tab starts from that instead of overwriting it.
    last_seen: StoredValue<Option<String>>,
    /// Changes that only live in memory because a save failed.
    unsaved: StoredValue<bool>,
}

impl AppState {
    /// Loads the data on this device, provides the store to every page and follows other tabs.
    pub fn provide() -> AppState {
        let outcome = local_data::load(&LocalStore, browser::now());
        let notice = match &outcome {
            LoadOutcome::Quarantined { .. } => Some(StorageNotice::Recovered),
            LoadOutcome::Unreadable { .. } => Some(StorageNotice::Unreadable),
            LoadOutcome::TooNew { .. } => Some(StorageNotice::TooNew),
            LoadOutcome::Unavailable(_) => Some(StorageNotice::Unavailable),
            LoadOutcome::Fresh | LoadOutcome::Loaded(_) | LoadOutcome::Migrated { .. } => None,
        };
        let state = AppState {
            may_save: StoredValue::new(outcome.may_save()),
            data: RwSignal::new(outcome.into_data()),
            notice: RwSignal::new(notice),
            last_seen: StoredValue::new(LocalStore.get(keys::DATA).ok().flatten()),
            unsaved: StoredValue::new(false),
        };
        // Another tab saved: show its data here too.
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().is_none_or(|key| key == keys::DATA) {
                state.catch_up();
            }
        });
        on_cleanup(move || listener.remove());
        provide_context(state);
        state
    }

    /// Reads the data; inside a reactive context the reader follows every change.
    pub fn read<T>(&self, f: impl FnOnce(&Caseload) -> T) -> T {
        self.data.with(f)
    }

    pub fn notice(&self) -> Option<StorageNotice> {
        self.notice.get()
    }

    /// Applies one change through a domain method and saves at once. A refused change
    /// leaves everything as it was; a failed save keeps the change in memory and says so.
    pub fn change<T>(
        &self,
        apply: impl FnOnce(&mut Caseload) -> Result<T, ModelError>,
    ) -> Result<T, ModelError> {
        self.catch_up();
        let mut next = self.data.get_untracked();
        let result = apply(&mut next)?;
        self.data.set(next);
        self.persist();
        Ok(result)
    }

    /// Replaces everything, e.g. after a merged import.
    pub fn replace(&self, data: Caseload) {
        self.data.set(data);
        self.persist();
    }

    /// The whole caseload as it is in memory (for export, also when saving has failed).
    pub fn snapshot(&self) -> Caseload {
        self.data.get_untracked()
    }

    fn persist(&self) {
        if !self.may_save.get_value() {
            return; // the notice already says why nothing is saved
        }
        match local_data::save(&LocalStore, &self.data.read_untracked(), browser::now()) {
            Ok(()) => {
                self.last_seen
                    .set_value(LocalStore.get(keys::DATA).ok().flatten());
                self.unsaved.set_value(false);
                if matches!(
                    self.notice.get_untracked(),
                    Some(StorageNotice::SaveFailed(_))
                ) {
                    self.notice.set(None);
                }
            }
            Err(error) => {
                self.unsaved.set_value(true);
                self.notice.set(Some(StorageNotice::SaveFailed(error)));
            }
        }
    }

    /// If another tab has saved since this tab last looked, continue from its data. Never while
    /// this tab holds unsaved changes: those would be lost.
    fn catch_up(&self) {
        if !self.may_save.get_value() || self.unsaved.get_value() {
            return;
        }
        let stored = LocalStore.get(keys::DATA).ok().flatten();
        if stored == self.last_seen.get_value() {
            return;
        }
        match local_data::load(&LocalStore, browser::now()) {
            LoadOutcome::Loaded(data) | LoadOutcome::Migrated { data, .. } => self.data.set(data),
            LoadOutcome::Fresh => self.data.set(Caseload::default()),
            _ => return, // unreadable or newer: keep what this tab has
        }
        self.last_seen.set_value(stored);
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
