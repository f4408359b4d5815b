#!/usr/bin/env bash
# Runs the CI recipes of docs/ci.md against the packed package and checks that they do what the page says.
#
#   bash build/verify-ci-recipes.sh [package-dir | path/to/GreedyTasks.Analyzers.<version>.nupkg]
#
# Default: the newest GreedyTasks.Analyzers.*.nupkg in artifacts/packages (what build/pack.sh writes).
#
# Approach: the recipes are for users, so they run against the packed package, installed the way users install
# it, not against the analyzer projects. The greedy code is samples/GreedyWorker: its sources and project file
# (no bin/ or obj/) are copied to a temp directory outside the repository, the project's two ProjectReferences to
# src/ are replaced by a PackageReference to the package under test, and it restores from a local feed with a
# private NUGET_PACKAGES folder (as build/verify-package.sh does), so no cached copy of the same version and no
# repository build setting can leak in. The copy is the user's code: `dotnet format` may rewrite it freely.
# Set KEEP_VERIFY_DIR=1 to keep the temp directory for inspection.
#
# Checks (each prints PASS or FAIL; any FAIL gives a non-zero exit):
#   1. -warnaserror: `dotnet build -warnaserror:GT0001,GT0002` exits non-zero and reports error GT0001 and
#      error GT0002;
#   2. SARIF: `dotnet build -p:ErrorLog=<file>%2Cversion=2.1` writes a SARIF 2.1.0 log (parsed with python3, which
#      this check needs) with results for each of GT0001-GT0006, all at level "warning", and every GT rule with a
#      result has a helpUri ending in docs/rules/<ID>.md; the same with -p:GreedyTasksMode=strict fails the build
#      and its log has GT0001-GT0003 at level "error";
#   3. dotnet format: `dotnet format analyzers <project> --diagnostics <ID> --severity warn`, once per ID for GT0001,
#      GT0002, GT0003, GT0004 and GT0005 in that order, on the copy. Before: the sample reports every one of
#      GT0001-GT0006. After each call: the call succeeds and changes files, the copy still builds, and no
#      diagnostic of that ID is left, except for GT0001 the one the rule documents as having no fix
#      ('Task.Wait(TimeSpan)' whose bool result is used). At the end, the only GT diagnostics left are that GT0001
#      and GT0006 (no code fix by design).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
package_id="GreedyTasks.Analyzers"
sample_dir="$repo_root/samples/GreedyWorker"
sample_project="GreedyWorker.csproj"
source_arg="${1:-$repo_root/artifacts/packages}"
script_start=$SECONDS

# shellcheck source=lib/package-consumer.sh
source "$repo_root/build/lib/package-consumer.sh"
find_package_under_test "$package_id" "$source_arg"
if [[ ! -f "$sample_dir/$sample_project" ]]; then
    echo "FAIL: the sample $sample_dir/$sample_project is missing" >&2
    exit 1
fi

make_work_dir greedytasks-recipes

echo "==> CI recipes with $file_name on a copy of samples/GreedyWorker in $work"

feed="$work/feed"
app="$work/GreedyWorker"
logs="$work/logs"
mkdir -p "$feed" "$app" "$logs"
cp "$nupkg" "$feed/"

export NUGET_PACKAGES="$work/nuget-packages"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

# --- the user's project: the sample, consuming the package -----------------------------------------------------
(cd "$sample_dir" && tar --exclude=./bin --exclude=./obj -cf - .) | (cd "$app" && tar -xf -)
isolate_consumer "$app" "$feed"
# Drop the ProjectReferences to src/ and reference the package instead, leaving every other setting as it is.
use_package_reference() {
    local project="$app/$sample_project"
    sed -E '/<ProjectReference Include="[^"]*GreedyTasks\.(Analyzers|CodeFixes)\.csproj"/d' "$project" >"$project.tmp"
    sed "s|</Project>|  <ItemGroup>\n    <PackageReference Include=\"$package_id\" Version=\"[$version]\" />\n  </ItemGroup>\n</Project>|" \
        "$project.tmp" >"$project"
    rm -f "$project.tmp"
    ! grep -q '<ProjectReference' "$project" && grep -qF "<PackageReference Include=\"$package_id\"" "$project"
}
if ! use_package_reference; then
    echo "FAIL: could not switch the copied sample from ProjectReference to PackageReference"
    sed 's/^/    /' "$app/$sample_project"
    exit 1
fi

project="$app/$sample_project"
common=(--nologo -v:minimal -tl:off)
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# The GT diagnostics of a build log, one line each (the build repeats them in its summary).
gt_lines() { grep -E ': (warning|error) GT[0-9]{4}: ' "$1" | sed -E 's/ \[[^]]*\]$//' | sort -u || true; }
# count_id <log> <ID>: how many distinct diagnostics of that ID the build reported.
count_id() { gt_lines "$1" | grep -cE ": (warning|error) $2: " || true; }
show_log() { echo "    ---- $(basename "$1") ----"; sed 's/^/    /' "$1"; }
# A fingerprint of the copy's sources, to see whether a format step changed anything.
sources_sum() { (cd "$app" && find . -name '*.cs' -not -path './obj/*' -not -path './bin/*' -print0 | sort -z | xargs -0 cat | cksum); }
step_time() { echo "    ($(( SECONDS - $1 )) s)"; }

if ! dotnet restore "$project" "${common[@]}" >"$logs/restore.log" 2>&1; then
    fail "dotnet restore of the copied sample"
    show_log "$logs/restore.log"
    exit 1
fi

# --- 1. -warnaserror ----------------------------------------------------------------------------------------------
echo "--- recipe 1: dotnet build -warnaserror:GT0001,GT0002"
start=$SECONDS
log="$logs/warnaserror.log"
status=0
dotnet build "$project" --no-restore --no-incremental -warnaserror:GT0001,GT0002 "${common[@]}" >"$log" 2>&1 || status=$?
if [[ $status -ne 0 ]]; then pass "-warnaserror:GT0001,GT0002: the build fails (exit code $status)"; else fail "-warnaserror:GT0001,GT0002: the build succeeded"; fi
if grep -qE 'error GT0001: ' "$log"; then pass "-warnaserror:GT0001,GT0002: error GT0001 is reported"; else fail "-warnaserror:GT0001,GT0002: no error GT0001"; fi
if grep -qE 'error GT0002: ' "$log"; then pass "-warnaserror:GT0001,GT0002: error GT0002 is reported"; else fail "-warnaserror:GT0001,GT0002: no error GT0002"; fi
step_time "$start"

# --- 2. SARIF ---------------------------------------------------------------------------------------------------
echo "--- recipe 2: dotnet build -p:ErrorLog=<file>%2Cversion=2.1 (without a mode, then with GreedyTasksMode=strict)"
start=$SECONDS
# Checks one SARIF log; prints one PASS/FAIL line per assertion and exits with the number that failed.
# Arguments: the log, a label, and the level every GT0001-GT0003 result must have (GT0004-GT0006: warning).
cat > "$work/check-sarif.py" <<'PY'
import json, re, sys

path, label, blocking_level = sys.argv[1:4]
with open(path, encoding="utf-8-sig") as f:
    log = json.load(f)
failed = 0

def check(condition, text):
    global failed
    print(("PASS: " if condition else "FAIL: ") + label + ": " + text)
    failed += 0 if condition else 1

check(log.get("version") == "2.1.0", "the log is SARIF version 2.1.0 (found %r)" % log.get("version"))
results, rules = [], []
for run in log.get("runs", []):
    results += run.get("results", [])
    rules += run.get("tool", {}).get("driver", {}).get("rules", [])
gt_results = [r for r in results if re.fullmatch(r"GT\d{4}", r.get("ruleId") or "")]
reported = sorted({r["ruleId"] for r in gt_results})
expected = ["GT0001", "GT0002", "GT0003", "GT0004", "GT0005", "GT0006"]
check(all(i in reported for i in expected), "results for each of %s (found %s)" % (", ".join(expected), ", ".join(reported) or "none"))
for rule_id in reported:
    links = sorted({r.get("helpUri") or "" for r in rules if r.get("id") == rule_id})
    good = bool(links) and all(l.endswith("/docs/rules/%s.md" % rule_id) for l in links)
    want = blocking_level if rule_id in ("GT0001", "GT0002", "GT0003") else "warning"
    levels = sorted({r.get("level", "warning") for r in gt_results if r["ruleId"] == rule_id})
    check(good and levels == [want], "%s: level %s, helpUri %s" % (rule_id, "/".join(levels), ", ".join(links) or "(no rule entry)"))
sys.exit(min(failed, 100))
PY
# run_sarif <label> <log> <sarif> <GT0001-GT0003 level> [build args...]
run_sarif() {
    local label="$1" log="$2" sarif="$3" level="$4"; shift 4
    local status=0
    # %2C is an escaped comma: a plain comma would end the value and make version=2.1 a property of its own.
    dotnet build "$project" --no-restore --no-incremental "-p:ErrorLog=$sarif%2Cversion=2.1" "$@" "${common[@]}" >"$log" 2>&1 || status=$?
    if [[ $level == warning ]]; then
        if [[ $status -eq 0 ]]; then pass "$label: the build succeeds"; else fail "$label: the build failed (exit code $status)"; show_log "$log"; fi
    else
        if [[ $status -ne 0 ]]; then pass "$label: the build fails (exit code $status)"; else fail "$label: the build succeeded"; fi
    fi
    if [[ ! -s "$sarif" ]]; then
        fail "$label: no log was written to $sarif"
    elif ! command -v python3 >/dev/null 2>&1; then
        fail "$label: python3 is needed to parse the log and is not installed"
    else
        python3 "$work/check-sarif.py" "$sarif" "$label" "$level" || failures=$((failures + $?))
    fi
}
baseline_log="$logs/sarif-build.log"
run_sarif "SARIF" "$baseline_log" "$work/greedyworker.sarif" warning
# With the strict preset the compiler itself reports GT0001-GT0003 as errors, so the log says "error" too.
run_sarif "SARIF, strict" "$logs/sarif-strict-build.log" "$work/greedyworker-strict.sarif" error -p:GreedyTasksMode=strict
step_time "$start"

# --- 3. dotnet format, once per ID ------------------------------------------------------------------------------
echo "--- recipe 3: dotnet format analyzers --diagnostics <ID> --severity warn, once per ID"
start=$SECONDS
# The SARIF build above is a plain build of the untouched copy: it is the "before" picture.
for id in GT0001 GT0002 GT0003 GT0004 GT0005 GT0006; do
    n="$(count_id "$baseline_log" "$id")"
    if [[ $n -gt 0 ]]; then pass "before dotnet format: $n $id"; else fail "before dotnet format: no $id (the sample should report it)"; fi
done
previous_log="$baseline_log"
for id in GT0001 GT0002 GT0003 GT0004 GT0005; do
    step_start=$SECONDS
    before="$(count_id "$previous_log" "$id")"
    sum_before="$(sources_sum)"
    format_log="$logs/format-$id.log"
    status=0
    dotnet format analyzers "$project" --diagnostics "$id" --severity warn >"$format_log" 2>&1 || status=$?
    if [[ $status -eq 0 ]]; then pass "dotnet format $id: exit code 0"; else fail "dotnet format $id: exit code $status"; show_log "$format_log"; fi
    if [[ "$(sources_sum)" != "$sum_before" ]]; then pass "dotnet format $id: changed the sources"; else fail "dotnet format $id: changed nothing"; fi

    after_log="$logs/build-after-$id.log"
    status=0
    dotnet build "$project" --no-restore --no-incremental "${common[@]}" >"$after_log" 2>&1 || status=$?
    if [[ $status -eq 0 ]]; then pass "after dotnet format $id: the copy builds"; else fail "after dotnet format $id: the copy does not build"; show_log "$after_log"; fi
    after="$(count_id "$after_log" "$id")"
    if [[ $id == GT0001 ]]; then
        # The one GT0001 without a fix: Task.Wait(TimeSpan) whose bool result is used (docs/rules/GT0001.md).
        unfixable="$(gt_lines "$after_log" | grep -cE ": warning GT0001: 'Task\.Wait\(TimeSpan\)'" || true)"
        if [[ $after -eq $unfixable ]]; then
            pass "after dotnet format $id: $before -> $after ($unfixable x 'Task.Wait(TimeSpan)' with its bool result used: no fix by design)"
        else
            fail "after dotnet format $id: $before -> $after, of which only $unfixable are the documented no-fix case"
            gt_lines "$after_log" | grep -E " GT0001: " | sed 's/^/    /'
        fi
    else
        if [[ $after -eq 0 ]]; then pass "after dotnet format $id: $before -> 0"; else fail "after dotnet format $id: $before -> $after"; gt_lines "$after_log" | grep -E " $id: " | sed 's/^/    /'; fi
    fi
    echo "    ($(( SECONDS - step_start )) s)"
    previous_log="$after_log"
done

echo "    GT diagnostics left after all five steps:"
gt_lines "$previous_log" | sed -E "s|^$app/||; s/^/      /"
left_other="$(gt_lines "$previous_log" | grep -vE ": warning GT0006: |: warning GT0001: 'Task\.Wait\(TimeSpan\)'" | grep -c . || true)"
left_gt0006="$(count_id "$previous_log" GT0006)"
if [[ $left_other -eq 0 && $left_gt0006 -gt 0 ]]; then
    pass "after dotnet format: only GT0006 (no code fix) and the documented no-fix GT0001 are left"
else
    fail "after dotnet format: $left_other unexpected GT diagnostic(s) left, $left_gt0006 GT0006"
fi
step_time "$start"

echo "Duration: $(( SECONDS - script_start )) s"
if [[ $failures -ne 0 ]]; then
    echo "FAIL: $failures CI recipe check(s) failed; logs: $logs (KEEP_VERIFY_DIR=1 keeps them)"
    exit 1
fi
echo "PASS: every CI recipe in docs/ci.md works with $file_name"
