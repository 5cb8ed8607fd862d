use leptos::prelude::*;

/// What a person picked on a five-step item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScaleChoice {
    Step(u8),
    /// "I'd rather not answer" (or, on sensitive items, "not asked"): stored as no value.
    NoValue,
}

/// One rated item as a native radio group: a legend, five described steps, each with its
/// number (so the scale never relies on colour), and the no-value option last.
/// Arrow keys move between options, as in every native radio group.
#[component]
pub fn ScaleQuestion(
    /// Unique radio-group name on the page.
    name: String,
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
) -> impl IntoView {
    let option = move |choice: ScaleChoice, number: Option<u8>, label: Signal<String>| {
        let name = name.clone();
        view! {
            <label class="scale-option" class:no-value=number.is_none()>
                <input
                    type="radio"
                    name=name
                    prop:checked=move || selected.get() == Some(choice)
                    on:change=move |_| on_select.run(choice)
                />
                {number.map(|n| view! { <span class="step-number" aria-hidden="true">{n}</span> })}
                <span class="step-text">{label}</span>
            </label>
        }
    };
    view! {
        <fieldset class="scale-question">
            <legend>{question}</legend>
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
