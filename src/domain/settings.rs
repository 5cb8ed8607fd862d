//! The organisation's options on this device: language, whether sensitive items are asked,
//! the intervention catalogue, and who mainly uses the device.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::interventions::Catalogue;
use super::language::Language;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Stored as its code ("sv"); an unknown code reads as no choice.
    #[serde(with = "language_code", skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// Violence and substance-use items stay off unless the organisation turns them on.
    pub sensitive_items_enabled: bool,
    pub catalogue: Catalogue,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_role: Option<DeviceRole>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviceRole {
    Participant,
    Counsellor,
    Trainer,
}

mod language_code {
    use super::*;

    pub fn serialize<S: Serializer>(
        language: &Option<Language>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        language.map(Language::code).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Language>, D::Error> {
        let code: Option<String> = Option::deserialize(deserializer)?;
        Ok(code.as_deref().and_then(Language::from_tag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_are_cautious() {
        let settings = Settings::default();
        assert!(!settings.sensitive_items_enabled);
        assert_eq!(settings.catalogue, Catalogue::default());
        assert_eq!(settings.language, None);
        assert_eq!(settings.device_role, None);
    }

    #[test]
    fn language_is_stored_as_its_code() {
        let settings = Settings {
            language: Some(Language::Nb),
            device_role: Some(DeviceRole::Counsellor),
            ..Settings::default()
        };
        let stored = serde_json::to_value(&settings).unwrap();
        assert_eq!(stored["language"], json!("nb"));
        assert_eq!(stored["device_role"], json!("counsellor"));
        assert_eq!(
            serde_json::from_value::<Settings>(stored).unwrap(),
            settings
        );
    }

    // Guards lenient reading: missing fields take defaults and an unknown language is no choice.
    #[test]
    fn missing_fields_and_unknown_languages_read_leniently() {
        let settings: Settings = serde_json::from_value(json!({"language": "fr"})).unwrap();
        assert_eq!(settings, Settings::default());
    }
}
