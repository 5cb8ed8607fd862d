//! The counsellor's device in the participant's hands: while a tab is handed over for one
//! round, her questions, her summary and "give the device back" are all it leads to. Kept in
//! this tab's sessionStorage, so a reload (or locking and unlocking) keeps her in her part.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_location;

use crate::browser;
use crate::components::refusal::withdraw_on_input;
use crate::i18n::use_i18n;
use crate::lock::session::LockFailure;
use crate::lock::settings::failure_text;
use crate::lock::{Phase, use_lock};
use crate::routes::{ReadRoute, Route, RouteOf, her_part_route, use_go};
use crate::state::use_state;
use crate::storage::browser_store;

/// Which round this tab is handed over for, if it is.
#[derive(Clone, Copy)]
pub struct HandedOver(RwSignal<Option<String>>);

impl HandedOver {
    pub fn provide() -> HandedOver {
        let handed = HandedOver(RwSignal::new(browser_store::handed_over()));
        provide_context(handed);
        handed
    }

    pub fn round(&self) -> Option<String> {
        self.0.get()
    }

    pub fn is_on(&self) -> bool {
        self.0.with(Option::is_some)
    }

    /// The counsellor gives the device to the participant for her part of `round_id`.
    pub fn begin(&self, round_id: &str) {
        browser_store::set_handed_over(Some(round_id));
        self.0.set(Some(round_id.to_owned()));
    }

    fn end(&self) {
        browser_store::set_handed_over(None);
        self.0.set(None);
    }
}

pub fn use_handed_over() -> HandedOver {
    expect_context::<HandedOver>()
}

/// Whether `path` (below the app's base) is one of her screens for `round_id`: a question,
/// the summary, the thanks.
fn hers(path: &str, round_id: &str) -> bool {
    match ReadRoute::parse(path) {
        Some(
            RouteOf::Question { round, .. } | RouteOf::Summary(round) | RouteOf::Thanks(round),
        ) => round == round_id,
        _ => false,
    }
}

/// While handed over: a note and "give the device back" above her screens (the thanks page
/// has its own), and any other screen (the browser's Back, a typed address) is taken back to
/// where her part stands.
#[component]
pub fn KeepInHerPart() -> impl IntoView {
    let i18n = use_i18n();
    let handed = use_handed_over();
    let state = use_state();
    let pathname = use_location().pathname;
    let navigate = use_go();
    Effect::new(move |_| {
        let Some(round_id) = handed.round() else {
            return;
        };
        let path = pathname.get();
        if hers(browser::below_base(&path), &round_id) {
            return;
        }
        let target = state.read(|d| d.round(&round_id).map(|r| her_part_route(r).href()));
        match target {
            Some(target) => navigate(
                &target,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            ),
            // The round is gone (deleted in another tab): nothing is left to keep her in.
            None => handed.end(),
        }
    });
    // Her language while the device is hers: hers as chosen for her (again after a reload),
    // and a language she picks in the switch is remembered as hers.
    let participant = move || {
        handed
            .round()
            .and_then(|rid| state.read(|d| d.round(&rid).map(|r| r.participant_id.clone())))
    };
    Effect::new(move |applied: Option<bool>| {
        let language = i18n.language();
        let Some(pid) = participant() else {
            return false;
        };
        let hers = state.read(|d| d.participant(&pid).and_then(|p| p.her_language()));
        match (applied, hers) {
            (Some(true), hers) if hers != Some(language) => {
                let _ = state.change(|d| d.set_her_language(&pid, Some(language)));
            }
            (None | Some(false), Some(hers)) if hers != language => i18n.set_language(hers),
            _ => {}
        }
        true
    });
    let on_thanks = move || {
        pathname.with(|path| {
            matches!(
                ReadRoute::parse(browser::below_base(path)),
                Some(RouteOf::Thanks(_))
            )
        })
    };
    view! {
        <Show when=move || handed.is_on() && !on_thanks()>
            <aside class="handed-over" aria-labelledby="handed-over-note">
                <p id="handed-over-note">{i18n.text(|t| t.dialogue_handed_over_note())}</p>
                <GiveBack />
            </aside>
        </Show>
    }
}

/// "Give the device back": a deliberate tap, and the passphrase when the data is locked with one.
/// Leads to the participant's page on the counsellor's side.
#[component]
pub fn GiveBack() -> impl IntoView {
    let i18n = use_i18n();
    let handed = use_handed_over();
    let state = use_state();
    let lock = use_lock();
    let navigate = use_go();
    let asking = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<LockFailure>);
    let busy = RwSignal::new(false);
    let needs_passphrase = move || lock.phase() == Phase::Unlocked;
    let hand_back = Callback::new(move |()| {
        let participant = handed
            .round()
            .and_then(|rid| state.read(|d| d.round(&rid).map(|r| r.participant_id.clone())));
        handed.end();
        // The device's own language again.
        i18n.set_language(crate::initial_language());
        let path =
            participant.map_or_else(|| Route::Caseload.href(), |pid| Route::Person(&pid).href());
        navigate(&path, Default::default());
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !needs_passphrase() {
            return hand_back.run(());
        }
        busy.set(true);
        spawn_local(async move {
            match lock.confirm(&passphrase.get_untracked()).await {
                Ok(()) => hand_back.run(()),
                Err(failure) => refused.set(Some(failure)),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="give-back">
            <Show
                when=move || asking.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="button secondary"
                            on:click=move |_| asking.set(true)
                        >
                            {i18n.text(|t| t.dialogue_give_back())}
                        </button>
                    }
                }
            >
                <form class="give-back-form" on:submit=submit on:input=withdraw_on_input(refused)>
                    <p>{i18n.text(|t| t.dialogue_give_back_question())}</p>
                    <Show when=needs_passphrase>
                        <label for="give-back-passphrase">
                            {i18n.text(|t| t.dialogue_give_back_passphrase())}
                        </label>
                        <input
                            id="give-back-passphrase"
                            type="password"
                            autocomplete="current-password"
                            bind:value=passphrase
                        />
                    </Show>
                    {move || {
                        refused
                            .get()
                            .map(|failure| {
                                view! {
                                    <p class="error" role="alert">
                                        {failure_text(i18n.t(), &failure)}
                                    </p>
                                }
                            })
                    }}
                    <div class="actions">
                        <button type="submit" class="button" disabled=move || busy.get()>
                            {i18n.text(|t| t.dialogue_give_back_yes())}
                        </button>
                        <button
                            type="button"
                            class="button secondary"
                            on:click=move |_| asking.set(false)
                        >
                            {i18n.text(|t| t.caseload_cancel())}
                        </button>
                    </div>
                </form>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::hers;

    #[test]
    fn only_her_screens_of_her_round_are_hers() {
        for path in [
            "/round/r1/answer/1",
            "/round/r1/answer/8?from=summary",
            "/round/r1/summary",
            "/round/r1/thanks",
        ] {
            assert!(hers(path, "r1"), "{path}");
        }
        for path in [
            "/",
            "/counsellor/p1",
            "/round/r1/counsellor",
            "/round/r1/invite",
            "/round/r2/summary",
            "/round/r11/summary",
            "/stegvis/round/r1/answer/8",
            "/data",
        ] {
            assert!(!hers(path, "r1"), "{path}");
        }
    }
}
