//! Automatic backups into a folder the counsellor picks (issue 31): which files are ours, how
//! many are kept, and when the next is due. An organisation's synced folder (OneDrive,
//! SharePoint, Nextcloud) then carries them off the laptop. Writing them is the browser's part
//! (`components::folder_backup`).

use chrono::{DateTime, TimeDelta, Utc};

/// The newest backups kept in the folder; older ones of ours are removed.
pub const KEEP: usize = 10;
/// A backup at most this often while changes are made (and when the page goes).
pub const EVERY: TimeDelta = TimeDelta::minutes(5);

const PREFIX: &str = "stegvis-auto-backup-";
const SUFFIX: &str = ".json";

/// The file a backup written at `at` goes to: its name sorts by time.
pub fn file_name(at: DateTime<Utc>) -> String {
    format!("{PREFIX}{}{SUFFIX}", at.format("%Y-%m-%dT%H-%M-%SZ"))
}

/// Our backups among `names` (the folder may hold anything else), newest first.
pub fn ours_newest_first(names: &[String]) -> Vec<String> {
    let mut ours: Vec<String> = names
        .iter()
        .filter(|name| name.starts_with(PREFIX) && name.ends_with(SUFFIX))
        .cloned()
        .collect();
    ours.sort_by(|a, b| b.cmp(a));
    ours
}

/// Of `names`, our backups beyond the newest `KEEP`: never anyone else's file.
pub fn to_remove(names: &[String]) -> Vec<String> {
    ours_newest_first(names).into_iter().skip(KEEP).collect()
}

/// Whether to write a backup now: something changed since the last one, and the last one is
/// at least `EVERY` old — or the page is going.
pub fn due(last: Option<DateTime<Utc>>, changed: bool, now: DateTime<Utc>, going: bool) -> bool {
    changed && (going || last.is_none_or(|last| now - last >= EVERY))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_782_864_000 + minutes * 60, 0).unwrap()
    }

    #[test]
    fn names_sort_by_time_and_read_plainly() {
        assert_eq!(
            file_name(at(0)),
            "stegvis-auto-backup-2026-07-01T00-00-00Z.json"
        );
        assert!(file_name(at(61)) > file_name(at(59)));
    }

    // Guards the counsellor's own files in a shared folder: only our backups are ever removed.
    #[test]
    fn only_our_oldest_backups_are_removed() {
        let mut names: Vec<String> = (0..13).map(|m| file_name(at(m * 10))).collect();
        names.push("minutes.docx".into());
        names.push("stegvis-backup-2026-07-01.json".into()); // saved by hand: kept
        let removed = to_remove(&names);
        assert_eq!(
            removed,
            [file_name(at(20)), file_name(at(10)), file_name(at(0))]
        );
        assert_eq!(ours_newest_first(&names)[0], file_name(at(120)));
    }

    #[test]
    fn a_backup_is_due_after_a_change_at_most_every_few_minutes() {
        assert!(due(None, true, at(0), false));
        assert!(
            !due(None, false, at(0), true),
            "nothing changed: nothing to write"
        );
        assert!(!due(Some(at(0)), true, at(4), false));
        assert!(due(Some(at(0)), true, at(5), false));
        assert!(due(Some(at(0)), true, at(1), true), "the page is going");
    }
}
