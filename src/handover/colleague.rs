//! Sealing a person's record for a colleague's device and opening it there, through WebCrypto
//! as a reply is (`seal::seal_to`), compressed first (version 2) with the browser's deflate;
//! the formats are in `domain::handover::colleague`.

use super::deflate;
use super::seal::{Recipient, open_with, seal_to};
use crate::domain::handover::HandoverError;
use crate::domain::handover::book::DeviceKey;
use crate::domain::handover::codec::{PUBLIC_KEY_LEN, from_base64url};
use crate::domain::handover::colleague::{
    COMPRESSED_RECORD_VERSION, PLAIN_RECORD_VERSION, ReceiveCode, SealedRecord, receive_id,
};

const INFO: &[u8] = b"stegvis-record-v1";
const COMPRESSED_INFO: &[u8] = b"stegvis-record-v2";

/// Seals `record` (a backup file's text), compressed where this browser can (else as version
/// 1), so that only the device that showed `code` opens it.
pub async fn seal_record(code: &ReceiveCode, record: &str) -> Result<SealedRecord, HandoverError> {
    let (version, info, content) = match deflate::compress(record.as_bytes()).await {
        Ok(compressed) => (COMPRESSED_RECORD_VERSION, COMPRESSED_INFO, compressed),
        Err(_) => (PLAIN_RECORD_VERSION, INFO, record.as_bytes().to_vec()),
    };
    let to = Recipient {
        id: code.id,
        public_key: &code.public_key,
        info,
    };
    let mut sealed = SealedRecord {
        version,
        receive_id: code.id,
        ephemeral_key: [0; PUBLIC_KEY_LEN],
        sealed: Vec::new(),
    };
    (sealed.ephemeral_key, sealed.sealed) = seal_to(&to, &content, |ephemeral| {
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
    let info = match record.version {
        COMPRESSED_RECORD_VERSION => COMPRESSED_INFO,
        _ => INFO,
    };
    let plain = open_with(
        device,
        record.receive_id,
        info,
        &record.ephemeral_key,
        None,
        &record.associated_data(),
        &record.sealed,
    )
    .await?;
    let plain = match record.version {
        COMPRESSED_RECORD_VERSION => deflate::decompress(&plain).await?,
        _ => plain,
    };
    String::from_utf8(plain).map_err(|_| HandoverError::Tampered)
}
