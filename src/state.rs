//! The app's data at run time: one reactive store, created once at the root, around this
//! tab's `TabStore` (plain Rust, tested natively). Every change goes through a named domain
//! method, is applied at once, and is written as soon as the browser has drawn it; other tabs'
//! writes are taken in as they are reported, and what is unsaved is written before the page
//! goes (and the browser asks before leaving while storage refuses it).

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::domain::assessment::Round;
use crate::domain::caseload::{Caseload, rounds_of};
use crate::domain::error::ModelError;
use crate::domain::training::people::training_caseload;
use crate::storage::browser_store;
use crate::storage::device_store::{self, DeviceStore};
use crate::storage::keys;
use crate::storage::kv::{KeyValue, KvError};
use crate::storage::layout::Layout;
use crate::storage::lockable::LockableStore;
use crate::storage::space::{Space, SpacedStore};
use crate::storage::tab_store::TabStore;

pub use crate::storage::tab_store::Notice as StorageNotice;

/// The latest a change is written when the page draws no frame (in the background).
const SAVED_WITHIN: Duration = Duration::from_millis(100);

/// Storage as this tab writes it: sealed while the device is locked (see `lock`).
pub type AppStore = LockableStore<DeviceStore>;
/// That storage as the open space sees it: the real caseload or the training sandbox.
pub type Store = SpacedStore<AppStore>;

fn open(store: AppStore, space: Space, layout: &'static dyn Layout) -> TabStore<Store> {
    TabStore::open_with(
        SpacedStore::new(store, space),
        browser::new_id(),
        browser::now(),
        layout,
    )
}

#[derive(Clone, Copy)]
pub struct AppState {
    store: StoredValue<TabStore<Store>, LocalStorage>,
    /// The real caseload or the training sandbox; switching swaps the store in place.
    space: RwSignal<Space>,
    /// Notified whenever the data changes; every reader follows it.
    changed: Trigger,
    notice: RwSignal<Option<StorageNotice>>,
    flush_queued: StoredValue<bool>,
    /// Records (the whole app) or one text (her own app): see `storage::layout`.
    layout: &'static dyn Layout,
}

impl AppState {
    /// Loads the data on this device, provides the store to every page and follows other tabs;
    /// saves in `layout`.
    pub fn provide(store: AppStore, layout: &'static dyn Layout) -> AppState {
        let space = if browser_store::training_mode() {
            Space::Training
        } else {
            Space::Real
        };
        let store = open(store, space, layout);
        // Loaded: what the lock opened ahead for this first read is not kept in memory.
        store.store().inner().forget_opened();
        let state = AppState {
            layout,
            space: RwSignal::new(space),
            notice: RwSignal::new(store.notice().cloned()),
            store: StoredValue::new_local(store),
            changed: Trigger::new(),
            flush_queued: StoredValue::new(false),
        };
        // Another tab's write: from localStorage's storage event, or from IndexedDB's channel.
        let other_tab_wrote = move |key: Option<String>, value: Option<String>| {
            let ours = state.with_store(|s| s.stored_key(keys::DATA));
            if key.is_none_or(|key| key == ours) {
                // Another tab's sealed write, opened with this tab's key. Refused while the
                // lock is being set or removed elsewhere: this tab reloads then.
                if let Ok(text) = state.with_store(|s| s.inner().reveal(&ours, value)) {
                    state.storage_changed(text);
                }
            }
        };
        device_store::listen(
            move |key, value| other_tab_wrote(Some(key.to_owned()), value),
            move |error| match error {
                Some(error) => state.refused_later(error),
                // Storage takes writes again: what is unsaved is written now.
                None => {
                    state.update(|store| store.writable_again());
                    state.queue_flush();
                }
            },
        );
        let listeners = [
            window_event_listener(leptos::ev::storage, move |event| {
                other_tab_wrote(event.key(), event.new_value());
            }),
            window_event_listener_untyped("pagehide", move |_| {
                let _ = state.flush();
            }),
            window_event_listener_untyped("visibilitychange", move |_| {
                if browser::page_hidden() {
                    let _ = state.flush();
                }
            }),
            window_event_listener_untyped("beforeunload", move |event| {
                let _ = state.flush();
                if state.has_unsaved() {
                    // The browser's own "leave this page?" question: the change would be lost.
                    event.prevent_default();
                    if let Some(event) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        event.set_return_value("unsaved");
                    }
                }
            }),
        ];
        on_cleanup(move || {
            device_store::stop_listening();
            listeners.into_iter().for_each(|l| l.remove());
        });
        provide_context(state);
        // Data stored by an earlier build is written as records at once (see `TabStore`).
        state.queue_flush();
        state
    }

    /// Reads the data; inside a reactive context the reader follows every change.
    pub fn read<T>(&self, f: impl FnOnce(&Caseload) -> T) -> T {
        self.changed.track();
        self.store.with_value(|store| f(store.data()))
    }

    /// One person's rounds, oldest first, worked out again only when a round changed: read
    /// through `read`, a keystroke in her plan would scan every round of the caseload for each
    /// reader of them (12,000 at 1,000 people; issue 31).
    pub fn rounds_of(&self, pid: Memo<String>) -> Memo<Vec<Arc<Round>>> {
        let state = *self;
        // Compared by pointer first (`Arc`'s `Eq`): unchanged rounds stop here.
        let all = Memo::new(move |_| state.read(|d| Arc::clone(d.shared_rounds())));
        Memo::new(move |_| {
            let pid = pid.get();
            all.with(|rounds| rounds_of(rounds, &pid).into_iter().cloned().collect())
        })
    }

    pub fn notice(&self) -> Option<StorageNotice> {
        self.notice.get()
    }

    /// True while a change is only in this page's memory.
    pub fn has_unsaved(&self) -> bool {
        self.store.with_value(TabStore::has_unsaved)
    }

    /// Applies one change through a domain method; it is written as soon as the browser has
    /// drawn it (`queue_flush`). A refused change leaves everything as it was.
    pub fn change<T>(
        &self,
        apply: impl FnOnce(&mut Caseload) -> Result<T, ModelError>,
    ) -> Result<T, ModelError> {
        let result = self.update(|store| store.change(apply))?;
        self.changed.notify();
        self.queue_flush();
        Ok(result)
    }

    /// Replaces everything (e.g. after a merged import) and writes it at once, so that the
    /// caller can say truthfully whether it was saved.
    pub fn replace(&self, data: Caseload) -> Result<(), KvError> {
        self.update(|store| store.replace(data));
        self.changed.notify();
        self.flush()
    }

    /// The whole caseload as it is in memory (for export, also when saving has failed).
    pub fn snapshot(&self) -> Caseload {
        self.store.with_value(|store| store.data().clone())
    }

    /// Reads or writes other keys of the open space through this tab's store (sealed while
    /// locked), such as the recovery copies beside the caseload.
    pub fn with_store<T>(&self, f: impl FnOnce(&Store) -> T) -> T {
        self.store.with_value(|store| f(store.store()))
    }

    pub fn space(&self) -> Space {
        self.space.get()
    }

    /// Saves what is unsaved here and opens the other space in this tab. The training sandbox
    /// gets the fictional people the first time it is opened. Refused (and nothing switched)
    /// while a change cannot be saved.
    pub fn switch_to(&self, space: Space) -> Result<(), KvError> {
        self.flush()?;
        let base = self.with_store(|store| store.inner().clone());
        let fresh = SpacedStore::new(base.clone(), space)
            .get(keys::DATA)
            .is_ok_and(|text| text.is_none());
        let mut store = open(base, space, self.layout);
        if space == Space::Training && fresh {
            store.replace(training_caseload(browser::today()));
            store.flush(browser::now())?;
        }
        browser_store::set_training_mode(space == Space::Training);
        self.store.set_value(store);
        self.space.set(space);
        self.changed.notify();
        self.show_notice();
        self.queue_flush();
        Ok(())
    }

    /// The training sandbox as it was at first: the fictional people, nothing else.
    pub fn start_training_over(&self) -> Result<(), KvError> {
        debug_assert_eq!(self.space.get_untracked(), Space::Training);
        self.replace(training_caseload(browser::today()))
    }

    /// Writes what is only in memory now.
    pub fn flush(&self) -> Result<(), KvError> {
        let result = self.update_and_follow(|store| store.flush(browser::now()));
        self.show_notice();
        result
    }

    /// A save reported done was refused afterwards (see `device_store`).
    fn refused_later(&self, error: KvError) {
        self.update(|store| store.refused_later(error));
        self.show_notice();
    }

    fn storage_changed(&self, text: Option<String>) {
        self.update_and_follow(|store| store.storage_changed(text, browser::now()));
        self.show_notice();
        if self.has_unsaved() {
            self.queue_flush();
        }
    }

    /// Changes are written in the task right after the browser has drawn them: a keystroke's
    /// letter shows without waiting for its save (a person's record of some 30 KB, sealed when
    /// locked; issue 31), and the changes of one moment (a click that adds and sets up a
    /// participant, keys typed within a frame) are written once. A page in the background
    /// draws no frames, so a timer writes there; a page that goes writes at once (pagehide,
    /// beforeunload).
    fn queue_flush(&self) {
        if self.flush_queued.get_value() {
            return;
        }
        self.flush_queued.set_value(true);
        let state = *self;
        let write = move || {
            if state.flush_queued.try_get_value() == Some(true) {
                state.flush_queued.set_value(false);
                let _ = state.flush();
            }
        };
        request_animation_frame(move || set_timeout(write, Duration::ZERO));
        set_timeout(write, SAVED_WITHIN);
    }

    fn update<T>(&self, f: impl FnOnce(&mut TabStore<Store>) -> T) -> T {
        self.store
            .try_update_value(f)
            .expect("the store lives as long as the app")
    }

    /// Runs `f` and tells the readers if it changed the data (another tab's changes taken in).
    fn update_and_follow<T>(&self, f: impl FnOnce(&mut TabStore<Store>) -> T) -> T {
        let (result, changed) = self.update(|store| {
            let before = store.generation();
            let result = f(store);
            (result, store.generation() != before)
        });
        if changed {
            self.changed.notify();
        }
        result
    }

    fn show_notice(&self) {
        let notice = self.store.with_value(|store| store.notice().cloned());
        if self.notice.get_untracked() != notice {
            self.notice.set(notice);
        }
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
