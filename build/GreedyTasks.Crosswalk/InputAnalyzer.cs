using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GreedyTasks.Tests.Reliability;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Crosswalk;

/// <summary>What one input produced: its findings, its compiler errors, and the analyzers that threw on it.</summary>
internal sealed record InputResult(TestInput Input, IReadOnlyList<Finding> Findings, IReadOnlyList<string> CompilerErrors, IReadOnlyList<string> AnalyzerFailures);

/// <summary>
/// Compiles one <see cref="TestInput"/> (all its documents as one project) and runs the whole lineup on it with
/// <see cref="CompilationWithAnalyzers"/>. GreedyTasks and the peers see the very same compilation, so their spans
/// are comparable.
/// </summary>
internal sealed class InputAnalyzer
{
    /// <summary>The sample targets net10.0; the snippets' tests use net8.0, for which these symbols hold as well.</summary>
    private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest)
        .WithPreprocessorSymbols("NET", "NETCOREAPP", "RELEASE", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER");

    private readonly AnalyzerLineup lineup;
    private readonly ImmutableArray<MetadataReference> references;

    public InputAnalyzer(AnalyzerLineup lineup, ImmutableArray<MetadataReference> references)
    {
        this.lineup = lineup;
        this.references = references;
    }

    public async Task<InputResult> AnalyzeAsync(TestInput input, CancellationToken cancellationToken)
    {
        var trees = input.Documents
            .Select(d => CSharpSyntaxTree.ParseText(d.Text, ParseOptions, d.Path, cancellationToken: cancellationToken))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "Crosswalk",
            trees,
            references,
            new CSharpCompilationOptions(
                input.OutputKind,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: false,
                specificDiagnosticOptions: lineup.Severities));

        var failures = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(lineup.Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{input}: {analyzer.GetType().FullName}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false));
        // One pass binds the compilation for the compiler and the analyzers alike; compiler errors are only counted.
        var all = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal)).Select(d => d.Id).ToList();
        var diagnostics = all.Where(d => lineup.Reports(d.Id) || d.Id == "AD0001");

        var findings = new List<Finding>();
        var models = new Dictionary<SyntaxTree, SemanticModel>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                failures.Enqueue($"{input}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
                continue;
            }

            var tree = diagnostic.Location.SourceTree;
            if (!diagnostic.Location.IsInSource || tree is null)
            {
                // A compilation-level diagnostic (GT0100 on a bad option, say) has no span to overlap; none is expected here.
                continue;
            }

            if (!models.TryGetValue(tree, out var model))
            {
                model = compilation.GetSemanticModel(tree);
                models.Add(tree, model);
            }

            var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var span = diagnostic.Location.SourceSpan;
            var line = tree.GetText(cancellationToken).Lines.GetLineFromPosition(span.Start);
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            findings.Add(new Finding(
                input.Source,
                input.Name,
                tree.FilePath,
                diagnostic.Id,
                span,
                line.LineNumber + 1,
                line.ToString().Trim(),
                tree.GetText(cancellationToken).ToString(span),
                Subjects.Of(root, span, model),
                CodeContexts.Of(node, model)));
        }

        var ordered = findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Span.Start).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        return new InputResult(input, ordered, errors, failures.ToList());
    }
}
