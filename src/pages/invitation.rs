use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::browser;
use crate::domain::caseload::Caseload;
use crate::domain::error::ModelError;
use crate::domain::handover::HandoverError;
use crate::domain::handover::codec::Invitation;
use crate::domain::language::Language;
use crate::domain::settings::DeviceRole;
use crate::handover::error_text;
use crate::handover::link::take_fragment;
use crate::i18n::use_i18n;
use crate::routes::{Route, her_part_route, use_go};
use crate::state::use_state;
use crate::storage::preferences;

/// `/invitation#…`: a participant opens her counsellor's invitation on her own phone. A round
/// that already answers it continues; otherwise she starts one, or sends a finished round
/// this phone never sent.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let navigate = use_go();
    // The invitation says which language her part is in, and her counsellor's (invite.rs).
    let query = use_query_map();
    let (hers, counsellor) = query.with_untracked(|q| {
        let language = |name| q.get(name).as_deref().and_then(Language::from_tag);
        (language("lang"), language("with"))
    });
    if let Some(hers) = hers.filter(|l| *l != i18n.language_untracked()) {
        i18n.set_language(hers);
    }
    if let Some(counsellor) = counsellor {
        preferences::save_second_language(counsellor);
    }
    let invitation: Result<Invitation, HandoverError> =
        take_fragment().map_or(Err(HandoverError::Empty), |text| Invitation::decode(&text));
    // Opened before: continue where she was.
    if let Ok(invitation) = &invitation {
        let known = state.read(|d| {
            d.answering_round(invitation)
                .map(|r| her_part_route(r).href())
        });
        if let Some(path) = known {
            let navigate = navigate.clone();
            request_animation_frame(move || navigate(&path, Default::default()));
        }
    }
    let invitation = StoredValue::new(invitation);
    let start = {
        let navigate = navigate.clone();
        move |_| {
            let Ok(invitation) = invitation.get_value() else {
                return;
            };
            let round = browser::new_id();
            let me = i18n.t().handover_me();
            let begun = state.change(|d| {
                let person = own_person(d, me)?;
                d.begin_own_round(&person, round.clone(), browser::today(), browser::now())?;
                d.answer_invitation(&invitation, &round, browser::now())
            });
            if begun.is_ok() {
                navigate(
                    &Route::Question {
                        round: &round,
                        number: 1,
                        from_summary: false,
                    }
                    .href(),
                    Default::default(),
                );
            }
        }
    };
    let earlier = move || {
        state.read(|d| {
            d.unsent_finished_rounds()
                .first()
                .map(|r| (r.id.clone(), r.date))
        })
    };
    move || {
        let t = i18n.t();
        let error = invitation.with_value(|i| i.as_ref().err().cloned());
        if let Some(error) = error {
            let message = match error {
                HandoverError::Empty => t.handover_invitation_missing(),
                other => error_text(t, &other),
            };
            return view! {
                <h1>{t.handover_invitation_title()}</h1>
                <p class="error" role="alert">
                    {message}
                </p>
                <p>
                    <A href=Route::Participant.href() attr:class="button secondary">
                        {t.self_title()}
                    </A>
                </p>
            }
            .into_any();
        }
        let send_earlier = earlier().map(|(round, date)| {
            let navigate = navigate.clone();
            let date = t.date(date);
            let send = move |_| {
                let Ok(invitation) = invitation.get_value() else {
                    return;
                };
                let linked =
                    state.change(|d| d.answer_invitation(&invitation, &round, browser::now()));
                if linked.is_ok() {
                    navigate(&Route::Thanks(&round).href(), Default::default());
                }
            };
            view! {
                <section class="panel">
                    <p>{t.handover_invitation_earlier(&date)}</p>
                    <button type="button" class="button secondary" on:click=send>
                        {t.handover_invitation_send_earlier(&date)}
                    </button>
                </section>
            }
        });
        view! {
            <h1>{t.handover_invitation_title()}</h1>
            <p class="lead">{t.handover_invitation_intro()}</p>
            <p>{t.handover_invitation_private()}</p>
            <div class="actions">
                <button type="button" class="button" on:click=start.clone()>
                    {t.self_start()}
                </button>
            </div>
            {send_earlier}
        }
        .into_any()
    }
}

/// The person this phone answers for: its own one if it has exactly one, else a new one. The
/// counsellor knows who is invited, so the phone needs no name; `me` is what it shows.
fn own_person(d: &mut Caseload, me: &str) -> Result<String, ModelError> {
    let own = d.settings().device_role == Some(DeviceRole::Participant);
    if own && let [person] = d.participants() {
        return Ok(person.id.clone());
    }
    let id = browser::new_id();
    d.add_own_person(id.clone(), me, browser::today())?;
    Ok(id)
}
