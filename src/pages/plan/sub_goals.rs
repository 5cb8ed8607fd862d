use leptos::prelude::*;
use leptos::{ev, web_sys};
use wasm_bindgen::JsCast;

use super::editor::PlanEditor;
use super::fields::{RemoveButton, date_bounds, item_options, parse_date, status_options};
use super::labels::{SUB_GOAL_STATUSES, from_index, sub_goal_status};
use super::row::{PlanRow, RowDate, entry_ids};
use crate::browser;
use crate::components::live_text::live_text;
use crate::components::refusal::{Refusal, RefusalAlert, withdraw_on_input};
use crate::domain::error::MAX_TEXT_CHARS;
use crate::domain::plan::{SubGoal, SubGoalStatus};
use crate::domain::questionnaire::ParticipantItem;
use crate::i18n::use_i18n;

/// A moved sub-goal's handle, to give it focus back after the list has been reordered.
fn handle_id(id: &str) -> String {
    format!("move-{id}")
}

/// Sub-goals in order of importance: edited in place, reordered by dragging the handle, by
/// the arrow keys on it, or by the up and down buttons (for touch). The handle is a span:
/// Chromium starts no drag from a `<button>`.
#[component]
pub(super) fn SubGoalsSection(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    let ids = entry_ids::<SubGoal>(editor);
    let announce = RwSignal::new(String::new());
    let move_to = Callback::new(move |(id, to): (String, usize)| {
        if editor.apply(|plan| plan.move_sub_goal(&id, to)).is_err() {
            return;
        }
        let order = ids.get_untracked();
        let position = order.iter().position(|i| *i == id).unwrap_or_default() + 1;
        announce.set(
            i18n.t()
                .plan_subgoal_moved(position.to_string(), order.len().to_string()),
        );
        // Moving a row takes focus from it; give it back so the keys keep working.
        request_animation_frame(move || {
            if let Some(handle) = document().get_element_by_id(&handle_id(&id)) {
                let _ = handle.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    });
    let dragging = RwSignal::new(None::<String>);
    view! {
        <section class="panel plan-sub-goals" aria-labelledby="sub-goals-heading">
            <h2 id="sub-goals-heading">{i18n.text(|t| t.plan_subgoals_heading())}</h2>
            <p>{i18n.text(|t| t.plan_subgoals_help())}</p>
            <Show
                when=move || !ids.with(Vec::is_empty)
                fallback=move || {
                    view! { <p class="help">{i18n.text(|t| t.plan_subgoals_empty())}</p> }
                }
            >
                <ul class="plain sub-goals">
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <SubGoalRow editor=editor id=id ids=ids move_to=move_to dragging=dragging />
                    </For>
                </ul>
            </Show>
            <p class="status" role="status">
                {move || announce.get()}
            </p>
            <AddSubGoal editor=editor />
        </section>
    }
}

#[component]
fn SubGoalRow(
    editor: PlanEditor,
    id: String,
    ids: Memo<Vec<String>>,
    move_to: Callback<(String, usize)>,
    dragging: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let row = PlanRow::<SubGoal>::new(editor, id);
    let (id, goal, refused) = (row.id, row.entry, row.refused);
    let position = Memo::new(move |_| {
        ids.with(|ids| id.with_value(|id| ids.iter().position(|i| i == id)))
            .unwrap_or_default()
    });
    let total = Memo::new(move |_| ids.with(Vec::len));
    let text = live_text(move || goal.get().map(|g| g.text).unwrap_or_default());
    let on_text = move |ev: ev::Event| {
        text.set(event_target_value(&ev));
        let typed = text.get_untracked();
        let _ = row.update(move |g| g.text = typed);
    };
    let shift = move |by: isize| {
        let to = position.get_untracked().saturating_add_signed(by);
        if to != position.get_untracked() && to < total.get_untracked() {
            move_to.run((id.get_value(), to));
        }
    };
    let on_handle_key = move |ev: ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowUp" => {
            ev.prevent_default();
            shift(-1);
        }
        "ArrowDown" => {
            ev.prevent_default();
            shift(1);
        }
        _ => {}
    };
    let on_drag_start = move |ev: ev::DragEvent| {
        dragging.set(Some(id.get_value()));
        if let Some(transfer) = ev.data_transfer() {
            let _ = transfer.set_data("text/plain", &id.get_value());
            transfer.set_effect_allowed("move");
        }
    };
    let on_drop = move |ev: ev::DragEvent| {
        ev.prevent_default();
        if let Some(from) = dragging.get_untracked() {
            dragging.set(None);
            if from != id.get_value() {
                move_to.run((from, position.get_untracked()));
            }
        }
    };
    let item = move || goal.get().and_then(|g| g.item);
    let status = move || goal.get().map_or(SubGoalStatus::NotStarted, |g| g.status);
    let heading_id = row.heading_id();
    let labelled_by = heading_id.clone();
    // Every field in the row is described by the row's heading: "Start", of which activity.
    let described = heading_id.clone();
    view! {
        <li
            class="panel sub-goal"
            class:dragging=move || dragging.get() == Some(id.get_value())
            aria-labelledby=labelled_by
            on:dragover=|ev: ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <div class="sub-goal-top">
                <span
                    class="handle"
                    role="button"
                    tabindex="0"
                    id=handle_id(&id.get_value())
                    draggable="true"
                    aria-label=move || {
                        i18n.t().plan_subgoal_handle((position.get() + 1).to_string())
                    }
                    on:keydown=on_handle_key
                    on:dragstart=on_drag_start
                    on:dragend=move |_| dragging.set(None)
                >
                    "⠿"
                </span>
                <h3 id=heading_id>
                    {move || {
                        i18n.t()
                            .plan_subgoal_number(
                                (position.get() + 1).to_string(),
                                total.get().to_string(),
                            )
                    }}
                </h3>
            </div>
            <label class="field">
                <span>{i18n.text(|t| t.plan_subgoal_text_label())}</span>
                <input
                    type="text"
                    dir="auto"
                    aria-describedby=described.clone()
                    maxlength=MAX_TEXT_CHARS
                    prop:value=text
                    on:input=on_text
                />
            </label>
            <RefusalAlert refusal=refused required=|t| t.plan_subgoal_text_required() />
            <div class="field-row">
                <label class="field">
                    <span>{i18n.text(|t| t.plan_subgoal_item_label())}</span>
                    <select
                        aria-describedby=described.clone()
                        on:change=move |ev| {
                            let chosen = ParticipantItem::from_id(&event_target_value(&ev));
                            let _ = row.update(move |g| g.item = chosen);
                        }
                    >
                        {move || item_options(i18n.t(), item)}
                    </select>
                </label>
                <RowDate
                    row=row
                    label=|t| t.plan_subgoal_due_label()
                    described=described.clone()
                    saved=|g| g.due
                    set=|g, due| g.due = due
                />
                <label class="field">
                    <span>{i18n.text(|t| t.plan_subgoal_status_label())}</span>
                    <select
                        aria-describedby=described.clone()
                        on:change=move |ev| {
                            if let Some(chosen) = from_index(
                                &SUB_GOAL_STATUSES,
                                &event_target_value(&ev),
                            ) {
                                let _ = row.update(move |g| g.status = chosen);
                            }
                        }
                    >
                        {move || {
                            let t = i18n.t();
                            status_options(&SUB_GOAL_STATUSES, |s| sub_goal_status(t, s), status)
                        }}
                    </select>
                </label>
            </div>
            <div class="actions">
                <button
                    type="button"
                    class="button secondary"
                    prop:disabled=move || position.get() == 0
                    on:click=move |_| shift(-1)
                >
                    {i18n.text(|t| t.plan_subgoal_move_up())}
                </button>
                <button
                    type="button"
                    class="button secondary"
                    prop:disabled=move || { position.get() + 1 >= total.get() }
                    on:click=move |_| shift(1)
                >
                    {i18n.text(|t| t.plan_subgoal_move_down())}
                </button>
                <RemoveButton
                    what=Signal::derive(move || goal.get().map(|g| g.text).unwrap_or_default())
                    on_remove=Callback::new(move |()| row.remove())
                />
            </div>
        </li>
    }
}

/// A new sub-goal: its words, and if the participant likes, an area and a date.
#[component]
fn AddSubGoal(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let item = RwSignal::new(None::<ParticipantItem>);
    let due = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<Refusal>);
    let add = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let goal = SubGoal {
            id: browser::new_id(),
            text: text.get_untracked(),
            item: item.get_untracked(),
            due: parse_date(&due.get_untracked()),
            status: SubGoalStatus::NotStarted,
        };
        let result = editor.apply(|plan| {
            plan.add_sub_goal(goal);
            Ok(())
        });
        let saved = result.is_ok();
        refused.set(result.err().map(Refusal::from));
        if saved {
            text.set(String::new());
            item.set(None);
            due.set(String::new());
        }
    };
    view! {
        <form
            class="add-block sub-goal-add"
            novalidate
            on:submit=add
            on:input=withdraw_on_input(refused)
        >
            <h3>{i18n.text(|t| t.plan_subgoal_add_heading())}</h3>
            <label class="field">
                <span>{i18n.text(|t| t.plan_subgoal_text_label())}</span>
                <input type="text" dir="auto" maxlength=MAX_TEXT_CHARS bind:value=text />
            </label>
            <RefusalAlert refusal=refused required=|t| t.plan_subgoal_add_required() />
            <div class="field-row">
                <label class="field">
                    <span>{i18n.text(|t| t.plan_subgoal_item_label())}</span>
                    <select on:change=move |ev| {
                        item.set(ParticipantItem::from_id(&event_target_value(&ev)))
                    }>{move || item_options(i18n.t(), move || item.get())}</select>
                </label>
                <label class="field">
                    <span>{i18n.text(|t| t.plan_subgoal_due_label())}</span>
                    <input type="date" min=date_bounds().0 max=date_bounds().1 bind:value=due />
                </label>
            </div>
            <button type="submit" class="button">
                {i18n.text(|t| t.plan_subgoal_add())}
            </button>
        </form>
    }
}
