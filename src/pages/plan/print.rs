//! `/counsellor/:pid/plan/print`: the plan on A4 for the participant to take home. It holds the
//! goal, focus areas, sub-goals, activities and timeline; never sensitive items or advice meant
//! for the counsellor.

use leptos::prelude::*;
use leptos_router::components::A;

use super::editor::PlanEditor;
use super::focus::{current_step, diagram, diagram_label};
use super::labels::{activity_dates, activity_name, activity_status, sub_goal_status};
use super::missing_participant;
use super::timeline::{activity_names, timeline_svg};
use crate::browser;
use crate::components::chart_view::ChartView;
use crate::domain::assessment::next_follow_up_due;
use crate::domain::participant::GoalKind;
use crate::domain::progression::{RoundValues, View, round_values};
use crate::domain::questionnaire::ParticipantItem;
use crate::domain::timeline::timeline;
use crate::i18n::{Texts, use_i18n};
use crate::routes::{Route, use_person_id};
use crate::state::use_state;

/// The printable width of A4 with 15 mm margins, in CSS pixels.
const PAPER_WIDTH: f64 = 680.0;

/// The comments of the latest round, each under its area's name (nothing if there are none).
fn own_words(t: &'static Texts, latest: Option<&RoundValues>) -> Option<impl IntoView + use<>> {
    let rows: Vec<_> = ParticipantItem::ALL
        .into_iter()
        .zip(latest?.comments.iter())
        .filter_map(|(item, comment)| {
            let comment = comment.clone()?;
            Some(view! {
                <li>
                    <strong>{t.item_short(item)} ":"</strong>
                    " "
                    <q>{comment}</q>
                </li>
            })
        })
        .collect();
    (!rows.is_empty()).then(|| {
        view! {
            <h2>{t.dialogue_print_comments_heading()}</h2>
            <ul class="print-comments">{rows}</ul>
        }
    })
}

#[component]
pub fn PlanPrintPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let pid = use_person_id();
    let editor = PlanEditor::new(state, pid);
    let print = move |_| {
        let _ = window().print();
    };
    // Her own words go on paper only when she says yes, so the box starts unticked each time.
    let with_comments = RwSignal::new(false);
    move || {
        let t = i18n.t();
        let Some(person) = state.read(|d| d.participant(&pid.get()).cloned()) else {
            return missing_participant().into_any();
        };
        let plan = editor.plan();
        let today = browser::today();
        let (latest, next_round) = state.read(|d| {
            let rounds = d.rounds_of(&person.id);
            (
                round_values(&rounds, View::Participant).pop(),
                next_follow_up_due(rounds),
            )
        });
        let comments = with_comments
            .get()
            .then(|| own_words(t, latest.as_ref()))
            .flatten();
        let chosen = plan.focus_items.clone();
        let answers = latest.clone();
        let chart_label = diagram_label(t, t.plan_print_chart_label(), latest.as_ref());
        let chart = latest.is_some().then(|| {
            view! {
                <ChartView
                    id="print-chart"
                    draw=move |width| diagram(t, answers.clone(), &chosen, width)
                    label=Signal::derive(move || chart_label.clone())
                />
            }
        });
        let next_round = next_round.map(|date| {
            if date < today {
                t.dialogue_print_follow_up_overdue(t.date(date))
            } else {
                t.caseload_next_due(t.date(date))
            }
        });
        let catalogue = state.read(|d| d.settings().catalogue.clone());
        let goal = person.goal.as_ref().map(|goal| {
            let kind = match goal.kind {
                GoalKind::Work => t.plan_goal_work(),
                GoalKind::Studies => t.plan_goal_studies(),
            };
            format!("{kind}: {}", goal.text)
        });
        let focus = plan
            .focus_items
            .iter()
            .map(|item| {
                view! {
                    <li>
                        <strong>{t.item_short(*item)} ":"</strong>
                        " "
                        {current_step(t, latest.as_ref(), *item)}
                    </li>
                }
            })
            .collect_view();
        let sub_goals = plan
            .sub_goals
            .iter()
            .enumerate()
            .map(|(index, goal)| {
                view! {
                    <tr>
                        <td>{index + 1}</td>
                        <td>{goal.text.clone()}</td>
                        <td>{goal.item.map(|i| t.item_short(i)).unwrap_or_default()}</td>
                        <td>{goal.due.map(|d| t.date(d)).unwrap_or_default()}</td>
                        <td>{sub_goal_status(t, goal.status)}</td>
                    </tr>
                }
            })
            .collect_view();
        let activities = plan
            .activities
            .iter()
            .map(|activity| {
                view! {
                    <tr>
                        // Where it happens under its name: a column more would not fit A4.
                        <td>
                            {activity_name(t, &catalogue, activity)}
                            {(!activity.place.is_empty())
                                .then(|| {
                                    view! {
                                        <br />
                                        <span class="help">
                                            {t.her_plan_place(&activity.place)}
                                        </span>
                                    }
                                })}
                        </td>
                        <td>{t.group_name(activity.group)}</td>
                        <td>{activity_dates(t, activity)}</td>
                        <td>{activity.responsible.clone()}</td>
                        <td>{activity_status(t, activity.status)}</td>
                    </tr>
                }
            })
            .collect_view();
        let drawing = timeline(&plan.activities, today).map(|layout| {
            let names = activity_names(t, editor, &plan.activities);
            timeline_svg(t, &layout, &plan.activities, &names, PAPER_WIDTH)
        });
        let counsellor = person
            .current_counsellor()
            .map(|c| t.caseload_counsellor_now(&c.name));
        view! {
            <div class="print-tools">
                <A href=Route::Plan(&person.id).href() exact=true attr:class="link-tap">
                    {t.plan_print_back()}
                </A>
                <label class="check">
                    <input type="checkbox" bind:checked=with_comments />
                    <span>{t.dialogue_print_comments()}</span>
                </label>
                <button type="button" class="button" on:click=print>
                    {t.plan_print_button()}
                </button>
            </div>
            <article class="plan-print">
                <h1>{t.plan_print_title(&person.display_name)}</h1>
                <p>{t.plan_print_date(t.date(today))} {counsellor.map(|c| format!(" · {c}"))}</p>
                {next_round
                    .map(|text| {
                        view! {
                            <p>
                                <strong>{text}</strong>
                            </p>
                        }
                    })}
                <h2>{t.plan_goal_heading()}</h2>
                <p>{goal.unwrap_or_else(|| t.plan_goal_none().to_owned())}</p>
                <h2>{t.plan_focus_heading()}</h2>
                {chart}
                <ul>{focus}</ul>
                {comments}
                <h2 id="print-sub-goals">{t.plan_subgoals_heading()}</h2>
                <div
                    class="table-scroll"
                    tabindex="0"
                    role="region"
                    aria-labelledby="print-sub-goals"
                >
                    <table class="print-sub-goals">
                        <thead>
                            <tr>
                                <th scope="col">"#"</th>
                                <th scope="col">{t.plan_subgoal_text_label()}</th>
                                <th scope="col">{t.plan_subgoal_item_label()}</th>
                                <th scope="col">{t.plan_subgoal_due_label()}</th>
                                <th scope="col">{t.plan_subgoal_status_label()}</th>
                            </tr>
                        </thead>
                        <tbody>{sub_goals}</tbody>
                    </table>
                </div>
                <h2 id="print-activities">{t.plan_activities_heading()}</h2>
                <div
                    class="table-scroll"
                    tabindex="0"
                    role="region"
                    aria-labelledby="print-activities"
                >
                    <table class="print-activities">
                        <thead>
                            <tr>
                                <th scope="col">{t.plan_print_activity()}</th>
                                <th scope="col">{t.plan_print_group()}</th>
                                <th scope="col">{t.plan_print_when()}</th>
                                <th scope="col">{t.plan_print_responsible()}</th>
                                <th scope="col">{t.plan_print_status()}</th>
                            </tr>
                        </thead>
                        <tbody>{activities}</tbody>
                    </table>
                </div>
                <h2>{t.plan_timeline_heading()}</h2>
                <div class="timeline">{drawing}</div>
            </article>
        }
        .into_any()
    }
}
