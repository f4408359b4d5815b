using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace GreedyTasks.Benchmarks;

/// <summary>One reference pack of the .NET SDK: its name, chosen version and target folder, and its assemblies.</summary>
internal sealed record ReferencePack(string Name, string Version, string Folder, IReadOnlyList<string> Assemblies);

/// <summary>
/// Finds the reference assemblies of the .NET SDK installed on the machine: packs/Microsoft.NETCore.App.Ref and, when
/// present, packs/Microsoft.AspNetCore.App.Ref, each at its highest version and highest ref/net* folder.
/// </summary>
internal static class ReferencePacks
{
    private static readonly string[] PackNames = { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" };

    /// <summary>
    /// The dotnet root: DOTNET_ROOT, else the folder of the <c>dotnet</c> executable on PATH with symbolic links
    /// resolved, else /usr/share/dotnet. A candidate without a packs folder is passed over.
    /// </summary>
    public static string FindDotnetRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && HasPacks(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, executable);
            if (!File.Exists(candidate))
            {
                continue;
            }

            var resolved = new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(candidate);
            var root = Path.GetDirectoryName(resolved);
            if (root is not null && HasPacks(root))
            {
                return root;
            }
        }

        return "/usr/share/dotnet";
    }

    /// <summary>The packs found under <paramref name="dotnetRoot"/>; Microsoft.NETCore.App.Ref first. Empty when none is there.</summary>
    public static IReadOnlyList<ReferencePack> Find(string dotnetRoot)
    {
        var packs = new List<ReferencePack>();
        foreach (var name in PackNames)
        {
            var packFolder = Path.Combine(dotnetRoot, "packs", name);
            if (!Directory.Exists(packFolder))
            {
                continue;
            }

            var version = Directory.GetDirectories(packFolder).Select(Path.GetFileName).OfType<string>()
                .Where(v => ParseVersion(v).Core is not null)
                .OrderBy(v => v, VersionComparer.Instance)
                .LastOrDefault();
            if (version is null)
            {
                continue;
            }

            var refFolder = Path.Combine(packFolder, version, "ref");
            var target = Directory.Exists(refFolder)
                ? Directory.GetDirectories(refFolder, "net*").OrderBy(d => TargetVersion(Path.GetFileName(d))).LastOrDefault()
                : null;
            if (target is null)
            {
                continue;
            }

            var assemblies = Directory.GetFiles(target, "*.dll").OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (assemblies.Count > 0)
            {
                packs.Add(new ReferencePack(name, version, target, assemblies));
            }
        }

        return packs;
    }

    private static bool HasPacks(string root) => Directory.Exists(Path.Combine(root, "packs", PackNames[0]));

    private static Version TargetVersion(string? folderName)
    {
        // net10.0 -> 10.0; anything unparsable sorts first.
        return folderName is not null && folderName.Length > 3 && Version.TryParse(folderName[3..], out var version) ? version : new Version(0, 0);
    }

    private static (Version? Core, string? Prerelease) ParseVersion(string text)
    {
        var dash = text.IndexOf('-');
        var core = dash < 0 ? text : text[..dash];
        return (Version.TryParse(core, out var version) ? version : null, dash < 0 ? null : text[(dash + 1)..]);
    }

    /// <summary>Orders semantic versions: numerically by the core, a prerelease before its release.</summary>
    private sealed class VersionComparer : IComparer<string>
    {
        public static readonly VersionComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var (xCore, xPre) = ParseVersion(x ?? string.Empty);
            var (yCore, yPre) = ParseVersion(y ?? string.Empty);
            var byCore = Comparer<Version?>.Default.Compare(xCore, yCore);
            if (byCore != 0)
            {
                return byCore;
            }

            if (xPre is null || yPre is null)
            {
                return xPre is null ? (yPre is null ? 0 : 1) : -1;
            }

            return ComparePrerelease(xPre, yPre);
        }

        private static int ComparePrerelease(string x, string y)
        {
            var xParts = x.Split('.');
            var yParts = y.Split('.');
            for (var i = 0; i < Math.Min(xParts.Length, yParts.Length); i++)
            {
                var xNumeric = long.TryParse(xParts[i], out var xNumber);
                var yNumeric = long.TryParse(yParts[i], out var yNumber);
                var result = xNumeric && yNumeric ? xNumber.CompareTo(yNumber)
                    : xNumeric ? -1
                    : yNumeric ? 1
                    : string.CompareOrdinal(xParts[i], yParts[i]);
                if (result != 0)
                {
                    return result;
                }
            }

            return xParts.Length.CompareTo(yParts.Length);
        }
    }
}
