//! The versioned envelope around stored data and backups:
//! `{ "format": "stegvis", "schema_version": N, "saved_at" | "exported_at": …, "data": {…} }`.
//!
//! Reading is lenient where it can be and strict where it must be: unknown fields are ignored
//! and missing optional ones take defaults (serde attributes on the model), older versions are
//! migrated, and then every rule of the model is checked before anything is used.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::migrations::{CURRENT_VERSION, migrate};
use super::revision::Revision;
use crate::domain::caseload::Caseload;

pub const FORMAT: &str = "stegvis";

/// When the envelope was written, and why: kept in storage, or exported to a file.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stamp {
    SavedAt(DateTime<Utc>),
    ExportedAt(DateTime<Utc>),
}

#[derive(Serialize)]
struct Envelope<'a, D: Serialize> {
    format: &'static str,
    schema_version: u32,
    #[serde(flatten)]
    stamp: Stamp,
    /// Stored data only: which tabs' saves it includes.
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<&'a Revision>,
    /// Backups only: `false` when sensitive answers were left out of the file on purpose.
    #[serde(skip_serializing_if = "Option::is_none")]
    sensitive_included: Option<bool>,
    /// Backups only: a file changed after it was written is refused as damaged.
    #[serde(skip_serializing_if = "Option::is_none")]
    checksum: Option<String>,
    data: &'a D,
}

/// What an envelope held, after every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub data: Caseload,
    /// The schema version it was written in (older ones are migrated).
    pub version: u32,
    /// Stored data: the saves it includes; empty for backups and data from before revisions.
    pub revision: Revision,
    /// A backup written without its sensitive answers: importing it must keep the ones here.
    pub sensitive_withheld: bool,
}

/// Why stored text or a file could not be read. Each variant is one translated message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    NotJson,
    /// JSON, but not ours.
    NotAStegvisFile,
    /// Written by a newer version of the app: refused rather than guessed at.
    TooNew {
        version: u64,
    },
    /// Ours, but broken: an answer of 7, a round of a missing participant, an empty name…
    Invalid {
        detail: String,
    },
    /// Larger than any real backup (see `backup::MAX_BACKUP_BYTES`).
    TooLarge,
    /// Its checksum does not match its content: changed or damaged after it was written.
    Damaged,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson => write!(f, "not a JSON file"),
            ImportError::NotAStegvisFile => write!(f, "not a Stegvis file"),
            ImportError::TooNew { version } => {
                write!(f, "schema version {version} is newer than this app")
            }
            ImportError::Invalid { detail } => write!(f, "invalid data: {detail}"),
            ImportError::TooLarge => write!(f, "the file is too large"),
            ImportError::Damaged => write!(f, "the content does not match its checksum"),
        }
    }
}

impl std::error::Error for ImportError {}

/// The lenient first reading: only the fields that say what the text is.
#[derive(Deserialize)]
struct ImportedEnvelope {
    format: String,
    #[serde(default)]
    schema_version: Value,
    #[serde(default)]
    data: Value,
    #[serde(default)]
    revision: Value,
    #[serde(default)]
    sensitive_included: Value,
    #[serde(default)]
    checksum: Value,
}

#[cfg(test)]
pub fn write(data: &Caseload, stamp: Stamp, pretty: bool) -> String {
    render(&envelope(data, stamp), pretty)
}

/// The text kept in storage: compact, with the revision it is.
pub fn write_stored(data: &Caseload, now: DateTime<Utc>, revision: &Revision) -> String {
    render(
        &Envelope {
            revision: Some(revision),
            ..envelope(data, Stamp::SavedAt(now))
        },
        false,
    )
}

/// A backup file: indented for people, with a checksum of its data, and saying whether
/// sensitive answers were left out.
pub fn write_backup(data: &Caseload, now: DateTime<Utc>, sensitive_included: bool) -> String {
    // Through the compact text every save writes: one serialiser of the model in the wasm, not
    // two (a backup is rare; a save is not).
    let data: Value = serde_json::from_str(&serde_json::to_string(data).expect(SERIALISES))
        .expect("the model's own JSON reads back");
    render(
        &Envelope {
            sensitive_included: Some(sensitive_included),
            checksum: Some(checksum(&data)),
            ..envelope(&data, Stamp::ExportedAt(now))
        },
        true,
    )
}

fn envelope<D: Serialize>(data: &D, stamp: Stamp) -> Envelope<'_, D> {
    Envelope {
        format: FORMAT,
        schema_version: CURRENT_VERSION,
        stamp,
        revision: None,
        sensitive_included: None,
        checksum: None,
        data,
    }
}

/// Maps have string keys and numbers are integers: serialising the model cannot fail.
const SERIALISES: &str = "the model serialises to JSON";

fn render<D: Serialize>(envelope: &Envelope<'_, D>, pretty: bool) -> String {
    let written = if pretty {
        serde_json::to_string_pretty(envelope)
    } else {
        serde_json::to_string(envelope)
    };
    written.expect(SERIALISES)
}

/// SHA-256 of the data in one fixed form (compact, keys sorted as serde_json's map keeps
/// them), so that indenting a file does not change it but altering a value does.
fn checksum(data: &Value) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(data.to_string().as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// The checked data in `text`, and the schema version it was written in.
#[cfg(test)]
pub fn read(text: &str) -> Result<(Caseload, u32), ImportError> {
    open(text).map(|opened| (opened.data, opened.version))
}

/// Everything in `text` after every check: format, version, checksum, then the model's rules.
pub fn open(text: &str) -> Result<Opened, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    let json: Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    let envelope: ImportedEnvelope =
        serde_json::from_value(json).map_err(|_| ImportError::NotAStegvisFile)?;
    if envelope.format != FORMAT {
        return Err(ImportError::NotAStegvisFile);
    }
    let version = envelope
        .schema_version
        .as_u64()
        .filter(|v| *v >= 1)
        .ok_or_else(|| invalid("schema_version is not a version number"))?;
    let version = u32::try_from(version)
        .ok()
        .filter(|v| *v <= CURRENT_VERSION)
        .ok_or(ImportError::TooNew { version })?;
    if !envelope.data.is_object() {
        return Err(invalid("data is missing"));
    }
    match &envelope.checksum {
        Value::Null => {} // files from before checksums
        Value::String(sum) if *sum == checksum(&envelope.data) => {}
        _ => return Err(ImportError::Damaged),
    }
    let data = migrate(envelope.data, version).map_err(invalid)?;
    let data: Caseload = serde_json::from_value(data).map_err(|e| invalid(e.to_string()))?;
    data.check().map_err(|e| invalid(e.to_string()))?;
    Ok(Opened {
        data,
        version,
        // Only a hint for merging tabs: an unreadable one counts as no saves at all.
        revision: serde_json::from_value(envelope.revision).unwrap_or_default(),
        sensitive_withheld: envelope.sensitive_included == Value::Bool(false),
    })
}

fn invalid(detail: impl Into<String>) -> ImportError {
    ImportError::Invalid {
        detail: detail.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at() -> DateTime<Utc> {
        DateTime::from_timestamp(1_768_471_200, 0).unwrap()
    }

    fn envelope(data: Value) -> String {
        json!({"format": "stegvis", "schema_version": 1, "saved_at": at(), "data": data})
            .to_string()
    }

    #[test]
    fn the_envelope_names_format_version_and_time() {
        let written: Value =
            serde_json::from_str(&write(&Caseload::default(), Stamp::SavedAt(at()), false))
                .unwrap();
        assert_eq!(written["format"], json!("stegvis"));
        assert_eq!(written["schema_version"], json!(CURRENT_VERSION));
        assert_eq!(written["saved_at"], json!("2026-01-15T10:00:00Z"));
        assert!(written["data"]["participants"].is_array());
        let exported = write(&Caseload::default(), Stamp::ExportedAt(at()), true);
        assert!(exported.contains("\"exported_at\""));
        assert_eq!(read(&exported), Ok((Caseload::default(), CURRENT_VERSION)));
    }

    #[test]
    fn text_that_is_not_json_or_not_ours_is_named_so() {
        assert_eq!(read("{\"format\": \"stegv"), Err(ImportError::NotJson));
        assert_eq!(read(""), Err(ImportError::NotJson));
        assert_eq!(read("[1, 2]"), Err(ImportError::NotAStegvisFile));
        assert_eq!(
            read("{\"type\": \"excalidraw\"}"),
            Err(ImportError::NotAStegvisFile)
        );
        assert_eq!(
            read("{\"format\": \"tldraw\", \"schema_version\": 1, \"data\": {}}"),
            Err(ImportError::NotAStegvisFile)
        );
    }

    #[test]
    fn a_newer_version_is_refused_not_guessed_at() {
        let text = json!({"format": "stegvis", "schema_version": 99, "data": {}}).to_string();
        assert_eq!(read(&text), Err(ImportError::TooNew { version: 99 }));
        let huge = json!({"format": "stegvis", "schema_version": u64::MAX, "data": {}});
        assert_eq!(
            read(&huge.to_string()),
            Err(ImportError::TooNew { version: u64::MAX })
        );
    }

    #[test]
    fn broken_envelopes_and_data_are_invalid() {
        let cases = [
            json!({"format": "stegvis", "data": {}}).to_string(),
            json!({"format": "stegvis", "schema_version": 0, "data": {}}).to_string(),
            json!({"format": "stegvis", "schema_version": "1", "data": {}}).to_string(),
            json!({"format": "stegvis", "schema_version": 1}).to_string(),
            envelope(
                json!({"participants": [{"id": "p1", "display_name": " ", "created": "2026-01-01"}]}),
            ),
            envelope(
                json!({"participants": [], "rounds": [{"id": "r1", "participant_id": "ghost", "date": "2026-01-01"}]}),
            ),
            envelope(
                json!({"participants": [{"id": "p1", "display_name": "Kim", "created": "2026-01-01"}],
                "rounds": [{"id": "r1", "participant_id": "p1", "date": "2026-01-01",
                    "participant_part": {"answers": {"health": {"value": 7}}, "filled_by": "participant",
                        "updated": "2026-01-01T10:00:00Z"}}]}),
            ),
        ];
        for text in cases {
            assert!(
                matches!(read(&text), Err(ImportError::Invalid { .. })),
                "{text}"
            );
        }
    }

    // Guards lenient reading: unknown fields, missing optional ones and a BOM are all accepted.
    #[test]
    fn reading_is_lenient_where_it_can_be() {
        let text = format!(
            "\u{feff}{}",
            json!({"format": "stegvis", "schema_version": 1, "comment": "by hand",
                "data": {"participants": [{"id": "p1", "display_name": "Kim", "created": "2026-01-01",
                    "shoe_size": 42}]}})
        );
        let (data, version) = read(&text).unwrap();
        assert_eq!(version, 1);
        let kim = data.participant("p1").unwrap();
        assert!(kim.counsellors.is_empty() && kim.goal.is_none());
        assert_eq!(data.settings(), Caseload::default().settings());
    }
}
