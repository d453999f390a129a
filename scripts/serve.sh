#!/usr/bin/env bash
# Sets up what is missing, builds the article and serves it at http://127.0.0.1:8080/ (rebuilding
# on every change). Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
source scripts/env.sh
exec trunk serve --release "$@"
