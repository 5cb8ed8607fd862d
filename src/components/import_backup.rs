use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::merge::{
    Choices, Conflict, MergeError, MergePreview, Resolution, apply_merge, preview_merge,
};
use crate::i18n::{TextWith, Texts, use_i18n};
use crate::lock::backup::OpenFailure;
use crate::state::use_state;
use crate::storage::backup::{Backup, MAX_BACKUP_BYTES, parse_backup};
use crate::storage::envelope::ImportError;
use crate::storage::indexed_db;
use crate::storage::sealed_backup::{SealedBackup, SealedBackupError};

#[derive(Clone)]
enum Stage {
    Idle,
    Reading,
    Failed(fn(&Texts) -> &'static str),
    /// An encrypted backup, waiting for its passphrase; `wrong` after a try that did not open it.
    Passphrase {
        file: SealedBackup,
        wrong: bool,
    },
    Review {
        incoming: Backup,
        preview: MergePreview,
    },
}

fn error_text(error: &ImportError) -> fn(&Texts) -> &'static str {
    match error {
        ImportError::NotJson => |t| t.data_error_not_json(),
        ImportError::NotAStegvisFile => |t| t.data_error_not_stegvis(),
        ImportError::TooNew { .. } => |t| t.data_error_too_new(),
        ImportError::Invalid { .. } => |t| t.data_error_invalid(),
        ImportError::TooLarge => |t| t.data_error_too_large(),
        ImportError::Damaged => |t| t.safety_error_damaged(),
    }
}

fn sealed_error_text(error: &SealedBackupError) -> fn(&Texts) -> &'static str {
    match error {
        SealedBackupError::TooNew { .. } => |t| t.data_error_too_new(),
        SealedBackupError::Damaged => |t| t.encrypted_import_damaged(),
        SealedBackupError::WrongPassphrase => |t| t.encrypted_import_wrong(),
    }
}

fn conflict_label(t: &Texts, conflict: &Conflict) -> String {
    match conflict {
        Conflict::Participant { current, .. } => {
            t.data_import_conflict_participant(&current.display_name)
        }
        Conflict::Round {
            participant_name,
            current,
            ..
        } => t.data_import_conflict_round(format!("{participant_name}, {}", t.date(current.date))),
        Conflict::Plan {
            participant_name, ..
        } => t.data_import_conflict_plan(participant_name),
        Conflict::CatalogueEntry { current, .. } => {
            t.data_import_conflict_activity(t.catalogue_name(current))
        }
    }
}

/// Restoring a backup: read the file, show what it would add and where it differs from this
/// device, let the user decide each difference, and only then change anything.
/// On an empty device's caseload (`empty_device`) it first says why a restore may be wanted,
/// and its button is as strong as the one that adds a person.
#[component]
pub fn ImportBackup(
    status: RwSignal<String>,
    #[prop(optional)] empty_device: bool,
    /// A backup's text from elsewhere (the backup folder), read as a chosen file is.
    #[prop(optional_no_strip)]
    offered: Option<RwSignal<Option<String>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let stage = RwSignal::new(Stage::Idle);
    let choices = RwSignal::new(Choices::new());

    // Nothing is decided for the user: each choice starts where `suggested` says (this device's
    // version, unless that is merely what the app ships). When the same file is reviewed again
    // because another tab changed the data, a difference that is still exactly the one the user
    // saw keeps the choice she made; one that changed is asked afresh.
    let review = move |incoming: Backup, seen: &[Conflict]| {
        let preview = state.read(|current| preview_merge(current, &incoming.data_for(current)));
        let earlier = choices.get_untracked();
        choices.set(
            preview
                .conflicts
                .iter()
                .map(|c| {
                    let key = c.key();
                    let made = earlier.get(&key).filter(|_| seen.contains(c));
                    (key, made.copied().unwrap_or_else(|| c.suggested()))
                })
                .collect(),
        );
        Stage::Review { incoming, preview }
    };
    let read = move |text: &str| match parse_backup(text) {
        Err(error) => Stage::Failed(error_text(&error)),
        Ok(incoming) => review(incoming, &[]),
    };
    let take_text = move |text: Option<String>| {
        stage.set(match text.as_deref().map(SealedBackup::read) {
            None => Stage::Failed(|t| t.data_error_file()),
            Some(Ok(Some(file))) => Stage::Passphrase { file, wrong: false },
            Some(Err(error)) => Stage::Failed(sealed_error_text(&error)),
            Some(Ok(None)) => read(&text.unwrap_or_default()),
        })
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = crate::browser::chosen_file(&ev) else {
            return;
        };
        status.set(String::new());
        if file.size() > MAX_BACKUP_BYTES as f64 {
            stage.set(Stage::Failed(|t| t.data_error_too_large()));
            return;
        }
        stage.set(Stage::Reading);
        spawn_local(async move {
            take_text(crate::browser::file_text(&file).await);
        });
    };
    if let Some(offered) = offered {
        Effect::new(move |_| {
            if let Some(text) = offered.get() {
                offered.set(None);
                status.set(String::new());
                take_text(Some(text));
            }
        });
    }
    let open_sealed = move |file: SealedBackup, typed: String| {
        stage.set(Stage::Reading);
        spawn_local(async move {
            stage.set(match crate::lock::backup::open(&file, &typed).await {
                Ok(plain) => read(&plain),
                Err(OpenFailure::File(SealedBackupError::WrongPassphrase)) => {
                    Stage::Passphrase { file, wrong: true }
                }
                Err(OpenFailure::File(error)) => Stage::Failed(sealed_error_text(&error)),
                Err(OpenFailure::NoCrypto) => Stage::Failed(|t| t.lock_no_crypto()),
            });
        });
    };
    let apply = move |incoming: Backup| {
        let merged = state.read(|current| {
            apply_merge(
                current,
                &incoming.data_for(current),
                &choices.get_untracked(),
            )
        });
        match merged {
            Ok(merged) => {
                let saved = state.replace(merged);
                stage.set(Stage::Idle);
                // Said only once storage has it: IndexedDB may refuse it after the fact.
                spawn_local(async move {
                    let saved = match saved {
                        Ok(()) => indexed_db::written().await,
                        refused => refused,
                    };
                    let t = i18n.t();
                    status.set(
                        if saved.is_ok() {
                            t.data_import_done()
                        } else {
                            t.safety_import_not_saved()
                        }
                        .to_owned(),
                    );
                });
            }
            // The data changed meanwhile (another tab): show the new differences.
            Err(MergeError::Unresolved(_)) => {
                let seen = match stage.get_untracked() {
                    Stage::Review { preview, .. } => preview.conflicts,
                    _ => Vec::new(),
                };
                stage.set(review(incoming, &seen))
            }
            Err(MergeError::Inconsistent(_)) => {
                stage.set(Stage::Failed(|t| t.data_error_invalid()))
            }
        }
    };

    view! {
        <section class="panel" aria-labelledby="import-heading">
            <h2 id="import-heading">{i18n.text(|t| t.data_import_heading())}</h2>
            {empty_device.then(|| view! { <p>{i18n.text(|t| t.caseload_restore_intro())}</p> })}
            <p>{i18n.text(|t| t.data_import_intro())}</p>
            <label class=if empty_device {
                "file-pick button"
            } else {
                "file-pick button secondary"
            }>
                <span>{i18n.text(|t| t.data_import_choose())}</span>
                <input
                    type="file"
                    accept=".json,application/json"
                    class="visually-hidden"
                    on:change=on_file
                />
            </label>
            {move || match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Reading => {
                    view! { <p role="status">{i18n.t().data_import_reading()}</p> }.into_any()
                }
                Stage::Failed(text) => {
                    view! {
                        <p class="error" role="alert">
                            {text(i18n.t())}
                        </p>
                    }
                        .into_any()
                }
                Stage::Passphrase { file, wrong } => {
                    view! {
                        <PassphrasePrompt
                            file
                            wrong
                            on_open=open_sealed
                            on_cancel=move || stage.set(Stage::Idle)
                        />
                    }
                        .into_any()
                }
                Stage::Review { incoming, preview } => {
                    view! {
                        <ImportReview
                            incoming
                            preview
                            choices
                            on_apply=apply
                            on_cancel=move || stage.set(Stage::Idle)
                        />
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn ImportReview(
    incoming: Backup,
    preview: MergePreview,
    choices: RwSignal<Choices>,
    on_apply: impl Fn(Backup) + Copy + 'static,
    on_cancel: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let adds = preview.new_participants + preview.new_rounds + preview.new_plans;
    let counts: [(TextWith<usize>, usize); 4] = [
        (
            Texts::data_import_new_participants,
            preview.new_participants,
        ),
        (Texts::data_import_new_rounds, preview.new_rounds),
        (Texts::data_import_new_plans, preview.new_plans),
        (Texts::data_import_unchanged, preview.unchanged),
    ];
    let conflicts = preview.conflicts.clone();
    view! {
        // Inside the section the import heading names: no landmark of its own.
        <div class="import-review">
            {if adds == 0 && preview.conflicts.is_empty() {
                view! { <p role="status">{t.data_import_nothing_new()}</p> }.into_any()
            } else {
                view! {
                    <div role="status">
                        <ul class="counts">
                            {counts
                                .into_iter()
                                .map(|(text, count)| view! { <li>{text(t, count)}</li> })
                                .collect_view()}
                        </ul>
                    </div>
                }
                    .into_any()
            }} {(!conflicts.is_empty()).then(|| view! { <p>{t.data_import_conflicts()}</p> })}
            {conflicts
                .into_iter()
                .enumerate()
                .map(|(index, conflict)| {
                    let key = conflict.key();
                    let name = format!("conflict-{index}");
                    let option = move |resolution: Resolution, label: &'static str| {
                        let key = key.clone();
                        let current = key.clone();
                        view! {
                            <label class="check">
                                <input
                                    type="radio"
                                    name=name.clone()
                                    prop:checked=move || {
                                        choices.with(|c| c.get(&current) == Some(&resolution))
                                    }
                                    on:change=move |_| {
                                        choices
                                            .update(|c| {
                                                c.insert(key.clone(), resolution);
                                            })
                                    }
                                />
                                <span>{label}</span>
                            </label>
                        }
                    };
                    view! {
                        <fieldset class="conflict">
                            <legend>{conflict_label(t, &conflict)}</legend>
                            {option(Resolution::KeepCurrent, t.data_keep_current())}
                            {option(Resolution::TakeIncoming, t.data_take_incoming())}
                        </fieldset>
                    }
                })
                .collect_view()} <div class="actions">
                <button type="button" class="button" on:click=move |_| on_apply(incoming.clone())>
                    {t.data_import_apply()}
                </button>
                <button type="button" class="button secondary" on:click=move |_| on_cancel()>
                    {t.data_import_cancel()}
                </button>
            </div>
        </div>
    }
}

/// Asks for the passphrase an encrypted backup was saved with.
#[component]
fn PassphrasePrompt(
    file: SealedBackup,
    wrong: bool,
    on_open: impl Fn(SealedBackup, String) + Copy + 'static,
    on_cancel: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let typed = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_open(file.clone(), typed.get_untracked());
    };
    view! {
        <form class="lock-form import-passphrase" on:submit=submit>
            <p>{t.encrypted_import_intro()}</p>
            {wrong
                .then(|| {
                    view! {
                        <p class="error" role="alert">
                            {t.encrypted_import_wrong()}
                        </p>
                    }
                })}
            <label for="import-passphrase">{t.encrypted_import_label()}</label>
            <input
                id="import-passphrase"
                type="password"
                autocomplete="current-password"
                autofocus
                bind:value=typed
            />
            <div class="actions">
                <button type="submit" class="button">
                    {t.encrypted_open_button()}
                </button>
                <button type="button" class="button secondary" on:click=move |_| on_cancel()>
                    {t.data_import_cancel()}
                </button>
            </div>
        </form>
    }
}
