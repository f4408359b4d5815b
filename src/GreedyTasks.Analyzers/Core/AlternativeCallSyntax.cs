using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Builds the call to an async alternative from the synchronous call: same receiver, same type arguments, same
/// arguments in the same order, the member renamed, and the <c>CancellationToken</c> in scope appended. The analyzer
/// binds exactly this syntax speculatively before it reports, and the code fix writes exactly this syntax, so what
/// was checked is what the user gets.
/// </summary>
internal static class AlternativeCallSyntax
{
    /// <summary>The rewritten call, or null when the invoked expression has a shape this rewrite does not handle.</summary>
    public static InvocationExpressionSyntax? Build(InvocationExpressionSyntax invocation, string alternativeName, string? tokenName, string? tokenParameterName)
    {
        ExpressionSyntax? renamed = invocation.Expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.WithName(Rename(memberAccess.Name, alternativeName)),
            SimpleNameSyntax name => Rename(name, alternativeName),
            _ => null,
        };
        if (renamed is null)
        {
            return null;
        }

        var arguments = invocation.ArgumentList;
        if (tokenName is not null)
        {
            var token = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(tokenName));
            if (tokenParameterName is not null)
            {
                token = token.WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(tokenParameterName)));
            }

            arguments = arguments.WithArguments(arguments.Arguments.Add(token));
        }

        return invocation.WithExpression(renamed).WithArgumentList(arguments);
    }

    private static SimpleNameSyntax Rename(SimpleNameSyntax name, string newName)
    {
        var identifier = SyntaxFactory.Identifier(newName).WithTriviaFrom(name.Identifier);
        return name is GenericNameSyntax generic ? generic.WithIdentifier(identifier) : SyntaxFactory.IdentifierName(identifier);
    }
}
