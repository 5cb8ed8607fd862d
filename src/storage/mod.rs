//! Browser storage. Everything stays on this device.
//!
//! One key registry (`keys`), a key-value trait with an in-memory store (`kv`), the versioned
//! envelope (`envelope`) with numbered `migrations`, loading and saving (`local_data`), and
//! the files a user takes away: JSON `backup`, `csv` and the organisation summary's `summary_csv`.

pub mod backup;
#[cfg(test)]
mod benchmark;
pub mod browser_store;
pub mod csv;
pub mod envelope;
pub mod keys;
pub mod kv;
pub mod local_data;
pub mod migrations;
pub mod preferences;
#[cfg(test)]
mod proptests;
pub mod summary_csv;
#[cfg(test)]
mod test_data;
