#!/usr/bin/env bash
# Installs the Debian packages dragoman needs (idempotent) and builds it in Release.
# As root it runs apt-get itself; otherwise it prints the command to run.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config   # compiler and build
  libicu-dev                         # Unicode: sentence breaks, case folding, UTF-8
  wordnet-base                       # English verb lemmas and irregular forms for the analysis
  nlohmann-json3-dev                 # JSONL input parsing
  libcli11-dev                       # command line
  libgtest-dev libgmock-dev          # unit tests
  libbenchmark-dev                   # micro-benchmarks
  python3 python3-jsonschema         # the schema test and ../shared/eval/score.py
  libsqlite3-dev                     # the event store (WAL, FTS5)
  libxxhash-dev                      # content hashes: re-ingesting an unchanged document is a no-op
  libcpp-httplib-dev                 # the HTTP API and workbench server
  nodejs                             # runs npm: the workbench build, the gazetteer conversion, the browser test
  chromium                           # headless browser for the workbench test (driven by playwright-core)
)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)  # nodejs from Debian ships npm separately

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: missing packages; run as root:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# npm packages, pinned in package-lock.json, from the npm registry only.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
npm run --silent build >&2

BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release ${CMAKE_ARGS:-} >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)" 2>&1 | grep -E 'error|warning|Error' || true
test -x "$BUILD_DIR/dragoman" || { echo "setup: build failed" >&2; exit 1; }
echo "setup: built $BUILD_DIR/dragoman" >&2
