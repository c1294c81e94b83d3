#!/usr/bin/env bash
# The main job on the bundled example: installs what is missing, builds, and
# prints the coded article for a person (events, quotations, counts, entities).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build/dragoman code --date 2027-03-11 --format pretty examples/article.txt
