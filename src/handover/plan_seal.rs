//! Sealing a plan for her phone and opening it there, through WebCrypto: to her phone's own
//! key where her reply brought it (as a record is sealed to a colleague's device), or else
//! PBKDF2-HMAC-SHA-256 of the ten-digit code, then AES-256-GCM (the formats are in
//! `domain::her_plan::codec`).

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::seal::{Between, open_with, seal_between};
use crate::domain::handover::HandoverError;
use crate::domain::handover::book::{DeviceKey, HerPhone};
use crate::domain::handover::codec::Invitation;
use crate::domain::her_plan::HerPlan;
use crate::domain::her_plan::code;
use crate::domain::her_plan::codec::{DIGITS_VERSION, ITERATIONS, PlanLock, SealedPlan};
use crate::lock::crypto::{pbkdf2, random_array};

/// HKDF's info for a plan sealed to her phone: a reply's or a record's key never opens it.
const PHONE_INFO: &[u8] = b"stegvis-plan-v2";

/// The plan sealed under a new code: the payload for the link, and the code to show beside it.
pub async fn seal_plan(plan: &HerPlan) -> Result<(String, String), HandoverError> {
    let code = code::from_random(random_array());
    let (salt, nonce) = (random_array(), random_array());
    let mut sealed = SealedPlan {
        lock: PlanLock::Digits {
            version: DIGITS_VERSION,
            salt,
            nonce,
        },
        sealed: Vec::new(),
    };
    let key = plan_key(&code, &salt, "encrypt").await?;
    let params = super::seal::aes_params(&nonce, &sealed.associated_data());
    let promise = super::seal::subtle()?
        .encrypt_with_object_and_u8_array(&params, &key, &plan.to_bytes())
        .map_err(|_| HandoverError::NoCrypto)?;
    let out = JsFuture::from(promise)
        .await
        .map_err(|_| HandoverError::NoCrypto)?;
    sealed.sealed = Uint8Array::new(&out).to_vec();
    Ok((sealed.encode(), code))
}

/// The plan sealed between this device (`device`) and her phone, known from her reply: only
/// that phone opens it, with nothing to type.
pub async fn seal_plan_to_phone(
    plan: &HerPlan,
    device: &DeviceKey,
    phone: &HerPhone,
) -> Result<String, HandoverError> {
    let nonce = random_array();
    let mut sealed = SealedPlan {
        lock: PlanLock::Phone {
            invitation_id: phone.invitation_id,
            nonce,
        },
        sealed: Vec::new(),
    };
    let between = Between {
        own: device,
        their_public: &phone.key,
        id: phone.invitation_id,
        info: PHONE_INFO,
    };
    sealed.sealed = seal_between(
        &between,
        &nonce,
        &sealed.associated_data(),
        &plan.to_bytes(),
    )
    .await?;
    Ok(sealed.encode())
}

/// Opens a plan sealed to this phone (`phone`: its own key, none if it never sent a reply;
/// `counsellor`: the invitation it answered that the plan names, if it did). A plan for
/// another phone (or for this one before its data was erased) is refused before anything is
/// tried, so that she is told to ask for one with digits.
pub async fn open_plan_on_phone(
    sealed: &SealedPlan,
    phone: Option<&DeviceKey>,
    counsellor: Option<&Invitation>,
) -> Result<HerPlan, HandoverError> {
    let (
        PlanLock::Phone {
            invitation_id,
            nonce,
        },
        Some(phone),
        Some(counsellor),
    ) = (&sealed.lock, phone, counsellor)
    else {
        return Err(HandoverError::ForAnotherPhone);
    };
    let plain = open_with(
        phone,
        *invitation_id,
        PHONE_INFO,
        &counsellor.public_key,
        Some(nonce),
        &sealed.associated_data(),
        &sealed.sealed,
    )
    .await?;
    HerPlan::from_bytes(&plain)
}

/// Opens a plan with the code she typed (already read as ten digits by `code::typed`).
pub async fn open_plan(sealed: &SealedPlan, code: &str) -> Result<HerPlan, HandoverError> {
    let PlanLock::Digits { salt, nonce, .. } = &sealed.lock else {
        return Err(HandoverError::WrongCode);
    };
    let key = plan_key(code, salt, "decrypt").await?;
    let params = super::seal::aes_params(nonce, &sealed.associated_data());
    let promise = super::seal::subtle()?
        .decrypt_with_object_and_u8_array(&params, &key, &sealed.sealed)
        .map_err(|_| HandoverError::NoCrypto)?;
    let plain = JsFuture::from(promise)
        .await
        .map_err(|_| HandoverError::WrongCode)?;
    HerPlan::from_bytes(&Uint8Array::new(&plain).to_vec())
}

async fn plan_key(
    code: &str,
    salt: &[u8],
    usage: &str,
) -> Result<web_sys::CryptoKey, HandoverError> {
    let bits = pbkdf2(code.as_bytes(), salt, ITERATIONS)
        .await
        .map_err(|_| HandoverError::NoCrypto)?;
    let usages: js_sys::Array = std::iter::once(wasm_bindgen::JsValue::from_str(usage)).collect();
    let promise = super::seal::subtle()?
        .import_key_with_str(
            "raw",
            &Uint8Array::from(&bits[..]),
            "AES-GCM",
            false,
            &usages,
        )
        .map_err(|_| HandoverError::NoCrypto)?;
    JsFuture::from(promise)
        .await
        .map(JsCast::unchecked_into)
        .map_err(|_| HandoverError::NoCrypto)
}
