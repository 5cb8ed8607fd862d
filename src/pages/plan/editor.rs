use leptos::prelude::*;

use crate::domain::error::ModelError;
use crate::domain::interventions::Catalogue;
use crate::domain::plan::ActionPlan;
use crate::state::AppState;

/// One participant's plan: read it reactively, change it through the domain and save at once.
#[derive(Clone, Copy)]
pub(super) struct PlanEditor {
    pub state: AppState,
    pub pid: Memo<String>,
    /// The organisation's catalogue, which names the activities: a memo, so that what shows
    /// names is redrawn when the catalogue changes, not at every keystroke anywhere.
    pub catalogue: Memo<Catalogue>,
}

impl PlanEditor {
    pub fn new(state: AppState, pid: Memo<String>) -> PlanEditor {
        let catalogue = Memo::new(move |_| state.read(|d| d.settings().catalogue.clone()));
        PlanEditor {
            state,
            pid,
            catalogue,
        }
    }

    /// The plan as stored (an empty one before the first change); tracked.
    pub fn plan(&self) -> ActionPlan {
        let pid = self.pid.get();
        self.state.read(|d| {
            d.plan_of(&pid)
                .cloned()
                .unwrap_or_else(|| ActionPlan::new(pid.clone()))
        })
    }

    /// Reads a part of the stored plan without copying the rest (None before the first change);
    /// tracked. Each row of a list reads only its own entry this way.
    pub fn read<T>(&self, f: impl FnOnce(Option<&ActionPlan>) -> T) -> T {
        let pid = self.pid.get();
        self.state.read(|d| f(d.plan_of(&pid)))
    }

    /// Applies one change; a refused change leaves the plan as it was and says why.
    pub fn apply(
        &self,
        change: impl FnOnce(&mut ActionPlan) -> Result<(), ModelError>,
    ) -> Result<(), ModelError> {
        let pid = self.pid.get_untracked();
        self.state.change(|d| d.change_plan(&pid, change))
    }
}
