//! Her plan in the stored data: the same compact bytes it travelled as, base64url after a
//! prefix that names their format ("P2:" since her phone names shipped activities in her
//! language; "P1:" before, still read), rather than a JSON object of its own. It is opened
//! only where it is shown, so that her own app (which never shows it) carries no code for it,
//! and a plan of a format this build does not know is kept as it is, never dropped.

use serde::{Deserialize, Serialize};

use super::HerPlan;
use crate::domain::handover::codec::{from_base64url, to_base64url};

const PREFIX: &str = "P2:";
/// The first builds' plans: their bytes read the same (no activity is a shipped one).
const FIRST_PREFIX: &str = "P1:";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredPlan(String);

impl StoredPlan {
    pub fn of(plan: &HerPlan) -> StoredPlan {
        StoredPlan(format!("{PREFIX}{}", to_base64url(&plan.to_bytes())))
    }

    /// The plan, or `None` for a format this build does not know (or damaged bytes).
    pub fn open(&self) -> Option<HerPlan> {
        let text = (self.0.strip_prefix(PREFIX)).or_else(|| self.0.strip_prefix(FIRST_PREFIX))?;
        let bytes = from_base64url(text)?;
        HerPlan::from_bytes(&bytes).ok()
    }
}
