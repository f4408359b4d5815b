using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Benchmarks;

/// <summary>
/// One set of analyzers measured as a unit: the analyzers passed to the driver and the severities that enable
/// exactly the compared rules (Warn) and switch every other rule of the same package off (Suppress).
/// </summary>
internal sealed record AnalyzerSet(
    string Name,
    string Package,
    IReadOnlyList<string> RuleIds,
    ImmutableArray<DiagnosticAnalyzer> Analyzers,
    ImmutableDictionary<string, ReportDiagnostic> Severities,
    bool IsTargetPeer)
{
    public bool IsCompilerFloor => Analyzers.IsDefaultOrEmpty;

    public bool IsGreedyTasks => Name == "GreedyTasks";
}

internal static class AnalyzerSets
{
    /// <summary>The compared rules of each peer package, and whether the issue's ≤ 0.5× target is measured against it.</summary>
    private static readonly (string Name, string[] Ids, bool TargetPeer)[] Peers =
    {
        ("vs-threading", new[] { "VSTHRD002", "VSTHRD103" }, true),
        ("Meziantou", new[] { "MA0042" }, true),
        ("NetAnalyzers", new[] { "CA1849" }, true),
        ("AsyncFixer", new[] { "AsyncFixer02" }, false),
        ("Sonar", new[] { "S4462", "S6966" }, false),
    };

    public static AnalyzerSet CompilerFloor() =>
        new("compiler", "(none)", Array.Empty<string>(), ImmutableArray<DiagnosticAnalyzer>.Empty, ImmutableDictionary<string, ReportDiagnostic>.Empty, false);

    /// <summary>Every DiagnosticAnalyzer type of the GreedyTasks.Analyzers assembly, every rule on (Warn).</summary>
    public static AnalyzerSet GreedyTasks()
    {
        var assembly = typeof(global::GreedyTasks.Analyzers.DiagnosticIds).Assembly;
        var analyzers = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList();
        var severities = ids.ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);
        var version = assembly.GetName().Version;
        return new AnalyzerSet("GreedyTasks", $"GreedyTasks.Analyzers {version} (project build)", ids, analyzers, severities, false);
    }

    /// <summary>The peer sets, each from the analyzer dlls of its restored NuGet package. Failures go to <paramref name="problems"/>.</summary>
    public static List<AnalyzerSet> LoadPeers(ICollection<string> problems)
    {
        var roots = typeof(AnalyzerSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key.StartsWith("peer:", StringComparison.Ordinal))
            .ToDictionary(a => a.Key["peer:".Length..], a => a.Value ?? string.Empty, StringComparer.Ordinal);
        var loader = new PeerLoader();
        var sets = new List<AnalyzerSet>();
        foreach (var (name, ids, targetPeer) in Peers)
        {
            if (!roots.TryGetValue(name, out var root) || !Directory.Exists(root))
            {
                problems.Add($"{name}: package folder not found ('{root}'); restore the benchmark project");
                continue;
            }

            var dlls = AnalyzerDlls(name, root);
            if (dlls.Count == 0)
            {
                problems.Add($"{name}: no C# analyzer dll under {root}");
                continue;
            }

            foreach (var dll in dlls)
            {
                loader.AddDependencyLocation(dll);
            }

            var all = new List<DiagnosticAnalyzer>();
            foreach (var dll in dlls)
            {
                var reference = new AnalyzerFileReference(dll, loader);
                reference.AnalyzerLoadFailed += (_, e) => problems.Add($"{name}: {Path.GetFileName(dll)}: {e.ErrorCode} {e.TypeName} {e.Message}");
                all.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
            }

            var idSet = new HashSet<string>(ids, StringComparer.Ordinal);
            var severities = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>(StringComparer.Ordinal);
            foreach (var analyzer in all)
            {
                ImmutableArray<DiagnosticDescriptor> supported;
                try
                {
                    supported = analyzer.SupportedDiagnostics;
                }
                catch (Exception ex)
                {
                    problems.Add($"{name}: {analyzer.GetType().Name}.SupportedDiagnostics threw {ex.GetType().Name}");
                    continue;
                }

                foreach (var descriptor in supported)
                {
                    severities[descriptor.Id] = idSet.Contains(descriptor.Id) ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress;
                }
            }

            var chosen = all.Where(a => SafeIds(a).Any(idSet.Contains)).ToImmutableArray();
            foreach (var id in ids.Where(id => !severities.ContainsKey(id)))
            {
                problems.Add($"{name}: no analyzer in the package supports {id}");
            }

            var version = Path.GetFileName(root.TrimEnd('/', '\\'));
            sets.Add(new AnalyzerSet(name, $"{PackageId(name)} {version}", ids, chosen, severities.ToImmutable(), targetPeer));
        }

        return sets;
    }

    private static IEnumerable<string> SafeIds(DiagnosticAnalyzer analyzer)
    {
        try
        {
            return analyzer.SupportedDiagnostics.Select(d => d.Id).ToList();
        }
        catch (Exception)
        {
            return Array.Empty<string>();
        }
    }

    private static string PackageId(string name) => name switch
    {
        "vs-threading" => "Microsoft.VisualStudio.Threading.Analyzers",
        "Meziantou" => "Meziantou.Analyzer",
        "NetAnalyzers" => "Microsoft.CodeAnalysis.NetAnalyzers",
        "AsyncFixer" => "AsyncFixer",
        "Sonar" => "SonarAnalyzer.CSharp",
        _ => name,
    };

    /// <summary>The C# analyzer dlls of a package (code-fix dlls left out); for packages with roslynX.Y folders, the highest not above the host compiler.</summary>
    private static List<string> AnalyzerDlls(string name, string root)
    {
        var analyzersFolder = Path.Combine(root, "analyzers");
        if (!Directory.Exists(analyzersFolder))
        {
            return new List<string>();
        }

        var candidates = Directory.GetFiles(analyzersFolder, "*.dll", SearchOption.AllDirectories)
            .Select(p => p.Replace('\\', '/'))
            .Where(p => !p.Contains("/vb/", StringComparison.Ordinal) && !p.Contains("CodeFix", StringComparison.OrdinalIgnoreCase) && !p.EndsWith(".resources.dll", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var host = typeof(Compilation).Assembly.GetName().Version ?? new Version(4, 0);
        var versioned = candidates
            .Select(p => (Path: p, Version: RoslynFolderVersion(p)))
            .Where(c => c.Version is not null)
            .ToList();
        if (versioned.Count > 0)
        {
            var best = versioned.Where(c => c.Version! <= new Version(host.Major, host.Minor)).Select(c => c.Version!).DefaultIfEmpty().Max();
            candidates = versioned.Where(c => c.Version == best).Select(c => c.Path).ToList();
        }

        return candidates.OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    private static Version? RoslynFolderVersion(string path)
    {
        foreach (var part in path.Split('/'))
        {
            if (part.StartsWith("roslyn", StringComparison.Ordinal) && Version.TryParse(part["roslyn".Length..], out var v))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>Loads analyzer dlls into the default context; their dependencies resolve from the folders added.</summary>
    private sealed class PeerLoader : IAnalyzerAssemblyLoader
    {
        private readonly ConcurrentDictionary<string, string> byName = new(StringComparer.OrdinalIgnoreCase);

        public PeerLoader()
        {
            AssemblyLoadContext.Default.Resolving += (context, name) =>
                name.Name is not null && byName.TryGetValue(name.Name, out var path) ? context.LoadFromAssemblyPath(path) : null;
        }

        public void AddDependencyLocation(string fullPath)
        {
            byName.TryAdd(Path.GetFileNameWithoutExtension(fullPath), fullPath);
            var folder = Path.GetDirectoryName(fullPath);
            if (folder is null)
            {
                return;
            }

            foreach (var dll in Directory.GetFiles(folder, "*.dll"))
            {
                byName.TryAdd(Path.GetFileNameWithoutExtension(dll), dll);
            }
        }

        public Assembly LoadFromPath(string fullPath)
        {
            var name = AssemblyName.GetAssemblyName(fullPath);
            var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name) && string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase));
            return loaded ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
        }
    }
}
