//! Backups under the lock's passphrase (browser side): sealing a backup file on export, and
//! opening an encrypted one on import. The format is plain Rust in `storage::sealed_backup`.

use leptos::prelude::*;

use super::crypto::{NoCrypto, normalized, passphrase_forms, pbkdf2, random_array};
use super::session::{Lock, LockFailure, Phase, use_lock};
use crate::i18n::use_i18n;
use crate::storage::lock_record::{ITERATIONS, SALT_LEN, Secret, parse_recovery_code};
use crate::storage::sealed_backup::{SealedBackup, SealedBackupError};

/// Why an encrypted backup did not open on import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenFailure {
    File(SealedBackupError),
    NoCrypto,
}

impl From<NoCrypto> for OpenFailure {
    fn from(_: NoCrypto) -> OpenFailure {
        OpenFailure::NoCrypto
    }
}

/// Seals the backup file `plain` with this device's passphrase, once `typed` is shown to be it;
/// the file gets a salt of its own, so it opens anywhere with the passphrase alone.
pub async fn seal(lock: Lock, typed: &str, plain: &str) -> Result<String, LockFailure> {
    lock.confirm_passphrase(typed).await?;
    let salt = random_array::<SALT_LEN>();
    let derived = pbkdf2(&normalized(typed), &salt, ITERATIONS).await?;
    Ok(SealedBackup::seal(
        plain,
        &derived,
        salt,
        ITERATIONS,
        random_array(),
    ))
}

/// The plain backup text inside `file`, if `typed` is the passphrase it was saved with (or, for
/// an automatic backup of a locked device, its recovery code).
pub async fn open(file: &SealedBackup, typed: &str) -> Result<String, OpenFailure> {
    let mut failure = SealedBackupError::WrongPassphrase;
    for way in file.derivations() {
        let secrets = match way.secret {
            Secret::Passphrase => passphrase_forms(typed),
            Secret::RecoveryCode => parse_recovery_code(typed)
                .map(|bits| bits.to_vec())
                .into_iter()
                .collect(),
        };
        for secret in secrets {
            let derived = pbkdf2(&secret, &way.salt, way.iterations).await?;
            match file.open(way.secret, &derived) {
                Ok(plain) => return Ok(plain),
                // "Damaged" says more than "another passphrase": it is kept.
                Err(SealedBackupError::WrongPassphrase) => {}
                Err(error) => failure = error,
            }
        }
    }
    Err(OpenFailure::File(failure))
}

/// What an automatic backup writes for the plain backup `plain`: on a device with a lock, the
/// file sealed under its data key, which opens with the passphrase or the recovery code
/// (without asking for either: the key is open in this tab); the plain file where there is no
/// lock; nothing while the key is not here.
pub fn for_folder(lock: Lock, plain: String) -> Option<String> {
    match lock.phase_untracked() {
        Phase::Open => Some(plain),
        Phase::Unlocked => Some(SealedBackup::seal_with_device_key(
            &plain,
            &lock.key()?,
            &lock.record_untracked()?,
            random_array(),
        )),
        Phase::Locked | Phase::Unusable(_) => None,
    }
}

/// On a locked device's data page: whether the backup is encrypted (it is unless the user says
/// otherwise) and the passphrase to encrypt it with. Nothing shows on a device without a lock.
#[component]
pub fn EncryptChoice(encrypt: RwSignal<bool>, passphrase: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lock = use_lock();
    view! {
        <Show when=move || lock.phase() == Phase::Unlocked>
            <div class="encrypt-choice">
                <label class="check">
                    <input
                        type="checkbox"
                        aria-describedby="encrypt-backup-help"
                        bind:checked=encrypt
                    />
                    <span>{i18n.text(|t| t.encrypted_choice())}</span>
                </label>
                <p id="encrypt-backup-help" class="help">
                    {i18n.text(|t| t.encrypted_choice_help())}
                </p>
                <Show when=move || encrypt.get()>
                    <div class="lock-form">
                        <label for="backup-passphrase">
                            {i18n.text(|t| t.encrypted_passphrase_label())}
                        </label>
                        <input
                            id="backup-passphrase"
                            type="password"
                            autocomplete="current-password"
                            bind:value=passphrase
                        />
                    </div>
                </Show>
            </div>
        </Show>
    }
}
