//! Reusable pieces of the interface.

pub mod coming_soon;
pub mod confirm_dialog;
pub mod import_backup;
pub mod language_switch;
pub mod site_header;
pub mod spider_chart;
pub mod storage_notice;
