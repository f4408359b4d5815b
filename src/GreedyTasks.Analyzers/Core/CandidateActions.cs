using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// How the rules receive their input: a syntax-node action per candidate kind, a syntactic pre-filter, and only then
/// the node's <see cref="IOperation"/>, handed to the rule in a <see cref="CandidateOperationContext"/>.
/// </summary>
/// <remarks>
/// Why not <c>RegisterOperationAction</c>: as soon as one analyzer registers an operation action, the analyzer driver
/// builds the IOperation tree of every member of every file, whether or not a rule can report there. Measured with the
/// benchmark (docs/performance.md, "Syntax pre-filters"), those trees were about a third of what a build allocated for
/// GreedyTasks. Here the tree of a member is built only when a node in it survives the pre-filters (a call named like a
/// blocking method of the right type, a loop without an <c>await</c>, in a function with the <c>async</c> modifier);
/// the rules then run exactly as they would in an operation action. The pre-filters only ever say "cannot be
/// reported"; CandidateFilterTests holds the shapes they could get wrong.
/// </remarks>
internal static class CandidateActions
{
    /// <summary>
    /// Calls the action for each <see cref="IInvocationOperation"/> in code that may be async, written as a call named
    /// so that <paramref name="isCandidateName"/> accepts it, to a method <paramref name="isCandidateMethod"/> accepts
    /// (asked of the symbol, so that a LINQ <c>Take</c> never builds the tree a <c>BlockingCollection.Take</c> needs).
    /// </summary>
    public static void RegisterInvocationAction(this CompilationStartAnalysisContext context, GreedyTasksOptions options, Func<string, bool> isCandidateName, Func<IMethodSymbol, bool> isCandidateMethod, Action<CandidateOperationContext> action)
    {
        var graphs = new ControlFlowGraphCache();
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var invocation = (InvocationExpressionSyntax)c.Node;
                var name = CandidateSyntax.InvokedName(invocation);
                if ((name is null || isCandidateName(name))
                    && CandidateSyntax.MayBeAsyncCode(invocation, options)
                    && (c.SemanticModel.GetSymbolInfo(invocation, c.CancellationToken).Symbol is not IMethodSymbol method || isCandidateMethod(method)))
                {
                    Dispatch<IInvocationOperation>(c, invocation, graphs, action);
                }
            },
            SyntaxKind.InvocationExpression);
    }

    /// <summary>Calls the action for each <see cref="ILoopOperation"/> that may be greedy or spin (<see cref="CandidateSyntax.MayBeGreedyOrSpinLoop"/>), in code that may be async, whose loop has no <c>await</c> (nor <c>yield return</c>) of its own.</summary>
    public static void RegisterLoopAction(this CompilationStartAnalysisContext context, GreedyTasksOptions options, Action<CandidateOperationContext> action)
    {
        var graphs = new ControlFlowGraphCache();
        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (CandidateSyntax.MayBeGreedyOrSpinLoop(c.Node) && CandidateSyntax.MayBeAsyncCode(c.Node, options) && !CandidateSyntax.HasCooperativePoint(c.Node))
                {
                    Dispatch<ILoopOperation>(c, c.Node, graphs, action);
                }
            },
            SyntaxKind.WhileStatement,
            SyntaxKind.DoStatement,
            SyntaxKind.ForStatement,
            SyntaxKind.ForEachStatement,
            SyntaxKind.ForEachVariableStatement);
    }

    /// <summary>Calls the action for each <see cref="IPropertyReferenceOperation"/> of a property named <paramref name="propertyName"/> that <paramref name="isCandidateProperty"/> accepts, in code that may be async (<c>x.P</c>, <c>x?.P</c>, <c>{ P: … }</c>, or <c>P</c> alone).</summary>
    public static void RegisterPropertyReferenceAction(this CompilationStartAnalysisContext context, GreedyTasksOptions options, string propertyName, Func<IPropertySymbol, bool> isCandidateProperty, Action<CandidateOperationContext> action)
    {
        var graphs = new ControlFlowGraphCache();
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var name = (IdentifierNameSyntax)c.Node;
                if (name.Identifier.ValueText != propertyName)
                {
                    return;
                }

                // The reference is the member access or member binding the name ends, or the name itself.
                var reference = name.Parent switch
                {
                    MemberAccessExpressionSyntax access when access.Name == name => access,
                    MemberBindingExpressionSyntax binding when binding.Name == name => binding,
                    _ => (SyntaxNode)name,
                };
                if (CandidateSyntax.MayBeAsyncCode(reference, options)
                    && (c.SemanticModel.GetSymbolInfo(reference, c.CancellationToken).Symbol is not IPropertySymbol property || isCandidateProperty(property)))
                {
                    Dispatch<IPropertyReferenceOperation>(c, reference, graphs, action);
                }
            },
            SyntaxKind.IdentifierName);
    }

    /// <summary>Calls the action for each synchronous <see cref="IUsingOperation"/> and <see cref="IUsingDeclarationOperation"/> in code that may be async.</summary>
    public static void RegisterUsingAction(this CompilationStartAnalysisContext context, GreedyTasksOptions options, Action<CandidateOperationContext> action)
    {
        var graphs = new ControlFlowGraphCache();
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var isCandidate = c.Node switch
                {
                    UsingStatementSyntax statement => !statement.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword),
                    LocalDeclarationStatementSyntax declaration => declaration.UsingKeyword.IsKind(SyntaxKind.UsingKeyword) && !declaration.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword),
                    _ => false,
                };
                if (isCandidate && CandidateSyntax.MayBeAsyncCode(c.Node, options))
                {
                    Dispatch<IOperation>(c, c.Node, graphs, action);
                }
            },
            SyntaxKind.UsingStatement,
            SyntaxKind.LocalDeclarationStatement);
    }

    /// <summary>Hands the operation of <paramref name="node"/> to <paramref name="action"/> when it is a <typeparamref name="TOperation"/>.</summary>
    public static void Dispatch<TOperation>(in SyntaxNodeAnalysisContext context, SyntaxNode node, ControlFlowGraphCache graphs, Action<CandidateOperationContext> action)
        where TOperation : class, IOperation
    {
        if (context.ContainingSymbol is null || context.SemanticModel.GetOperation(node, context.CancellationToken) is not TOperation operation)
        {
            return;
        }

        action(new CandidateOperationContext(operation, context, graphs));
    }
}
