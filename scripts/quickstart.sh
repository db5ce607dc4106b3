#!/usr/bin/env bash
# Quick start, part one: set up, build, and run the walkthrough of the blog post the project
# grew from (launch a t2.micro in Seoul, watch its IP change, fix it with an Elastic IP, clean up).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
exec build/ec2sim run scenarios/seed-walkthrough.json
