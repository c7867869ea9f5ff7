#!/usr/bin/env bash
# Sets everything up and runs every test. This is the README's test command; .ci/run calls it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh web browser fuzz
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

echo "== style: rustfmt and clippy (native, and wasm32 for the web and worker crates)"
cargo fmt --all --check || { echo "rustfmt: run 'cargo fmt --all' and commit the result" >&2; exit 1; }
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p citeline-web -p citeline-worker --all-targets --target wasm32-unknown-unknown --locked -- -D warnings

# Tests that read the shared data (seed originals, TimeBank/AQUAINT, JSONTestSuite) must run where
# it exists: CITELINE_SHARED makes them fail rather than skip. Where it is absent they skip, loudly.
if [ -d "$root/../shared" ]; then
  export CITELINE_SHARED="$(cd "$root/../shared" && pwd)"
  echo "== shared test data: $CITELINE_SHARED (tests that read it run)"
else
  echo "== SKIPPING the tests that read ../shared (seed byte copies, TimeBank/AQUAINT, JSONTestSuite): ../shared is absent"
fi

echo "== native tests (model, view, extract, eval, cli; layering)"
cargo test --workspace --locked

echo "== fuzz smoke: every cargo-fuzz target for a short run (bench/fuzz.sh runs them for 1,000,000)"
bash bench/fuzz.sh --runs 2000

echo "== component tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown -p citeline-web --test web

echo "== release build"
trunk build --release --offline

echo "== the citeline command (the browser tests publish a static page with citeline render)"
cargo build --locked -p citeline-cli

echo "== end-to-end tests (release page: engines.test.mjs in Chromium, Firefox ESR and WebKitGTK; the rest in Chromium)"
# A test that hangs (a browser that died under its driver) fails after 10 minutes instead of using up CI.
node --test --test-concurrency=1 --test-timeout=600000 tests/e2e/*.test.mjs
echo "== all tests passed; screenshots in test-output/"
