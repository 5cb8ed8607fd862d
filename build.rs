//! Compiles the locale files into Rust so that every text is checked at build time.
//!
//! `locales/<lang>/<feature>.json` holds flat `"key": "text"` pairs. Each becomes the field
//! `<feature>_<key>` of one generated `Texts` struct, with one static instance per language.
//! The build fails when a language lacks a key another has, when a text is empty, or when the
//! `{placeholders}` of one key differ between languages; a view that names a missing key does
//! not compile. A text with placeholders is not a public field but a method with one argument
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

    let mut out =
        String::from("/// Every user-facing text, one field per locale key.\npub struct Texts {\n");
    let first = &catalogues[0].1;
    for (key, text) in first {
        // A text with placeholders is reached only through its method below.
        let public = if placeholders(text).is_empty() {
            "pub "
        } else {
            ""
        };
        writeln!(out, "    {public}{key}: &'static str,").unwrap();
    }
    out.push_str("}\n\nimpl Texts {\n");
    out.push_str(
        "    /// A text by its key, for texts named by data (an item id, a step number); texts\n    /// with placeholders are not among them.\n",
    );
    out.push_str(
        "    pub fn lookup(&self, key: &str) -> Option<&'static str> {\n        Some(match key {\n",
    );
    for (key, text) in first {
        if placeholders(text).is_empty() {
            writeln!(out, "            {key:?} => self.{key},").unwrap();
        }
    }
    out.push_str("            _ => return None,\n        })\n    }\n");
    let english = &catalogues.iter().find(|(lang, _)| *lang == "en").unwrap().1;
    for (key, text) in first {
        write_filler(&mut out, key, text, &english[key]);
    }
    out.push_str("}\n");
    for (lang, catalogue) in &catalogues {
        writeln!(out, "pub static {}: Texts = Texts {{", lang.to_uppercase()).unwrap();
        for (key, text) in catalogue {
            writeln!(out, "    {key}: {text:?},").unwrap();
        }
        out.push_str("};\n");
    }
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
        "    pub fn {key}(&self, {}) -> String {{\n        super::fill(self.{key}, &[{}])\n    }}",
        params.join(", "),
        values.join(", ")
    )
    .unwrap();
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}
