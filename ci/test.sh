#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: once in a normal build, once under
# AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/install-deps.sh

echo "== build (RelWithDebInfo)"
bash ci/build.sh build
echo "== tests"
ctest --test-dir build --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"

echo "== build (ASan + UBSan)"
bash ci/build.sh build-asan -DMIGRALINT_SANITIZE=ON
echo "== tests under ASan + UBSan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:fast_unwind_on_malloc=0 \
LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"

echo "== fuzzing (libFuzzer, 60 s per target)"
bash ci/fuzz.sh 60
