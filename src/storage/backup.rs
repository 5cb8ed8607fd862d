//! Backups: the whole caseload as a JSON file the user saves, and reading such a file back.
//! Reading never trusts the file: any text gives either checked data or a typed error.

use chrono::{DateTime, Utc};

use super::envelope::{self, ImportError};
use crate::domain::caseload::Caseload;

/// Far above any real caseload (1,000 participants with 12 rounds each is a few MB).
pub const MAX_BACKUP_BYTES: usize = 20 * 1024 * 1024;

/// A backup file as read, before it is merged into the data on a device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    data: Caseload,
    sensitive_withheld: bool,
}

impl Backup {
    /// The file's data as it should meet `device`'s: where the file left sensitive answers out
    /// on purpose, the device's own stay.
    pub fn data_for(&self, device: &Caseload) -> Caseload {
        if self.sensitive_withheld {
            self.data.clone().with_sensitive_answers_of(device)
        } else {
            self.data.clone()
        }
    }
}

/// The backup file's text: the versioned envelope with the export time and a checksum,
/// indented for people. Sensitive answers only when the user chose to include them.
pub fn export_backup(
    data: &Caseload,
    exported_at: DateTime<Utc>,
    include_sensitive: bool,
) -> String {
    if include_sensitive {
        envelope::write_backup(data, exported_at, true)
    } else {
        envelope::write_backup(&data.without_sensitive_answers(), exported_at, false)
    }
}

/// The data in a backup file (of this or any older version), checked against every rule.
pub fn parse_backup(text: &str) -> Result<Backup, ImportError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge);
    }
    envelope::open(text).map(|opened| Backup {
        data: opened.data,
        sensitive_withheld: opened.sensitive_withheld,
    })
}

#[cfg(test)]
impl Backup {
    /// The file's data as it is in the file.
    pub fn into_data(self) -> Caseload {
        self.data
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::merge::{Choices, apply_merge, preview_merge};
    use crate::storage::migrations::CURRENT_VERSION;
    use crate::storage::test_data::{at, sample};
    use serde_json::{Value, json};

    #[test]
    fn the_backup_is_the_envelope_with_the_export_time() {
        let file = export_backup(&sample(), at(2), true);
        let json: Value = serde_json::from_str(&file).unwrap();
        assert_eq!(json["format"], json!("stegvis"));
        assert_eq!(json["schema_version"], json!(CURRENT_VERSION));
        assert_eq!(json["exported_at"], json!("2026-07-01T02:00:00Z"));
        assert!(file.contains("\n  \"data\""), "indented for people");
    }

    // Guards the promise of the issue: export, erase all, import gives back exactly the same data.
    #[test]
    fn export_erase_all_import_restores_everything() {
        let original = sample();
        let file = export_backup(&original, at(0), true);
        let mut device = original.clone();
        device.erase_all();
        let incoming = parse_backup(&file).unwrap().into_data();
        let preview = preview_merge(&device, &incoming);
        assert!(preview.conflicts.is_empty());
        assert_eq!(
            (
                preview.new_participants,
                preview.new_rounds,
                preview.new_plans
            ),
            (2, 5, 2)
        );
        let restored = apply_merge(&device, &incoming, &Choices::new()).unwrap();
        assert_eq!(restored, original);
    }

    #[test]
    fn importing_the_same_backup_twice_duplicates_nothing() {
        let original = sample();
        let incoming = parse_backup(&export_backup(&original, at(0), true))
            .unwrap()
            .into_data();
        let preview = preview_merge(&original, &incoming);
        assert_eq!(preview.new_participants + preview.new_rounds, 0);
        assert!(preview.conflicts.is_empty());
        assert_eq!(
            apply_merge(&original, &incoming, &Choices::new()),
            Ok(original)
        );
    }

    #[test]
    fn each_kind_of_bad_file_has_its_own_error() {
        assert_eq!(
            parse_backup("PK\u{3}\u{4}binary"),
            Err(ImportError::NotJson)
        );
        assert_eq!(
            parse_backup(r#"{"name": "shopping list", "items": []}"#),
            Err(ImportError::NotAStegvisFile)
        );
        assert_eq!(
            parse_backup(r#"{"format": "stegvis", "schema_version": 7, "data": {}}"#),
            Err(ImportError::TooNew { version: 7 })
        );
        let mut seven =
            serde_json::from_str::<Value>(&export_backup(&sample(), at(0), true)).unwrap();
        seven["data"]["rounds"][0]["participant_part"]["answers"]["health"]["value"] = json!(7);
        assert_eq!(parse_backup(&seven.to_string()), Err(ImportError::Damaged));
        seven.as_object_mut().unwrap().remove("checksum"); // as written by hand
        assert!(matches!(
            parse_backup(&seven.to_string()),
            Err(ImportError::Invalid { detail }) if detail.contains('7')
        ));
        let padding = " ".repeat(MAX_BACKUP_BYTES);
        assert_eq!(
            parse_backup(&format!("{padding}{{}}")),
            Err(ImportError::TooLarge)
        );
    }

    // Guards against a stack overflow from hostile, deeply nested JSON.
    #[test]
    fn deeply_nested_json_is_an_error_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(parse_backup(&deep), Err(ImportError::NotJson));
    }

    // Guards issue 10: a file altered after export says "damaged" rather than merging altered
    // values; indenting it differently is no alteration.
    #[test]
    fn the_checksum_finds_changed_values_not_changed_layout() {
        let file = export_backup(&sample(), at(0), true);
        let compact: Value = serde_json::from_str(&file).unwrap();
        assert_eq!(
            parse_backup(&compact.to_string()).map(Backup::into_data),
            Ok(sample())
        );
        let renamed = file.replacen("\"display_name\": \"", "\"display_name\": \"X", 1);
        assert_eq!(parse_backup(&renamed), Err(ImportError::Damaged));
    }

    // Guards issue 10: sensitive answers leave the device only when the user includes them.
    #[test]
    fn sensitive_answers_are_left_out_unless_included() {
        let data = sample();
        assert!(data.has_sensitive_answers(), "the fixture has some");
        let without = parse_backup(&export_backup(&data, at(0), false)).unwrap();
        assert!(!without.clone().into_data().has_sensitive_answers());
        assert_eq!(without.data_for(&data), data);
        let with = parse_backup(&export_backup(&data, at(0), true)).unwrap();
        assert_eq!(with.into_data(), data);
    }

    // Guards the backup format as shipped: a file with a checksum and without sensitive
    // answers keeps reading, and keeps the device's sensitive answers.
    #[test]
    fn the_shipped_checksummed_backup_still_reads() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/backup/v1-checksum-without-sensitive.json"
        );
        let backup = parse_backup(&std::fs::read_to_string(path).unwrap()).unwrap();
        let v1 = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/storage/v1.json"
        );
        let (device, _) = envelope::read(&std::fs::read_to_string(v1).unwrap()).unwrap();
        assert_eq!(backup.data_for(&device), device);
        assert!(!backup.into_data().has_sensitive_answers());
    }
}
