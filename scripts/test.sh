#!/usr/bin/env bash
# Sets up what is missing, then runs every test: formatting and lints, the native tests (model,
# content errors, server-side rendering of the real and a second article), the release build,
# the browser tests in headless Chromium and then in headless Firefox ESR, and the soak.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --all --check
cargo clippy --locked --workspace --all-targets --features ssr -- -D warnings
cargo clippy --locked -p article-model --all-targets --features source -- -D warnings

step "native tests: model and content"
cargo test --locked -p article-model --features source

step "native tests: the app rendered to HTML"
cargo test --locked -p explorable-article --features ssr

step "native tests: the app built from a second article's data (no code changes)"
ARTICLE_CONTENT_DIR=model/tests/fixtures/tiny cargo test --locked -p explorable-article --features ssr --test render

step "release build"
trunk build --release

step "browser tests (headless Chromium)"
node tests/browser/run.mjs

step "browser tests (headless Firefox ESR)"
XA_BROWSER=firefox node tests/browser/run.mjs

step "soak: a long session in Chromium (reduced counts; --full for 10,000 cycles)"
node tests/browser/soak.mjs
