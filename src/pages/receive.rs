use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::browser;
use crate::domain::handover::HandoverError;
use crate::domain::handover::book::Received;
use crate::domain::handover::codec::{ReplyContent, SealedReply};
use crate::domain::questionnaire::ParticipantItem;
use crate::handover::camera::CameraScan;
use crate::handover::error_text;
use crate::handover::link::on_payload;
use crate::handover::paste_or_file::PasteOrFile;
use crate::handover::seal::open;
use crate::i18n::{TextWith, Texts, use_i18n};
use crate::routes::Route;
use crate::state::use_state;

/// An opened reply, before the counsellor adds it.
#[derive(Clone)]
struct Opened {
    invitation_id: [u8; 16],
    content: ReplyContent,
    /// Her phone's own key, where the reply brought it: her plan can be sealed to it.
    phone_key: Option<[u8; 65]>,
}

#[derive(Clone)]
enum Step {
    Waiting,
    Opening,
    Refused(HandoverError),
    Preview(Opened),
    Done(Received, [u8; 16]),
}

/// `/receive`: the counsellor's device opens a participant's sealed answers (from the phone's
/// code, a link or a file), shows them, and on "Add" stores them in the invited round.
#[component]
pub fn ReceivePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let step = RwSignal::new(Step::Waiting);
    let receive = Callback::new(move |text: String| {
        let reply = match SealedReply::decode(&text) {
            Ok(reply) => reply,
            Err(error) => return step.set(Step::Refused(error)),
        };
        let key = state.read(|d| {
            d.sent_invitation(&reply.invitation_id)?;
            d.handover().device_key.clone()
        });
        let Some(key) = key else {
            return step.set(Step::Refused(HandoverError::NotForThisDevice));
        };
        step.set(Step::Opening);
        spawn_local(async move {
            step.set(match open(&reply, &key).await {
                Ok(content) => Step::Preview(Opened {
                    invitation_id: reply.invitation_id,
                    content,
                    phone_key: reply.kept_phone_key(),
                }),
                Err(error) => Step::Refused(error),
            });
        });
    });
    on_payload(move |text| receive.run(text));
    let add = move |opened: Opened| {
        let outcome = state.change(|d| {
            Ok(d.receive_reply(
                &opened.invitation_id,
                &opened.content,
                opened.phone_key.as_ref(),
                browser::now(),
            ))
        });
        match outcome {
            Ok(Ok(received)) => step.set(Step::Done(received, opened.invitation_id)),
            Ok(Err(error)) => step.set(Step::Refused(error)),
            Err(_) => {}
        }
    };
    view! {
        <h1>{i18n.text(|t| t.handover_receive_title())}</h1>
        <p class="lead">{i18n.text(|t| t.handover_receive_intro())}</p>
        <section
            class=move || match step.get() {
                Step::Waiting => "handover",
                _ => "panel handover",
            }
            aria-live="polite"
        >
            {move || {
                let t = i18n.t();
                match step.get() {
                    Step::Waiting => ().into_any(),
                    Step::Opening => {
                        view! { <p role="status">{t.handover_receive_opening()}</p> }.into_any()
                    }
                    Step::Refused(error) => {
                        view! {
                            <p class="error" role="alert">
                                {error_text(t, &error)}
                            </p>
                        }
                            .into_any()
                    }
                    Step::Preview(opened) => {
                        view! { <Preview opened=opened on_add=Callback::new(add) /> }.into_any()
                    }
                    Step::Done(received, id) => {
                        let target = state
                            .read(|d| {
                                let sent = d.sent_invitation(&id)?;
                                let round = d.round(&sent.round_id)?;
                                let person = d.participant(&round.participant_id)?;
                                Some((
                                    person.id.clone(),
                                    person.display_name.clone(),
                                    t.date(round.date),
                                ))
                            });
                        let message: TextWith<String> = match received {
                            Received::Added => Texts::handover_receive_added,
                            Received::AlreadyThere => Texts::handover_receive_already,
                        };
                        view! {
                            <p role="status" class="done">
                                {target.as_ref().map(|(_, _, date)| message(t, date.clone()))}
                            </p>
                            {target
                                .map(|(pid, name, _)| {
                                    view! {
                                        <A href=Route::Person(&pid).href() attr:class="button">
                                            {t.handover_back_to(&name)}
                                        </A>
                                    }
                                })}
                        }
                            .into_any()
                    }
                }
            }}
        </section>
        <section class="panel">
            <h2>{i18n.text(|t| t.handover_receive_code_heading())}</h2>
            <CameraScan on_text=Callback::new(move |text| {
                receive.run(text);
                true
            }) />
        </section>
        <section class="panel">
            <h2>{i18n.text(|t| t.handover_receive_link_heading())}</h2>
            <PasteOrFile
                id="reply-text"
                label=|t| t.handover_receive_paste_label()
                open=|t| t.handover_receive_open()
                file=|t| t.handover_receive_file_label()
                on_text=receive
                on_unreadable=Callback::new(move |()| {
                    step.set(Step::Refused(HandoverError::NotStegvis))
                })
            />
        </section>
    }
}

/// Who, which round and the answers, before anything is stored.
#[component]
fn Preview(opened: Opened, on_add: Callback<Opened>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let t = i18n.t();
    let heading = state.read(|d| {
        let sent = d.sent_invitation(&opened.invitation_id)?;
        let round = d.round(&sent.round_id)?;
        let person = d.participant(&round.participant_id)?;
        Some(t.handover_receive_from(t.date(round.date), &person.display_name))
    });
    let rows = ParticipantItem::ALL
        .into_iter()
        .map(|item| {
            let answer = opened.content.answers.get(&item);
            let value = match answer.map(|a| a.value) {
                None => t.questions_not_answered().to_owned(),
                Some(None) => t.questions_rather_not().to_owned(),
                Some(Some(v)) => format!(
                    "{}. {}",
                    v.get(),
                    t.steps(item.id())[usize::from(v.get()) - 1]
                ),
            };
            let comment = answer.and_then(|a| a.comment.clone());
            view! {
                <li class="summary-item">
                    <div>
                        <h3>{t.item_short(item)}</h3>
                        <p>{value}</p>
                        {comment.map(|c| view! { <p class="comment-text">{c}</p> })}
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <h2>{heading}</h2>
        <ul class="summary-list">{rows}</ul>
        <button type="button" class="button" on:click=move |_| on_add.run(opened.clone())>
            {t.handover_receive_add()}
        </button>
    }
}
