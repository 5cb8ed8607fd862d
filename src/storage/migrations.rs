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
    run_steps(MIGRATIONS, data, from)
}

/// Runs `steps[from - 1..]` in order: the chaining, apart from which steps there are.
fn run_steps(steps: &[Migration], data: Value, from: u32) -> Result<Value, String> {
    if from == 0 {
        return Err("there is no version 0".to_owned());
    }
    steps
        .get(from as usize - 1..)
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

    // Two made-up steps that each leave a mark: the chain must run from the right step, in order,
    // and stop at the first failure.
    fn add_a(mut data: Value) -> Result<Value, String> {
        data["trail"]
            .as_array_mut()
            .ok_or("no trail")?
            .push("a".into());
        Ok(data)
    }

    fn add_b(mut data: Value) -> Result<Value, String> {
        data["trail"]
            .as_array_mut()
            .ok_or("no trail")?
            .push("b".into());
        Ok(data)
    }

    #[test]
    fn steps_chain_from_the_stored_version_in_order() {
        let steps: &[Migration] = &[add_a, add_b];
        let start = serde_json::json!({"trail": []});
        let trail = |from| run_steps(steps, start.clone(), from).map(|data| data["trail"].clone());
        assert_eq!(trail(1), Ok(serde_json::json!(["a", "b"])));
        assert_eq!(trail(2), Ok(serde_json::json!(["b"])));
        assert_eq!(trail(3), Ok(serde_json::json!([])));
        assert!(trail(4).is_err(), "a version newer than the steps know");
        assert!(trail(0).is_err(), "there is no version 0");
        assert!(
            run_steps(steps, Value::Null, 1).is_err(),
            "a failing step stops the chain"
        );
    }

    // The numbering is contiguous: every version from 1 to the current one has its fixture of
    // stored data, so no step was skipped or numbered twice.
    #[test]
    fn every_version_has_a_stored_fixture() {
        let storage = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/storage");
        for version in 1..=CURRENT_VERSION {
            let path = storage.join(format!("v{version}.json"));
            assert!(path.exists(), "missing {}", path.display());
        }
    }

    #[test]
    fn the_current_version_needs_no_step() {
        let data = serde_json::json!({"participants": []});
        assert_eq!(migrate(data.clone(), CURRENT_VERSION), Ok(data));
        assert!(migrate(Value::Null, CURRENT_VERSION + 1).is_err());
    }
}
