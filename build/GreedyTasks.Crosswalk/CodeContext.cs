using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GreedyTasks.Crosswalk;

/// <summary>
/// The kind of code a diagnostic sits in, judged from its innermost enclosing function. GreedyTasks reports only in
/// async code (by default); some peers also report elsewhere, and this is what tells those findings apart.
/// </summary>
internal enum CodeContext
{
    /// <summary>An async method, local function, lambda or anonymous method.</summary>
    Async,

    /// <summary>Top-level statements (async code for GreedyTasks only when they contain an await).</summary>
    TopLevel,

    /// <summary>A non-async method or local function that returns Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.</summary>
    TaskReturning,

    /// <summary>Any other function: a synchronous method, accessor, constructor, or a synchronous lambda.</summary>
    Synchronous,

    /// <summary>Outside any function body (a field initializer, an attribute).</summary>
    Other,
}

internal static class CodeContexts
{
    public static CodeContext Of(SyntaxNode node, SemanticModel model)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) ? CodeContext.Async : CodeContext.Synchronous;
                case LocalFunctionStatementSyntax local:
                    return OfMethod(local.Modifiers, model.GetDeclaredSymbol(local) as IMethodSymbol);
                case MethodDeclarationSyntax method:
                    return OfMethod(method.Modifiers, model.GetDeclaredSymbol(method));
                case AccessorDeclarationSyntax:
                case ConstructorDeclarationSyntax:
                case DestructorDeclarationSyntax:
                case OperatorDeclarationSyntax:
                case ConversionOperatorDeclarationSyntax:
                    return CodeContext.Synchronous;
                case GlobalStatementSyntax:
                    return CodeContext.TopLevel;
                case BaseTypeDeclarationSyntax:
                    return CodeContext.Other;
            }
        }

        return CodeContext.Other;
    }

    public static string Describe(CodeContext context) => context switch
    {
        CodeContext.Async => "async code",
        CodeContext.TopLevel => "top-level statements",
        CodeContext.TaskReturning => "non-async Task-returning method",
        CodeContext.Synchronous => "synchronous code",
        _ => "outside a function",
    };

    private static CodeContext OfMethod(SyntaxTokenList modifiers, IMethodSymbol? symbol)
    {
        if (modifiers.Any(SyntaxKind.AsyncKeyword))
        {
            return CodeContext.Async;
        }

        return symbol is not null && IsTaskLike(symbol.ReturnType) ? CodeContext.TaskReturning : CodeContext.Synchronous;
    }

    private static bool IsTaskLike(ITypeSymbol type) =>
        type.Name is "Task" or "ValueTask"
        && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";
}
