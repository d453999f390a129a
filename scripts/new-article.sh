#!/usr/bin/env bash
# A new article: content/<slug>/ with commented templates of every file to fill in. With a text
# file, its words become article.txt (headline on the first line, then a paragraph a line), and
# actors.toml and the relations' candidates are drafted from it, read in the language given last
# (a locale's tag; English by default).
#
#   scripts/new-article.sh harbour-strike path/to/text.txt
#   scripts/new-article.sh huelga-portuaria path/to/texto.txt es
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ] || [ $# -gt 3 ]; then
  echo "usage: scripts/new-article.sh <slug> [path/to/text.txt [language]]" >&2
  exit 2
fi
text=()
if [ $# -ge 2 ]; then text=("$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); fi
language=()
if [ $# -eq 3 ]; then language=(--language "$3"); fi
scripts/setup.sh build >/dev/null
source scripts/env.sh
cargo build --quiet --release --locked -p article-tools
exec target/release/rig new "${language[@]}" "$1" "${text[@]}"
