//! A stored value sealed with the device's data key (AES-256-GCM), for a locked device.
//!
//! Format version 1, one JSON object per storage key:
//! `{"format":"stegvis-sealed","version":1,"key":<key id>,"iv":<base64>,"data":<base64>}`.
//! Every write has a fresh random 96-bit IV; the associated data is the format, its version and
//! the storage key, so a value moved to another key, or relabelled, does not open. `key` names
//! which data key sealed it (a hash, not the key), so a wrong key and tampered data are told
//! apart. AES-GCM comes from RustCrypto's audited `aes-gcm`: localStorage is synchronous, and
//! sealing in step with each write keeps the storage layer's guarantees as they are.

use std::borrow::Cow;

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const FORMAT: &str = "stegvis-sealed";
pub const VERSION: u64 = 1;
pub const KEY_LEN: usize = 32;
pub const IV_LEN: usize = 12;

/// The random key that seals the data. It lives only in memory while the device is unlocked.
#[derive(Clone, PartialEq, Eq)]
pub struct DataKey([u8; KEY_LEN]);

impl DataKey {
    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> DataKey {
        DataKey(bytes)
    }

    pub fn bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// Names this key without revealing it: the first 8 bytes of a labelled SHA-256.
    pub fn id(&self) -> String {
        let digest = Sha256::new()
            .chain_update(b"stegvis-data-key-id")
            .chain_update(self.0)
            .finalize();
        STANDARD.encode(&digest[..8])
    }
}

// Never print a key, not even in a panic message.
impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DataKey({})", self.id())
    }
}

/// Why a stored text did not open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealError {
    /// Not a sealed value at all (plain text, or not JSON).
    NotSealed,
    /// Sealed by a newer version of the app.
    TooNew { version: u64 },
    /// Sealed with another data key.
    WrongKey,
    /// Sealed with this key, but changed since.
    Tampered,
}

#[derive(Serialize)]
struct SealedValue {
    format: String,
    version: u64,
    key: String,
    iv: String,
    data: String,
}

/// AES-256-GCM with `aad`; the ciphertext ends with the 16-byte tag.
pub fn encrypt(key: &[u8; KEY_LEN], iv: &[u8; IV_LEN], aad: &[u8], plain: &[u8]) -> Vec<u8> {
    Aes256Gcm::new(key.into())
        .encrypt(Nonce::from_slice(iv), Payload { msg: plain, aad })
        .expect("AES-GCM seals any message of a size that fits in memory")
}

/// The plain bytes, or `None` if the key, IV or associated data differ or the bytes changed.
pub fn decrypt(key: &[u8; KEY_LEN], iv: &[u8], aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    if iv.len() != IV_LEN {
        return None;
    }
    Aes256Gcm::new(key.into())
        .decrypt(Nonce::from_slice(iv), Payload { msg: sealed, aad })
        .ok()
}

fn associated_data(storage_key: &str) -> Vec<u8> {
    format!("{FORMAT}/{VERSION}/{storage_key}").into_bytes()
}

/// Seals `plain` for `storage_key` with a fresh `iv` (never reuse one).
pub fn seal(key: &DataKey, storage_key: &str, plain: &str, iv: [u8; IV_LEN]) -> String {
    let data = encrypt(&key.0, &iv, &associated_data(storage_key), plain.as_bytes());
    serde_json::to_string(&SealedValue {
        format: FORMAT.to_owned(),
        version: VERSION,
        key: key.id(),
        iv: STANDARD.encode(iv),
        data: STANDARD.encode(data),
    })
    .expect("a sealed value serialises")
}

/// True when `text` is a sealed value of any version.
pub fn is_sealed(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text)
        .is_ok_and(|value| value.get("format").and_then(|f| f.as_str()) == Some(FORMAT))
}

/// A sealed value as written, its texts borrowed from the stored text (base64 has nothing to
/// unescape): unlocking reads a thousand records of 40 KB.
#[derive(Deserialize)]
struct SealedText<'a> {
    #[serde(borrow)]
    format: Cow<'a, str>,
    version: u64,
    #[serde(borrow)]
    key: Cow<'a, str>,
    #[serde(borrow)]
    iv: Cow<'a, str>,
    #[serde(borrow)]
    data: Cow<'a, str>,
}

/// What WebCrypto needs to open a sealed value: its IV, associated data and ciphertext.
pub struct Sealed {
    pub iv: Vec<u8>,
    pub associated_data: Vec<u8>,
    pub data: Vec<u8>,
}

/// The parts of what `seal` wrote for `storage_key` with `key`, checked as far as they can be
/// without decrypting.
pub fn parts(key: &DataKey, storage_key: &str, text: &str) -> Result<Sealed, SealError> {
    let sealed = match serde_json::from_str::<SealedText>(text) {
        Ok(sealed) if sealed.format == FORMAT && sealed.version <= VERSION => sealed,
        _ => return Err(why_not_sealed(text)),
    };
    if sealed.key != key.id() {
        return Err(SealError::WrongKey);
    }
    let (Ok(iv), Ok(data)) = (STANDARD.decode(&*sealed.iv), STANDARD.decode(&*sealed.data)) else {
        return Err(SealError::Tampered);
    };
    Ok(Sealed {
        iv,
        associated_data: associated_data(storage_key),
        data,
    })
}

/// Why `text` is not a sealed value of this version, read as far as it goes.
fn why_not_sealed(text: &str) -> SealError {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return SealError::NotSealed;
    };
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return SealError::NotSealed;
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(version) if version > VERSION => SealError::TooNew { version },
        _ => SealError::Tampered,
    }
}

/// Opens what `seal` wrote for `storage_key`.
pub fn open(key: &DataKey, storage_key: &str, text: &str) -> Result<String, SealError> {
    let sealed = parts(key, storage_key, text)?;
    let plain = decrypt(&key.0, &sealed.iv, &sealed.associated_data, &sealed.data)
        .ok_or(SealError::Tampered)?;
    String::from_utf8(plain).map_err(|_| SealError::Tampered)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> DataKey {
        DataKey::from_bytes([byte; KEY_LEN])
    }

    #[test]
    fn what_is_sealed_opens_with_the_same_key_and_storage_key() {
        let text = seal(&key(1), "stegvis.data", "Amira Haddad", [7; IV_LEN]);
        assert!(is_sealed(&text));
        assert!(!text.contains("Amira"));
        assert_eq!(
            open(&key(1), "stegvis.data", &text).as_deref(),
            Ok("Amira Haddad")
        );
    }

    #[test]
    fn a_fresh_iv_gives_a_different_text() {
        let a = seal(&key(1), "stegvis.data", "same", [1; IV_LEN]);
        let b = seal(&key(1), "stegvis.data", "same", [2; IV_LEN]);
        assert_ne!(a, b);
    }

    // Guards the two errors the issue asks to tell apart: wrong key and tampered data.
    #[test]
    fn a_wrong_key_and_tampered_data_are_refused_each_with_its_own_error() {
        let text = seal(&key(1), "stegvis.data", "secret", [3; IV_LEN]);
        assert_eq!(
            open(&key(2), "stegvis.data", &text),
            Err(SealError::WrongKey)
        );
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let data = value["data"].as_str().unwrap().to_owned();
        let flipped = if data.starts_with('A') { "B" } else { "A" };
        value["data"] = format!("{flipped}{}", &data[1..]).into();
        assert_eq!(
            open(&key(1), "stegvis.data", &value.to_string()),
            Err(SealError::Tampered)
        );
        value["data"] = "not base64!".into();
        assert_eq!(
            open(&key(1), "stegvis.data", &value.to_string()),
            Err(SealError::Tampered)
        );
    }

    // Guards the associated data: a value copied under another key does not open there.
    #[test]
    fn a_value_moved_to_another_key_is_refused() {
        let text = seal(&key(1), "stegvis.data", "secret", [3; IV_LEN]);
        assert_eq!(
            open(&key(1), "stegvis.recovery.x", &text),
            Err(SealError::Tampered)
        );
    }

    #[test]
    fn plain_and_newer_texts_are_told_apart() {
        assert_eq!(
            open(&key(1), "k", "{\"format\":\"stegvis\"}"),
            Err(SealError::NotSealed)
        );
        assert_eq!(open(&key(1), "k", "not json"), Err(SealError::NotSealed));
        let newer = r#"{"format":"stegvis-sealed","version":9,"anything":"else"}"#;
        assert_eq!(
            open(&key(1), "k", newer),
            Err(SealError::TooNew { version: 9 })
        );
        let shapeless = r#"{"format":"stegvis-sealed","version":1,"key":"x"}"#;
        assert_eq!(open(&key(1), "k", shapeless), Err(SealError::Tampered));
    }

    // Guards the borrowed reading of a sealed text: the same value with a character escaped in
    // its JSON opens alike.
    #[test]
    fn a_sealed_text_with_escapes_opens_alike() {
        let text = seal(&key(1), "k", "secret", [3; IV_LEN]);
        let at = text.find("\"data\":\"").unwrap() + 8;
        let first = text.as_bytes()[at];
        let escaped = format!("{}\\u{:04x}{}", &text[..at], first, &text[at + 1..]);
        assert_ne!(escaped, text);
        assert_eq!(open(&key(1), "k", &escaped).as_deref(), Ok("secret"));
        assert_eq!(
            parts(&key(1), "k", &escaped).unwrap().data,
            parts(&key(1), "k", &text).unwrap().data
        );
    }

    #[test]
    fn a_key_is_never_printed() {
        assert!(!format!("{:?}", key(0xab)).contains("171"));
        assert_eq!(key(1).id(), key(1).id());
        assert_ne!(key(1).id(), key(2).id());
    }
}
