#!/usr/bin/env bash
# Mutation testing of the model (cargo-mutants): breaks the code one small way at a time and checks
# that a test notices. `.cargo/mutants.toml` lists the mutants judged equivalent, with reasons.
#
#   scripts/mutants.sh            the lines of model/src the last commit changed (a test step)
#   scripts/mutants.sh BASE       the lines changed since BASE (a commit, a branch)
#   scripts/mutants.sh --all      every mutant of the model (README's figure; hours on 2 cores)
#
# A changed-lines run over more than MAX_MUTANTS mutants tests one shard of them (the same one for
# the same change), so the test command stays within its time: about 5 s a mutant with two jobs
# on 2 cores (measured: 527 in 42 minutes), so a shard takes about 10 minutes.
# Exits non-zero when a mutant survives.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
MAX_MUTANTS=${MAX_MUTANTS:-120}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [ "${1:-}" = --all ]; then
  exec cargo mutants --package article-model --jobs 2 --output "$out"
fi
base=${1:-HEAD~1}
if ! git rev-parse -q --verify "$base^{commit}" >/dev/null; then
  echo "mutants: no commit $base to compare with (a shallow clone?): nothing to test"
  exit 0
fi
git diff "$base" -- model/src >"$out/change.diff"
if [ ! -s "$out/change.diff" ]; then
  echo "mutants: model/src has not changed since $(git rev-parse --short "$base"): nothing to test"
  exit 0
fi
count=$(cargo mutants --package article-model --in-diff "$out/change.diff" --list | wc -l)
if [ "$count" -eq 0 ]; then
  echo "mutants: the change since $(git rev-parse --short "$base") has no mutable code"
  exit 0
fi
shards=$(((count + MAX_MUTANTS - 1) / MAX_MUTANTS))
shard=()
if [ "$shards" -gt 1 ]; then
  echo "mutants: $count mutants in the change; testing one shard of $shards"
  shard=(--shard "0/$shards")
fi
cargo mutants --package article-model --in-diff "$out/change.diff" --jobs 2 --output "$out" "${shard[@]}"
