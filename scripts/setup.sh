#!/usr/bin/env bash
# Installs what ec2sim needs from Debian's archive (only what is missing) and builds it into
# build/. Safe to run again: it does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake ninja-build g++ pkg-config libboost-graph-dev nlohmann-json3-dev libcli11-dev
          libgtest-dev libssl-dev zlib1g-dev libjemalloc-dev
          # `ec2sim serve`: Boost.Asio and Boost.Beast (libboost-dev) for its HTTP server,
          # cpp-httplib for the HTTP client, the clients its tests drive, and the EC2 API model
          # tools/trim_ec2_model.py reads. (Node.js and npm are optional: the JavaScript SDK
          # test is skipped without them.)
          libboost-dev libcpp-httplib-dev awscli python3-boto3 python3-botocore
          # scripts/sanitize.sh and scripts/fuzz.sh: clang (14 on Debian 12) with its sanitizer
          # and libFuzzer runtimes (libclang_rt.fuzzer is in libclang-rt-14-dev),
          # llvm-symbolizer for readable reports, and ccache so that their two extra builds of
          # the tree are cheap when repeated.
          clang libclang-rt-14-dev llvm ccache)
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

cmake --preset default >/dev/null
cmake --build --preset default
