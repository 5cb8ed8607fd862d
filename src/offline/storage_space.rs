//! The browser's promise to keep the data (`navigator.storage.persist()`), and how much room
//! there is (`navigator.storage.estimate()`), for the data page.

use leptos::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{StorageEstimate, StorageManager};

use super::bytes::readable_size;
use super::navigator_part;
use super::service_worker;
use crate::i18n::use_i18n;
use crate::state::use_state;
use crate::storage::device_store::DeviceStore;
use crate::storage::records;
use crate::storage::space::SpacedStore;

fn manager() -> Option<StorageManager> {
    navigator_part("storage")
}

/// Whether the browser has promised to keep this site's data; None if it cannot say.
async fn is_kept() -> Option<bool> {
    let asked = manager()?.persisted().ok()?;
    JsFuture::from(asked).await.ok()?.as_bool()
}

/// Asks the browser to keep this site's data; whether it promised. (Chromium decides by itself,
/// Firefox asks the person.)
async fn ask_to_keep() -> Option<bool> {
    let asked = manager()?.persist().ok()?;
    JsFuture::from(asked).await.ok()?.as_bool()
}

/// Bytes used by this site and bytes still free for it, as the browser reckons them.
async fn room() -> Option<(f64, f64)> {
    let asked = manager()?.estimate().ok()?;
    let estimate: StorageEstimate = JsFuture::from(asked).await.ok()?.into();
    let used = estimate.get_usage().unwrap_or_default();
    Some((used, (estimate.get_quota()? - used).max(0.0)))
}

/// Asks the browser to keep the data the first time there is data worth keeping.
pub fn keep_once_there_is_data() {
    let state = use_state();
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        if asked.get_value() || state.read(|d| d.participants().is_empty()) {
            return;
        }
        asked.set_value(true);
        spawn_local(async {
            if is_kept().await == Some(false) {
                let _ = ask_to_keep().await;
            }
        });
    });
}

/// The data page's section on space and safekeeping.
#[component]
pub fn StorageSpace() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let kept = RwSignal::new(None::<bool>);
    let space = RwSignal::new(None::<(f64, f64)>);
    let works_offline = RwSignal::new(false);
    let measure = move || {
        spawn_local(async move {
            kept.set(is_kept().await);
            space.set(room().await);
        })
    };
    measure();
    service_worker::when_ready(move || works_offline.set(true));
    let ask = move |_| {
        spawn_local(async move {
            kept.set(ask_to_keep().await);
            space.set(room().await);
        })
    };
    let size = move |bytes: f64| readable_size(bytes, i18n.t().offline_decimal_mark());
    let data_size = move || {
        state.read(|_| ()); // measure again after every change
        // What is stored, sealed or not, read without opening it: sealed records would
        // otherwise be decrypted, every one, at each change.
        let bytes = records::stored_size(&SpacedStore::new(DeviceStore, state.space()));
        i18n.t().offline_data_size(size(bytes as f64))
    };
    view! {
        <section class="panel storage-space" aria-labelledby="space-heading">
            <h2 id="space-heading">{i18n.text(|t| t.offline_space_heading())}</h2>
            <Show when=move || works_offline.get()>
                <p class="works-offline">{i18n.text(|t| t.offline_works_offline())}</p>
            </Show>
            <p>{data_size}</p>
            {move || {
                space
                    .get()
                    .map(|(used, free)| {
                        let text = i18n.t().offline_space_used(size(free), size(used));
                        view! { <p class="space-used">{text}</p> }
                    })
            }}
            {move || match kept.get() {
                Some(true) => {
                    Some(
                        view! { <p class="kept">{i18n.text(|t| t.offline_kept_yes())}</p> }
                            .into_any(),
                    )
                }
                Some(false) => {
                    Some(
                        view! {
                            <p class="warning">{i18n.text(|t| t.offline_kept_no())}</p>
                            <button type="button" class="button secondary" on:click=ask>
                                {i18n.text(|t| t.offline_kept_ask())}
                            </button>
                        }
                            .into_any(),
                    )
                }
                None => None,
            }}
        </section>
    }
}
