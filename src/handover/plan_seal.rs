//! Sealing a plan for her phone and opening it there, through WebCrypto: PBKDF2-HMAC-SHA-256
//! of the ten-digit code, then AES-256-GCM (the format is in `domain::her_plan::codec`).

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::handover::HandoverError;
use crate::domain::her_plan::HerPlan;
use crate::domain::her_plan::code;
use crate::domain::her_plan::codec::{ITERATIONS, SealedPlan};
use crate::lock::crypto::{pbkdf2, random_array};

/// The plan sealed under a new code: the payload for the link, and the code to show beside it.
pub async fn seal_plan(plan: &HerPlan) -> Result<(String, String), HandoverError> {
    let code = code::from_random(random_array());
    let mut sealed = SealedPlan {
        salt: random_array(),
        nonce: random_array(),
        sealed: Vec::new(),
    };
    let key = plan_key(&code, &sealed.salt, "encrypt").await?;
    let params = aes_params(&sealed);
    let promise = super::seal::subtle()?
        .encrypt_with_object_and_u8_array(&params, &key, &plan.to_bytes())
        .map_err(|_| HandoverError::NoCrypto)?;
    let out = JsFuture::from(promise)
        .await
        .map_err(|_| HandoverError::NoCrypto)?;
    sealed.sealed = Uint8Array::new(&out).to_vec();
    Ok((sealed.encode(), code))
}

/// Opens a plan with the code she typed (already read as ten digits by `code::typed`).
pub async fn open_plan(sealed: &SealedPlan, code: &str) -> Result<HerPlan, HandoverError> {
    let key = plan_key(code, &sealed.salt, "decrypt").await?;
    let promise = super::seal::subtle()?
        .decrypt_with_object_and_u8_array(&aes_params(sealed), &key, &sealed.sealed)
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

fn aes_params(sealed: &SealedPlan) -> js_sys::Object {
    super::seal::aes_params(&sealed.nonce, &sealed.associated_data())
}
