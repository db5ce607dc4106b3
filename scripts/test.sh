#!/usr/bin/env bash
# Quick start, part two: install what the tests need too, build everything with the default
# preset (build/ is reconfigured if the quick start built it), and run the whole test suite (unit
# tests, every scenario in scenarios/ as a golden test, the server tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
exec ctest --preset default
