//! Saving a backup file in one tap, where data is at risk (storage full, Safari's seven days).
//! Under a lock the tap leads to the data page instead, where the backup is encrypted with the
//! passphrase, so no readable copy leaves a locked device without the user choosing it there.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser;
use crate::components::backup_reminder::note_backup_saved;
use crate::lock::{Phase, use_lock};
use crate::routes::Route;
use crate::state::{AppState, use_state};
use crate::storage::backup::export_backup;

/// Saves everything in memory as a backup file (sensitive answers only if `include_sensitive`);
/// returns the file's name.
pub fn export_backup_file(state: AppState, include_sensitive: bool) -> String {
    let name = format!("stegvis-backup-{}.json", browser::today());
    browser::download(
        &name,
        "application/json",
        &export_backup(&state.snapshot(), browser::now(), include_sensitive),
    );
    note_backup_saved(state, include_sensitive);
    name
}

/// Everything, sensitive answers included: this file is what keeps the data when storage
/// cannot.
#[component]
pub fn BackupNowButton(label: Signal<&'static str>, class: &'static str) -> impl IntoView {
    let state = use_state();
    let lock = use_lock();
    move || {
        if lock.phase() == Phase::Unlocked {
            view! {
                <A href=Route::Data.href() attr:class=class>
                    {label}
                </A>
            }
            .into_any()
        } else {
            view! {
                <button
                    type="button"
                    class=class
                    on:click=move |_| {
                        export_backup_file(state, true);
                    }
                >
                    {label}
                </button>
            }
            .into_any()
        }
    }
}
