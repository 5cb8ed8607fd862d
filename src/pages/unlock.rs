//! The one screen a locked device shows, whatever address was opened: the passphrase or the
//! recovery code opens the data; without either, an honest way to erase and start over.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::reload;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::i18n::use_i18n;
use crate::lock::session::{LockFailure, Phase, use_lock};
use crate::lock::settings::failure_text;
use crate::pages::counsellor::opening;
use crate::storage::browser_store::LocalStore;
use crate::storage::indexed_db;
use crate::storage::keys;
use crate::storage::kv::KeyValue;
use crate::storage::lock_record::{LockError, Secret};
use crate::storage::lock_tries::WrongTries;
use crate::storage::small_store;

/// What the form says under the field; drawn in the language shown at the moment.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Message {
    Nothing,
    Opening,
    /// A wrong passphrase or code, and the seconds the next try must wait.
    Wrong {
        wait: u32,
    },
    Failed(LockFailure),
}

fn wrong_tries() -> WrongTries {
    WrongTries::parse(
        small_store::read_text(keys::LOCK_TRIES)
            .ok()
            .flatten()
            .as_deref(),
    )
}

#[component]
pub fn UnlockPage() -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    view! {
        <main id="main" class="page unlock-page">
            <h1>{i18n.text(|t| t.lock_unlock_title())}</h1>
            {move || match lock.phase() {
                Phase::Unusable(LockError::TooNew { .. }) => {
                    view! { <p class="warning">{i18n.text(|t| t.lock_too_new())}</p> }.into_any()
                }
                Phase::Unusable(_) => {
                    view! { <p class="warning">{i18n.text(|t| t.lock_damaged())}</p> }.into_any()
                }
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
    let message = RwSignal::new(Message::Nothing);
    let busy = RwSignal::new(false);
    // The wait after earlier wrong tries goes on after a reload, and in every tab.
    let waiting = RwSignal::new(wrong_tries().seconds_left(js_sys::Date::now()));
    let timer = StoredValue::new_local(None::<IntervalHandle>);
    let count_down = move || {
        if timer.with_value(Option::is_none) {
            timer.set_value(
                set_interval_with_handle(
                    move || waiting.update(|s| *s = s.saturating_sub(1)),
                    std::time::Duration::from_secs(1),
                )
                .ok(),
            );
        }
    };
    if waiting.get_untracked() > 0 {
        count_down();
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || waiting.get_untracked() > 0 {
            return;
        }
        busy.set(true);
        message.set(Message::Opening);
        spawn_local(async move {
            let proven = |key: &_| {
                let _ = small_store::remove(keys::LOCK_TRIES);
                opening::open_sealed(key)
            };
            match lock
                .unlock(which.get_untracked(), &typed.get_untracked(), proven)
                .await
            {
                Ok(()) => opening::records_read(),
                Err(LockFailure::WrongSecret) => {
                    let tries = wrong_tries().one_more(js_sys::Date::now());
                    let _ = small_store::write(keys::LOCK_TRIES, &tries.to_text());
                    let wait = tries.wait_seconds();
                    message.set(Message::Wrong { wait });
                    waiting.set(wait);
                    if wait > 0 {
                        count_down();
                    }
                    busy.set(false);
                }
                Err(other) => {
                    message.set(Message::Failed(other));
                    busy.set(false);
                }
            }
        });
    };
    let message_text = move || {
        let t = i18n.t();
        match message.get() {
            Message::Nothing => String::new(),
            Message::Opening => t.lock_opening().to_owned(),
            Message::Wrong { wait: 0 } => t.lock_wrong_secret().to_owned(),
            Message::Wrong { wait } => t.lock_wrong_wait(wait.to_string()),
            Message::Failed(failure) => failure_text(t, &failure).to_owned(),
        }
    };
    let must_wait = move || waiting.get() > 0;
    let label = move || match which.get() {
        Secret::Passphrase => i18n.t().lock_passphrase_label(),
        Secret::RecoveryCode => i18n.t().lock_code_label(),
    };
    let switch = move |_| {
        which.update(|w| {
            *w = match w {
                Secret::Passphrase => Secret::RecoveryCode,
                Secret::RecoveryCode => Secret::Passphrase,
            }
        });
        typed.set(String::new());
        message.set(Message::Nothing);
    };
    // "Not the passphrase" was said of what was typed then: typing again takes it back. A wait
    // still in force stays said below the field; a failure of the device (storage) stays too.
    let retyped = move |_| {
        if matches!(message.get_untracked(), Message::Wrong { .. }) {
            message.set(Message::Nothing);
        }
    };
    view! {
        <p class="lead">{i18n.text(|t| t.lock_unlock_intro())}</p>
        <form class="panel lock-form" on:submit=submit on:input=retyped>
            <label for="unlock-secret">{label}</label>
            <input
                id="unlock-secret"
                type=move || if which.get() == Secret::Passphrase { "password" } else { "text" }
                autocomplete=move || {
                    if which.get() == Secret::Passphrase { "current-password" } else { "off" }
                }
                autocapitalize="characters"
                spellcheck="false"
                aria-describedby="unlock-message"
                bind:value=typed
            />
            <p id="unlock-message" class="status" role="alert">
                {message_text}
            </p>
            <Show when=must_wait>
                <p class="help">{move || i18n.t().lock_wait_left(waiting.get().to_string())}</p>
            </Show>
            <button type="submit" class="button" disabled=move || busy.get() || must_wait()>
                {i18n.text(|t| t.lock_open_button())}
            </button>
        </form>
        <p>
            <button type="button" class="button secondary" on:click=switch>
                {move || match which.get() {
                    Secret::Passphrase => i18n.t().lock_use_code(),
                    Secret::RecoveryCode => i18n.t().lock_use_passphrase(),
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
        spawn_local(async {
            // The records in IndexedDB first, awaited: the page reloads right after.
            indexed_db::erase_everything().await;
            for key in LocalStore.keys().unwrap_or_default() {
                if key.starts_with("stegvis.") && key != keys::LANGUAGE {
                    let _ = LocalStore.remove(&key);
                }
            }
            reload();
        });
    });
    view! {
        <section class="panel" aria-labelledby="start-over-heading">
            <h2 id="start-over-heading">{i18n.text(|t| t.lock_forgot_heading())}</h2>
            <p>{i18n.text(|t| t.lock_forgot_intro())}</p>
            <button type="button" class="button danger" on:click=move |_| confirm.set(true)>
                {i18n.text(|t| t.lock_erase_button())}
            </button>
            <ConfirmDialog
                open=confirm
                message=Signal::derive(move || i18n.t().lock_erase_confirm().to_owned())
                confirm_label=Signal::derive(move || i18n.t().lock_erase_yes().to_owned())
                cancel_label=Signal::derive(move || i18n.t().data_erase_cancel().to_owned())
                on_confirm=erase
            />
        </section>
    }
}
