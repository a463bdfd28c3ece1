#!/usr/bin/env bash
# Installs and builds everything AiLab needs, idempotently: Debian packages (libtorch, OpenBLAS,
# the native toolchain, Chromium for chart PNGs), npm packages (plotly.js), the native shim and .NET.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(libtorch-dev libopenblas0-pthread cmake g++ make chromium)
missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from elsewhere than Debian (nodesource, nvm): only install it when absent.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
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

# plotly.js, pinned by package-lock.json; reinstalled only when the lockfile changes.
if [[ -f package-lock.json ]] && { [[ ! -f node_modules/.package-lock.json ]] || ! cmp -s package-lock.json node_modules/.ailab-lock; }; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.ailab-lock
fi

# The official .NET Interactive kernel the runner starts per notebook (.config/dotnet-tools.json).
echo "setup: dotnet tool restore"
dotnet tool restore >/dev/null

# The native shim is built by AiLab.Torch.csproj (CMake), so one dotnet build does everything.
echo "setup: dotnet build"
dotnet build AiLab.slnx -c Release -nologo -v q -clp:ErrorsOnly
