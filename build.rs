//! Compiles the locale files into Rust so that every text is checked at build time.
//!
//! `locales/<lang>/<feature>.json` holds flat `"key": "text"` pairs. Each becomes the method
//! `<feature>_<key>()` of one generated `Texts` type, with one static instance per
//! language; each key's texts are one array, so the linker leaves out of an app's wasm every
//! key that app never reads.
//! The build fails when a language lacks a key another has, when a text is empty, or when the
//! `{placeholders}` of one key differ between languages; a view that names a missing key does
//! not compile. A text with placeholders is a method with one argument
//! per placeholder, in alphabetical order (`t.plan_print_title(name)`), so a view that leaves
//! one out or names one the text does not have does not compile either. (We generate code
//! ourselves instead of using leptos_i18n: the needs are small and this keeps compile time and
//! the wasm size down.)

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const LANGUAGES: [&str; 4] = ["sv", "nb", "da", "en"];

type Catalogue = BTreeMap<String, String>;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let catalogues: Vec<(&str, Catalogue)> = LANGUAGES
        .iter()
        .map(|lang| (*lang, read_language(lang)))
        .collect();
    check_consistent(&catalogues);

    let first = &catalogues[0].1;
    let english = &catalogues.iter().find(|(lang, _)| *lang == "en").unwrap().1;
    let mut out = String::from(
        "/// Every user-facing text in one language, one method per locale key.\n\
         pub struct Texts {\n    index: usize,\n}\n\n",
    );
    for (index, lang) in LANGUAGES.iter().enumerate() {
        writeln!(
            out,
            "pub static {}: Texts = Texts {{ index: {index} }};",
            lang.to_uppercase()
        )
        .unwrap();
    }
    // One array per key, a text per language: a key no page of an app reads is left out of
    // that app's wasm by the linker, with all its translations.
    for key in first.keys() {
        let texts: Vec<String> = catalogues
            .iter()
            .map(|(_, catalogue)| format!("{:?}", catalogue[key]))
            .collect();
        writeln!(
            out,
            "static {}: [&str; {}] = [{}];",
            array_name(key),
            LANGUAGES.len(),
            texts.join(", ")
        )
        .unwrap();
    }
    out.push_str("\nimpl Texts {\n");
    for (key, text) in first {
        if placeholders(text).is_empty() {
            writeln!(
                out,
                "    /// {:?}\n    pub fn {key}(&self) -> &'static str {{\n        {}[self.index % {}]\n    }}",
                english[key],
                array_name(key),
                LANGUAGES.len()
            )
            .unwrap();
        } else {
            write_filler(&mut out, key, text, &english[key]);
        }
    }
    write_lookups(&mut out, first);
    out.push_str("}\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("texts.rs");
    fs::write(dest, out).unwrap();
}

fn read_language(lang: &str) -> Catalogue {
    let dir = Path::new("locales").join(lang);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let mut catalogue = Catalogue::new();
    for path in files {
        let feature = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let raw = fs::read_to_string(&path).unwrap();
        let map: BTreeMap<String, String> = serde_json::from_str(&raw).unwrap_or_else(|e| {
            panic!("{}: not a flat JSON object of strings: {e}", path.display())
        });
        for (key, text) in map {
            let field = format!("{feature}_{key}");
            assert!(
                field
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}: key `{key}` must be snake_case",
                path.display()
            );
            assert!(
                !text.trim().is_empty(),
                "{}: `{key}` is empty",
                path.display()
            );
            catalogue.insert(field, text);
        }
    }
    catalogue
}

fn check_consistent(catalogues: &[(&str, Catalogue)]) {
    let (first_lang, first) = &catalogues[0];
    for (lang, catalogue) in &catalogues[1..] {
        let keys_a: BTreeSet<_> = first.keys().collect();
        let keys_b: BTreeSet<_> = catalogue.keys().collect();
        let only_first: Vec<_> = keys_a.difference(&keys_b).collect();
        let only_other: Vec<_> = keys_b.difference(&keys_a).collect();
        assert!(
            only_first.is_empty() && only_other.is_empty(),
            "locale keys differ: only in {first_lang}: {only_first:?}; only in {lang}: {only_other:?}"
        );
        for (key, text) in catalogue {
            assert_eq!(
                placeholders(text),
                placeholders(&first[key]),
                "`{key}`: placeholders in {lang} differ from {first_lang}"
            );
        }
    }
}

/// `pub fn key(&self, a: impl Display, b: impl Display) -> String` for a text with the
/// placeholders `{a}` and `{b}`.
fn write_filler(out: &mut String, key: &str, text: &str, english: &str) {
    let names = placeholders(text);
    if names.is_empty() {
        return;
    }
    for name in &names {
        assert!(
            name.starts_with(|c: char| c.is_ascii_lowercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                && ![
                    "as", "fn", "for", "if", "in", "let", "loop", "match", "mod", "move", "ref",
                    "self", "type", "use", "where", "while"
                ]
                .contains(&name.as_str()),
            "`{key}`: the placeholder {{{name}}} must be a snake_case name that is not a Rust keyword"
        );
    }
    let params: Vec<String> = names
        .iter()
        .map(|name| format!("{name}: impl std::fmt::Display"))
        .collect();
    let values: Vec<String> = names
        .iter()
        .map(|name| format!("({name:?}, &{name}.to_string())"))
        .collect();
    writeln!(out, "    /// {english:?}").unwrap();
    writeln!(
        out,
        "    pub fn {key}(&self, {}) -> String {{\n        super::fill({}[self.index % {}], &[{}])\n    }}",
        params.join(", "),
        array_name(key),
        LANGUAGES.len(),
        values.join(", ")
    )
    .unwrap();
}

fn array_name(key: &str) -> String {
    format!("TEXT_{}", key.to_uppercase())
}

/// `lookup_<feature>(key)` per locale file, for texts named by data (an item id, a step number;
/// texts with placeholders are not among them), and `lookup(key)` over all of them. An app
/// that reads one feature's texts by name keeps only that feature's.
fn write_lookups(out: &mut String, catalogue: &Catalogue) {
    let features = features();
    let feature_of = |key: &str| {
        features
            .iter()
            .filter(|f| key.starts_with(&format!("{f}_")))
            .max_by_key(|f| f.len())
            .cloned()
            .unwrap_or_else(|| panic!("`{key}` is in no locale file"))
    };
    let mut by_feature: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for (key, text) in catalogue {
        if placeholders(text).is_empty() {
            by_feature.entry(feature_of(key)).or_default().push(key);
        }
    }
    for (feature, keys) in &by_feature {
        writeln!(
            out,
            "    /// A text of locales/*/{feature}.json by its whole key.\n    pub fn lookup_{feature}(&self, key: &str) -> Option<&'static str> {{\n        let texts = match key {{"
        )
        .unwrap();
        for key in keys {
            writeln!(out, "            {key:?} => &{},", array_name(key)).unwrap();
        }
        writeln!(
            out,
            "            _ => return None,\n        }};\n        Some(texts[self.index % {}])\n    }}",
            LANGUAGES.len()
        )
        .unwrap();
    }
    out.push_str("    /// A text by its whole key, in any locale file.\n    pub fn lookup(&self, key: &str) -> Option<&'static str> {\n        None");
    for feature in by_feature.keys() {
        write!(out, "\n            .or_else(|| self.lookup_{feature}(key))").unwrap();
    }
    out.push_str("\n    }\n");
}

/// The locale files' names (the same in every language: `check_consistent`).
fn features() -> Vec<String> {
    let dir = Path::new("locales").join(LANGUAGES[0]);
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| {
            let path = entry.unwrap().path();
            let json = path.extension().is_some_and(|ext| ext == "json");
            json.then(|| path.file_stem().unwrap().to_str().unwrap().to_owned())
        })
        .collect();
    names.sort();
    names
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}
