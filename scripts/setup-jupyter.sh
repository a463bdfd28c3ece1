#!/usr/bin/env bash
# Optional set-up: Jupyter kernels for the notebooks (exported with `./ailab export --to ipynb`).
# Installs Debian's nbconvert and Jupyter client when `jupyter` is missing (as root, with apt), creates the
# kernelspec folder (`dotnet-interactive jupyter install` fails without it), and registers the official kernel's
# ".NET (C#)", ".NET (F#)" and ".NET (PowerShell)" Jupyter kernels. Their command, `dotnet interactive`, resolves
# the repository's local tool, so run Jupyter from inside the repository. Idempotent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v jupyter >/dev/null || ! jupyter nbconvert --version >/dev/null 2>&1; then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    echo "setup-jupyter: install jupyter-nbconvert, jupyter-client and python3-ipykernel (Debian), then rerun" >&2
    exit 1
  fi
  echo "setup-jupyter: apt-get install jupyter-nbconvert jupyter-client python3-ipykernel"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends \
    jupyter-nbconvert jupyter-client python3-ipykernel >/dev/null
fi

dotnet tool restore >/dev/null
kernels="$(jupyter --data-dir)/kernels"
mkdir -p "$kernels"
if [[ ! -f $kernels/.net-csharp/kernel.json ]]; then
  echo "setup-jupyter: dotnet-interactive jupyter install"
  dotnet tool run dotnet-interactive -- jupyter install >/dev/null
fi
echo "setup-jupyter: kernels in $kernels: $(ls -A "$kernels" | tr '\n' ' ')"
