//! On the phone's thanks page: the participant's answers, sealed to her counsellor's device,
//! offered as a QR code to show, a link to send and a file to save.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::error_text;
use super::link::link_to;
use super::qr::{QrImage, qr_path};
use super::seal::{new_device_key, seal};
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
            Some((invitation, content, d.handover().device_key.clone()))
        })
    };
    let sealed = RwSignal::new(None);
    Effect::new(move |_| {
        let Some((invitation, content, key)) = to_seal() else {
            return;
        };
        spawn_local(async move {
            let key = match key {
                Some(key) => key,
                // Her phone's own key pair, made on its first reply and kept, so that her
                // plan can later be sealed to it. Once kept, this runs again with it.
                None => match new_device_key().await {
                    Ok(key) => {
                        let kept = state.change(|d| {
                            d.keep_device_key(key.clone());
                            Ok(())
                        });
                        if kept.is_ok() {
                            return;
                        }
                        // Not kept (the store says why): the answers still go; her plan
                        // will then need the digits.
                        key
                    }
                    Err(error) => return sealed.set(Some(Err(error))),
                },
            };
            sealed.set(Some(
                seal(&invitation, &content, &key).await.map(|r| r.encode()),
            ));
        });
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
