#!/usr/bin/env bash
# CI: builds the libFuzzer targets of tests/fuzz with clang (only the parser code) and
# runs each for FUZZ_SECONDS starting from its committed seed corpus. Fails on a crash,
# an invariant violation, a sanitizer report, a leak or a hang (an input taking longer than
# FUZZ_TIMEOUT seconds). Crash inputs land in $BUILD_DIR/fuzz-artifacts/<target>/: copy the
# file to tests/fuzz/regressions/<target>/ with the fix so ctest replays it for ever.
#
# Environment: FUZZ_SECONDS (default 60 per target), FUZZ_TIMEOUT (default 10 s per input),
#              FUZZ_TARGETS (default all), BUILD_DIR (default <repo>/build-fuzz), JOBS (default 2).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$REPO/build-fuzz}"
JOBS="${JOBS:-2}"
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
FUZZ_TIMEOUT="${FUZZ_TIMEOUT:-10}"
FUZZ_TARGETS="${FUZZ_TARGETS:-smtp_command smtp_data imap_command mime config control jwt}"

# clang and its runtime (libFuzzer, ASan, UBSan); apt-get only when something is missing.
FUZZ_PACKAGES=(clang libclang-rt-14-dev cmake ninja-build qt6-base-dev libssl-dev libargon2-dev pkg-config)
bash "$REPO/resources/dev.sh" install "${FUZZ_PACKAGES[@]}"

launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
start=$(date +%s)
cmake -S "$REPO" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DPOSTROOM_FUZZ=ON "${launcher[@]}" >/dev/null
cmake --build "$BUILD_DIR" --target fuzzers -j "$JOBS"
echo "==> fuzz build took $(( $(date +%s) - start )) s"

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
failed=()
for target in $FUZZ_TARGETS; do
    bin="$BUILD_DIR/tests/fuzz/fuzz_$target"
    work="$BUILD_DIR/fuzz-corpus/$target"       # grows while fuzzing; the seeds stay untouched
    artifacts="$BUILD_DIR/fuzz-artifacts/$target"
    mkdir -p "$work" "$artifacts"
    echo "==> fuzz_$target for ${FUZZ_SECONDS} s"
    # -max_len 64 KiB: enough for every grammar, small enough for many runs per second.
    # -rss_limit_mb bounds memory (a parser that allocates without limit is a finding too).
    if ! "$bin" "$work" "$REPO/tests/fuzz/corpus/$target" -max_total_time="$FUZZ_SECONDS" \
            -timeout="$FUZZ_TIMEOUT" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
            -artifact_prefix="$artifacts/" > "$artifacts/log.txt" 2>&1; then
        echo "!!! fuzz_$target failed; last lines of $artifacts/log.txt:"
        tail -n 60 "$artifacts/log.txt"
        failed+=("$target")
    else
        grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)|cov:" "$artifacts/log.txt" | tail -n 3
    fi
done
echo "==> fuzzing took $(( $(date +%s) - start )) s in total"
if [ ${#failed[@]} -gt 0 ]; then
    echo "==> failed targets: ${failed[*]} (inputs in $BUILD_DIR/fuzz-artifacts/)"
    exit 1
fi
echo "==> all fuzz targets ran clean"
