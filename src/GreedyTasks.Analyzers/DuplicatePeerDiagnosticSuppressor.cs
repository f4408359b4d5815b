using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GreedyTasks.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Analyzers;

/// <summary>
/// Opt-in (<c>greedy_tasks.suppress_duplicate_peer_diagnostics = true</c>): hides a peer package's diagnostic
/// (VSTHRD002, CA1849, MA0042, … see <see cref="PeerDuplicates.PeerIds"/>) when a GreedyTasks call-site rule
/// (GT0001, GT0002, GT0003, GT0006) reports the same call, so
/// a team that keeps both packages sees each blocking call once, with GreedyTasks' fix.
/// </summary>
/// <remarks>
/// A suppressor only sees the diagnostics it may suppress, not ours, so it asks the GreedyTasks call-site rules
/// afresh, through a nested <see cref="CompilationWithAnalyzers"/>, for the files where a peer reported something.
/// That answer honours the user's configuration exactly as the build does: a GreedyTasks rule switched off in
/// .editorconfig reports nothing, and then the peer's diagnostic stays. Files without peer diagnostics, and
/// files where the option is off, cost nothing.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicatePeerDiagnosticSuppressor : DiagnosticSuppressor
{
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions => PeerDuplicates.Suppressions;

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        var provider = context.Options.AnalyzerConfigOptionsProvider;
        // Per file: the peer diagnostics to check, or null where the option is off (asked once per file).
        var candidates = new Dictionary<SyntaxTree, List<Diagnostic>?>();
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree || !PeerDuplicates.SuppressionsByPeerId.ContainsKey(diagnostic.Id))
            {
                continue;
            }

            if (!candidates.TryGetValue(tree, out var list))
            {
                var enabled = OptionValues.ReadBoolean(provider.GetOptions(tree), OptionKeys.SuppressDuplicatePeerDiagnostics, OptionKeys.DefaultSuppressDuplicatePeerDiagnostics);
                list = enabled ? new List<Diagnostic>() : null;
                candidates.Add(tree, list);
            }

            list?.Add(diagnostic);
        }

        if (!candidates.Values.Any(list => list is not null))
        {
            return;
        }

        var greedyTasks = context.Compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new BlockingWaitAnalyzer(), new ThreadSleepAnalyzer(), new AsyncAlternativeAnalyzer(), new BlockingPrimitiveAnalyzer()),
            new CompilationWithAnalyzersOptions(context.Options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        foreach (var pair in candidates)
        {
            if (pair.Value is { } peerDiagnostics)
            {
                ReportSuppressions(context, greedyTasks, pair.Key, peerDiagnostics);
            }
        }
    }

    private static void ReportSuppressions(SuppressionAnalysisContext context, CompilationWithAnalyzers greedyTasks, SyntaxTree tree, List<Diagnostic> peerDiagnostics)
    {
#pragma warning disable RS1030 // The nested driver analyzes its own compilation; only a model of that compilation can be passed to it.
        var model = greedyTasks.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

        // Suppressors are synchronous; the nested driver's API is not. Blocking here is the only way to ask it.
        var ours = greedyTasks.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, context.CancellationToken).GetAwaiter().GetResult();
        if (ours.IsDefaultOrEmpty)
        {
            return;
        }

        var root = tree.GetRoot(context.CancellationToken);
        var reportedCalls = new HashSet<SyntaxNode>();
        foreach (var diagnostic in ours)
        {
            if (PeerDuplicates.CallSiteRules.Contains(diagnostic.Id) && diagnostic.Location.SourceTree == tree
                && CallAnchor.Of(root, diagnostic.Location.SourceSpan) is { } anchor)
            {
                reportedCalls.Add(anchor);
            }
        }

        foreach (var peer in peerDiagnostics)
        {
            if (CallAnchor.Of(root, peer.Location.SourceSpan) is { } anchor
                && reportedCalls.Contains(anchor)
                && PeerDuplicates.SuppressionsByPeerId.TryGetValue(peer.Id, out var suppression))
            {
                context.ReportSuppression(Suppression.Create(suppression, peer));
            }
        }
    }
}
