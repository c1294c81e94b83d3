#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit tests, the seed
# article, the output schema, the CLI on bad input).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j2
