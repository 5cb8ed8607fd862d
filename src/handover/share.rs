//! A link to hand on: shown in full, with Copy and, where the browser has one, the share sheet.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::link::{can_share, copy, share};
use crate::i18n::use_i18n;

#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Yes,
    Failed,
}

#[component]
pub fn CopyLink(link: String, label: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(Copied::Not);
    let link = StoredValue::new(link);
    let on_copy = move |_| {
        spawn_local(async move {
            let done = copy(&link.get_value()).await;
            copied.set(if done { Copied::Yes } else { Copied::Failed });
        });
    };
    let on_share = move |_| {
        spawn_local(async move {
            share(i18n.t().common_app_name(), &link.get_value()).await;
        });
    };
    let id = "handover-link";
    view! {
        <label for=id class="link-label">
            {label}
        </label>
        <input id=id class="link-text" type="text" readonly prop:value=link.get_value() />
        <div class="actions">
            <button type="button" class="button secondary" on:click=on_copy>
                {i18n.text(|t| t.handover_copy())}
            </button>
            {can_share()
                .then(|| {
                    view! {
                        <button type="button" class="button secondary" on:click=on_share>
                            {i18n.text(|t| t.handover_share())}
                        </button>
                    }
                })}
        </div>
        <p role="status" class="help">
            {move || match copied.get() {
                Copied::Not => "",
                Copied::Yes => i18n.t().handover_copied(),
                Copied::Failed => i18n.t().handover_copy_failed(),
            }}
        </p>
    }
}
