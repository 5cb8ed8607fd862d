//! Why a change was refused, shown the same way on every form: one alert, in the language
//! shown, whose words come from `Texts::refusal`.

use leptos::prelude::*;

use crate::domain::activity_draft::DraftGap;
use crate::domain::error::ModelError;
use crate::i18n::{Texts, use_i18n};

/// What to say: the domain's reason, or what only the form checks (a date left empty).
/// Kept as the reason rather than its words, so a language switch redraws it.
#[derive(Clone, Debug)]
pub enum Refusal {
    Model(ModelError),
    Form(fn(&Texts) -> &'static str),
}

/// What the add-activity form still needs, asked in the form's own words.
impl From<DraftGap> for Refusal {
    fn from(gap: DraftGap) -> Refusal {
        Refusal::Form(match gap {
            DraftGap::Activity => |t| t.plan_activity_choose_first(),
            DraftGap::Group => |t| t.dialogue_group_required(),
            DraftGap::Start => |t| t.plan_activity_start_required(),
            DraftGap::End => |t| t.plan_activity_end_required(),
        })
    }
}

impl From<ModelError> for Refusal {
    fn from(error: ModelError) -> Refusal {
        Refusal::Model(error)
    }
}

/// A refusal speaks of what a form held when it was sent: once a field changes, it no longer
/// applies and goes (give this to the form's `on:input`, which every field's change reaches).
pub fn withdraw_on_input<T: Send + Sync + 'static>(
    refused: RwSignal<Option<T>>,
) -> impl Fn(leptos::ev::Event) + Copy + 'static {
    move |_| {
        if refused.with_untracked(Option::is_some) {
            refused.set(None);
        }
    }
}

/// The alert for the latest refusal; nothing while there is none. `required` is what the
/// form asks for when a required text is empty (see `Texts::refusal`).
#[component]
pub fn RefusalAlert(
    #[prop(into)] refusal: Signal<Option<Refusal>>,
    required: fn(&Texts) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = i18n.t();
        let text = match refusal.get()? {
            Refusal::Model(error) => t.refusal(&error, required(t)),
            Refusal::Form(text) => text(t),
        };
        Some(view! {
            <p class="error" role="alert">
                {text}
            </p>
        })
    }
}
