//! Stegvis: a progression-measurement and dialogue tool that runs entirely in the browser.

mod browser;
mod components;
pub mod domain;
mod handover;
pub mod i18n;
mod lock;
mod offline;
mod pages;
mod routes;
mod state;
mod storage;

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use components::framed_notice::FramedNotice;
use components::site_header::{SiteFooter, SiteHeader};
use components::storage_notice::StorageNoticeBanner;
use components::training_banner::TrainingBanner;
use domain::language::Language;
use i18n::I18n;
use pages::{
    answers_summary::SummaryPage,
    counsellor::CounsellorPage,
    counsellor_part::CounsellorPartPage,
    data::DataPage,
    home::HomePage,
    invitation::InvitationPage,
    invite::InvitePage,
    not_found::NotFoundPage,
    org_summary::OrgSummaryPage,
    participant::ParticipantPage,
    participant_overview::ParticipantOverviewPage,
    plan::PlanPage,
    plan::print::PlanPrintPage,
    question::QuestionPage,
    receive::ReceivePage,
    thanks::ThanksPage,
    training::TrainingPage,
    training::{exercises::ExercisesPage, handout::HandoutPage, present::PresentationPage},
    unlock::UnlockPage,
};

/// Replaces the static welcome in index.html with the running app; inside another site's
/// frame, with a notice instead (that site could trick the user into clicking here).
pub fn start() {
    browser::remove_boot_screen();
    if browser::framed_by_another_origin() {
        mount_to_body(|| {
            I18n::provide(initial_language());
            view! { <FramedNotice /> }
        });
    } else {
        mount_to_body(App);
    }
}

fn initial_language() -> Language {
    storage::preferences::saved_language().unwrap_or_else(|| {
        let tags = browser::preferred_languages();
        Language::from_preferences(tags.iter().map(String::as_str))
    })
}

#[component]
fn App() -> impl IntoView {
    let i18n = I18n::provide(initial_language());
    let lock = lock::Lock::provide();
    components::handed_over::HandedOver::provide();
    Effect::new(move |_| {
        let language = i18n.language();
        browser::set_document_language(language.code());
        storage::preferences::save_language(language);
    });
    // While the data is locked, the unlock screen is all there is: no page, no data in memory.
    view! {
        <Router base=browser::base_path()>
            <SiteHeader />
            <Show when=move || lock.is_open() fallback=UnlockPage>
                <OpenApp />
            </Show>
        </Router>
    }
}

/// The app with its data: loaded when there is no lock, or once this tab has unlocked it.
#[component]
fn OpenApp() -> impl IntoView {
    state::AppState::provide(lock::use_lock().store());
    view! {
        <lock::AutoLock />
        <components::handed_over::KeepInHerPart />
        <TrainingBanner />
        <StorageNoticeBanner />
        <offline::OfflineSupport />
        <main id="main" class="page">
            <Routes fallback=NotFoundPage>
                <Route path=path!("") view=HomePage />
                <Route path=path!("/participant") view=ParticipantPage />
                <Route path=path!("/counsellor") view=CounsellorPage />
                <Route path=path!("/training") view=TrainingPage />
                <Route path=path!("/training/present") view=PresentationPage />
                <Route path=path!("/training/exercises") view=ExercisesPage />
                <Route path=path!("/training/handout") view=HandoutPage />
                <Route path=path!("/data") view=DataPage />
                <Route path=path!("/organisation") view=OrgSummaryPage />
                <Route path=path!("/counsellor/:pid") view=ParticipantOverviewPage />
                <Route path=path!("/counsellor/:pid/plan") view=PlanPage />
                <Route path=path!("/counsellor/:pid/plan/print") view=PlanPrintPage />
                <Route path=path!("/round/:rid/answer/:n") view=QuestionPage />
                <Route path=path!("/round/:rid/summary") view=SummaryPage />
                <Route path=path!("/round/:rid/thanks") view=ThanksPage />
                <Route path=path!("/round/:rid/counsellor") view=CounsellorPartPage />
                <Route path=path!("/round/:rid/invite") view=InvitePage />
                <Route path=path!("/invitation") view=InvitationPage />
                <Route path=path!("/receive") view=ReceivePage />
            </Routes>
        </main>
        <SiteFooter />
    }
}
