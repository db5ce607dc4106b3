#!/usr/bin/env bash
# Installs what ec2sim needs from Debian's archive (only what is missing) and builds it into
# build/. Safe to run again: it does nothing that is already done.
#
#   scripts/setup.sh run    what running needs: the compiler, CMake, Ninja and the libraries the
#                           ec2sim binary links; builds only build/ec2sim, fast (the quick start)
#   scripts/setup.sh [test] also GoogleTest and the clients the server tests drive (AWS CLI,
#                           boto3); adds the tests to that build (scripts/test.sh)
#   scripts/setup.sh all    also clang, its sanitizer and libFuzzer runtimes, llvm and ccache for
#                           scripts/sanitize.sh and scripts/fuzz.sh (CI, .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-test}
case "$mode" in
  run | test | all) ;;
  *) echo "usage: scripts/setup.sh [run|test|all]" >&2; exit 2 ;;
esac

# The ec2sim binary: Boost.Graph, Boost.Asio and Boost.Beast (libboost-dev, header-only) for
# `ec2sim serve`, cpp-httplib for its HTTP client, JSON, CLI11, OpenSSL, zlib and jemalloc.
packages=(cmake ninja-build g++ pkg-config libboost-graph-dev libboost-dev nlohmann-json3-dev
          libcli11-dev libssl-dev zlib1g-dev libjemalloc-dev libcpp-httplib-dev)
if [ "$mode" != run ]; then
  # The tests: GoogleTest, the clients the server tests drive (Ansible with its amazon.aws
  # collection among them), and the EC2 API model tools/trim_ec2_model.py reads. (Node.js and
  # npm are optional: the JavaScript SDK test is skipped without them.) The browser console's
  # tests drive Debian's Chromium through chromium-driver and Selenium; fonts-nanum lets its
  # screenshots show Korean.
  packages+=(libgtest-dev awscli python3-boto3 python3-botocore ansible
            python3-pytest chromium chromium-driver python3-selenium fonts-nanum)
fi
if [ "$mode" = all ]; then
  # scripts/sanitize.sh and scripts/fuzz.sh: clang (14 on Debian 12) with its sanitizer and
  # libFuzzer runtimes (libclang_rt.fuzzer is in libclang-rt-14-dev), llvm-symbolizer for
  # readable reports, and ccache so that their two extra builds of the tree are cheap when
  # repeated.
  packages+=(clang libclang-rt-14-dev llvm ccache)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "ec2sim: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if [ "$mode" = run ]; then
  # The quick preset: tests off (GoogleTest is not installed yet), -O1 and a unity build, so a
  # cold build of the binary takes about two minutes on two cores instead of about fourteen.
  cmake --preset quick >/dev/null
  cmake --build --preset quick --target ec2sim
else
  # The test preset is the quick one with the tests on: the same flags in the same build/, so
  # the test command reuses every object the quick start compiled and adds only the tests.
  # (The default preset, -O2 -g one file at a time, is for benchmarks and debugging.)
  cmake --preset test >/dev/null
  cmake --build --preset test
fi
