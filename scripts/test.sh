#!/usr/bin/env bash
# The one command that runs every check: lint (type-aware), type check, dead code, unit and database tests (PGlite and Postgres),
# then the browser tests in Chromium against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "format (Prettier)"
npm run --silent format:check
step "lint"
npm run --silent lint
step "type check"
npm run --silent typecheck
step "dead code (knip: unused files, exports and dependencies)"
npm run --silent knip
step "unit, database and integration tests"
npx vitest run
step "browser tests (Playwright, Chromium)"
npm run --silent test:e2e
