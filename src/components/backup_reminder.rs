//! "Last backup: 12 days ago", and a reminder once the counsellor's chosen number of days has
//! passed, so that a backup file exists without anyone having to remember it. The dates are
//! plain Rust in `storage::backup_reminder`.

use leptos::prelude::*;

use crate::browser;
use crate::components::backup_now::BackupNowButton;
use crate::i18n::{Texts, use_i18n};
use crate::state::{AppState, use_state};
use crate::storage::backup_reminder::{
    BackupAge, REMIND_AFTER_CHOICES, forget_backup, last_backup, record_backup, remind_after,
    set_remind_after,
};
use crate::storage::space::Space;

thread_local! {
    /// Notified when this tab saves a backup or changes the interval: every line follows.
    static BACKUP_NOTED: ArcTrigger = ArcTrigger::new();
}

/// Notes that a backup file was just saved from this tab, if it holds everything: a file
/// without the sensitive answers that this device holds leaves those answers in the browser
/// alone, so it does not silence the reminder. A reminder only: where storage refuses even
/// this, the file has still been saved, so nothing is said.
pub fn note_backup_saved(state: AppState, with_sensitive: bool) {
    if !with_sensitive && state.read(|d| d.has_sensitive_answers()) {
        return;
    }
    let _ = state.with_store(|store| record_backup(store, browser::today()));
    BACKUP_NOTED.with(ArcTrigger::notify);
}

/// After "erase all": no backup holds what this device will hold next.
pub fn forget_backups(state: AppState) {
    let _ = state.with_store(|store| forget_backup(store));
    BACKUP_NOTED.with(ArcTrigger::notify);
}

/// The last backup's age and the chosen interval; a reader follows both.
fn backup_age(state: AppState) -> (BackupAge, u32) {
    BACKUP_NOTED.with(ArcTrigger::track);
    state.with_store(|store| {
        (
            BackupAge::on(last_backup(store), browser::today()),
            remind_after(store),
        )
    })
}

fn age_text(t: &Texts, age: BackupAge) -> String {
    match age {
        BackupAge::Never => t.data_backup_never().to_owned(),
        BackupAge::Days(0) => t.data_backup_today().to_owned(),
        BackupAge::Days(1) => t.data_backup_yesterday().to_owned(),
        BackupAge::Days(days) => t.data_backup_days_ago(days.to_string()),
    }
}

/// On the caseload: when the last backup was saved, and a one-tap backup. Once it is due, it
/// says so in a notice. Nothing while there is no one to back up, or in the training sandbox.
/// Only its words and its look follow a backup: the button stays the same element, so a
/// keyboard user's focus stays on it, and the new words are announced.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let shown = Memo::new(move |_| {
        state.space() != Space::Training && state.read(|d| !d.participants().is_empty())
    });
    let age = Memo::new(move |_| backup_age(state));
    let due = move || age.with(|(age, after)| age.is_due(*after));
    view! {
        <Show when=move || shown.get()>
            <div class=move || if due() { "backup-reminder notice" } else { "backup-reminder" }>
                <p role="status">
                    <strong>{move || age_text(i18n.t(), age.get().0)}</strong>
                    {move || due().then(|| format!(" {}", i18n.t().data_backup_due()))}
                </p>
                <BackupNowButton
                    label=Signal::derive(move || i18n.t().data_export_backup())
                    class="button"
                />
            </div>
        </Show>
    }
}

/// On the data page: when the last backup was saved, and after how many days to remind.
#[component]
pub fn BackupSchedule() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let age = Memo::new(move |_| backup_age(state));
    let choose = move |ev: leptos::ev::Event| {
        if let Ok(days) = event_target_value(&ev).parse() {
            let _ = state.with_store(|store| set_remind_after(store, days));
            BACKUP_NOTED.with(ArcTrigger::notify);
        }
    };
    view! {
        <p>{move || age_text(i18n.t(), age.get().0)}</p>
        <label class="field">
            <span>{i18n.text(|t| t.data_backup_remind_label())}</span>
            <select on:change=choose>
                {REMIND_AFTER_CHOICES
                    .into_iter()
                    .map(|days| {
                        view! {
                            <option value=days.to_string() selected=move || age.get().1 == days>
                                {move || i18n.t().data_backup_remind_days(days.to_string())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
