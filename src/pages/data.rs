use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::components::backup_now::export_backup_file;
use crate::components::backup_reminder::{BackupSchedule, forget_backups, note_backup_saved};
use crate::components::catalogue_editor::CatalogueEditor;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::folder_backup::{FolderBackupSection, use_folder_backups};
use crate::components::import_backup::ImportBackup;
use crate::components::receive_person::ReceivePerson;
use crate::domain::caseload::Caseload;
use crate::domain::settings::DeviceRole;
use crate::i18n::use_i18n;
use crate::lock::backup::EncryptChoice;
use crate::lock::session::{Lock, LockFailure, Phase, use_lock};
use crate::lock::settings::failure_text;
use crate::state::{AppState, StorageNotice, use_state};
use crate::storage::backup::export_backup;
use crate::storage::csv::{Included, rounds_csv};
use crate::storage::keys;
use crate::storage::kv::KeyValue;

/// Saves the backup sealed with the lock's passphrase `typed`, once it is shown to be the one;
/// says how it went in `status`.
fn export_sealed_backup_file(
    state: AppState,
    lock: Lock,
    include_sensitive: bool,
    typed: RwSignal<String>,
    status: RwSignal<String>,
) {
    let i18n = use_i18n();
    let passphrase = typed.get_untracked();
    if passphrase.is_empty() {
        return status.set(i18n.t().encrypted_missing().to_owned());
    }
    status.set(i18n.t().lock_working().to_owned());
    let plain = export_backup(&state.snapshot(), browser::now(), include_sensitive);
    spawn_local(async move {
        let t = i18n.t();
        match crate::lock::backup::seal(lock, &passphrase, &plain).await {
            Ok(file) => {
                let name = format!("stegvis-backup-{}-encrypted.json", browser::today());
                browser::download(&name, "application/json", &file);
                note_backup_saved(state, include_sensitive);
                typed.set(String::new());
                status.set(t.encrypted_saved(&name));
            }
            Err(LockFailure::WrongSecret) => status.set(t.encrypted_wrong().to_owned()),
            Err(failure) => status.set(failure_text(t, &failure).to_owned()),
        }
    });
}

/// `/data`: what is on this device, backup and restore, organisation settings, erasing.
#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let status = RwSignal::new(String::new());
    // The newest backup of the backup folder, when the counsellor restores from it.
    // (and a person's record from a colleague, once opened).
    let offered = use_folder_backups().map_or_else(|| RwSignal::new(None), |b| b.offered);
    let include_sensitive = RwSignal::new(false);
    let include_comments = RwSignal::new(false);
    let lock = use_lock();
    // On a locked device a backup is encrypted unless the user says otherwise.
    let encrypt = RwSignal::new(true);
    let passphrase = RwSignal::new(String::new());
    let sensitive_on = move || state.read(|d| d.settings().sensitive_items_enabled);
    // A participant's own device has no organisation: only her backup and erasing are hers.
    let organisation =
        move || state.read(|d| d.settings().device_role != Some(DeviceRole::Participant));
    // Answers given while the setting was on stay in the data after it is switched off.
    let sensitive_held = move || sensitive_on() || state.read(Caseload::has_sensitive_answers);
    let summary = move || {
        let (participants, rounds) = state.read(|d| (d.participants().len(), d.rounds().len()));
        i18n.t()
            .data_summary(participants.to_string(), rounds.to_string())
    };
    let exported = move |name: String| status.set(i18n.t().data_exported(&name));
    let export_csv = move |_| {
        let name = format!("stegvis-rounds-{}.csv", browser::today());
        let included = Included {
            sensitive: sensitive_held() && include_sensitive.get_untracked(),
            comments: include_comments.get_untracked(),
        };
        let t = i18n.t();
        let csv = state.read(|d| rounds_csv(d, included, |entry| t.catalogue_name(entry)));
        browser::download(&name, "text/csv;charset=utf-8", &csv);
        exported(name);
    };
    let confirm_erase = RwSignal::new(false);
    let erase_all = Callback::new(move |()| {
        let _ = state.change(|d| {
            d.erase_all();
            Ok(())
        });
        // "All data" includes copies of unreadable data kept aside earlier.
        state.with_store(|store| {
            for key in keys::recovery_keys(store).unwrap_or_default() {
                let _ = store.remove(&key);
            }
        });
        forget_backups(state);
        status.set(i18n.t().data_erased().to_owned());
    });
    view! {
        <h1>{i18n.text(|t| t.data_title())}</h1>
        <p class="lead">{i18n.text(|t| t.data_intro())}</p>
        <p>{summary}</p>
        <p class="status" role="status">
            {move || status.get()}
        </p>

        <section class="panel" aria-labelledby="backup-heading">
            <h2 id="backup-heading">{i18n.text(|t| t.data_backup_heading())}</h2>
            <p class="warning">{i18n.text(|t| t.data_sensitive_warning())}</p>
            <EncryptChoice encrypt passphrase />
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        let include = sensitive_held() && include_sensitive.get_untracked();
                        if lock.phase_untracked() == Phase::Unlocked && encrypt.get_untracked() {
                            export_sealed_backup_file(state, lock, include, passphrase, status)
                        } else {
                            exported(export_backup_file(state, include))
                        }
                    }
                >
                    {i18n.text(|t| t.data_export_backup())}
                </button>
                <button type="button" class="button secondary" on:click=export_csv>
                    {i18n.text(|t| t.data_export_csv())}
                </button>
            </div>
            <Show when=sensitive_held>
                <label class="check">
                    <input
                        type="checkbox"
                        aria-describedby="include-sensitive-help"
                        bind:checked=include_sensitive
                    />
                    <span>{i18n.text(|t| t.data_include_sensitive())}</span>
                </label>
                <p id="include-sensitive-help" class="help">
                    {i18n.text(|t| t.safety_include_sensitive_help())}
                </p>
            </Show>
            <label class="check">
                <input
                    type="checkbox"
                    aria-describedby="include-comments-help"
                    bind:checked=include_comments
                />
                <span>{i18n.text(|t| t.dialogue_csv_comments())}</span>
            </label>
            <p id="include-comments-help" class="help">
                {i18n.text(|t| t.dialogue_csv_comments_help())}
            </p>
            <BackupSchedule />
        </section>

        <FolderBackupSection />
        <crate::offline::StorageSpace />
        <crate::offline::IosStorageNote />
        <crate::offline::MacSafariNote />

        <Show when=organisation>
            <ReceivePerson offered=offered />
        </Show>
        <ImportBackup status=status offered=Some(offered) />

        <Show when=organisation>
            <section class="panel" aria-labelledby="settings-heading">
                <h2 id="settings-heading">{i18n.text(|t| t.data_settings_heading())}</h2>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=sensitive_on
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let _ = state
                                .change(|d| {
                                    d.set_sensitive_items_enabled(on);
                                    Ok(())
                                });
                        }
                    />
                    <span>{i18n.text(|t| t.data_sensitive_setting())}</span>
                </label>
                <p class="help">{i18n.text(|t| t.data_sensitive_setting_help())}</p>
            </section>

        </Show>

        <crate::lock::settings::LockSettings />

        <Show when=organisation>
            <CatalogueEditor />
        </Show>

        <RecoveryCopies />

        <section class="panel" aria-labelledby="erase-heading">
            <h2 id="erase-heading">{i18n.text(|t| t.data_erase_heading())}</h2>
            <button type="button" class="button danger" on:click=move |_| confirm_erase.set(true)>
                {i18n.text(|t| t.data_erase_all())}
            </button>
            <ConfirmDialog
                open=confirm_erase
                message=Signal::derive(move || i18n.t().data_erase_all_confirm().to_owned())
                confirm_label=Signal::derive(move || i18n.t().data_erase_all_yes().to_owned())
                cancel_label=Signal::derive(move || i18n.t().data_erase_cancel().to_owned())
                on_confirm=erase_all
            />
        </section>
    }
}

/// Unreadable data that was kept aside, each offered as a file to take for help; and the
/// stored data itself while it could not be read nor copied aside (storage full).
#[component]
fn RecoveryCopies() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let unreadable = move || state.notice() == Some(StorageNotice::Unreadable);
    // Re-read when the data changes (erasing all removes the copies too).
    let copies = move || {
        state.read(|_| ());
        state.with_store(|store| keys::recovery_keys(store).unwrap_or_default())
    };
    let save = move |key: &str| {
        if let Ok(Some(text)) = state.with_store(|store| store.get(key)) {
            let name = format!("{}.txt", key.replace(':', "-"));
            browser::download(&name, "text/plain", &text);
        }
    };
    move || {
        let copies = copies();
        (unreadable() || !copies.is_empty()).then(|| {
            view! {
                <section class="panel" aria-labelledby="recovery-heading">
                    <h2 id="recovery-heading">{i18n.text(|t| t.data_recovery_heading())}</h2>
                    <p>{i18n.text(|t| t.data_recovery_intro())}</p>
                    <ul class="plain">
                        {unreadable()
                            .then(|| {
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="button secondary"
                                            on:click=move |_| save(keys::DATA)
                                        >
                                            {i18n.text(|t| t.safety_unreadable_export())}
                                        </button>
                                    </li>
                                }
                            })}
                        {copies
                            .into_iter()
                            .map(|key| {
                                let label = key.clone();
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="button secondary"
                                            on:click=move |_| save(&key)
                                        >
                                            {move || i18n.t().data_recovery_export(&label)}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
