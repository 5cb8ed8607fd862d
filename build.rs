//! Checks the locale files and generates the typed access to their texts.
//!
//! `locales/<lang>/<feature>.json` holds flat `"key": "text"` pairs. Each becomes the method
//! `<feature>_<key>()` of one generated `Texts` type, so a view that names a missing key does
//! not compile. The texts themselves are not compiled into the wasm: the app fetches one
//! language's file when that language is chosen (`scripts/texts.mjs` writes them into the build,
//! `src/i18n/loading.rs` reads them), so a phone downloads one language's words, not four.
//! Native builds (the tests) get every language compiled in instead.
//!
//! The build fails when one of the four full languages lacks a key another has, when a text is
//! empty, or when the `{placeholders}` of one key differ between languages. A language of her
//! pages only (`PARTIAL`) may lack keys (the counsellor's, which stay in sv, nb, da and en): its
//! file gets the English text for those. A text with placeholders is a method with one argument
//! per placeholder, in alphabetical order (`t.plan_print_title(name)`), so a view that leaves
//! one out or names one the text does not have does not compile either. (We generate code
//! ourselves instead of using leptos_i18n: the needs are small and this keeps compile time and
//! the wasm size down.)

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const LANGUAGES: [&str; 4] = ["sv", "nb", "da", "en"];
/// Her languages: her pages only (keep in step with `Language` and scripts/texts.mjs).
const PARTIAL: [&str; 6] = ["ar", "uk", "ti", "so", "prs", "sv-x-easy"];

type Catalogue = BTreeMap<String, String>;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let catalogues: Vec<(&str, Catalogue)> = LANGUAGES
        .iter()
        .map(|lang| (*lang, read_language(lang)))
        .collect();
    check_consistent(&catalogues);
    let first = &catalogues[0].1;
    let partial: Vec<(&str, Catalogue)> = PARTIAL
        .iter()
        .map(|lang| (*lang, read_language(lang)))
        .collect();
    for (lang, catalogue) in &partial {
        check_partial(lang, catalogue, first);
    }

    let english = &catalogues.iter().find(|(lang, _)| *lang == "en").unwrap().1;
    let mut out = String::new();
    out.push_str("impl Texts {\n");
    for (key, text) in first {
        if placeholders(text).is_empty() {
            writeln!(
                out,
                "    /// {:?}\n    pub fn {key}(&self) -> &'static str {{\n        self.get({key:?})\n    }}",
                english[key],
            )
            .unwrap();
        } else {
            write_filler(&mut out, key, text, &english[key]);
        }
    }
    out.push_str("}\n");
    write_native_bundles(&mut out, &catalogues, &partial, english);
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("texts.rs");
    fs::write(dest, out).unwrap();
}

/// Every language's texts, for native builds (the tests), where nothing is fetched: the JSON a
/// language's file holds, her languages completed with English as scripts/texts.mjs does.
fn write_native_bundles(
    out: &mut String,
    full: &[(&str, Catalogue)],
    partial: &[(&str, Catalogue)],
    english: &Catalogue,
) {
    out.push_str(
        "\n/// A language's texts as its file holds them (native builds only).\n\
         #[cfg(not(target_arch = \"wasm32\"))]\npub fn bundled(code: &str) -> Option<&'static str> {\n    match code {\n",
    );
    let bundles = full
        .iter()
        .map(|(lang, catalogue)| (*lang, catalogue.clone()))
        .chain(partial.iter().map(|(lang, catalogue)| {
            let mut whole = english.clone();
            whole.extend(catalogue.clone());
            (*lang, whole)
        }));
    for (lang, catalogue) in bundles {
        let json = serde_json::to_string(&catalogue).unwrap();
        writeln!(out, "        {lang:?} => Some({json:?}),").unwrap();
    }
    out.push_str("        _ => None,\n    }\n}\n");
}

fn read_language(lang: &str) -> Catalogue {
    let dir = Path::new("locales").join(lang);
    let mut catalogue = Catalogue::new();
    let Ok(entries) = fs::read_dir(&dir) else {
        assert!(PARTIAL.contains(&lang), "cannot read {}", dir.display());
        return catalogue;
    };
    let mut files: Vec<_> = entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
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

/// A language of her pages: only keys the full languages have, each with their placeholders.
fn check_partial(lang: &str, catalogue: &Catalogue, first: &Catalogue) {
    for (key, text) in catalogue {
        let Some(source) = first.get(key) else {
            panic!("locales/{lang}: `{key}` is in no full language");
        };
        assert_eq!(
            placeholders(text),
            placeholders(source),
            "`{key}`: placeholders in {lang} differ from sv"
        );
    }
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
        "    pub fn {key}(&self, {}) -> String {{\n        self.fill({key:?}, &[{}])\n    }}",
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
