#!/usr/bin/env bash
# Quick start, part two: set up, build, and run the whole test suite (unit tests and every
# scenario in scenarios/ as a golden test).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec ctest --preset default
