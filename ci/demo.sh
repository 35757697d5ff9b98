#!/usr/bin/env bash
# Installs what is missing, builds migralint, lints an example set from corpus/ and shows its
# findings, then proves a clean set on a throwaway PostgreSQL with `lint --apply`.
# Usage: ci/demo.sh [SET]   (default: corpus/supabase)
set -euo pipefail
cd "$(dirname "$0")/.."
# Only what the demo runs: the migralint binary (not the tests, benchmarks or fuzz targets), and
# only the packages that needs (no test tools, no clang, no browser).
bash ci/install-deps.sh demo
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
cmake --build build -j "$(nproc 2>/dev/null || echo 2)" --target migralint
set=${1:-corpus/supabase}

echo
echo "\$ build/migralint lint $set"
# Findings make migralint exit 1: that is the point of the demo, not a failure of it.
status=0
build/migralint lint --color always "$set" || status=$?
echo "(exit code $status; 0 clean, 1 findings, 2 usage or I/O error, 3 database)"

echo
echo "\$ build/migralint lint --apply corpus/quickstart"
# No --database-url and no DATABASE_URL: a throwaway PostgreSQL is started, the whole set is
# applied to it, and the server and its folder are removed again.
env -u DATABASE_URL build/migralint lint --apply --color always corpus/quickstart
