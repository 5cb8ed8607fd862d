use leptos::prelude::*;

use crate::browser;
use crate::components::catalogue_editor::CatalogueEditor;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::import_backup::ImportBackup;
use crate::domain::caseload::Caseload;
use crate::domain::settings::DeviceRole;
use crate::i18n::{fill, use_i18n};
use crate::state::{AppState, StorageNotice, use_state};
use crate::storage::backup::export_backup;
use crate::storage::csv::{Included, rounds_csv};
use crate::storage::keys;
use crate::storage::kv::KeyValue;

/// Saves everything in memory as a backup file (sensitive answers only if `include_sensitive`);
/// returns the file's name.
pub fn export_backup_file(state: AppState, include_sensitive: bool) -> String {
    let name = format!("stegvis-backup-{}.json", browser::today());
    browser::download(
        &name,
        "application/json",
        &export_backup(&state.snapshot(), browser::now(), include_sensitive),
    );
    name
}

/// `/data`: what is on this device, backup and restore, organisation settings, erasing.
#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let status = RwSignal::new(String::new());
    let include_sensitive = RwSignal::new(false);
    let include_comments = RwSignal::new(false);
    let sensitive_on = move || state.read(|d| d.settings().sensitive_items_enabled);
    // A participant's own device has no organisation: only her backup and erasing are hers.
    let organisation =
        move || state.read(|d| d.settings().device_role != Some(DeviceRole::Participant));
    // Answers given while the setting was on stay in the data after it is switched off.
    let sensitive_held = move || sensitive_on() || state.read(Caseload::has_sensitive_answers);
    let summary = move || {
        let (participants, rounds) = state.read(|d| (d.participants().len(), d.rounds().len()));
        fill(
            i18n.t().data_summary,
            &[
                ("participants", &participants.to_string()),
                ("rounds", &rounds.to_string()),
            ],
        )
    };
    let exported = move |name: String| status.set(fill(i18n.t().data_exported, &[("file", &name)]));
    let export_csv = move |_| {
        let name = format!("stegvis-rounds-{}.csv", browser::today());
        let included = Included {
            sensitive: sensitive_held() && include_sensitive.get_untracked(),
            comments: include_comments.get_untracked(),
        };
        let csv = state.read(|d| rounds_csv(d, included));
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
        status.set(i18n.t().data_erased.to_owned());
    });
    view! {
        <h1>{i18n.text(|t| t.data_title)}</h1>
        <p class="lead">{i18n.text(|t| t.data_intro)}</p>
        <p>{summary}</p>
        <p class="status" role="status">{move || status.get()}</p>

        <section class="panel" aria-labelledby="backup-heading">
            <h2 id="backup-heading">{i18n.text(|t| t.data_backup_heading)}</h2>
            <p class="warning">{i18n.text(|t| t.data_sensitive_warning)}</p>
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        let include = sensitive_held() && include_sensitive.get_untracked();
                        exported(export_backup_file(state, include))
                    }
                >
                    {i18n.text(|t| t.data_export_backup)}
                </button>
                <button type="button" class="button secondary" on:click=export_csv>
                    {i18n.text(|t| t.data_export_csv)}
                </button>
            </div>
            <Show when=sensitive_held>
                <label class="check">
                    <input type="checkbox" aria-describedby="include-sensitive-help" bind:checked=include_sensitive />
                    <span>{i18n.text(|t| t.data_include_sensitive)}</span>
                </label>
                <p id="include-sensitive-help" class="help">{i18n.text(|t| t.safety_include_sensitive_help)}</p>
            </Show>
            <label class="check">
                <input type="checkbox" aria-describedby="include-comments-help" bind:checked=include_comments />
                <span>{i18n.text(|t| t.dialogue_csv_comments)}</span>
            </label>
            <p id="include-comments-help" class="help">{i18n.text(|t| t.dialogue_csv_comments_help)}</p>
        </section>

        <crate::offline::StorageSpace />

        <ImportBackup status=status />

        <Show when=organisation>
        <section class="panel" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{i18n.text(|t| t.data_settings_heading)}</h2>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=sensitive_on
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let _ = state.change(|d| {
                            d.settings_mut().sensitive_items_enabled = on;
                            Ok(())
                        });
                    }
                />
                <span>{i18n.text(|t| t.data_sensitive_setting)}</span>
            </label>
            <p class="help">{i18n.text(|t| t.data_sensitive_setting_help)}</p>
        </section>

        </Show>

        <crate::lock::settings::LockSettings />

        <Show when=organisation>
        <CatalogueEditor />
        </Show>

        <RecoveryCopies />

        <section class="panel" aria-labelledby="erase-heading">
            <h2 id="erase-heading">{i18n.text(|t| t.data_erase_heading)}</h2>
            <button type="button" class="button danger" on:click=move |_| confirm_erase.set(true)>
                {i18n.text(|t| t.data_erase_all)}
            </button>
            <ConfirmDialog
                open=confirm_erase
                message=Signal::derive(move || i18n.t().data_erase_all_confirm.to_owned())
                confirm_label=Signal::derive(move || i18n.t().data_erase_all_yes.to_owned())
                cancel_label=Signal::derive(move || i18n.t().data_erase_cancel.to_owned())
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
                    <h2 id="recovery-heading">{i18n.text(|t| t.data_recovery_heading)}</h2>
                    <p>{i18n.text(|t| t.data_recovery_intro)}</p>
                    <ul class="plain">
                        {unreadable().then(|| view! {
                            <li>
                                <button type="button" class="button secondary" on:click=move |_| save(keys::DATA)>
                                    {i18n.text(|t| t.safety_unreadable_export)}
                                </button>
                            </li>
                        })}
                        {copies
                            .into_iter()
                            .map(|key| {
                                let label = key.clone();
                                view! {
                                    <li>
                                        <button type="button" class="button secondary" on:click=move |_| save(&key)>
                                            {move || fill(i18n.t().data_recovery_export, &[("key", &label)])}
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
