#!/usr/bin/env bash
# A new article: content/<slug>/ with commented templates of every file to fill in. With a text
# file, its words become article.txt (headline on the first line, then a paragraph a line).
#
#   scripts/new-article.sh harbour-strike path/to/text.txt
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: scripts/new-article.sh <slug> [path/to/text.txt]" >&2
  exit 2
fi
text=()
if [ $# -eq 2 ]; then text=("$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); fi
scripts/setup.sh build >/dev/null
source scripts/env.sh
cargo build --quiet --release --locked -p article-tools
exec target/release/rig new "$1" "${text[@]}"
