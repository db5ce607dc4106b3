#!/usr/bin/env bash
# Quick start, part two: install what the tests need too, build everything (the objects the quick
# start built are reused), and run the whole test suite (unit tests, every scenario in scenarios/
# as a golden test, the server tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
exec ctest --preset default
