//! Size and speed of a large caseload, for the figures the issue asks for. Ignored by default:
//! `cargo test --release --lib storage::benchmark -- --ignored --nocapture`.

use std::time::Instant;

use chrono::{Days, NaiveDate};

use super::backup::{export_backup, parse_backup};
use super::keys;
use super::kv::{KeyValue, MemoryStore};
use super::local_data::{load, save};
use super::test_data::at;
use crate::domain::assessment::{FilledBy, Interventions, ItemAnswer};
use crate::domain::caseload::Caseload;
use crate::domain::questionnaire::ParticipantItem;

/// `people` participants with `rounds` full rounds each, three months apart.
pub(crate) fn generated(people: usize, rounds: usize) -> Caseload {
    let mut data = Caseload::default();
    let start = NaiveDate::from_ymd_opt(2023, 1, 2).unwrap();
    for p in 0..people {
        let id = format!("{p:08}-0000-4000-8000-000000000000");
        data.add_participant(id.clone(), &format!("Participant {p}"), start)
            .unwrap();
        data.change_counsellor(&id, "AL", start).unwrap();
        for r in 0..rounds {
            let round = format!("{p:08}-{r:04}-4000-8000-000000000000");
            let date = start + Days::new(91 * r as u64);
            data.start_round(round.clone(), &id, date).unwrap();
            let now = at((p * rounds + r) as i64);
            data.start_participant_part(&round, FilledBy::Participant, now)
                .unwrap();
            for (i, item) in ParticipantItem::ALL.into_iter().enumerate() {
                let answer = match (p + r + i) % 6 {
                    0 => ItemAnswer::rather_not(),
                    v => ItemAnswer::rated(v as u8).unwrap(),
                };
                data.set_participant_answer(&round, item, answer, now)
                    .unwrap();
            }
            data.complete_participant_part(&round, now).unwrap();
            data.start_counsellor_part(&round, "AL", now).unwrap();
            data.set_belief(&round, ItemAnswer::rated(3).unwrap(), now)
                .unwrap();
            data.set_determination(&round, ItemAnswer::rated(4).unwrap(), now)
                .unwrap();
            let given = Interventions::Given(vec!["work_trial".into(), "mental_health".into()]);
            data.set_interventions(&round, given, now).unwrap();
        }
    }
    data
}

/// `people` copies of one generated person with `rounds` rounds, read back from their records:
/// built through the model's changes, 5,000 people took minutes (each change looks its round
/// up among all the rounds).
fn copied(people: usize, rounds: usize) -> Caseload {
    use super::records::person_key;
    let one = generated(1, rounds);
    let store = MemoryStore::new();
    save(&store, &one, None, at(0), &Default::default()).unwrap();
    let id = &one.participants()[0].id;
    let record = store.get(&person_key(id)).unwrap().unwrap();
    // Every id of the person and her rounds starts with her number.
    let first = &id[..9];
    for p in 1..people {
        let number = format!("{p:08}-");
        let copy = record.replace(first, &number);
        store
            .set(&person_key(&id.replace(first, &number)), &copy)
            .unwrap();
    }
    let data = load(&store, at(1)).into_data();
    assert_eq!(data.participants().len(), people);
    data
}

#[test]
#[ignore = "benchmark figures, not a check"]
fn caseload_size_and_speed() {
    for people in [150, 1_000] {
        let data = generated(people, 12);
        let store = MemoryStore::new();
        let timer = Instant::now();
        save(&store, &data, None, at(0), &Default::default()).unwrap();
        let save_time = timer.elapsed();
        // The head and every person's record.
        let bytes: usize = (store.keys().unwrap().iter())
            .map(|key| store.get(key).unwrap().unwrap().len())
            .sum();
        let timer = Instant::now();
        let loaded = load(&store, at(1)).into_data();
        let load_time = timer.elapsed();
        let timer = Instant::now();
        let file = export_backup(&data, at(0), true);
        let export_time = timer.elapsed();
        let timer = Instant::now();
        let imported = parse_backup(&file).unwrap().into_data();
        let import_time = timer.elapsed();
        assert!(loaded == data.in_part_order() && imported == data);
        println!(
            "{people} x 12: stored {bytes} bytes ({} KiB), backup {} KiB; \
             save {save_time:?}, load {load_time:?}, export {export_time:?}, import {import_time:?}",
            bytes / 1024,
            file.len() / 1024
        );
    }
}

/// One keystroke's cost in a tab: the change in memory, then the write with its revision
/// (items compared with the last write to stamp the changed one), and another tab taking it in.
#[test]
#[ignore = "benchmark figures, not a check"]
fn a_change_written_and_taken_in_by_another_tab() {
    use super::tab_store::TabStore;
    use std::rc::Rc;
    let store = Rc::new(MemoryStore::new());
    save(
        &store,
        &generated(150, 12),
        None,
        at(0),
        &Default::default(),
    )
    .unwrap();
    let mut writer = TabStore::open(Rc::clone(&store), "writer".into(), at(0));
    let mut reader = TabStore::open(Rc::clone(&store), "reader".into(), at(0));
    let id = writer.data().participants()[0].id.clone();
    let (mut written, mut taken_in) = (Vec::new(), Vec::new());
    for n in 0..21 {
        let timer = Instant::now();
        writer
            .change(|d| d.set_contact_note(&id, Some(format!("note {n}"))))
            .unwrap();
        writer.flush(at(1)).unwrap();
        written.push(timer.elapsed());
        let timer = Instant::now();
        reader.storage_changed(store.get(keys::DATA).unwrap(), at(1));
        taken_in.push(timer.elapsed());
    }
    written.sort();
    taken_in.sort();
    println!(
        "150 x 12, one change: written in {:?}, taken in by another tab in {:?} (medians of 21; \
         native release build; no budget is named)",
        written[10], taken_in[10]
    );
}

/// The head a keystroke writes at 5,000 × 12: every person's list summary is in it, and only
/// the changed person's is worked out again (`KeptSummaries`).
#[test]
#[ignore = "benchmark figures, not a check"]
fn a_keystrokes_head_at_5000_people() {
    use super::records::write_head;
    let mut data = copied(5_000, 12);
    let id = data.participants()[0].id.clone();
    let mut times: Vec<_> = (0..21)
        .map(|n| {
            data.set_contact_note(&id, Some(format!("note {n}")))
                .unwrap();
            let timer = Instant::now();
            write_head(&data, at(1), &Default::default());
            timer.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "5000 x 12, one change: the head written in {:?} (median of 21, the first saw everyone; \
         native release build; no budget is named)",
        times[10]
    );
}
