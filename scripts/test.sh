#!/usr/bin/env bash
# Quick start, part two: install what the tests need too, add the tests to the quick start's
# build in build/ (the test preset: the same -O1 unity flags, tests on), and run the whole test
# suite (unit tests, every scenario in scenarios/ as a golden test, the server tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
exec ctest --preset test
