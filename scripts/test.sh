#!/usr/bin/env bash
# The whole test suite, as CI and the README run it: browser dependency, strict type-check,
# lint, then every vitest suite. Ends with one summary line "tests: N passed, N failed".
# Run through `pnpm test`, which puts node_modules/.bin on PATH.
set -uo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$1"; }

if [ -f scripts/ensure-chromium.sh ]; then
  step "browser for the HTML tests"
  bash scripts/ensure-chromium.sh || { echo "tests: 0 passed, 1 failed (no Chromium for the browser tests)"; exit 1; }
fi

if [ -f scripts/ensure-postgres.sh ]; then
  step "PostgreSQL for the store tests"
  bash scripts/ensure-postgres.sh || { echo "tests: 0 passed, 1 failed (no PostgreSQL for the store tests)"; exit 1; }
fi

step "type-check (strict)"
tsc -b tsconfig.json && tsc -p tsconfig.tools.json || { echo "tests: 0 passed, 1 failed (type-check)"; exit 1; }

step "lint"
eslint --max-warnings 0 . || { echo "tests: 0 passed, 1 failed (lint)"; exit 1; }

step "vitest"
mkdir -p artifacts
vitest run --reporter=default --reporter=json --outputFile.json=artifacts/vitest.json
status=$?
node scripts/test-summary.mjs artifacts/vitest.json || status=1
exit $status
