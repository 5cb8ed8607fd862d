use leptos::{html, prelude::*};
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::browser;
use crate::components::handed_over::use_handed_over;
use crate::components::her_language::{second_language, when_loaded};
use crate::components::live_text::live_text;
use crate::components::read_aloud::ReadAloud;
use crate::components::round_missing::RoundMissing;
use crate::components::scale_question::{Beside, ScaleChoice, ScaleQuestion};
use crate::domain::assessment::{FilledBy, ItemAnswer};
use crate::domain::error::MAX_TEXT_CHARS;
use crate::domain::questionnaire::ParticipantItem;
use crate::i18n::{texts, use_i18n};
use crate::routes::{Route, use_question_number, use_round_id};
use crate::state::use_state;

/// `/round/:rid/answer/:n`: one of the eight participant items, one per screen.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let state = use_state();
    let round_id = use_round_id();
    let number = use_question_number();
    let step = Memo::new(move |_| {
        number
            .get()
            .filter(|n| (1..=ParticipantItem::ALL.len()).contains(n))
    });
    let query = use_query_map();
    let from_summary = Memo::new(move |_| query.read().get("from").as_deref() == Some("summary"));
    let exists = Memo::new(move |_| state.read(|d| d.round(&round_id.get()).is_some()));
    let shown = Memo::new(move |_| exists.get() && step.get().is_some());
    let number = Memo::new(move |_| step.get().unwrap_or(1));
    // Built once per round: from one question to the next only what differs is redrawn, which
    // keeps "Next" quick on a slow phone.
    move || {
        if shown.get() {
            view! { <Question round_id=round_id.get() number=number from_summary=from_summary /> }
                .into_any()
        } else {
            view! { <RoundMissing /> }.into_any()
        }
    }
}

#[component]
fn Question(round_id: String, number: Memo<usize>, from_summary: Memo<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let item = Memo::new(move |_| ParticipantItem::ALL[number.get() - 1]);
    let total = ParticipantItem::ALL.len();
    let rid = StoredValue::new(round_id);

    let answer = move || {
        state.read(|d| {
            d.round(&rid.get_value())
                .and_then(|r| r.participant_part.as_ref())
                .and_then(|p| p.answers.get(&item.get()).cloned())
        })
    };
    let selected = Signal::derive(move || answer().map(|a| ScaleChoice::from(&a)));
    // A part opened through a link (not "start" or "hand over") is the participant's own.
    let save = move |answer: ItemAnswer| {
        let _ = state.change(|d| {
            let round = rid.get_value();
            if d.round(&round)
                .is_some_and(|r| r.participant_part.is_none())
            {
                d.start_participant_part(&round, FilledBy::Participant, browser::now())?;
            }
            d.set_participant_answer(&round, item.get_untracked(), answer, browser::now())?;
            d.note_her_wording(&round, i18n.language_untracked(), browser::now())
        });
    };
    let on_select = Callback::new(move |choice: ScaleChoice| {
        if let Ok(chosen) = ItemAnswer::try_from(choice) {
            let comment = answer().and_then(|a| a.comment);
            save(ItemAnswer { comment, ..chosen });
        }
    });
    let comment = live_text(move || answer().and_then(|a| a.comment).unwrap_or_default());
    let on_comment = move |ev| {
        comment.set(event_target_value(&ev));
        if let Some(current) = answer() {
            save(ItemAnswer {
                comment: Some(comment.get_untracked()),
                ..current
            });
        }
    };

    let handed_over = use_handed_over();
    let heading = NodeRef::<html::H1>::new();
    // A new question: move focus to its heading so screen readers announce it.
    Effect::new(move |_| {
        number.track();
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    // "Show in two languages": her counsellor's wording under hers, so they talk about the
    // same words.
    let second = Signal::derive(move || second_language(i18n.language(), handed_over.is_on()));
    let both = RwSignal::new(false);
    let second_here = when_loaded(Signal::derive(move || {
        both.get().then(|| second.get()).flatten()
    }));
    let beside = Signal::derive(move || {
        let language = second_here
            .get()
            .filter(|l| both.get() && Some(*l) == second.get())?;
        let (t, id) = (texts(language), item.get());
        Some(Beside {
            language,
            question: t.item_question(id).to_owned(),
            steps: t.steps(id.id()),
            no_value: t.questions_rather_not().to_owned(),
        })
    });
    let spoken = Signal::derive(move || {
        let (t, item) = (i18n.t(), item.get());
        let steps = t.steps(item.id());
        let numbered = steps
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {s}", i + 1));
        std::iter::once(t.item_question(item).to_owned())
            .chain(numbered)
            .chain(std::iter::once(t.questions_rather_not().to_owned()))
            .collect::<Vec<_>>()
            .join(" ")
    });
    // An answer changed from the summary leads back there, both ways.
    let href = move |to_question: Option<usize>| {
        rid.with_value(|round| match to_question {
            Some(number) => Route::Question {
                round,
                number,
                from_summary: false,
            }
            .href(),
            None => Route::Summary(round).href(),
        })
    };
    let back = move || match (from_summary.get(), number.get()) {
        (true, _) => href(None),
        (false, 1) => Route::Participant.href(),
        (false, n) => href(Some(n - 1)),
    };
    // Handed over, question 1 has no way back: out of her part is the counsellor's side.
    let no_way_back = move || number.get() == 1 && !from_summary.get() && handed_over.is_on();
    let to_summary = move || from_summary.get() || number.get() == total;
    let next = move || {
        if to_summary() {
            href(None)
        } else {
            href(Some(number.get() + 1))
        }
    };

    view! {
        <div class="questionnaire">
            <p class="progress-text">
                {move || {
                    let t = i18n.t();
                    t.questions_progress(t.number(number.get()), t.number(total))
                }}
            </p>
            <progress max=total value=move || number.get() aria-hidden="true"></progress>
            <h1 node_ref=heading tabindex="-1">
                {move || i18n.t().item_short(item.get())}
            </h1>
            // Its own per question: leaving a question stops what is being read.
            {move || {
                number.track();
                let clip = Signal::derive(move || {
                    format!("questions_{}_question", item.get().id())
                });
                view! { <ReadAloud text=spoken clip=clip /> }
            }}
            <Show when=move || second.get().is_some()>
                <button
                    type="button"
                    class="button secondary both-languages"
                    aria-pressed=move || both.get().to_string()
                    on:click=move |_| both.update(|on| *on = !*on)
                >
                    {i18n.text(|t| t.her_language_both_languages())}
                </button>
            </Show>
            <ScaleQuestion
                name=Signal::derive(move || format!("item-{}", item.get().id()))
                question=Signal::derive(move || i18n.t().item_question(item.get()).to_owned())
                steps=Signal::derive(move || i18n.t().steps(item.get().id()))
                no_value_label=Signal::derive(move || i18n.t().questions_rather_not().to_owned())
                selected=selected
                on_select=on_select
                beside=beside
            />
            <Show when=move || selected.get().is_some()>
                <label class="comment">
                    <span>{i18n.text(|t| t.questions_comment_label())}</span>
                    <textarea
                        dir="auto"
                        rows="3"
                        maxlength=MAX_TEXT_CHARS
                        aria-describedby="comment-limit"
                        prop:value=comment
                        on:input=on_comment
                    ></textarea>
                </label>
                <p id="comment-limit" class="help">
                    {i18n.text(|t| t.safety_text_limit())}
                </p>
            </Show>
            <nav class="step-nav">
                {move || {
                    (!no_way_back())
                        .then(|| {
                            view! {
                                <A href=back attr:class="button secondary">
                                    {i18n.text(|t| t.questions_back())}
                                </A>
                            }
                        })
                }} <A href=next attr:class="button">
                    {move || {
                        let t = i18n.t();
                        if to_summary() { t.questions_to_summary() } else { t.questions_next() }
                    }}
                </A>
            </nav>
        </div>
    }
}
