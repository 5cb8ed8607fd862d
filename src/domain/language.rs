//! The interface languages and how a first visit picks one.
//!
//! The counsellor's pages speak Swedish, Norwegian (bokmål), Danish and English. Her pages (the
//! participant's) also speak Arabic, Ukrainian, Tigrinya, Somali, Dari and easy-read Swedish;
//! where one of those has no text of its own (a counsellor's page), it shows the English one.

/// An interface language. The order is the order of the language switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    Sv,
    Nb,
    Da,
    En,
    Ar,
    Uk,
    Ti,
    So,
    Prs,
    SvEasy,
}

impl Language {
    pub const ALL: [Language; 10] = [
        Language::Sv,
        Language::SvEasy,
        Language::Nb,
        Language::Da,
        Language::En,
        Language::Ar,
        Language::Prs,
        Language::Uk,
        Language::Ti,
        Language::So,
    ];

    /// The languages of every page, the counsellor's too.
    pub const FULL: [Language; 4] = [Language::Sv, Language::Nb, Language::Da, Language::En];

    /// The code in storage, in links and in the names of the texts' files (`locales/<code>/`).
    pub fn code(self) -> &'static str {
        match self {
            Language::Sv => "sv",
            Language::Nb => "nb",
            Language::Da => "da",
            Language::En => "en",
            Language::Ar => "ar",
            Language::Uk => "uk",
            Language::Ti => "ti",
            Language::So => "so",
            Language::Prs => "prs",
            Language::SvEasy => "sv-x-easy",
        }
    }

    /// The BCP 47 tag for `lang` attributes, as screen readers and fonts know it: Dari as
    /// Persian of Afghanistan, easy-read Swedish as Swedish.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Prs => "fa-AF",
            Language::SvEasy => "sv",
            other => other.code(),
        }
    }

    /// Written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self, Language::Ar | Language::Prs)
    }

    /// The `dir` attribute for its text.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// Whether the counsellor's pages have their own texts in this language.
    pub fn is_full(self) -> bool {
        Language::FULL.contains(&self)
    }

    /// The language's name in itself, so anyone finds their own in the switch. Kept short:
    /// the switch is as wide as its longest name, and on a 412 px phone the header holds the
    /// app's name and the switch on one line with "Norsk bokmål" at most (wider, the page
    /// moves down as the app starts).
    pub fn own_name(self) -> &'static str {
        match self {
            Language::Sv => "Svenska",
            Language::Nb => "Norsk bokmål",
            Language::Da => "Dansk",
            Language::En => "English",
            Language::Ar => "العربية",
            Language::Uk => "Українська",
            Language::Ti => "ትግርኛ",
            Language::So => "Soomaali",
            Language::Prs => "دری",
            Language::SvEasy => "Lättläst",
        }
    }

    /// Reads a stored code or a browser tag such as `sv-SE`, `no`, `nn-NO` or `fa-AF`.
    /// Norwegian of any kind maps to bokmål, the only Norwegian we offer, and Persian to Dari
    /// until Persian has texts of its own.
    pub fn from_tag(tag: &str) -> Option<Language> {
        if tag.eq_ignore_ascii_case("sv-x-easy") {
            return Some(Language::SvEasy);
        }
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "sv" => Some(Language::Sv),
            "nb" | "no" | "nn" => Some(Language::Nb),
            "da" => Some(Language::Da),
            "en" => Some(Language::En),
            "ar" => Some(Language::Ar),
            "uk" => Some(Language::Uk),
            "ti" => Some(Language::Ti),
            "so" => Some(Language::So),
            "prs" | "fa" => Some(Language::Prs),
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
    fn only_arabic_and_dari_are_written_right_to_left() {
        let rtl: Vec<_> = Language::ALL.into_iter().filter(|l| l.is_rtl()).collect();
        assert_eq!(rtl, [Language::Ar, Language::Prs]);
    }

    #[test]
    fn each_language_has_its_own_name() {
        let names: std::collections::HashSet<_> =
            Language::ALL.iter().map(|l| l.own_name()).collect();
        assert_eq!(names.len(), Language::ALL.len());
    }

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
        assert_eq!(Language::from_tag("fa-AF"), Some(Language::Prs));
        assert_eq!(Language::from_tag("fa-IR"), Some(Language::Prs));
        assert_eq!(Language::from_tag("ti-ER"), Some(Language::Ti));
        assert_eq!(Language::from_tag("sv-x-easy"), Some(Language::SvEasy));
    }

    #[test]
    fn first_known_preference_wins_and_english_is_the_fallback() {
        assert_eq!(
            Language::from_preferences(["de", "da-DK", "sv"]),
            Language::Da
        );
        assert_eq!(Language::from_preferences(["fr", "de"]), Language::En);
        assert_eq!(Language::from_preferences(["fr", "ar"]), Language::Ar);
        assert_eq!(Language::from_preferences([]), Language::En);
    }
}
