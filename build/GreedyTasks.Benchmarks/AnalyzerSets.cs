using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using GreedyTasks.PeerAnalyzers;

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

    /// <summary>A variant of GreedyTasks measured for comparison (e.g. another generated-code setting): neither the product nor a peer.</summary>
    public bool IsVariant { get; init; }

    /// <summary>A driver floor of <c>--floors</c>: reports nothing on purpose and is no analyzer to compare GreedyTasks' time against.</summary>
    public bool IsDriverFloor { get; init; }

    /// <summary>The name an analyzer of this set is reported under (the wrapped analyzer's, for measurement wrappers).</summary>
    public static string AnalyzerName(DiagnosticAnalyzer analyzer) => analyzer switch
    {
        AnalyzerWrapper wrapper => wrapper.Name,
        CompositeAnalyzer => "all rules as one analyzer",
        DriverFloorAnalyzer floor => floor.Name,
        _ => analyzer.GetType().Name,
    };
}

/// <summary>
/// The analyzers every set of <c>--ide-sdk-rules</c> runs next to, as a project would: the rules an SDK-style project runs
/// without being asked (NetAnalyzers at each rule's default). <paramref name="Ids"/> are the rules those analyzers report,
/// whose severities the measurement leaves at their defaults; <paramref name="LeftOut"/> names the package's analyzers left
/// out, with the rules each reports, so a reader can see what the host lacks.
/// </summary>
internal sealed record IdeHost(string Name, string Package, ImmutableArray<DiagnosticAnalyzer> Analyzers, IReadOnlySet<string> Ids, IReadOnlyList<string> LeftOut);

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

    /// <summary>
    /// Every DiagnosticAnalyzer type of the GreedyTasks.Analyzers assembly, every rule on (Warn); or only the types named in
    /// <paramref name="only"/>, to see what one rule costs and allocates on its own.
    /// </summary>
    public static AnalyzerSet GreedyTasks(IReadOnlySet<string>? only = null, bool measureCallbacks = false)
    {
        var assembly = typeof(global::GreedyTasks.Analyzers.DiagnosticIds).Assembly;
        var analyzers = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .Where(t => only is null || only.Contains(t.Name))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .Select(a => measureCallbacks && a is not DiagnosticSuppressor ? AnalyzerWrapper.Measured(a) : a)
            .ToImmutableArray();
        var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList();
        var severities = ids.ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);
        var version = assembly.GetName().Version;
        return new AnalyzerSet("GreedyTasks", $"GreedyTasks.Analyzers {version} (project build)", ids, analyzers, severities, false);
    }

    /// <summary>Fresh, unmeasured instances of the GreedyTasks analyzers passed to the driver as one analyzer (see <see cref="CompositeAnalyzer"/>).</summary>
    public static AnalyzerSet GreedyTasksAsOneAnalyzer(IReadOnlySet<string>? only)
    {
        var greedyTasks = GreedyTasks(only);
        return greedyTasks with
        {
            Name = "GreedyTasks, one analyzer",
            Analyzers = greedyTasks.Analyzers.Where(a => a is DiagnosticSuppressor)
                .Prepend(new CompositeAnalyzer(greedyTasks.Analyzers.Where(a => a is not DiagnosticSuppressor).ToImmutableArray()))
                .ToImmutableArray(),
            IsVariant = true,
        };
    }

    /// <summary>
    /// The three driver floors of <c>--floors</c> (see <see cref="DriverFloorAnalyzer"/>): one analyzer with one no-op operation
    /// action, one with one no-op syntax node action, and one with an operation action that reads the called method's name.
    /// Variants, so they run in every measurement but are no peer.
    /// </summary>
    public static IEnumerable<AnalyzerSet> DriverFloors()
    {
        foreach (var floor in new[] { DriverFloorAnalyzer.OperationAction(), DriverFloorAnalyzer.SyntaxAction(), DriverFloorAnalyzer.CalledMethodNameAction() })
        {
            yield return new AnalyzerSet(
                "floor: " + floor.Name,
                "(benchmark)",
                new[] { "FLOOR0001" },
                ImmutableArray.Create<DiagnosticAnalyzer>(floor),
                ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("FLOOR0001", ReportDiagnostic.Warn),
                false)
            {
                IsVariant = true,
                IsDriverFloor = true,
            };
        }
    }

    /// <summary>
    /// Fresh, unmeasured instances of the same analyzers declaring <see cref="GeneratedCodeAnalysisFlags.None"/> (the setting
    /// before the rules switched to ReportDiagnostics): what the driver's per-diagnostic generated-code check costs,
    /// measured in the same process.
    /// </summary>
    public static AnalyzerSet GreedyTasksWithGeneratedCodeNone(IReadOnlySet<string>? only)
    {
        var greedyTasks = GreedyTasks(only);
        return greedyTasks with
        {
            Name = "GreedyTasks, generated code None",
            Analyzers = greedyTasks.Analyzers.Select(a => a is DiagnosticSuppressor ? a : AnalyzerWrapper.WithGeneratedCodeFlags(a, GeneratedCodeAnalysisFlags.None)).ToImmutableArray<DiagnosticAnalyzer>(),
            IsVariant = true,
        };
    }

    /// <summary>
    /// NetAnalyzers' rules at their defaults, the ones the .NET SDK runs in every project (<c>AnalysisMode</c> Default: the
    /// package's <c>analysislevel_*_default.globalconfig</c> sets no severity, so each rule's own default applies). The analyzer
    /// that reports CA1849 is left out, so that rule stays the NetAnalyzers set's own. Null (and a problem) without the package.
    /// </summary>
    public static IdeHost? SdkDefaultRules(ICollection<string> problems)
    {
        var folder = PeerAnalyzerPackages.Folder(typeof(AnalyzerSets).Assembly, "NetAnalyzers");
        if (folder is null)
        {
            problems.Add("NetAnalyzers: package folder not found; restore the benchmark project (needed by --ide-sdk-rules)");
            return null;
        }

        var compared = Peers.First(p => p.Name == "NetAnalyzers").Ids;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var analyzers = PeerAnalyzerPackages.LoadDefaults("NetAnalyzers", folder, compared, ids, out var leftOut, problems);
        return new IdeHost("SDK default rules", $"{PeerAnalyzerPackages.PackageId("NetAnalyzers")} {PeerAnalyzerPackages.Version(folder)}", analyzers, ids, leftOut);
    }

    /// <summary>The peer sets, each from the analyzer dlls of its restored NuGet package. Failures go to <paramref name="problems"/>.</summary>
    public static List<AnalyzerSet> LoadPeers(ICollection<string> problems)
    {
        var sets = new List<AnalyzerSet>();
        foreach (var (name, ids, targetPeer) in Peers)
        {
            var folder = PeerAnalyzerPackages.Folder(typeof(AnalyzerSets).Assembly, name);
            if (folder is null)
            {
                problems.Add($"{name}: package folder not found; restore the benchmark project");
                continue;
            }

            var (chosen, severities) = PeerAnalyzerPackages.LoadRules(name, folder, ids, problems);
            sets.Add(new AnalyzerSet(name, $"{PeerAnalyzerPackages.PackageId(name)} {PeerAnalyzerPackages.Version(folder)}", ids, chosen, severities, targetPeer));
        }

        return sets;
    }
}
