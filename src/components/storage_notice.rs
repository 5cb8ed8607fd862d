use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::backup_now::BackupNowButton;
use crate::i18n::{Texts, use_i18n};
use crate::routes::Route;
use crate::state::{StorageNotice, use_state};
use crate::storage::kv::KvError;

fn message(t: &'static Texts, notice: &StorageNotice) -> &'static str {
    match notice {
        StorageNotice::SaveFailed(KvError::QuotaExceeded) => t.data_notice_save_failed_quota(),
        StorageNotice::SaveFailed(_) => t.data_notice_save_failed(),
        StorageNotice::Unavailable => t.data_notice_unavailable(),
        StorageNotice::Recovered => t.data_notice_recovered(),
        StorageNotice::TooNew => t.data_notice_too_new(),
        StorageNotice::Unreadable => t.data_notice_unreadable(),
        StorageNotice::ChangedInTwoTabs => t.safety_notice_two_tabs(),
    }
}

/// A banner on every page while something about storage puts data at risk, with the way out:
/// save what is in memory as a backup file.
#[component]
pub fn StorageNoticeBanner() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    move || {
        state.notice().map(|notice| {
            let t = i18n.t();
            view! {
                <div class="notice" role="alert">
                    <p>{message(t, &notice)}</p>
                    <div class="actions">
                        <BackupNowButton
                            label=Signal::derive(move || i18n.t().data_notice_export())
                            class="button"
                        />
                        <A href=Route::Data.href() attr:class="button secondary">
                            {t.data_notice_go_to_data()}
                        </A>
                    </div>
                </div>
            }
        })
    }
}
