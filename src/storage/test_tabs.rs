//! Tabs of one browser for native tests, as Chromium runs localStorage: writes land in one
//! order for the whole browser, but each tab reads its own copy, which hears of other tabs'
//! writes only when they are delivered (the storage event) — so two tabs can both write
//! without having seen each other's write.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use super::keys;
use super::kv::{KeyValue, KvError};

struct Write {
    tab: usize,
    key: String,
    value: Option<String>,
}

#[derive(Default)]
pub struct Browser {
    log: RefCell<Vec<Write>>,
    tabs: Cell<usize>,
    quota: Cell<Option<usize>>,
}

impl Browser {
    pub fn new() -> Rc<Browser> {
        Rc::new(Browser::default())
    }

    /// A new tab's view of storage, up to date when it opens.
    pub fn tab(self: &Rc<Browser>) -> TabView {
        let id = self.tabs.get() + 1;
        self.tabs.set(id);
        TabView {
            browser: Rc::clone(self),
            id,
            delivered: Cell::new(self.log.borrow().len()),
        }
    }

    /// Keys and values together may not exceed `bytes` (None: no limit).
    pub fn set_quota(&self, bytes: Option<usize>) {
        self.quota.set(bytes);
    }

    fn state(&self, upto: usize, own: Option<usize>) -> BTreeMap<String, String> {
        let mut state = BTreeMap::new();
        for (index, write) in self.log.borrow().iter().enumerate() {
            if index < upto || Some(write.tab) == own {
                match &write.value {
                    Some(value) => state.insert(write.key.clone(), value.clone()),
                    None => state.remove(&write.key),
                };
            }
        }
        state
    }
}

pub struct TabView {
    browser: Rc<Browser>,
    id: usize,
    delivered: Cell<usize>,
}

impl TabView {
    fn view(&self) -> BTreeMap<String, String> {
        self.browser.state(self.delivered.get(), Some(self.id))
    }

    /// Other tabs' writes to the data since the last delivery, each as the new stored text
    /// (the storage event's `newValue`); afterwards this tab reads what the browser holds.
    pub fn deliver(&self) -> Vec<Option<String>> {
        let log = self.browser.log.borrow();
        let events = log[self.delivered.get()..]
            .iter()
            .filter(|w| w.tab != self.id && w.key == keys::DATA)
            .map(|w| w.value.clone())
            .collect();
        self.delivered.set(log.len());
        events
    }

    fn write(&self, key: &str, value: Option<&str>) -> Result<(), KvError> {
        if let (Some(quota), Some(value)) = (self.browser.quota.get(), value) {
            let mut after = self.browser.state(usize::MAX, None);
            after.insert(key.to_owned(), value.to_owned());
            if after.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>() > quota {
                return Err(KvError::QuotaExceeded);
            }
        }
        self.browser.log.borrow_mut().push(Write {
            tab: self.id,
            key: key.to_owned(),
            value: value.map(str::to_owned),
        });
        Ok(())
    }
}

impl KeyValue for TabView {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        Ok(self.view().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.write(key, Some(value))
    }

    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.write(key, None)
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        Ok(self.view().into_keys().collect())
    }
}
