#!/usr/bin/env bash
# Quick start, part one: install what running needs, build only the ec2sim binary, and run the
# walkthrough of the blog post the project grew from (launch a t2.micro in Seoul, watch its IP
# change, fix it with an Elastic IP, clean up). Tests, benchmarks, sanitizers and fuzzing belong
# to scripts/test.sh and CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run >&2
exec build/ec2sim run scenarios/seed-walkthrough.json
