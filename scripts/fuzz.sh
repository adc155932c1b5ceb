#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang into build-fuzz and runs each for
# a bounded time: FUZZ_SECONDS (default 30) per target. Each starts from its committed
# seed corpus and crash regressions; new inputs go to a scratch corpus in build-fuzz.
# A crash stops with the input saved under build-fuzz/crashes/<target>/: fix the bug and
# commit the input to tests/fuzz/regressions/<target>/.
#
#   scripts/fuzz.sh                  every target
#   scripts/fuzz.sh fuzz_detector    only the ones named
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/build-fuzz"
seconds=${FUZZ_SECONDS:-30}
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=(fuzz_detector fuzz_conversation_json fuzz_import_jsonl fuzz_import_csv fuzz_rules fuzz_policy fuzz_matchers
             fuzz_numberingplans)
fi

cmake -S "$root" -B "$build" -G Ninja -DCONTACTGUARD_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
    -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target "${targets[@]}"

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
export QT_QPA_PLATFORM=offscreen
failed=()
for target in "${targets[@]}"; do
    scratch="$build/corpus/$target"
    crashes="$build/crashes/$target"
    mkdir -p "$scratch" "$crashes"
    echo "== $target: ${seconds}s"
    # Inputs over 1 MB are the large-input tests' job, not the fuzzer's.
    corpora=("$scratch" "$root/tests/fuzz/corpus/$target")
    if [[ -d "$root/tests/fuzz/regressions/$target" ]]; then
        corpora+=("$root/tests/fuzz/regressions/$target")
    fi
    if ! "$build/fuzz/$target" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=3072 \
            -artifact_prefix="$crashes/" -print_final_stats=1 "${corpora[@]}" 2> "$build/$target.log"; then
        tail -n 60 "$build/$target.log" >&2
        failed+=("$target")
    else
        grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$build/$target.log" | tr '\n' ' '
        echo
    fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzzing found crashes in: ${failed[*]} (inputs under $build/crashes/)" >&2
    exit 1
fi
