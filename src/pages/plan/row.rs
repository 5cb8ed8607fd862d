//! What the sub-goals' and the activities' lists share: the ids in plan order, and for each
//! row its own entry (so that a change elsewhere in the plan does not redraw it), a change
//! through the plan's checks, the latest refusal, and a refused date put back in its field.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::{ev, web_sys};

use super::editor::PlanEditor;
use super::fields::{date_bounds, date_value, parse_date};
use crate::components::refusal::Refusal;
use crate::domain::error::ModelError;
use crate::domain::plan::{ActionPlan, Activity, SubGoal};
use crate::i18n::{Texts, use_i18n};

/// A kind of entry that a plan lists in rows.
pub(super) trait PlanEntry: Clone + PartialEq + Send + Sync + 'static {
    /// Starts the ids of the row's heading ("sub-goal-…"), which describes every field in it.
    const KIND: &'static str;
    fn id(&self) -> &str;
    fn all(plan: &ActionPlan) -> &[Self];
    fn get_mut<'a>(plan: &'a mut ActionPlan, id: &str) -> Result<&'a mut Self, ModelError>;
    fn remove(plan: &mut ActionPlan, id: &str) -> Result<(), ModelError>;
}

/// Each kind names its list in the plan and the plan's own lookup.
macro_rules! plan_entry {
    ($entry:ty, $kind:literal, $list:ident, $get_mut:ident, $remove:ident) => {
        impl PlanEntry for $entry {
            const KIND: &'static str = $kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn all(plan: &ActionPlan) -> &[$entry] {
                &plan.$list
            }
            fn get_mut<'a>(
                plan: &'a mut ActionPlan,
                id: &str,
            ) -> Result<&'a mut $entry, ModelError> {
                plan.$get_mut(id)
            }
            fn remove(plan: &mut ActionPlan, id: &str) -> Result<(), ModelError> {
                plan.$remove(id)
            }
        }
    };
}

plan_entry!(
    SubGoal,
    "sub-goal",
    sub_goals,
    sub_goal_mut,
    remove_sub_goal
);
plan_entry!(
    Activity,
    "activity",
    activities,
    activity_mut,
    remove_activity
);

/// The entries' ids in plan order: only adding, removing or reordering changes it.
pub(super) fn entry_ids<T: PlanEntry>(editor: PlanEditor) -> Memo<Vec<String>> {
    Memo::new(move |_| {
        editor.read(|plan| {
            plan.map_or_else(Vec::new, |p| {
                T::all(p).iter().map(|e| e.id().to_owned()).collect()
            })
        })
    })
}

/// One row's entry and its changes.
pub(super) struct PlanRow<T: PlanEntry> {
    editor: PlanEditor,
    pub id: StoredValue<String>,
    /// The entry as stored (None once removed); tracked.
    pub entry: Memo<Option<T>>,
    pub refused: RwSignal<Option<Refusal>>,
}

impl<T: PlanEntry> Clone for PlanRow<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: PlanEntry> Copy for PlanRow<T> {}

impl<T: PlanEntry> PlanRow<T> {
    pub fn new(editor: PlanEditor, id: String) -> PlanRow<T> {
        let id = StoredValue::new(id);
        let entry = Memo::new(move |_| {
            editor.read(|plan| {
                let all = T::all(plan?);
                id.with_value(|id| all.iter().find(|e| e.id() == id).cloned())
            })
        });
        PlanRow {
            editor,
            id,
            entry,
            refused: RwSignal::new(None),
        }
    }

    /// Changes the entry; says why a change was refused. True when it was saved.
    pub fn update(&self, change: impl FnOnce(&mut T)) -> bool {
        let result = self.editor.apply(|plan| {
            change(T::get_mut(plan, &self.id.get_value())?);
            Ok(())
        });
        self.refused
            .set(result.as_ref().err().cloned().map(Refusal::from));
        result.is_ok()
    }

    /// Removes the entry (after the remove button's question).
    pub fn remove(&self) {
        let removed = self
            .editor
            .apply(|plan| T::remove(plan, &self.id.get_value()));
        self.refused.set(removed.err().map(Refusal::from));
    }

    /// The id of the row's heading.
    pub fn heading_id(&self) -> String {
        format!("{}-{}", T::KIND, self.id.get_value())
    }

    /// Puts the saved date back in a field whose date was refused, so that the field never
    /// shows what was not kept.
    fn show_saved(&self, ev: &ev::Event, saved: fn(&T) -> Option<NaiveDate>) {
        let field = event_target::<web_sys::HtmlInputElement>(ev);
        let entry = self.entry.get_untracked();
        field.set_value(&date_value(entry.as_ref().and_then(saved)));
    }
}

/// A row's date field: the saved date, a change saved at once, and the saved date back in
/// the field when a change is refused. An empty `required` field is refused with its text.
#[component]
pub(super) fn RowDate<T: PlanEntry>(
    row: PlanRow<T>,
    label: fn(&Texts) -> &'static str,
    /// The row's heading: which sub-goal or activity the field belongs to.
    described: String,
    saved: fn(&T) -> Option<NaiveDate>,
    set: fn(&mut T, Option<NaiveDate>),
    #[prop(optional)] required: Option<fn(&Texts) -> &'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (min, max) = date_bounds();
    let on_change = move |ev: ev::Event| {
        let date = parse_date(&event_target_value(&ev));
        let kept = match (date, required) {
            (None, Some(text)) => {
                row.refused.set(Some(Refusal::Form(text)));
                false
            }
            _ => row.update(move |entry| set(entry, date)),
        };
        if !kept {
            row.show_saved(&ev, saved);
        }
    };
    view! {
        <label class="field">
            <span>{i18n.text(label)}</span>
            <input
                type="date"
                min=min
                max=max
                aria-describedby=described
                required=required.is_some()
                prop:value=move || date_value(row.entry.get().as_ref().and_then(saved))
                on:change=on_change
            />
        </label>
    }
}

/// A free-text field of a row (who is responsible, where), saved at each keystroke.
#[component]
pub(super) fn RowText<T: PlanEntry>(
    row: PlanRow<T>,
    label: fn(&Texts) -> &'static str,
    /// The row's heading: which sub-goal or activity the field belongs to.
    described: String,
    saved: fn(&T) -> String,
    set: fn(&mut T, String),
) -> impl IntoView {
    let i18n = use_i18n();
    let entry = row.entry;
    let text = crate::components::live_text::live_text(move || {
        entry.get().map(|e| saved(&e)).unwrap_or_default()
    });
    view! {
        <label class="field">
            <span>{move || label(i18n.t())}</span>
            <input
                type="text"
                dir="auto"
                aria-describedby=described
                maxlength=crate::domain::error::MAX_TEXT_CHARS
                prop:value=text
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    let typed = text.get_untracked();
                    let _ = row.update(move |entry| set(entry, typed));
                }
            />
        </label>
    }
}
