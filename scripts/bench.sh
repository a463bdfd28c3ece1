#!/usr/bin/env bash
# Side-by-side benchmarks: TorchSharp against PyTorch's Python front end (bench/README.md).
#   scripts/bench.sh [threads ...]   default: 1 and 2 threads, each side's best
set -euo pipefail
cd "$(dirname "$0")/.."

# The Python side: Debian's python3-torch, and OpenBLAS so its matmuls are not the reference BLAS.
# --no-install-recommends matters: python3-torch recommends libtorch-dev, whose unversioned libtorch_cpu.so
# TorchSharp would load instead of its own libtorch (and fail with "undefined symbol").
python_packages=(python3-torch libopenblas0-pthread)
missing=()
for package in "${python_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "bench: installing ${missing[*]}" >&2
    apt_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
    apt_install || { apt-get update -qq && apt_install; }
  else
    echo "bench: ${missing[*]} missing (apt-get install --no-install-recommends ${missing[*]}); the PyTorch column may be empty" >&2
  fi
fi

# Set-up builds what the notebooks and tests need; the bench builds itself so it never runs a stale binary.
dotnet build bench/AiLab.Bench.csproj -c Release -nologo -v quiet
# A copy made before set-up weakened the package's GLIBCXX_3.4.32 requirement still has it (README, platform notes).
scripts/fix-torchsharp-glibcxx.sh --quiet artifacts/bin/AiLab.Bench
dotnet run --project bench/AiLab.Bench.csproj -c Release --no-build -- "$@"
