//! The lock's own parameters, stored in clear under `keys::LOCK` while the data is locked.
//!
//! Format version 1:
//! `{"format":"stegvis-lock","version":1,"key_id":..,"auto_lock_seconds":600,
//!   "passphrase":<wrap>,"recovery":<wrap>}`, where a wrap is
//! `{"kdf":"PBKDF2-HMAC-SHA-256","iterations":600000,"salt":..,"iv":..,"wrapped":..}`:
//! the random data key sealed (AES-256-GCM, associated data "stegvis-lock/1/<which>") with the
//! 256 bits PBKDF2 derives from the secret and the wrap's own random salt. The iteration count
//! is stored, so it can be raised later. The derivation itself runs in the browser (WebCrypto).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use super::sealed::{DataKey, IV_LEN, KEY_LEN, decrypt, encrypt};

pub const FORMAT: &str = "stegvis-lock";
pub const VERSION: u64 = 1;
pub const KDF: &str = "PBKDF2-HMAC-SHA-256";
/// OWASP's current figure for PBKDF2-HMAC-SHA-256.
pub const ITERATIONS: u32 = 600_000;
pub const SALT_LEN: usize = 16;
/// Ten minutes without use, unless the user chose otherwise.
pub const DEFAULT_AUTO_LOCK_SECONDS: u32 = 600;
/// The shortest passphrase the app accepts.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Which secret a wrap opens with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Secret {
    Passphrase,
    RecoveryCode,
}

impl Secret {
    fn label(self) -> &'static str {
        match self {
            Secret::Passphrase => "passphrase",
            Secret::RecoveryCode => "recovery",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockError {
    /// Not a lock record (or not JSON).
    Damaged,
    /// Written by a newer version of the app.
    TooNew { version: u64 },
    /// The passphrase or recovery code does not open it.
    WrongSecret,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wrap {
    pub kdf: String,
    pub iterations: u32,
    salt: String,
    iv: String,
    wrapped: String,
}

impl Wrap {
    /// Wraps `key` with `derived` (PBKDF2 of the secret with `salt` and `iterations`).
    pub fn new(
        which: Secret,
        key: &DataKey,
        derived: &[u8; KEY_LEN],
        salt: [u8; SALT_LEN],
        iterations: u32,
        iv: [u8; IV_LEN],
    ) -> Wrap {
        Wrap {
            kdf: KDF.to_owned(),
            iterations,
            salt: STANDARD.encode(salt),
            iv: STANDARD.encode(iv),
            wrapped: STANDARD.encode(encrypt(derived, &iv, &aad(which), key.bytes())),
        }
    }

    pub fn salt(&self) -> Vec<u8> {
        STANDARD.decode(&self.salt).unwrap_or_default()
    }

    /// The data key, if `derived` comes from the right secret.
    pub fn open(&self, which: Secret, derived: &[u8; KEY_LEN]) -> Result<DataKey, LockError> {
        let (Ok(iv), Ok(wrapped)) = (STANDARD.decode(&self.iv), STANDARD.decode(&self.wrapped))
        else {
            return Err(LockError::Damaged);
        };
        let bytes = decrypt(derived, &iv, &aad(which), &wrapped).ok_or(LockError::WrongSecret)?;
        Ok(DataKey::from_bytes(
            bytes.try_into().map_err(|_| LockError::Damaged)?,
        ))
    }
}

fn aad(which: Secret) -> Vec<u8> {
    format!("{FORMAT}/{VERSION}/{}", which.label()).into_bytes()
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockRecord {
    format: String,
    version: u64,
    pub key_id: String,
    pub auto_lock_seconds: u32,
    pub passphrase: Wrap,
    pub recovery: Wrap,
}

impl LockRecord {
    pub fn new(key: &DataKey, passphrase: Wrap, recovery: Wrap) -> LockRecord {
        LockRecord {
            format: FORMAT.to_owned(),
            version: VERSION,
            key_id: key.id(),
            auto_lock_seconds: DEFAULT_AUTO_LOCK_SECONDS,
            passphrase,
            recovery,
        }
    }

    pub fn parse(text: &str) -> Result<LockRecord, LockError> {
        LockRecord::from_value(serde_json::from_str(text).map_err(|_| LockError::Damaged)?)
    }

    /// Read as JSON already (localStorage through gloo-storage gives it so).
    pub fn from_value(value: serde_json::Value) -> Result<LockRecord, LockError> {
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(LockError::Damaged);
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(version) if version > VERSION => Err(LockError::TooNew { version }),
            Some(_) => serde_json::from_value(value).map_err(|_| LockError::Damaged),
            None => Err(LockError::Damaged),
        }
    }

    /// The text gloo-storage stores (`small_store::write` serialises the record the same way).
    #[cfg(test)]
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("a lock record serialises")
    }

    pub fn wrap(&self, which: Secret) -> &Wrap {
        match which {
            Secret::Passphrase => &self.passphrase,
            Secret::RecoveryCode => &self.recovery,
        }
    }
}

/// Crockford's base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const RECOVERY_LEN: usize = 16;

/// 128 random bits as 26 characters in groups of four: "7K2P-QX9D-…-4M".
pub fn recovery_code(bits: &[u8; RECOVERY_LEN]) -> String {
    let number = u128::from_be_bytes(*bits);
    let chars: Vec<char> = (0..26)
        .rev()
        .map(|i| ALPHABET[((number >> (i * 5)) & 31) as usize] as char)
        .collect();
    chars
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// The 128 bits back from what a person typed: case, spaces and dashes do not matter, and
/// O, I and L are read as 0, 1 and 1.
pub fn parse_recovery_code(typed: &str) -> Option<[u8; RECOVERY_LEN]> {
    let mut number: u128 = 0;
    let mut count = 0;
    for c in typed.chars().filter(|c| !c.is_whitespace() && *c != '-') {
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        let digit = ALPHABET.iter().position(|&a| a as char == c)? as u128;
        // The first character carries only 3 of the 130 bits' worth.
        if count == 0 && digit > 7 {
            return None;
        }
        number = (number << 5) | digit;
        count += 1;
    }
    (count == 26).then(|| number.to_be_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> (DataKey, LockRecord) {
        let key = DataKey::from_bytes([9; KEY_LEN]);
        let passphrase = Wrap::new(
            Secret::Passphrase,
            &key,
            &[1; 32],
            [2; 16],
            ITERATIONS,
            [3; 12],
        );
        let recovery = Wrap::new(
            Secret::RecoveryCode,
            &key,
            &[4; 32],
            [5; 16],
            ITERATIONS,
            [6; 12],
        );
        (key.clone(), LockRecord::new(&key, passphrase, recovery))
    }

    #[test]
    fn a_record_round_trips_and_opens_with_either_secret() {
        let (key, record) = record();
        let again = LockRecord::parse(&record.to_text()).unwrap();
        assert_eq!(again, record);
        assert_eq!(again.key_id, key.id());
        assert_eq!(again.passphrase.iterations, 600_000);
        assert_eq!(again.passphrase.salt(), [2; 16]);
        assert_eq!(
            again
                .wrap(Secret::Passphrase)
                .open(Secret::Passphrase, &[1; 32]),
            Ok(key.clone())
        );
        assert_eq!(
            again
                .wrap(Secret::RecoveryCode)
                .open(Secret::RecoveryCode, &[4; 32]),
            Ok(key)
        );
    }

    #[test]
    fn a_wrong_secret_opens_nothing() {
        let (_, record) = record();
        assert_eq!(
            record.passphrase.open(Secret::Passphrase, &[7; 32]),
            Err(LockError::WrongSecret)
        );
        // The recovery wrap's key does not open the passphrase wrap's label either.
        assert_eq!(
            record.passphrase.open(Secret::RecoveryCode, &[1; 32]),
            Err(LockError::WrongSecret)
        );
    }

    #[test]
    fn newer_and_damaged_records_are_refused() {
        assert_eq!(
            LockRecord::parse(r#"{"format":"stegvis-lock","version":3}"#),
            Err(LockError::TooNew { version: 3 })
        );
        assert_eq!(LockRecord::parse("{}"), Err(LockError::Damaged));
        assert_eq!(LockRecord::parse("nope"), Err(LockError::Damaged));
    }

    fn fixture(name: &str) -> String {
        let path = format!("{}/tests/fixtures/lock/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing fixture {path}"))
    }

    fn derive(secret: &[u8], wrap: &Wrap) -> [u8; KEY_LEN] {
        let mut out = [0; KEY_LEN];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(secret, &wrap.salt(), wrap.iterations, &mut out);
        out
    }

    // Guards the shipped lock format: a device locked by this version opens in every later one,
    // with the passphrase and with the recovery code (PBKDF2 here is the browser's, by spec).
    #[test]
    fn the_shipped_lock_fixture_opens_with_either_secret() {
        use crate::storage::{envelope, keys, sealed};
        let record = LockRecord::parse(&fixture("v1-lock.json")).unwrap();
        let secrets: serde_json::Value = serde_json::from_str(&fixture("v1-secrets.json")).unwrap();
        assert!(record.passphrase.iterations >= ITERATIONS);
        assert_eq!(record.passphrase.kdf, KDF);
        let passphrase = secrets["passphrase"].as_str().unwrap().as_bytes();
        let key = record
            .passphrase
            .open(Secret::Passphrase, &derive(passphrase, &record.passphrase))
            .unwrap();
        assert_eq!(key.id(), record.key_id);
        let code = parse_recovery_code(secrets["recovery_code"].as_str().unwrap()).unwrap();
        let by_code = record
            .recovery
            .open(Secret::RecoveryCode, &derive(&code, &record.recovery))
            .unwrap();
        assert_eq!(by_code, key);
        let stored = fixture("v1-data.json");
        let plain = sealed::open(&key, keys::DATA, stored.trim()).unwrap();
        assert_eq!(envelope::open(&plain).unwrap().data.participants().len(), 2);
        let wrong = DataKey::from_bytes([0; KEY_LEN]);
        assert_eq!(
            sealed::open(&wrong, keys::DATA, stored.trim()),
            Err(sealed::SealError::WrongKey)
        );
        assert_eq!(
            record
                .passphrase
                .open(Secret::Passphrase, &derive(b"not it", &record.passphrase)),
            Err(LockError::WrongSecret)
        );
    }

    #[test]
    fn a_recovery_code_is_typable_and_reads_back() {
        let bits = [
            0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0xff, 0,
        ];
        let code = recovery_code(&bits);
        assert_eq!(code.len(), 26 + 6);
        assert!(code.split('-').all(|group| group.len() <= 4));
        assert_eq!(parse_recovery_code(&code), Some(bits));
        let sloppy = code
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(parse_recovery_code(&sloppy), Some(bits));
        assert_eq!(parse_recovery_code(&code[..20]), None);
        assert_eq!(parse_recovery_code(&format!("{code}X")), None);
        assert_eq!(recovery_code(&[0xff; 16]).chars().next(), Some('7'));
        assert_eq!(parse_recovery_code(&format!("8{}", &code[1..])), None);
    }
}
