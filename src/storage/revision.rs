//! Which saves a stored version contains: for every tab that saved, how many of its saves
//! (a version vector), and for every item changed lately (see `domain::three_way`), which
//! save made its current version. Stored beside the data, it lets a tab that finds another
//! tab's version tell, item by item, which side's version is the newer one — also when the
//! other tab wrote without having seen this tab's latest save.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

/// Tabs that last saved, and items last changed, longer ago than this are forgotten: every
/// tab hears of another tab's save within moments, so by then every tab has seen it.
const FORGET_AFTER: TimeDelta = TimeDelta::days(1);

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Revision {
    saves: BTreeMap<String, Saves>,
    /// The save that made each lately changed item's version (an erased item's too).
    items: BTreeMap<String, Stamp>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saves {
    /// How many saves of that tab this version includes.
    pub count: u64,
    /// When that tab's latest included save was made.
    pub at: DateTime<Utc>,
}

/// One save: the tab's own count of it, and when it was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub tab: String,
    pub count: u64,
    pub at: DateTime<Utc>,
}

impl Revision {
    /// How many of `tab`'s saves this version includes.
    pub fn saves_of(&self, tab: &str) -> u64 {
        self.saves.get(tab).map_or(0, |s| s.count)
    }

    /// True when this version includes every save that `other` includes.
    pub fn includes(&self, other: &Revision) -> bool {
        other
            .saves
            .iter()
            .all(|(tab, saves)| self.saves_of(tab) >= saves.count)
    }

    /// True when this version includes the save `stamp` (or it is old enough to be everywhere).
    pub fn has_seen(&self, stamp: &Stamp, now: DateTime<Utc>) -> bool {
        self.saves_of(&stamp.tab) >= stamp.count || now - stamp.at >= FORGET_AFTER
    }

    /// The save that made `key`'s version, if that was lately.
    pub fn stamp(&self, key: &str) -> Option<&Stamp> {
        self.items.get(key)
    }

    pub fn stamps(&self) -> impl Iterator<Item = (&String, &Stamp)> {
        self.items.iter()
    }

    pub fn set_stamp(&mut self, key: &str, stamp: Option<Stamp>) {
        match stamp {
            Some(stamp) => self.items.insert(key.to_owned(), stamp),
            None => self.items.remove(key),
        };
    }

    /// This version's item stamps with the saves of both.
    pub fn with_saves_of(&self, other: &Revision) -> Revision {
        let mut joined = self.clone();
        for (tab, saves) in &other.saves {
            joined
                .saves
                .entry(tab.clone())
                .and_modify(|mine| {
                    if saves.count > mine.count {
                        *mine = *saves;
                    }
                })
                .or_insert(*saves);
        }
        joined
    }

    /// This version plus `tab`'s save number `count`, made `now`, which changed (or erased)
    /// the items `changed`; long-quiet tabs and old changes forgotten.
    pub fn with_save(
        &self,
        tab: &str,
        count: u64,
        now: DateTime<Utc>,
        changed: impl IntoIterator<Item = String>,
    ) -> Revision {
        let mut next = self.clone();
        next.saves.retain(|_, saves| now - saves.at < FORGET_AFTER);
        next.items.retain(|_, stamp| now - stamp.at < FORGET_AFTER);
        next.saves.insert(tab.to_owned(), Saves { count, at: now });
        let stamp = Stamp {
            tab: tab.to_owned(),
            count,
            at: now,
        };
        next.items
            .extend(changed.into_iter().map(|key| (key, stamp.clone())));
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::test_data::at;

    #[test]
    fn a_save_is_counted_and_seen() {
        let first = Revision::default().with_save("a", 1, at(0), ["round:r1".to_owned()]);
        assert_eq!(first.saves_of("a"), 1);
        assert_eq!(first.saves_of("b"), 0);
        let stamp = first.stamp("round:r1").unwrap().clone();
        assert_eq!((stamp.tab.as_str(), stamp.count), ("a", 1));
        let second = first.with_save("b", 1, at(0), []);
        assert!(second.includes(&first));
        assert!(!first.includes(&second));
        assert!(second.has_seen(&stamp, at(0)));
        assert!(!Revision::default().has_seen(&stamp, at(0)));
    }

    #[test]
    fn joining_keeps_the_most_of_each_tab() {
        let a = Revision::default()
            .with_save("a", 3, at(0), [])
            .with_save("b", 1, at(0), []);
        let b = Revision::default().with_save("a", 1, at(0), []).with_save(
            "b",
            2,
            at(1),
            ["plan:p1".to_owned()],
        );
        let joined = a.with_saves_of(&b);
        assert_eq!((joined.saves_of("a"), joined.saves_of("b")), (3, 2));
        assert!(joined.includes(&a) && joined.includes(&b));
        assert_eq!(joined.stamp("plan:p1"), None, "item stamps are the first's");
    }

    #[test]
    fn tabs_and_changes_quiet_for_a_day_are_forgotten_and_count_as_seen() {
        let old = Revision::default().with_save("old", 5, at(0), ["round:r1".to_owned()]);
        let stamp = old.stamp("round:r1").unwrap().clone();
        let next = old.with_save("new", 1, at(25), []);
        assert_eq!(next.saves_of("old"), 0);
        assert_eq!(next.stamp("round:r1"), None);
        assert!(Revision::default().has_seen(&stamp, at(25)));
    }
}
