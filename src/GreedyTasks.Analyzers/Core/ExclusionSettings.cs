using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// The exclusion list in force for a syntax tree: the defaults, every <c>GreedyTasks.ExcludedMethods.txt</c>
/// AdditionalFile (read once per compilation), and the tree's <c>greedy_tasks.excluded_methods</c> value from
/// .editorconfig or .globalconfig. One instance lives per compilation; lists are cached by option value, so a
/// thousand files that share one .editorconfig parse it once. Thread-safe.
/// </summary>
internal sealed class ExclusionSettings
{
    private readonly AnalyzerConfigOptionsProvider _optionsProvider;
    private readonly List<string> _baseEntries;
    private readonly MethodExclusions _baseExclusions;
    private readonly ConcurrentDictionary<string, MethodExclusions> _byOptionValue = new(StringComparer.Ordinal);

    public ExclusionSettings(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        _optionsProvider = options.AnalyzerConfigOptionsProvider;
        _baseEntries = new List<string>(MethodExclusions.Defaults);
        foreach (var file in options.AdditionalFiles)
        {
            if (IsExclusionFile(file) && file.GetText(cancellationToken) is { } text)
            {
                _baseEntries.AddRange(MethodExclusions.Split(text.ToString(), '\n', '\r'));
            }
        }

        _baseExclusions = MethodExclusions.Create(_baseEntries);
    }

    public static bool IsExclusionFile(AdditionalText file) => string.Equals(Path.GetFileName(file.Path), OptionKeys.ExcludedMethodsFileName, StringComparison.OrdinalIgnoreCase);

    public MethodExclusions For(SyntaxTree tree)
    {
        if (!_optionsProvider.GetOptions(tree).TryGetValue(OptionKeys.ExcludedMethods, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return _baseExclusions;
        }

        return _byOptionValue.GetOrAdd(value, v =>
        {
            var entries = new List<string>(_baseEntries);
            entries.AddRange(MethodExclusions.Split(v, '|'));
            return MethodExclusions.Create(entries);
        });
    }
}
