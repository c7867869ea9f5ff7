#!/usr/bin/env bash
# Sets everything up and serves the app on http://127.0.0.1:8080 (release build, rebuilt on change).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh web
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
exec trunk serve --release --offline --address 127.0.0.1 --port 8080
