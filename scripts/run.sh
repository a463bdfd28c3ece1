#!/usr/bin/env bash
# The main job: execute every notebook headlessly, each in its own process, and write the executed notebooks,
# their pages, the charts and artifacts/run-summary.json (artifacts/index.html links everything).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p notebooks
exec ./ailab run notebooks "$@"
