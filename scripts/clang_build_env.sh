# Sourced by scripts/sanitize.sh and scripts/fuzz.sh (after `cd` to the tree) with NAME set to
# the caller's name: checks for clang++ and sets `launcher` (ccache, when installed) and `jobs`
# (EC2SIM_JOBS caps the build's parallel jobs) for their cmake calls.
command -v clang++ >/dev/null || { echo "$NAME: clang++ missing; run scripts/setup.sh all" >&2; exit 1; }
launcher=()
if command -v ccache >/dev/null; then
  # Paths relative to the tree, and no build directory in the hash: build-asan/ and
  # build-fuzz/ (and CI's fresh clone) then share cache entries.
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
jobs=()
if [ -n "${EC2SIM_JOBS:-}" ]; then jobs=(-j "$EC2SIM_JOBS"); fi
