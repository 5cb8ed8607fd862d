//! One file per route.

pub mod answers_summary;
pub mod counsellor;
pub mod counsellor_part;
pub mod data;
pub mod home;
pub mod invitation;
pub mod invite;
pub mod move_person;
pub mod my_plan;
pub mod not_found;
pub mod org_summary;
pub mod participant;
pub mod participant_overview;
pub mod plan;
pub mod question;
pub mod receive;
pub mod thanks;
pub mod training;
pub mod unlock;
