//! Sealing a reply to the counsellor device's key and opening it there, through the browser's
//! WebCrypto (SubtleCrypto): never hand-written cryptography.
//!
//! Version 1: the phone makes a one-time ECDH P-256 key pair and derives a shared secret with
//! the device's public key; HKDF-SHA-256 (salt: the invitation id; info: "stegvis-reply-v1",
//! the one-time public key and the device's public key) gives 44 bytes, a 256-bit AES-GCM key
//! and its 96-bit nonce (a fresh key per reply, so the nonce is never reused and need not
//! travel). AES-GCM seals the answers with the reply's clear header as associated data: magic,
//! kind, format version, invitation id and one-time key.
//!
//! Version 2 (what this build's phones send): the same, with the phone's own kept key pair
//! instead of a one-time one, so that her plan can later be sealed to it; the info is
//! "stegvis-reply-v2", and since the same two keys meet again if she sends the same round
//! twice, the AES-GCM nonce is random and travels in the clear part.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::browser::js_object;
use crate::domain::handover::HandoverError;
use crate::domain::handover::book::DeviceKey;
use crate::domain::handover::codec::{
    ID_LEN, Invitation, NONCE_LEN, PUBLIC_KEY_LEN, ReplyContent, SealedReply, from_base64url,
    to_base64url,
};
use crate::lock::crypto::random_array;

const INFO: &[u8] = b"stegvis-reply-v1";
const KEPT_KEY_INFO: &[u8] = b"stegvis-reply-v2";
const KEY_LEN: usize = 32;

/// A new key pair for this device, exported to be kept with the caseload.
pub async fn new_device_key() -> Result<DeviceKey, HandoverError> {
    let subtle = subtle()?;
    let pair = generate_pair(&subtle).await?;
    let private = get(&pair, "privateKey")?;
    let public = get(&pair, "publicKey")?;
    Ok(DeviceKey {
        private_pkcs8: to_base64url(&export(&subtle, "pkcs8", &private).await?),
        public_raw: to_base64url(&export(&subtle, "raw", &public).await?),
    })
}

/// Seals the answers with this phone's own key pair (`phone`), so that only the device that
/// made `invitation` can open them, and it learns the key her plan can be sealed to.
pub async fn seal(
    invitation: &Invitation,
    content: &ReplyContent,
    phone: &DeviceKey,
) -> Result<SealedReply, HandoverError> {
    let nonce = random_array();
    let reply = SealedReply {
        invitation_id: invitation.id,
        phone_key: from_base64url(&phone.public_raw)
            .and_then(|raw| raw.try_into().ok())
            .ok_or(HandoverError::NoCrypto)?,
        nonce: Some(nonce),
        sealed: Vec::new(),
    };
    let between = Between {
        own: phone,
        their_public: &invitation.public_key,
        id: invitation.id,
        info: KEPT_KEY_INFO,
    };
    let sealed = seal_between(
        &between,
        &nonce,
        &reply.associated_data(),
        &content.to_bytes(),
    )
    .await?;
    Ok(SealedReply { sealed, ..reply })
}

/// Two kept keys that meet: this device's own pair and the other's public key, the id that
/// salts their shared key, and the payload kind's HKDF info.
pub(super) struct Between<'a> {
    pub own: &'a DeviceKey,
    pub their_public: &'a [u8; PUBLIC_KEY_LEN],
    pub id: [u8; ID_LEN],
    pub info: &'static [u8],
}

/// Seals `plain` between two kept keys (the other opens it with [`open_with`] and the same
/// nonce): the same two keys meet again, so the nonce is random and must travel.
pub(super) async fn seal_between(
    between: &Between<'_>,
    nonce: &[u8; NONCE_LEN],
    associated: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>, HandoverError> {
    let subtle = subtle()?;
    let own_public = from_base64url(&between.own.public_raw).ok_or(HandoverError::NoCrypto)?;
    let private = private_key(&subtle, between.own)
        .await
        .map_err(|_| HandoverError::NoCrypto)?;
    let theirs = import_public(&subtle, between.their_public).await?;
    let (key, _) = payload_key(
        &subtle,
        &private,
        &theirs,
        (&between.id, between.info, &own_public, between.their_public),
        "encrypt",
    )
    .await?;
    let params = aes_params(nonce, associated);
    let promise = subtle.encrypt_with_object_and_u8_array(&params, &key, plain);
    Ok(bytes(
        call(promise).await.map_err(|_| HandoverError::NoCrypto)?,
    ))
}

/// Opens a reply with this device's key. A reply changed on the way does not open.
pub async fn open(reply: &SealedReply, device: &DeviceKey) -> Result<ReplyContent, HandoverError> {
    let info = match reply.nonce {
        None => INFO,
        Some(_) => KEPT_KEY_INFO,
    };
    let plain = open_with(
        device,
        reply.invitation_id,
        info,
        &reply.phone_key,
        reply.nonce.as_ref(),
        &reply.associated_data(),
        &reply.sealed,
    )
    .await?;
    ReplyContent::from_bytes(&plain)
}

/// Whom a payload is sealed for: the id that salts the key, the device's public key, and the
/// payload kind's HKDF info (so that one kind's key never opens another).
pub(super) struct Recipient<'a> {
    pub id: [u8; ID_LEN],
    pub public_key: &'a [u8; PUBLIC_KEY_LEN],
    pub info: &'static [u8],
}

/// Seals `plain` for `to` with a one-time key pair: the one-time public key and the sealed
/// bytes, authenticated with the clear part `associated` builds around the one-time key.
pub(super) async fn seal_to(
    to: &Recipient<'_>,
    plain: &[u8],
    associated: impl FnOnce(&[u8; PUBLIC_KEY_LEN]) -> Vec<u8>,
) -> Result<([u8; PUBLIC_KEY_LEN], Vec<u8>), HandoverError> {
    let subtle = subtle()?;
    let pair = generate_pair(&subtle).await?;
    let ephemeral_key: [u8; PUBLIC_KEY_LEN] = export(&subtle, "raw", &get(&pair, "publicKey")?)
        .await?
        .try_into()
        .map_err(|_| HandoverError::NoCrypto)?;
    let recipient = import_public(&subtle, to.public_key).await?;
    let (key, nonce) = payload_key(
        &subtle,
        get(&pair, "privateKey")?.unchecked_ref(),
        &recipient,
        (&to.id, to.info, &ephemeral_key, to.public_key),
        "encrypt",
    )
    .await?;
    let params = aes_params(&nonce, &associated(&ephemeral_key));
    let promise = subtle.encrypt_with_object_and_u8_array(&params, &key, plain);
    let sealed = bytes(call(promise).await.map_err(|_| HandoverError::NoCrypto)?);
    Ok((ephemeral_key, sealed))
}

/// Opens what [`seal_to`] or [`seal_between`] sealed for this device (`sender_key`: the
/// one-time key or the other's kept key): the nonce is derived with the key unless it
/// travelled.
pub(super) async fn open_with(
    device: &DeviceKey,
    id: [u8; ID_LEN],
    info: &'static [u8],
    sender_key: &[u8; PUBLIC_KEY_LEN],
    nonce: Option<&[u8; NONCE_LEN]>,
    associated: &[u8],
    sealed: &[u8],
) -> Result<Vec<u8>, HandoverError> {
    let subtle = subtle()?;
    let public_raw = from_base64url(&device.public_raw).ok_or(HandoverError::NotForThisDevice)?;
    let private = private_key(&subtle, device).await?;
    let sender = import_public(&subtle, sender_key)
        .await
        .map_err(|_| HandoverError::Tampered)?;
    let (key, derived) = payload_key(
        &subtle,
        &private,
        &sender,
        (&id, info, sender_key, &public_raw),
        "decrypt",
    )
    .await?;
    let params = aes_params(nonce.map_or(&derived[..], |n| &n[..]), associated);
    let promise = subtle.decrypt_with_object_and_u8_array(&params, &key, sealed);
    Ok(bytes(
        call(promise).await.map_err(|_| HandoverError::Tampered)?,
    ))
}

/// ECDH between `private` and `public`, then HKDF (salt: the id; info: the kind's info, the
/// sender's public key and the recipient's): the AES-GCM key (for `usage`) and a nonce.
async fn payload_key(
    subtle: &SubtleCrypto,
    private: &CryptoKey,
    public: &CryptoKey,
    (id, info, ephemeral_key, recipient_public): (&[u8], &[u8], &[u8], &[u8]),
    usage: &str,
) -> Result<(CryptoKey, Vec<u8>), HandoverError> {
    let ecdh = js_object(&[("name", "ECDH".into()), ("public", public.into())]);
    let shared = call(subtle.derive_bits_with_object(&ecdh, private, 256))
        .await
        .map_err(|_| HandoverError::Tampered)?;
    let shared = bytes(shared);
    let hkdf = call(subtle.import_key_with_str(
        "raw",
        &Uint8Array::from(shared.as_slice()),
        "HKDF",
        false,
        &usages(&["deriveBits"]),
    ))
    .await
    .map_err(|_| HandoverError::NoCrypto)?;
    let info = [info, ephemeral_key, recipient_public].concat();
    let params = js_object(&[
        ("name", "HKDF".into()),
        ("hash", "SHA-256".into()),
        ("salt", Uint8Array::from(id).into()),
        ("info", Uint8Array::from(info.as_slice()).into()),
    ]);
    let okm = call(subtle.derive_bits_with_object(
        &params,
        hkdf.unchecked_ref(),
        ((KEY_LEN + NONCE_LEN) * 8) as u32,
    ))
    .await
    .map_err(|_| HandoverError::NoCrypto)?;
    let okm = bytes(okm);
    let key = call(subtle.import_key_with_str(
        "raw",
        &Uint8Array::from(&okm[..KEY_LEN]),
        "AES-GCM",
        false,
        &usages(&[usage]),
    ))
    .await
    .map_err(|_| HandoverError::NoCrypto)?;
    Ok((key.unchecked_into(), okm[KEY_LEN..].to_vec()))
}

/// WebCrypto, where the browser has it: only on pages served securely (https or localhost).
pub(super) fn subtle() -> Result<SubtleCrypto, HandoverError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(HandoverError::NoCrypto)?;
    Reflect::get(&crypto, &"subtle".into())
        .ok()
        .filter(|s| !s.is_undefined())
        .map(JsCast::unchecked_into)
        .ok_or(HandoverError::NoCrypto)
}

fn ecdh_p256() -> Object {
    js_object(&[("name", "ECDH".into()), ("namedCurve", "P-256".into())])
}

async fn generate_pair(subtle: &SubtleCrypto) -> Result<JsValue, HandoverError> {
    call(subtle.generate_key_with_object(&ecdh_p256(), true, &usages(&["deriveBits"])))
        .await
        .map_err(|_| HandoverError::NoCrypto)
}

/// This device's private key, for deriving.
async fn private_key(
    subtle: &SubtleCrypto,
    device: &DeviceKey,
) -> Result<CryptoKey, HandoverError> {
    let pkcs8 = from_base64url(&device.private_pkcs8).ok_or(HandoverError::NotForThisDevice)?;
    import(subtle, "pkcs8", &pkcs8, &["deriveBits"]).await
}

async fn import_public(subtle: &SubtleCrypto, raw: &[u8]) -> Result<CryptoKey, HandoverError> {
    import(subtle, "raw", raw, &[]).await
}

async fn import(
    subtle: &SubtleCrypto,
    format: &str,
    data: &[u8],
    key_usages: &[&str],
) -> Result<CryptoKey, HandoverError> {
    let promise = subtle.import_key_with_object(
        format,
        &Uint8Array::from(data),
        &ecdh_p256(),
        false,
        &usages(key_usages),
    );
    call(promise)
        .await
        .map(JsCast::unchecked_into)
        .map_err(|_| HandoverError::NotForThisDevice)
}

async fn export(
    subtle: &SubtleCrypto,
    format: &str,
    key: &JsValue,
) -> Result<Vec<u8>, HandoverError> {
    let promise = subtle.export_key(format, key.unchecked_ref());
    call(promise)
        .await
        .map(bytes)
        .map_err(|_| HandoverError::NoCrypto)
}

pub(super) fn aes_params(nonce: &[u8], associated_data: &[u8]) -> Object {
    js_object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(nonce).into()),
        ("additionalData", Uint8Array::from(associated_data).into()),
    ])
}

async fn call(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

fn get(target: &JsValue, name: &str) -> Result<JsValue, HandoverError> {
    Reflect::get(target, &name.into()).map_err(|_| HandoverError::NoCrypto)
}

fn usages(names: &[&str]) -> Array {
    names.iter().map(|name| JsValue::from_str(name)).collect()
}

/// An ArrayBuffer's bytes.
fn bytes(buffer: JsValue) -> Vec<u8> {
    Uint8Array::new(&buffer).to_vec()
}
