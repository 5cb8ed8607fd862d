//! The browser's part of the lock's cryptography: random bytes and PBKDF2-HMAC-SHA-256, both
//! from WebCrypto (native code, several times faster than the same derivation in wasm).

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::SubtleCrypto;

use std::collections::HashMap;

use crate::browser::js_object;
use crate::storage::keys;
use crate::storage::kv::KeyValue;
use crate::storage::sealed::{self, DataKey, KEY_LEN};

/// WebCrypto is missing (an old browser, or a page served over plain http on a network).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoCrypto;

/// Fills `bytes` from the browser's cryptographic random source.
pub fn random(bytes: &mut [u8]) {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .expect("the lock is only offered where WebCrypto is");
    crypto
        .get_random_values_with_u8_array(bytes)
        .expect("random bytes for a key or IV");
}

pub fn random_array<const N: usize>() -> [u8; N] {
    let mut bytes = [0; N];
    random(&mut bytes);
    bytes
}

/// Whether this page can use the lock at all (WebCrypto needs https or localhost).
pub fn available() -> bool {
    subtle().is_ok()
}

fn subtle() -> Result<SubtleCrypto, NoCrypto> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(NoCrypto)?;
    Reflect::get(&crypto, &"subtle".into())
        .ok()
        .filter(|s| !s.is_undefined())
        .map(JsCast::unchecked_into)
        .ok_or(NoCrypto)
}

/// The forms of a typed passphrase to derive a key from: Unicode NFC first, so that "å" typed
/// as one character or as "a" and a ring opens the same lock; then the text exactly as typed,
/// for a lock set before passphrases were normalised (only when it differs).
pub fn passphrase_forms(typed: &str) -> Vec<Vec<u8>> {
    let nfc = String::from(js_sys::JsString::from(typed).normalize("NFC"));
    let mut forms = vec![nfc.into_bytes()];
    if forms[0] != typed.as_bytes() {
        forms.push(typed.as_bytes().to_vec());
    }
    forms
}

/// A new passphrase as it is used from now on: NFC.
pub fn normalized(passphrase: &str) -> Vec<u8> {
    passphrase_forms(passphrase).swap_remove(0)
}

/// 256 bits derived from `secret` with PBKDF2-HMAC-SHA-256.
pub async fn pbkdf2(
    secret: &[u8],
    salt: &[u8],
    iterations: u32,
) -> Result<[u8; KEY_LEN], NoCrypto> {
    let subtle = subtle()?;
    let usages: js_sys::Array = std::iter::once(JsValue::from_str("deriveBits")).collect();
    let base = subtle
        .import_key_with_str("raw", &Uint8Array::from(secret), "PBKDF2", false, &usages)
        .map_err(|_| NoCrypto)?;
    let base: web_sys::CryptoKey = JsFuture::from(base)
        .await
        .map_err(|_| NoCrypto)?
        .unchecked_into();
    let params = js_object(&[
        ("name", JsValue::from_str("PBKDF2")),
        ("hash", JsValue::from_str("SHA-256")),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", JsValue::from(iterations)),
    ]);
    let bits = subtle
        .derive_bits_with_object(&params, &base, (KEY_LEN * 8) as u32)
        .map_err(|_| NoCrypto)?;
    let bits = JsFuture::from(bits).await.map_err(|_| NoCrypto)?;
    Uint8Array::new(&bits)
        .to_vec()
        .try_into()
        .map_err(|_| NoCrypto)
}

/// Every sealed value in `store` opened with `key` by WebCrypto, all at once, by storage key
/// with the sealed text it came from (see `storage::lockable::Opened`): done when the device
/// is unlocked, so that a large caseload does not open record after record in wasm. What does
/// not open here (damaged, another key, a newer format) is left to the store, which reads it
/// again and says what is wrong.
pub async fn open_ahead(key: &DataKey, store: &dyn KeyValue) -> HashMap<String, (String, String)> {
    let mut opened = HashMap::new();
    let Ok(subtle) = subtle() else {
        return opened;
    };
    let usages = js_sys::Array::of1(&JsValue::from_str("decrypt"));
    let Ok(import) = subtle.import_key_with_str(
        "raw",
        &Uint8Array::from(&key.bytes()[..]),
        "AES-GCM",
        false,
        &usages,
    ) else {
        return opened;
    };
    let Ok(crypto_key) = JsFuture::from(import).await else {
        return opened;
    };
    let crypto_key: web_sys::CryptoKey = crypto_key.unchecked_into();
    let (promises, mut pending) = (js_sys::Array::new(), Vec::new());
    for storage_key in store.keys().unwrap_or_default() {
        if !keys::is_private(&storage_key) {
            continue;
        }
        let Ok(Some(text)) = store.get(&storage_key) else {
            continue;
        };
        let Ok(parts) = sealed::parts(key, &storage_key, &text) else {
            continue;
        };
        let params = js_object(&[
            ("name", JsValue::from_str("AES-GCM")),
            ("iv", Uint8Array::from(&parts.iv[..]).into()),
            (
                "additionalData",
                Uint8Array::from(&parts.associated_data[..]).into(),
            ),
        ]);
        // Handed over as a view of wasm's memory, which WebCrypto copies as it is called: a
        // copy into a JavaScript array first cost a sixth of unlocking 1,000 people.
        let decrypt = subtle.decrypt_with_object_and_u8_array(&params, &crypto_key, &parts.data);
        if let Ok(promise) = decrypt {
            promises.push(&promise);
            pending.push((storage_key, text));
        }
    }
    let Ok(settled) = JsFuture::from(js_sys::Promise::all_settled(&promises)).await else {
        return opened;
    };
    let settled: js_sys::Array = settled.unchecked_into();
    for ((storage_key, text), result) in pending.into_iter().zip(settled.iter()) {
        let fulfilled = Reflect::get(&result, &"status".into())
            .ok()
            .and_then(|s| s.as_string())
            .as_deref()
            == Some("fulfilled");
        let value = Reflect::get(&result, &"value".into()).unwrap_or(JsValue::UNDEFINED);
        if fulfilled && let Ok(plain) = String::from_utf8(Uint8Array::new(&value).to_vec()) {
            opened.insert(storage_key, (text, plain));
        }
    }
    opened
}
