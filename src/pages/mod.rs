//! One file per route.

pub mod answers_summary;
pub mod counsellor;
pub mod counsellor_part;
pub mod data;
pub mod home;
pub mod not_found;
pub mod org_summary;
pub mod participant;
pub mod participant_overview;
pub mod plan;
pub mod question;
pub mod round_missing;
pub mod thanks;
pub mod training;
