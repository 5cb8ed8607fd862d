//! The questionnaire's items. Only ids live here; their texts are in the locale files.

use serde::{Deserialize, Serialize};

/// The eight items the participant rates (SKAPA), in the order they are asked and drawn.
/// Stored under the same snake_case id that [`ParticipantItem::id`] returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantItem {
    JobChances,
    ManagingJob,
    Cooperation,
    Health,
    EverydayLife,
    Competence,
    WageLevel,
    JobSearch,
}

impl ParticipantItem {
    pub const ALL: [ParticipantItem; 8] = [
        ParticipantItem::JobChances,
        ParticipantItem::ManagingJob,
        ParticipantItem::Cooperation,
        ParticipantItem::Health,
        ParticipantItem::EverydayLife,
        ParticipantItem::Competence,
        ParticipantItem::WageLevel,
        ParticipantItem::JobSearch,
    ];

    /// A stable id for storage and export; never changes once shipped.
    pub fn id(self) -> &'static str {
        match self {
            ParticipantItem::JobChances => "job_chances",
            ParticipantItem::ManagingJob => "managing_job",
            ParticipantItem::Cooperation => "cooperation",
            ParticipantItem::Health => "health",
            ParticipantItem::EverydayLife => "everyday_life",
            ParticipantItem::Competence => "competence",
            ParticipantItem::WageLevel => "wage_level",
            ParticipantItem::JobSearch => "job_search",
        }
    }

    /// The item with this stable id (from a URL, a CSV header or a form field).
    pub fn from_id(id: &str) -> Option<ParticipantItem> {
        ParticipantItem::ALL
            .into_iter()
            .find(|item| item.id() == id)
    }
}

/// Every rated item uses five steps, 1 (lowest) to 5 (highest).
pub const SCALE_MIN: u8 = 1;
pub const SCALE_MAX: u8 = 5;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn eight_items_with_unique_ids() {
        let ids: HashSet<_> = ParticipantItem::ALL.iter().map(|i| i.id()).collect();
        assert_eq!(ids.len(), 8);
    }

    #[test]
    fn ids_round_trip_and_match_the_stored_name() {
        for item in ParticipantItem::ALL {
            assert_eq!(ParticipantItem::from_id(item.id()), Some(item));
            // The stored JSON name must stay the id, or old data stops loading.
            assert_eq!(
                serde_json::to_value(item).unwrap(),
                serde_json::json!(item.id())
            );
        }
        assert_eq!(ParticipantItem::from_id("belief"), None);
    }
}
