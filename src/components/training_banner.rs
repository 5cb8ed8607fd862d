//! While a tab works in the training sandbox: a banner on every screen that says so, with
//! "Start over" and "Leave training".

use leptos::prelude::*;

use crate::components::confirm_dialog::ConfirmDialog;
use crate::i18n::use_i18n;
use crate::routes::{Route, use_go};
use crate::state::AppState;
use crate::state::use_state;
use crate::storage::kv::KvError;
use crate::storage::space::Space;

/// Opens the training caseload in this tab (nothing happens if it is open already).
pub fn open_training(state: AppState) -> Result<(), KvError> {
    if state.space() == Space::Training {
        return Ok(());
    }
    state.switch_to(Space::Training)
}

#[component]
pub fn TrainingBanner() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let navigate = use_go();
    let status = RwSignal::new(None::<&'static str>);
    let confirm = RwSignal::new(false);
    let leave = move |_| match state.switch_to(Space::Real) {
        Ok(()) => navigate(&Route::Training.href(), Default::default()),
        Err(_) => status.set(Some(i18n.t().workshop_sandbox_failed())),
    };
    let start_over = Callback::new(move |()| {
        status.set(Some(match state.start_training_over() {
            Ok(()) => i18n.t().workshop_sandbox_reset_done(),
            Err(_) => i18n.t().workshop_sandbox_failed(),
        }));
    });
    view! {
        <Show when=move || state.space() == Space::Training>
            <aside class="training-banner" aria-labelledby="training-banner-title">
                <p>
                    <strong id="training-banner-title">
                        {i18n.text(|t| t.workshop_sandbox_banner())}
                    </strong>
                    " "
                    {i18n.text(|t| t.workshop_sandbox_banner_note())}
                </p>
                <div class="actions">
                    <button
                        type="button"
                        class="button secondary"
                        on:click=move |_| confirm.set(true)
                    >
                        {i18n.text(|t| t.workshop_sandbox_start_over())}
                    </button>
                    <button type="button" class="button" on:click=leave.clone()>
                        {i18n.text(|t| t.workshop_sandbox_leave())}
                    </button>
                </div>
                <p class="status" role="status">
                    {move || status.get()}
                </p>
                <ConfirmDialog
                    open=confirm
                    message=Signal::derive(move || {
                        i18n.t().workshop_sandbox_start_over_confirm().to_owned()
                    })
                    confirm_label=Signal::derive(move || {
                        i18n.t().workshop_sandbox_start_over().to_owned()
                    })
                    cancel_label=Signal::derive(move || i18n.t().caseload_cancel().to_owned())
                    on_confirm=start_over
                />
            </aside>
        </Show>
    }
}
