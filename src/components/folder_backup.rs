//! Automatic backups into a folder the counsellor picks (issue 31), where the browser can write
//! to one (the File System Access API: Chrome and Edge on a computer). After changes, at most
//! every few minutes and when the page goes, the whole caseload is written there as a backup
//! file, the newest ten kept (`storage::folder_backup`). The folder is remembered (its handle
//! in IndexedDB); after a restart the browser may ask again before writing, which takes a tap.
//! On a device with a lock, each backup is sealed under its data key and opens only with the
//! passphrase or the recovery code (`storage::sealed_backup`, version 2): a readable copy must
//! not leave a locked device. Restoring takes the newest backup through the import review, as a
//! chosen file does.

use std::cell::RefCell;

use chrono::{DateTime, Utc};
use js_sys::{Array, Function, Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::browser::{self, js_object};
use crate::components::backup_reminder::note_backup_saved;
use crate::i18n::{Texts, use_i18n};
use crate::lock::backup;
use crate::lock::session::{Lock, Phase, use_lock};
use crate::state::{AppState, use_state};
use crate::storage::backup::export_backup;
use crate::storage::folder_backup::{EVERY, due, file_name, ours_newest_first, to_remove};
use crate::storage::indexed_db;
use crate::storage::space::Space;

/// Where the folder's handle is kept in IndexedDB, beside the records.
const HANDLE_KEY: &str = "stegvis.backup-folder";

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// This browser cannot write to a folder (Safari, Firefox, phones).
    Unavailable,
    NotChosen,
    /// Backups go to the folder with this name; the last one was written then.
    Active {
        folder: String,
        last: Option<DateTime<Utc>>,
    },
    /// The browser asks again before writing (after a restart): one tap allows it.
    NeedsPermission {
        folder: String,
    },
    /// Writing failed (the folder was moved or removed, the disk is full).
    Failed {
        folder: String,
    },
}

#[derive(Clone, Copy)]
pub struct FolderBackups {
    status: RwSignal<Status>,
    /// The newest backup's text, offered to the import review.
    pub offered: RwSignal<Option<String>>,
    state: AppState,
    lock: Lock,
}

thread_local! {
    static HANDLE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    static LAST: RefCell<Option<DateTime<Utc>>> = const { RefCell::new(None) };
    static CHANGED: RefCell<bool> = const { RefCell::new(false) };
    static TIMER: RefCell<bool> = const { RefCell::new(false) };
}

fn handle() -> Option<JsValue> {
    HANDLE.with(|h| h.borrow().clone())
}

/// `target.method(args…)`, awaited when it answers with a promise.
async fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    let result = function.apply(target, &args.iter().collect::<Array>())?;
    match result.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise).await,
        Err(value) => Ok(value),
    }
}

fn read_write() -> JsValue {
    js_object(&[("mode", "readwrite".into())]).into()
}

fn available() -> bool {
    web_sys::window()
        .is_some_and(|w| Reflect::has(&w, &"showDirectoryPicker".into()).unwrap_or(false))
}

fn folder_name(handle: &JsValue) -> String {
    Reflect::get(handle, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

async fn granted(handle: &JsValue, ask: bool) -> bool {
    let method = if ask {
        "requestPermission"
    } else {
        "queryPermission"
    };
    call(handle, method, &[read_write()])
        .await
        .ok()
        .and_then(|p| p.as_string())
        .as_deref()
        == Some("granted")
}

async fn names(folder: &JsValue) -> Result<Vec<String>, JsValue> {
    let entries = call(folder, "keys", &[]).await?;
    let mut names = Vec::new();
    loop {
        let next = call(&entries, "next", &[]).await?;
        if Reflect::get(&next, &"done".into())?.is_truthy() {
            return Ok(names);
        }
        names.extend(Reflect::get(&next, &"value".into())?.as_string());
    }
}

async fn write(folder: &JsValue, name: &str, text: &str) -> Result<(), JsValue> {
    let create = js_object(&[("create", true.into())]).into();
    let file = call(folder, "getFileHandle", &[name.into(), create]).await?;
    let writable = call(&file, "createWritable", &[]).await?;
    call(&writable, "write", &[text.into()]).await?;
    call(&writable, "close", &[]).await?;
    for old in to_remove(&names(folder).await?) {
        call(folder, "removeEntry", &[old.into()]).await?;
    }
    Ok(())
}

async fn newest(folder: &JsValue) -> Result<Option<String>, JsValue> {
    let Some(name) = ours_newest_first(&names(folder).await?).into_iter().next() else {
        return Ok(None);
    };
    let file = call(folder, "getFileHandle", &[name.into()]).await?;
    let blob = call(&file, "getFile", &[]).await?;
    Ok(call(&blob, "text", &[]).await?.as_string())
}

impl FolderBackups {
    /// Started once with the app: remembers the folder, follows every change and writes.
    pub fn provide() -> FolderBackups {
        let (state, lock) = (use_state(), use_lock());
        let backups = FolderBackups {
            status: RwSignal::new(if available() {
                Status::NotChosen
            } else {
                Status::Unavailable
            }),
            offered: RwSignal::new(None),
            state,
            lock,
        };
        provide_context(backups);
        if !available() {
            return backups;
        }
        spawn_local(async move {
            if let Some(folder) = indexed_db::get_value(HANDLE_KEY).await {
                let name = folder_name(&folder);
                HANDLE.with(|h| *h.borrow_mut() = Some(folder.clone()));
                backups.status.set(if granted(&folder, false).await {
                    Status::Active {
                        folder: name,
                        last: None,
                    }
                } else {
                    Status::NeedsPermission { folder: name }
                });
            }
        });
        // Every change counts; the write follows within `EVERY`.
        Effect::new(move |first: Option<()>| {
            state.read(|_| ());
            if first.is_some() {
                CHANGED.with(|c| *c.borrow_mut() = true);
                backups.schedule();
            }
        });
        let going = window_event_listener_untyped("pagehide", move |_| {
            backups.write_if_due(true);
        });
        on_cleanup(move || going.remove());
        backups
    }

    pub fn status(&self) -> Status {
        self.status.get()
    }

    fn schedule(self) {
        if TIMER.with(|t| t.replace(true)) {
            return;
        }
        let now = browser::now();
        let last = LAST.with(|l| *l.borrow());
        let wait = last.map_or(0, |last| (EVERY - (now - last)).num_milliseconds().max(0));
        set_timeout(
            move || {
                TIMER.with(|t| *t.borrow_mut() = false);
                self.write_if_due(false);
            },
            std::time::Duration::from_millis(wait as u64),
        );
    }

    fn write_if_due(self, going: bool) {
        let Some(folder) = handle() else { return };
        let active = matches!(self.status.get_untracked(), Status::Active { .. });
        // The training sandbox's fictional people are not backed up, nor an empty caseload (a
        // device just erased, or emptied by the browser): either would push real backups out.
        let training = self.state.space() == Space::Training;
        let empty = self.state.read(|d| d.participants().is_empty());
        let changed = CHANGED.with(|c| *c.borrow());
        let now = browser::now();
        if !active || training || empty || !due(LAST.with(|l| *l.borrow()), changed, now, going) {
            return;
        }
        let state = self.state;
        CHANGED.with(|c| *c.borrow_mut() = false);
        LAST.with(|l| *l.borrow_mut() = Some(now));
        let plain = export_backup(&state.snapshot(), now, true);
        let Some(text) = backup::for_folder(self.lock, plain) else {
            return;
        };
        let name = folder_name(&folder);
        spawn_local(async move {
            match write(&folder, &file_name(now), &text).await {
                Ok(()) => {
                    note_backup_saved(state, true);
                    self.status.set(Status::Active {
                        folder: name,
                        last: Some(now),
                    });
                }
                Err(_) => self.status.set(Status::Failed { folder: name }),
            }
        });
    }

    /// Asks for a folder (a tap: the browser's own picker) and writes the first backup at once.
    fn choose(self) {
        spawn_local(async move {
            let Ok(window) = web_sys::window().ok_or(()) else {
                return;
            };
            let asked = js_object(&[
                ("id", "stegvis-backups".into()),
                ("mode", "readwrite".into()),
            ]);
            let Ok(folder) = call(&window, "showDirectoryPicker", &[asked.into()]).await else {
                return; // the picker was closed
            };
            indexed_db::put_value(HANDLE_KEY, &folder).await;
            HANDLE.with(|h| *h.borrow_mut() = Some(folder.clone()));
            self.status.set(Status::Active {
                folder: folder_name(&folder),
                last: None,
            });
            CHANGED.with(|c| *c.borrow_mut() = true);
            LAST.with(|l| *l.borrow_mut() = None);
            self.write_if_due(true);
        });
    }

    fn allow(self) {
        let Some(folder) = handle() else { return };
        spawn_local(async move {
            if granted(&folder, true).await {
                self.status.set(Status::Active {
                    folder: folder_name(&folder),
                    last: None,
                });
                CHANGED.with(|c| *c.borrow_mut() = true);
                self.write_if_due(true);
            }
        });
    }

    fn stop(self) {
        HANDLE.with(|h| *h.borrow_mut() = None);
        self.status.set(Status::NotChosen);
        spawn_local(async { indexed_db::put_value(HANDLE_KEY, &JsValue::UNDEFINED).await });
    }

    fn restore(self) {
        let Some(folder) = handle() else { return };
        let name = folder_name(&folder);
        spawn_local(async move {
            match newest(&folder).await {
                Ok(text) => self.offered.set(text),
                Err(_) => self.status.set(Status::Failed { folder: name }),
            }
        });
    }
}

pub fn use_folder_backups() -> Option<FolderBackups> {
    use_context::<FolderBackups>()
}

/// The data page's section: the folder, the last backup, and what can be done.
#[component]
pub fn FolderBackupSection() -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    let Some(backups) = use_folder_backups() else {
        return ().into_any();
    };
    let button = move |label: fn(&Texts) -> &'static str, act: fn(FolderBackups)| {
        view! {
            <button type="button" class="button" on:click=move |_| act(backups)>
                {i18n.text(label)}
            </button>
        }
    };
    // The time of day on this device's clock, as the language writes it.
    let time = move |at: DateTime<Utc>| {
        let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
        // Hours and minutes: seconds tell a counsellor nothing.
        let minutes = js_object(&[("hour", "2-digit".into()), ("minute", "2-digit".into())]);
        String::from(date.to_locale_time_string_with_options(i18n.language().code(), &minutes))
    };
    view! {
        <section class="panel folder-backup" aria-labelledby="folder-backup-heading">
            <h2 id="folder-backup-heading">{i18n.text(|t| t.data_folder_heading())}</h2>
            {move || {
                let t = i18n.t();
                match backups.status() {
                    Status::Unavailable => view! { <p>{t.data_folder_unavailable()}</p> }.into_any(),
                    Status::NotChosen => {
                        view! {
                            <p>{t.data_folder_intro()}</p>
                            {button(|t| t.data_folder_choose(), FolderBackups::choose)}
                        }
                            .into_any()
                    }
                    Status::NeedsPermission { folder } => {
                        view! {
                            <p>{t.data_folder_needs_permission(folder)}</p>
                            {button(|t| t.data_folder_allow(), FolderBackups::allow)}
                        }
                            .into_any()
                    }
                    Status::Failed { folder } => {
                        view! {
                            <p role="alert">{t.data_folder_failed(folder)}</p>
                            {button(|t| t.data_folder_choose(), FolderBackups::choose)}
                        }
                            .into_any()
                    }
                    Status::Active { folder, last } => {
                        let when = match last {
                            Some(at) => t.data_folder_last(time(at)),
                            None => t.data_folder_first().to_owned(),
                        };
                        view! {
                            <p class="folder-active">{t.data_folder_active(folder)}</p>
                            <p>{when}</p>
                            <Show when=move || lock.phase() == Phase::Unlocked>
                                <p>{i18n.text(|t| t.data_folder_sealed())}</p>
                            </Show>
                            <p>{t.data_folder_everything()}</p>
                            <div class="actions">
                                {button(|t| t.data_folder_restore(), FolderBackups::restore)}
                                {button(|t| t.data_folder_stop(), FolderBackups::stop)}
                            </div>
                        }
                            .into_any()
                    }
                }
            }}
        </section>
    }
    .into_any()
}
