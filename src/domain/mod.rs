//! The domain: what Stegvis measures and the rules it follows, as plain Rust.
//!
//! Nothing here may touch the browser (no leptos, web-sys, gloo or wasm-bindgen):
//! `tests/domain_is_plain.rs` fails if it does, so all of it runs in native `cargo test`.

pub mod activity_draft;
pub mod assessment;
pub mod bar_charts;
pub mod caseload;
pub mod caseload_parts;
pub mod charts;
pub mod error;
pub mod handover;
pub mod her_plan;
pub mod interventions;
pub mod language;
pub mod list_summary;
pub mod merge;
pub mod org_summary;
pub mod over_time;
pub mod participant;
pub mod plan;
pub mod plan_checks;
pub mod progression;
pub mod questionnaire;
pub mod reflection;
pub mod sensitive;
pub mod settings;
pub mod spider_markup;
pub mod spider_shape;
pub mod stored_time;
pub mod three_way;
pub mod timeline;
pub mod training;
pub mod worklist;
