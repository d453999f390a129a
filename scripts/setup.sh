#!/usr/bin/env bash
# Installs what building (`setup.sh build`) or building and testing (`setup.sh`, the default) the
# article needs, from the package registries only (Debian's, cargo's, npm's), and skips whatever is
# already installed. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-test}

TRUNK_VERSION=0.22.1
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# System packages: Node for wasm-opt (and the test tools); for tests, the two browsers, brotli,
# poppler's pdftotext/pdftoppm to read back what the print tests print, and the fonts the tests are
# written against (tests/fonts/fonts.conf, the only ones the test browsers see) with fc-match to
# check them; and Debian's WordPress, MariaDB and PHP for the WordPress test (tests/browser/wordpress.mjs,
# which runs them from scratch folders: no service is started, no configuration written).
missing=()
if [ "$purpose" = test ]; then
  command -v chromium >/dev/null || missing+=(chromium)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v brotli >/dev/null || missing+=(brotli)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  command -v fc-match >/dev/null || missing+=(fontconfig)
  [ -f /usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf ] || missing+=(fonts-sil-charis)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] || missing+=(fonts-dejavu-core)
  [ -f /usr/share/wordpress/wp-settings.php ] || missing+=(wordpress)
  [ -f /usr/share/wordpress/wp-content/themes/twentytwentythree/theme.json ] || missing+=(wordpress-theme-twentytwentythree)
  [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  command -v php >/dev/null || missing+=(php-cli)
  compgen -G "/usr/lib/php/*/mysqli.so" >/dev/null || missing+=(php-mysql)
fi
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Rust: the wasm target, Trunk, and the wasm-bindgen CLI at exactly Cargo.lock's version.
export PATH="$HOME/.cargo/bin:$PATH"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup: adding wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
# The two tools are built without link-time optimisation and in 16 codegen units (their own release
# profiles ask for fat LTO in one unit): Trunk then compiles in about 9.5 minutes on 2 cores instead
# of about 15, and both run as fast as a build step needs. Trunk without its update check, which
# could only fail here.
export CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "cargo: installing trunk $TRUNK_VERSION (about 9.5 minutes on 2 cores)"
  # 0.22.x declares a newer rust-version than it needs; it builds and runs on this toolchain.
  cargo install --locked --ignore-rust-version trunk --version "$TRUNK_VERSION" --no-default-features --features rustls
fi
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version$"; then
  say "cargo: installing wasm-bindgen-cli $bindgen_version (about 2.5 minutes)"
  # Not --locked: its lock file pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# For tests: cargo-mutants, the mutation tester (scripts/mutants.sh).
MUTANTS_VERSION=27.1.0
if [ "$purpose" = test ] && ! cargo mutants --version 2>/dev/null | grep -q " $MUTANTS_VERSION$"; then
  say "cargo: installing cargo-mutants $MUTANTS_VERSION (about 3 minutes)"
  cargo install --locked cargo-mutants --version "$MUTANTS_VERSION"
fi

# npm: wasm-opt (binaryen) and terser for the runtime; playwright-core, axe-core and pym.js for
# the browser tests.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm: installing build and test tools"
  npm ci --no-audit --no-fund --loglevel=error
fi

cargo fetch --locked --quiet
