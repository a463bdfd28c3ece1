#!/usr/bin/env bash
# Installs and builds everything AiLab needs, idempotently: Debian packages (Chromium for chart PNGs, Python for the
# libstdc++ fix), the pinned .NET tools (the official .NET Interactive kernel), the NuGet packages (TorchSharp,
# Plotly.NET, Microsoft.Data.Analysis, …), the Debian 12 fix for TorchSharp's native library, and the build.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/check-system-libtorch.sh

# chromium: chart PNGs; python3: the libstdc++ fix; binutils: readelf, which the platform tests read ELF files with.
debian_packages=(chromium python3 binutils make)
missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    echo "setup: install them as root with: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null; then
  echo "setup: the .NET SDK 10 is not on PATH; install it (https://dot.net) and retry" >&2
  exit 1
fi

# The official .NET Interactive kernel (the one VS Code's Polyglot Notebooks extension starts), pinned in .config.
dotnet tool restore >/dev/null

echo "setup: dotnet restore"
dotnet restore AiLab.slnx -nologo -v q
# Notebooks restore TorchSharp-cpu with #r "nuget: …" into the same NuGet cache, so the fix below covers them too.
scripts/fix-torchsharp-glibcxx.sh

echo "setup: dotnet build"
dotnet build AiLab.slnx -c Release --no-restore -nologo -v q -clp:ErrorsOnly
# A build copies libLibTorchSharp.so into output folders; copies made before the fix existed are fixed here.
scripts/fix-torchsharp-glibcxx.sh --quiet
