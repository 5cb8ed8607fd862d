//! The translator's sheet of one language, from and back into `locales/` (issue 33):
//!
//! `cargo run --example translator_sheet -- export ar > ar.csv` writes every text the language
//! has (for her languages: her pages' texts) beside the Swedish and the English, with its
//! back-translation (`locales/<lang>/back/`) and review status (`locales/<lang>/review/status.json`,
//! "machine-draft" where none is noted). A native speaker reviews it in any spreadsheet;
//! `cargo run --example translator_sheet -- import ar.csv` writes the texts, back-translations
//! and statuses back, each into its feature's file, keys in the Swedish order.
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use stegvis::i18n::sheet::{self, SheetRow};

type Texts = BTreeMap<String, String>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["export", language] => print!("{}", export(language)),
        ["import", file] => import(&fs::read_to_string(file).expect("the sheet can be read")),
        _ => {
            eprintln!("usage: translator_sheet export <language> | import <sheet.csv>");
            std::process::exit(2);
        }
    }
}

fn dir(parts: &[&str]) -> PathBuf {
    parts
        .iter()
        .fold(PathBuf::from("locales"), |path, part| path.join(part))
}

/// The features (file names) of Swedish, the original, in order.
fn features() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir(&["sv"]))
        .expect("locales/sv")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".json").map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

/// One feature's texts in one folder, in their file's order (empty if there is none).
fn read(folder: &Path, feature: &str) -> Vec<(String, String)> {
    let Ok(raw) = fs::read_to_string(folder.join(format!("{feature}.json"))) else {
        return Vec::new();
    };
    // In the file's order: serde_json's map would sort the keys.
    let map: Map<String, Value> = serde_json::from_str(&raw).expect("a flat JSON object");
    let mut texts: Vec<(String, String)> = map
        .into_iter()
        .map(|(key, text)| (key, text.as_str().unwrap_or_default().to_owned()))
        .collect();
    texts.sort_by_key(|(key, _)| raw.find(&format!("{}:", json(key))));
    texts
}

fn all(folder: &Path) -> Texts {
    features()
        .iter()
        .flat_map(|feature| {
            read(folder, feature)
                .into_iter()
                .map(move |(key, text)| (format!("{feature}_{key}"), text))
        })
        .collect()
}

fn statuses(language: &str) -> Texts {
    fs::read_to_string(dir(&[language, "review", "status.json"]))
        .ok()
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

fn export(language: &str) -> String {
    let (sv, en) = (all(&dir(&["sv"])), all(&dir(&["en"])));
    let texts = all(&dir(&[language]));
    let back = all(&dir(&[language, "back"]));
    let status = statuses(language);
    let rows: Vec<SheetRow> = sv
        .iter()
        .filter(|(key, _)| texts.contains_key(*key))
        .map(|(key, swedish)| SheetRow {
            key: key.clone(),
            swedish: swedish.clone(),
            english: en.get(key).cloned().unwrap_or_default(),
            text: texts[key].clone(),
            back_translation: back.get(key).cloned().unwrap_or_default(),
            status: status
                .get(key)
                .cloned()
                .unwrap_or_else(|| sheet::STATUSES[0].to_owned()),
        })
        .collect();
    sheet::write(language, &rows)
}

fn import(csv: &str) {
    let (language, rows) = sheet::read(csv).unwrap_or_else(|error| {
        eprintln!("not a translator's sheet: {error:?}");
        std::process::exit(1);
    });
    let column = |pick: fn(&SheetRow) -> &String| -> Texts {
        rows.iter()
            .map(|row| (row.key.clone(), pick(row).clone()))
            .filter(|(_, text)| !text.is_empty())
            .collect()
    };
    let (texts, back) = (column(|r| &r.text), column(|r| &r.back_translation));
    let status: Texts = column(|r| &r.status);
    for feature in features() {
        for (folder, texts) in [
            (dir(&[&language]), &texts),
            (dir(&[&language, "back"]), &back),
        ] {
            write_feature(&folder, &feature, texts);
        }
    }
    let review = dir(&[&language, "review"]);
    fs::create_dir_all(&review).expect("locales can be written");
    let json = serde_json::to_string_pretty(&status).expect("texts");
    fs::write(review.join("status.json"), json + "\n").expect("locales can be written");
    eprintln!("{}: {} texts read back", language, texts.len());
}

/// The sheet's texts of one feature into its file, in the Swedish order (none: no file).
fn write_feature(folder: &Path, feature: &str, texts: &Texts) {
    let prefix = format!("{feature}_");
    let lines: Vec<String> = read(&dir(&["sv"]), feature)
        .into_iter()
        .filter_map(|(key, _)| {
            let text = texts.get(&format!("{prefix}{key}"))?;
            Some(format!("  {}: {}", json(&key), json(text)))
        })
        .collect();
    if lines.is_empty() {
        return;
    }
    fs::create_dir_all(folder).expect("locales can be written");
    let file = format!("{{\n{}\n}}\n", lines.join(",\n"));
    fs::write(folder.join(format!("{feature}.json")), file).expect("locales can be written");
}

fn json(text: &str) -> String {
    serde_json::to_string(text).expect("a string")
}
