# Shared by build/verify-package.sh and build/verify-ci-recipes.sh (source it; it defines functions only).
# Both scripts install the packed GreedyTasks.Analyzers into throwaway projects the way users install it:
# from a local feed holding only the package under test, isolated from this repository's build settings.

# find_package_under_test <package-id> <package-dir | path/to/<id>.<version>.nupkg>
# Sets nupkg (absolute path), file_name and version; exits with a FAIL line when there is no usable package.
find_package_under_test() {
    local id="$1" source="$2"
    nupkg=""
    if [[ -d "$source" ]]; then
        # Newest first; symbol packages are not what consumers install.
        nupkg="$(ls -t "$source"/"$id".*.nupkg 2>/dev/null | grep -v '\.symbols\.nupkg$' | head -n 1 || true)"
    elif [[ -f "$source" ]]; then
        nupkg="$source"
    fi
    if [[ -z "$nupkg" || ! -f "$nupkg" ]]; then
        echo "FAIL: no $id.*.nupkg found at '$source' (run build/pack.sh first)" >&2
        exit 1
    fi
    nupkg="$(cd "$(dirname "$nupkg")" && pwd)/$(basename "$nupkg")"
    file_name="$(basename "$nupkg")"
    version="${file_name#"$id".}"
    version="${version%.nupkg}"
    if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]]; then
        echo "FAIL: cannot read a version from '$file_name'" >&2
        exit 1
    fi
}

# make_work_dir <name-prefix>
# Sets work to a new temporary folder, removed when the script exits unless KEEP_VERIFY_DIR=1.
make_work_dir() {
    work="$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")"
    trap 'if [[ "${KEEP_VERIFY_DIR:-}" == "1" ]]; then echo "Kept $work"; else rm -rf "$work"; fi' EXIT
}

# isolate_consumer <project-dir> <feed-dir>
# A nuget.config that adds the feed (no <clear/>: the machine's sources stay available for what the SDK and the
# peer packages need), and empty Directory.* files so MSBuild imports nothing from the folders above.
isolate_consumer() {
    local dir="$1" feed="$2" f
    cat > "$dir/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="greedytasks-under-test" value="$feed" />
  </packageSources>
</configuration>
CONFIG
    for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do
        echo '<Project />' > "$dir/$f"
    done
}
