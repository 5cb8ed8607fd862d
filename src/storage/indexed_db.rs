//! The caseload in IndexedDB (issue 31): the whole app moves it there from localStorage on its
//! first start, and reads and writes it there from then on. Its room is the browser's quota for
//! the site (a share of the disk), not localStorage's five million characters.
//!
//! The storage layer above is synchronous (`KeyValue`), as localStorage is, so this page keeps
//! a copy of every record in memory, read whole at start: a read is a lookup, and a write
//! changes the copy at once and goes to IndexedDB in the same moment — every write of one task
//! (a save: the changed people's records and the head) in one transaction, committed at once,
//! so a save lands whole or not at all. Once committed, the writes are posted to the other tabs
//! (BroadcastChannel), which take them into their copies and hear of them as localStorage's
//! storage event told them before. A transaction refused later (a full disk) puts the copy back
//! and is reported (`device_store::refused`): the page then keeps the change unsaved and says so,
//! and further writes are refused at once, as localStorage refuses them, until a trial write
//! goes through again (`device_store::writable_again`).
//!
//! No write-ahead entry in localStorage: Chromium writes localStorage to disk seconds after a
//! change, a committed IndexedDB transaction at once, so such an entry would be lost first.
//!
//! The move: every data key is copied into IndexedDB in one transaction and read back equal;
//! only then does `keys::STORE` say so in localStorage, and the texts there give way to a
//! marker that an older build reads as data from a newer version (left alone, nothing saved
//! over it). Cut off before the flag, the next start moves again; after it, it finishes.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use idb::{
    Database, DatabaseEvent, Factory, ObjectStoreParams, Query, TransactionMode, TransactionResult,
};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{BroadcastChannel, IdbTransaction, MessageEvent};

use super::browser_store::LocalStore;
use super::device_store::{self, is_data_key};
use super::keys;
use super::kv::{KeyValue, KvError};
use super::small_store;

const DATABASE: &str = "stegvis";
const RECORDS: &str = "records";
const CHANNEL: &str = "stegvis.records";
/// In localStorage once the data lives in IndexedDB.
pub const MOVED: &str = "indexeddb";
/// What stays under `keys::DATA` in localStorage after the move: an older build reads a newer
/// schema version and saves nothing over it.
const MOVED_MARKER: &str =
    r#"{"format":"stegvis","schema_version":4,"moved_to":"indexeddb","data":{}}"#;

struct Write {
    key: String,
    value: Option<String>,
    /// The copy's value before, put back if the transaction is refused.
    before: Option<String>,
}

struct Mirror {
    database: Database,
    copy: RefCell<BTreeMap<String, String>>,
    batch: RefCell<Vec<Write>>,
    channel: Option<BroadcastChannel>,
    /// Set when a transaction was refused: writes are refused at once, as localStorage refuses
    /// them, until a trial write goes through (then `device_store::writable_again`).
    refusing: RefCell<Option<KvError>>,
    trying: Cell<bool>,
    /// Transactions sent and not yet finished.
    in_flight: Cell<u32>,
}

thread_local! {
    static MIRROR: RefCell<Option<Rc<Mirror>>> = const { RefCell::new(None) };
}

/// The page's copy of the records, written through to IndexedDB.
#[derive(Clone)]
struct MirrorStore(Rc<Mirror>);

fn failed(error: impl std::fmt::Debug) -> KvError {
    KvError::Other(format!("{error:?}"))
}

/// Opens IndexedDB and moves the data there if it is not yet; from then on the data keys of
/// `DeviceStore` live there. Where IndexedDB cannot be used (some private modes), or the move
/// fails, the data stays in localStorage and the app works as before. Once per page: a second
/// call waits for the first (a locked device's start reads the records only once she unlocks,
/// or asks to erase them, see `pages::counsellor::opening`).
pub async fn start() {
    match STARTED.get() {
        Started::Done => return,
        Started::Running => {
            while STARTED.get() != Started::Done {
                pause_ms(10).await;
            }
            return;
        }
        Started::NotYet => STARTED.set(Started::Running),
    }
    match open_and_move().await {
        Ok(mirror) => {
            MIRROR.with(|slot| *slot.borrow_mut() = Some(Rc::clone(&mirror)));
            device_store::use_data_store(Rc::new(MirrorStore(mirror)));
        }
        Err(error) => {
            web_sys::console::warn_1(&format!("data stays in localStorage: {error}").into())
        }
    }
    STARTED.set(Started::Done);
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Started {
    NotYet,
    Running,
    Done,
}

thread_local! {
    static STARTED: Cell<Started> = const { Cell::new(Started::NotYet) };
}

async fn pause_ms(ms: i32) {
    let pause = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(pause).await;
}

async fn open_and_move() -> Result<Rc<Mirror>, KvError> {
    let database = open().await?;
    let mut copy = read_all(&database).await?;
    let moved_before = small_store::read_text(keys::STORE)?.as_deref() == Some(MOVED);
    if !moved_before {
        let moving: Vec<(String, String)> = (LocalStore.keys()?.into_iter())
            .filter(|key| is_data_key(key))
            .filter_map(|key| Some((key.clone(), LocalStore.get(&key).ok()??)))
            .filter(|(_, text)| text != MOVED_MARKER)
            .collect();
        let writes = moving
            .iter()
            .map(|(key, text)| Write {
                key: key.clone(),
                value: Some(text.clone()),
                before: None,
            })
            .collect::<Vec<_>>();
        commit(&database, &writes).await?;
        copy = read_all(&database).await?;
        if moving.iter().any(|(key, text)| copy.get(key) != Some(text)) {
            return Err(KvError::Other("read back unequal".into()));
        }
        small_store::write(keys::STORE, MOVED)?;
    }
    // The texts moved give way to the marker (also when a move was cut off after the flag).
    for key in LocalStore.keys()? {
        if is_data_key(&key) && key != keys::DATA {
            LocalStore.remove(&key)?;
        }
    }
    if let Some(text) = LocalStore
        .get(keys::DATA)?
        .filter(|text| text != MOVED_MARKER)
    {
        if moved_before {
            // Written there after the move (nothing of ours does): kept aside, not dropped.
            let key = format!(
                "{}{}",
                keys::RECOVERY_PREFIX,
                js_sys::Date::new_0().to_iso_string()
            );
            let kept = Write {
                key: key.clone(),
                value: Some(text.clone()),
                before: None,
            };
            commit(&database, &[kept]).await?;
            copy.insert(key, text);
        }
        LocalStore.set(keys::DATA, MOVED_MARKER)?;
    }
    let mirror = Rc::new(Mirror {
        database,
        copy: RefCell::new(copy),
        batch: RefCell::default(),
        channel: BroadcastChannel::new(CHANNEL).ok(),
        refusing: RefCell::default(),
        trying: Cell::new(false),
        in_flight: Cell::new(0),
    });
    listen(&mirror);
    Ok(mirror)
}

async fn open() -> Result<Database, KvError> {
    let factory = Factory::new().map_err(|_| KvError::Unavailable)?;
    let mut request = factory
        .open(DATABASE, Some(1))
        .map_err(|_| KvError::Unavailable)?;
    request.on_upgrade_needed(|event| {
        if let Ok(database) = event.database() {
            let _ = database.create_object_store(RECORDS, ObjectStoreParams::new());
        }
    });
    request.await.map_err(failed)
}

async fn read_all(database: &Database) -> Result<BTreeMap<String, String>, KvError> {
    let transaction =
        (database.transaction(&[RECORDS], TransactionMode::ReadOnly)).map_err(failed)?;
    let store = transaction.object_store(RECORDS).map_err(failed)?;
    // Both in key order, so they pair up.
    let keys = store
        .get_all_keys(None, None)
        .map_err(failed)?
        .await
        .map_err(failed)?;
    let values = store
        .get_all(None, None)
        .map_err(failed)?
        .await
        .map_err(failed)?;
    Ok(keys
        .into_iter()
        .zip(values)
        .filter_map(|(key, value)| Some((key.as_string()?, value.as_string()?)))
        .collect())
}

/// Writes `writes` in one transaction, committed at once.
async fn commit(database: &Database, writes: &[Write]) -> Result<(), KvError> {
    let transaction =
        (database.transaction(&[RECORDS], TransactionMode::ReadWrite)).map_err(failed)?;
    let store = transaction.object_store(RECORDS).map_err(failed)?;
    for write in writes {
        let key = JsValue::from_str(&write.key);
        match &write.value {
            Some(value) => drop(
                store
                    .put(&JsValue::from_str(value), Some(&key))
                    .map_err(failed)?,
            ),
            None => drop(store.delete(Query::Key(key)).map_err(failed)?),
        }
    }
    // Kept to read why, should the transaction be aborted.
    let raw: IdbTransaction = transaction.into();
    let done = idb::Transaction::from(raw.clone())
        .commit()
        .map_err(failed)?
        .await;
    match done {
        Ok(TransactionResult::Committed) => Ok(()),
        _ => Err(match raw.error().map(|e| e.name()).as_deref() {
            Some("QuotaExceededError") => KvError::QuotaExceeded,
            Some(other) => KvError::Other(other.to_owned()),
            None => KvError::Other("transaction aborted".into()),
        }),
    }
}

/// Done when every write made so far has been committed, or refused (the error): for a screen
/// that must say truthfully whether something was saved. At once where the data is not here.
pub async fn written() -> Result<(), KvError> {
    let Some(mirror) = MIRROR.with(|slot| slot.borrow().clone()) else {
        return Ok(());
    };
    while mirror.in_flight.get() > 0 {
        pause_ms(10).await;
    }
    match mirror.refusing.borrow().clone() {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// Keeps `value` (anything the browser can store, such as a folder's handle) under `key`
/// beside the records, outside the page's copy of them; `undefined` removes it.
pub async fn put_value(key: &str, value: &JsValue) {
    let Ok(database) = open().await else { return };
    let Ok(transaction) = database.transaction(&[RECORDS], TransactionMode::ReadWrite) else {
        return;
    };
    if let Ok(store) = transaction.object_store(RECORDS) {
        let key = JsValue::from_str(key);
        let _ = if value.is_undefined() {
            store.delete(Query::Key(key)).map(drop)
        } else {
            store.put(value, Some(&key)).map(drop)
        };
    }
    if let Ok(done) = transaction.commit() {
        let _ = done.await;
    }
}

/// The caseload's head as IndexedDB holds it, read alone before the records (see
/// `pages::counsellor::opening`): none where the data has not moved here yet.
pub async fn stored_head() -> Option<String> {
    let moved = small_store::read_text(keys::STORE).ok()??;
    if moved != MOVED {
        return None;
    }
    get_value(keys::DATA).await?.as_string()
}

/// What `put_value` kept under `key`.
pub async fn get_value(key: &str) -> Option<JsValue> {
    let database = open().await.ok()?;
    let transaction = database
        .transaction(&[RECORDS], TransactionMode::ReadOnly)
        .ok()?;
    let store = transaction.object_store(RECORDS).ok()?;
    store
        .get(Query::Key(JsValue::from_str(key)))
        .ok()?
        .await
        .ok()?
}

/// Erases every record in IndexedDB, and this page's copy (the unlock screen's "erase and start
/// over"); done when the erasure is committed.
pub async fn erase_everything() {
    start().await; // on a locked device, the records may not have been read yet
    let Some(store) = device_store::data_store_in_use() else {
        return;
    };
    for key in store.keys().unwrap_or_default() {
        let _ = store.remove(&key);
    }
    if let Ok(database) = open().await {
        let _ = commit(&database, &[]).await; // queued after the erasure: done when it is
    }
}

/// Written and removed to learn whether IndexedDB takes writes again.
const TRIAL: &str = "stegvis.trial";

impl Mirror {
    fn write(self: &Rc<Mirror>, key: &str, value: Option<&str>) -> Result<(), KvError> {
        if let Some(error) = self.refusing.borrow().clone() {
            self.try_again();
            return Err(error);
        }
        let before = match value {
            Some(value) => self
                .copy
                .borrow_mut()
                .insert(key.to_owned(), value.to_owned()),
            None => self.copy.borrow_mut().remove(key),
        };
        let first = {
            let mut batch = self.batch.borrow_mut();
            batch.push(Write {
                key: key.to_owned(),
                value: value.map(str::to_owned),
                before,
            });
            batch.len() == 1
        };
        if first {
            // Every write of this task in one transaction, sent before the task ends.
            self.in_flight.set(self.in_flight.get() + 1);
            let mirror = Rc::clone(self);
            wasm_bindgen_futures::spawn_local(async move { mirror.flush().await });
        }
        Ok(())
    }

    /// After a refusal: one trial write at a time; when one goes through, writes are taken
    /// again and the app is told, so that it writes what is unsaved.
    fn try_again(self: &Rc<Mirror>) {
        if self.trying.replace(true) {
            return;
        }
        let mirror = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            let trial = [
                Write {
                    key: TRIAL.to_owned(),
                    value: Some("x".repeat(1024)),
                    before: None,
                },
                Write {
                    key: TRIAL.to_owned(),
                    value: None,
                    before: None,
                },
            ];
            let taken = commit(&mirror.database, &trial[..1]).await.is_ok();
            let _ = commit(&mirror.database, &trial[1..]).await;
            mirror.trying.set(false);
            if taken {
                mirror.refusing.replace(None);
                device_store::writable_again();
            }
        });
    }

    async fn flush(self: Rc<Mirror>) {
        let writes = self.batch.take();
        let result = commit(&self.database, &writes).await;
        self.in_flight.set(self.in_flight.get() - 1);
        match result {
            Ok(()) => self.tell_other_tabs(&writes),
            Err(error) => {
                let mut copy = self.copy.borrow_mut();
                for write in writes.iter().rev() {
                    match &write.before {
                        Some(text) => copy.insert(write.key.clone(), text.clone()),
                        None => copy.remove(&write.key),
                    };
                }
                drop(copy);
                self.refusing.replace(Some(error.clone()));
                device_store::refused(error);
            }
        }
    }

    fn tell_other_tabs(&self, writes: &[Write]) {
        let Some(channel) = &self.channel else { return };
        let message: Vec<(&str, Option<&str>)> = writes
            .iter()
            .map(|w| (w.key.as_str(), w.value.as_deref()))
            .collect();
        let text = serde_json::to_string(&message).expect("strings serialise");
        let _ = channel.post_message(&JsValue::from_str(&text));
    }
}

/// Takes other tabs' committed writes into this page's copy, then tells the listeners.
fn listen(mirror: &Rc<Mirror>) {
    let Some(channel) = &mirror.channel else {
        return;
    };
    let weak = Rc::downgrade(mirror);
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(mirror) = weak.upgrade() else { return };
        let Some(text) = event.data().as_string() else {
            return;
        };
        let Ok(writes) = serde_json::from_str::<Vec<(String, Option<String>)>>(&text) else {
            return;
        };
        {
            let mut copy = mirror.copy.borrow_mut();
            for (key, value) in &writes {
                match value {
                    Some(value) => copy.insert(key.clone(), value.clone()),
                    None => copy.remove(key),
                };
            }
        }
        for (key, value) in writes {
            device_store::changed(&key, value);
        }
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the page.
    on_message.forget();
}

impl KeyValue for MirrorStore {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        Ok(self.0.copy.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.0.write(key, Some(value))
    }

    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.0.write(key, None)
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        Ok(self.0.copy.borrow().keys().cloned().collect())
    }
}
