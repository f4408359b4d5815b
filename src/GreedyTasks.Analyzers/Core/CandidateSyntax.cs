using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Syntactic pre-filters that decide, from the syntax tree alone, that a node cannot be reported, so that no semantic
/// question is asked about it and no operation tree is built for its member (see <see cref="CandidateActions"/>). Each
/// answer errs on the side of "may be": the rules' own operation-based checks make the decision.
/// </summary>
internal static class CandidateSyntax
{
    /// <summary>
    /// False when <paramref name="node"/> is certainly not async code as <see cref="AsyncCodeContext"/> defines it: its
    /// innermost function (lambda, anonymous method, local function or method) has no <c>async</c> modifier, or it sits
    /// in a member that cannot be async (an accessor, a constructor, an initializer). With
    /// <c>greedy_tasks.task_returning_methods</c> on, a function without the modifier may count, so every node may.
    /// </summary>
    public static bool MayBeAsyncCode(SyntaxNode node, GreedyTasksOptions options)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax function:
                    return function.Modifiers.Any(SyntaxKind.AsyncKeyword) || TaskReturningMethods(node, options);
                case LocalFunctionStatementSyntax localFunction:
                    return localFunction.Modifiers.Any(SyntaxKind.AsyncKeyword) || TaskReturningMethods(node, options);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword) || TaskReturningMethods(node, options);
                case GlobalStatementSyntax:
                    // Top-level statements are async when they contain an await anywhere: the semantic check decides.
                    return true;
                case MemberDeclarationSyntax:
                    // Accessors, constructors, operators, initializers: never async, and never made async by the option.
                    return false;
            }
        }

        return false;
    }

    /// <summary>The simple name a call is written with (<c>Wait</c> in <c>t.Wait()</c>, <c>t?.Wait()</c>, <c>Wait&lt;T&gt;()</c>), or null when the syntax does not tell.</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation)
    {
        return invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>
    /// True when the loop statement contains, outside nested lambdas and local functions, a point that gives the thread
    /// back (<c>await</c>, <c>await foreach</c>, <c>await using</c>, <c>yield return</c>): the syntactic form of
    /// <see cref="LoopFacts.HasCooperativePoint"/>. Such a loop is neither greedy (GT0004) nor a spin (GT0005).
    /// </summary>
    public static bool HasCooperativePoint(SyntaxNode loop)
    {
        foreach (var node in loop.DescendantNodes(descendIntoChildren: static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            switch (node)
            {
                case AwaitExpressionSyntax:
                case YieldStatementSyntax yield when yield.IsKind(SyntaxKind.YieldReturnStatement):
                case CommonForEachStatementSyntax forEach when forEach.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword):
                case UsingStatementSyntax usingStatement when usingStatement.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword):
                case LocalDeclarationStatementSyntax declaration when declaration.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False for a <c>foreach</c> that neither GT0004 nor GT0005 can report: one over anything but <c>Enumerable.Range</c>
    /// (a counted loop) with no loop nested in its body (a cross product). Spin loops are <c>while</c>, <c>do</c> and
    /// <c>for</c> loops only. Every other loop statement may be reported.
    /// </summary>
    public static bool MayBeGreedyOrSpinLoop(SyntaxNode loop)
    {
        if (loop is not CommonForEachStatementSyntax forEach)
        {
            return true;
        }

        var collection = forEach.Expression;
        while (collection is ParenthesizedExpressionSyntax parenthesized)
        {
            collection = parenthesized.Expression;
        }

        if (collection is InvocationExpressionSyntax invocation && InvokedName(invocation) == "Range")
        {
            return true;
        }

        foreach (var node in forEach.Statement.DescendantNodesAndSelf(descendIntoChildren: static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TaskReturningMethods(SyntaxNode node, GreedyTasksOptions options) => options.For(node.SyntaxTree).TaskReturningMethods;
}
