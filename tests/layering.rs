//! The layering rules, as a table. Cargo already refuses a dependency a crate does not declare; this
//! test keeps the declarations themselves honest (which crate may depend on which, directly or
//! through another crate), and checks what Cargo cannot: that the pure crates name no web crate in
//! their source and never read the clock. Without a test, exceptions creep in.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Crates that only make sense in a browser.
const WEB_CRATES: &[&str] = &["yew", "web-sys", "gloo", "wasm-bindgen", "js-sys", "wasm-bindgen-futures"];

/// The pure crates: tested natively, no web crate, no clock.
const PURE: &[&str] = &["citeline-model", "citeline-view", "citeline-extract", "citeline-eval", "citeline-render"];

/// `(crate, must not depend on, at all or through another crate, for the target)`.
/// The target is `None` for the host, or a target triple (the web crates are only wasm32 there).
const FORBIDDEN: &[(&str, &[&str], Option<&str>)] = &[
    // The model is the bottom layer.
    ("citeline-model", &["citeline-view", "citeline-extract", "citeline-eval", "citeline-web", "citeline-worker", "citeline-cli"], None),
    // The view draws from the model only: no text pipeline.
    ("citeline-view", &["citeline-extract", "citeline-eval", "citeline-web", "citeline-worker", "citeline-cli"], None),
    // The extractor reads text into the model; it knows nothing of views.
    ("citeline-extract", &["citeline-view", "citeline-eval", "citeline-web", "citeline-worker", "citeline-cli"], None),
    // Evaluation is native tooling over the extractor.
    ("citeline-eval", &["citeline-view", "citeline-web", "citeline-worker", "citeline-cli"], None),
    // The static view writes HTML from the model and the layout only: no text pipeline, no page.
    ("citeline-render", &["citeline-extract", "citeline-eval", "citeline-web", "citeline-worker", "citeline-cli"], None),
    // The page never carries the extractor or the evaluation: its start-up wasm stays small. Nor,
    // for now, the static view's writer (the command line writes the static page).
    (
        "citeline-web",
        &["citeline-extract", "citeline-eval", "citeline-worker", "citeline-cli", "citeline-render"],
        Some("wasm32-unknown-unknown"),
    ),
    ("citeline-web", &["citeline-render"], None),
    // The worker extracts; it draws nothing and scores nothing.
    ("citeline-worker", &["citeline-view", "citeline-eval", "citeline-web", "citeline-cli", "yew", "gloo"], Some("wasm32-unknown-unknown")),
];

/// Source patterns that read the clock (pure crates take the reference date as an argument).
const CLOCK_READS: &[&str] = &["Instant::now", "SystemTime::now", "Utc::now", "Local::now", "Date::now"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The resolved dependency graph for one target: package name → names of its normal dependencies.
fn graph(target: Option<&str>) -> HashMap<String, Vec<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command.current_dir(root()).args(["metadata", "--format-version", "1", "--locked"]);
    if let Some(target) = target {
        command.args(["--filter-platform", target]);
    }
    let output = command.output().expect("cargo metadata runs");
    assert!(output.status.success(), "cargo metadata failed: {}", String::from_utf8_lossy(&output.stderr));
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
    let name_of: HashMap<&str, &str> = metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| (p["id"].as_str().expect("id"), p["name"].as_str().expect("name")))
        .collect();
    metadata["resolve"]["nodes"]
        .as_array()
        .expect("a resolved graph")
        .iter()
        .map(|node| {
            let deps = node["deps"]
                .as_array()
                .into_iter()
                .flatten()
                // Normal dependencies only: a dev-dependency never reaches the shipped code.
                .filter(|d| d["dep_kinds"].as_array().into_iter().flatten().any(|k| k["kind"].is_null()))
                .filter_map(|d| name_of.get(d["pkg"].as_str()?).map(|s| (*s).to_owned()))
                .collect();
            (name_of[node["id"].as_str().expect("node id")].to_owned(), deps)
        })
        .collect()
}

/// Every package `start` depends on, directly or not.
fn reachable(graph: &HashMap<String, Vec<String>>, start: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![start.to_owned()];
    while let Some(name) = stack.pop() {
        for dep in graph.get(&name).into_iter().flatten() {
            if seen.insert(dep.clone()) {
                stack.push(dep.clone());
            }
        }
    }
    seen
}

/// The broken rules: `crate → forbidden dependency`.
fn violations(graph: &HashMap<String, Vec<String>>, rules: &[(&str, &[&str], Option<&str>)]) -> Vec<String> {
    let mut out = Vec::new();
    for (krate, forbidden, _) in rules {
        assert!(graph.contains_key(*krate), "{krate} is not in the workspace: the rule table is stale");
        let reached = reachable(graph, krate);
        out.extend(forbidden.iter().filter(|f| reached.contains(**f)).map(|f| format!("{krate} → {f}")));
    }
    out
}

#[test]
fn dependencies_run_one_way() {
    let mut failures = Vec::new();
    for target in [None, Some("wasm32-unknown-unknown")] {
        let graph = graph(target);
        let rules: Vec<_> = FORBIDDEN.iter().filter(|r| r.2.is_none() || r.2 == target).copied().collect();
        failures.extend(violations(&graph, &rules));
        for pure in PURE {
            let reached = reachable(&graph, pure);
            failures.extend(WEB_CRATES.iter().filter(|w| reached.contains(**w)).map(|w| format!("{pure} (pure) → {w}")));
        }
    }
    assert!(failures.is_empty(), "layering broken:\n{}", failures.join("\n"));
}

#[test]
fn the_dependency_rules_catch_what_they_should() {
    let graph: HashMap<String, Vec<String>> = [
        ("citeline-web", vec!["citeline-view"]),
        ("citeline-view", vec!["citeline-model", "citeline-extract"]),
        ("citeline-extract", vec!["citeline-model"]),
        ("citeline-model", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
    .collect();
    let rules: &[(&str, &[&str], Option<&str>)] =
        &[("citeline-web", &["citeline-extract"], None), ("citeline-model", &["citeline-view"], None)];
    assert_eq!(violations(&graph, rules), vec!["citeline-web → citeline-extract".to_owned()], "found through citeline-view");
}

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

/// Lines of code (not comments) that name a web crate as a path or read the clock.
fn offending_lines(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .filter(|line| {
            let web = WEB_CRATES.iter().map(|k| k.replace('-', "_")).any(|k| {
                line.contains(&format!("{k}::")) || line.contains(&format!("use {k}")) || line.contains(&format!("extern crate {k}"))
            });
            web || CLOCK_READS.iter().any(|c| line.contains(c))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn pure_crates_name_no_web_crate_and_read_no_clock() {
    let mut failures = Vec::new();
    for pure in PURE {
        let dir = root().join("crates").join(pure.trim_start_matches("citeline-"));
        let mut files = Vec::new();
        for sub in ["src", "tests", "examples"] {
            if dir.join(sub).is_dir() {
                rust_files(&dir.join(sub), &mut files);
            }
        }
        assert!(files.len() >= 2, "expected the sources of {pure} under {}", dir.display());
        for file in files {
            // Examples are benchmarks: they may time themselves.
            let is_example = file.components().any(|c| c.as_os_str() == "examples");
            let source = std::fs::read_to_string(&file).expect("readable source");
            for line in offending_lines(&source) {
                if !(is_example && CLOCK_READS.iter().any(|c| line.contains(c))) {
                    failures.push(format!("{}: {}", file.display(), line.trim()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "web crates or clock reads in a pure crate:\n{}", failures.join("\n"));
}

#[test]
fn the_source_rule_catches_what_it_should() {
    assert_eq!(offending_lines("use yew::prelude::*;").len(), 1);
    assert_eq!(offending_lines("    let w = web_sys::window();").len(), 1);
    assert_eq!(offending_lines("    let t = std::time::Instant::now();").len(), 1);
    assert_eq!(offending_lines("// yew:: in a comment is fine\nuse serde::Serialize;").len(), 0);
}
