//! Every key Stegvis writes to the browser's storage, in one place.

use chrono::{DateTime, SecondsFormat, Utc};

use super::kv::{KeyValue, KvError};

/// Every key starts with this.
pub const NAMESPACE: &str = "stegvis.";
/// The training sandbox's copies of the keys above (see `space.rs`): "stegvis.training.data".
pub const TRAINING_PREFIX: &str = "stegvis.training.";
/// In this tab's sessionStorage while the tab works in the training sandbox.
pub const TRAINING_MODE: &str = "stegvis.training-mode";
/// In this tab's sessionStorage while the counsellor's device is handed to a participant: the
/// round she answers.
pub const HANDED_OVER: &str = "stegvis.handed-over";
/// In this tab's sessionStorage for one page load: the path the participant's app asked the whole
/// app for (index.html reads and removes it).
pub const WHOLE_APP: &str = "stegvis.whole-app";
/// The whole caseload, in the versioned envelope.
pub const DATA: &str = "stegvis.data";
/// Stored as records (see `records.rs`): each person's record is this and her id; `DATA`
/// holds the head.
pub const PERSON_PREFIX: &str = "stegvis.person.";
/// "indexeddb" once the whole app has moved the data into IndexedDB (see `indexed_db.rs`):
/// `index.html` then starts the whole app for every page.
pub const STORE: &str = "stegvis.store";
/// The interface language of this device (see `preferences.rs`).
pub const LANGUAGE: &str = "stegvis.language";
/// Her counsellor's language, from an invitation, for "show in two languages" on her phone.
pub const SECOND_LANGUAGE: &str = "stegvis.language.second";
/// The lock's own parameters (salts, iteration counts, the wrapped data key), in clear: present
/// exactly while this device's data is locked with a passphrase (see `lock_record.rs`).
pub const LOCK: &str = "stegvis.lock";
/// Written by the tab where "Lock now" was pressed, so that every other tab locks too.
pub const LOCK_SIGNAL: &str = "stegvis.lock.now";
/// Wrong tries at the unlock screen and when the last was made (see `lock_tries.rs`), so a
/// reload does not end the wait after them.
pub const LOCK_TRIES: &str = "stegvis.lock.tries";
/// A half-filled form's text, kept (sealed) when the app locks and put back after unlocking.
pub const DRAFT: &str = "stegvis.draft";
/// The day a backup file was last saved from this device, and after how many days to remind
/// (see `backup_reminder.rs`).
pub const LAST_BACKUP: &str = "stegvis.backup.last";
pub const BACKUP_REMINDER: &str = "stegvis.backup.remind-after";
/// Stored data that could not be read, moved aside under this prefix and a timestamp.
/// Nothing ever overwrites or deletes these; the user can export them for help.
pub const RECOVERY_PREFIX: &str = "stegvis.recovery.";

/// Whether `key` holds the user's data, which the lock seals. Only the language preference and
/// the lock's own parameters stay readable.
pub fn is_private(key: &str) -> bool {
    key.starts_with("stegvis.")
        && key != LANGUAGE
        && key != SECOND_LANGUAGE
        && key != LOCK
        && key != STORE
        && !key.starts_with("stegvis.lock.")
}

/// A recovery key for `at` that is not in use yet (a number is added if it is).
pub fn new_recovery_key(store: &dyn KeyValue, at: DateTime<Utc>) -> Result<String, KvError> {
    let base = format!(
        "{RECOVERY_PREFIX}{}",
        at.to_rfc3339_opts(SecondsFormat::Millis, true)
    );
    let existing = store.keys()?;
    let free = |key: &String| !existing.contains(key);
    Ok(std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}.{n}")))
        .find(free)
        .expect("an unused key among infinitely many"))
}

/// The recovery keys in storage, oldest first.
pub fn recovery_keys(store: &dyn KeyValue) -> Result<Vec<String>, KvError> {
    let mut keys: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(RECOVERY_PREFIX))
        .collect();
    keys.sort();
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::kv::MemoryStore;

    // index.html's loader reads these to choose between the two apps (src/participant_app.rs).
    #[test]
    fn the_loader_in_index_html_reads_these_keys() {
        let index = include_str!("../../index.html");
        for key in [LOCK, HANDED_OVER, TRAINING_MODE, WHOLE_APP, STORE] {
            assert!(index.contains(&format!("'{key}'")), "{key}");
        }
    }

    // Guards the namespace: every key starts with "stegvis." so ours are easy to find and erase.
    #[test]
    fn every_key_is_namespaced() {
        for key in [
            DATA,
            PERSON_PREFIX,
            STORE,
            LANGUAGE,
            SECOND_LANGUAGE,
            LOCK,
            LOCK_SIGNAL,
            DRAFT,
            LAST_BACKUP,
            BACKUP_REMINDER,
            RECOVERY_PREFIX,
            TRAINING_PREFIX,
            TRAINING_MODE,
        ] {
            assert!(key.starts_with(NAMESPACE), "{key}");
        }
    }

    // Guards "nothing readable is in storage" under a lock: only the language and the lock stay clear.
    #[test]
    fn everything_but_the_language_and_the_lock_is_private() {
        for key in [
            DATA,
            "stegvis.person.p1",
            DRAFT,
            LAST_BACKUP,
            BACKUP_REMINDER,
            "stegvis.recovery.2026-01-15T10:00:00.000Z",
            "stegvis.training.data",
        ] {
            assert!(is_private(key), "{key}");
        }
        for key in [
            LANGUAGE,
            SECOND_LANGUAGE,
            LOCK,
            LOCK_SIGNAL,
            STORE,
            "other.app",
        ] {
            assert!(!is_private(key), "{key}");
        }
    }

    #[test]
    fn recovery_keys_never_collide() {
        let store = MemoryStore::new();
        let at = DateTime::from_timestamp(1_768_471_200, 0).unwrap();
        let first = new_recovery_key(&store, at).unwrap();
        assert_eq!(first, "stegvis.recovery.2026-01-15T10:00:00.000Z");
        store.set(&first, "x").unwrap();
        let second = new_recovery_key(&store, at).unwrap();
        assert_eq!(second, "stegvis.recovery.2026-01-15T10:00:00.000Z.2");
        store.set(&second, "y").unwrap();
        store.set(DATA, "z").unwrap();
        assert_eq!(recovery_keys(&store).unwrap(), [first, second]);
    }
}
