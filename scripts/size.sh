#!/usr/bin/env bash
# Prints what a first visit downloads from dist/ (after `trunk build --release`): each file raw and
# brotli-compressed (-q 11, as a CDN would serve it), and the total against the 80 KiB budget.
set -euo pipefail
cd "$(dirname "$0")/../dist"
budget=$((80 * 1024))
total_raw=0 total_br=0
printf '%-44s %10s %10s\n' file raw brotli
# The hashed glue is the page's; embed.js and embed-child.js load only on a publisher's page and in
# its frame (README, "Embedding").
for f in index.html boot.js *.css $(ls article-*.js) *_bg.wasm; do
  raw=$(stat -c%s "$f"); br=$(brotli -q 11 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_br=$((total_br + br))
  printf '%-44s %10d %10d\n' "$f" "$raw" "$br"
done
printf '%-44s %10d %10d  (budget %d: %s)\n' total "$total_raw" "$total_br" "$budget" \
  "$([ "$total_br" -le "$budget" ] && echo within || echo OVER)"
