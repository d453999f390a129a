#!/usr/bin/env bash
# Prints what a reader downloads from dist/ (after scripts/build.sh), each file raw and brotli -q 11
# as a CDN would serve it: an article's first visit (its page and the runtime) against the 80 KiB
# budget, and a visit to another article once the runtime is cached (its page alone) against 12 KB.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/size.mjs "$@"
