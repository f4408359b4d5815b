#!/usr/bin/env bash
# Smoke test of the scanner (build/GreedyTasks.Scan) and its fix check: builds it in Release and runs it on the
# GreedyWorker sample with --check-fixes, which applies every code fix (one by one, and Fix All per document) and
# compiles the result. Fails if the build fails, an analyzer throws (exit 3), a fix adds a compiler error (exit 4),
# or no fix was applied at all. Asserts no counts and no timing. Writes artifacts/scan/scan-smoke.md; about 20 s.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
dotnet build build/GreedyTasks.Scan -c Release --nologo -v:q -clp:ErrorsOnly
built=$(date +%s)
mkdir -p artifacts/scan
status=0
timeout 180 dotnet run --project build/GreedyTasks.Scan -c Release --no-build -- samples/GreedyWorker --check-fixes --no-list \
  --out artifacts/scan/scan-smoke.md > artifacts/scan/scan-smoke.txt || status=$?
if [[ $status -ne 0 ]]; then
  sed -n '/== Fix check ==/,$p' artifacts/scan/scan-smoke.txt >&2
  echo "scan-smoke: FAILED with exit code $status (3 an analyzer threw, 4 a fix added a compiler error, 124 over 180 s)" >&2
  exit 1
fi
# The fix check's table has one row per rule with diagnostics: the fifth column counts the single fixes applied.
applied=$(awk '/^== Fix check ==/ { on = 1 } on && $1 == "samples/GreedyWorker" && $2 ~ /^GT0/ { sum += $5 } END { print sum + 0 }' artifacts/scan/scan-smoke.txt)
if [[ $applied -eq 0 ]]; then
  echo "scan-smoke: FAILED: the fix check applied no fix on the sample" >&2
  exit 1
fi
echo "scan-smoke: ok ($applied fixes applied and compiled; build $(( built - start )) s, run $(( $(date +%s) - built )) s)"
