//! In the browser: mounts the app. Natively: `citeline check FILE.json...` loads timeline files and
//! prints their diagnostics, exiting 1 if any file could not be loaded or had errors.

#[cfg(target_arch = "wasm32")]
fn main() {
    citeline::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use citeline::core::timeline::{Severity, Timeline};
    let files: Vec<String> = std::env::args().skip(1).collect();
    let files = match files.split_first() {
        Some((cmd, rest)) if cmd == "check" && !rest.is_empty() => rest.to_vec(),
        _ => {
            eprintln!("usage: citeline check FILE.json...");
            std::process::exit(2);
        }
    };
    let mut failed = false;
    for path in files {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{path}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        match Timeline::from_json(&text) {
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
            }
            Ok((timeline, diagnostics)) => {
                for d in &diagnostics {
                    eprintln!("{path}: {d}");
                    failed |= d.severity == Severity::Error;
                }
                println!("{path}: {} documents, {} events", timeline.documents.len(), timeline.events.len());
            }
        }
    }
    std::process::exit(i32::from(failed));
}
