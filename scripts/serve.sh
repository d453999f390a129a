#!/usr/bin/env bash
# Sets up what is missing, builds the site and serves it at http://127.0.0.1:8080/, rebuilding an
# article's page as soon as its data changes (code changes need scripts/build.sh). Ctrl-C stops.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh --preview "$@"
exec target/release/rig serve --port "${XA_PORT:-8080}"
