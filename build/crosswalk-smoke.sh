#!/usr/bin/env bash
# Smoke test of the crosswalk tool (build/GreedyTasks.Crosswalk): builds it in Release and runs it on the GreedyWorker
# sample only. It checks that every peer package loads with its compared rules, that no analyzer throws, and that
# GreedyTasks reports something (the tool's own exit code says so); it asserts no counts and no timing.
# Writes artifacts/crosswalk/crosswalk-smoke.md. The run takes a few seconds once the tool is built.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
dotnet build build/GreedyTasks.Crosswalk -c Release --nologo -v:q -clp:ErrorsOnly
built=$(date +%s)
if ! timeout 90 dotnet run --project build/GreedyTasks.Crosswalk -c Release --no-build -- --sample-only --out artifacts/crosswalk/crosswalk-smoke.md; then
  echo "crosswalk-smoke: FAILED (exit codes: 3 peer load problem, 4 analyzer failure or no GreedyTasks diagnostic, 124 over 90 s)" >&2
  exit 1
fi
echo "crosswalk-smoke: ok (build $(( built - start )) s, run $(( $(date +%s) - built )) s)"
