//! The four interface languages and how a first visit picks one.

/// An interface language. The order is the order of the language switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    Sv,
    Nb,
    Da,
    En,
}

impl Language {
    pub const ALL: [Language; 4] = [Language::Sv, Language::Nb, Language::Da, Language::En];

    /// The BCP 47 tag used for `<html lang>` and in storage.
    pub fn code(self) -> &'static str {
        match self {
            Language::Sv => "sv",
            Language::Nb => "nb",
            Language::Da => "da",
            Language::En => "en",
        }
    }

    /// Reads a stored code or a browser tag such as `sv-SE`, `no` or `nn-NO`.
    /// Norwegian of any kind maps to bokmål, the only Norwegian we offer.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "sv" => Some(Language::Sv),
            "nb" | "no" | "nn" => Some(Language::Nb),
            "da" => Some(Language::Da),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// The first of the browser's preferred languages that we speak; English otherwise.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Language {
        tags.into_iter()
            .find_map(Language::from_tag)
            .unwrap_or(Language::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Language::ALL {
            assert_eq!(Language::from_tag(lang.code()), Some(lang));
        }
    }

    #[test]
    fn browser_tags_map_to_our_languages() {
        assert_eq!(Language::from_tag("sv-SE"), Some(Language::Sv));
        assert_eq!(Language::from_tag("nn-NO"), Some(Language::Nb));
        assert_eq!(Language::from_tag("no"), Some(Language::Nb));
        assert_eq!(Language::from_tag("DA_dk"), Some(Language::Da));
        assert_eq!(Language::from_tag("de-DE"), None);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn first_known_preference_wins_and_english_is_the_fallback() {
        assert_eq!(
            Language::from_preferences(["de", "da-DK", "sv"]),
            Language::Da
        );
        assert_eq!(Language::from_preferences(["fr", "ar"]), Language::En);
        assert_eq!(Language::from_preferences([]), Language::En);
    }
}
