//! The store the app writes through: plain storage while the device has no lock, sealed values
//! (`sealed.rs`) while it is unlocked. Everything above it — the tab store, quarantine, the
//! refusal of newer versions, quota messages, two tabs — sees plain text as before.
//!
//! The data key sits in a slot shared with the lock screen. Whether the device is locked is
//! stored (`keys::LOCK`), so another tab can set or remove the lock at any moment: while the
//! slot and the stored lock disagree, private keys are refused (`Unavailable`), so a tab never
//! reads sealed text as damaged data, nor writes plain text beside a lock.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::keys;
use super::kv::{KeyValue, KvError};
use super::sealed::{self, DataKey, IV_LEN, SealError};

/// The data key while unlocked; empty while the device has no lock.
pub type KeySlot = Rc<RefCell<Option<DataKey>>>;

/// Values opened ahead (by WebCrypto, all at once when the device is unlocked), by storage key,
/// with the sealed text each came from: the first read of each takes its plain text from here
/// instead of decrypting it again in wasm, one record after another.
pub type Opened = Rc<RefCell<HashMap<String, (String, String)>>>;

/// How values are sealed and opened while a key is in the slot. Named by the app, not called
/// directly: her own app never holds a key, so it names none, and the cipher's code stays out
/// of the wasm her phone downloads.
#[derive(Clone, Copy)]
pub struct Cipher {
    seal: fn(&DataKey, &str, &str, [u8; IV_LEN]) -> String,
    open: fn(&DataKey, &str, &str) -> Result<String, SealError>,
    /// Fills an IV with random bytes (the browser's `crypto.getRandomValues`).
    random: fn(&mut [u8]),
}

impl Cipher {
    /// AES-256-GCM (`sealed.rs`), with IVs from `random`.
    pub fn aes_gcm(random: fn(&mut [u8])) -> Cipher {
        Cipher {
            seal: sealed::seal,
            open: sealed::open,
            random,
        }
    }

    /// For a store whose slot stays empty: with no key, nothing is sealed or opened, and a
    /// device with a lock is refused (`Unavailable`) rather than read.
    pub fn none() -> Cipher {
        fn no_key(_: &DataKey, _: &str, _: &str) -> Result<String, SealError> {
            unreachable!("a store without a cipher never holds a key")
        }
        fn no_seal(_: &DataKey, _: &str, _: &str, _: [u8; IV_LEN]) -> String {
            unreachable!("a store without a cipher never holds a key")
        }
        Cipher {
            seal: no_seal,
            open: no_key,
            random: |_| {},
        }
    }
}

/// Clones share the key slot: every clone is locked and unlocked together.
#[derive(Clone)]
pub struct LockableStore<S: KeyValue> {
    inner: S,
    key: KeySlot,
    cipher: Cipher,
    opened: Opened,
}

impl<S: KeyValue> LockableStore<S> {
    pub fn new(inner: S, key: KeySlot, cipher: Cipher) -> LockableStore<S> {
        LockableStore {
            inner,
            key,
            cipher,
            opened: Opened::default(),
        }
    }

    /// This store, reading first from values opened ahead (shared with whoever fills them).
    pub fn with_opened(self, opened: Opened) -> LockableStore<S> {
        LockableStore { opened, ..self }
    }

    /// Drops what was opened ahead and not read (once the caseload is loaded).
    pub fn forget_opened(&self) {
        self.opened.borrow_mut().clear();
    }

    fn check_mode(&self) -> Result<(), KvError> {
        let locked = self.inner.get(keys::LOCK)?.is_some();
        if locked == self.key.borrow().is_some() {
            Ok(())
        } else {
            Err(KvError::Unavailable)
        }
    }

    /// The plain text under `key`, once the lock's mode has been checked.
    fn read_checked(&self, key: &str) -> Result<Option<String>, KvError> {
        match self.inner.get(key)? {
            Some(text) if keys::is_private(key) => self.open(key, text).map(Some),
            other => Ok(other),
        }
    }

    /// The plain text of what another tab wrote under `key` (the browser's storage event).
    pub fn reveal(&self, key: &str, text: Option<String>) -> Result<Option<String>, KvError> {
        match text {
            Some(text) if keys::is_private(key) => {
                self.check_mode()?;
                self.open(key, text).map(Some)
            }
            other => Ok(other),
        }
    }

    fn open(&self, key: &str, text: String) -> Result<String, KvError> {
        let Some(data_key) = self.key.borrow().clone() else {
            return Ok(text);
        };
        // Opened ahead from exactly this text: anything else (written since) opens here.
        let ahead = self.opened.borrow_mut().remove(key);
        if let Some((sealed, plain)) = ahead
            && sealed == text
        {
            return Ok(plain);
        }
        match (self.cipher.open)(&data_key, key, &text) {
            Ok(plain) => Ok(plain),
            // Left alone, as the storage layer leaves data from a newer app.
            Err(SealError::TooNew { .. }) => Err(KvError::Other("sealed by a newer app".into())),
            // Handed on as it is: the storage layer keeps unreadable text aside, and plain
            // text left by an interrupted lock or unlock still loads.
            Err(SealError::NotSealed | SealError::WrongKey | SealError::Tampered) => Ok(text),
        }
    }

    /// Seals every private value that is still plain (after the lock was set).
    pub fn seal_all(&self) -> Result<(), KvError> {
        for key in self.inner.keys()? {
            if keys::is_private(&key)
                && let Some(text) = self.inner.get(&key)?
                && !sealed::is_sealed(&text)
            {
                self.set(&key, &text)?;
            }
        }
        Ok(())
    }

    /// Writes every private value back in plain text, while the lock is still stored, so that
    /// an interruption leaves readable data behind. The caller then removes the lock.
    pub fn open_all(&self) -> Result<(), KvError> {
        for key in self.inner.keys()? {
            if keys::is_private(&key)
                && let Some(text) = self.get(&key)?
            {
                self.inner.set(&key, &text)?;
            }
        }
        Ok(())
    }
}

impl<S: KeyValue> KeyValue for LockableStore<S> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        if keys::is_private(key) {
            self.check_mode()?;
        }
        self.read_checked(key)
    }

    /// The lock's mode is checked once for all: it is read from localStorage, which another
    /// tab changes only between this page's tasks, and a thousand reads of it were a twentieth
    /// of opening a thousand people (issue 31).
    fn get_many(&self, keys: &[String]) -> Result<Vec<Option<String>>, KvError> {
        if keys.iter().any(|key| keys::is_private(key)) {
            self.check_mode()?;
        }
        keys.iter().map(|key| self.read_checked(key)).collect()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        if !keys::is_private(key) {
            return self.inner.set(key, value);
        }
        self.check_mode()?;
        match self.key.borrow().as_ref() {
            Some(data_key) => {
                let mut iv = [0; IV_LEN];
                (self.cipher.random)(&mut iv);
                self.inner
                    .set(key, &(self.cipher.seal)(data_key, key, value, iv))
            }
            None => self.inner.set(key, value),
        }
    }

    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.inner.remove(key)
    }

    /// As stored, sealed or not: put back as it was, nothing is opened or sealed again.
    fn kept(&self, key: &str) -> Result<Option<String>, KvError> {
        self.inner.kept(key)
    }

    fn put_back(&self, key: &str, kept: Option<&str>) -> Result<(), KvError> {
        self.inner.put_back(key, kept)
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.inner.keys()
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::storage::kv::MemoryStore;
    use crate::storage::tab_store::{Notice, TabStore};
    use crate::storage::test_data::{at, sample};

    /// Distinct IVs for tests (the browser uses real random bytes).
    pub fn counting_iv(bytes: &mut [u8]) {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let n = NEXT.fetch_add(1, Ordering::Relaxed).to_be_bytes();
        bytes[..8].copy_from_slice(&n);
    }

    fn locked(shared: &Rc<MemoryStore>, key: u8) -> LockableStore<Rc<MemoryStore>> {
        shared.set(keys::LOCK, "{}").unwrap();
        let slot: KeySlot = Rc::new(RefCell::new(Some(DataKey::from_bytes([key; 32]))));
        LockableStore::new(shared.clone(), slot, Cipher::aes_gcm(counting_iv))
    }

    /// Counts the reads of the lock's record underneath.
    struct CountingLockReads {
        inner: Rc<MemoryStore>,
        reads: std::cell::Cell<usize>,
    }

    impl KeyValue for CountingLockReads {
        fn get(&self, key: &str) -> Result<Option<String>, KvError> {
            if key == keys::LOCK {
                self.reads.set(self.reads.get() + 1);
            }
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), KvError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, KvError> {
            self.inner.keys()
        }
    }

    // Guards opening a large caseload (issue 31): values read together open as each read alone
    // does, and the lock's mode is read once for all of them, not once for each.
    #[test]
    fn values_read_together_open_alike_and_check_the_mode_once() {
        let shared = sample_sealed();
        let counting = Rc::new(CountingLockReads {
            inner: shared.clone(),
            reads: Default::default(),
        });
        let slot: KeySlot = Rc::new(RefCell::new(Some(DataKey::from_bytes([1; 32]))));
        let store = LockableStore::new(counting.clone(), slot, Cipher::aes_gcm(counting_iv));
        let mut stored = shared.keys().unwrap();
        stored.retain(|key| key != keys::LOCK);
        assert!(stored.len() > 2, "a head and records: {stored:?}");
        let one_by_one: Vec<_> = stored.iter().map(|key| store.get(key).unwrap()).collect();
        assert!(
            one_by_one
                .iter()
                .flatten()
                .any(|text| text.contains("\"participant\""))
        );
        let before = counting.reads.get();
        assert_eq!(store.get_many(&stored).unwrap(), one_by_one);
        assert_eq!(counting.reads.get() - before, 1);
    }

    /// A store holding the sample caseload, saved by a tab with key 1.
    fn sample_sealed() -> Rc<MemoryStore> {
        let shared = Rc::new(MemoryStore::new());
        let mut tab = TabStore::open(locked(&shared, 1), "a".into(), at(0));
        tab.replace(sample());
        tab.flush(at(1)).unwrap();
        shared
    }

    fn everything(store: &MemoryStore) -> String {
        store
            .keys()
            .unwrap()
            .iter()
            .map(|k| store.get(k).unwrap().unwrap())
            .collect::<Vec<_>>()
            .join("\n")
    }

    // Guards the lock's promise: with the lock set, no participant's name is readable in storage.
    #[test]
    fn a_locked_store_keeps_nothing_readable_and_loads_again() {
        let shared = sample_sealed();
        let name = sample().participants()[0].display_name.clone();
        assert!(!everything(&shared).contains(&name));
        let again = TabStore::open(locked(&shared, 1), "b".into(), at(2));
        assert_eq!(again.data(), &sample());
        assert_eq!(again.notice(), None);
    }

    // Guards quarantine under a lock: tampered data is kept aside (sealed), never overwritten.
    #[test]
    fn tampered_sealed_data_is_kept_aside() {
        let shared = sample_sealed();
        let stored = shared.get(keys::DATA).unwrap().unwrap();
        let tampered = stored.replacen("\"data\":\"", "\"data\":\"AAAA", 1);
        shared.set(keys::DATA, &tampered).unwrap();
        let again = TabStore::open(locked(&shared, 1), "b".into(), at(2));
        assert_eq!(again.notice(), Some(&Notice::Recovered));
        let copies = keys::recovery_keys(&*shared).unwrap();
        let copy = locked(&shared, 1).get(&copies[0]).unwrap().unwrap();
        assert_eq!(copy, tampered);
    }

    // Guards the quota message under a lock: a refused sealed write keeps the previous save.
    #[test]
    fn a_full_storage_is_reported_and_keeps_the_previous_save() {
        let shared = Rc::new(MemoryStore::with_quota(3000));
        let mut tab = TabStore::open(locked(&shared, 1), "a".into(), at(0));
        tab.change(|_| Ok(())).unwrap();
        tab.flush(at(1)).unwrap();
        tab.replace(sample());
        assert_eq!(tab.flush(at(2)), Err(KvError::QuotaExceeded));
        assert_eq!(
            tab.notice(),
            Some(&Notice::SaveFailed(KvError::QuotaExceeded))
        );
        assert!(tab.has_unsaved());
    }

    // Guards opening ahead: a value opened ahead is read from there once, and only while the
    // stored text is the one it was opened from.
    #[test]
    fn values_opened_ahead_are_read_once_and_only_while_unchanged() {
        let shared = Rc::new(MemoryStore::new());
        let store = locked(&shared, 1);
        store.set(keys::DATA, "real").unwrap();
        let sealed = shared.get(keys::DATA).unwrap().unwrap();
        let opened = Opened::default();
        let ahead = store.clone().with_opened(opened.clone());
        opened
            .borrow_mut()
            .insert(keys::DATA.into(), (sealed.clone(), "ahead".into()));
        assert_eq!(ahead.get(keys::DATA).unwrap().as_deref(), Some("ahead"));
        assert_eq!(ahead.get(keys::DATA).unwrap().as_deref(), Some("real"));
        opened
            .borrow_mut()
            .insert(keys::DATA.into(), ("older text".into(), "stale".into()));
        assert_eq!(ahead.get(keys::DATA).unwrap().as_deref(), Some("real"));
        assert!(opened.borrow().is_empty());
    }

    // Guards a refused save's undo under the lock: what was stored is put back exactly as it
    // was, without being opened and sealed again (a keystroke's save no longer decrypts).
    #[test]
    fn a_save_puts_back_sealed_text_as_it_was() {
        let shared = Rc::new(MemoryStore::new());
        let store = locked(&shared, 1);
        store.set(keys::DATA, "real").unwrap();
        let sealed = shared.get(keys::DATA).unwrap();
        assert_eq!(store.kept(keys::DATA).unwrap(), sealed);
        store.set(keys::DATA, "later").unwrap();
        store.put_back(keys::DATA, sealed.as_deref()).unwrap();
        assert_eq!(shared.get(keys::DATA).unwrap(), sealed);
        assert_eq!(store.get(keys::DATA).unwrap().as_deref(), Some("real"));
    }

    // Guards her own app, which links no cipher: plain storage works as ever, and a device with
    // a lock is refused rather than read or written over.
    #[test]
    fn a_store_without_a_cipher_works_plainly_and_refuses_a_locked_device() {
        let shared = Rc::new(MemoryStore::new());
        let hers = LockableStore::new(shared.clone(), KeySlot::default(), Cipher::none());
        let mut tab = TabStore::open(hers.clone(), "her".into(), at(0));
        tab.replace(sample());
        tab.flush(at(1)).unwrap();
        assert_eq!(
            TabStore::open(hers.clone(), "again".into(), at(2)).data(),
            &sample()
        );
        let mut sealed = TabStore::open(locked(&shared, 1), "a".into(), at(3));
        sealed.replace(sample());
        sealed.flush(at(4)).unwrap();
        let before = everything(&shared);
        assert_eq!(hers.get(keys::DATA), Err(KvError::Unavailable));
        assert_eq!(hers.set(keys::DATA, "{}"), Err(KvError::Unavailable));
        let opened = TabStore::open(hers, "her".into(), at(5));
        assert_eq!(opened.notice(), Some(&Notice::Unavailable));
        assert_eq!(everything(&shared), before);
    }

    // Guards two tabs under a lock: one tab's sealed write reaches the other in plain text.
    #[test]
    fn another_tabs_sealed_write_is_taken_in() {
        let shared = Rc::new(MemoryStore::new());
        let mut a = TabStore::open(locked(&shared, 1), "a".into(), at(0));
        let mut b = TabStore::open(locked(&shared, 1), "b".into(), at(0));
        a.replace(sample());
        a.flush(at(1)).unwrap();
        let event = shared.get(keys::DATA).unwrap();
        let reader = locked(&shared, 1);
        b.storage_changed(reader.reveal(keys::DATA, event).unwrap(), at(2));
        assert_eq!(b.data(), &sample());
    }

    // Guards the moment another tab sets or removes the lock: nothing is read as damaged, and
    // no plain text is written beside the lock.
    #[test]
    fn a_tab_whose_mode_is_stale_is_refused() {
        let shared = Rc::new(MemoryStore::new());
        let plain = LockableStore::new(
            shared.clone(),
            KeySlot::default(),
            Cipher::aes_gcm(counting_iv),
        );
        plain.set(keys::DATA, "plain").unwrap();
        shared.set(keys::LOCK, "{}").unwrap();
        assert_eq!(plain.get(keys::DATA), Err(KvError::Unavailable));
        assert_eq!(plain.set(keys::DATA, "x"), Err(KvError::Unavailable));
        // The language stays readable to everyone.
        plain.set(keys::LANGUAGE, "sv").unwrap();
        let sealed = locked(&shared, 1);
        shared.remove(keys::LOCK).unwrap();
        assert_eq!(sealed.get(keys::DATA), Err(KvError::Unavailable));
    }

    #[test]
    fn locking_and_unlocking_in_place_keep_every_value() {
        let shared = Rc::new(MemoryStore::new());
        shared.set(keys::DATA, "the caseload").unwrap();
        shared.set("stegvis.recovery.1", "a kept copy").unwrap();
        shared.set(keys::LANGUAGE, "nb").unwrap();
        let store = locked(&shared, 1);
        store.seal_all().unwrap();
        assert!(sealed::is_sealed(&shared.get(keys::DATA).unwrap().unwrap()));
        assert_eq!(shared.get(keys::LANGUAGE).unwrap().as_deref(), Some("nb"));
        assert_eq!(
            store.get("stegvis.recovery.1").unwrap().as_deref(),
            Some("a kept copy")
        );
        store.open_all().unwrap();
        assert_eq!(
            shared.get(keys::DATA).unwrap().as_deref(),
            Some("the caseload")
        );
        assert_eq!(
            shared.get("stegvis.recovery.1").unwrap().as_deref(),
            Some("a kept copy")
        );
    }
}
