//! Browser storage. Everything stays on this device.
//!
//! One key registry (`keys`), a key-value trait with an in-memory store (`kv`), the versioned
//! envelope (`envelope`) with numbered `migrations`, loading and saving (`local_data`), one
//! tab's way to storage that never loses another tab's save (`tab_store`, `revision`), and
//! the lock (`sealed` values, the `lock_record`, and the `lockable` store the app writes
//! through), and the files a user takes away: JSON `backup` (or a `sealed_backup` under the
//! lock's passphrase), `csv` and the organisation
//! summary's `summary_csv`; when a backup was last saved (`backup_reminder`).

pub mod backup;
pub mod backup_reminder;
#[cfg(test)]
pub(crate) mod benchmark;
pub mod browser_store;
pub mod csv;
pub mod device_store;
pub mod envelope;
pub mod folder_backup;
#[cfg(test)]
mod generators;
pub mod indexed_db;
pub mod keys;
pub mod kv;
pub mod layout;
pub mod local_data;
pub mod lock_record;
pub mod lock_tries;
pub mod lockable;
pub mod migrations;
#[cfg(test)]
mod moving_in;
pub mod preferences;
#[cfg(test)]
mod proptests;
pub mod records;
pub mod revision;
pub mod sealed;
pub mod sealed_backup;
pub mod small_store;
pub mod space;
pub mod summary_csv;
pub mod tab_store;
#[cfg(test)]
mod test_data;
#[cfg(test)]
mod test_tabs;
