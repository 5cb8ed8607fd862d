//! On the phone's thanks page: the participant's answers, sealed to her counsellor's device,
//! offered as a QR code to show, a link to send and a file to save.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::error_text;
use super::link::link_to;
use super::qr::{QrImage, qr_path};
use super::seal::seal;
use super::share::CopyLink;
use crate::domain::handover::codec::ReplyContent;
use crate::i18n::use_i18n;
use crate::routes::Route;
use crate::state::use_state;

/// Shown when the round answers an invitation and is finished; nothing otherwise. Sealing
/// happens here on the phone: what leaves it opens only on the inviting device.
#[component]
pub fn SendReply(round_id: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let to_seal = move || {
        state.read(|d| {
            let round = d.round(&round_id.get())?;
            let part = round.participant_part.as_ref()?;
            let completed = part.completed?;
            let invitation = d.invitation_of_round(&round.id)?;
            let content = ReplyContent {
                completed,
                answers: part.answers.clone(),
            };
            Some((invitation, content))
        })
    };
    let sealed = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some((invitation, content)) = to_seal() {
            spawn_local(async move {
                sealed.set(Some(seal(&invitation, &content).await.map(|r| r.encode())));
            });
        }
    });
    let showing = RwSignal::new(false);
    let saved = RwSignal::new(false);
    move || {
        to_seal()?;
        let t = i18n.t();
        let body = match sealed.get() {
            None => view! { <p role="status">{t.handover_sealing()}</p> }.into_any(),
            Some(Err(error)) => view! {
                <p class="error" role="alert">
                    {error_text(t, &error)}
                </p>
            }
            .into_any(),
            Some(Ok(payload)) => {
                let link = link_to(Route::Receive, &payload);
                let fits = qr_path(&payload).is_some();
                let file = link.clone();
                let save = move |_| {
                    super::link::save_as_file("stegvis", &file);
                    saved.set(true);
                };
                view! {
                    {if fits {
                        view! {
                            <button
                                type="button"
                                class="button"
                                aria-expanded=move || showing.get().to_string()
                                on:click=move |_| showing.update(|s| *s = !*s)
                            >
                                {t.handover_send_show()}
                            </button>
                            <Show when=move || showing.get()>
                                <p>{i18n.text(|t| t.handover_send_show_help())}</p>
                                <div class="handover-code reply-code">
                                    <QrImage
                                        text=payload.clone()
                                        label=i18n.t().handover_send_qr_label().to_owned()
                                    />
                                </div>
                            </Show>
                        }
                            .into_any()
                    } else {
                        view! { <p class="warning">{t.handover_send_too_long()}</p> }.into_any()
                    }}
                    <h3 class="send-option">{t.handover_send_message()}</h3>
                    <CopyLink link=link label=t.handover_send_link_label() />
                    <button type="button" class="button secondary" on:click=save>
                        {t.handover_send_file()}
                    </button>
                    <Show when=move || saved.get()>
                        <p role="status">{i18n.text(|t| t.handover_send_file_saved())}</p>
                    </Show>
                }
                .into_any()
            }
        };
        Some(view! {
            <section class="panel handover" aria-labelledby="send-heading">
                <h2 id="send-heading">{t.handover_send_heading()}</h2>
                <p>{t.handover_send_what()}</p>
                {body}
            </section>
        })
    }
}
