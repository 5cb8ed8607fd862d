//! Reusable pieces of the interface.

pub mod archive_participant;
pub mod backup_now;
pub mod catalogue_editor;
pub mod chart_description;
pub mod chart_view;
pub mod confirm_dialog;
pub mod echarts_loader;
pub mod framed_notice;
pub mod handed_over;
pub mod her_progress;
pub mod import_backup;
pub mod language_switch;
pub mod live_text;
pub mod merge_participant;
pub mod participant_edit;
pub mod plan_advice;
pub mod progress_view;
pub mod read_aloud;
pub mod refusal;
pub mod round_answers;
pub mod round_missing;
pub mod scale_question;
pub mod site_header;
pub mod spider_svg;
pub mod storage_notice;
pub mod training_banner;
