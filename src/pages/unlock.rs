//! The one screen a locked device shows, whatever address was opened: the passphrase or the
//! recovery code opens the data; without either, an honest way to erase and start over.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::confirm_dialog::ConfirmDialog;
use crate::i18n::{fill, use_i18n};
use crate::lock::session::{LockFailure, Phase, reload, use_lock};
use crate::lock::settings::failure_text;
use crate::storage::browser_store::LocalStore;
use crate::storage::keys;
use crate::storage::kv::KeyValue;
use crate::storage::lock_record::{LockError, Secret};

/// After this many wrong tries, each further try waits longer (5 s more each time, at most a
/// minute), on top of the cost of the key derivation itself.
const FREE_TRIES: u32 = 3;

fn wait_seconds(failures: u32) -> u32 {
    (failures.saturating_sub(FREE_TRIES - 1) * 5).min(60)
}

#[component]
pub fn UnlockPage() -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    view! {
        <main id="main" class="page unlock-page">
            <h1>{i18n.text(|t| t.lock_unlock_title)}</h1>
            {move || match lock.phase() {
                Phase::Unusable(LockError::TooNew { .. }) => view! { <p class="warning">{i18n.text(|t| t.lock_too_new)}</p> }.into_any(),
                Phase::Unusable(_) => view! { <p class="warning">{i18n.text(|t| t.lock_damaged)}</p> }.into_any(),
                _ => view! { <UnlockForm /> }.into_any(),
            }}
            <StartOver />
        </main>
    }
}

#[component]
fn UnlockForm() -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    let which = RwSignal::new(Secret::Passphrase);
    let typed = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failures = StoredValue::new(0u32);
    let waiting = RwSignal::new(0u32);
    let count_down = move || {
        set_interval_with_handle(
            move || waiting.update(|s| *s = s.saturating_sub(1)),
            std::time::Duration::from_secs(1),
        )
        .ok()
    };
    let timer = StoredValue::new_local(None::<IntervalHandle>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || waiting.get_untracked() > 0 {
            return;
        }
        busy.set(true);
        message.set(i18n.t().lock_opening.to_owned());
        spawn_local(async move {
            match lock
                .unlock(which.get_untracked(), &typed.get_untracked())
                .await
            {
                Ok(()) => {}
                Err(failure) => {
                    failures.update_value(|n| *n += 1);
                    let wait = wait_seconds(failures.get_value());
                    let t = i18n.t();
                    message.set(match failure {
                        LockFailure::WrongSecret if wait > 0 => {
                            fill(t.lock_wrong_wait, &[("seconds", &wait.to_string())])
                        }
                        other => failure_text(t, &other).to_owned(),
                    });
                    waiting.set(wait);
                    if wait > 0 && timer.with_value(Option::is_none) {
                        timer.set_value(count_down());
                    }
                    busy.set(false);
                }
            }
        });
    };
    let must_wait = move || waiting.get() > 0;
    let label = move || match which.get() {
        Secret::Passphrase => i18n.t().lock_passphrase_label,
        Secret::RecoveryCode => i18n.t().lock_code_label,
    };
    let switch = move |_| {
        which.update(|w| {
            *w = match w {
                Secret::Passphrase => Secret::RecoveryCode,
                Secret::RecoveryCode => Secret::Passphrase,
            }
        });
        typed.set(String::new());
        message.set(String::new());
    };
    view! {
        <p class="lead">{i18n.text(|t| t.lock_unlock_intro)}</p>
        <form class="panel lock-form" on:submit=submit>
            <label for="unlock-secret">{label}</label>
            <input
                id="unlock-secret"
                type=move || if which.get() == Secret::Passphrase { "password" } else { "text" }
                autocomplete=move || if which.get() == Secret::Passphrase { "current-password" } else { "off" }
                autocapitalize="characters"
                spellcheck="false"
                aria-describedby="unlock-message"
                bind:value=typed
            />
            <p id="unlock-message" class="status" role="alert">{move || message.get()}</p>
            <Show when=must_wait>
                <p class="help">{move || fill(i18n.t().lock_wait_left, &[("seconds", &waiting.get().to_string())])}</p>
            </Show>
            <button type="submit" class="button" disabled=move || busy.get() || must_wait()>
                {i18n.text(|t| t.lock_open_button)}
            </button>
        </form>
        <p>
            <button type="button" class="button secondary" on:click=switch>
                {move || match which.get() {
                    Secret::Passphrase => i18n.t().lock_use_code,
                    Secret::RecoveryCode => i18n.t().lock_use_passphrase,
                }}
            </button>
        </p>
    }
}

/// Without the passphrase and the code the data cannot be opened by anyone: say so, and offer
/// to erase it (the language choice stays).
#[component]
fn StartOver() -> impl IntoView {
    let i18n = use_i18n();
    let confirm = RwSignal::new(false);
    let erase = Callback::new(move |()| {
        for key in LocalStore.keys().unwrap_or_default() {
            if key.starts_with("stegvis.") && key != keys::LANGUAGE {
                let _ = LocalStore.remove(&key);
            }
        }
        reload();
    });
    view! {
        <section class="panel" aria-labelledby="start-over-heading">
            <h2 id="start-over-heading">{i18n.text(|t| t.lock_forgot_heading)}</h2>
            <p>{i18n.text(|t| t.lock_forgot_intro)}</p>
            <button type="button" class="button danger" on:click=move |_| confirm.set(true)>
                {i18n.text(|t| t.lock_erase_button)}
            </button>
            <ConfirmDialog
                open=confirm
                message=Signal::derive(move || i18n.t().lock_erase_confirm.to_owned())
                confirm_label=Signal::derive(move || i18n.t().lock_erase_yes.to_owned())
                cancel_label=Signal::derive(move || i18n.t().data_erase_cancel.to_owned())
                on_confirm=erase
            />
        </section>
    }
}
