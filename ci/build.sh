#!/usr/bin/env bash
# Configures and builds one build tree. Usage: ci/build.sh [BUILD_DIR] [extra cmake args...]
# Default: build/ (RelWithDebInfo) with the binary at build/migralint.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j "$jobs"
