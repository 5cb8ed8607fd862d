//! A backup file encrypted with the lock's passphrase, so that a copy taken off a locked device
//! is as closed as the device itself, and opens on any device (a new laptop too) with the
//! passphrase alone.
//!
//! Format version 1, a backup saved by hand with the passphrase typed:
//! `{"format":"stegvis-sealed-backup","version":1,"kdf":"PBKDF2-HMAC-SHA-256","iterations":N,
//!   "salt":<base64>,"key":<key id>,"iv":<base64>,"data":<base64>}`.
//! `data` is the plain backup file's text (see `backup`), sealed with AES-256-GCM under the 256
//! bits PBKDF2 derives from the passphrase and this file's own random salt; the associated data
//! is the format and its version. `key` names the derived key (a hash, not the key), so a wrong
//! passphrase and a damaged file get different messages. The derivation runs in the browser.
//!
//! Format version 2, an automatic backup into a folder from a locked device (issue 31), written
//! without asking for the passphrase:
//! `{"format":"stegvis-sealed-backup","version":2,"passphrase":<wrap>,"recovery":<wrap>,
//!   "key":<key id>,"iv":<base64>,"data":<base64>}`.
//! `data` is sealed under the device's own data key (open while the device is unlocked); the two
//! wraps are the lock record's (`lock_record`), so the file opens with the passphrase or the
//! recovery code the device had when it was written. `key` names the data key.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use super::lock_record::{KDF, LockError, LockRecord, SALT_LEN, Secret, Wrap};
use super::sealed::{DataKey, IV_LEN, KEY_LEN, decrypt, encrypt};

pub const FORMAT: &str = "stegvis-sealed-backup";
/// The newest version this build reads.
pub const VERSION: u64 = 2;
const OWN_SALT: u64 = 1;
const DEVICE_KEY: u64 = 2;
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

/// Version 1: sealed under a key derived from the passphrase with the file's own salt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct OwnSalt {
    format: String,
    version: u64,
    kdf: String,
    iterations: u32,
    salt: String,
    key: String,
    iv: String,
    data: String,
}

/// Version 2: sealed under the device's data key, with the lock's wraps of that key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct DeviceKey {
    format: String,
    version: u64,
    passphrase: Wrap,
    recovery: Wrap,
    key: String,
    iv: String,
    data: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Sealing {
    OwnSalt(OwnSalt),
    DeviceKey(DeviceKey),
}

/// An encrypted backup as read from a file, waiting for its passphrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedBackup(Sealing);

/// One way to open a file: the secret to derive from, with this salt and number of rounds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Derivation {
    pub secret: Secret,
    pub salt: Vec<u8>,
    pub iterations: u32,
}

fn associated_data(version: u64) -> Vec<u8> {
    format!("{FORMAT}/{version}").into_bytes()
}

fn usable(kdf: &str, iterations: u32, salt: &[u8]) -> bool {
    kdf == KDF && (1..=MAX_ITERATIONS).contains(&iterations) && !salt.is_empty()
}

fn decode(text: &str) -> Option<Vec<u8>> {
    STANDARD.decode(text).ok()
}

/// The plain text sealed under `key` with `iv`, or `Damaged`.
fn unseal(
    key: &[u8; KEY_LEN],
    version: u64,
    iv: &str,
    data: &str,
) -> Result<String, SealedBackupError> {
    let (Some(iv), Some(data)) = (decode(iv), decode(data)) else {
        return Err(SealedBackupError::Damaged);
    };
    let plain =
        decrypt(key, &iv, &associated_data(version), &data).ok_or(SealedBackupError::Damaged)?;
    String::from_utf8(plain).map_err(|_| SealedBackupError::Damaged)
}

impl SealedBackup {
    /// Seals the plain backup file `plain` with `derived` (PBKDF2 of the passphrase with `salt`
    /// and `iterations`) and a fresh `iv`; returns the file's text (version 1).
    pub fn seal(
        plain: &str,
        derived: &[u8; KEY_LEN],
        salt: [u8; SALT_LEN],
        iterations: u32,
        iv: [u8; IV_LEN],
    ) -> String {
        let file = OwnSalt {
            format: FORMAT.to_owned(),
            version: OWN_SALT,
            kdf: KDF.to_owned(),
            iterations,
            salt: STANDARD.encode(salt),
            key: DataKey::from_bytes(*derived).id(),
            iv: STANDARD.encode(iv),
            data: STANDARD.encode(encrypt(
                derived,
                &iv,
                &associated_data(OWN_SALT),
                plain.as_bytes(),
            )),
        };
        serde_json::to_string_pretty(&file).expect("an encrypted backup serialises")
    }

    /// Seals `plain` under the device's data `key`, opened by `lock`'s wraps, with a fresh `iv`;
    /// returns the file's text (version 2). Needs no passphrase: the key is open already.
    pub fn seal_with_device_key(
        plain: &str,
        key: &DataKey,
        lock: &LockRecord,
        iv: [u8; IV_LEN],
    ) -> String {
        let file = DeviceKey {
            format: FORMAT.to_owned(),
            version: DEVICE_KEY,
            passphrase: lock.passphrase.clone(),
            recovery: lock.recovery.clone(),
            key: key.id(),
            iv: STANDARD.encode(iv),
            data: STANDARD.encode(encrypt(
                key.bytes(),
                &iv,
                &associated_data(DEVICE_KEY),
                plain.as_bytes(),
            )),
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
        let sealing = match value.get("version").and_then(|v| v.as_u64()) {
            Some(version) if version > VERSION => {
                return Err(SealedBackupError::TooNew { version });
            }
            Some(DEVICE_KEY) => serde_json::from_value::<DeviceKey>(value)
                .ok()
                .filter(|file| {
                    [&file.passphrase, &file.recovery]
                        .iter()
                        .all(|wrap| usable(&wrap.kdf, wrap.iterations, &wrap.salt()))
                })
                .map(Sealing::DeviceKey),
            Some(_) => serde_json::from_value::<OwnSalt>(value)
                .ok()
                .filter(|file| {
                    usable(
                        &file.kdf,
                        file.iterations,
                        &decode(&file.salt).unwrap_or_default(),
                    )
                })
                .map(Sealing::OwnSalt),
            None => None,
        };
        sealing
            .map(|sealing| Some(SealedBackup(sealing)))
            .ok_or(SealedBackupError::Damaged)
    }

    /// The ways this file may open: its passphrase, and for an automatic backup the recovery
    /// code too.
    pub fn derivations(&self) -> Vec<Derivation> {
        match &self.0 {
            Sealing::OwnSalt(file) => vec![Derivation {
                secret: Secret::Passphrase,
                salt: decode(&file.salt).unwrap_or_default(),
                iterations: file.iterations,
            }],
            Sealing::DeviceKey(file) => [
                (Secret::Passphrase, &file.passphrase),
                (Secret::RecoveryCode, &file.recovery),
            ]
            .into_iter()
            .map(|(secret, wrap)| Derivation {
                secret,
                salt: wrap.salt(),
                iterations: wrap.iterations,
            })
            .collect(),
        }
    }

    /// The plain backup file's text, if `derived` comes from the right `secret`.
    pub fn open(
        &self,
        secret: Secret,
        derived: &[u8; KEY_LEN],
    ) -> Result<String, SealedBackupError> {
        match &self.0 {
            Sealing::OwnSalt(file) => {
                if secret != Secret::Passphrase || DataKey::from_bytes(*derived).id() != file.key {
                    return Err(SealedBackupError::WrongPassphrase);
                }
                unseal(derived, OWN_SALT, &file.iv, &file.data)
            }
            Sealing::DeviceKey(file) => {
                let wrap = match secret {
                    Secret::Passphrase => &file.passphrase,
                    Secret::RecoveryCode => &file.recovery,
                };
                let key = wrap.open(secret, derived).map_err(|error| match error {
                    LockError::WrongSecret => SealedBackupError::WrongPassphrase,
                    LockError::Damaged | LockError::TooNew { .. } => SealedBackupError::Damaged,
                })?;
                if key.id() != file.key {
                    return Err(SealedBackupError::Damaged);
                }
                unseal(key.bytes(), DEVICE_KEY, &file.iv, &file.data)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::backup::{export_backup, parse_backup};
    use crate::storage::lock_record::ITERATIONS;
    use crate::storage::test_data::{at, sample};

    const PASSPHRASE: &str = "lila katten sover";
    const RECOVERY: [u8; 16] = [0x42; 16];

    fn derive(secret: &[u8], salt: &[u8], iterations: u32) -> [u8; KEY_LEN] {
        let mut out = [0; KEY_LEN];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(secret, salt, iterations, &mut out);
        out
    }

    fn sealed(plain: &str) -> String {
        SealedBackup::seal(plain, &[9; KEY_LEN], [1; SALT_LEN], 1_000, [2; IV_LEN])
    }

    /// A device's lock over `key`: its passphrase and recovery code, derived `iterations` times.
    fn lock(key: &DataKey, iterations: u32) -> LockRecord {
        let wrap = |secret, bytes: &[u8], salt| {
            let derived = derive(bytes, &[salt; SALT_LEN], iterations);
            Wrap::new(
                secret,
                key,
                &derived,
                [salt; SALT_LEN],
                iterations,
                [salt; IV_LEN],
            )
        };
        LockRecord::new(
            key,
            wrap(Secret::Passphrase, PASSPHRASE.as_bytes(), 3),
            wrap(Secret::RecoveryCode, &RECOVERY, 4),
        )
    }

    /// Opens `text` the way the import does: each derivation, each secret.
    fn open_with(text: &str, secret: Secret, bytes: &[u8]) -> Result<String, SealedBackupError> {
        let file = SealedBackup::read(text).unwrap().unwrap();
        let way = file
            .derivations()
            .into_iter()
            .find(|way| way.secret == secret)
            .ok_or(SealedBackupError::WrongPassphrase)?;
        file.open(secret, &derive(bytes, &way.salt, way.iterations))
    }

    fn flip_data(text: &str) -> String {
        let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
        let data = value["data"].as_str().unwrap().to_owned();
        let flipped = if data.starts_with('A') { "B" } else { "A" };
        value["data"] = format!("{flipped}{}", &data[1..]).into();
        value.to_string()
    }

    #[test]
    fn a_sealed_backup_opens_with_its_key_and_hides_every_name() {
        let plain = export_backup(&sample(), at(0), true);
        let text = sealed(&plain);
        for word in ["Amira", "stegvis\"", "participants", "rounds"] {
            assert!(!text.contains(word), "{word} is readable");
        }
        let file = SealedBackup::read(&text).unwrap().unwrap();
        let ways = file.derivations();
        assert_eq!(ways.len(), 1);
        assert_eq!(ways[0].iterations, 1_000);
        assert_eq!(ways[0].salt, vec![1; SALT_LEN]);
        assert_eq!(
            file.open(Secret::Passphrase, &[9; KEY_LEN]).as_deref(),
            Ok(plain.as_str())
        );
    }

    // Guards the two messages the import shows: another passphrase, and a file changed since.
    #[test]
    fn a_wrong_passphrase_and_a_changed_file_are_told_apart() {
        let text = sealed("{}");
        let file = SealedBackup::read(&text).unwrap().unwrap();
        assert_eq!(
            file.open(Secret::Passphrase, &[8; KEY_LEN]),
            Err(SealedBackupError::WrongPassphrase)
        );
        let changed = SealedBackup::read(&flip_data(&text)).unwrap().unwrap();
        assert_eq!(
            changed.open(Secret::Passphrase, &[9; KEY_LEN]),
            Err(SealedBackupError::Damaged)
        );
    }

    #[test]
    fn plain_newer_and_broken_files_are_each_recognised() {
        let plain = export_backup(&sample(), at(0), true);
        assert_eq!(SealedBackup::read(&plain), Ok(None));
        assert_eq!(SealedBackup::read("not json"), Ok(None));
        assert_eq!(
            SealedBackup::read(r#"{"format":"stegvis-sealed-backup","version":3}"#),
            Err(SealedBackupError::TooNew { version: 3 })
        );
        for version in [1, 2] {
            assert_eq!(
                SealedBackup::read(&format!(
                    r#"{{"format":"stegvis-sealed-backup","version":{version}}}"#
                )),
                Err(SealedBackupError::Damaged)
            );
        }
        let mut greedy: serde_json::Value = serde_json::from_str(&sealed("{}")).unwrap();
        greedy["iterations"] = (u64::from(MAX_ITERATIONS) + 1).into();
        assert_eq!(
            SealedBackup::read(&greedy.to_string()),
            Err(SealedBackupError::Damaged)
        );
        let key = DataKey::from_bytes([7; KEY_LEN]);
        let device = SealedBackup::seal_with_device_key("{}", &key, &lock(&key, 10), [5; IV_LEN]);
        let mut greedy: serde_json::Value = serde_json::from_str(&device).unwrap();
        greedy["recovery"]["iterations"] = (u64::from(MAX_ITERATIONS) + 1).into();
        assert_eq!(
            SealedBackup::read(&greedy.to_string()),
            Err(SealedBackupError::Damaged)
        );
    }

    // Guards issue 31: an automatic backup from a locked device is as closed as the device, and
    // opens anywhere with the device's passphrase or its recovery code.
    #[test]
    fn a_backup_under_the_device_key_opens_with_the_passphrase_or_the_recovery_code() {
        let plain = export_backup(&sample(), at(0), true);
        let key = DataKey::from_bytes([7; KEY_LEN]);
        let text = SealedBackup::seal_with_device_key(&plain, &key, &lock(&key, 10), [5; IV_LEN]);
        for word in ["Amira", "stegvis\"", "participants", "rounds"] {
            assert!(!text.contains(word), "{word} is readable");
        }
        assert_eq!(
            open_with(&text, Secret::Passphrase, PASSPHRASE.as_bytes()).as_deref(),
            Ok(plain.as_str())
        );
        assert_eq!(
            open_with(&text, Secret::RecoveryCode, &RECOVERY).as_deref(),
            Ok(plain.as_str())
        );
        assert_eq!(
            open_with(&text, Secret::Passphrase, b"lila katten vaknar"),
            Err(SealedBackupError::WrongPassphrase)
        );
        assert_eq!(
            open_with(&flip_data(&text), Secret::Passphrase, PASSPHRASE.as_bytes()),
            Err(SealedBackupError::Damaged)
        );
        // Another device's wraps, with this passphrase, do not open this device's file.
        let other = DataKey::from_bytes([8; KEY_LEN]);
        let mut swapped: serde_json::Value = serde_json::from_str(&text).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(&lock(&other, 10).to_text()).unwrap();
        swapped["passphrase"] = theirs["passphrase"].clone();
        assert_eq!(
            open_with(
                &swapped.to_string(),
                Secret::Passphrase,
                PASSPHRASE.as_bytes()
            ),
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
        let ways = SealedBackup::read(&text).unwrap().unwrap().derivations();
        assert!(ways[0].iterations >= ITERATIONS);
        let plain = open_with(&text, Secret::Passphrase, PASSPHRASE.as_bytes()).unwrap();
        let data = parse_backup(&plain).unwrap().into_data();
        assert_eq!(data.participants().len(), 2);
        assert_eq!(
            open_with(&text, Secret::Passphrase, b"lila katten vaknar"),
            Err(SealedBackupError::WrongPassphrase)
        );
    }

    // Guards the shipped format of automatic backups from a locked device (version 2).
    #[test]
    fn the_shipped_automatic_backup_opens_with_the_passphrase() {
        let text = fixture("v2-device-sealed-backup.json");
        let plain = open_with(&text, Secret::Passphrase, PASSPHRASE.as_bytes()).unwrap();
        let data = parse_backup(&plain).unwrap().into_data();
        assert_eq!(data.participants().len(), 2);
        assert_eq!(
            open_with(&text, Secret::RecoveryCode, &RECOVERY).as_deref(),
            Ok(plain.as_str())
        );
    }

    /// Writes the fixtures above: `cargo test write_sealed_backup_fixtures -- --ignored`.
    #[test]
    #[ignore]
    fn write_sealed_backup_fixtures() {
        let plain = export_backup(&sample(), at(0), true);
        let salt = [0x5a; SALT_LEN];
        let derived = derive(PASSPHRASE.as_bytes(), &salt, ITERATIONS);
        let own = SealedBackup::seal(&plain, &derived, salt, ITERATIONS, [0x17; IV_LEN]);
        let key = DataKey::from_bytes([0x21; KEY_LEN]);
        let device = SealedBackup::seal_with_device_key(
            &plain,
            &key,
            &lock(&key, ITERATIONS),
            [0x18; IV_LEN],
        );
        for (name, text) in [
            ("v1-sealed-backup.json", own),
            ("v2-device-sealed-backup.json", device),
        ] {
            let path = format!(
                "{}/tests/fixtures/backup/{name}",
                env!("CARGO_MANIFEST_DIR")
            );
            std::fs::write(path, text + "\n").unwrap();
        }
    }
}
