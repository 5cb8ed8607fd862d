//! Guards the architecture: the domain stays plain Rust, testable without a browser.
//! Fails when a file under src/domain names a browser or UI crate.

use std::fs;
use std::path::Path;

const FORBIDDEN: [&str; 6] = [
    "leptos",
    "web_sys",
    "gloo",
    "wasm_bindgen",
    "js_sys",
    "crate::i18n",
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
                .filter(|name| code.contains(*name))
                .map(|name| format!("{} uses {name}", path.display()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "the domain must stay plain Rust: {offenders:?}"
    );
}
