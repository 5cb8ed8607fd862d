use leptos::ev;
use leptos::prelude::*;

use super::editor::PlanEditor;
use super::fields::{RemoveButton, date_bounds, date_value, parse_date, status_options};
use super::labels::{
    ACTIVITY_STATUSES, activity_dates, activity_name, activity_status, from_index,
};
use super::row::{PlanRow, RowDate, RowText, entry_ids};
use crate::browser;
use crate::components::refusal::{Refusal, RefusalAlert, withdraw_on_input};
use crate::domain::activity_draft::{ActivityChoice, ActivityDraft};
use crate::domain::error::MAX_TEXT_CHARS;
use crate::domain::interventions::{Catalogue, InterventionGroup};
use crate::domain::plan::{Activity, ActivityStatus};
use crate::i18n::{Texts, use_i18n};

/// The choice list's value for "something else, in our own words".
const OWN: &str = "own";

/// The catalogue's current entries by group, then "own words"; retired entries are not offered.
fn choice_options(
    t: &'static Texts,
    catalogue: &Catalogue,
    choice: RwSignal<String>,
) -> impl IntoView + use<> {
    let option = move |value: String, name: String| {
        let chosen = value.clone();
        view! {
            <option value=value prop:selected=move || choice.get() == chosen>
                {name}
            </option>
        }
    };
    let groups = InterventionGroup::ALL.map(|group| {
        let entries = catalogue
            .active()
            .filter(|e| e.group == group)
            .map(|e| option(e.id.clone(), t.catalogue_name(e)))
            .collect_view();
        view! { <optgroup label=t.group_name(group)>{entries}</optgroup> }
    });
    (
        option(String::new(), t.plan_activity_choose().to_owned()),
        groups,
        option(OWN.to_owned(), t.plan_activity_own().to_owned()),
    )
}

/// The groups, after "choose a group": an activity in own words has none until one is chosen.
fn group_options(
    t: &'static Texts,
    selected: RwSignal<Option<InterventionGroup>>,
) -> impl IntoView {
    let groups = InterventionGroup::ALL.map(|group| {
        view! {
            <option value=group.id() prop:selected=move || selected.get() == Some(group)>
                {t.group_name(group)}
            </option>
        }
    });
    (
        view! {
            <option value="" prop:selected=move || selected.get().is_none()>
                {t.dialogue_group_choose()}
            </option>
        },
        groups,
    )
}

/// Parallel activities: chosen from the catalogue or described in the participant's words.
#[component]
pub(super) fn ActivitiesSection(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    let ids = entry_ids::<Activity>(editor);
    view! {
        <section class="panel plan-activities" aria-labelledby="activities-heading">
            <h2 id="activities-heading">{i18n.text(|t| t.plan_activities_heading())}</h2>
            <p>{i18n.text(|t| t.plan_activities_help())}</p>
            <Show
                when=move || !ids.with(Vec::is_empty)
                fallback=move || {
                    view! { <p class="help">{i18n.text(|t| t.plan_activities_empty())}</p> }
                }
            >
                <ul class="plain activities">
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <ActivityRow editor=editor id=id />
                    </For>
                </ul>
            </Show>
            <AddActivity editor=editor />
        </section>
    }
}

#[component]
fn ActivityRow(editor: PlanEditor, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let row = PlanRow::<Activity>::new(editor, id);
    let (id, activity, refused) = (row.id, row.entry, row.refused);
    let name = move || {
        let t = i18n.t();
        activity
            .get()
            .map(|a| editor.catalogue.with(|c| activity_name(t, c, &a)))
    };
    let summary = move || {
        let t = i18n.t();
        activity
            .get()
            .map(|a| format!("{} · {}", t.group_name(a.group), activity_dates(t, &a)))
    };
    let ongoing = move || activity.get().is_some_and(|a| a.end.is_none());
    let status = move || activity.get().map_or(ActivityStatus::Planned, |a| a.status);
    let heading_id = row.heading_id();
    let labelled_by = heading_id.clone();
    // Every field in the row is described by the row's heading: "Start", of which activity.
    let described = heading_id.clone();
    view! {
        <li class="panel activity" aria-labelledby=labelled_by>
            <h3 id=heading_id>{name}</h3>
            <p class="help">{summary}</p>
            <div class="field-row">
                <RowDate
                    row=row
                    label=|t| t.plan_activity_start_label()
                    described=described.clone()
                    saved=|a| Some(a.start)
                    // Never empty here: an empty start is refused first.
                    set=|a, start| a.start = start.unwrap_or(a.start)
                    required=|t| t.plan_activity_start_required()
                />
                <RowDate
                    row=row
                    label=|t| t.plan_activity_end_label()
                    described=described.clone()
                    saved=|a| a.end
                    set=|a, end| a.end = end
                />
                <label class="check">
                    <input
                        type="checkbox"
                        aria-describedby=described.clone()
                        prop:checked=ongoing
                        on:change=move |ev| {
                            let today = browser::today();
                            let ends = (!event_target_checked(&ev)).then_some(today);
                            let _ = row.update(move |a| a.end = ends.map(|day| day.max(a.start)));
                        }
                    />
                    <span>{i18n.text(|t| t.plan_activity_ongoing())}</span>
                </label>
            </div>
            <div class="field-row">
                <RowText
                    row=row
                    label=|t| t.plan_activity_responsible_label()
                    described=described.clone()
                    saved=|a| a.responsible.clone()
                    set=|a, who| a.responsible = who
                />
                <RowText
                    row=row
                    label=|t| t.plan_activity_place_label()
                    described=described.clone()
                    saved=|a| a.place.clone()
                    set=|a, place| a.place = place
                />
                <label class="field">
                    <span>{i18n.text(|t| t.plan_activity_status_label())}</span>
                    <select
                        aria-describedby=described.clone()
                        on:change=move |ev| {
                            if let Some(chosen) = from_index(
                                &ACTIVITY_STATUSES,
                                &event_target_value(&ev),
                            ) {
                                let result = editor
                                    .apply(|plan| {
                                        plan.set_activity_status(
                                            &id.get_value(),
                                            chosen,
                                            browser::today(),
                                        )
                                    });
                                refused.set(result.err().map(Refusal::from));
                            }
                        }
                    >
                        {move || {
                            let t = i18n.t();
                            status_options(&ACTIVITY_STATUSES, |s| activity_status(t, s), status)
                        }}
                    </select>
                </label>
            </div>
            <RefusalAlert refusal=refused required=|t| t.plan_activity_own_required() />
            <div class="actions">
                <RemoveButton
                    what=Signal::derive(move || name().unwrap_or_default())
                    on_remove=Callback::new(move |()| row.remove())
                />
            </div>
        </li>
    }
}

/// A new activity: what, when, who, and how far it has come.
#[component]
fn AddActivity(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    // Only the catalogue rebuilds the list, so that other changes never reset a choice.
    let catalogue = editor.catalogue;
    let choice = RwSignal::new(String::new());
    let own_text = RwSignal::new(String::new());
    let own_group = RwSignal::new(None::<InterventionGroup>);
    let start = RwSignal::new(date_value(Some(browser::today())));
    let ongoing = RwSignal::new(true);
    let end = RwSignal::new(String::new());
    let responsible = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let status = RwSignal::new(ActivityStatus::Planned);
    let refused = RwSignal::new(None::<Refusal>);
    let added = RwSignal::new(String::new());
    let add = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        added.set(String::new());
        let t = i18n.t();
        let picked = match choice.get_untracked() {
            chosen if chosen.is_empty() => ActivityChoice::NotChosen,
            chosen if chosen == OWN => ActivityChoice::Own {
                text: own_text.get_untracked(),
                group: own_group.get_untracked(),
            },
            chosen => ActivityChoice::Catalogue(chosen),
        };
        let draft = ActivityDraft {
            choice: picked,
            start: parse_date(&start.get_untracked()),
            ongoing: ongoing.get_untracked(),
            end: parse_date(&end.get_untracked()),
            responsible: responsible.get_untracked(),
            place: place.get_untracked(),
            status: status.get_untracked(),
        };
        let activity = match catalogue.with_untracked(|c| draft.activity(browser::new_id(), c)) {
            Ok(activity) => activity,
            Err(gap) => return refused.set(Some(gap.into())),
        };
        let name = catalogue.with_untracked(|c| activity_name(t, c, &activity));
        match editor.apply(|plan| {
            plan.add_activity(activity);
            Ok(())
        }) {
            Ok(()) => {
                refused.set(None);
                added.set(t.plan_activity_added(&name));
                // A fresh form for the next activity.
                choice.set(String::new());
                own_text.set(String::new());
                own_group.set(None);
                start.set(date_value(Some(browser::today())));
                ongoing.set(true);
                end.set(String::new());
                responsible.set(String::new());
                place.set(String::new());
                status.set(ActivityStatus::Planned);
            }
            Err(error) => refused.set(Some(error.into())),
        }
    };
    view! {
        // Our own messages, in the interface language, instead of the browser's bubbles.
        <form
            class="add-block activity-add"
            novalidate
            on:submit=add
            on:input=withdraw_on_input(refused)
        >
            <h3>{i18n.text(|t| t.plan_activity_add_heading())}</h3>
            <label class="field">
                <span>{i18n.text(|t| t.plan_activity_choice_label())}</span>
                <select on:change=move |ev| {
                    choice.set(event_target_value(&ev))
                }>
                    {move || {
                        catalogue.with(|catalogue| choice_options(i18n.t(), catalogue, choice))
                    }}
                </select>
            </label>
            <Show when=move || choice.get() == OWN>
                <div class="field-row">
                    <label class="field">
                        <span>{i18n.text(|t| t.plan_activity_own_label())}</span>
                        <input
                            type="text"
                            dir="auto"
                            maxlength=MAX_TEXT_CHARS
                            bind:value=own_text
                        />
                    </label>
                    <label class="field">
                        <span>{i18n.text(|t| t.plan_activity_group_label())}</span>
                        <select on:change=move |ev| {
                            own_group.set(InterventionGroup::from_id(&event_target_value(&ev)))
                        }>{move || group_options(i18n.t(), own_group)}</select>
                    </label>
                </div>
            </Show>
            <div class="field-row">
                <label class="field">
                    <span>{i18n.text(|t| t.plan_activity_start_label())}</span>
                    <input type="date" min=date_bounds().0 max=date_bounds().1 bind:value=start />
                </label>
                <label class="check">
                    <input type="checkbox" bind:checked=ongoing />
                    <span>{i18n.text(|t| t.plan_activity_ongoing())}</span>
                </label>
                <Show when=move || !ongoing.get()>
                    <label class="field">
                        <span>{i18n.text(|t| t.plan_activity_end_label())}</span>
                        <input type="date" min=date_bounds().0 max=date_bounds().1 bind:value=end />
                    </label>
                </Show>
            </div>
            <div class="field-row">
                <label class="field">
                    <span>{i18n.text(|t| t.plan_activity_responsible_label())}</span>
                    <input
                        type="text"
                        dir="auto"
                        aria-describedby="responsible-hint"
                        maxlength=MAX_TEXT_CHARS
                        bind:value=responsible
                    />
                    <span id="responsible-hint" class="help">
                        {i18n.text(|t| t.plan_activity_responsible_hint())}
                    </span>
                </label>
                <label class="field">
                    <span>{i18n.text(|t| t.plan_activity_place_label())}</span>
                    <input type="text" dir="auto" maxlength=MAX_TEXT_CHARS bind:value=place />
                </label>
                <label class="field">
                    <span>{i18n.text(|t| t.plan_activity_status_label())}</span>
                    <select on:change=move |ev| {
                        if let Some(chosen) = from_index(
                            &ACTIVITY_STATUSES,
                            &event_target_value(&ev),
                        ) {
                            status.set(chosen);
                        }
                    }>
                        {move || {
                            let t = i18n.t();
                            status_options(
                                &ACTIVITY_STATUSES,
                                |s| activity_status(t, s),
                                move || status.get(),
                            )
                        }}
                    </select>
                </label>
            </div>
            <RefusalAlert refusal=refused required=|t| t.plan_activity_own_required() />
            <button type="submit" class="button">
                {i18n.text(|t| t.plan_activity_add())}
            </button>
            <p class="status" role="status">
                {move || added.get()}
            </p>
        </form>
    }
}
