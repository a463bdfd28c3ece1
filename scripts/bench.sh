#!/usr/bin/env bash
# Side-by-side benchmarks against PyTorch's Python front end on the same libtorch.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! dpkg-query -W -f='${Status}' python3-torch 2>/dev/null | grep -q "install ok installed"; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >/dev/null
  else
    echo "bench: python3-torch is missing (apt-get install python3-torch); only the C# side will run" >&2
  fi
fi
dotnet run --project bench/AiLab.Bench.csproj -c Release --no-build -- torch "$@"
