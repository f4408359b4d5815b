using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Decides whether a fix may put an <c>await</c> where an operation stands. Beyond what
/// <see cref="AsyncCodeContext"/> knows (lock bodies, catch filters), an await is illegal in an unsafe context
/// (CS4004) and breaks a function that keeps ref locals or ref struct locals (CS4007/CS8178/CS4013 when they live
/// across the await). Those cases are rare, so the check is conservative: any such local in the function means
/// no fix. Called only for operations that are reported.
/// </summary>
internal static class AwaitPlacement
{
    public static bool CanInsertAwait(IOperation operation, in AsyncCodeContext context)
    {
        return context.AllowsAwait && !IsInUnsafeContext(operation.Syntax) && !FunctionHasRefLocals(operation, context);
    }

    private static bool IsInUnsafeContext(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case UnsafeStatementSyntax:
                case FixedStatementSyntax:
                    return true;
                case MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.UnsafeKeyword):
                    return true;
                case LocalFunctionStatementSyntax localFunction when localFunction.Modifiers.Any(SyntaxKind.UnsafeKeyword):
                    return true;
            }
        }

        return false;
    }

    private static bool FunctionHasRefLocals(IOperation operation, in AsyncCodeContext context)
    {
        var body = context.FunctionBody(operation);
        foreach (var descendant in body.Descendants())
        {
            if (descendant is IVariableDeclaratorOperation declarator && (declarator.Symbol.IsRef || declarator.Symbol.Type.IsRefLikeType))
            {
                return true;
            }
        }

        return false;
    }
}
