//! Sealing a person's record for a colleague's device and opening it there, through WebCrypto
//! as a reply is (`seal::seal_to`); the formats are in `domain::handover::colleague`.

use super::seal::{Recipient, open_with, seal_to};
use crate::domain::handover::HandoverError;
use crate::domain::handover::book::DeviceKey;
use crate::domain::handover::codec::{PUBLIC_KEY_LEN, from_base64url};
use crate::domain::handover::colleague::{ReceiveCode, SealedRecord, receive_id};

const INFO: &[u8] = b"stegvis-record-v1";

/// Seals `record` (a backup file's text) so that only the device that showed `code` opens it.
pub async fn seal_record(code: &ReceiveCode, record: &str) -> Result<SealedRecord, HandoverError> {
    let to = Recipient {
        id: code.id,
        public_key: &code.public_key,
        info: INFO,
    };
    let mut sealed = SealedRecord {
        receive_id: code.id,
        ephemeral_key: [0; PUBLIC_KEY_LEN],
        sealed: Vec::new(),
    };
    (sealed.ephemeral_key, sealed.sealed) = seal_to(&to, record.as_bytes(), |ephemeral| {
        SealedRecord {
            ephemeral_key: *ephemeral,
            ..sealed.clone()
        }
        .associated_data()
    })
    .await?;
    Ok(sealed)
}

/// The record's text, opened with this device's key; a record for another device is refused
/// before anything is tried.
pub async fn open_record(
    record: &SealedRecord,
    device: &DeviceKey,
) -> Result<String, HandoverError> {
    let public = from_base64url(&device.public_raw).ok_or(HandoverError::NotForThisDevice)?;
    if receive_id(&public) != record.receive_id {
        return Err(HandoverError::NotForThisDevice);
    }
    let plain = open_with(
        device,
        record.receive_id,
        INFO,
        &record.ephemeral_key,
        None,
        &record.associated_data(),
        &record.sealed,
    )
    .await?;
    String::from_utf8(plain).map_err(|_| HandoverError::Tampered)
}
