//! A large caseload's list, drawn while its records are read (issue 31). Reading and parsing a
//! thousand people's rounds takes a second and more on a slow laptop; the stored head carries
//! every person's list summary (`storage::records::read_list`), so the list a counsellor opens
//! the app for is drawn from it first, with the search, the filters and everything else of the
//! page once the records are read. The rows are the ones the page draws (the same summaries,
//! the same HTML), in the order and with the filters the address asks for.
//!
//! Only where it helps: the caseload's own address, a device neither in training nor handed
//! over, and a caseload of `FROM_PEOPLE` or more; below that the records are read about as fast
//! as the list is drawn. On a locked device the head is sealed: it is opened at unlock, the
//! list drawn, and only then are the records read and opened.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::rows_html::rows_html;
use crate::browser;
use crate::domain::list_summary::Summary;
use crate::domain::worklist::{Filters, Row, counsellors, worklist};
use crate::i18n::use_i18n;
use crate::routes::{ReadRoute, Route, RouteOf, use_go};
use crate::storage::sealed::{self, DataKey};
use crate::storage::{browser_store, keys, records, small_store};

/// From this many people the list is drawn before the records are read.
pub const FROM_PEOPLE: usize = 300;

thread_local! {
    /// A row tapped while the records were read: her page opens once they are.
    static TAPPED: RefCell<Option<String>> = const { RefCell::new(None) };
    static SEALED: RefCell<Option<String>> = const { RefCell::new(None) };
    static LIST: RefCell<Option<Vec<Summary>>> = const { RefCell::new(None) };
    /// False while the records are being read after the list was drawn.
    static READ: ArcRwSignal<bool> = ArcRwSignal::new(true);
}

/// Whether this start may draw the list first: the caseload's address, on a device in no
/// training and not handed over. Only then is the stored head read alone.
pub fn may_draw_first() -> bool {
    let on_caseload = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .is_some_and(|path| {
            matches!(
                ReadRoute::parse(browser::below_base(&path)),
                Some(RouteOf::Caseload)
            )
        });
    on_caseload && !browser_store::training_mode() && browser_store::handed_over().is_none()
}

/// Keeps the list in `head` (the stored head, read alone) to draw while the records are read,
/// when it is large enough for that to help. True when kept: the caller reads the records once
/// the list is painted, then calls `records_read`.
pub fn keep_list(head: &str) -> bool {
    let Some(list) = records::read_list(head).filter(|list| list.len() >= FROM_PEOPLE) else {
        return false;
    };
    LIST.with(|kept| *kept.borrow_mut() = Some(list));
    READ.with(|read| read.set(false));
    true
}

/// Keeps a locked device's stored head, sealed, to open at unlock (`open_sealed`), when the
/// device has a lock. True when kept: the records are then read and opened at unlock
/// (`lock::Lock::unlock`), after her list is drawn, instead of before the unlock screen.
pub fn keep_sealed(head: Option<String>) -> bool {
    let locked = small_store::read_text(keys::LOCK).ok().flatten().is_some();
    match head {
        Some(head) if locked && sealed::is_sealed(&head) => {
            SEALED.with(|kept| *kept.borrow_mut() = Some(head));
            true
        }
        _ => false,
    }
}

/// At unlock, with the data key: the head kept by `keep_sealed`, opened, and its list kept as
/// `keep_list` keeps it. True when kept.
pub fn open_sealed(key: &DataKey) -> bool {
    SEALED
        .with(|kept| kept.borrow_mut().take())
        .and_then(|head| sealed::open(key, keys::DATA, &head).ok())
        .is_some_and(|head| keep_list(&head))
}

/// The records are read: the page takes the place of the list drawn before them.
pub fn records_read() {
    LIST.with(|kept| kept.borrow_mut().take());
    READ.with(|read| read.set(true));
}

/// Whether the records are read (always, unless a list was kept to draw before them).
pub fn are_records_read() -> bool {
    READ.with(|read| read.get())
}

/// The caseload page's heading and its list as the summaries have it, while the records are
/// read; the search, filters and the rest of the page come with them.
#[component]
pub fn CaseloadOpening() -> impl IntoView {
    let i18n = use_i18n();
    let html = move || {
        LIST.with(|kept| {
            let today = browser::today();
            let all: Vec<Row> = (kept.borrow().iter().flatten())
                .map(|s| s.row(today))
                .collect();
            let filters = filters_in_address();
            let shared = counsellors(&all).len() > 1;
            let shown: Vec<Row> = worklist(&all, &filters)
                .shown
                .into_iter()
                .cloned()
                .collect();
            rows_html(i18n.t(), &shown, shared, |id| Route::Person(id).href())
        })
    };
    view! {
        <main id="main" class="page">
            <h1>{i18n.text(|t| t.caseload_title())}</h1>
            <p class="lead">{i18n.text(|t| t.caseload_intro())}</p>
            <p class="worklist-status" role="status">
                {i18n.text(|t| t.worklist_opening())}
            </p>
            <h2 id="list-heading">{i18n.text(|t| t.caseload_list_heading())}</h2>
            <ul
                class="caseload"
                aria-labelledby="list-heading"
                aria-busy="true"
                on:click=keep_tap
                inner_html=html
            ></ul>
        </main>
    }
}

/// A row tapped (or chosen with the keyboard) before the router is there would load the app
/// again (and on a locked device ask to unlock again): her address is kept instead, and
/// `FollowTap` opens it once the records are read. A tap for a new tab or window goes its way.
fn keep_tap(ev: leptos::ev::MouseEvent) {
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    let link = (ev.target())
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a[href]").ok().flatten());
    if let Some(href) = link.and_then(|link| link.get_attribute("href")) {
        ev.prevent_default();
        TAPPED.with(|tapped| *tapped.borrow_mut() = Some(href));
    }
}

/// In the app with its data: opens the row tapped while the records were read, if any.
#[component]
pub fn FollowTap() -> impl IntoView {
    if let Some(href) = TAPPED.with(|tapped| tapped.borrow_mut().take()) {
        let navigate = use_go();
        request_animation_frame(move || navigate(&href, NavigateOptions::default()));
    }
}

/// The search, filters and sort the address asks for, as the page reads them.
fn filters_in_address() -> Filters {
    let params = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok());
    Filters::from_query(|key| params.as_ref()?.get(key))
}
