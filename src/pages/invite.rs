use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::browser;
use crate::components::round_missing::RoundMissing;
use crate::domain::handover::codec::{Invitation, from_base64url, id_from_hex};
use crate::domain::language::Language;
use crate::handover::error_text;
use crate::handover::link::link_with_query;
use crate::handover::qr::QrImage;
use crate::handover::seal::new_device_key;
use crate::handover::share::CopyLink;
use crate::i18n::use_i18n;
use crate::routes::{Route, use_round_id};
use crate::state::use_state;

/// `/round/:rid/invite`: the counsellor's device shows an invitation to answer this round on
/// the participant's own phone, as a QR code and a link. It is made once per round, with this
/// device's key pair (made on the first invitation).
#[component]
pub fn InvitePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let rid = use_round_id();
    let failed = RwSignal::new(None);
    let started = StoredValue::new(false);
    // The invitation as a link, once this device has a key and an invitation for the round.
    let link = Memo::new(move |_| {
        state.read(|d| {
            let sent = d.invitation_for_round(&rid.get())?;
            let public = from_base64url(&d.handover().device_key.as_ref()?.public_raw)?;
            let invitation = Invitation {
                id: id_from_hex(&sent.id)?,
                public_key: public.try_into().ok()?,
            };
            // Her language, if one was chosen for her, and the counsellor's, for "show in two
            // languages" on her phone.
            let hers = d
                .round(&rid.get())
                .and_then(|r| d.participant(&r.participant_id))
                .and_then(|p| p.her_language());
            let query = invitation_query(hers, i18n.language());
            Some(link_with_query(
                Route::Invitation,
                &query,
                &invitation.encode(),
            ))
        })
    });
    Effect::new(move |_| {
        let round = rid.get();
        let needed =
            state.read(|d| d.round(&round).is_some() && d.invitation_for_round(&round).is_none());
        if !needed || started.get_value() {
            return;
        }
        started.set_value(true);
        spawn_local(async move {
            let existing = state.read(|d| d.handover().device_key.clone());
            let key = match existing {
                Some(key) => key,
                None => match new_device_key().await {
                    Ok(key) => key,
                    Err(error) => return failed.set(Some(error)),
                },
            };
            let id = browser::new_id().replace('-', "");
            let _ = state.change(|d| d.invite(id, &round, key, browser::now()));
        });
    });
    let person = move || {
        state.read(|d| {
            let round = d.round(&rid.get())?;
            let person = d.participant(&round.participant_id)?;
            Some((person.id.clone(), person.display_name.clone()))
        })
    };
    move || {
        let t = i18n.t();
        let Some((pid, name)) = person() else {
            return view! { <RoundMissing /> }.into_any();
        };
        let body = match (link.get(), failed.get()) {
            (_, Some(error)) => view! {
                <p class="error" role="alert">
                    {error_text(t, &error)}
                </p>
            }
            .into_any(),
            (None, None) => view! { <p role="status">{t.handover_preparing()}</p> }.into_any(),
            (Some(link), None) => view! {
                <div class="handover-code">
                    <QrImage text=link.clone() label=t.handover_invite_qr_label().to_owned() />
                </div>
                <CopyLink link=link label=t.handover_invite_link_label() />
            }
            .into_any(),
        };
        let (back, title, next) = (
            t.handover_back_to(&name),
            t.handover_invite_title(&name),
            t.handover_invite_next(&name),
        );
        view! {
            <p>
                <A href=Route::Person(&pid).href() attr:class="link-tap">
                    {back}
                </A>
            </p>
            <h1>{title}</h1>
            <p class="lead">{t.handover_invite_intro()}</p>
            <section class="panel handover">{body}</section>
            <p>{next}</p>
            <p>
                <A href=Route::Receive.href() attr:class="button secondary">
                    {t.handover_receive_title()}
                </A>
            </p>
        }
        .into_any()
    }
}

/// The invitation's query: the language her part opens in on her phone, and her counsellor's.
fn invitation_query(hers: Option<Language>, counsellor: Language) -> String {
    match hers {
        Some(hers) => format!("?lang={}&with={}", hers.code(), counsellor.code()),
        None => format!("?with={}", counsellor.code()),
    }
}
