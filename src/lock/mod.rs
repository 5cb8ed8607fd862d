//! Locking this device's data with a passphrase (browser side): the lock's session in this tab
//! (`session`), WebCrypto's PBKDF2 and random bytes (`crypto`), backups under the passphrase
//! (`backup`), a half-filled form kept over a lock (`draft`), locking by itself after idle time
//! (`AutoLock`), the header's "Lock now", and the data page's section (`settings`). The formats are plain Rust in `storage::sealed`,
//! `storage::lock_record` and `storage::lockable`.

pub mod backup;
pub mod crypto;
mod draft;
pub mod session;
pub mod settings;

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::state::use_state;
pub use session::{Lock, Phase, use_lock};

/// "Lock now", in the header while the data is unlocked.
#[component]
pub fn LockNowButton() -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    view! {
        <Show when=move || lock.phase() == Phase::Unlocked>
            <button
                type="button"
                class="button secondary lock-now"
                on:click=move |_| lock.lock_everywhere()
            >
                {i18n.text(|t| t.lock_now())}
            </button>
        </Show>
    }
}

/// Locks this tab after the chosen time without a key press or tap; the time also runs while
/// the page is hidden, and is checked again the moment it shows. Each tab counts its own idle
/// time, so a tab in use is never locked by a forgotten one. Also puts back a kept draft.
#[component]
pub fn AutoLock() -> impl IntoView {
    let lock = use_lock();
    let state = use_state();
    let last_use = StoredValue::new(js_sys::Date::now());
    let check = move || {
        let Some(record) = lock.record_untracked() else {
            return;
        };
        let idle = js_sys::Date::now() - last_use.get_value();
        if lock.phase_untracked() == Phase::Unlocked
            && idle >= f64::from(record.auto_lock_seconds) * 1000.0
        {
            let _ = state.flush();
            lock.lock_here();
        }
    };
    let used = move |_| last_use.set_value(js_sys::Date::now());
    let listeners = [
        window_event_listener_untyped("pointerdown", used),
        window_event_listener_untyped("keydown", used),
        window_event_listener_untyped("input", used),
        window_event_listener_untyped("visibilitychange", move |_| check()),
    ];
    let timer = set_interval_with_handle(check, Duration::from_secs(1)).ok();
    on_cleanup(move || {
        listeners.into_iter().for_each(|l| l.remove());
        if let Some(timer) = timer {
            timer.clear();
        }
    });
    // After the first render, so that the page's fields exist.
    request_animation_frame(move || draft::restore(&lock.store()));
}
