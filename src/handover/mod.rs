//! Handing answers from a participant's phone to her counsellor's device, in the browser:
//! sealing with WebCrypto, links with a fragment, QR codes and the webcam. The formats and
//! the rules are plain Rust in `domain::handover`.

#[cfg(test)]
mod benchmark;
pub mod camera;
pub mod colleague;
pub mod deflate;
pub mod link;
pub mod paste_or_file;
pub mod plan_seal;
pub mod qr;
pub mod seal;
pub mod send;
pub mod sequence;
pub mod share;

use crate::domain::handover::HandoverError;
use crate::i18n::Texts;

/// The message for a refused invitation or reply, in the user's language.
pub fn error_text(t: &Texts, error: &HandoverError) -> &'static str {
    match error {
        HandoverError::Empty => t.handover_error_empty(),
        HandoverError::NotBase64 | HandoverError::NotStegvis => t.handover_error_not_stegvis(),
        HandoverError::InvitationNotReply => t.handover_error_invitation_not_reply(),
        HandoverError::ReplyNotInvitation => t.handover_error_reply_not_invitation(),
        HandoverError::NotAPlan => t.handover_error_not_a_plan(),
        HandoverError::PlanNotAnswers => t.handover_error_plan_not_answers(),
        HandoverError::WrongCode => t.handover_error_wrong_code(),
        HandoverError::OlderPlan => t.handover_error_older_plan(),
        HandoverError::ForAnotherPhone => t.handover_error_for_another_phone(),
        HandoverError::OtherStep => t.handover_error_other_step(),
        HandoverError::UnknownVersion(_) => t.handover_error_unknown_version(),
        HandoverError::Truncated => t.handover_error_truncated(),
        HandoverError::TrailingBytes
        | HandoverError::BadKey
        | HandoverError::BadAnswer(_)
        | HandoverError::BadComment => t.handover_error_damaged(),
        HandoverError::TooLarge => t.handover_error_too_large(),
        HandoverError::NotForThisDevice => t.handover_error_not_for_this_device(),
        HandoverError::Tampered => t.handover_error_tampered(),
        HandoverError::NoCrypto => t.handover_error_no_crypto(),
        HandoverError::OtherAnswersThere => t.handover_error_other_answers(),
        HandoverError::RoundGone => t.handover_error_round_gone(),
    }
}
