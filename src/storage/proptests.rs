//! Property tests of the import path and the stored format: no input makes reading panic,
//! whatever is accepted keeps every rule of the model, and writing then reading is the identity.

use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::Value;

use super::backup::{Backup, export_backup, parse_backup};
use super::generators::{caseload, date};
use super::kv::MemoryStore;
use super::local_data::{LoadOutcome, load, save};
use super::records::{read_list, write_head};
use super::test_data::{at, sample};
use crate::domain::caseload::Caseload;
use crate::domain::list_summary::summaries;
use crate::domain::merge::{Choices, apply_merge, preview_merge};
use crate::domain::org_summary::{Period, SUMMARY_FORMAT, SummaryFile};
use crate::domain::questionnaire::ParticipantItem;

/// Every JSON pointer in `value`, the root included.
fn pointers(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                pointers(
                    child,
                    format!("{here}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(here);
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (0u64..8).prop_map(Value::from),
        "\\PC{0,8}".prop_map(Value::String),
        Just(Value::String("work_trial".into())),
        Just(Value::String("2026-02-30".into())),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Whatever reading accepts must keep every rule of the model.
fn accepted_data_is_valid(text: &str) -> Result<(), TestCaseError> {
    if let Ok(backup) = parse_backup(text) {
        prop_assert_eq!(backup.into_data().check(), Ok(()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_is_read_without_panicking(text in "\\PC{0,300}") {
        accepted_data_is_valid(&text)?;
    }

    #[test]
    fn json_like_text_is_read_without_panicking(text in "[{}\\[\\]\":,0-9a-z_ .-]{0,200}") {
        accepted_data_is_valid(&text)?;
        let wrapped = format!(r#"{{"format":"stegvis","schema_version":1,"data":{text}}}"#);
        accepted_data_is_valid(&wrapped)?;
    }

    #[test]
    fn flipped_bytes_in_a_backup_never_panic(
        flips in vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let mut bytes = export_backup(&sample(), at(0), true).into_bytes();
        for (index, byte) in flips {
            let i = index.index(bytes.len());
            bytes[i] = byte;
        }
        accepted_data_is_valid(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn a_truncated_backup_never_panics(cut in any::<prop::sample::Index>()) {
        let file = export_backup(&sample(), at(0), true);
        let mut end = cut.index(file.len());
        while !file.is_char_boundary(end) {
            end -= 1;
        }
        accepted_data_is_valid(&file[..end])?;
    }

    #[test]
    fn any_value_at_any_place_in_a_backup_never_panics(
        place in any::<prop::sample::Index>(),
        replacement in json_value(),
    ) {
        let mut json: Value = serde_json::from_str(&export_backup(&sample(), at(0), true)).unwrap();
        let mut places = Vec::new();
        pointers(&json, String::new(), &mut places);
        let pointer = &places[place.index(places.len())];
        *json.pointer_mut(pointer).unwrap() = replacement;
        accepted_data_is_valid(&json.to_string())?;
    }

    #[test]
    fn export_then_import_is_the_identity(data in caseload()) {
        let file = export_backup(&data, at(0), true);
        prop_assert_eq!(parse_backup(&file).map(Backup::into_data), Ok(data));
    }

    #[test]
    fn save_then_load_is_the_identity(data in caseload()) {
        let store = MemoryStore::new();
        save(&store, &data, None, at(0), &Default::default()).unwrap();
        prop_assert_eq!(load(&store, at(1)), LoadOutcome::Loaded(data));
    }

    // Whatever was saved before (the summaries are kept between saves), and whatever that
    // caseload and the next share, the head's list is the next caseload's.
    #[test]
    fn the_heads_list_is_the_caseloads_whatever_was_saved_before(
        before in caseload(),
        after in caseload(),
    ) {
        let list = |data: &Caseload| read_list(&write_head(data, at(0), &Default::default()));
        prop_assert_eq!(list(&before), Some(summaries(&before)));
        prop_assert_eq!(list(&after), Some(summaries(&after)));
        let mut changed = after.clone();
        if let Some(id) = after.person_ids().first() {
            changed.rename_participant(id, "Someone else").unwrap();
        }
        prop_assert_eq!(list(&changed), Some(summaries(&changed)));
        prop_assert_eq!(list(&after), Some(summaries(&after)));
    }

    #[test]
    fn restoring_into_an_erased_device_is_the_identity(data in caseload()) {
        let incoming = parse_backup(&export_backup(&data, at(0), true))
            .unwrap()
            .into_data();
        let mut device = data.clone();
        device.erase_all();
        prop_assert!(preview_merge(&device, &incoming).conflicts.is_empty());
        prop_assert_eq!(apply_merge(&device, &incoming, &Choices::new()), Ok(data));
    }

    // Guards anonymity of the summary file: whatever the caseload holds, the file has only
    // numbers, months and the format's own words, so no name, id or comment can be in it.
    #[test]
    fn a_summary_file_holds_no_name_id_or_comment(data in caseload(), today in date()) {
        let text = SummaryFile::of(&data, Period::default(), today).write();
        let json: Value = serde_json::from_str(&text).unwrap();
        prop_assert!(only_counts_and_months(&json), "{}", text);
        for person in data.participants() {
            let quoted = format!("\"{}\"", person.id);
            prop_assert!(!text.contains(&quoted), "id {} in {}", person.id, text);
        }
    }
}

/// True when every string is the format's name or a month and every key is one the summary
/// format defines: free text from the caseload has nowhere to go.
fn only_counts_and_months(value: &Value) -> bool {
    const KEYS: &[&str] = &[
        "format",
        "version",
        "period",
        "from",
        "to",
        "written",
        "devices",
        "counts",
        "people",
        "rounds",
        "follow_ups_on_time",
        "periods_without_intervention",
        "parallel_job_focus",
        "counsellor_changed",
        "belief",
        "belief_rather_not",
        "movement",
        "count",
        "of",
        "steps",
    ];
    let month = |s: &str| {
        s.len() == 7
            && s.as_bytes()[4] == b'-'
            && s.chars().filter(char::is_ascii_digit).count() == 6
    };
    match value {
        Value::String(s) => s == SUMMARY_FORMAT || month(s),
        Value::Number(_) => true,
        Value::Array(items) => items.iter().all(only_counts_and_months),
        Value::Object(map) => map.iter().all(|(key, value)| {
            let known = KEYS.contains(&key.as_str()) || ParticipantItem::from_id(key).is_some();
            known && only_counts_and_months(value)
        }),
        Value::Null | Value::Bool(_) => false,
    }
}
