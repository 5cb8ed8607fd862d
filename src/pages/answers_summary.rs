use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser;
use crate::components::her_progress::HerProgress;
use crate::components::round_missing::RoundMissing;
use crate::domain::questionnaire::ParticipantItem;
use crate::i18n::use_i18n;
use crate::routes::{Route, use_go, use_round_id};
use crate::state::use_state;

/// `/round/:rid/summary`: every answer at a glance, each one changeable, then "done".
#[component]
pub fn SummaryPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let navigate = use_go();
    let round_id = use_round_id();
    let answers = move || {
        state.read(|d| {
            d.round(&round_id.get()).map(|r| {
                r.participant_part
                    .as_ref()
                    .map(|p| p.answers.clone())
                    .unwrap_or_default()
            })
        })
    };
    let done = move |_| {
        let rid = round_id.get_untracked();
        if state
            .change(|d| d.complete_participant_part(&rid, browser::now()))
            .is_ok()
        {
            navigate(&Route::Thanks(&rid).href(), Default::default());
        }
    };
    let participant = Memo::new(move |_| {
        state.read(|d| d.round(&round_id.get()).map(|r| r.participant_id.clone()))
    });
    let pid = Memo::new(move |_| participant.get().unwrap_or_default());
    let page = move || {
        let Some(answers) = answers() else {
            return view! { <RoundMissing /> }.into_any();
        };
        let t = i18n.t();
        let rid = round_id.get();
        let rows = ParticipantItem::ALL
            .into_iter()
            .enumerate()
            .map(|(index, item)| {
                let answer = t.answer_text(item, answers.get(&item));
                let comment = answers.get(&item).and_then(|a| a.comment.clone());
                // Back to this summary after the changed answer, not on to the next question.
                let change = Route::Question {
                    round: &rid,
                    number: index + 1,
                    from_summary: true,
                }
                .href();
                view! {
                    <li class="summary-item">
                        <div>
                            <h2>{t.item_short(item)}</h2>
                            <p>{answer}</p>
                            {comment.map(|c| view! { <p class="comment-text">{c}</p> })}
                        </div>
                        <A
                            href=change
                            attr:class="button secondary"
                            attr:aria-label=format!(
                                "{}: {}",
                                t.questions_change(),
                                t.item_short(item),
                            )
                        >
                            {t.questions_change()}
                        </A>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h1>{t.questions_summary_title()}</h1>
            <p class="lead">{t.questions_summary_intro()}</p>
            <ul class="summary-list">{rows}</ul>
            <div class="actions">
                <button type="button" class="button" on:click=done.clone()>
                    {t.questions_done()}
                </button>
            </div>
        }
        .into_any()
    };
    // Beside the list, not in it: the diagram is built once, and follows the answers itself.
    view! {
        {page}
        <Show when=move || participant.with(Option::is_some)>
            <HerProgress pid=pid />
        </Show>
    }
}
