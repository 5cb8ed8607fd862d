use leptos::prelude::*;

use crate::components::coming_soon::ComingSoon;

/// `/participant`: the self-assessment (built in the questionnaire issue).
#[component]
pub fn ParticipantPage() -> impl IntoView {
    view! { <ComingSoon title=|t| t.coming_participant_title text=|t| t.coming_participant_text /> }
}
