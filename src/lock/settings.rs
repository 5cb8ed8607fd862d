//! The data page's section on the lock: set it (and see the recovery code once), choose the
//! auto-lock time, change the passphrase, turn it off.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::crypto;
use super::session::{LockFailure, Phase, use_lock};
use crate::i18n::{Texts, use_i18n};
use crate::storage::kv::KvError;
use crate::storage::lock_record::MIN_PASSPHRASE_CHARS;

/// The auto-lock times offered, in minutes.
const AUTO_LOCK_MINUTES: [u32; 5] = [2, 5, 10, 30, 60];

pub fn failure_text(t: &'static Texts, failure: &LockFailure) -> &'static str {
    match failure {
        LockFailure::WrongSecret => t.lock_wrong_secret(),
        LockFailure::NoCrypto => t.lock_no_crypto(),
        LockFailure::Storage(KvError::QuotaExceeded) => t.lock_storage_full(),
        LockFailure::Storage(_) => t.lock_storage_failed(),
    }
}

/// Checks a new passphrase and its repetition; the text to show if they will not do.
fn new_passphrase_problem(t: &'static Texts, new: &str, repeat: &str) -> Option<&'static str> {
    if new.chars().count() < MIN_PASSPHRASE_CHARS {
        Some(t.lock_too_short())
    } else if new != repeat {
        Some(t.lock_mismatch())
    } else {
        None
    }
}

#[component]
pub fn LockSettings() -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    let status = RwSignal::new(String::new());
    let code = RwSignal::new(None::<String>);
    view! {
        <section class="panel lock-panel" aria-labelledby="lock-heading">
            <h2 id="lock-heading">{i18n.text(|t| t.lock_heading())}</h2>
            <p class="status" role="status">
                {move || status.get()}
            </p>
            {move || code.get().map(|shown| view! { <RecoveryCode code=shown done=code /> })}
            {move || match lock.phase() {
                Phase::Unlocked => view! { <LockOptions status=status /> }.into_any(),
                _ if !crypto::available() => {
                    view! { <p>{i18n.text(|t| t.lock_no_crypto())}</p> }.into_any()
                }
                _ => view! { <SetLock status=status code=code /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn SetLock(status: RwSignal<String>, code: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !begin_with_new_passphrase(i18n.t(), new, repeat, status, busy) {
            return;
        }
        spawn_local(async move {
            match lock.set(&new.get_untracked()).await {
                Ok(shown) => {
                    status.set(i18n.t().lock_done().to_owned());
                    code.set(Some(shown));
                }
                Err(failure) => status.set(failure_text(i18n.t(), &failure).to_owned()),
            }
            busy.set(false);
        });
    };
    view! {
        <p>{i18n.text(|t| t.lock_intro())}</p>
        <form class="lock-form" on:submit=submit on:input=retyped(status, busy)>
            <label for="lock-new">{i18n.text(|t| t.lock_new_label())}</label>
            <p class="help" id="lock-new-help">
                {move || i18n.t().lock_new_help(MIN_PASSPHRASE_CHARS.to_string())}
            </p>
            <input
                id="lock-new"
                type="password"
                autocomplete="new-password"
                aria-describedby="lock-new-help"
                bind:value=new
            />
            <label for="lock-repeat">{i18n.text(|t| t.lock_repeat_label())}</label>
            <input id="lock-repeat" type="password" autocomplete="new-password" bind:value=repeat />
            <button type="submit" class="button" disabled=move || busy.get()>
                {i18n.text(|t| t.lock_set_button())}
            </button>
        </form>
    }
}

/// Shown once, right after the lock is set: the code is nowhere else.
#[component]
fn RecoveryCode(code: String, done: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <div class="recovery-code-box">
            <h3>{i18n.text(|t| t.lock_code_heading())}</h3>
            <p>{i18n.text(|t| t.lock_code_intro())}</p>
            <p class="recovery-code" data-testid="recovery-code">
                {code}
            </p>
            <div class="actions">
                <button type="button" class="button secondary" on:click=print>
                    {i18n.text(|t| t.lock_code_print())}
                </button>
                <button type="button" class="button" on:click=move |_| done.set(None)>
                    {i18n.text(|t| t.lock_code_done())}
                </button>
            </div>
        </div>
    }
}

/// While unlocked: the auto-lock time, a new passphrase, or no lock.
#[component]
fn LockOptions(status: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    let minutes = move || {
        lock.record()
            .map_or(10, |r| r.auto_lock_seconds.div_ceil(60))
    };
    let choose = move |ev| {
        let chosen: u32 = event_target_value(&ev).parse().unwrap_or(10);
        let result = lock.set_auto_lock(chosen * 60);
        status.set(match result {
            Ok(()) => i18n.t().lock_auto_saved(chosen.to_string()),
            Err(failure) => failure_text(i18n.t(), &failure).to_owned(),
        });
    };
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !begin_with_new_passphrase(i18n.t(), new, repeat, status, busy) {
            return;
        }
        spawn_local(async move {
            let result = lock
                .change(&current.get_untracked(), &new.get_untracked())
                .await;
            status.set(match result {
                Ok(()) => {
                    for field in [current, new, repeat] {
                        field.set(String::new());
                    }
                    i18n.t().lock_changed().to_owned()
                }
                Err(failure) => failure_text(i18n.t(), &failure).to_owned(),
            });
            busy.set(false);
        });
    };
    let off_current = RwSignal::new(String::new());
    let turn_off = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        status.set(i18n.t().lock_working().to_owned());
        spawn_local(async move {
            let result = lock.remove(&off_current.get_untracked()).await;
            status.set(match result {
                Ok(()) => i18n.t().lock_removed().to_owned(),
                Err(failure) => failure_text(i18n.t(), &failure).to_owned(),
            });
            busy.set(false);
        });
    };
    view! {
        <p>{i18n.text(|t| t.lock_is_on())}</p>
        <label for="lock-auto">{i18n.text(|t| t.lock_auto_label())}</label>
        <select id="lock-auto" on:change=choose>
            {AUTO_LOCK_MINUTES
                .into_iter()
                .map(|m| {
                    view! {
                        <option value=m.to_string() selected=move || minutes() == m>
                            {move || i18n.t().lock_minutes(m.to_string())}
                        </option>
                    }
                })
                .collect_view()}
        </select>

        <form class="lock-form" on:submit=change on:input=retyped(status, busy)>
            <h3>{i18n.text(|t| t.lock_change_heading())}</h3>
            <label for="lock-current">{i18n.text(|t| t.lock_current_label())}</label>
            <input
                id="lock-current"
                type="password"
                autocomplete="current-password"
                bind:value=current
            />
            <label for="lock-change-new">{i18n.text(|t| t.lock_new_label())}</label>
            <input
                id="lock-change-new"
                type="password"
                autocomplete="new-password"
                bind:value=new
            />
            <label for="lock-change-repeat">{i18n.text(|t| t.lock_repeat_label())}</label>
            <input
                id="lock-change-repeat"
                type="password"
                autocomplete="new-password"
                bind:value=repeat
            />
            <button type="submit" class="button secondary" disabled=move || busy.get()>
                {i18n.text(|t| t.lock_change_button())}
            </button>
        </form>

        <form class="lock-form" on:submit=turn_off on:input=retyped(status, busy)>
            <h3>{i18n.text(|t| t.lock_off_heading())}</h3>
            <p>{i18n.text(|t| t.lock_off_intro())}</p>
            <label for="lock-off-current">{i18n.text(|t| t.lock_current_label())}</label>
            <input
                id="lock-off-current"
                type="password"
                autocomplete="current-password"
                bind:value=off_current
            />
            <button type="submit" class="button secondary" disabled=move || busy.get()>
                {i18n.text(|t| t.lock_off_button())}
            </button>
        </form>
    }
}

/// What the last try was told (too short, not the same, not the passphrase) is about what was
/// typed then: typing again takes it back, unless that try is still under way.
fn retyped(status: RwSignal<String>, busy: RwSignal<bool>) -> impl Fn(leptos::ev::Event) + Copy {
    move |_| {
        if !busy.get_untracked() && status.with_untracked(|s| !s.is_empty()) {
            status.set(String::new());
        }
    }
}

/// Checks the new passphrase and its repetition; when they will do, says the work has begun
/// (setting and changing a passphrase start alike). False, with the problem shown, otherwise.
fn begin_with_new_passphrase(
    t: &'static Texts,
    new: RwSignal<String>,
    repeat: RwSignal<String>,
    status: RwSignal<String>,
    busy: RwSignal<bool>,
) -> bool {
    if let Some(problem) = new_passphrase_problem(t, &new.get_untracked(), &repeat.get_untracked())
    {
        status.set(problem.to_owned());
        return false;
    }
    busy.set(true);
    status.set(t.lock_working().to_owned());
    true
}
