#!/usr/bin/env bash
# Stops when a system-wide libtorch is on the default library path. TorchSharp first asks the loader for plain
# "libtorch_cpu.so"; with Debian's libtorch-dev (libtorch 1.13) installed, that name resolves to the system copy, and
# TorchSharp's own libLibTorchSharp.so (built for libtorch 2.10) then fails with "undefined symbol".
#   LDCONFIG=… overrides the ldconfig command (tests use it).
set -euo pipefail
ldconfig=${LDCONFIG:-/sbin/ldconfig}
found=$("$ldconfig" -p 2>/dev/null | awk '$1 == "libtorch_cpu.so" || $1 == "libtorch.so" {print $NF}' | sort -u || true)
if [[ -n $found ]]; then
  owner=$(dpkg-query -S $found 2>/dev/null | cut -d: -f1 | sort -u | paste -sd' ' || true)
  echo "setup: a system libtorch is on the default library path: $(paste -sd' ' <<<"$found")" >&2
  echo "setup: TorchSharp would load it instead of its own libtorch 2.10 and fail with \"undefined symbol\"." >&2
  echo "setup: remove it first: apt-get remove ${owner:-libtorch-dev} (python3-torch is fine: it ships only versioned names)" >&2
  exit 1
fi
