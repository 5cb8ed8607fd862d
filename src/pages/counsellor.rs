use leptos::prelude::*;

use crate::components::coming_soon::ComingSoon;

/// `/counsellor`: the caseload (built in the questionnaire issue).
#[component]
pub fn CounsellorPage() -> impl IntoView {
    view! { <ComingSoon title=|t| t.coming_counsellor_title text=|t| t.coming_counsellor_text /> }
}
