using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GreedyTasks.PeerAnalyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Tests.Infrastructure;

/// <summary>
/// Compiles a snippet and runs every GreedyTasks analyzer and suppressor together with the real peer packages
/// (vs-threading, Meziantou, NetAnalyzers, AsyncFixer, Sonar, from their NuGet packages), with only the peer rules
/// GreedyTasks duplicates switched on. Suppressed diagnostics are returned too, so a test can see what was hidden.
/// </summary>
internal static class PeerAnalyzerRun
{
    /// <summary>The peer rules switched on, by package (the short names of PeerAnalyzers.props); every other rule of these packages is off.</summary>
    private static readonly (string Package, string[] RuleIds)[] ComparedRules =
    {
        ("vs-threading", new[] { "VSTHRD002", "VSTHRD103" }),
        ("Meziantou", new[] { "MA0042", "MA0045" }),
        ("NetAnalyzers", new[] { "CA1849" }),
        ("AsyncFixer", new[] { "AsyncFixer02" }),
        ("Sonar", new[] { "S4462", "S6966" }),
    };

    /// <summary>The peer rules switched on.</summary>
    public static readonly ImmutableArray<string> PeerRuleIds = ComparedRules.SelectMany(r => r.RuleIds).ToImmutableArray();

    private static readonly Lazy<(ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableDictionary<string, ReportDiagnostic> Severities, IReadOnlyList<string> Problems)> Peers = new(LoadPeers);

    /// <summary>Why a peer package could not be loaded on this Roslyn host; empty when all loaded.</summary>
    public static IReadOnlyList<string> LoadProblems => Peers.Value.Problems;

    /// <summary>The ids the loaded peer analyzers can report.</summary>
    public static ImmutableHashSet<string> LoadedPeerRuleIds => Peers.Value.Severities.Where(p => p.Value == ReportDiagnostic.Warn).Select(p => p.Key).ToImmutableHashSet();

    public sealed record Result(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)
    {
        public IEnumerable<Diagnostic> Reported(string id) => Diagnostics.Where(d => d.Id == id && !d.IsSuppressed);

        public IEnumerable<Diagnostic> Suppressed(string id) => Diagnostics.Where(d => d.Id == id && d.IsSuppressed);

        public string Describe() => string.Join(Environment.NewLine, Diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => $"{d.Id}{(d.IsSuppressed ? " (suppressed)" : string.Empty)} at {d.Location.GetLineSpan().StartLinePosition}: {d.GetMessage()}"));
    }

    /// <param name="options">.editorconfig-style values seen by every file.</param>
    /// <param name="severities">Extra severities, as <c>dotnet_diagnostic.X.severity</c> would set them.</param>
    public static async Task<Result> RunAsync(string source, IReadOnlyDictionary<string, string>? options = null, IReadOnlyDictionary<string, ReportDiagnostic>? severities = null)
    {
        var (peers, peerSeverities, _) = Peers.Value;
        var specific = peerSeverities;
        foreach (var pair in severities ?? new Dictionary<string, ReportDiagnostic>())
        {
            specific = specific.SetItem(pair.Key, pair.Value);
        }

        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "/0/Test0.cs");
        var compilation = CSharpCompilation.Create(
            "Test",
            new[] { tree },
            await AnalyzerRunner.GetReferencesAsync(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, specificDiagnosticOptions: specific));

        var exceptions = new ConcurrentQueue<Exception>();
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new AnalyzerRunner.FixedOptionsProvider(options ?? new Dictionary<string, string>()));
        var withAnalyzers = compilation.WithAnalyzers(
            AnalyzerRunner.AllAnalyzers.AddRange(peers),
            new CompilationWithAnalyzersOptions(analyzerOptions, (exception, _, _) => exceptions.Enqueue(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return new Result(diagnostics, exceptions.ToList());
    }

    private static (ImmutableArray<DiagnosticAnalyzer>, ImmutableDictionary<string, ReportDiagnostic>, IReadOnlyList<string>) LoadPeers()
    {
        var problems = new List<string>();
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var severities = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>(StringComparer.Ordinal);
        foreach (var (name, ruleIds) in ComparedRules)
        {
            var folder = PeerAnalyzerPackages.Folder(typeof(PeerAnalyzerRun).Assembly, name);
            if (folder is null)
            {
                problems.Add($"{name}: package folder not found");
                continue;
            }

            var (packageAnalyzers, packageSeverities) = PeerAnalyzerPackages.LoadRules(name, folder, ruleIds, problems);
            analyzers.AddRange(packageAnalyzers);
            PeerAnalyzerPackages.AddSeverities(severities, packageSeverities);
        }

        return (analyzers.ToImmutable(), severities.ToImmutable(), problems);
    }
}
