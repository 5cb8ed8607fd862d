//! Shared test data: the fixture of the current schema version, a realistic small caseload.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::envelope;
use super::migrations::CURRENT_VERSION;
use crate::domain::caseload::Caseload;

/// A fixed moment, `hours` after midnight on 1 July 2026 (UTC).
pub fn at(hours: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_782_864_000 + hours * 3600, 0).unwrap()
}

/// The committed fixture of the current version: its JSON, and the data read from it.
pub fn current_fixture() -> (Value, Caseload) {
    let path = format!(
        "{}/tests/fixtures/storage/v{CURRENT_VERSION}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {path}"));
    let (data, _) = envelope::read(&text).unwrap();
    (serde_json::from_str(&text).unwrap(), data)
}

/// Two fictional participants with rounds, answers, "rather not answer" and a plan.
pub fn sample() -> Caseload {
    current_fixture().1
}
