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

namespace GreedyTasks.PeerAnalyzers;

/// <summary>
/// Loads the C# analyzers of the peer packages restored through PeerAnalyzers.props, the way a compiler host
/// would: the analyzer dlls of the package (code-fix dlls left out), and for packages that ship one folder per
/// Roslyn version, the highest version the running compiler can load.
/// </summary>
internal static class PeerAnalyzerPackages
{
    /// <summary>The short names PeerAnalyzers.props records, with their NuGet package ids.</summary>
    private static readonly (string Name, string PackageId)[] Known =
    {
        ("vs-threading", "Microsoft.VisualStudio.Threading.Analyzers"),
        ("Meziantou", "Meziantou.Analyzer"),
        ("NetAnalyzers", "Microsoft.CodeAnalysis.NetAnalyzers"),
        ("AsyncFixer", "AsyncFixer"),
        ("Sonar", "SonarAnalyzer.CSharp"),
    };

    private static readonly PeerAssemblyLoader Loader = new();

    public static string PackageId(string name) => Known.FirstOrDefault(k => k.Name == name).PackageId ?? name;

    /// <summary>The restored folder of the package named <paramref name="name"/>, as recorded in <paramref name="assembly"/>'s metadata.</summary>
    public static string? Folder(Assembly assembly, string name) => assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Where(a => a.Key == "peer:" + name)
        .Select(a => a.Value)
        .FirstOrDefault(v => !string.IsNullOrEmpty(v) && Directory.Exists(v));

    /// <summary>The package version: the name of its restored folder.</summary>
    public static string Version(string folder) => Path.GetFileName(folder.TrimEnd('/', '\\'));

    /// <summary>Every C# analyzer (and suppressor) of the package in <paramref name="folder"/>; load failures go to <paramref name="problems"/>.</summary>
    private static List<DiagnosticAnalyzer> Load(string name, string folder, ICollection<string> problems)
    {
        var dlls = AnalyzerDlls(folder);
        if (dlls.Count == 0)
        {
            problems.Add($"{name}: no C# analyzer dll under {folder}");
            return new List<DiagnosticAnalyzer>();
        }

        foreach (var dll in dlls)
        {
            Loader.AddDependencyLocation(dll);
        }

        var analyzers = new List<DiagnosticAnalyzer>();
        foreach (var dll in dlls)
        {
            var reference = new AnalyzerFileReference(dll, Loader);
            reference.AnalyzerLoadFailed += (_, e) => problems.Add($"{name}: {Path.GetFileName(dll)}: {e.ErrorCode} {e.TypeName} {e.Message}");
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
        }

        return analyzers;
    }

    /// <summary>
    /// The analyzers of one package that report at least one of <paramref name="compared"/> (suppressors left out: they
    /// would hide what is being measured), with the severities that turn exactly the compared rules on (Warn) and every
    /// other rule of the package off (Suppress). A compared id no analyzer reports goes to <paramref name="problems"/>.
    /// </summary>
    public static (ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableDictionary<string, ReportDiagnostic> Severities) LoadRules(
        string name, string folder, IReadOnlyCollection<string> compared, ICollection<string> problems)
    {
        var wanted = new HashSet<string>(compared, StringComparer.Ordinal);
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var severities = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>(StringComparer.Ordinal);
        foreach (var analyzer in Load(name, folder, problems))
        {
            if (analyzer is DiagnosticSuppressor)
            {
                continue;
            }

            var ids = SupportedIds(analyzer);
            foreach (var id in ids)
            {
                severities[id] = wanted.Contains(id) ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress;
            }

            if (ids.Any(wanted.Contains))
            {
                analyzers.Add(analyzer);
            }
        }

        foreach (var id in wanted.Where(id => !severities.ContainsKey(id) || severities[id] != ReportDiagnostic.Warn).OrderBy(id => id, StringComparer.Ordinal))
        {
            problems.Add($"{name}: no analyzer in the package reports {id}");
        }

        return (analyzers.ToImmutable(), severities.ToImmutable());
    }

    /// <summary>
    /// Every analyzer of one package as a project runs it with no configuration: each rule at its own default (a rule off by
    /// default stays off, the driver skips an analyzer whose rules are all off). Suppressors and the analyzers that report
    /// one of <paramref name="reservedIds"/> are left out (each named with its rules in <paramref name="leftOut"/>); the ids
    /// of the analyzers returned go to <paramref name="ids"/>.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> LoadDefaults(
        string name, string folder, IReadOnlyCollection<string> reservedIds, ISet<string> ids, out IReadOnlyList<string> leftOut, ICollection<string> problems)
    {
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var notLoaded = new List<string>();
        foreach (var analyzer in Load(name, folder, problems))
        {
            var supported = SupportedIds(analyzer);
            if (analyzer is DiagnosticSuppressor || supported.Any(reservedIds.Contains))
            {
                notLoaded.Add($"{analyzer.GetType().Name} ({string.Join(", ", supported.Distinct())})");
                continue;
            }

            analyzers.Add(analyzer);
            ids.UnionWith(supported);
        }

        leftOut = notLoaded;
        return analyzers.ToImmutable();
    }

    /// <summary>Adds one package's severities to those of the run; an id two packages share stays on if either compares it.</summary>
    public static void AddSeverities(ImmutableDictionary<string, ReportDiagnostic>.Builder run, ImmutableDictionary<string, ReportDiagnostic> package)
    {
        foreach (var pair in package)
        {
            if (!run.TryGetValue(pair.Key, out var existing) || existing != ReportDiagnostic.Warn)
            {
                run[pair.Key] = pair.Value;
            }
        }
    }

    /// <summary>The ids an analyzer supports; empty if asking throws (a peer's problem, not ours).</summary>
    private static IReadOnlyList<string> SupportedIds(DiagnosticAnalyzer analyzer)
    {
        try
        {
            return analyzer is DiagnosticSuppressor suppressor
                ? suppressor.SupportedSuppressions.Select(s => s.Id).ToList()
                : analyzer.SupportedDiagnostics.Select(d => d.Id).ToList();
        }
        catch (Exception)
        {
            return Array.Empty<string>();
        }
    }

    private static List<string> AnalyzerDlls(string root)
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
            if (part.StartsWith("roslyn", StringComparison.Ordinal) && System.Version.TryParse(part["roslyn".Length..], out var v))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>Loads analyzer dlls into the default context; their dependencies resolve from the folders added.</summary>
    private sealed class PeerAssemblyLoader : IAnalyzerAssemblyLoader
    {
        private readonly ConcurrentDictionary<string, string> byName = new(StringComparer.OrdinalIgnoreCase);

        public PeerAssemblyLoader()
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
