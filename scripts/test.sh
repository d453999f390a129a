#!/usr/bin/env bash
# Sets up what is missing, then runs every test: formatting and lints, the native tests (the model,
# content and locale errors, the pages of every article rendered natively, the build tools), the
# site's build (the runtime and every article), the browser tests in headless Chromium and then in
# headless Firefox ESR against every article, a real WordPress embedding one, and the soak.
# Every suite runs even when an earlier one fails (a suite that needs the build is skipped, and
# counted as failed, when the build failed); a summary of all of them ends the output, and the exit
# status is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1
source scripts/env.sh

names=() results=() times=()
failed=0
# step NAME COMMAND...: runs one suite, records whether it passed and how long it took.
step() {
  local name=$1 started=$SECONDS status
  shift
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  "$@"
  status=$?
  names+=("$name") times+=($((SECONDS - started)))
  if [ "$status" -eq 0 ]; then results+=(ok); else results+=("FAILED (exit $status)"); failed=1; fi
  return "$status"
}
# skip NAME WHY: a suite that cannot run, counted as failed.
skip() {
  printf '\n\033[1m==> %s\033[0m\nskipped: %s\n' "$1" "$2"
  names+=("$1") times+=(0) results+=("SKIPPED: $2")
  failed=1
}

step "format" cargo fmt --all --check
step "lints" sh -c 'cargo clippy --locked --workspace --all-targets --features ssr -- -D warnings &&
  cargo clippy --locked -p article-model --all-targets --features source -- -D warnings'
step "native tests: the model (reader, view, ids, content and locale errors)" cargo test --locked -p article-model --features source
step "mutation testing: the model's lines the last commit changed (cargo-mutants)" scripts/mutants.sh
step "native tests: every article's page rendered natively" cargo test --locked -p explorable-article --features ssr
step "native tests: the build tools (pages, runtime, site)" cargo test --locked -p article-tools

if step "site build (runtime and every article)" scripts/build.sh --preview; then
  # (After the build: the browser tests' id module asks the built `rig` for the id contract.)
  step "the benchmark's modules link (it shares the browser tests' modules)" sh -c 'node bench/bench.mjs --check && node bench/boot-compare.mjs --check'
  step "browser tests (headless Chromium)" node tests/browser/run.mjs
  step "browser tests (headless Firefox ESR)" env XA_BROWSER=firefox node tests/browser/run.mjs
  step "WordPress: Debian's WordPress embeds an article an author pasted (Chromium)" node tests/browser/wordpress.mjs
  step "soak: a long session in Chromium (reduced counts; --full for 10,000 cycles)" node tests/browser/soak.mjs
else
  for suite in "the benchmark's modules link" "browser tests (headless Chromium)" "browser tests (headless Firefox ESR)" "WordPress" "soak"; do
    skip "$suite" "the site's build failed"
  done
fi

printf '\n\033[1m==> summary\033[0m\n'
for i in "${!names[@]}"; do
  printf '%-82s %5ss  %s\n' "${names[$i]}" "${times[$i]}" "${results[$i]}"
done
if [ "$failed" -ne 0 ]; then
  echo "scripts/test.sh: some suites failed"
  exit 1
fi
echo "scripts/test.sh: every suite passed"
