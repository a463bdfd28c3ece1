#!/usr/bin/env bash
# Runs every test project (which includes executing every notebook) and ends with one line:
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1
# The test that executes an exported notebook with jupyter nbconvert needs the Jupyter kernels.
scripts/setup-jupyter.sh || exit 1

# libgomp's worker threads spin while idle; when several processes share the cores (parallel test
# hosts, notebooks run side by side) the spinning made small models 20-50x slower. Sleep instead.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
results=artifacts/test-results
rm -rf "$results"
dotnet test AiLab.slnx -c Release --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?

passed=0 failed=0
for trx in "$results"/*.trx; do
  [[ -f $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})) failed=$((failed + ${f:-0}))
done
# A test host that crashed leaves no counters: count it as a failure rather than hide it.
if ((status != 0 && failed == 0)); then failed=1; fi
echo "$passed passed, $failed failed"
exit $status
