//! The layering rule: nothing under `src/core/` may name a web crate. Without a test, exceptions creep in.

use std::path::{Path, PathBuf};

const WEB_CRATES: &[&str] = &["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys", "wasm_bindgen_futures"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Lines of code that name a web crate as a path (`yew::`, `use gloo`, `extern crate web_sys`).
fn offending_lines(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .filter(|line| {
            WEB_CRATES.iter().any(|krate| {
                line.contains(&format!("{krate}::"))
                    || line.contains(&format!("use {krate}"))
                    || line.contains(&format!("extern crate {krate}"))
            })
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn core_never_imports_a_web_crate() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    assert!(files.len() >= 5, "expected the core modules under {}", core.display());
    let mut failures = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).expect("readable source");
        for line in offending_lines(&source) {
            failures.push(format!("{}: {}", file.display(), line.trim()));
        }
    }
    assert!(failures.is_empty(), "web crates imported in the core:\n{}", failures.join("\n"));
}

#[test]
fn the_rule_catches_what_it_should() {
    assert_eq!(offending_lines("use yew::prelude::*;").len(), 1);
    assert_eq!(offending_lines("    let w = web_sys::window();").len(), 1);
    assert_eq!(offending_lines("// yew:: in a comment is fine\nuse serde::Serialize;").len(), 0);
}
