using System;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// How GreedyTasks option values are parsed, in one place, so the rules (which fall back to the default on a bad
/// value) and the configuration analyzer (GT0100, which reports it) can never disagree about what is valid.
/// </summary>
internal static class OptionValues
{
    /// <summary>A positive whole number; <c>_</c> digit separators are allowed (<c>1_000_000</c>).</summary>
    public static bool TryParseThreshold(string? value, out long threshold)
    {
        threshold = 0;
        return value is not null
            && long.TryParse(value.Trim().Replace("_", string.Empty), NumberStyles.None, CultureInfo.InvariantCulture, out threshold)
            && threshold > 0;
    }

    /// <summary><c>true</c> or <c>false</c>, in any case, as .editorconfig booleans are written.</summary>
    public static bool TryParseBoolean(string? value, out bool result)
    {
        result = false;
        var trimmed = value?.Trim();
        if (string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase))
        {
            result = true;
            return true;
        }

        return string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A boolean option as the rules read it: the value of <paramref name="key"/>, or <paramref name="defaultValue"/> when it is missing or invalid.</summary>
    public static bool ReadBoolean(AnalyzerConfigOptions options, string key, bool defaultValue) =>
        options.TryGetValue(key, out var value) && TryParseBoolean(value, out var parsed) ? parsed : defaultValue;
}
