#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ in build-fuzz/ (clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, the whole tree instrumented) and runs each for SECONDS (default
# 60), starting from its seed corpus in fuzz/corpus/<target>/. Fails on any crash, sanitizer
# report, leak, or input that takes over 10 s. New inputs the fuzzer finds go to
# build-fuzz/fuzz/work/<target>/, never into the checked-in corpus; a failing input is saved as
# build-fuzz/fuzz/artifacts/<target>-crash-... (rerun it with build-fuzz/fuzz/fuzz_<target> FILE).
# EC2SIM_JOBS caps the build's parallel jobs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"

NAME=fuzz.sh
source scripts/clang_build_env.sh

# The compile flags and the unity batches are exactly the `asan` preset's (CMakePresets.json),
# so that with ccache the library objects scripts/sanitize.sh built are reused here rather than
# compiled again (one file at a time, a cold build of the libraries took most of CI's fuzz part).
sanitize="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
cmake -S . -B build-fuzz -G Ninja "${launcher[@]}" \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 \
  -DCMAKE_CXX_FLAGS="-O1 -fno-omit-frame-pointer $sanitize -fsanitize=fuzzer-no-link" \
  -DCMAKE_EXE_LINKER_FLAGS="$sanitize" -DCMAKE_SHARED_LINKER_FLAGS="$sanitize" \
  -DEC2SIM_BUILD_TESTS=OFF -DEC2SIM_BUILD_FUZZ=ON >/dev/null
cmake --build build-fuzz --target fuzz_all "${jobs[@]}"

export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
out=build-fuzz/fuzz
mkdir -p "$out/artifacts"
failed=()
for seeds in fuzz/corpus/*/; do
  target=$(basename "$seeds")
  binary="$out/fuzz_$target"
  if [ ! -x "$binary" ]; then
    echo "fuzz.sh: $binary was not built" >&2
    failed+=("$target")
    continue
  fi
  mkdir -p "$out/work/$target"
  echo "fuzz.sh: $target for ${seconds}s" >&2
  if ! "$binary" "$out/work/$target" "$seeds" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2560 -detect_leaks=1 -print_final_stats=1 \
      -artifact_prefix="$out/artifacts/$target-" >"$out/$target.log" 2>&1; then
    tail -n 60 "$out/$target.log" >&2
    failed+=("$target")
  else
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$out/$target.log" |
      sed "s/^/fuzz.sh: $target /" >&2 || true
  fi
done
if ((${#failed[@]})); then
  echo "fuzz.sh: FAILED: ${failed[*]} (logs in $out/)" >&2
  exit 1
fi
echo "fuzz.sh: every target ran ${seconds}s without a finding" >&2
