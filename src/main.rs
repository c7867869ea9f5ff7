//! Mounts the page (trunk's `data-type="main"` entry).

#[cfg(target_arch = "wasm32")]
fn main() {
    citeline_web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("citeline-web is the page; build it with trunk. The command line is `citeline` (crates/cli).");
    std::process::exit(2);
}
