//! How an app lays the caseload out in storage. The whole app writes records (`records.rs`):
//! one per person, so a keystroke costs one person's text however large the caseload. Her own
//! app, on her phone, holds one person and writes the whole caseload in one text, as builds
//! before records did: it never needs the records' code, which then stays out of her wasm.
//! Both read the one text; the whole app reads records too, and moves a one text into records.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::envelope::{self, ImportError};
use super::kv::{KeyValue, KvError};
use super::local_data::{self, Read};
use super::revision::Revision;
use crate::domain::caseload::Caseload;

pub trait Layout: Sync {
    /// Whether this layout writes records (and so moves a one text into them).
    fn writes_records(&self) -> bool;
    /// What the stored text `text` of `keys::DATA` holds, with the records beside it if any.
    fn read(
        &self,
        store: &dyn KeyValue,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<Read, ImportError>;
    /// Writes `data`: the records of `people` (every person's when `None`) and what they share.
    /// Returns the text now stored under `keys::DATA`.
    fn save(
        &self,
        store: &dyn KeyValue,
        data: &Caseload,
        people: Option<&BTreeSet<String>>,
        now: DateTime<Utc>,
        revision: &Revision,
    ) -> Result<String, KvError>;
}

/// A head and one record per person: the whole app.
pub struct Records;

/// The whole caseload in one text: her own app.
pub struct OneText;

impl Layout for Records {
    fn writes_records(&self) -> bool {
        true
    }

    fn read(
        &self,
        store: &dyn KeyValue,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<Read, ImportError> {
        local_data::read(store, text, now)
    }

    fn save(
        &self,
        store: &dyn KeyValue,
        data: &Caseload,
        people: Option<&BTreeSet<String>>,
        now: DateTime<Utc>,
        revision: &Revision,
    ) -> Result<String, KvError> {
        local_data::save(store, data, people, now, revision)
    }
}

impl Layout for OneText {
    fn writes_records(&self) -> bool {
        false
    }

    /// Records (written by the whole app on this device) read as data from a newer version:
    /// left alone, nothing saved over them.
    fn read(&self, _: &dyn KeyValue, text: &str, _: DateTime<Utc>) -> Result<Read, ImportError> {
        envelope::open(text).map(Read::Whole)
    }

    fn save(
        &self,
        store: &dyn KeyValue,
        data: &Caseload,
        _: Option<&BTreeSet<String>>,
        now: DateTime<Utc>,
        revision: &Revision,
    ) -> Result<String, KvError> {
        local_data::save_one_text(store, data, now, revision)
    }
}
