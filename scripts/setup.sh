#!/usr/bin/env bash
# Installs what Citeline needs, skipping whatever is already there. Sourced by serve.sh and test.sh.
# Usage: setup.sh [web] [browser]   (no argument: just the native Rust toolchain check)
#   web      wasm32 target, trunk 0.21, wasm-bindgen-cli matching Cargo.toml, wasm-opt (npm binaryen)
#   browser  Debian's chromium + chromium-driver, firefox-esr, webkit2gtk-driver + xvfb (the three
#            engines of tests/e2e/engines.test.mjs), npm packages (playwright-core, puppeteer-core,
#            selenium-webdriver, axe-core)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup] FAILED:\033[0m %s\n' "$*" >&2; exit 1; }

TRUNK_SERIES="0.21"
# cargo-fuzz for the fuzz targets (fuzz/, bench/fuzz.sh); it runs on the nightly toolchain.
CARGO_FUZZ_SERIES="0.13"
# The wasm-bindgen crate is pinned with "=" in Cargo.toml; the CLI must be the very same version.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
[ -n "$WASM_BINDGEN_VERSION" ] || die "could not read the pinned wasm-bindgen version from Cargo.toml"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

command -v cargo >/dev/null || die "cargo is missing: install Rust with rustup (https://rustup.rs)"
# The test command's style gate needs rustfmt and clippy.
for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
    say "adding the $component component"
    rustup component add "$component" || die "rustup component add $component failed"
  fi
done

want_web=0; want_browser=0; want_fuzz=0
for arg in "$@"; do
  case "$arg" in
    web) want_web=1 ;;
    browser) want_browser=1 ;;
    fuzz) want_fuzz=1 ;;
    *) die "unknown setup part '$arg' (expected: web, browser, fuzz)" ;;
  esac
done

run_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root to run: $*"; fi; }

if [ "$want_web" = 1 ] || [ "$want_browser" = 1 ]; then
  if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/puppeteer-core ] || [ ! -d node_modules/selenium-webdriver ] || [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages (playwright-core, puppeteer-core, selenium-webdriver, axe-core; binaryen for wasm-opt)"
    command -v npm >/dev/null || die "npm is missing: apt-get install -y nodejs npm"
    npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
  fi
fi

if [ "$want_web" = 1 ]; then
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown || die "rustup target add wasm32-unknown-unknown failed"
  fi
  if ! trunk --version 2>/dev/null | grep -q "^trunk $TRUNK_SERIES\."; then
    say "installing trunk $TRUNK_SERIES (takes ~9 minutes on 2 cores)"
    cargo install trunk --version "~$TRUNK_SERIES" --locked || die "cargo install trunk failed"
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force || die "cargo install wasm-bindgen-cli failed"
  fi
  command -v wasm-opt >/dev/null || die "wasm-opt missing after npm ci (node_modules/.bin/wasm-opt)"
fi

if [ "$want_browser" = 1 ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    run_root apt-get update -q || die "apt-get update failed"
    run_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver fonts-dejavu-core \
      || die "apt-get install chromium chromium-driver failed"
  fi
  /usr/bin/chromium --version >/dev/null 2>&1 || die "/usr/bin/chromium does not run"
  # Firefox ESR (driven over WebDriver BiDi by puppeteer-core) and WebKitGTK's MiniBrowser (driven by
  # the WebKitWebDriver from webkit2gtk-driver, on an Xvfb display: MiniBrowser has no headless mode).
  if [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/WebKitWebDriver ] || ! command -v Xvfb >/dev/null \
    || [ ! -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ]; then
    say "installing Debian's firefox-esr, webkit2gtk-driver and xvfb"
    run_root apt-get update -q || die "apt-get update failed"
    run_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q firefox-esr webkit2gtk-driver xvfb \
      || die "apt-get install firefox-esr webkit2gtk-driver xvfb failed"
  fi
  /usr/bin/firefox-esr --version >/dev/null 2>&1 || die "/usr/bin/firefox-esr does not run"
  [ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ] \
    || die "WebKitGTK's MiniBrowser is missing (/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser, package webkit2gtk-driver)"
fi
if [ "$want_fuzz" = 1 ]; then
  if ! rustup toolchain list | grep -q '^nightly'; then
    say "installing the nightly toolchain (cargo-fuzz builds with it)"
    rustup toolchain install nightly --profile minimal || die "rustup toolchain install nightly failed"
  fi
  if ! cargo fuzz --version 2>/dev/null | grep -q "^cargo-fuzz $CARGO_FUZZ_SERIES\."; then
    say "installing cargo-fuzz $CARGO_FUZZ_SERIES (takes ~4 minutes on 2 cores)"
    cargo install cargo-fuzz --version "~$CARGO_FUZZ_SERIES" --locked || die "cargo install cargo-fuzz failed"
  fi
fi
say "ready"
