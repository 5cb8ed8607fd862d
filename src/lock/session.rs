//! This tab's side of the lock: whether the device's data is locked, the data key while it is
//! open, and what setting, changing, removing and locking do.
//!
//! Locking reloads the page: that drops the key and every decrypted byte from memory at once,
//! whatever the pages held. Other tabs follow through storage events: a lock set or removed
//! elsewhere, or "Lock now" pressed elsewhere, reloads them too; unlocking is per tab.

use leptos::prelude::*;

use super::crypto::{self, NoCrypto, normalized, passphrase_forms, pbkdf2, random_array};
use super::draft;
use crate::browser::{self, reload};
use crate::storage::device_store::DeviceStore;
use crate::storage::indexed_db;
use crate::storage::keys;
use crate::storage::kv::KvError;
use crate::storage::lock_record::{
    ITERATIONS, LockError, LockRecord, RECOVERY_LEN, SALT_LEN, Secret, Wrap, parse_recovery_code,
    recovery_code,
};
use crate::storage::lockable::{Cipher, KeySlot, LockableStore, Opened};
use crate::storage::sealed::{DataKey, KEY_LEN};
use crate::storage::small_store;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The device has no lock.
    Open,
    /// Locked: only the unlock screen shows.
    Locked,
    /// The lock's record cannot be used (newer app, or damaged): the data cannot be opened.
    Unusable(LockError),
    /// Unlocked in this tab.
    Unlocked,
}

/// Why setting, changing or removing the lock did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockFailure {
    WrongSecret,
    NoCrypto,
    Storage(KvError),
}

impl From<NoCrypto> for LockFailure {
    fn from(_: NoCrypto) -> LockFailure {
        LockFailure::NoCrypto
    }
}

impl From<KvError> for LockFailure {
    fn from(error: KvError) -> LockFailure {
        LockFailure::Storage(error)
    }
}

#[derive(Clone, Copy)]
pub struct Lock {
    slot: StoredValue<KeySlot, LocalStorage>,
    /// The data opened ahead at unlock (WebCrypto, all at once), for the first load.
    opened: StoredValue<Opened, LocalStorage>,
    /// AES-GCM in the whole app; none in her own app, which never unlocks (a device with a
    /// lock runs the whole app, see `participant_app`), so no cipher is linked into her wasm.
    cipher: Cipher,
    phase: RwSignal<Phase>,
    record: RwSignal<Option<LockRecord>>,
}

impl Lock {
    /// The whole app's lock, which unlocks and seals.
    pub fn provide() -> Lock {
        let (phase, record) = match small_store::read::<serde_json::Value>(keys::LOCK) {
            Ok(Some(found)) => match found
                .map_err(|_| LockError::Damaged)
                .and_then(LockRecord::from_value)
            {
                Ok(record) => (Phase::Locked, Some(record)),
                Err(error) => (Phase::Unusable(error), None),
            },
            _ => (Phase::Open, None),
        };
        let lock = Lock::provide_with(Cipher::aes_gcm(crypto::random), phase, record);
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            match event.key().as_deref() {
                Some(keys::LOCK) => lock.lock_changed(event.new_value()),
                Some(keys::LOCK_SIGNAL) if lock.phase() == Phase::Unlocked => lock.lock_here(),
                None => reload(), // storage was cleared
                _ => {}
            }
        });
        on_cleanup(move || listener.remove());
        lock
    }

    /// Her own app's: it tells whether the device has a lock, and never unlocks. Any lock is
    /// the whole app's to open (index.html starts it on a locked device; a lock set in another
    /// tab since reloads into it), so her app reads no lock record and links none of its code.
    pub fn provide_keyless() -> Lock {
        let phase = match small_store::read::<serde::de::IgnoredAny>(keys::LOCK) {
            Ok(Some(_)) => Phase::Locked,
            _ => Phase::Open,
        };
        let lock = Lock::provide_with(Cipher::none(), phase, None);
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            if matches!(event.key().as_deref(), Some(keys::LOCK) | None) {
                reload();
            }
        });
        on_cleanup(move || listener.remove());
        lock
    }

    fn provide_with(cipher: Cipher, phase: Phase, record: Option<LockRecord>) -> Lock {
        let lock = Lock {
            slot: StoredValue::new_local(KeySlot::default()),
            opened: StoredValue::new_local(Opened::default()),
            cipher,
            phase: RwSignal::new(phase),
            record: RwSignal::new(record),
        };
        provide_context(lock);
        lock
    }

    pub fn phase(&self) -> Phase {
        self.phase.get()
    }

    /// True while pages may show the data: no lock, or unlocked here.
    pub fn is_open(&self) -> bool {
        matches!(self.phase.get(), Phase::Open | Phase::Unlocked)
    }

    pub fn phase_untracked(&self) -> Phase {
        self.phase.get_untracked()
    }

    pub fn record(&self) -> Option<LockRecord> {
        self.record.get()
    }

    pub fn record_untracked(&self) -> Option<LockRecord> {
        self.record.get_untracked()
    }

    /// The data key, while this tab holds it (for the lock's own uses: sealing backups).
    pub(super) fn key(&self) -> Option<DataKey> {
        self.slot.get_value().borrow().clone()
    }

    /// The store the app writes through; it seals while this tab holds the key.
    pub fn store(&self) -> LockableStore<DeviceStore> {
        LockableStore::new(DeviceStore, self.slot.get_value(), self.cipher)
            .with_opened(self.opened.get_value())
    }

    /// Opens the data with the passphrase or the recovery code. `proven` runs as soon as the
    /// secret is known to be right, with the data key, before the data is read and opened:
    /// true when it drew something (a large caseload's list, `pages::counsellor::opening`)
    /// to be shown meanwhile, which is then painted first.
    pub async fn unlock(
        &self,
        which: Secret,
        typed: &str,
        proven: impl FnOnce(&DataKey) -> bool,
    ) -> Result<(), LockFailure> {
        let record = self
            .record
            .get_untracked()
            .ok_or(LockFailure::WrongSecret)?;
        let key = open_with(&record, which, typed).await?;
        if proven(&key) {
            self.phase.set(Phase::Unlocked);
            browser::app_painted().await;
        }
        indexed_db::start().await;
        let ahead = crypto::open_ahead(&key, &DeviceStore).await;
        *self.opened.get_value().borrow_mut() = ahead;
        *self.slot.get_value().borrow_mut() = Some(key);
        self.phase.set(Phase::Unlocked);
        Ok(())
    }

    /// Whether `typed` is the passphrase or the recovery code (asked before changing the lock).
    pub async fn confirm(&self, typed: &str) -> Result<(), LockFailure> {
        let record = self
            .record
            .get_untracked()
            .ok_or(LockFailure::WrongSecret)?;
        if open_with(&record, Secret::Passphrase, typed).await.is_ok() {
            return Ok(());
        }
        open_with(&record, Secret::RecoveryCode, typed)
            .await
            .map(|_| ())
    }

    /// Whether `typed` is the passphrase itself (asked before a backup is sealed with it).
    pub async fn confirm_passphrase(&self, typed: &str) -> Result<(), LockFailure> {
        let record = self
            .record
            .get_untracked()
            .ok_or(LockFailure::WrongSecret)?;
        open_with(&record, Secret::Passphrase, typed)
            .await
            .map(|_| ())
    }

    /// Locks the data with `passphrase`; returns the recovery code to show once.
    pub async fn set(&self, passphrase: &str) -> Result<String, LockFailure> {
        let key = DataKey::from_bytes(random_array::<KEY_LEN>());
        let bits = random_array::<RECOVERY_LEN>();
        let passphrase = wrap(Secret::Passphrase, &key, &normalized(passphrase)).await?;
        let recovery = wrap(Secret::RecoveryCode, &key, &bits).await?;
        let record = LockRecord::new(&key, passphrase, recovery);
        // The lock first: other tabs then stop writing plain text before anything is sealed.
        small_store::write(keys::LOCK, &record)?;
        *self.slot.get_value().borrow_mut() = Some(key);
        self.record.set(Some(record));
        self.phase.set(Phase::Unlocked);
        self.store().seal_all()?;
        Ok(recovery_code(&bits))
    }

    /// Replaces the passphrase (the data key and the recovery code stay).
    pub async fn change(&self, current: &str, new: &str) -> Result<(), LockFailure> {
        self.confirm(current).await?;
        let mut record = self
            .record
            .get_untracked()
            .ok_or(LockFailure::WrongSecret)?;
        let key = self
            .slot
            .get_value()
            .borrow()
            .clone()
            .ok_or(LockFailure::WrongSecret)?;
        record.passphrase = wrap(Secret::Passphrase, &key, &normalized(new)).await?;
        self.save_record(record)
    }

    /// Sets how long the app may stay unused before it locks itself.
    pub fn set_auto_lock(&self, seconds: u32) -> Result<(), LockFailure> {
        let mut record = self
            .record
            .get_untracked()
            .ok_or(LockFailure::WrongSecret)?;
        record.auto_lock_seconds = seconds;
        self.save_record(record)
    }

    /// Removes the lock: every value is written back in plain text, then the lock goes.
    pub async fn remove(&self, current: &str) -> Result<(), LockFailure> {
        self.confirm(current).await?;
        self.store().open_all()?;
        small_store::remove(keys::LOCK)?;
        *self.slot.get_value().borrow_mut() = None;
        self.record.set(None);
        self.phase.set(Phase::Open);
        Ok(())
    }

    /// "Lock now": this tab and every other.
    pub fn lock_everywhere(&self) {
        let _ = small_store::write(
            keys::LOCK_SIGNAL,
            &crypto::random_array::<8>()
                .map(|b| format!("{b:02x}"))
                .concat(),
        );
        self.lock_here();
    }

    /// Keeps a half-filled form (sealed), then reloads: the key and the data leave memory.
    pub fn lock_here(&self) {
        if self.phase.get_untracked() == Phase::Unlocked {
            draft::keep(&self.store());
        }
        reload();
    }

    fn save_record(&self, record: LockRecord) -> Result<(), LockFailure> {
        small_store::write(keys::LOCK, &record)?;
        self.record.set(Some(record));
        Ok(())
    }

    /// Another tab wrote the lock's record: follow a lock set or removed there (by reloading),
    /// or take in a changed setting.
    fn lock_changed(&self, text: Option<String>) {
        let record = text.as_deref().map(LockRecord::parse);
        let ours = self.record.get_untracked();
        match (self.phase.get_untracked(), record) {
            (Phase::Unlocked, Some(Ok(record)))
                if ours.as_ref().is_some_and(|o| o.key_id == record.key_id) =>
            {
                self.record.set(Some(record));
            }
            (Phase::Locked, Some(Ok(record))) => self.record.set(Some(record)),
            _ => reload(),
        }
    }
}

async fn open_with(
    record: &LockRecord,
    which: Secret,
    typed: &str,
) -> Result<DataKey, LockFailure> {
    let secrets = match which {
        Secret::Passphrase => passphrase_forms(typed),
        Secret::RecoveryCode => vec![
            parse_recovery_code(typed)
                .ok_or(LockFailure::WrongSecret)?
                .to_vec(),
        ],
    };
    let wrap = record.wrap(which);
    for secret in secrets {
        let derived = pbkdf2(&secret, &wrap.salt(), wrap.iterations).await?;
        if let Ok(key) = wrap.open(which, &derived)
            && key.id() == record.key_id
        {
            return Ok(key);
        }
    }
    Err(LockFailure::WrongSecret)
}

async fn wrap(which: Secret, key: &DataKey, secret: &[u8]) -> Result<Wrap, LockFailure> {
    let salt = random_array::<SALT_LEN>();
    let derived = pbkdf2(secret, &salt, ITERATIONS).await?;
    Ok(Wrap::new(
        which,
        key,
        &derived,
        salt,
        ITERATIONS,
        random_array(),
    ))
}

pub fn use_lock() -> Lock {
    expect_context::<Lock>()
}
