#!/usr/bin/env bash
# Installs what is missing, builds migralint, lints an example set from corpus/ and shows its
# findings, then proves a clean set on a throwaway PostgreSQL with `lint --apply`.
# Usage: ci/demo.sh [SET]   (default: corpus/supabase)
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/install-deps.sh
bash ci/build.sh build
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
