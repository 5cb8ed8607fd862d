use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{Texts, use_i18n};
use crate::routes::Route;
use crate::state::use_state;

/// `/`: what Stegvis is, and the three ways in (four on a phone with her plan).
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let has_plan = move || state.read(|d| d.has_her_plan());
    view! {
        <h1>{i18n.text(|t| t.home_title())}</h1>
        <p class="lead">{i18n.text(|t| t.home_intro())}</p>
        <h2>{i18n.text(|t| t.home_choose())}</h2>
        <ul class="ways-in">
            // On her own phone, the plan her counsellor gave her comes first.
            <Show when=has_plan>
                <WayIn
                    to=Route::MyPlan
                    title=|t| t.her_plan_title()
                    text=|t| t.her_plan_home_text()
                />
            </Show>
            <WayIn
                to=Route::Participant
                title=|t| t.home_participant_title()
                text=|t| t.home_participant_text()
            />
            <WayIn
                to=Route::Caseload
                title=|t| t.home_counsellor_title()
                text=|t| t.home_counsellor_text()
            />
            <WayIn
                to=Route::Training
                title=|t| t.home_training_title()
                text=|t| t.home_training_text()
            />
        </ul>
    }
}

/// One large, tappable card: the whole card is the link.
#[component]
fn WayIn(
    to: Route<'static>,
    title: fn(&Texts) -> &'static str,
    text: fn(&Texts) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li>
            <A href=to.href() attr:class="card-link">
                <span class="card-title">{move || title(i18n.t())}</span>
                <span class="card-text">{move || text(i18n.t())}</span>
            </A>
        </li>
    }
}
