use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::handed_over::{GiveBack, use_handed_over};
use crate::components::her_progress::HerProgress;
use crate::domain::assessment::FilledBy;
use crate::handover::send::SendReply;
use crate::i18n::use_i18n;
use crate::routes::{Route, use_round_id};
use crate::state::use_state;

/// `/round/:rid/thanks` in the whole app: the answers are saved; sent back if they answer an
/// invitation; hand the device back if it was handed over.
#[component]
pub fn ThanksPage() -> impl IntoView {
    let rid = use_round_id();
    view! {
        <Thanks
            give_back=ViewFn::from(|| view! { <GiveBack /> })
            send_reply=ViewFn::from(move || view! { <SendReply round_id=Signal::from(rid) /> })
        />
    }
}

/// `/round/:rid/thanks` in her own app, which never runs in a handed-over tab (index.html starts
/// the whole app there): without "give the device back", and so without the lock's passphrase
/// check in her wasm; and without sending a reply, which the whole app does (a round that
/// answers an invitation reloads there: `participant_app`), so no sealing or QR code either.
#[component]
pub fn HerThanksPage() -> impl IntoView {
    view! { <Thanks give_back=ViewFn::from(|| ()) send_reply=ViewFn::from(|| ()) /> }
}

#[component]
fn Thanks(give_back: ViewFn, send_reply: ViewFn) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let rid = use_round_id();
    let handed = use_handed_over();
    let participant = Memo::new(move |_| {
        state.read(|d| {
            d.round(&rid.get())
                .map(|r| r.participant_id.clone())
                .unwrap_or_default()
        })
    });
    let handed_over_by = move || {
        state.read(|d| {
            d.round(&rid.get())
                .filter(|r| {
                    r.participant_part
                        .as_ref()
                        .is_some_and(|p| p.filled_by == FilledBy::CounsellorWithParticipant)
                })
                .map(|r| r.participant_id.clone())
        })
    };
    view! {
        <h1>{i18n.text(|t| t.questions_thanks_title())}</h1>
        <p class="lead">{i18n.text(|t| t.questions_thanks_text())}</p>
        {send_reply.run()}
        <HerProgress pid=participant />
        {move || match handed_over_by() {
            Some(_) if handed.is_on() => {
                view! {
                    <p class="warning">{i18n.t().self_give_back()}</p>
                    {give_back.run()}
                }
                    .into_any()
            }
            Some(participant) => {
                view! {
                    <p class="warning">{i18n.t().self_give_back()}</p>
                    <p>
                        <A href=Route::Person(&participant).href() attr:class="button">
                            {i18n.t().self_back_to_participant()}
                        </A>
                    </p>
                }
                    .into_any()
            }
            None => {
                view! {
                    <p>
                        <A href=Route::Home.href() attr:class="button">
                            {i18n.t().self_back_home()}
                        </A>
                    </p>
                }
                    .into_any()
            }
        }}
    }
}
