#!/usr/bin/env bash
# `pnpm test`: everything CI runs, in order. Fails on the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step 'System packages (Chromium, PostgreSQL)'
bash scripts/ensure-system-deps.sh

step 'Typecheck'
pnpm exec tsc -b

step 'Lint'
pnpm exec eslint . --max-warnings 0

step 'Format'
pnpm exec prettier --check . --log-level warn

# The API suite runs once, on the PostgreSQL server below (the production database). On the
# embedded PGlite (the demo database, and the one the end-to-end tests run on) run every other
# project and the API suites that are about the database engine itself.
step 'Unit and component tests; the embedded-database suites (PGlite)'
# Two workers on two cores: vitest's default (cores − 1) runs the files one by one.
pnpm exec vitest run --project '!api' --maxWorkers=2
pnpm exec vitest run --project api src/test/suites/crash-durability src/test/suites/concurrency src/lib/jobs.test

step 'API and database tests on a PostgreSQL server'
pgdir=$(mktemp -d /tmp/yoryo-pg.XXXXXX)
trap 'bash scripts/pg-test-server.sh stop "$pgdir"; rm -rf "$pgdir"' EXIT
url=$(bash scripts/pg-test-server.sh start "$pgdir" "${PG_TEST_PORT:-55432}")
DATABASE_URL="$url" pnpm --silent --filter @yoryo/db migrate
# Two workers: a test mostly waits for the server, so two files at once take 6 min, not 10.
TEST_DATABASE_URL="$url" pnpm exec vitest run --project api --project db --maxWorkers=2

step 'OpenAPI drift check'
pnpm --silent openapi:check

step 'Rules engine benchmark (smoke run)'
pnpm --silent --filter @yoryo/domain bench:smoke

step 'API throughput benchmark (smoke run: bare route, API on PostgreSQL and on PGlite)'
pnpm --silent --filter @yoryo/api bench:smoke

step 'Build both SPAs'
pnpm --silent build

step 'First load of the SPAs (JS gzip against the 200 KB budget, reads the build)'
pnpm --silent bench:web

step 'End-to-end tests (Playwright, Debian Chromium)'
pnpm e2e
