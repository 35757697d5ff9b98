#!/usr/bin/env bash
# Installs what is missing, builds migralint, and lints an example set from corpus/.
# Usage: ci/demo.sh [SET]   (default: corpus/supabase)
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/install-deps.sh
bash ci/build.sh build
set=${1:-corpus/supabase}
echo
echo "\$ build/migralint lint $set"
# Findings make migralint exit 1: that is the point of the demo, not a failure of it.
build/migralint lint --color always "$set" || status=$?
echo
echo "(exit code ${status:-0}; 0 clean, 1 findings, 2 usage or I/O error, 3 database)"
