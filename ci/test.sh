#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: in a normal build, and under
# AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer included), then fuzzes. Two build
# trees, not three: the sanitizer tree (clang) also holds the libFuzzer targets. Slow groups run
# once: the postgres group in the sanitizer tree (the executor's libpq code is checked for memory
# errors there), the browser and package groups in the normal tree (what users install).
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/install-deps.sh

echo "== build (RelWithDebInfo)"
bash ci/build.sh build -DBUILD_TESTING=ON  # ON again after ci/demo.sh turned it off in build/
echo "== tests (all but the postgres group)"
ctest --test-dir build --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" -LE postgres

echo "== build (clang: ASan + UBSan, with the libFuzzer targets)"
CC=clang CXX=clang++ bash ci/build.sh build-asan -DMIGRALINT_FUZZ=ON
echo "== tests under ASan + UBSan (all but the browser and package groups)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:fast_unwind_on_malloc=0 \
LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" \
    -LE 'browser|package'

echo "== fuzzing (libFuzzer, 35 s per target)"
bash ci/fuzz.sh 35
