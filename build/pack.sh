#!/usr/bin/env bash
# Packs GreedyTasks.Analyzers.<version>.nupkg (Release) and checks its layout.
#
#   bash build/pack.sh [output-dir] [--version <version>]
#
#   output-dir   where the .nupkg goes; default: artifacts/packages under the repository root.
#   --version    overrides the version from build/Version.props, e.g. 1.2.0 or 1.2.0-ci.42
#                (the part before the first '-' becomes VersionPrefix, the rest VersionSuffix).
#
# The check fails (non-zero exit) unless the package has GreedyTasks.Analyzers.dll and
# GreedyTasks.CodeFixes.dll under analyzers/dotnet/cs/, nothing under lib/, a nuspec marked
# <developmentDependency>true</developmentDependency>, and no <dependency> element; and, for the presets,
# build/GreedyTasks.Analyzers.props (named after the package id, so NuGet imports it) that refers to
# build/GreedyTasks.recommended.globalconfig and build/GreedyTasks.strict.globalconfig, both present and each
# starting its settings with is_global = true and a global_level below 0.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$repo_root/src/GreedyTasks.Package/GreedyTasks.Package.csproj"
package_id="GreedyTasks.Analyzers"

usage() { sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; }

out_dir=""
version=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --version)
            [[ $# -ge 2 && -n "$2" ]] || { echo "pack.sh: --version needs a value" >&2; exit 2; }
            version="$2"; shift 2 ;;
        --version=*)
            version="${1#--version=}"; shift ;;
        -h|--help)
            usage; exit 0 ;;
        -*)
            echo "pack.sh: unknown option '$1'" >&2; usage; exit 2 ;;
        *)
            [[ -z "$out_dir" ]] || { echo "pack.sh: only one output directory may be given" >&2; exit 2; }
            out_dir="$1"; shift ;;
    esac
done

out_dir="${out_dir:-$repo_root/artifacts/packages}"
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"

# MSBuild properties shared by the version query and the pack, so both agree on the file name.
props=(-p:Configuration=Release)
if [[ -n "$version" ]]; then
    if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
        echo "pack.sh: '$version' is not a version like 1.2.3 or 1.2.3-suffix" >&2
        exit 2
    fi
    prefix="${version%%-*}"
    suffix=""
    [[ "$version" == *-* ]] && suffix="${version#*-}"
    props+=("-p:VersionPrefix=$prefix" "-p:VersionSuffix=$suffix")
fi
if [[ "${CI:-}" == "true" ]]; then
    # Normalises source paths embedded in the assemblies on build servers.
    props+=(-p:ContinuousIntegrationBuild=true)
fi

package_version="$(dotnet msbuild "$project" -nologo -getProperty:PackageVersion "${props[@]}" | tr -d '[:space:]')"
if [[ -z "$package_version" ]]; then
    echo "pack.sh: could not determine the package version" >&2
    exit 1
fi
nupkg="$out_dir/$package_id.$package_version.nupkg"

echo "==> Packing $package_id $package_version into $out_dir"
rm -f "$nupkg"
dotnet pack "$project" "${props[@]}" -o "$out_dir" --nologo -v:minimal -tl:off

if [[ ! -f "$nupkg" ]]; then
    echo "FAIL: expected package $nupkg was not produced" >&2
    exit 1
fi

echo "==> Validating $(basename "$nupkg")"

# Entry names of the archive, one per line. unzip when present, otherwise python3's zipfile.
list_entries() {
    if command -v unzip >/dev/null 2>&1; then
        # zipinfo-style short listing: names only.
        unzip -Z1 "$1"
    elif command -v python3 >/dev/null 2>&1; then
        python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"
    else
        echo "pack.sh: neither unzip nor python3 is available to inspect the package" >&2
        return 1
    fi
}

# Prints the content of one archive entry.
read_entry() {
    if command -v unzip >/dev/null 2>&1; then
        unzip -p "$1" "$2"
    else
        python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode("utf-8-sig"))' "$1" "$2"
    fi
}

entries="$(list_entries "$nupkg")" || { echo "FAIL: could not list the content of $nupkg" >&2; exit 1; }
failures=0
check() {
    # check <description> <command...>: runs the command, prints PASS/FAIL.
    local description="$1"; shift
    if "$@"; then
        echo "  PASS: $description"
    else
        echo "  FAIL: $description"
        failures=$((failures + 1))
    fi
}

has_entry() { grep -qxF "$1" <<<"$entries"; }
no_lib_entries() { ! grep -qE '^lib/' <<<"$entries"; }

check "analyzers/dotnet/cs/GreedyTasks.Analyzers.dll is packed" has_entry "analyzers/dotnet/cs/GreedyTasks.Analyzers.dll"
check "analyzers/dotnet/cs/GreedyTasks.CodeFixes.dll is packed" has_entry "analyzers/dotnet/cs/GreedyTasks.CodeFixes.dll"
check "no lib/ entries" no_lib_entries
check "README.md is packed" has_entry "README.md"
check "LICENSE is packed" has_entry "LICENSE"

# --- presets -----------------------------------------------------------------------------------------------
props_entry="build/$package_id.props"
check "$props_entry is packed" has_entry "$props_entry"
for preset in recommended strict; do
    preset_entry="build/GreedyTasks.$preset.globalconfig"
    check "$preset_entry is packed" has_entry "$preset_entry"
    if has_entry "$preset_entry"; then
        preset_text="$(read_entry "$nupkg" "$preset_entry")"
        # The first setting must be is_global = true, or the compiler treats the file as a plain .editorconfig.
        first_setting() { grep -vE '^[[:space:]]*([#;].*)?$' <<<"$preset_text" | head -n 1 | tr -d '[:space:]'; }
        is_global_first() { [[ "$(first_setting)" == "is_global=true" ]]; }
        # A negative global_level lets any .globalconfig of the user's own win over the preset.
        below_zero_level() { grep -qE '^[[:space:]]*global_level[[:space:]]*=[[:space:]]*-[0-9]+[[:space:]]*$' <<<"$preset_text"; }
        check "$preset_entry starts with is_global = true" is_global_first
        check "$preset_entry has a negative global_level" below_zero_level
    fi
    if has_entry "$props_entry"; then
        props_refers_to_preset() { read_entry "$nupkg" "$props_entry" | grep -qF "GreedyTasks.$preset.globalconfig"; }
        check "$props_entry refers to GreedyTasks.$preset.globalconfig" props_refers_to_preset
    fi
done

nuspec_name="$(grep -E '^[^/]+\.nuspec$' <<<"$entries" | head -n 1 || true)"
if [[ -z "$nuspec_name" ]]; then
    echo "  FAIL: the package has no .nuspec at its root"
    failures=$((failures + 1))
else
    nuspec="$(read_entry "$nupkg" "$nuspec_name")"
    is_dev_dependency() { grep -qF '<developmentDependency>true</developmentDependency>' <<<"$nuspec"; }
    no_dependencies() { ! grep -qE '<dependency[[:space:]/>]' <<<"$nuspec"; }
    check "nuspec has <developmentDependency>true</developmentDependency>" is_dev_dependency
    check "nuspec has no <dependency> elements" no_dependencies
fi

if [[ $failures -ne 0 ]]; then
    echo "FAIL: $failures package check(s) failed for $nupkg" >&2
    echo "Package content:" >&2
    sed 's/^/    /' <<<"$entries" >&2
    exit 1
fi

echo "PASS: $nupkg"
