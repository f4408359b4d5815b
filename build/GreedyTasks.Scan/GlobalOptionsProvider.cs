using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Scan;

/// <summary>
/// Analyzer options from <c>--editorconfig-option key=value</c>. They behave like a <c>.globalconfig</c> file: the
/// same values are the global options and the options of every syntax tree and additional file (the compiler merges
/// global config values into each tree's options too). Keys compare case-insensitively, as in .editorconfig.
/// </summary>
internal sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
{
    public GlobalOptionsProvider(IEnumerable<KeyValuePair<string, string>> values)
    {
        GlobalOptions = new DictionaryOptions(ImmutableDictionary.CreateRange(AnalyzerConfigOptions.KeyComparer, values));
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) => this.values = values;

        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
