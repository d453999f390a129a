#!/usr/bin/env bash
# The benchmark, in one command: installs what is missing, rebuilds the site (scripts/build.sh), then
# measures it next to a floor page (the article as plain HTML, its styles inline) and checks the
# budgets (bench/bench.mjs).
# Prints one markdown table, also written to bench/output/latest.md. Exits 1 when a budget is
# exceeded, 2 when the measurement itself fails. About 3 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

scripts/setup.sh
source scripts/env.sh

# openssl makes the throwaway certificate the benchmark's HTTP/2 server needs.
if ! command -v openssl >/dev/null; then
  printf '\033[1m==> %s\033[0m\n' "apt: installing openssl"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq --no-install-recommends openssl; else sudo apt-get install -y -qq --no-install-recommends openssl; fi
fi

# Lighthouse lives in bench/ (its own lock file): installed when missing or older than the lock.
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  printf '\033[1m==> %s\033[0m\n' "npm: installing the benchmark tools (Lighthouse)"
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi

printf '\033[1m==> %s\033[0m\n' "site build"
scripts/build.sh --preview

printf '\033[1m==> %s\033[0m\n' "benchmark"
status=0
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" node bench/bench.mjs || status=$?
echo "# bench/run.sh: exit $status after $(($(date +%s) - started)) s"
exit "$status"
