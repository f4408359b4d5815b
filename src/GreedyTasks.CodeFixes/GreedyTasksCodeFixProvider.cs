using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GreedyTasks.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace GreedyTasks.CodeFixes;

/// <summary>
/// The shape every GreedyTasks fix shares: a diagnostic whose properties carry a fix kind gets one code action,
/// the actions of a rule share one equivalence key per kind of rewrite (the rule ID unless it has several), and Fix All rewrites every diagnostic of a
/// document in one <see cref="DocumentEditor"/> pass. Rewrites are computed from the current node, innermost
/// first, so nested occurrences in one statement (<c>Get(a.Result).Result</c>) are all fixed in one pass,
/// with no <c>await await</c> and no lost arguments.
/// </summary>
public abstract class GreedyTasksCodeFixProvider : CodeFixProvider
{
    private readonly FixAllProvider _fixAllProvider;

    protected GreedyTasksCodeFixProvider()
    {
        _fixAllProvider = new DocumentFixAllProvider(this);
    }

    /// <summary>The rule this provider fixes; also the equivalence key of all its actions.</summary>
    protected abstract string DiagnosticId { get; }

    public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticId);

    public sealed override FixAllProvider GetFixAllProvider() => _fixAllProvider;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        SyntaxNode? root = null;
        SemanticModel? semanticModel = null;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.FixKind, out var fixKind) || fixKind is null)
            {
                continue;
            }

            // With greedy_tasks.task_returning_methods the reported code may sit in a function that is not async yet:
            // the fix then makes it async, and is offered only when that conversion is certain to compile.
            root ??= await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var node = root is null ? null : FindReportedNode(root, diagnostic);
            var function = node is null ? null : AsyncConversion.FindFunction(node);
            var titleSuffix = string.Empty;
            if (!AsyncConversion.IsAsync(function))
            {
                semanticModel ??= await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                if (semanticModel is null || AsyncConversion.TryCreate(function!, semanticModel, context.CancellationToken) is null)
                {
                    continue;
                }

                titleSuffix = $" and make {AsyncConversion.Describe(function!)} async";
            }

            foreach (var (title, equivalenceKey) in GetActions(fixKind, diagnostic))
            {
                if (RequiresSemanticCheck(equivalenceKey))
                {
                    semanticModel ??= await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                    if (semanticModel is null || node is null || !IsOffered(equivalenceKey, diagnostic, node, semanticModel))
                    {
                        continue;
                    }
                }

                context.RegisterCodeFix(
                    CodeAction.Create(title + titleSuffix, cancellationToken => FixDocumentAsync(document, ImmutableArray.Create(diagnostic), equivalenceKey, cancellationToken), equivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>What the action will do, e.g. "Use 'await' instead of '.Result'".</summary>
    protected abstract string GetTitle(string fixKind, Diagnostic diagnostic);

    /// <summary>
    /// The actions offered for a diagnostic, each with its equivalence key: by default one, keyed by the rule ID so
    /// Fix All rewrites every form of the rule. A rule with alternative rewrites (GT0004: yield or offload) offers one
    /// action per rewrite, each with its own stable key.
    /// </summary>
    protected virtual IEnumerable<(string Title, string EquivalenceKey)> GetActions(string fixKind, Diagnostic diagnostic)
    {
        yield return (GetTitle(fixKind, diagnostic), DiagnosticId);
    }

    /// <summary>
    /// True when whether the action of <paramref name="equivalenceKey"/> applies to an occurrence is not settled by the
    /// diagnostic's properties, and <see cref="IsOffered"/> must be asked. By default every action in <see cref="GetActions"/> applies.
    /// </summary>
    protected virtual bool RequiresSemanticCheck(string equivalenceKey) => false;

    /// <summary>
    /// Whether the action applies to the reported <paramref name="node"/>, checked on the unchanged document's
    /// <paramref name="semanticModel"/>: for checks too costly to run in the analyzer for every report (GT0004's offload).
    /// Asked only for the keys for which <see cref="RequiresSemanticCheck"/> is true.
    /// </summary>
    protected virtual bool IsOffered(string equivalenceKey, Diagnostic diagnostic, SyntaxNode node, SemanticModel semanticModel) => true;

    /// <summary>Records the rewrite chosen by <paramref name="equivalenceKey"/>; by default there is only one.</summary>
    protected virtual void RegisterRewrite(DocumentEditor editor, SyntaxNode node, string fixKind, Diagnostic diagnostic, string equivalenceKey) =>
        RegisterRewrite(editor, node, fixKind, diagnostic);

    /// <summary>Records the rewrite of <paramref name="node"/> (the reported expression, or the statement whose keyword is reported) in <paramref name="editor"/>.</summary>
    protected abstract void RegisterRewrite(DocumentEditor editor, SyntaxNode node, string fixKind, Diagnostic diagnostic);

    internal async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;

        // Innermost first: a later (outer) rewrite then sees the inner one already applied in its current node.
        var ordered = diagnostics
            .Where(d => d.Location.IsInSource && d.Properties.ContainsKey(DiagnosticProperties.FixKind))
            .OrderByDescending(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Location.SourceSpan.Length);
        var conversions = new Dictionary<SyntaxNode, AsyncConversion?>();
        foreach (var diagnostic in ordered)
        {
            var fixKind = diagnostic.Properties[DiagnosticProperties.FixKind];
            var node = FindReportedNode(root, diagnostic);
            if (fixKind is null || !GetActions(fixKind, diagnostic).Any(action => action.EquivalenceKey == equivalenceKey)
                || (RequiresSemanticCheck(equivalenceKey) && !IsOffered(equivalenceKey, diagnostic, node, editor.SemanticModel)))
            {
                continue;
            }

            var function = AsyncConversion.FindFunction(node);
            if (!AsyncConversion.IsAsync(function))
            {
                if (!conversions.TryGetValue(function!, out var conversion))
                {
                    conversion = AsyncConversion.TryCreate(function!, editor.SemanticModel, cancellationToken);
                    conversions.Add(function!, conversion);
                }

                if (conversion is null)
                {
                    // The function cannot become async with certainty: leave this occurrence as it is.
                    continue;
                }
            }

            RegisterRewrite(editor, node, fixKind, diagnostic, equivalenceKey);
        }

        // Last, so each conversion sees the rewrites inside its function already applied; nested functions first.
        foreach (var pair in conversions.OrderBy(pair => pair.Key.Span.Length))
        {
            if (pair.Value is { } conversion)
            {
                editor.ReplaceNode(pair.Key, (current, _) => conversion.Apply(current));
            }
        }

        return editor.GetChangedDocument();
    }

    /// <summary>An expression is reported on its own span; a statement on its keyword (<c>using</c>): then the node is the token's parent.</summary>
    private static SyntaxNode FindReportedNode(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        return node.Span == span ? node : root.FindToken(span.Start).Parent ?? node;
    }

    private sealed class DocumentFixAllProvider : DocumentBasedFixAllProvider
    {
        private readonly GreedyTasksCodeFixProvider _provider;

        public DocumentFixAllProvider(GreedyTasksCodeFixProvider provider)
        {
            _provider = provider;
        }

        protected override string GetFixAllTitle(FixAllContext fixAllContext) => fixAllContext.CodeActionEquivalenceKey is { } key
            ? $"Fix all {key} occurrences"
            : base.GetFixAllTitle(fixAllContext);

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            return diagnostics.IsEmpty || fixAllContext.CodeActionEquivalenceKey is not { } key
                ? document
                : await _provider.FixDocumentAsync(document, diagnostics, key, fixAllContext.CancellationToken).ConfigureAwait(false);
        }
    }
}
