//! When a backup file was last saved from this device, and when it is time to remind the
//! counsellor to save one. Browsers can lose a site's data (Safari after seven days away,
//! Chrome under disk pressure); a backup file is then the only copy.
//!
//! Kept beside the caseload, not in it: a backup restored on another device must not claim that
//! device was backed up. Under a lock both keys are sealed like the data.

use chrono::NaiveDate;

use super::keys;
use super::kv::{KeyValue, KvError};

/// The reminder intervals a counsellor can choose, in days.
pub const REMIND_AFTER_CHOICES: [u32; 4] = [7, 14, 30, 60];
pub const DEFAULT_REMIND_AFTER: u32 = 14;

/// How long ago the last backup was saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupAge {
    Never,
    /// Whole calendar days (0 today, 1 yesterday).
    Days(u32),
}

impl BackupAge {
    /// The age on `today` of a backup saved on `last`. A date after today (the device's clock
    /// was set back) counts as today.
    pub fn on(last: Option<NaiveDate>, today: NaiveDate) -> BackupAge {
        match last {
            None => BackupAge::Never,
            Some(last) => {
                let days = (today - last).num_days().max(0);
                BackupAge::Days(u32::try_from(days).unwrap_or(u32::MAX))
            }
        }
    }

    /// Whether to remind: never saved, or saved at least `remind_after` days ago.
    pub fn is_due(self, remind_after: u32) -> bool {
        match self {
            BackupAge::Never => true,
            BackupAge::Days(days) => days >= remind_after,
        }
    }
}

/// The day the last backup was saved here. Nothing, or an unreadable value, counts as never:
/// the reminder then errs on the side of a backup.
pub fn last_backup(store: &dyn KeyValue) -> Option<NaiveDate> {
    store.get(keys::LAST_BACKUP).ok()??.parse().ok()
}

/// Notes that a backup file was saved on `on`.
pub fn record_backup(store: &dyn KeyValue, on: NaiveDate) -> Result<(), KvError> {
    store.set(keys::LAST_BACKUP, &on.to_string())
}

/// Forgets the last backup (the data it held was erased); the chosen interval stays.
pub fn forget_backup(store: &dyn KeyValue) -> Result<(), KvError> {
    store.remove(keys::LAST_BACKUP)
}

/// The chosen interval; the default when none was chosen or the value is not one offered.
pub fn remind_after(store: &dyn KeyValue) -> u32 {
    store
        .get(keys::BACKUP_REMINDER)
        .ok()
        .flatten()
        .and_then(|text| text.parse().ok())
        .filter(|days| REMIND_AFTER_CHOICES.contains(days))
        .unwrap_or(DEFAULT_REMIND_AFTER)
}

pub fn set_remind_after(store: &dyn KeyValue, days: u32) -> Result<(), KvError> {
    store.set(keys::BACKUP_REMINDER, &days.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::kv::MemoryStore;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn a_backup_is_due_when_never_saved_or_older_than_the_interval() {
        assert_eq!(BackupAge::on(None, day(6)), BackupAge::Never);
        assert!(BackupAge::Never.is_due(60));
        assert_eq!(BackupAge::on(Some(day(6)), day(6)), BackupAge::Days(0));
        assert!(!BackupAge::Days(13).is_due(14));
        assert!(BackupAge::Days(14).is_due(14));
        // The clock set back: not "-3 days ago".
        assert_eq!(BackupAge::on(Some(day(9)), day(6)), BackupAge::Days(0));
    }

    #[test]
    fn the_last_backup_and_the_interval_are_kept() {
        let store = MemoryStore::new();
        assert_eq!(last_backup(&store), None);
        assert_eq!(remind_after(&store), DEFAULT_REMIND_AFTER);
        record_backup(&store, day(1)).unwrap();
        set_remind_after(&store, 30).unwrap();
        assert_eq!(last_backup(&store), Some(day(1)));
        assert_eq!(remind_after(&store), 30);
        assert_eq!(
            BackupAge::on(last_backup(&store), day(13)),
            BackupAge::Days(12)
        );
        forget_backup(&store).unwrap();
        assert_eq!(last_backup(&store), None);
        assert_eq!(remind_after(&store), 30);
    }

    #[test]
    fn unreadable_values_fall_back_to_a_reminder() {
        let store = MemoryStore::new();
        store.set(keys::LAST_BACKUP, "soon").unwrap();
        store.set(keys::BACKUP_REMINDER, "3").unwrap();
        assert_eq!(last_backup(&store), None);
        assert_eq!(remind_after(&store), DEFAULT_REMIND_AFTER);
    }
}
