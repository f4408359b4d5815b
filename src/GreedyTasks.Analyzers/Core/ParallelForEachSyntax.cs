using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// The curated pair <c>Parallel.ForEach(source[, options], item =&gt; body)</c> →
/// <c>await Parallel.ForEachAsync(source[, options], (item, _) =&gt; { body; return ValueTask.CompletedTask; })</c>.
/// The delegate changes shape (it takes a token and returns a ValueTask), so the name matcher rightly rejects the
/// pair and this rewrite handles it: a lambda with one untyped parameter and no <c>return</c> statement of its own;
/// an async lambda keeps its body (it already returns an awaitable; as an <c>Action</c> it was <c>async void</c>,
/// whose exceptions crash the process). The analyzer binds this syntax speculatively; the fix writes the same.
/// </summary>
internal static class ParallelForEachSyntax
{
    public static InvocationExpressionSyntax? Build(InvocationExpressionSyntax invocation, ExpressionSyntax completedValueTask)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count is < 2 or > 3 || invocation.Expression is not MemberAccessExpressionSyntax memberAccess)
        {
            return null;
        }

        var body = arguments[arguments.Count - 1];
        if (body.NameColon is not null || RewriteBody(body.Expression, completedValueTask) is not { } newBody)
        {
            return null;
        }

        var newArguments = arguments.Replace(body, body.WithExpression(newBody));
        return invocation
            .WithExpression(memberAccess.WithName(SyntaxFactory.IdentifierName("ForEachAsync").WithTriviaFrom(memberAccess.Name)))
            .WithArgumentList(invocation.ArgumentList.WithArguments(newArguments));
    }

    private static ParenthesizedLambdaExpressionSyntax? RewriteBody(ExpressionSyntax body, ExpressionSyntax completedValueTask)
    {
        var (asyncKeyword, parameter, lambdaBody) = body switch
        {
            SimpleLambdaExpressionSyntax simple => (simple.AsyncKeyword, simple.Parameter, simple.Body),
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => (parenthesized.AsyncKeyword, parenthesized.ParameterList.Parameters[0], parenthesized.Body),
            _ => (default(SyntaxToken), null, null),
        };
        if (parameter is null || lambdaBody is null || parameter.Type is not null || parameter.Modifiers.Count > 0 || parameter.Identifier.ValueText == "_")
        {
            return null;
        }

        var isAsync = asyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
        CSharpSyntaxNode newBody;
        if (isAsync)
        {
            newBody = lambdaBody;
        }
        else
        {
            var returnCompleted = SyntaxFactory.ReturnStatement(completedValueTask);
            switch (lambdaBody)
            {
                case BlockSyntax block when !HasOwnReturn(block):
                    newBody = block.AddStatements(returnCompleted);
                    break;
                case ExpressionSyntax expression:
                    newBody = SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(expression.WithoutTrivia()), returnCompleted);
                    break;
                default:
                    return null;
            }
        }

        var parameters = SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(new[]
        {
            SyntaxFactory.Parameter(parameter.Identifier.WithoutTrivia()),
            SyntaxFactory.Parameter(SyntaxFactory.Identifier("_")),
        }));
        var lambda = SyntaxFactory.ParenthesizedLambdaExpression(parameters, newBody);
        if (isAsync)
        {
            lambda = lambda.WithAsyncKeyword(asyncKeyword);
        }

        return lambda.WithTriviaFrom(body);
    }

    /// <summary>A <c>return</c> of the lambda itself (not of a nested function) would need rewriting too; such bodies get no fix.</summary>
    private static bool HasOwnReturn(BlockSyntax block)
    {
        foreach (var node in block.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ReturnStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }
}
