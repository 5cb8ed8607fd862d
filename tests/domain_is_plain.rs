//! Guards the architecture: the domain stays plain Rust, testable without a browser.
//! Fails when a file under src/domain names a browser or UI crate.

use std::fs;
use std::path::Path;

const FORBIDDEN: &[&str] = &[
    "leptos",
    "web_sys",
    "gloo",
    "wasm_bindgen",
    "js_sys",
    // The rooms around the domain: it must never reach out to them (they depend on it).
    "crate::i18n",
    "crate::storage",
    "crate::state",
    "crate::pages",
    "crate::components",
    "crate::browser",
    "crate::handover",
    "crate::offline",
    "crate::lock",
    "crate::routes",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether `code` names `path`, also inside a grouped import such as `crate::{storage, pages}`.
fn uses(code: &str, path: &str) -> bool {
    if code.contains(path) {
        return true;
    }
    let Some(name) = path.strip_prefix("crate::") else {
        return false;
    };
    code.match_indices("crate::{").any(|(at, _)| {
        let group = &code[at + "crate::{".len()..];
        let group = &group[..group.find('}').unwrap_or(group.len())];
        group
            .split(',')
            .any(|item| item.trim().split("::").next() == Some(name))
    })
}

#[test]
fn the_check_sees_grouped_imports() {
    assert!(uses(
        "use crate::{domain::plan, storage::kv};",
        "crate::storage"
    ));
    assert!(!uses("use crate::{domain::plan};", "crate::storage"));
    assert!(uses("use crate::pages::home;", "crate::pages"));
}

#[test]
fn domain_has_no_browser_or_ui_imports() {
    let mut files = Vec::new();
    rust_files(Path::new("src/domain"), &mut files);
    assert!(!files.is_empty(), "src/domain has no Rust files");
    let offenders: Vec<String> = files
        .iter()
        .flat_map(|path| {
            // Comments may talk about these crates; code may not use them.
            let code: String = fs::read_to_string(path)
                .unwrap()
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            FORBIDDEN
                .iter()
                .filter(|name| uses(&code, name))
                .map(|name| format!("{} uses {name}", path.display()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "the domain must stay plain Rust: {offenders:?}"
    );
}
