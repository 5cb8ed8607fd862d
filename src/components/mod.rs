//! Reusable pieces of the interface.

pub mod coming_soon;
pub mod language_switch;
pub mod site_header;
pub mod spider_chart;
