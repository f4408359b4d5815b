using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace GreedyTasks.Scan;

/// <summary>What the report shows besides the folder results.</summary>
internal sealed record ReportSettings(
    IReadOnlyList<string> Header,
    IReadOnlyList<string> RuleIds,
    IReadOnlySet<string> ListedIds,
    int Context,
    bool NoList,
    int? Sample,
    int Seed);

/// <summary>Renders the scan report, either as plain text for the console or as Markdown for --out.</summary>
internal sealed class Report
{
    private const int DefaultSampleContext = 3;

    private readonly ReportSettings settings;
    private readonly IReadOnlyList<FolderResult> folders;
    private readonly IReadOnlyList<AnalyzerFailure> failures;
    private readonly IReadOnlyList<FixCheckResult>? fixChecks;

    public Report(ReportSettings settings, IReadOnlyList<FolderResult> folders, IReadOnlyList<AnalyzerFailure> failures, IReadOnlyList<FixCheckResult>? fixChecks)
    {
        this.settings = settings;
        this.folders = folders;
        this.failures = failures;
        this.fixChecks = fixChecks;
    }

    public void Write(TextWriter writer, bool markdown)
    {
        var w = new ReportWriter(writer, markdown);
        w.Heading(1, "GreedyTasks scan");
        w.Bullets(settings.Header);

        var listedLabel = settings.ListedIds.Count == 0 ? "all rules" : string.Join(", ", settings.ListedIds);
        foreach (var folder in folders)
        {
            w.Heading(2, $"Folder {folder.Name}");
            var info = new List<string>
            {
                $"path: {folder.Root}",
                $"files: {folder.Files.Count}, lines: {folder.Lines}, code lines: {folder.CodeLines}, global usings added: {GlobalUsingsSummary(folder)}",
                $"compiler: {folder.CompilerErrors} errors, {folder.CompilerWarnings} warnings (types from packages that are not referenced do not bind; BCL calls still do)",
            };
            info.AddRange(folder.TopErrors.Select(e => $"  {e.Id} x {e.Count}, e.g. {Shorten(e.Example, 120)}"));
            info.Add($"time: parse {Seconds(folder.ParseTime)}, analysis {Seconds(folder.AnalysisTime)} (inside the analyzers, summed over threads: "
                + string.Join(", ", folder.AnalyzerTimes.Select(t => $"{t.Analyzer} {Milliseconds(t.Time)}"))
                + $"), compiler diagnostics {Seconds(folder.CompilerTime)}");
            if (folder.OtherAnalyzerDiagnostics.Count > 0)
            {
                info.Add($"other analyzer diagnostics: {folder.OtherAnalyzerDiagnostics.Count} (listed under 'Analyzer exceptions')");
            }

            w.Bullets(info);

            if (!settings.NoList)
            {
                var listed = folder.Findings.Where(IsListed).ToList();
                w.Paragraph($"Diagnostics ({listedLabel}): {listed.Count}");
                if (listed.Count > 0)
                {
                    w.Block(listed.SelectMany(f => FindingLines(f, settings.Context, withFolder: false)));
                }
            }
        }

        if (settings.Sample is int sampleSize)
        {
            var candidates = folders.SelectMany(f => f.Findings).Where(IsListed).ToList();
            var sample = Sample(candidates, sampleSize, settings.Seed);
            var context = settings.Context > 0 ? settings.Context : DefaultSampleContext;
            w.Heading(2, "Sample");
            w.Paragraph($"{sample.Count} of {candidates.Count} diagnostics ({listedLabel}), seed {settings.Seed}, {context} lines of context; in source order.");
            for (var i = 0; i < sample.Count; i++)
            {
                var lines = FindingLines(sample[i], context, withFolder: folders.Count > 1).ToList();
                lines[0] = $"#{i + 1} " + lines[0];
                if (fixChecks is not null)
                {
                    lines.AddRange(FixCheckResult.FixLines(fixChecks, sample[i]));
                }

                w.Block(lines);
            }
        }

        w.Heading(2, "Summary");
        WriteSummary(w);

        if (fixChecks is not null)
        {
            FixCheckResult.Write(w, fixChecks);
        }

        if (failures.Count > 0 || folders.Any(f => f.OtherAnalyzerDiagnostics.Count > 0))
        {
            w.Heading(2, "Analyzer exceptions");
            WriteFailures(w);
        }
    }

    private bool IsListed(Finding finding) => settings.ListedIds.Count == 0 || settings.ListedIds.Contains(finding.Id);

    /// <summary>A deterministic sample: a partial Fisher-Yates shuffle with <paramref name="seed"/>, then source order.</summary>
    public static List<Finding> Sample(List<Finding> candidates, int size, int seed)
    {
        var pool = candidates.ToArray();
        var random = new Random(seed);
        var count = Math.Min(size, pool.Length);
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        var order = candidates.Select((f, index) => (f, index)).ToDictionary(p => p.f, p => p.index);
        return pool.Take(count).OrderBy(f => order[f]).ToList();
    }

    private static IEnumerable<string> FindingLines(Finding finding, int context, bool withFolder)
    {
        var prefix = withFolder ? $"[{finding.Folder.Name}] " : string.Empty;
        yield return $"{prefix}{finding.File.RelativePath}({finding.Line},{finding.Column}): {finding.Id}: {finding.Message}";
        if (context <= 0)
        {
            yield break;
        }

        var lines = finding.File.Text.Lines;
        var first = Math.Max(1, finding.Line - context);
        var last = Math.Min(lines.Count, finding.Line + context);
        var width = last.ToString(CultureInfo.InvariantCulture).Length;
        for (var line = first; line <= last; line++)
        {
            var marker = line == finding.Line ? '>' : ' ';
            var text = lines[line - 1].ToString().Replace("\t", "    ", StringComparison.Ordinal).TrimEnd();
            yield return $"  {marker} {line.ToString(CultureInfo.InvariantCulture).PadLeft(width)} | {text}";
        }

        yield return string.Empty;
    }

    private void WriteSummary(ReportWriter w)
    {
        var header = new List<string> { "Folder", "Files", "Lines", "Code lines", "Compiler errors", "Parse (s)", "Analysis (s)" };
        header.AddRange(settings.RuleIds);
        header.Add("Total");
        var rows = new List<List<string>>();
        foreach (var folder in folders)
        {
            rows.Add(Row(folder.Name, new[] { folder }));
        }

        if (folders.Count > 1)
        {
            rows.Add(Row("(all)", folders));
        }

        w.Table(header, rows, firstColumnLeft: true);
        if (failures.Count > 0)
        {
            w.Paragraph($"Analyzer exceptions: {failures.Count} (see below).");
        }

        List<string> Row(string name, IReadOnlyList<FolderResult> results)
        {
            var row = new List<string>
            {
                name,
                Number(results.Sum(r => r.Files.Count)),
                Number(results.Sum(r => r.Lines)),
                Number(results.Sum(r => r.CodeLines)),
                Number(results.Sum(r => r.CompilerErrors)),
                results.Sum(r => r.ParseTime.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture),
                results.Sum(r => r.AnalysisTime.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture),
            };
            foreach (var id in settings.RuleIds)
            {
                row.Add(Number(results.Sum(r => r.Findings.Count(f => f.Id == id))));
            }

            row.Add(Number(results.Sum(r => r.Findings.Count)));
            return row;
        }
    }

    private void WriteFailures(ReportWriter w)
    {
        // One analyzer bug tends to throw at every matching node: group by analyzer, exception type and stack,
        // print the stack once and the context Roslyn gives (tree, node) for the first few occurrences.
        const int ContextsShown = 5;
        foreach (var unordered in failures.GroupBy(f => (f.Analyzer, Type: f.Exception.GetType().FullName, Stack: f.Exception.StackTrace)))
        {
            // Concurrent analysis reports in no fixed order.
            var group = unordered.OrderBy(f => f.Folder, StringComparer.Ordinal).ThenBy(f => f.DiagnosticMessage, StringComparer.Ordinal).ToList();
            var first = group[0];
            w.Paragraph($"{unordered.Key.Analyzer} threw {unordered.Key.Type} {group.Count} time(s) (folders: {string.Join(", ", group.Select(f => f.Folder).Distinct())}).");
            var lines = new List<string>();
            foreach (var failure in group.Take(ContextsShown).Where(f => f.DiagnosticMessage is not null))
            {
                // The message is the context (up to the first blank line), then the exception again: keep the context.
                var context = failure.DiagnosticMessage!.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l.Length > 0);
                lines.AddRange(context);
                lines.Add(string.Empty);
            }

            if (group.Count > ContextsShown)
            {
                lines.Add($"... and {group.Count - ContextsShown} more");
                lines.Add(string.Empty);
            }

            lines.AddRange(first.Exception.ToString().Split('\n').Select(l => l.TrimEnd('\r')));
            w.Block(lines);
        }

        foreach (var folder in folders.Where(f => f.OtherAnalyzerDiagnostics.Count > 0))
        {
            w.Paragraph($"Other analyzer diagnostics in {folder.Name}:");
            w.Block(folder.OtherAnalyzerDiagnostics.SelectMany(d => d.ToString().Split('\n')).Select(l => l.TrimEnd('\r')));
        }
    }

    private static string GlobalUsingsSummary(FolderResult folder)
    {
        if (folder.GlobalUsings.Count == 0)
        {
            return "none";
        }

        var fromItems = folder.GlobalUsings.Count - (folder.SdkImplicitUsings ? 7 : 0);
        var parts = new List<string>();
        if (folder.SdkImplicitUsings)
        {
            parts.Add("the SDK's implicit usings");
        }

        if (fromItems > 0)
        {
            parts.Add($"{fromItems} from <Using> items");
        }

        return string.Join(" + ", parts);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static string Shorten(string text, int length)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= length ? text : text[..(length - 3)] + "...";
    }
}
