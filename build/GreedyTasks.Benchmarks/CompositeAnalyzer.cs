using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Benchmarks;

/// <summary>
/// Several analyzers passed to the driver as one (<c>--gt-composite</c>): every inner analyzer registers its actions on the
/// one context, so the driver keeps one set of per-analyzer state and dispatch instead of one per rule. Measures what
/// merging the rules into one analyzer class would save, without changing the product.
/// </summary>
internal sealed class CompositeAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableArray<DiagnosticAnalyzer> _inner;

    public CompositeAnalyzer(ImmutableArray<DiagnosticAnalyzer> inner)
    {
        _inner = inner;
        SupportedDiagnostics = inner.SelectMany(a => a.SupportedDiagnostics).Distinct().ToImmutableArray();
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>The inner analyzers for which <paramref name="predicate"/> is true, in order.</summary>
    public ImmutableArray<DiagnosticAnalyzer> InnerWhere(System.Func<DiagnosticAnalyzer, bool> predicate) => _inner.Where(predicate).ToImmutableArray();

    /// <summary>
    /// The same merge without the inner analyzers for which <paramref name="leaveOut"/> is true. The IDE runs use it for
    /// compilation-end analyzers: Roslyn's IDE skips a whole analyzer on an open document when any of its descriptors is
    /// tagged CompilationEnd, so a merged product would keep such a rule (GT0100) in an analyzer of its own.
    /// </summary>
    public CompositeAnalyzer Without(System.Func<DiagnosticAnalyzer, bool> leaveOut) => new(_inner.RemoveAll(a => leaveOut(a)));

    public override void Initialize(AnalysisContext context)
    {
        foreach (var analyzer in _inner)
        {
            analyzer.Initialize(context);
        }
    }
}
