use leptos::prelude::*;

use crate::domain::assessment::{ItemAnswer, Rating, SensitiveAnswer};
use crate::domain::error::ModelError;
use crate::domain::language::Language;
use crate::i18n::use_i18n;

/// What a person picked on a five-step item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScaleChoice {
    Step(u8),
    /// "I'd rather not answer" (or, on sensitive items, "not asked"): stored as no value.
    NoValue,
}

// How a choice is stored and read back: the only place a step becomes a rating.

impl From<&ItemAnswer> for ScaleChoice {
    fn from(answer: &ItemAnswer) -> ScaleChoice {
        answer
            .value
            .map_or(ScaleChoice::NoValue, |r| ScaleChoice::Step(r.get()))
    }
}

/// "Rather not answer" is no value; a step outside the scale is refused.
impl TryFrom<ScaleChoice> for ItemAnswer {
    type Error = ModelError;
    fn try_from(choice: ScaleChoice) -> Result<ItemAnswer, ModelError> {
        match choice {
            ScaleChoice::Step(step) => ItemAnswer::rated(step),
            ScaleChoice::NoValue => Ok(ItemAnswer::rather_not()),
        }
    }
}

impl From<SensitiveAnswer> for ScaleChoice {
    fn from(answer: SensitiveAnswer) -> ScaleChoice {
        match answer {
            SensitiveAnswer::NotAsked => ScaleChoice::NoValue,
            SensitiveAnswer::Rated(r) => ScaleChoice::Step(r.get()),
        }
    }
}

/// On a sensitive item the no-value option is "not asked".
impl TryFrom<ScaleChoice> for SensitiveAnswer {
    type Error = ModelError;
    fn try_from(choice: ScaleChoice) -> Result<SensitiveAnswer, ModelError> {
        match choice {
            ScaleChoice::Step(step) => Rating::new(step).map(SensitiveAnswer::Rated),
            ScaleChoice::NoValue => Ok(SensitiveAnswer::NotAsked),
        }
    }
}

/// One rated item as a native radio group: a legend, five described steps, each with its
/// number (so the scale never relies on colour), and the no-value option last.
/// Arrow keys move between options, as in every native radio group.
/// The question's wording in a second language, shown under hers ("show in two languages").
#[derive(Clone, Debug, PartialEq)]
pub struct Beside {
    pub language: Language,
    pub question: String,
    pub steps: Vec<String>,
    pub no_value: String,
}

/// One line of the second language, marked as that language for screen readers and fonts.
fn beside_line(language: Language, text: String) -> impl IntoView {
    view! {
        <span class="beside" lang=language.tag() dir=language.dir()>
            {text}
        </span>
    }
}

#[component]
pub fn ScaleQuestion(
    /// Unique radio-group name on the page.
    #[prop(into)]
    name: Signal<String>,
    #[prop(into)] question: Signal<String>,
    /// Five labels, lowest step first.
    #[prop(into)]
    steps: Signal<Vec<String>>,
    #[prop(into)] no_value_label: Signal<String>,
    #[prop(into)] selected: Signal<Option<ScaleChoice>>,
    on_select: Callback<ScaleChoice>,
    /// Shown under the question, before the steps (e.g. the participant's own answer).
    #[prop(optional)]
    children: Option<Children>,
    /// The same question in a second language, under each line.
    #[prop(optional, into)]
    beside: Signal<Option<Beside>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let beside_of = move |pick: fn(&Beside, usize) -> String, index: usize| {
        move || beside.with(|b| b.as_ref().map(|b| beside_line(b.language, pick(b, index))))
    };
    let option = move |choice: ScaleChoice, number: Option<u8>, label: Signal<String>| {
        let under = beside_of(
            |b, n| {
                b.steps
                    .get(n)
                    .cloned()
                    .unwrap_or_else(|| b.no_value.clone())
            },
            number.map_or(usize::MAX, |n| usize::from(n - 1)),
        );
        view! {
            <label class="scale-option" class:no-value=number.is_none()>
                <input
                    type="radio"
                    name=name
                    prop:checked=move || selected.get() == Some(choice)
                    on:change=move |_| on_select.run(choice)
                />
                {number
                    .map(|n| {
                        view! {
                            <span class="step-number" aria-hidden="true">
                                {move || i18n.t().number(n)}
                            </span>
                        }
                    })}
                <span class="step-text">{label} {under}</span>
            </label>
        }
    };
    view! {
        <fieldset class="scale-question">
            <legend>{question} {beside_of(|b, _| b.question.clone(), 0)}</legend>
            {children.map(|children| children())}
            {(1..=5u8)
                .map(|n| {
                    let label = Signal::derive(move || {
                        steps.with(|s| s.get(usize::from(n - 1)).cloned().unwrap_or_default())
                    });
                    option(ScaleChoice::Step(n), Some(n), label)
                })
                .collect_view()}
            {option(ScaleChoice::NoValue, None, no_value_label)}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_choice() -> impl Iterator<Item = ScaleChoice> {
        (1..=5).map(ScaleChoice::Step).chain([ScaleChoice::NoValue])
    }

    #[test]
    fn a_choice_comes_back_as_it_was_stored() {
        for choice in every_choice() {
            let answer = ItemAnswer::try_from(choice).unwrap();
            assert_eq!(ScaleChoice::from(&answer), choice);
            let sensitive = SensitiveAnswer::try_from(choice).unwrap();
            assert_eq!(ScaleChoice::from(sensitive), choice);
        }
        assert_eq!(
            ItemAnswer::try_from(ScaleChoice::NoValue),
            Ok(ItemAnswer::rather_not())
        );
        assert_eq!(
            SensitiveAnswer::try_from(ScaleChoice::NoValue),
            Ok(SensitiveAnswer::NotAsked)
        );
    }

    #[test]
    fn a_step_outside_the_scale_is_refused() {
        for step in [0, 6] {
            assert_eq!(
                ItemAnswer::try_from(ScaleChoice::Step(step)),
                Err(ModelError::OutOfScale(step))
            );
            assert_eq!(
                SensitiveAnswer::try_from(ScaleChoice::Step(step)),
                Err(ModelError::OutOfScale(step))
            );
        }
    }
}
