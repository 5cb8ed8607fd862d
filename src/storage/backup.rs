//! Backups: the whole caseload as a JSON file the user saves, and reading such a file back.
//! Reading never trusts the file: any text gives either checked data or a typed error.

use chrono::{DateTime, Utc};

use super::envelope::{self, ImportError, Stamp};
use crate::domain::caseload::Caseload;

/// Far above any real caseload (1,000 participants with 12 rounds each is a few MB).
pub const MAX_BACKUP_BYTES: usize = 20 * 1024 * 1024;

/// The backup file's text: the versioned envelope with the export time, indented for people.
pub fn export_backup(data: &Caseload, exported_at: DateTime<Utc>) -> String {
    envelope::write(data, Stamp::ExportedAt(exported_at), true)
}

/// The data in a backup file (of this or any older version), checked against every rule.
pub fn parse_backup(text: &str) -> Result<Caseload, ImportError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge);
    }
    envelope::read(text).map(|(data, _)| data)
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
        let file = export_backup(&sample(), at(2));
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
        let file = export_backup(&original, at(0));
        let mut device = original.clone();
        device.erase_all();
        let incoming = parse_backup(&file).unwrap();
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
        let incoming = parse_backup(&export_backup(&original, at(0))).unwrap();
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
        let mut seven = serde_json::from_str::<Value>(&export_backup(&sample(), at(0))).unwrap();
        seven["data"]["rounds"][0]["participant_part"]["answers"]["health"]["value"] = json!(7);
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
}
