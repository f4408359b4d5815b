using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Analyzers.Core;

/// <summary>Reads <c>greedy_tasks.loop_iteration_threshold</c> for a tree; a missing or invalid value means the default (GT0100 reports invalid ones).</summary>
internal static class LoopOptions
{
    public static long Threshold(AnalyzerOptions options, SyntaxTree tree)
    {
        return options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(OptionKeys.LoopIterationThreshold, out var value) && TryParseThreshold(value, out var threshold)
            ? threshold
            : OptionKeys.DefaultLoopIterationThreshold;
    }

    /// <summary>A positive whole number; <c>_</c> digit separators are allowed (<c>1_000_000</c>).</summary>
    public static bool TryParseThreshold(string? value, out long threshold)
    {
        threshold = 0;
        return value is not null
            && long.TryParse(value.Trim().Replace("_", string.Empty), NumberStyles.None, CultureInfo.InvariantCulture, out threshold)
            && threshold > 0;
    }
}
