#!/usr/bin/env bash
# Installs the packed analyzer into a throwaway console project and checks that it works for a consumer.
#
#   bash build/verify-package.sh [package-dir | path/to/GreedyTasks.Analyzers.<version>.nupkg]
#
# Default: the newest GreedyTasks.Analyzers.*.nupkg in artifacts/packages (what build/pack.sh writes).
# The consumer lives in a temp directory outside the repository and restores with its own NUGET_PACKAGES
# folder, so neither the repository's build settings nor a previously cached copy of the same version can
# leak in. Its nuget.config adds a feed holding only the package under test and keeps the machine's
# default sources. Set KEEP_VERIFY_DIR=1 to keep the temp directory for inspection.
#
# Checks (each prints PASS or FAIL; any FAIL gives a non-zero exit):
#   - restore takes GreedyTasks.Analyzers from the local feed;
#   - `dotnet build` reports warning GT0001 (task.Result) and warning GT0002 (Thread.Sleep), nothing in the
#     task-returning non-async method of TaskReturning.cs, and no GTB001;
#   - `dotnet build -warnaserror:GT0001` fails with error GT0001.
# Presets (build/GreedyTasks.Analyzers.props in the package, docs/configuration.md#presets):
#   - the compiler's EditorConfigFiles (`dotnet msbuild -getItem`) hold no preset file without a mode, and exactly
#     the chosen one with `-p:GreedyTasksMode=recommended` or `strict` (recommended behaves like no mode, so this
#     is how its selection is seen);
#   - `-p:GreedyTasksMode=recommended`: the build succeeds with warnings GT0001 and GT0002, TaskReturning.cs is
#     not reported;
#   - `-p:GreedyTasksMode=strict`: the build fails with error GT0001, and the Thread.Sleep in TaskReturning.cs's
#     non-async `Task` method is reported (error GT0002), because strict turns on task_returning_methods;
#   - ` Strict ` set in a second project's own file (not on the command line; case and white space differ),
#     next to a .globalconfig of the user's that sets GT0001 to warning and an .editorconfig whose
#     [TaskReturning.cs] section sets GT0002 to warning: Program.cs has error GT0002 (the preset applies),
#     GT0001 is a warning (the user's .globalconfig wins over the preset's global_level), and TaskReturning.cs
#     has warning GT0002 (reported at all: task_returning_methods from the preset; a warning: .editorconfig wins);
#   - `-p:GreedyTasksMode=paranoid` (unknown): the build succeeds with warning GTB001 naming the value, and the
#     rules keep their defaults (warning GT0001, TaskReturning.cs not reported).
# Duplicate suppression (docs/configuration.md#greedy_taskssuppress_duplicate_peer_diagnostics), with
# Meziantou.Analyzer 3.0.296 from the machine's NuGet sources added to a third project and MA0042 on:
#   - option off: MA0042 reports next to GT0001/GT0002 in Program.cs and on CancellationTokenSource.Cancel();
#   - option on: MA0042 is gone from Program.cs (GT0001 and GT0002 stay) and stays on Cancel(), which GreedyTasks
#     does not report.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
package_id="GreedyTasks.Analyzers"
source_arg="${1:-$repo_root/artifacts/packages}"

# shellcheck source=lib/package-consumer.sh
source "$repo_root/build/lib/package-consumer.sh"
find_package_under_test "$package_id" "$source_arg"

make_work_dir greedytasks-verify

echo "==> Verifying $file_name ($package_id $version) in $work"

feed="$work/feed"
consumer="$work/consumer"
mkdir -p "$feed" "$consumer"
cp "$nupkg" "$feed/"

# A private global-packages folder: the package is extracted fresh, and a cached copy of the same version
# (from an earlier pack with different content) cannot be picked up instead.
export NUGET_PACKAGES="$work/nuget-packages"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

# No <clear/>: the machine's configured sources stay available for anything the SDK itself needs.
isolate_consumer "$consumer" "$feed"

cat > "$consumer/Greedy.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="$package_id" Version="[$version]" />
  </ItemGroup>
</Project>
EOF

cat > "$consumer/Program.cs" <<'EOF'
using System;
using System.Threading;
using System.Threading.Tasks;

internal static class Program
{
    private static async Task<int> Main()
    {
        var answer = await ReadAnswerAsync(Task.Run(() => 42));
        Console.WriteLine(answer);
        return 0;
    }

    // Greedy on purpose: it sleeps a thread and blocks on a task inside an async method.
    private static async Task<int> ReadAnswerAsync(Task<int> pending)
    {
        await Task.Yield();
        Thread.Sleep(100);
        return pending.Result;
    }
}
EOF

# Not async, but returns a Task: async code only when greedy_tasks.task_returning_methods is on (strict preset).
cat > "$consumer/TaskReturning.cs" <<'EOF'
using System.Threading;
using System.Threading.Tasks;

internal static class TaskReturning
{
    public static Task M() { Thread.Sleep(1); return Task.CompletedTask; }
}
EOF

failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# Shows the diagnostics lines of a build log, indented, without the duplicate summary block.
show_diagnostics() { grep -E ': (warning|error) [A-Z]+[0-9]+' "$1" | sort -u | sed 's/^/    /' || true; }

common=(--nologo -v:minimal -tl:off)

# --- restore ---------------------------------------------------------------------------------------------
restore_log="$work/restore.log"
if dotnet restore "$consumer/Greedy.csproj" "${common[@]}" >"$restore_log" 2>&1; then
    installed="$NUGET_PACKAGES/$(tr '[:upper:]' '[:lower:]' <<<"$package_id")/$(tr '[:upper:]' '[:lower:]' <<<"$version")"
    if [[ -f "$installed/analyzers/dotnet/cs/GreedyTasks.Analyzers.dll" ]]; then
        pass "restore installed $package_id $version from the local feed"
    else
        fail "restore succeeded but $installed/analyzers/dotnet/cs/GreedyTasks.Analyzers.dll is missing"
    fi
else
    fail "dotnet restore of the consumer project"
    sed 's/^/    /' "$restore_log"
    echo "FAIL: package verification stopped after the restore failure"
    exit 1
fi

# --- plain build: the rules report warnings ---------------------------------------------------------------
# --no-incremental: the second build must compile again, or it would report no diagnostics at all.
build_log="$work/build.log"
if dotnet build "$consumer/Greedy.csproj" --no-restore --no-incremental "${common[@]}" >"$build_log" 2>&1; then
    pass "dotnet build succeeds (the rules are warnings by default)"
else
    fail "dotnet build failed; it should only warn"
fi
show_diagnostics "$build_log"
if grep -qE 'warning GT0001' "$build_log"; then pass "dotnet build reports warning GT0001"; else fail "dotnet build does not report warning GT0001"; fi
if grep -qE 'warning GT0002' "$build_log"; then pass "dotnet build reports warning GT0002"; else fail "dotnet build does not report warning GT0002"; fi
if grep -qE 'TaskReturning\.cs\([0-9,]+\): (warning|error) GT' "$build_log"; then fail "dotnet build reports the non-async Task method (task_returning_methods is off by default)"; else pass "dotnet build does not report the non-async Task method"; fi
if grep -qF 'GTB001' "$build_log"; then fail "dotnet build without GreedyTasksMode reports GTB001"; else pass "dotnet build without GreedyTasksMode reports no GTB001"; fi

# --- GT0001 as an error: the build must fail ---------------------------------------------------------------
strict_log="$work/build-warnaserror.log"
if dotnet build "$consumer/Greedy.csproj" --no-restore --no-incremental -warnaserror:GT0001 "${common[@]}" >"$strict_log" 2>&1; then
    fail "dotnet build -warnaserror:GT0001 succeeded; it should fail"
else
    pass "dotnet build -warnaserror:GT0001 fails"
fi
show_diagnostics "$strict_log"
if grep -qE 'error GT0001' "$strict_log"; then pass "dotnet build -warnaserror:GT0001 reports error GT0001"; else fail "dotnet build -warnaserror:GT0001 does not report error GT0001"; fi

# --- presets -----------------------------------------------------------------------------------------------
# build_to <log> <project> [args...]: builds again from scratch; the exit status goes to build_status.
build_status=0
build_to() {
    local log="$1" project="$2"; shift 2
    build_status=0
    dotnet build "$project" --no-restore --no-incremental "$@" "${common[@]}" >"$log" 2>&1 || build_status=$?
    show_diagnostics "$log"
}
# has <log> <extended regex>
has() { grep -qE "$2" "$1"; }
task_returning_reported='TaskReturning\.cs\([0-9,]+\): error GT0002'
task_returning_any='TaskReturning\.cs\([0-9,]+\): (warning|error) GT'

# preset_files [args...]: the names of the GreedyTasks preset files among the compiler's EditorConfigFiles.
preset_files() {
    dotnet msbuild "$consumer/Greedy.csproj" -nologo -getItem:EditorConfigFiles "$@" 2>&1 \
        | grep -oE '"Identity": "[^"]*GreedyTasks\.[a-z]+\.globalconfig"' | sed -E 's|.*/||; s|"$||' | sort -u | paste -sd ' ' - || true
}
for mode in "" recommended strict; do
    if [[ -z "$mode" ]]; then found="$(preset_files)"; expected=""; label="no mode"; else found="$(preset_files "-p:GreedyTasksMode=$mode")"; expected="GreedyTasks.$mode.globalconfig"; label="$mode"; fi
    if [[ "$found" == "$expected" ]]; then
        pass "$label: the compiler gets ${expected:-no preset file}"
    else
        fail "$label: the compiler gets '${found}', expected '${expected}'"
    fi
done

recommended_log="$work/build-recommended.log"
build_to "$recommended_log" "$consumer/Greedy.csproj" -p:GreedyTasksMode=recommended
if [[ $build_status -eq 0 ]]; then pass "recommended: dotnet build succeeds"; else fail "recommended: dotnet build failed; it should only warn"; fi
if has "$recommended_log" 'warning GT0001'; then pass "recommended: reports warning GT0001"; else fail "recommended: no warning GT0001"; fi
if has "$recommended_log" 'warning GT0002'; then pass "recommended: reports warning GT0002"; else fail "recommended: no warning GT0002"; fi
if has "$recommended_log" "$task_returning_any"; then fail "recommended: reports the non-async Task method"; else pass "recommended: does not report the non-async Task method"; fi
if has "$recommended_log" 'GTB001'; then fail "recommended: reports GTB001"; else pass "recommended: no GTB001"; fi

strict_mode_log="$work/build-strict.log"
build_to "$strict_mode_log" "$consumer/Greedy.csproj" -p:GreedyTasksMode=strict
if [[ $build_status -ne 0 ]]; then pass "strict: dotnet build fails"; else fail "strict: dotnet build succeeded; GT0001 should be an error"; fi
if has "$strict_mode_log" 'error GT0001'; then pass "strict: reports error GT0001"; else fail "strict: no error GT0001"; fi
if has "$strict_mode_log" "$task_returning_reported"; then pass "strict: reports the non-async Task method (error GT0002 in TaskReturning.cs)"; else fail "strict: the non-async Task method is not reported as error GT0002"; fi

# The preset set in the project file, as users write it: the item conditions in the props file must see it.
# The user's own .globalconfig (level 100 by default) must win over the preset (level -10) for GT0001, and an
# .editorconfig section over any global config for GT0002 in TaskReturning.cs.
own="$work/consumer-own-globalconfig"
own_log="$work/build-own-globalconfig.log"
mkdir -p "$own"
cp "$consumer"/nuget.config "$consumer"/Directory.* "$consumer"/*.cs "$own/"
sed 's|<Nullable>enable</Nullable>|<Nullable>enable</Nullable>\n    <GreedyTasksMode> Strict </GreedyTasksMode>|' "$consumer/Greedy.csproj" >"$own/Greedy.csproj"
printf 'is_global = true\ndotnet_diagnostic.GT0001.severity = warning\n' >"$own/.globalconfig"
printf 'root = true\n\n[TaskReturning.cs]\ndotnet_diagnostic.GT0002.severity = warning\n' >"$own/.editorconfig"
if grep -qF '<GreedyTasksMode> Strict </GreedyTasksMode>' "$own/Greedy.csproj" \
    && dotnet restore "$own/Greedy.csproj" "${common[@]}" >"$work/restore-own.log" 2>&1; then
    build_to "$own_log" "$own/Greedy.csproj"
    if has "$own_log" 'Program\.cs\([0-9,]+\): error GT0002'; then pass "' Strict ' in the project file: the preset applies (error GT0002 in Program.cs)"; else fail "' Strict ' in the project file: the preset does not apply (no error GT0002 in Program.cs)"; fi
    if has "$own_log" 'warning GT0001' && ! has "$own_log" 'error GT0001'; then
        pass "a user .globalconfig wins over the preset (GT0001 stays a warning)"
    else
        fail "a user .globalconfig does not win over the preset for GT0001"
    fi
    if has "$own_log" 'TaskReturning\.cs\([0-9,]+\): warning GT0002'; then
        pass "an .editorconfig section wins over the preset (warning GT0002 in TaskReturning.cs, reported because of task_returning_methods)"
    else
        fail "TaskReturning.cs has no warning GT0002 (the preset's task_returning_methods or the .editorconfig severity did not apply)"
    fi
else
    fail "could not set up the consumer with GreedyTasksMode in its project file"
    sed 's/^/    /' "$work/restore-own.log" 2>/dev/null || true
fi

unknown_log="$work/build-unknown.log"
build_to "$unknown_log" "$consumer/Greedy.csproj" -p:GreedyTasksMode=paranoid
if [[ $build_status -eq 0 ]]; then pass "unknown mode: dotnet build succeeds"; else fail "unknown mode: dotnet build failed"; fi
if has "$unknown_log" "warning GTB001: .*'paranoid'"; then pass "unknown mode: warning GTB001 names the value"; else fail "unknown mode: no warning GTB001 naming 'paranoid'"; fi
if has "$unknown_log" 'warning GT0001'; then pass "unknown mode: the defaults apply (warning GT0001)"; else fail "unknown mode: no warning GT0001"; fi
if has "$unknown_log" "$task_returning_any"; then fail "unknown mode: reports the non-async Task method"; else pass "unknown mode: does not report the non-async Task method"; fi

# --- duplicate suppression with a real peer package -------------------------------------------------------
# Meziantou.Analyzer next to GreedyTasks: with greedy_tasks.suppress_duplicate_peer_diagnostics = true, the compiler
# must hide MA0042 on the two calls GreedyTasks reports (Thread.Sleep, .Result) and keep it on CancellationTokenSource
# .Cancel(), which GreedyTasks does not report. The peer package comes from the machine's NuGet sources.
peers="$work/consumer-peers"
peers_off_log="$work/build-peers-off.log"
peers_on_log="$work/build-peers-on.log"
mkdir -p "$peers"
cp "$consumer"/nuget.config "$consumer"/Directory.* "$consumer"/Program.cs "$peers/"
sed 's|<PackageReference Include="'"$package_id"'" Version="\[[^"]*\]" />|&\n    <PackageReference Include="Meziantou.Analyzer" Version="3.0.296" />|' "$consumer/Greedy.csproj" >"$peers/Greedy.csproj"
cat > "$peers/Cancellation.cs" <<'EOF'
using System.Threading;
using System.Threading.Tasks;

internal static class Cancellation
{
    // MA0042 asks for CancelAsync here; GreedyTasks does not report Cancel(), so this MA0042 is not a duplicate.
    public static async Task StopAsync(CancellationTokenSource source)
    {
        await Task.Yield();
        source.Cancel();
    }
}
EOF
printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.MA0042.severity = warning\n' >"$peers/.editorconfig"
if grep -qF 'Meziantou.Analyzer' "$peers/Greedy.csproj" && dotnet restore "$peers/Greedy.csproj" "${common[@]}" >"$work/restore-peers.log" 2>&1; then
    build_to "$peers_off_log" "$peers/Greedy.csproj"
    if has "$peers_off_log" 'Program\.cs\([0-9,]+\): warning MA0042' && has "$peers_off_log" 'Cancellation\.cs\([0-9,]+\): warning MA0042'; then
        pass "option off: MA0042 reports in Program.cs and Cancellation.cs next to GT0001/GT0002"
    else
        fail "option off: MA0042 does not report where expected"
    fi
    printf 'greedy_tasks.suppress_duplicate_peer_diagnostics = true\n' >>"$peers/.editorconfig"
    build_to "$peers_on_log" "$peers/Greedy.csproj"
    if ! has "$peers_on_log" 'Program\.cs\([0-9,]+\): warning MA0042' && has "$peers_on_log" 'warning GT0001' && has "$peers_on_log" 'warning GT0002'; then
        pass "option on: MA0042 is hidden on the calls GT0001 and GT0002 report, which stay"
    else
        fail "option on: MA0042 is still reported in Program.cs, or GT0001/GT0002 are gone"
    fi
    if has "$peers_on_log" 'Cancellation\.cs\([0-9,]+\): warning MA0042'; then
        pass "option on: MA0042 stays on the call GreedyTasks does not report"
    else
        fail "option on: MA0042 on CancellationTokenSource.Cancel() was hidden too"
    fi
else
    fail "could not set up the consumer with Meziantou.Analyzer"
    sed 's/^/    /' "$work/restore-peers.log" 2>/dev/null || true
fi

if [[ $failures -ne 0 ]]; then
    echo "FAIL: $failures package verification check(s) failed for $file_name"
    for log in "$build_log" "$strict_log" "$recommended_log" "$strict_mode_log" "$own_log" "$unknown_log" "$peers_off_log" "$peers_on_log"; do
        [[ -f "$log" ]] || continue
        echo "---- $(basename "$log") ----"
        sed 's/^/    /' "$log"
    done
    exit 1
fi
echo "PASS: $file_name works in a consumer project"
