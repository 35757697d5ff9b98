#!/usr/bin/env bash
# gen-builtins.sh [BUILD]: regenerates src/model/builtins_pg15.inc, the types, functions and
# relations PostgreSQL 15 provides, from the catalog of a throwaway server (initdb + postgres on a
# unix socket in a temporary folder, as the tests in tests/pg start it). BUILD defaults to
# build/. Needs postgresql-15's server binaries (ci/install-deps.sh installs them). The test
# Builtins.CommittedListIsWhatPostgresProvides (label postgres) fails while the file is stale.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$source_dir/build}
cmake --build "$build" --target pg_tests -j1
MIGRALINT_UPDATE_SNAPSHOTS=1 "$build/tests/pg_tests" \
  --gtest_filter='Builtins.CommittedListIsWhatPostgresProvides'
git -C "$source_dir" diff --stat -- src/model/builtins_pg15.inc
