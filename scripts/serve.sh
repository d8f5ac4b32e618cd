#!/usr/bin/env bash
# Builds the playground in release mode and serves it on
# http://127.0.0.1:8080, installing whatever is missing first (idempotent).
#
#   scripts/serve.sh            # build, then serve until Ctrl-C
#   PORT=9000 scripts/serve.sh  # another port
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

ensure_build_tools
say "building the release page"
trunk build --release
port="${PORT:-8080}"
say "serving dist/ at http://127.0.0.1:${port}/ (Ctrl-C stops)"
echo "http://127.0.0.1:${port}/"
# Serve the built files as they are: `trunk serve` would rebuild in debug
# mode and watch the tree, which a reader does not need.
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
