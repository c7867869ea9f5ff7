//! In the browser: mounts the app. Natively: the command line in `citeline::cli` (`citeline check`,
//! `extract`, `eval`; `citeline --help`).

#[cfg(target_arch = "wasm32")]
fn main() {
    citeline::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let code = citeline::cli::run(&args, &mut out, &mut std::io::stderr().lock());
    // `exit` skips destructors: flush here (a closed pipe is not worth a message).
    let code = if out.flush().is_err() { code.max(1) } else { code };
    std::process::exit(code);
}
