//! Handing a participant's answers from her own phone to her counsellor's device with no
//! server: the invitation the counsellor shows, the sealed reply the phone sends back, and
//! what each device keeps about them. The sealing itself is WebCrypto's (see `src/handover/`);
//! everything here is plain Rust.

pub mod book;
pub mod codec;
pub mod colleague;
pub mod sequence;

use std::fmt;

/// Why an invitation or a reply was refused. Each variant is one translated message, and none
/// of them changes anything on the device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandoverError {
    /// Nothing there: an empty link, file or code.
    Empty,
    /// Characters that cannot be part of a Stegvis link.
    NotBase64,
    /// Readable, but not something Stegvis made.
    NotStegvis,
    /// An invitation where a reply was expected.
    InvitationNotReply,
    /// A reply where an invitation was expected.
    ReplyNotInvitation,
    /// An invitation or a reply where a participant's plan was expected.
    NotAPlan,
    /// A participant's plan where an invitation or a reply was expected.
    PlanNotAnswers,
    /// The code she typed does not open the plan (or the plan was changed on the way).
    WrongCode,
    /// A plan sealed to another phone's key (or to this phone's, before its data was erased):
    /// she asks for it with digits instead.
    ForAnotherPhone,
    /// This phone already has this plan, or a newer one from the same counsellor.
    OlderPlan,
    /// Something Stegvis made, for another step than this screen's (a receive code where a
    /// moved record was expected, an invitation where a receive code was, ...).
    OtherStep,
    /// Made by a newer (or unknown) version of the app.
    UnknownVersion(u8),
    /// Cut short: part of the link or file is missing.
    Truncated,
    /// Something extra after the end.
    TrailingBytes,
    /// A public key that is not a P-256 point.
    BadKey,
    /// Far larger than any real link or file.
    TooLarge,
    /// An answer code outside the scale.
    BadAnswer(u8),
    /// A comment that is not text.
    BadComment,
    /// The reply answers an invitation this device never made.
    NotForThisDevice,
    /// The sealed answers do not open with this device's key: changed on the way, or damaged.
    Tampered,
    /// This browser cannot seal or open answers (no WebCrypto, e.g. a page not served securely).
    NoCrypto,
    /// The round already holds other answers from the participant: they are kept.
    OtherAnswersThere,
    /// The invited round or participant is no longer on this device.
    RoundGone,
}

impl fmt::Display for HandoverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for HandoverError {}

#[cfg(test)]
mod tests;
