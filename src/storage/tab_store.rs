//! One tab's data and its way to storage, as plain Rust over the `KeyValue` trait, so that
//! two tabs (two stores over one shared map) can be tested natively.
//!
//! A change is applied in memory at once and written by `flush` (the app calls it right after
//! the change, and before the page goes). Browsers give each tab its own copy of storage that
//! hears of other tabs' writes a moment later, so two tabs can both write without having seen
//! each other's write. Each stored version therefore says which saves it includes and which
//! save made each lately changed item (`Revision`). A tab that finds storage holding a version
//! it has not seen — before it writes, or when the browser reports another tab's write —
//! combines it with its own data item by item (`domain::three_way`): the side whose version
//! of an item comes from a save the other side has not seen is the newer one. Where both
//! sides changed an item without seeing each other's change, this tab's version stands and
//! the other tab's data is kept aside as a recovery copy, with a notice. The result is
//! written, so that a tab that wrote over another tab's save without having seen it puts
//! that save back as soon as it hears of it.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::envelope::{self, ImportError};
use super::keys;
use super::kv::{KeyValue, KvError};
use super::layout::Layout;
use super::local_data::{self, LoadOutcome, Read};
use super::revision::Revision;
use crate::domain::caseload::Caseload;
use crate::domain::caseload_parts::people_touched;
use crate::domain::error::ModelError;
use crate::domain::three_way::{Choice, combine, differing_keys, holds, take_items, with_items_of};

/// Something about storage the user must know, with what it means for their data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The latest changes are only in this page's memory (storage full or refused).
    SaveFailed(KvError),
    /// Storage cannot be used at all; the app works in memory only.
    Unavailable,
    /// Unreadable stored data was kept aside under a recovery key.
    Recovered,
    /// Stored data came from a newer app: left untouched, nothing is saved over it.
    TooNew,
    /// Stored data could not be read nor copied aside: left untouched, nothing is saved.
    Unreadable,
    /// Another tab changed the same thing at the same moment: this tab's version is used and
    /// the other tab's data is kept as a recovery copy.
    ChangedInTwoTabs,
}

pub struct TabStore<S: KeyValue> {
    store: S,
    tab: String,
    /// Records (the whole app) or one text (her own app).
    layout: &'static dyn Layout,
    data: Caseload,
    /// Each item as this tab last read it from or wrote it to storage: where `data` differs,
    /// this tab has changed it since.
    base: Caseload,
    /// The saves this tab has seen, and the save behind each item version in `base`.
    known: Revision,
    /// The stored text as this tab last read or wrote it: anything else means another tab wrote.
    last_text: Option<String>,
    /// That text as it is kept (sealed, on a locked device) right after this tab wrote it, so
    /// that a save finding it unchanged need not open it to compare (None: not known).
    last_kept: Option<String>,
    /// How many times this tab has saved.
    saves: u64,
    unsaved: bool,
    /// False while saving would overwrite stored data this app could not read.
    may_save: bool,
    /// True while storage may lack some person's record as `base` has it (it holds the whole
    /// caseload in one text, from an earlier build or another tab's, or nothing readable):
    /// the next save writes every person's record, not only the changed ones.
    whole: bool,
    /// True once records did not fit beside the one text they replace (a large caseload near
    /// the browser's quota): this tab then saves the whole caseload in one text, as earlier
    /// builds did, and the next page load tries again.
    one_text: bool,
    notice: Option<Notice>,
    /// Counts changes to `data`, so that the page redraws only when it changed.
    generation: u64,
}

impl<S: KeyValue> TabStore<S> {
    /// Loads as the whole app does (records), for tests.
    #[cfg(test)]
    pub fn open(store: S, tab: String, now: DateTime<Utc>) -> TabStore<S> {
        TabStore::open_with(store, tab, now, &super::layout::Records)
    }

    /// Loads what `store` holds for a tab named `tab` (unique to this page load) of an app
    /// that writes in `layout`.
    pub fn open_with(
        store: S,
        tab: String,
        now: DateTime<Utc>,
        layout: &'static dyn Layout,
    ) -> TabStore<S> {
        let (outcome, known) = local_data::open(&store, now, layout);
        let notice = match &outcome {
            LoadOutcome::Quarantined { .. } | LoadOutcome::KeptAside(_) => Some(Notice::Recovered),
            LoadOutcome::Unreadable { .. } => Some(Notice::Unreadable),
            LoadOutcome::TooNew { .. } => Some(Notice::TooNew),
            LoadOutcome::Unavailable(_) => Some(Notice::Unavailable),
            LoadOutcome::Fresh | LoadOutcome::Loaded(_) | LoadOutcome::Migrated { .. } => None,
        };
        let whole = matches!(outcome, LoadOutcome::Migrated { .. });
        let may_save = outcome.may_save();
        let data = outcome.into_data();
        TabStore {
            last_text: store.get(keys::DATA).ok().flatten(),
            last_kept: None,
            store,
            tab,
            layout,
            base: data.clone(),
            data,
            known,
            saves: 0,
            // Data stored by an earlier build moves into records at once.
            unsaved: whole && may_save,
            may_save,
            whole,
            one_text: false,
            notice,
            generation: 0,
        }
    }

    /// The store this tab writes through.
    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn data(&self) -> &Caseload {
        &self.data
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// True while a change is only in memory: not written yet, or refused by storage.
    pub fn has_unsaved(&self) -> bool {
        self.unsaved
    }

    /// Applies one change to a copy and keeps it only if the domain accepts it.
    pub fn change<T>(
        &mut self,
        apply: impl FnOnce(&mut Caseload) -> Result<T, ModelError>,
    ) -> Result<T, ModelError> {
        let mut next = self.data.clone();
        let result = apply(&mut next)?;
        self.set_data(next);
        self.unsaved = true;
        Ok(result)
    }

    /// Replaces everything, e.g. with the result of a merged import.
    pub fn replace(&mut self, data: Caseload) {
        self.set_data(data);
        self.unsaved = true;
    }

    /// Writes what is only in memory, first combining it with whatever another tab wrote.
    /// Returns the error when storage refused; the change then stays in memory.
    pub fn flush(&mut self, now: DateTime<Utc>) -> Result<(), KvError> {
        if !self.unsaved || !self.may_save {
            return Ok(());
        }
        let untouched = (self.last_kept.as_ref())
            .is_some_and(|kept| self.store.kept(keys::DATA).ok().flatten().as_ref() == Some(kept));
        if !untouched {
            let stored = match self.store.get(keys::DATA) {
                Ok(stored) => stored,
                Err(error) => return Err(self.refused(error)),
            };
            if stored != self.last_text {
                self.integrate(stored, now);
                if !self.unsaved || !self.may_save {
                    return Ok(());
                }
            }
        }
        let count = self.saves + 1;
        let changed = differing_keys(&self.base, &self.data);
        let people = (!self.whole).then(|| people_touched(&changed, &self.data, &self.base));
        let revision = self.known.with_save(&self.tab, count, now, changed.clone());
        let saved = if self.one_text {
            local_data::save_one_text(&self.store, &self.data, now, &revision)
        } else {
            (self.layout).save(&self.store, &self.data, people.as_ref(), now, &revision)
        };
        let saved = match saved {
            // Only where records were tried: one text refused is refused.
            Err(KvError::QuotaExceeded)
                if self.whole && !self.one_text && self.layout.writes_records() =>
            {
                self.one_text = true;
                local_data::save_one_text(&self.store, &self.data, now, &revision)
            }
            other => other,
        };
        match saved {
            Ok(text) => {
                self.whole = self.one_text;
                self.saves = count;
                // Only the changed items differ from what was written last.
                take_items(&mut self.base, &self.data, &changed);
                self.known = revision;
                self.last_text = Some(text);
                self.last_kept = self.store.kept(keys::DATA).ok().flatten();
                self.unsaved = false;
                if matches!(self.notice, Some(Notice::SaveFailed(_))) {
                    self.notice = None;
                }
                Ok(())
            }
            Err(error) => Err(self.refused(error)),
        }
    }

    /// Another tab wrote `text` (the browser's storage event). Afterwards, `has_unsaved` says
    /// whether this tab must write the combination.
    pub fn storage_changed(&mut self, text: Option<String>, now: DateTime<Utc>) {
        if text != self.last_text {
            self.integrate(text, now);
        }
    }

    /// Storage refused, after the fact, what this tab's last saves wrote (IndexedDB commits in
    /// the background): what is in memory is unsaved again, every record of it, and the user told.
    pub fn refused_later(&mut self, error: KvError) {
        self.notice = Some(Notice::SaveFailed(error));
        self.unsaved = true;
        self.whole = true;
    }

    /// Storage takes writes again after refusing them: data that could not be kept aside for
    /// want of room is kept aside now, at the next save, before anything is written.
    pub fn writable_again(&mut self) {
        if self.notice == Some(Notice::Unreadable) {
            self.may_save = true;
            self.last_text = None;
            self.last_kept = None;
            self.unsaved = true;
        }
    }

    fn refused(&mut self, error: KvError) -> KvError {
        self.notice = Some(Notice::SaveFailed(error.clone()));
        error
    }

    fn set_data(&mut self, data: Caseload) {
        self.data = data;
        self.generation += 1;
    }

    /// Takes in a version of the stored data that this tab has not seen.
    fn integrate(&mut self, text: Option<String>, now: DateTime<Utc>) {
        self.last_kept = None;
        let read = text
            .as_deref()
            .map(|text| self.layout.read(&self.store, text, now));
        let mut complete = true;
        let (theirs, revision) = match read {
            None => {
                // Storage was cleared: every record this tab keeps is written again.
                self.whole = true;
                (Caseload::default(), Revision::default())
            }
            Some(Ok(Read::Records {
                data,
                revision,
                complete: named_all,
                kept_aside,
            })) => {
                complete = named_all;
                if kept_aside {
                    self.notice = Some(Notice::Recovered);
                }
                // Storage holds every person's record as `theirs` has it.
                self.whole = false;
                (data, revision)
            }
            Some(Ok(Read::Whole(opened))) => {
                // Another tab wrote the whole caseload in one text: the records beside it are
                // older than it, so this tab's next save writes them all.
                self.whole = true;
                (opened.data, opened.revision)
            }
            Some(Err(ImportError::TooNew { .. })) => {
                // A newer version of the app runs in another tab: leave its data alone.
                self.may_save = false;
                self.notice = Some(Notice::TooNew);
                return;
            }
            Some(Err(_)) => {
                let text = text.as_deref().unwrap_or_default();
                match local_data::keep_aside(&self.store, text, now) {
                    Ok(_) => {
                        // Kept aside: this tab's data takes its place at the next write.
                        self.notice = Some(Notice::Recovered);
                        self.last_text = Some(text.to_owned());
                        self.whole = true;
                        self.unsaved = true;
                    }
                    Err(_) => {
                        self.may_save = false;
                        self.notice = Some(Notice::Unreadable);
                    }
                }
                return;
            }
        };
        self.last_text = text;
        if self.known.includes(&revision) && revision.saves_of(&self.tab) >= self.saves {
            return; // nothing this tab has not seen, and nothing of this tab's missing
        }
        let pending = differing_keys(&self.base, &self.data);
        let known = &self.known;
        let combined = combine(&self.data, &theirs, |key| {
            let theirs_new = revision.stamp(key).is_some_and(|s| !known.has_seen(s, now));
            if pending.contains(key) {
                // This tab's unsaved change: newer than anything, unless theirs is news too.
                return if theirs_new {
                    Choice::MineOverTheirs
                } else {
                    Choice::Mine
                };
            }
            match (known.stamp(key), revision.stamp(key)) {
                // Nothing says which is newer (both old): never lose an item either holds.
                (None, None) if holds(&theirs, key) => Choice::Theirs,
                (None, None) => Choice::Mine,
                (Some(_), None) => Choice::Mine,
                (None, Some(_)) => Choice::Theirs,
                (Some(mine), Some(their)) => {
                    let mine_new = !revision.has_seen(mine, now);
                    match (mine_new, theirs_new) {
                        (true, false) => Choice::Mine,
                        (false, true) => Choice::Theirs,
                        // Made apart from each other (or, later, both known): both tabs pick
                        // the same one, the later save, so that they agree.
                        (concurrent, _) => {
                            let mine_later = (mine.at, &mine.tab, mine.count)
                                > (their.at, &their.tab, their.count);
                            match (mine_later, concurrent) {
                                (true, true) => Choice::MineOverTheirs,
                                (true, false) => Choice::Mine,
                                (false, true) => Choice::TheirsOverMine,
                                (false, false) => Choice::Theirs,
                            }
                        }
                    }
                }
            }
        });
        // The version left out is kept aside, and the user told: the people it touches (with
        // what all share), not a copy of the whole caseload at every clash.
        let left_out = |choice: Choice, data: &Caseload| {
            let keys = (combined.decided.iter())
                .filter(|(_, c)| *c == choice)
                .map(|(key, _)| key.clone())
                .collect();
            data.only_people(&people_touched(&keys, &theirs, &self.data))
        };
        if combined.lost(Choice::MineOverTheirs) {
            let kept = left_out(Choice::MineOverTheirs, &theirs);
            let text = envelope::write_stored(&kept, now, &revision);
            let _ = local_data::keep_aside(&self.store, &text, now);
            self.notice = Some(Notice::ChangedInTwoTabs);
        }
        if combined.lost(Choice::TheirsOverMine) {
            let kept = left_out(Choice::TheirsOverMine, &self.data);
            let text = envelope::write_stored(&kept, now, &self.known);
            let _ = local_data::keep_aside(&self.store, &text, now);
            self.notice = Some(Notice::ChangedInTwoTabs);
        }
        // What storage now holds for each item, and which save made it: theirs where theirs
        // was taken or equal; this tab's own where it kept its version.
        let kept: BTreeSet<String> = combined
            .decided
            .iter()
            .filter(|(_, choice)| matches!(choice, Choice::Mine | Choice::MineOverTheirs))
            .map(|(key, _)| key.clone())
            .collect();
        let mut next = self.known.with_saves_of(&revision);
        for (key, stamp) in revision.stamps() {
            if !kept.contains(key) {
                next.set_stamp(key, Some(stamp.clone()));
            }
        }
        for (key, _) in combined
            .decided
            .iter()
            .filter(|(key, _)| !kept.contains(key))
        {
            next.set_stamp(key, revision.stamp(key).cloned());
        }
        let still_pending: BTreeSet<String> = pending.intersection(&kept).cloned().collect();
        // What storage holds is theirs: where this tab keeps its own version, that differs
        // from storage and is written (as the person's record) at the next save.
        self.base = with_items_of(&theirs, &self.base, &still_pending);
        self.known = next;
        // A head that does not name every record is written again, naming them.
        self.unsaved = combined.data != theirs || !complete;
        if combined.data != self.data {
            self.set_data(combined.data);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::domain::participant::{Goal, GoalKind};
    use crate::storage::keys::recovery_keys;
    use crate::storage::test_data::at;
    use crate::storage::test_tabs::{Browser, TabView};

    fn names(data: &Caseload) -> Vec<&str> {
        data.participants()
            .iter()
            .map(|p| p.display_name.as_str())
            .collect()
    }

    fn add(tab: &mut TabStore<TabView>, name: &str) {
        tab.change(|d| d.add_participant(format!("id-{name}"), name, at(0).date_naive()))
            .unwrap();
    }

    fn goal(tab: &mut TabStore<TabView>, name: &str, text: &str) {
        let goal = Goal {
            kind: GoalKind::Work,
            text: text.into(),
        };
        tab.change(|d| d.set_goal(&format!("id-{name}"), Some(goal)))
            .unwrap();
    }

    /// Delivers the other tabs' writes to `tab`, as the browser's storage events do, and writes
    /// whatever that leaves unsaved.
    fn hear(tab: &mut TabStore<TabView>) {
        for text in tab.store.deliver() {
            tab.storage_changed(text, at(0));
        }
        let _ = tab.flush(at(0));
    }

    fn settle(tabs: &mut [&mut TabStore<TabView>]) {
        for _ in 0..6 {
            for tab in tabs.iter_mut() {
                hear(tab);
            }
        }
    }

    fn stored(browser: &Rc<Browser>) -> Caseload {
        TabStore::open(browser.tab(), "reader".into(), at(1)).data
    }

    fn two_tabs(browser: &Rc<Browser>) -> (TabStore<TabView>, TabStore<TabView>) {
        (
            TabStore::open(browser.tab(), "a".into(), at(0)),
            TabStore::open(browser.tab(), "b".into(), at(0)),
        )
    }

    // Guards issue 10 case 1: two tabs saving at the same moment, neither having seen the
    // other's write, lost one of the two changes.
    #[test]
    fn two_tabs_writing_at_once_keep_both_changes() {
        let browser = Browser::new();
        let (mut a, mut b) = two_tabs(&browser);
        add(&mut a, "Ada");
        add(&mut b, "Bo");
        a.flush(at(0)).unwrap();
        b.flush(at(0)).unwrap(); // b has not heard of a's write yet
        settle(&mut [&mut a, &mut b]);
        let data = stored(&browser);
        let mut final_names = names(&data);
        final_names.sort();
        assert_eq!(final_names, ["Ada", "Bo"]);
        assert_eq!(names(a.data()).len(), 2);
        assert_eq!(names(b.data()).len(), 2);
        assert_eq!(a.notice(), None);
    }

    // Guards issue 10 case 2: a tab whose save was refused later wrote its whole copy over
    // another tab's newer save.
    #[test]
    fn a_tab_whose_save_was_refused_does_not_overwrite_others_later() {
        let browser = Browser::new();
        let (mut a, mut b) = two_tabs(&browser);
        browser.set_quota(Some(10));
        add(&mut a, "Ada");
        assert_eq!(a.flush(at(0)), Err(KvError::QuotaExceeded));
        assert_eq!(
            a.notice(),
            Some(&Notice::SaveFailed(KvError::QuotaExceeded))
        );
        browser.set_quota(None);
        add(&mut b, "Bo");
        b.flush(at(0)).unwrap();
        hear(&mut a);
        add(&mut a, "Cy");
        a.flush(at(0)).unwrap();
        settle(&mut [&mut a, &mut b]);
        assert_eq!(names(&stored(&browser)), ["Bo", "Ada", "Cy"]);
        assert_eq!(names(b.data()), ["Bo", "Ada", "Cy"]);
        assert_eq!(a.notice(), None, "the failed-save notice goes once saved");
    }

    // Guards a save IndexedDB refused after reporting it done: the change is unsaved again,
    // said so, and the next save writes every record.
    #[test]
    fn a_save_refused_after_the_fact_is_written_again_whole() {
        let browser = Browser::new();
        let (mut a, _) = two_tabs(&browser);
        add(&mut a, "Ada");
        a.flush(at(0)).unwrap();
        a.refused_later(KvError::QuotaExceeded);
        assert!(a.has_unsaved());
        assert_eq!(
            a.notice(),
            Some(&Notice::SaveFailed(KvError::QuotaExceeded))
        );
        a.flush(at(1)).unwrap();
        assert_eq!(a.notice(), None);
        assert_eq!(names(&stored(&browser)), ["Ada"]);
    }

    // Guards damaged data that could not be kept aside for want of room: once storage takes
    // writes again, it is kept aside before anything is written over it.
    #[test]
    fn damaged_data_is_kept_aside_once_storage_takes_writes_again() {
        let browser = Browser::new();
        let writer = browser.tab();
        writer
            .set(keys::DATA, "damaged, and long enough to need room")
            .unwrap();
        browser.set_quota(Some(60));
        let mut a = TabStore::open(browser.tab(), "a".into(), at(0));
        assert_eq!(a.notice(), Some(&Notice::Unreadable));
        add(&mut a, "Ada");
        a.flush(at(0)).unwrap(); // nothing written: it would overwrite the damaged text
        browser.set_quota(None);
        a.writable_again();
        a.flush(at(1)).unwrap();
        let reader = browser.tab();
        let copies: Vec<String> = recovery_keys(&reader)
            .unwrap()
            .iter()
            .map(|key| reader.get(key).unwrap().unwrap())
            .collect();
        assert_eq!(copies, ["damaged, and long enough to need room"]);
        assert_eq!(names(&stored(&browser)), ["Ada"]);
    }

    // Guards issue 10 case 2 without any storage event: the write itself checks first.
    #[test]
    fn a_write_first_takes_in_what_storage_holds() {
        let browser = Browser::new();
        let (mut a, mut b) = two_tabs(&browser);
        add(&mut b, "Bo");
        b.flush(at(0)).unwrap();
        a.store.deliver(); // a's copy of storage has heard, but a ignores the event
        add(&mut a, "Ada");
        a.flush(at(0)).unwrap();
        assert_eq!(names(&stored(&browser)), ["Bo", "Ada"]);
    }

    #[test]
    fn edits_to_different_people_in_two_tabs_are_both_kept() {
        let browser = Browser::new();
        let (mut a, mut b) = two_tabs(&browser);
        add(&mut a, "Ada");
        add(&mut a, "Bo");
        a.flush(at(0)).unwrap();
        hear(&mut b);
        goal(&mut a, "Ada", "baker");
        goal(&mut b, "Bo", "nurse");
        a.flush(at(0)).unwrap();
        b.flush(at(0)).unwrap();
        settle(&mut [&mut a, &mut b]);
        let data = stored(&browser);
        assert_eq!(
            data.participant("id-Ada")
                .unwrap()
                .goal
                .as_ref()
                .unwrap()
                .text,
            "baker"
        );
        assert_eq!(
            data.participant("id-Bo")
                .unwrap()
                .goal
                .as_ref()
                .unwrap()
                .text,
            "nurse"
        );
        assert_eq!(a.data(), &data);
        assert_eq!(b.data(), &data);
    }

    // Guards "both kept and the user told": the same goal typed differently in two tabs at
    // once keeps this tab's text and the other tab's data as a recovery copy.
    #[test]
    fn the_same_thing_changed_in_two_tabs_keeps_the_other_version_aside() {
        let browser = Browser::new();
        let (mut a, mut b) = two_tabs(&browser);
        add(&mut a, "Ada");
        add(&mut a, "Bo");
        a.flush(at(0)).unwrap();
        hear(&mut b);
        goal(&mut a, "Ada", "baker");
        goal(&mut b, "Ada", "nurse");
        a.flush(at(0)).unwrap();
        b.flush(at(0)).unwrap();
        settle(&mut [&mut a, &mut b]);
        let noticed = [a.notice(), b.notice()];
        assert!(
            noticed.contains(&Some(&Notice::ChangedInTwoTabs)),
            "{noticed:?}"
        );
        // Both texts are still on the device: one in the data, the other in a recovery copy.
        let reader = browser.tab();
        let goal_in = |text: &str| {
            let data = envelope::read(text).unwrap().0;
            // Only the person both tabs changed is copied aside.
            assert_eq!(names(&data), ["Ada"]);
            data.participant("id-Ada")
                .unwrap()
                .goal
                .clone()
                .unwrap()
                .text
        };
        let mut goals: Vec<String> = recovery_keys(&reader)
            .unwrap()
            .iter()
            .map(|key| goal_in(&reader.get(key).unwrap().unwrap()))
            .collect();
        let stored = stored(&browser);
        goals.push(
            stored
                .participant("id-Ada")
                .unwrap()
                .goal
                .clone()
                .unwrap()
                .text,
        );
        assert!(goals.contains(&"baker".to_owned()), "{goals:?}");
        assert!(goals.contains(&"nurse".to_owned()), "{goals:?}");
        assert_eq!(a.data(), b.data());
    }

    // Guards issue 10 case 3 at the store: a tab that has heard of another tab's newer text
    // builds its next change on that text.
    #[test]
    fn a_change_after_another_tabs_save_starts_from_that_save() {
        let browser = Browser::new();
        let (mut a, mut b) = two_tabs(&browser);
        add(&mut a, "Ada");
        a.flush(at(0)).unwrap();
        hear(&mut b);
        goal(&mut a, "Ada", "baker in town");
        a.flush(at(0)).unwrap();
        hear(&mut b);
        assert_eq!(
            b.data()
                .participant("id-Ada")
                .unwrap()
                .goal
                .as_ref()
                .unwrap()
                .text,
            "baker in town"
        );
        assert!(!b.has_unsaved());
    }

    #[test]
    fn nothing_is_written_over_data_from_a_newer_app_in_another_tab() {
        let browser = Browser::new();
        let (mut a, _) = two_tabs(&browser);
        let newer = r#"{"format":"stegvis","schema_version":999,"data":{}}"#;
        browser.tab().set(keys::DATA, newer).unwrap();
        a.store.deliver(); // a's copy of storage has heard of it
        add(&mut a, "Ada");
        a.flush(at(0)).unwrap();
        assert_eq!(a.notice(), Some(&Notice::TooNew));
        assert_eq!(
            browser.tab().get(keys::DATA).unwrap().as_deref(),
            Some(newer)
        );
        assert!(a.has_unsaved(), "the change is still only in memory");
    }

    #[test]
    fn a_change_the_domain_refuses_leaves_everything_as_it_was() {
        let browser = Browser::new();
        let (mut a, _) = two_tabs(&browser);
        let before = a.generation();
        assert!(a.change(|d| d.rename_participant("nobody", "X")).is_err());
        assert_eq!(a.generation(), before);
        assert!(!a.has_unsaved());
    }

    mod interleavings {
        use std::collections::BTreeMap;

        use proptest::prelude::*;

        use super::*;

        #[derive(Clone, Debug)]
        enum Step {
            Add(usize),
            /// Changes the goal of one of the people that tab added (by position).
            Goal(usize, usize),
            Flush(usize),
            Hear(usize),
            /// Writes what is unsaved (pagehide), then opens again as a new tab.
            Reload(usize),
            Full(bool),
        }

        fn step() -> impl Strategy<Value = Step> {
            let tab = 0..2usize;
            prop_oneof![
                3 => tab.clone().prop_map(Step::Add),
                2 => (tab.clone(), 0..4usize).prop_map(|(t, i)| Step::Goal(t, i)),
                3 => tab.clone().prop_map(Step::Flush),
                2 => tab.clone().prop_map(Step::Hear),
                1 => tab.prop_map(Step::Reload),
                1 => any::<bool>().prop_map(Step::Full),
            ]
        }

        /// What the test knows each tab has changed, and what of that a save has confirmed.
        #[derive(Default)]
        struct Ledger {
            added: [Vec<String>; 2],
            unsaved_adds: [Vec<String>; 2],
            unsaved_goals: [BTreeMap<String, String>; 2],
            saved_adds: Vec<String>,
            saved_goals: BTreeMap<String, String>,
        }

        impl Ledger {
            fn saved(&mut self, tab: usize) {
                self.saved_adds.append(&mut self.unsaved_adds[tab]);
                self.saved_goals.append(&mut self.unsaved_goals[tab]);
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]

            // Guards issue 10: through any interleaving of changes, saves, refused saves,
            // late storage events and reloads in two tabs, every change that was reported
            // saved is in the data at the end, once each.
            #[test]
            fn every_saved_change_survives(steps in proptest::collection::vec(step(), 1..40)) {
                let browser = Browser::new();
                let mut opened = 0;
                let mut open = |browser: &Rc<Browser>| {
                    opened += 1;
                    TabStore::open(browser.tab(), format!("tab{opened}"), at(0))
                };
                let mut tabs = [open(&browser), open(&browser)];
                let mut ledger = Ledger::default();
                let mut next = 0;
                let flush = |tab: &mut TabStore<TabView>, ledger: &mut Ledger, i: usize| {
                    let had = tab.has_unsaved();
                    if tab.flush(at(0)).is_ok() && had && !tab.has_unsaved() {
                        ledger.saved(i);
                    }
                };
                for step in steps {
                    match step {
                        Step::Add(i) => {
                            next += 1;
                            let name = format!("P{next}");
                            add(&mut tabs[i], &name);
                            ledger.added[i].push(name.clone());
                            ledger.unsaved_adds[i].push(name);
                        }
                        Step::Goal(i, which) => {
                            let Some(name) = ledger.added[i].get(which).cloned() else { continue };
                            if tabs[i].data().participant(&format!("id-{name}")).is_none() {
                                continue;
                            }
                            next += 1;
                            let text = format!("goal {next}");
                            goal(&mut tabs[i], &name, &text);
                            ledger.unsaved_goals[i].insert(name, text);
                        }
                        Step::Flush(i) => flush(&mut tabs[i], &mut ledger, i),
                        // As the app does: take in what other tabs wrote, write the combination.
                        Step::Hear(i) => {
                            for text in tabs[i].store.deliver() {
                                tabs[i].storage_changed(text, at(0));
                            }
                            flush(&mut tabs[i], &mut ledger, i);
                        }
                        // Other tabs' writes reach a tab within milliseconds, long before a
                        // reload: it has heard them all when the page goes.
                        Step::Reload(i) => {
                            for text in tabs[i].store.deliver() {
                                tabs[i].storage_changed(text, at(0));
                            }
                            flush(&mut tabs[i], &mut ledger, i);
                            // With anything unsaved the browser asks before leaving, and a
                            // user who must not lose a note stays.
                            if !tabs[i].has_unsaved() {
                                tabs[i] = open(&browser);
                            }
                        }
                        Step::Full(full) => browser.set_quota(full.then_some(3000)),
                    }
                }
                browser.set_quota(None);
                for _ in 0..6 {
                    for (i, tab) in tabs.iter_mut().enumerate() {
                        for text in tab.store.deliver() {
                            tab.storage_changed(text, at(0));
                        }
                        flush(tab, &mut ledger, i);
                    }
                }
                let data = stored(&browser);
                let mut names = names(&data);
                names.sort();
                let before = names.len();
                names.dedup();
                prop_assert_eq!(before, names.len(), "someone twice");
                for name in &ledger.saved_adds {
                    prop_assert!(names.contains(&name.as_str()), "{} lost: {:?}", name, names);
                }
                for (name, text) in &ledger.saved_goals {
                    let person = data.participant(&format!("id-{name}")).unwrap();
                    prop_assert_eq!(&person.goal.as_ref().unwrap().text, text);
                }
                prop_assert_eq!(tabs[0].data(), &data);
                prop_assert_eq!(tabs[1].data(), &data);
            }
        }
    }
}
