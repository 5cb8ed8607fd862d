//! Her plan in the stored data: the same compact bytes it travelled as, base64url after a
//! prefix that names their format ("P1:"), rather than a JSON object of its own. A format this
//! build does not know makes the data unreadable, which the store keeps aside, never overwrites.

use serde::{Deserialize, Deserializer, Serializer, de::Error as _};

use super::HerPlan;
use crate::domain::handover::codec::{from_base64url, to_base64url};

const PREFIX: &str = "P1:";

pub fn serialize<S: Serializer>(plan: &Option<Box<HerPlan>>, out: S) -> Result<S::Ok, S::Error> {
    match plan {
        Some(plan) => out.serialize_str(&format!("{PREFIX}{}", to_base64url(&plan.to_bytes()))),
        None => out.serialize_none(),
    }
}

pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<Option<Box<HerPlan>>, D::Error> {
    let Some(text) = Option::<String>::deserialize(input)? else {
        return Ok(None);
    };
    let bytes = text
        .strip_prefix(PREFIX)
        .and_then(from_base64url)
        .ok_or_else(|| D::Error::custom("a plan in a format this version does not know"))?;
    HerPlan::from_bytes(&bytes)
        .map(|plan| Some(Box::new(plan)))
        .map_err(|error| D::Error::custom(format!("a damaged plan: {error}")))
}
