//! Stegvis: a progression-measurement and dialogue tool that runs entirely in the browser.

mod browser;
mod components;
pub mod domain;
mod executor;
mod handover;
pub mod i18n;
mod lock;
mod offline;
mod pages;
mod participant_app;
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
use pages::counsellor::opening;
use pages::{
    answers_summary::SummaryPage,
    counsellor::CounsellorPage,
    counsellor_part::CounsellorPartPage,
    data::DataPage,
    home::HomePage,
    invitation::InvitationPage,
    invite::InvitePage,
    move_person::MovePersonPage,
    my_plan::MyPlanPage,
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

/// The whole app: every page, for counsellors and trainers, and for a participant on a locked,
/// handed-over or training device.
pub fn start() {
    // The data is read from IndexedDB (moved there first, the first time) before any page;
    // a large caseload's list is drawn from the stored head first (`opening`), and the records
    // read once it is painted; on a locked device, once she has unlocked.
    wasm_bindgen_futures::spawn_local(async {
        let head = if opening::may_draw_first() {
            storage::indexed_db::stored_head().await
        } else {
            None
        };
        let list_first = head.as_deref().is_some_and(opening::keep_list);
        // A locked device's records are read at unlock, once her list is drawn (`Lock::unlock`).
        let at_unlock = !list_first && opening::keep_sealed(head);
        if !list_first && !at_unlock {
            storage::indexed_db::start().await;
        }
        if load_first_texts(i18n::Bundle::Whole).await {
            mount(App);
            if list_first {
                browser::app_painted().await;
            }
        }
        if list_first {
            storage::indexed_db::start().await;
            opening::records_read();
        }
    });
}

/// The participant's own, lighter app: her pages alone, loaded by `index.html` for her paths
/// on a device with no lock (see `participant_app`).
pub fn start_participant_app() {
    wasm_bindgen_futures::spawn_local(async {
        if load_first_texts(i18n::Bundle::Hers).await {
            mount(participant_app::ParticipantApp);
        }
    });
}

/// The texts of the language the app starts in (`index.html` has already asked for them, while
/// the wasm came), or failing that English's. If neither comes (offline on a device that has not
/// kept them), the boot screen says so in its own words and offers to try again: never a blank
/// page.
async fn load_first_texts(bundle: i18n::Bundle) -> bool {
    i18n::use_bundle(bundle);
    let language = initial_language();
    if i18n::load(language).await.is_ok() {
        return true;
    }
    if i18n::load(Language::En).await.is_ok() {
        return true;
    }
    browser::say_not_started();
    false
}

/// Replaces the static welcome in index.html with the running app; inside another site's
/// frame, with a notice instead (that site could trick the user into clicking here).
/// In a task of its own, after the one that made the wasm ready, and with the tasks the render
/// spawns in the tasks after it (see `executor`): shorter tasks instead of one long one, so a
/// slow phone answers a tap in between. The welcome covers the app until the page is drawn
/// whole (style/boot.css), so nothing is seen half-drawn and nothing moves.
fn mount<V: IntoView + 'static>(app: fn() -> V) {
    set_timeout(
        move || {
            browser::hide_boot_screen_from_readers();
            executor::render_then_start_tasks(
                || {
                    if browser::framed_by_another_origin() {
                        mount_to_body(|| {
                            I18n::provide(initial_language());
                            view! { <FramedNotice /> }
                        });
                    } else {
                        mount_to_body(app);
                    }
                },
                browser::remove_boot_screen,
            );
        },
        std::time::Duration::ZERO,
    );
}

/// The device's own language: the one chosen here, else the browser's first we speak, else English.
pub(crate) fn initial_language() -> Language {
    storage::preferences::saved_language().unwrap_or_else(|| {
        let tags = browser::preferred_languages();
        Language::from_preferences(tags.iter().map(String::as_str))
    })
}

/// The interface language, provided to every page and kept as the document's and the device's.
fn provide_language() {
    let i18n = I18n::provide(i18n::first_loaded().unwrap_or_else(initial_language));
    Effect::new(move |_| {
        let language = i18n.language();
        browser::set_document_language(language.tag(), language.dir());
        // While the device is in her hands, her language is hers, not the device's.
        if storage::browser_store::handed_over().is_none() {
            storage::preferences::save_language(language);
        }
    });
}

#[component]
fn App() -> impl IntoView {
    provide_language();
    let lock = lock::Lock::provide();
    components::handed_over::HandedOver::provide();
    // While the data is locked, the unlock screen is all there is: no page, no data in memory.
    view! {
        <Router base=browser::base_path()>
            <executor::OwnSlice>
                <SiteHeader lock_now=ViewFn::from(|| view! { <lock::LockNowButton /> }) />
            </executor::OwnSlice>
            <Show when=move || lock.is_open() fallback=UnlockPage>
                <Show when=opening::are_records_read fallback=opening::CaseloadOpening>
                    <OpenApp />
                </Show>
            </Show>
        </Router>
    }
}

/// The app with its data: loaded when there is no lock, or once this tab has unlocked it.
#[component]
fn OpenApp() -> impl IntoView {
    state::AppState::provide(lock::use_lock().store(), &storage::layout::Records);
    components::folder_backup::FolderBackups::provide();
    view! {
        <opening::FollowTap />
        <lock::AutoLock />
        <components::handed_over::KeepInHerPart />
        <TrainingBanner />
        <PageFrame>
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
                <Route path=path!("/counsellor/:pid/move") view=MovePersonPage />
                <Route path=path!("/round/:rid/answer/:n") view=QuestionPage />
                <Route path=path!("/round/:rid/summary") view=SummaryPage />
                <Route path=path!("/round/:rid/thanks") view=ThanksPage />
                <Route path=path!("/round/:rid/counsellor") view=CounsellorPartPage />
                <Route path=path!("/round/:rid/invite") view=InvitePage />
                <Route path=path!("/invitation") view=InvitationPage />
                <Route path=path!("/receive") view=ReceivePage />
                <Route path=path!("/my-plan") view=MyPlanPage />
            </Routes>
        </PageFrame>
    }
}

/// Around the pages of both apps: the storage notices, the offline worker, the main landmark
/// and the footer.
#[component]
fn PageFrame(children: Children) -> impl IntoView {
    view! {
        <StorageNoticeBanner />
        <offline::OfflineSupport />
        <main id="main" class="page">
            {children()}
        </main>
        <executor::OwnSlice>
            <SiteFooter />
        </executor::OwnSlice>
    }
}
