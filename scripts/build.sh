#!/usr/bin/env bash
# Builds the site into dist/: the runtime every article shares (Trunk, only when its code or
# styles changed), then every article's page from its data alone (`rig build`, native, no wasm or
# Rust compile). Options go to `rig build`:
#
#   scripts/build.sh --site-url https://news.example/explorables/ [--provider "News Example"]
#                                                      every article, to publish at that address
#   scripts/build.sh --preview                         every article, for this machine only
#   scripts/build.sh --preview milei-cold-war          one article (the others' pages stay)
#   scripts/build.sh --site-url … --runtime-url https://cdn.news.example/xa/_runtime/
#
# One of --site-url and --preview is required: a CMS embeds a page only by its public address.
# XA_SITE_URL, XA_RUNTIME_URL and XA_PROVIDER set the same from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
source scripts/env.sh

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# The runtime is built again only when what it is made of changed: its code, its styles, its
# scripts, its page template or its build settings.
stamp=target/runtime/.inputs
inputs=$(cat Cargo.lock Cargo.toml Trunk.toml index.html model/Cargo.toml scripts/build.sh \
  $(git ls-files -co --exclude-standard src model/src web style 2>/dev/null || find src model/src web style -type f) \
  2>/dev/null | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$inputs" ] || [ ! -f target/runtime/index.html ]; then
  say "runtime: trunk build --release"
  # Any source path left in the wasm is written from the crate's own folder, so the runtime is
  # the same bytes on every machine and names no path of the one that built it.
  remap="--remap-path-prefix=$PWD=."
  for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
    remap+=" --remap-path-prefix=${dir%/}=crates"
  done
  # Panic sites without their file, line and column (`-Zlocation-detail=none`): 1.4 KB less
  # brotli, the most any one setting saves; a panic still stops the app and logs its message.
  # The flag is unstable, so this compiler run alone may use it (`RUSTC_BOOTSTRAP=1`, as the Linux
  # kernel's and Firefox's builds do); should a compiler drop it, remove both and the runtime
  # builds as before, 1.4 KB larger.
  RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$remap -Zlocation-detail=none" trunk build --release
  echo "$inputs" > "$stamp"
else
  say "runtime: unchanged since the last build"
fi

say "tools: cargo build --release -p article-tools"
cargo build --quiet --release --locked -p article-tools

args=()
[ -n "${XA_SITE_URL:-}" ] && args+=(--site-url "$XA_SITE_URL")
[ -n "${XA_RUNTIME_URL:-}" ] && args+=(--runtime-url "$XA_RUNTIME_URL")
[ -n "${XA_PROVIDER:-}" ] && args+=(--provider "$XA_PROVIDER")
say "articles: rig build"
exec target/release/rig build "${args[@]}" "$@"
