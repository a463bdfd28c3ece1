#!/usr/bin/env bash
# The main job. Until the notebook runner lands this trains a tiny model as a smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project bench/AiLab.Bench.csproj -c Release --no-build -- smoke
