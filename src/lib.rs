//! Stegvis: a progression-measurement and dialogue tool that runs entirely in the browser.

mod browser;
mod components;
pub mod domain;
pub mod i18n;
mod pages;
mod state;
mod storage;

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use components::site_header::{SiteFooter, SiteHeader};
use components::storage_notice::StorageNoticeBanner;
use domain::language::Language;
use i18n::I18n;
use pages::{
    answers_summary::SummaryPage, counsellor::CounsellorPage, counsellor_part::CounsellorPartPage,
    data::DataPage, home::HomePage, not_found::NotFoundPage, org_summary::OrgSummaryPage,
    participant::ParticipantPage, participant_overview::ParticipantOverviewPage, plan::PlanPage,
    plan::print::PlanPrintPage, question::QuestionPage, thanks::ThanksPage, training::TrainingPage,
};

/// Replaces the static welcome in index.html with the running app.
pub fn start() {
    browser::remove_boot_screen();
    mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let initial = storage::preferences::saved_language().unwrap_or_else(|| {
        let tags = browser::preferred_languages();
        Language::from_preferences(tags.iter().map(String::as_str))
    });
    let i18n = I18n::provide(initial);
    state::AppState::provide();
    Effect::new(move |_| {
        let language = i18n.language();
        browser::set_document_language(language.code());
        storage::preferences::save_language(language);
    });
    view! {
        <Router base=browser::base_path()>
            <SiteHeader />
            <StorageNoticeBanner />
            <main id="main" class="page">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("") view=HomePage />
                    <Route path=path!("/participant") view=ParticipantPage />
                    <Route path=path!("/counsellor") view=CounsellorPage />
                    <Route path=path!("/training") view=TrainingPage />
                    <Route path=path!("/data") view=DataPage />
                    <Route path=path!("/organisation") view=OrgSummaryPage />
                    <Route path=path!("/counsellor/:pid") view=ParticipantOverviewPage />
                    <Route path=path!("/counsellor/:pid/plan") view=PlanPage />
                    <Route path=path!("/counsellor/:pid/plan/print") view=PlanPrintPage />
                    <Route path=path!("/round/:rid/answer/:n") view=QuestionPage />
                    <Route path=path!("/round/:rid/summary") view=SummaryPage />
                    <Route path=path!("/round/:rid/thanks") view=ThanksPage />
                    <Route path=path!("/round/:rid/counsellor") view=CounsellorPartPage />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}
