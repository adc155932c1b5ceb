#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test; then
# builds and runs the whole suite again with AddressSanitizer and UndefinedBehaviorSanitizer
# (build-asan/) and fuzzes each parser for a bounded time (scripts/fuzz.sh).
#
#   SKIP_ASAN=1 / SKIP_FUZZ=1   leave out the sanitizer run / the fuzzing
#   FUZZ_SECONDS=N              seconds per fuzz target (default 30)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" -DCONTACTGUARD_WERROR=ON
cd "$root/build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)" "$@"

if [[ "${SKIP_ASAN:-}" != 1 ]]; then
    echo "== AddressSanitizer + UndefinedBehaviorSanitizer build (build-asan)"
    cmake -S "$root" -B "$root/build-asan" -G Ninja -DCONTACTGUARD_WERROR=ON -DCONTACTGUARD_SANITIZE=ON \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" >/dev/null
    cmake --build "$root/build-asan" --parallel "$(nproc)"
    cd "$root/build-asan"
    # Every test, the "heavy" ones included at full size (a 50 MB message, 100,000
    # messages, repeated SIGKILLs): they add about a minute on 2 cores.
    ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1" \
    UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
    LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0" \
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)" "$@"
fi

if [[ "${SKIP_FUZZ:-}" != 1 ]]; then
    "$root/scripts/fuzz.sh"
fi
