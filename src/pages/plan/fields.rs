//! Small form pieces shared by the plan's sections.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::confirm_dialog::ConfirmDialog;
use crate::domain::error::{earliest_date, latest_date};
use crate::domain::questionnaire::ParticipantItem;
use crate::i18n::{Texts, use_i18n};

/// The earliest and latest day a date field offers (the domain refuses others).
pub fn date_bounds() -> (String, String) {
    (
        date_value(Some(earliest_date())),
        date_value(Some(latest_date())),
    )
}

/// A date field's value: empty for no date.
pub fn date_value(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// What a date field holds; an empty or half-typed field is no date.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// The options for "which area": none, or one of the eight items.
pub fn item_options(
    t: &'static Texts,
    selected: impl Fn() -> Option<ParticipantItem> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let none = view! {
        <option value="" prop:selected=move || selected().is_none()>
            {t.plan_subgoal_item_none()}
        </option>
    };
    let items = ParticipantItem::ALL.map(|item| {
        view! {
            <option value=item.id() prop:selected=move || selected() == Some(item)>
                {t.item_short(item)}
            </option>
        }
    });
    (none, items)
}

/// The options of a status list, each value its index (see `labels::from_index`).
pub fn status_options<S: Copy + PartialEq + Send + Sync + 'static>(
    all: &'static [S],
    name: impl Fn(S) -> &'static str,
    selected: impl Fn() -> S + Copy + Send + Sync + 'static,
) -> impl IntoView {
    all.iter()
        .enumerate()
        .map(|(index, status)| {
            let status = *status;
            view! {
                <option value=index.to_string() prop:selected=move || selected() == status>
                    {name(status)}
                </option>
            }
        })
        .collect_view()
}

/// "Remove", with a question first: every change is saved at once, so a slip of the finger
/// would otherwise lose a sub-goal or an activity for good. `what` names it for screen readers.
#[component]
pub fn RemoveButton(#[prop(into)] what: Signal<String>, on_remove: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="button secondary"
            aria-label=move || format!("{}: {}", i18n.t().plan_remove(), what.get())
            on:click=move |_| open.set(true)
        >
            {i18n.text(|t| t.plan_remove())}
        </button>
        <ConfirmDialog
            open=open
            message=Signal::derive(move || i18n.t().plan_remove_confirm(what.get()))
            confirm_label=Signal::derive(move || i18n.t().plan_remove_yes().to_owned())
            cancel_label=Signal::derive(move || i18n.t().caseload_cancel().to_owned())
            on_confirm=on_remove
        />
    }
}
