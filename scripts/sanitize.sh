#!/usr/bin/env bash
# Builds the `asan` preset (clang, AddressSanitizer + UndefinedBehaviorSanitizer, in build-asan/)
# and runs the whole ctest suite under it: unit tests, every scenario, the server tests. Any
# sanitizer report fails the run. EC2SIM_JOBS caps the build's parallel jobs. (The preset also
# carries libFuzzer's coverage flag, harmless here, so scripts/fuzz.sh reuses these objects.)
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=sanitize.sh
source scripts/clang_build_env.sh

cmake --preset asan "${launcher[@]}" >/dev/null
cmake --build --preset asan "${jobs[@]}"

# Leaks count as failures; UB stops the process at the first report with a stack.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
exec ctest --preset asan
