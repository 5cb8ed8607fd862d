//! One file per route.

pub mod counsellor;
pub mod data;
pub mod home;
pub mod not_found;
pub mod participant;
pub mod training;
