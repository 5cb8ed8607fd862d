//! Paths inside the app that more than one screen links to.

use crate::browser::app_path;
use crate::domain::assessment::Round;
use crate::domain::questionnaire::ParticipantItem;

/// Where a round's participant part continues: the first unanswered item, else the summary.
pub fn resume_path(round: &Round) -> String {
    let next = round
        .participant_part
        .as_ref()
        .map_or(Some(ParticipantItem::ALL[0]), |p| p.first_unanswered());
    match next.and_then(|item| ParticipantItem::ALL.iter().position(|i| *i == item)) {
        Some(index) => app_path(&format!("/round/{}/answer/{}", round.id, index + 1)),
        None => app_path(&format!("/round/{}/summary", round.id)),
    }
}
