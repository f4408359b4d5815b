using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace GreedyTasks.Scan;

/// <summary>One code action (a single fix, or Fix All in a document) applied to real code, and what the compiler said after it.</summary>
internal sealed class FixOutcome
{
    public FixOutcome(string relativePath, int line, int column, string ruleId, string title, bool fixAll, int occurrences)
    {
        RelativePath = relativePath;
        Line = line;
        Column = column;
        RuleId = ruleId;
        Title = title;
        FixAll = fixAll;
        Occurrences = occurrences;
    }

    public string RelativePath { get; }

    public int Line { get; }

    public int Column { get; }

    public string RuleId { get; }

    public string Title { get; }

    public bool FixAll { get; }

    /// <summary>How many diagnostics the action fixes: 1, or the document's count for Fix All.</summary>
    public int Occurrences { get; }

    /// <summary>Compiler errors in the changed document that were not there before.</summary>
    public List<string> NewErrors { get; } = new();

    /// <summary>Compiler warnings in the changed document that were not there before.</summary>
    public List<string> NewWarnings { get; } = new();

    /// <summary>Anything else wrong with the action: it changed nothing, or another document.</summary>
    public List<string> Problems { get; } = new();

    /// <summary>
    /// How many more diagnostics of the rule the document has after the action than it should: a fixed occurrence
    /// still (or again) reported, or, after Fix All, occurrences with a fix that were left.
    /// </summary>
    public int StillReported { get; set; }

    /// <summary>The changed lines, for an action that is not clean.</summary>
    public List<string> Diff { get; } = new();

    public bool IsClean => NewErrors.Count == 0 && NewWarnings.Count == 0 && Problems.Count == 0 && StillReported == 0;
}

/// <summary>Counts of one rule's fixes over one folder.</summary>
internal sealed class FixRuleCounts
{
    public int Diagnostics { get; set; }

    /// <summary>Diagnostics for which the provider offered no action (by design: the rewrite was not provably safe).</summary>
    public int WithoutFix { get; set; }

    public int Actions { get; set; }

    public int ActionsWithErrors { get; set; }

    public int ActionsWithWarnings { get; set; }

    public int ActionsStillReported { get; set; }

    public int FixAllActions { get; set; }

    public int FixAllOccurrences { get; set; }

    public int FixAllWithErrors { get; set; }

    public int FixAllWithWarnings { get; set; }

    public int FixAllStillReported { get; set; }

    public void Add(FixRuleCounts other)
    {
        Diagnostics += other.Diagnostics;
        WithoutFix += other.WithoutFix;
        Actions += other.Actions;
        ActionsWithErrors += other.ActionsWithErrors;
        ActionsWithWarnings += other.ActionsWithWarnings;
        ActionsStillReported += other.ActionsStillReported;
        FixAllActions += other.FixAllActions;
        FixAllOccurrences += other.FixAllOccurrences;
        FixAllWithErrors += other.FixAllWithErrors;
        FixAllWithWarnings += other.FixAllWithWarnings;
        FixAllStillReported += other.FixAllStillReported;
    }
}

/// <summary>The fix check of one folder: counts per rule, and every action that was not clean.</summary>
internal sealed class FixCheckResult
{
    public FixCheckResult(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    public SortedDictionary<string, FixRuleCounts> Rules { get; } = new(StringComparer.Ordinal);

    public List<FixOutcome> NotClean { get; } = new();

    /// <summary>Every single fix (not Fix All), clean or not, with its changed lines.</summary>
    public List<FixOutcome> SingleFixes { get; } = new();

    public TimeSpan Time { get; set; }

    public FixRuleCounts For(string ruleId)
    {
        if (!Rules.TryGetValue(ruleId, out var counts))
        {
            counts = new FixRuleCounts();
            Rules.Add(ruleId, counts);
        }

        return counts;
    }

    public void Record(FixRuleCounts counts, FixOutcome outcome, bool fixAll)
    {
        var errors = outcome.NewErrors.Count > 0 || outcome.Problems.Count > 0;
        var warnings = outcome.NewWarnings.Count > 0;
        if (fixAll)
        {
            counts.FixAllActions++;
            counts.FixAllOccurrences += outcome.Occurrences;
            counts.FixAllWithErrors += errors ? 1 : 0;
            counts.FixAllWithWarnings += warnings ? 1 : 0;
            counts.FixAllStillReported += outcome.StillReported > 0 ? 1 : 0;
        }
        else
        {
            SingleFixes.Add(outcome);
            counts.Actions++;
            counts.ActionsWithErrors += errors ? 1 : 0;
            counts.ActionsWithWarnings += warnings ? 1 : 0;
            counts.ActionsStillReported += outcome.StillReported > 0 ? 1 : 0;
        }

        if (!outcome.IsClean)
        {
            NotClean.Add(outcome);
        }
    }

    /// <summary>Writes the fix check of every folder: a table per rule, then each action that added an error, a warning or another problem.</summary>
    public static void Write(ReportWriter w, IReadOnlyList<FixCheckResult> results)
    {
        w.Heading(2, "Fix check");
        w.Paragraph("Each code fix applied on its own to each diagnostic, and Fix All once per document, rule and kind of rewrite where a "
            + "document has more than one diagnostic of the rule; then the compiler's errors and warnings in the changed document compared "
            + "with those before (errors as multisets of ID and message, warnings of ID: a warning's message names the member called). 'with errors' includes actions that changed nothing or another document; "
            + "'still reported' counts actions after which the rule reports more in the document than it should (the fixed occurrence "
            + "again, or after Fix All an occurrence that had a fix).");
        var header = new List<string> { "folder", "rule", "diagnostics", "no fix offered", "fixes", "with errors", "with warnings", "still reported", "Fix All", "occurrences", "with errors", "with warnings", "still reported", "time" };
        var rows = new List<List<string>>();
        var total = new SortedDictionary<string, FixRuleCounts>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            foreach (var (id, counts) in result.Rules)
            {
                rows.Add(Row(result.Folder, id, counts, $"{result.Time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"));
                if (!total.TryGetValue(id, out var sum))
                {
                    sum = new FixRuleCounts();
                    total.Add(id, sum);
                }

                sum.Add(counts);
            }
        }

        if (results.Count > 1)
        {
            rows.AddRange(total.Select(pair => Row("total", pair.Key, pair.Value, string.Empty)));
        }

        w.Table(header, rows, firstColumnLeft: true);

        foreach (var result in results.Where(r => r.NotClean.Count > 0))
        {
            foreach (var outcome in result.NotClean)
            {
                var lines = new List<string>
                {
                    $"[{result.Folder}] {outcome.RelativePath}({outcome.Line},{outcome.Column}): {outcome.RuleId}: {(outcome.FixAll ? $"Fix All ({outcome.Occurrences}) " : string.Empty)}'{outcome.Title}'",
                };
                lines.AddRange(outcome.Problems.Select(p => "  problem: " + p));
                lines.AddRange(outcome.NewErrors.Select(e => "  new error: " + e));
                lines.AddRange(outcome.NewWarnings.Select(e => "  new warning: " + e));
                if (outcome.StillReported > 0)
                {
                    lines.Add($"  still reported: {outcome.StillReported} more {outcome.RuleId} in the document than expected after the action");
                }

                lines.AddRange(outcome.Diff.Select(d => "  " + d));
                w.Block(lines);
            }
        }
    }

    /// <summary>The single fixes applied to <paramref name="finding"/>, each as its title, verdict and changed lines: for the sample.</summary>
    public static IEnumerable<string> FixLines(IReadOnlyList<FixCheckResult> results, Finding finding)
    {
        var result = results.FirstOrDefault(r => r.Folder == finding.Folder.Name);
        if (result is null)
        {
            yield break;
        }

        var found = false;
        foreach (var outcome in result.SingleFixes)
        {
            if (outcome.RelativePath == finding.File.RelativePath && outcome.Line == finding.Line && outcome.Column == finding.Column && outcome.RuleId == finding.Id)
            {
                found = true;
                yield return $"  fix '{outcome.Title}': {(outcome.IsClean ? "compiles, rule satisfied" : "NOT CLEAN, see 'Fix check'")}";
                foreach (var line in outcome.Diff)
                {
                    yield return "    " + line;
                }
            }
        }

        if (!found)
        {
            yield return "  fix: none offered";
        }
    }

    private static List<string> Row(string folder, string id, FixRuleCounts c, string time) => new()
    {
        folder, id, N(c.Diagnostics), N(c.WithoutFix), N(c.Actions), N(c.ActionsWithErrors), N(c.ActionsWithWarnings), N(c.ActionsStillReported),
        N(c.FixAllActions), N(c.FixAllOccurrences), N(c.FixAllWithErrors), N(c.FixAllWithWarnings), N(c.FixAllStillReported), time,
    };

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
