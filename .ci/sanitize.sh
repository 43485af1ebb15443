#!/usr/bin/env bash
# CI: the whole test suite built with AddressSanitizer + UndefinedBehaviorSanitizer
# (LeakSanitizer included) in its own build directory. Any sanitizer report fails the
# run: it is fatal in the reporting process (halt_on_error), and because the daemons the
# Python tests start may exit unobserved, every report is also written to
# $BUILD_DIR/sanitizer-reports/ and the script fails when that folder is not empty.
# Needs the normal build and test packages (resources/dev.sh installs them).
#
# Environment: BUILD_DIR (default <repo>/build-asan), JOBS (default 2), CTEST_JOBS (default 2),
#              CTEST_ARGS (extra ctest arguments, e.g. "-R fuzz_replay").
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$REPO/build-asan}"
JOBS="${JOBS:-2}"
REPORTS="$BUILD_DIR/sanitizer-reports"

bash "$REPO/resources/dev.sh" install ninja-build
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
generator=()
if [ ! -f "$BUILD_DIR/Makefile" ]; then generator=(-G Ninja); fi

start=$(date +%s)
# -O1 -g1: ASan's recommended optimisation, and line tables for the reports without full
# debug info (which would double the build time on the 2-core CI machine).
cmake -S "$REPO" -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_FLAGS="-O1 -g1" \
      -DPOSTROOM_SANITIZE=ON "${launcher[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS"
built=$(date +%s)
echo "==> sanitizer build took $((built - start)) s"

rm -rf "$REPORTS"
mkdir -p "$REPORTS"
# halt_on_error: the first report ends the process with an error; detect_leaks: LeakSanitizer
# at exit; log_path: one file per reporting process (pid appended).
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:check_initialization_order=1:log_path=$REPORTS/asan"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$REPORTS/ubsan"
SUPP="$REPO/tests/fuzz/lsan.supp"
if [ -f "$SUPP" ]; then export LSAN_OPTIONS="suppressions=$SUPP:print_suppressions=0"; fi

cd "$BUILD_DIR"
status=0
# shellcheck disable=SC2086
ctest --output-on-failure -j "${CTEST_JOBS:-2}" --timeout 1800 ${CTEST_ARGS:-} || status=$?
echo "==> sanitizer tests took $(( $(date +%s) - built )) s (total $(( $(date +%s) - start )) s)"

if compgen -G "$REPORTS/*" >/dev/null; then
    echo "==> sanitizer reports:"
    for f in "$REPORTS"/*; do echo "--- $f"; cat "$f"; done
    status=1
fi
exit $status
