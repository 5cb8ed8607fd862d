//! The participant's answers as the counsellor reads them: each described step with the
//! participant's own comment beside it, on the participant's page and next to each item the
//! counsellor rates.

use leptos::prelude::*;

use crate::browser;
use crate::components::her_language::when_loaded;
use crate::domain::assessment::{ItemAnswer, ParticipantPart};
use crate::domain::language::Language;
use crate::domain::questionnaire::ParticipantItem;
use crate::i18n::{Texts, texts, use_i18n};

/// The described step and, if there is one, the comment; `labelled` names them as the
/// participant's (beside the counsellor's own rating, where it could be mistaken for theirs).
fn answer_lines(
    t: &'static Texts,
    item: ParticipantItem,
    answer: Option<&ItemAnswer>,
    labelled: bool,
) -> impl IntoView + use<> {
    let label = move |text: &'static str| labelled.then(|| view! { <strong>{text} ": "</strong> });
    let comment = answer
        .and_then(|a| a.comment.clone())
        .filter(|c| !c.trim().is_empty());
    view! {
        <p>{label(t.dialogue_their_answer())} {t.answer_text(item, answer)}</p>
        {comment
            .map(|c| {
                view! {
                    <p class="their-comment">{label(t.dialogue_their_comment())} <q>{c}</q></p>
                }
            })}
    }
}

/// Her answer as she read it, in her language.
fn her_wording(
    t: &'static Texts,
    language: Language,
    item: ParticipantItem,
    answer: Option<&ItemAnswer>,
) -> impl IntoView + use<> {
    view! {
        <p class="her-wording">
            {t.her_language_her_wording(language.own_name())} ": "
            <span lang=language.tag() dir=language.dir()>
                {texts(language).answer_text(item, answer)}
            </span>
        </p>
    }
}

/// One item's answer and comment, under a label saying whose answer it is.
#[component]
pub fn TheirAnswer(
    item: ParticipantItem,
    #[prop(into)] answer: Signal<Option<ItemAnswer>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let lines = answer.with(|a| answer_lines(i18n.t(), item, a.as_ref(), true));
        view! { <div class="their-answer">{lines}</div> }
    }
}

/// A round's eight answers with their comments, folded under a summary that counts the
/// comments (open at first for the latest round). A folded round's answers are written once
/// the browser is idle, or when it is unfolded if that comes first: a page of twelve rounds
/// draws its diagram before eleven rounds' answers, and find-in-page still finds a comment in
/// any round (Chromium unfolds the round it is in).
#[component]
pub fn RoundAnswers(part: ParticipantPart, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let unfolded = RwSignal::new(open);
    if !open {
        // The page may be gone by then: nothing is left to write.
        browser::when_idle(move || _ = unfolded.try_set(true));
    }
    // Answered in another language than the one read here: her wording too.
    let answered_in = part.language.as_deref().and_then(Language::from_tag);
    let hers = when_loaded(Signal::derive(move || {
        answered_in.filter(|l| *l != i18n.language())
    }));
    let part = StoredValue::new(part);
    let rows = move || {
        let t = i18n.t();
        let hers = hers.get().filter(|l| *l != i18n.language());
        unfolded.get().then(|| {
            part.with_value(|part| {
                ParticipantItem::ALL
                    .into_iter()
                    .map(|item| {
                        let answer = part.answers.get(&item);
                        let wording = hers
                            .filter(|_| answer.is_some())
                            .map(|language| her_wording(t, language, item, answer));
                        view! {
                            <li>
                                <h4>{t.item_short(item)}</h4>
                                {answer_lines(t, item, answer, false)}
                                {wording}
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let summary = move || {
        let t = i18n.t();
        let count = part.with_value(ParticipantPart::comment_count).to_string();
        format!(
            "{} ({})",
            t.dialogue_answers_heading(),
            t.dialogue_comment_count(&count)
        )
    };
    view! {
        <details class="round-answers" open=open on:toggle=move |_| unfolded.set(true)>
            <summary>{summary}</summary>
            <ul class="plain">{rows}</ul>
        </details>
    }
}
