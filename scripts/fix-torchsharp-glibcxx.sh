#!/usr/bin/env bash
# Debian 12 fix for TorchSharp 0.107: its libLibTorchSharp.so requires GLIBCXX_3.4.32 (GCC 13's libstdc++) for one
# symbol only, std::ios_base_library_init, a marker GCC 13 emits for <iostream> that no relocation refers to. Debian 12's
# libstdc++ stops at GLIBCXX_3.4.30, so the loader refuses the library; marking that one version requirement weak makes
# it load (the library then runs as built). Applied, idempotently, only where the system libstdc++ lacks the version:
# to the restored NuGet package, to the copies TorchSharp consolidates beside its dll in the NuGet cache (the .NET
# Interactive kernel), and to copies in build output (artifacts/).
#   scripts/fix-torchsharp-glibcxx.sh [--quiet] [folders…]     (default: the NuGet cache and artifacts/)
set -euo pipefail
cd "$(dirname "$0")/.."
version=GLIBCXX_3.4.32
quiet=false
[[ ${1:-} == --quiet ]] && { quiet=true; shift; }

libstdcxx=$(/sbin/ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ && !found {print $NF; found = 1}' || true)
if [[ -z $libstdcxx ]]; then
  libstdcxx=$(ls /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib64/libstdc++.so.6 2>/dev/null | head -1 || true)
fi
if [[ -n $libstdcxx ]] && grep -aq "$version" "$libstdcxx"; then
  $quiet || echo "setup: the system libstdc++ has $version; TorchSharp's native library needs no fix"
  exit 0
fi

folders=("$@")
if ((${#folders[@]} == 0)); then
  folders=("${NUGET_PACKAGES:-$HOME/.nuget/packages}/torchsharp" artifacts)
fi
files=()
for folder in "${folders[@]}"; do
  [[ -d $folder ]] || continue
  while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$folder" -name libLibTorchSharp.so -type f -print0)
done
((${#files[@]})) || exit 0
# Say what changed; "already weak" lines would be noise on every later run.
python3 scripts/weaken-glibcxx.py "$version" "${files[@]}" | { grep -v 'already weak$' || true; } | sed 's/^/setup: /'
