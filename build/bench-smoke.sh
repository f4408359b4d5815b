#!/usr/bin/env bash
# CI smoke test of the performance benchmark (build/GreedyTasks.Benchmarks): a tiny generated corpus, one run per
# analyzer set, no warm-up. It checks that the benchmark builds, loads every analyzer set and runs to the end;
# it asserts no timing. Exit code: non-zero only when the build or the benchmark itself fails.
# Writes artifacts/benchmark-smoke.md. Takes well under 60 s on the 2-core CI machine once packages are restored.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
dotnet build build/GreedyTasks.Benchmarks -c Release --nologo -v:q -clp:ErrorsOnly
dotnet run --project build/GreedyTasks.Benchmarks -c Release --no-build -- --smoke --floors --out artifacts/benchmark-smoke.md
echo "bench-smoke: ok in $(( $(date +%s) - start )) s"
