//! Numbered migrations of the stored data, one step per schema version.
//!
//! Stored data and backups are a format we support forever. A change to it adds a step at the
//! end of [`MIGRATIONS`] (never edits a shipped one), a before/after fixture pair for that step in
//! `tests/fixtures/migrations/`, and a fixture of the new version in `tests/fixtures/storage/`.
//! The tests below fail when either is missing.

use serde_json::Value;

/// One step: the `data` of schema version k in, the `data` of version k + 1 out.
pub type Migration = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[k - 1]` migrates version k to k + 1. Version 1 is the first one shipped.
pub const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Version 2 keeps handovers (this device's key pair, invitations made and being answered)
/// under `handover`, and may say of a participant that they have left (`archived`: when and
/// why; absent means "in the daily list"). Version 1 data had no handovers and nobody archived.
fn v1_to_v2(mut data: Value) -> Result<Value, String> {
    let object = data.as_object_mut().ok_or("data is not an object")?;
    object
        .entry("handover")
        .or_insert_with(|| Value::Object(Default::default()));
    Ok(data)
}

/// The version this build writes: one more than the number of steps.
pub const CURRENT_VERSION: u32 = MIGRATIONS.len() as u32 + 1;

/// Brings `data` of version `from` (1..=CURRENT_VERSION) up to the current version.
pub fn migrate(data: Value, from: u32) -> Result<Value, String> {
    MIGRATIONS
        .get(from.saturating_sub(1) as usize..)
        .ok_or_else(|| format!("no migration from version {from}"))?
        .iter()
        .try_fold(data, |data, step| step(data))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fixtures() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/migrations")
    }

    fn fixture(name: &str) -> Value {
        let path = fixtures().join(name);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("missing migration fixture {}", path.display()));
        serde_json::from_str(&text).unwrap()
    }

    // Guards the rule that no migration step ships without its before/after test.
    #[test]
    fn every_step_turns_its_before_fixture_into_its_after_fixture() {
        for (index, step) in MIGRATIONS.iter().enumerate() {
            let from = index + 1;
            let before = fixture(&format!("v{from}-before.json"));
            let after = fixture(&format!("v{}-after.json", from + 1));
            assert_eq!(step(before), Ok(after), "migration from version {from}");
        }
    }

    // Guards against fixtures for steps that do not exist (a removed or renumbered step).
    #[test]
    fn every_fixture_belongs_to_a_step() {
        for entry in std::fs::read_dir(fixtures()).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let Some(number) = name.strip_prefix('v') else {
                continue;
            };
            let version: usize = number.split('-').next().unwrap().parse().unwrap();
            let step = if name.ends_with("-before.json") {
                version
            } else {
                version - 1
            };
            assert!(
                (1..=MIGRATIONS.len()).contains(&step),
                "{name} has no migration step"
            );
        }
    }

    #[test]
    fn the_current_version_needs_no_step() {
        let data = serde_json::json!({"participants": []});
        assert_eq!(migrate(data.clone(), CURRENT_VERSION), Ok(data));
        assert!(migrate(Value::Null, CURRENT_VERSION + 1).is_err());
    }
}
