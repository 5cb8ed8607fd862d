//! The domain: what Stegvis measures and the rules it follows, as plain Rust.
//!
//! Nothing here may touch the browser (no leptos, web-sys, gloo or wasm-bindgen):
//! `tests/domain_is_plain.rs` fails if it does, so all of it runs in native `cargo test`.

pub mod charts;
pub mod examples;
pub mod language;
pub mod questionnaire;
