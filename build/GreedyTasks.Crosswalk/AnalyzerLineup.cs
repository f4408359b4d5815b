using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GreedyTasks.PeerAnalyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Crosswalk;

/// <summary>
/// Every analyzer of one crosswalk run, run together on each input: all GreedyTasks rules, and the analyzers of the
/// peer packages that report a compared rule. <see cref="Severities"/> turns the compared peer rules on (Warn) and every
/// other rule of those packages off (Suppress), so a peer analyzer that reports several rules adds only the compared ones.
/// </summary>
/// <param name="GreedyTasksIds">The GreedyTasks rules compared: every rule that reports on code.</param>
internal sealed record AnalyzerLineup(
    ImmutableArray<DiagnosticAnalyzer> Analyzers,
    ImmutableDictionary<string, ReportDiagnostic> Severities,
    IReadOnlyList<string> GreedyTasksIds,
    IReadOnlyList<string> PackageVersions,
    IReadOnlyList<string> Problems)
{
    /// <summary>Whether <paramref name="id"/> is a GreedyTasks rule or a compared peer rule (the ids the crosswalk keeps).</summary>
    public bool Reports(string id) => Severities.TryGetValue(id, out var severity) && severity == ReportDiagnostic.Warn;

    public static AnalyzerLineup Load()
    {
        var problems = new List<string>();
        var severities = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>(StringComparer.Ordinal);
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var versions = new List<string>();

        var greedyTasks = GreedyTasksAnalyzers();
        var allGreedyTasksIds = greedyTasks.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        analyzers.AddRange(greedyTasks);
        foreach (var id in allGreedyTasksIds)
        {
            severities[id] = ReportDiagnostic.Warn;
        }

        // GT0100 reports bad configuration, not code: it has no peer and no span to compare, so it gets no column.
        var greedyTasksIds = allGreedyTasksIds.Where(id => id != global::GreedyTasks.Analyzers.DiagnosticIds.InvalidConfiguration).ToList();

        versions.Add($"GreedyTasks.Analyzers {typeof(global::GreedyTasks.Analyzers.DiagnosticIds).Assembly.GetName().Version} (project build)");

        foreach (var package in PeerRule.All.Select(r => r.Package).Distinct())
        {
            var folder = PeerAnalyzerPackages.Folder(typeof(AnalyzerLineup).Assembly, package);
            if (folder is null)
            {
                problems.Add($"{package}: package folder not found; restore build/GreedyTasks.Crosswalk");
                continue;
            }

            versions.Add($"{PeerAnalyzerPackages.PackageId(package)} {PeerAnalyzerPackages.Version(folder)}");
            var compared = PeerRule.All.Where(r => r.Package == package).Select(r => r.Id).ToList();
            var (packageAnalyzers, packageSeverities) = PeerAnalyzerPackages.LoadRules(package, folder, compared, problems);
            analyzers.AddRange(packageAnalyzers);
            PeerAnalyzerPackages.AddSeverities(severities, packageSeverities);
        }

        return new AnalyzerLineup(analyzers.ToImmutable(), severities.ToImmutable(), greedyTasksIds, versions, problems);
    }

    /// <summary>
    /// Every DiagnosticAnalyzer type of GreedyTasks.Analyzers. A DiagnosticSuppressor the package may ship (the
    /// duplicate-peer suppressor) is left out: the crosswalk measures the duplicates that suppressor would hide.
    /// </summary>
    private static List<DiagnosticAnalyzer> GreedyTasksAnalyzers() =>
        typeof(global::GreedyTasks.Analyzers.DiagnosticIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract
                && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && !typeof(DiagnosticSuppressor).IsAssignableFrom(t)
                && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();
}
