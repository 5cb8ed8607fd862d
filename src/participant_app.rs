//! The participant's own app: home, her start page, the eight questions, her summary and her
//! thanks, and nothing else, so the wasm her phone downloads holds only those pages.
//!
//! `index.html` loads it for exactly those paths, on a device with no lock, not handed over and
//! not in the training sandbox (its loader script); everywhere else the whole app runs. A link to
//! any other page reloads into the whole app at that address: the data is in storage, so nothing
//! is lost on the way. The same store, storage keys, texts and pages as the whole app.

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    hooks::use_location,
    path,
};

use crate::PageFrame;
use crate::components::handed_over::HandedOver;
use crate::components::site_header::SiteHeader;
use crate::pages::{
    answers_summary::SummaryPage, home::HomePage, participant::ParticipantPage,
    question::QuestionPage, thanks::HerThanksPage,
};
use crate::storage::browser_store;
use crate::{browser, lock, state};

#[component]
pub fn ParticipantApp() -> impl IntoView {
    crate::provide_language();
    let lock = lock::Lock::provide_keyless();
    HandedOver::provide();
    view! {
        <Router base=browser::base_path()>
            <SiteHeader lock_now=ViewFn::from(|| ()) />
            // Locked since index.html chose (in another tab): the whole app has the unlock screen.
            <Show when=move || lock.is_open() fallback=WholeApp>
                <HerPages store=lock.store() />
            </Show>
        </Router>
    }
}

#[component]
fn HerPages(store: state::AppStore) -> impl IntoView {
    // Her few answers in one text: the records' code stays out of her wasm.
    state::AppState::provide(store, &crate::storage::layout::OneText);
    view! {
        <PageFrame>
            <Routes fallback=WholeApp>
                <Route path=path!("") view=HomePage />
                <Route path=path!("/participant") view=ParticipantPage />
                <Route path=path!("/round/:rid/answer/:n") view=QuestionPage />
                <Route path=path!("/round/:rid/summary") view=SummaryPage />
                <Route path=path!("/round/:rid/thanks") view=Thanks />
            </Routes>
        </PageFrame>
    }
}

/// Her thanks, unless the round answers an invitation: its reply is sealed and sent from the
/// whole app (a phone that opened an invitation has run the whole app, which keeps it offline).
#[component]
fn Thanks() -> impl IntoView {
    let state = state::use_state();
    let round = crate::routes::use_round_id();
    if state.read(|d| d.answers_invitation(&round.get_untracked())) {
        let _ = state.flush();
        WholeApp().into_any()
    } else {
        HerThanksPage().into_any()
    }
}

/// Any other page: that address, in the whole app. index.html loads the whole app for a path
/// this tab asked it for, so a path both sides think is the other's cannot reload forever.
#[component]
fn WholeApp() -> impl IntoView {
    let location = use_location();
    let pathname = location.pathname.get_untracked();
    let path = if pathname.starts_with(browser::base_path()) {
        pathname
    } else {
        browser::app_path(&pathname)
    };
    let rest = format!(
        "{}{}",
        location.search.get_untracked(),
        location.hash.get_untracked()
    );
    browser_store::ask_whole_app_for(&path);
    browser::load_page(&path, &rest);
}
