//! A backup file encrypted with the lock's passphrase, so that a copy taken off a locked device
//! is as closed as the device itself, and opens on any device (a new laptop too) with the
//! passphrase alone.
//!
//! Format version 1:
//! `{"format":"stegvis-sealed-backup","version":1,"kdf":"PBKDF2-HMAC-SHA-256","iterations":N,
//!   "salt":<base64>,"key":<key id>,"iv":<base64>,"data":<base64>}`.
//! `data` is the plain backup file's text (see `backup`), sealed with AES-256-GCM under the 256
//! bits PBKDF2 derives from the passphrase and this file's own random salt; the associated data
//! is the format and its version. `key` names the derived key (a hash, not the key), so a wrong
//! passphrase and a damaged file get different messages. The derivation runs in the browser.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use super::lock_record::{KDF, SALT_LEN};
use super::sealed::{DataKey, IV_LEN, KEY_LEN, decrypt, encrypt};

pub const FORMAT: &str = "stegvis-sealed-backup";
pub const VERSION: u64 = 1;
/// A file asking for more rounds than this is refused rather than left to freeze the tab.
pub const MAX_ITERATIONS: u32 = 10_000_000;

/// Why an encrypted backup did not open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealedBackupError {
    /// Written by a newer version of the app.
    TooNew { version: u64 },
    /// An encrypted backup, but broken (fields missing, changed after it was written).
    Damaged,
    /// The passphrase typed is not the one it was saved with.
    WrongPassphrase,
}

/// An encrypted backup as read from a file, waiting for its passphrase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedBackup {
    format: String,
    version: u64,
    kdf: String,
    pub iterations: u32,
    salt: String,
    key: String,
    iv: String,
    data: String,
}

fn associated_data() -> Vec<u8> {
    format!("{FORMAT}/{VERSION}").into_bytes()
}

impl SealedBackup {
    /// Seals the plain backup file `plain` with `derived` (PBKDF2 of the passphrase with `salt`
    /// and `iterations`) and a fresh `iv`; returns the file's text.
    pub fn seal(
        plain: &str,
        derived: &[u8; KEY_LEN],
        salt: [u8; SALT_LEN],
        iterations: u32,
        iv: [u8; IV_LEN],
    ) -> String {
        let file = SealedBackup {
            format: FORMAT.to_owned(),
            version: VERSION,
            kdf: KDF.to_owned(),
            iterations,
            salt: STANDARD.encode(salt),
            key: DataKey::from_bytes(*derived).id(),
            iv: STANDARD.encode(iv),
            data: STANDARD.encode(encrypt(derived, &iv, &associated_data(), plain.as_bytes())),
        };
        serde_json::to_string_pretty(&file).expect("an encrypted backup serialises")
    }

    /// `Ok(None)` when `text` is not an encrypted backup at all (a plain one, or anything else:
    /// the plain reader gives those their own messages).
    pub fn read(text: &str) -> Result<Option<SealedBackup>, SealedBackupError> {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
            return Ok(None);
        };
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Ok(None);
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(version) if version > VERSION => Err(SealedBackupError::TooNew { version }),
            Some(_) => {
                let file: SealedBackup =
                    serde_json::from_value(value).map_err(|_| SealedBackupError::Damaged)?;
                let usable = file.kdf == KDF
                    && (1..=MAX_ITERATIONS).contains(&file.iterations)
                    && file.salt().is_some();
                usable
                    .then_some(Some(file))
                    .ok_or(SealedBackupError::Damaged)
            }
            None => Err(SealedBackupError::Damaged),
        }
    }

    /// The salt to derive the key with.
    pub fn salt(&self) -> Option<Vec<u8>> {
        STANDARD.decode(&self.salt).ok()
    }

    /// The plain backup file's text, if `derived` comes from the right passphrase.
    pub fn open(&self, derived: &[u8; KEY_LEN]) -> Result<String, SealedBackupError> {
        if DataKey::from_bytes(*derived).id() != self.key {
            return Err(SealedBackupError::WrongPassphrase);
        }
        let (Ok(iv), Ok(data)) = (STANDARD.decode(&self.iv), STANDARD.decode(&self.data)) else {
            return Err(SealedBackupError::Damaged);
        };
        let plain =
            decrypt(derived, &iv, &associated_data(), &data).ok_or(SealedBackupError::Damaged)?;
        String::from_utf8(plain).map_err(|_| SealedBackupError::Damaged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::backup::{export_backup, parse_backup};
    use crate::storage::lock_record::ITERATIONS;
    use crate::storage::test_data::{at, sample};

    fn derive(passphrase: &str, salt: &[u8], iterations: u32) -> [u8; KEY_LEN] {
        let mut out = [0; KEY_LEN];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(passphrase.as_bytes(), salt, iterations, &mut out);
        out
    }

    fn sealed(plain: &str) -> String {
        SealedBackup::seal(plain, &[9; KEY_LEN], [1; SALT_LEN], 1_000, [2; IV_LEN])
    }

    #[test]
    fn a_sealed_backup_opens_with_its_key_and_hides_every_name() {
        let plain = export_backup(&sample(), at(0), true);
        let text = sealed(&plain);
        for word in ["Amira", "stegvis\"", "participants", "rounds"] {
            assert!(!text.contains(word), "{word} is readable");
        }
        let file = SealedBackup::read(&text).unwrap().unwrap();
        assert_eq!(file.iterations, 1_000);
        assert_eq!(file.salt(), Some(vec![1; SALT_LEN]));
        assert_eq!(file.open(&[9; KEY_LEN]).as_deref(), Ok(plain.as_str()));
    }

    // Guards the two messages the import shows: another passphrase, and a file changed since.
    #[test]
    fn a_wrong_passphrase_and_a_changed_file_are_told_apart() {
        let text = sealed("{}");
        let file = SealedBackup::read(&text).unwrap().unwrap();
        assert_eq!(
            file.open(&[8; KEY_LEN]),
            Err(SealedBackupError::WrongPassphrase)
        );
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let data = value["data"].as_str().unwrap().to_owned();
        let flipped = if data.starts_with('A') { "B" } else { "A" };
        value["data"] = format!("{flipped}{}", &data[1..]).into();
        let changed = SealedBackup::read(&value.to_string()).unwrap().unwrap();
        assert_eq!(changed.open(&[9; KEY_LEN]), Err(SealedBackupError::Damaged));
    }

    #[test]
    fn plain_newer_and_broken_files_are_each_recognised() {
        let plain = export_backup(&sample(), at(0), true);
        assert_eq!(SealedBackup::read(&plain), Ok(None));
        assert_eq!(SealedBackup::read("not json"), Ok(None));
        assert_eq!(
            SealedBackup::read(r#"{"format":"stegvis-sealed-backup","version":2}"#),
            Err(SealedBackupError::TooNew { version: 2 })
        );
        assert_eq!(
            SealedBackup::read(r#"{"format":"stegvis-sealed-backup","version":1}"#),
            Err(SealedBackupError::Damaged)
        );
        let mut greedy: serde_json::Value = serde_json::from_str(&sealed("{}")).unwrap();
        greedy["iterations"] = (u64::from(MAX_ITERATIONS) + 1).into();
        assert_eq!(
            SealedBackup::read(&greedy.to_string()),
            Err(SealedBackupError::Damaged)
        );
    }

    fn fixture(name: &str) -> String {
        let path = format!(
            "{}/tests/fixtures/backup/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing fixture {path}"))
    }

    // Guards the shipped format: an encrypted backup written by this version opens in every
    // later one with its passphrase (the browser's import opens the same file in lock.spec.ts).
    #[test]
    fn the_shipped_encrypted_backup_opens_with_its_passphrase() {
        let text = fixture("v1-sealed-backup.json");
        let file = SealedBackup::read(&text).unwrap().unwrap();
        assert!(file.iterations >= ITERATIONS);
        let salt = file.salt().unwrap();
        let plain = file
            .open(&derive("lila katten sover", &salt, file.iterations))
            .unwrap();
        let data = parse_backup(&plain).unwrap().into_data();
        assert_eq!(data.participants().len(), 2);
        assert_eq!(
            file.open(&derive("lila katten vaknar", &salt, file.iterations)),
            Err(SealedBackupError::WrongPassphrase)
        );
    }

    /// Writes the fixture above: `cargo test write_sealed_backup_fixture -- --ignored`.
    #[test]
    #[ignore]
    fn write_sealed_backup_fixture() {
        let plain = export_backup(&sample(), at(0), true);
        let salt = [0x5a; SALT_LEN];
        let key = derive("lila katten sover", &salt, ITERATIONS);
        let text = SealedBackup::seal(&plain, &key, salt, ITERATIONS, [0x17; IV_LEN]);
        let path = format!(
            "{}/tests/fixtures/backup/v1-sealed-backup.json",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::write(path, text + "\n").unwrap();
    }
}
