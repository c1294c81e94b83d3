#!/usr/bin/env bash
# The workbench on the bundled examples: installs what is missing, builds,
# codes examples/ into build/example.db and serves it on
# http://127.0.0.1:8080/ (PORT=... to change) until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build/dragoman ingest examples/articles.jsonl --input jsonl --db build/example.db
build/dragoman ingest examples/article.txt --date 2027-03-11 --db build/example.db
exec build/dragoman serve --db build/example.db --port "${PORT:-8080}"
