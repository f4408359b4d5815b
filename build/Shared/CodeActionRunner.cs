using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace GreedyTasks.Tooling;

/// <summary>
/// Applies code fixes the way the IDE does: list a diagnostic's actions, compute an action's changed solution, run
/// Fix All in one document. Shared by the reliability tests (tests/GreedyTasks.Tests/Reliability) and the scanner's
/// fix check (build/GreedyTasks.Scan), which link this file, so both judge the fixes by the same mechanics.
/// </summary>
internal static class CodeActionRunner
{
    public static async Task<ImmutableArray<CodeAction>> GetCodeActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken = default)
    {
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        return actions.ToImmutable();
    }

    /// <summary>The solution a code action produces, or null if it offers no change.</summary>
    public static async Task<Solution?> ApplyAsync(CodeAction action, CancellationToken cancellationToken = default)
    {
        Solution? changed = null;
        foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (operation is ApplyChangesOperation apply)
            {
                changed = apply.ChangedSolution;
            }
        }

        return changed;
    }

    /// <summary>Fix All in one document for one equivalence key, as the IDE's "Fix all occurrences in document" does, over exactly <paramref name="diagnostics"/>.</summary>
    public static async Task<Solution?> FixAllInDocumentAsync(CodeFixProvider provider, Document document, string equivalenceKey, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken = default)
    {
        var fixAllProvider = provider.GetFixAllProvider();
        if (fixAllProvider is null)
        {
            return null;
        }

        var context = new FixAllContext(document, provider, FixAllScope.Document, equivalenceKey, provider.FixableDiagnosticIds,
            new FixedDiagnosticProvider(diagnostics), cancellationToken);
        var action = await fixAllProvider.GetFixAsync(context).ConfigureAwait(false);
        return action is null ? null : await ApplyAsync(action, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The items of <paramref name="after"/> beyond those of <paramref name="before"/>, compared as multisets of <paramref name="key"/>.</summary>
    public static IEnumerable<T> Added<T>(IEnumerable<T> before, IEnumerable<T> after, Func<T, string> key)
    {
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in before)
        {
            var k = key(item);
            remaining[k] = remaining.TryGetValue(k, out var count) ? count + 1 : 1;
        }

        foreach (var item in after)
        {
            var k = key(item);
            if (remaining.TryGetValue(k, out var count) && count > 0)
            {
                remaining[k] = count - 1;
            }
            else
            {
                yield return item;
            }
        }
    }

    /// <summary>Hands Fix All exactly the diagnostics the caller computed, instead of re-running analyzers.</summary>
    private sealed class FixedDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics)
        {
            _diagnostics = diagnostics;
        }

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return _diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
