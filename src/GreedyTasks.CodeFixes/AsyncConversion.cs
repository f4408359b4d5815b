using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using GreedyTasks.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace GreedyTasks.CodeFixes;

/// <summary>
/// Makes a non-<c>async</c> function that returns <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or
/// <c>ValueTask&lt;T&gt;</c> <c>async</c>, for fixes that put an <c>await</c> in it (which they do only with
/// <c>greedy_tasks.task_returning_methods = true</c>). The signature stays as it is; every return of the function
/// itself (not of functions nested in it) is rewritten so it means the same in an async body:
/// <c>return Task.FromResult(x);</c> → <c>return x;</c>, <c>return Task.CompletedTask;</c> → <c>return;</c> (or
/// nothing at the end), and a returned task → <c>return await t;</c> (<c>await t; return;</c> for a non-generic task).
/// </summary>
/// <remarks>
/// The plan is made on the original tree with the semantic model; <see cref="Apply"/> runs on the function after the
/// fix's own edits, which never add or remove a return, so the returns match by order. When any return cannot be
/// rewritten with certainty (a <c>null</c> task, a conversion), or the function cannot be <c>async</c> (<c>ref</c>,
/// <c>out</c>, <c>in</c> or ref struct parameters, unsafe code), there is no plan and the fix is not offered. An
/// override or interface implementation keeps its signature, so it converts like any other method.
/// </remarks>
internal sealed class AsyncConversion
{
    private enum ReturnRewrite
    {
        /// <summary><c>Task.FromResult(x)</c>, <c>ValueTask.FromResult(x)</c>, <c>new ValueTask&lt;T&gt;(x)</c> → <c>x</c>.</summary>
        Unwrap,

        /// <summary>A returned <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c> → <c>await t</c>.</summary>
        Await,

        /// <summary>A returned non-generic task → <c>await t;</c> then <c>return;</c> (nothing more at the end of the body).</summary>
        AwaitThenReturn,

        /// <summary><c>Task.CompletedTask</c>, <c>default(ValueTask)</c>, <c>new ValueTask()</c> → <c>return;</c> (nothing at the end of the body).</summary>
        Drop,

        /// <summary><c>default(ValueTask&lt;T&gt;)</c> → <c>default</c>, which in an async body is <c>default(T)</c>: the same result.</summary>
        DefaultResult,
    }

    private readonly ImmutableArray<ReturnRewrite> _returns;

    private AsyncConversion(ImmutableArray<ReturnRewrite> returns)
    {
        _returns = returns;
    }

    /// <summary>The function <paramref name="node"/> runs in: a method, local function, lambda or anonymous method; null inside accessors, constructors and other members that cannot be async.</summary>
    public static SyntaxNode? FindFunction(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                case MethodDeclarationSyntax:
                    return current;
                case MemberDeclarationSyntax:
                case AccessorDeclarationSyntax:
                case CompilationUnitSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="function"/> is already <c>async</c> (or is top-level code, which needs no conversion).</summary>
    public static bool IsAsync(SyntaxNode? function) => function is null || Modifiers(function).Any(SyntaxKind.AsyncKeyword);

    /// <summary>A short description of the function for fix titles: <c>'Load'</c> or "the lambda".</summary>
    public static string Describe(SyntaxNode function) => function switch
    {
        MethodDeclarationSyntax method => $"'{method.Identifier.ValueText}'",
        LocalFunctionStatementSyntax localFunction => $"'{localFunction.Identifier.ValueText}'",
        AnonymousMethodExpressionSyntax => "the anonymous method",
        _ => "the lambda",
    };

    /// <summary>Plans the conversion of <paramref name="function"/>; null when it cannot be made async with certainty.</summary>
    public static AsyncConversion? TryCreate(SyntaxNode function, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var symbol = function is AnonymousFunctionExpressionSyntax
            ? semanticModel.GetSymbolInfo(function, cancellationToken).Symbol as IMethodSymbol
            : semanticModel.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol;
        var symbols = WellKnownSymbols.TryCreate(semanticModel.Compilation);
        if (symbol is null || symbol.IsAsync || symbols is null || !symbols.IsTaskOrValueTask(symbol.ReturnType) || symbol.ReturnType is not INamedTypeSymbol returnType
            || symbol.ReturnsByRef || symbol.ReturnsByRefReadonly)
        {
            return null;
        }

        foreach (var parameter in symbol.Parameters)
        {
            // CS1988 (ref, out, in) and CS4012 (ref structs) in async methods; pointers need an unsafe context.
            if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType || parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                return null;
            }
        }

        var (block, expressionBody) = Body(function);
        if (block is null && expressionBody is null)
        {
            return null;
        }

        if (function.DescendantNodes().Any(n => n is UnsafeStatementSyntax or FixedStatementSyntax))
        {
            return null;
        }

        var returns = ImmutableArray.CreateBuilder<ReturnRewrite>();
        if (expressionBody is not null)
        {
            // '=> Task.CompletedTask' holds nothing a fix could rewrite, so it never needs converting.
            var rewrite = Classify(expressionBody, returnType, symbols, semanticModel, cancellationToken);
            if (rewrite is null or ReturnRewrite.Drop)
            {
                return null;
            }

            returns.Add(rewrite.Value);
        }
        else
        {
            foreach (var returnStatement in OwnReturns(block!))
            {
                var rewrite = returnStatement.Expression is null ? null : Classify(returnStatement.Expression, returnType, symbols, semanticModel, cancellationToken);

                // 'return await t;' inside a lock does not compile (CS1996); unwrapping or dropping a result does.
                if (rewrite is null || (rewrite is ReturnRewrite.Await or ReturnRewrite.AwaitThenReturn && IsInLock(returnStatement, block!)))
                {
                    return null;
                }

                returns.Add(rewrite.Value);
            }
        }

        return new AsyncConversion(returns.ToImmutable());
    }

    /// <summary>
    /// Converts <paramref name="current"/> (the planned function, with the fix's own edits already applied): adds
    /// <c>async</c> and rewrites the returns. Returns <paramref name="current"/> unchanged if its returns no longer
    /// match the plan.
    /// </summary>
    public SyntaxNode Apply(SyntaxNode current)
    {
        var (block, expressionBody) = Body(current);
        SyntaxNode converted;
        if (expressionBody is not null)
        {
            if (_returns.Length != 1)
            {
                return current;
            }

            converted = current.ReplaceNode(expressionBody, RewriteExpressionBody(expressionBody, _returns[0]));
        }
        else if (block is not null)
        {
            var ownReturns = OwnReturns(block).ToList();
            if (ownReturns.Count != _returns.Length)
            {
                return current;
            }

            var rewrites = new Dictionary<ReturnStatementSyntax, ReturnRewrite>();
            for (var i = 0; i < ownReturns.Count; i++)
            {
                rewrites.Add(ownReturns[i], _returns[i]);
            }

            converted = current.ReplaceNode(block, new ReturnRewriter(rewrites, block).Visit(block));
        }
        else
        {
            return current;
        }

        return WithAsyncModifier(converted);
    }

    private static ReturnRewrite? Classify(ExpressionSyntax expression, INamedTypeSymbol returnType, WellKnownSymbols symbols, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var operation = semanticModel.GetOperation(expression, cancellationToken);
        if (operation is null)
        {
            return null;
        }

        var value = operation.WalkDownConversion();
        if (!returnType.IsGenericType)
        {
            if (IsCompletedTask(value, symbols))
            {
                return ReturnRewrite.Drop;
            }

            // Awaiting a Task<T> in a method that returns Task discards the result, as returning it did.
            return symbols.IsTaskLike(value.Type) ? ReturnRewrite.AwaitThenReturn : null;
        }

        if (value is IInvocationOperation { TargetMethod: { Name: "FromResult", IsStatic: true } fromResult, Arguments.Length: 1 }
            && (SymbolEqualityComparer.Default.Equals(fromResult.ContainingType, symbols.Task) || SymbolEqualityComparer.Default.Equals(fromResult.ContainingType, symbols.ValueTask))
            && SymbolEqualityComparer.Default.Equals(value.Type, returnType))
        {
            return ReturnRewrite.Unwrap;
        }

        if (value is IObjectCreationOperation { Constructor.Parameters.Length: 1 } creation && symbols.IsValueTask(returnType)
            && SymbolEqualityComparer.Default.Equals(creation.Type, returnType)
            && SymbolEqualityComparer.Default.Equals(creation.Constructor.Parameters[0].Type, returnType.TypeArguments[0]))
        {
            return ReturnRewrite.Unwrap;
        }

        if (value is IDefaultValueOperation && symbols.IsValueTask(returnType))
        {
            return ReturnRewrite.DefaultResult;
        }

        // Only the task type itself: 'return await t' must produce the same T the method returned a task of.
        return SymbolEqualityComparer.Default.Equals(value.Type, returnType) && value.ConstantValue is not { HasValue: true } ? ReturnRewrite.Await : null;
    }

    private static bool IsCompletedTask(IOperation value, WellKnownSymbols symbols)
    {
        return value switch
        {
            IPropertyReferenceOperation { Property: { Name: "CompletedTask", IsStatic: true } property } =>
                SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.Task) || SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.ValueTask),
            IDefaultValueOperation defaultValue => SymbolEqualityComparer.Default.Equals(defaultValue.Type, symbols.ValueTask),
            IObjectCreationOperation { Arguments.Length: 0, Initializer: null } creation => SymbolEqualityComparer.Default.Equals(creation.Type, symbols.ValueTask),
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="node"/> sits in the body of a <c>lock</c> statement inside <paramref name="body"/>.</summary>
    private static bool IsInLock(SyntaxNode node, BlockSyntax body)
    {
        for (var current = node.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current is LockStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The returns of the function itself, in document order; returns of nested lambdas and local functions belong to them.</summary>
    private static IEnumerable<ReturnStatementSyntax> OwnReturns(BlockSyntax body) =>
        body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<ReturnStatementSyntax>();

    private static (BlockSyntax? Block, ExpressionSyntax? ExpressionBody) Body(SyntaxNode function) => function switch
    {
        MethodDeclarationSyntax method => (method.Body, method.ExpressionBody?.Expression),
        LocalFunctionStatementSyntax localFunction => (localFunction.Body, localFunction.ExpressionBody?.Expression),
        AnonymousFunctionExpressionSyntax anonymous => (anonymous.Block, anonymous.ExpressionBody),
        _ => (null, null),
    };

    private static SyntaxTokenList Modifiers(SyntaxNode function) => function switch
    {
        MethodDeclarationSyntax method => method.Modifiers,
        LocalFunctionStatementSyntax localFunction => localFunction.Modifiers,
        AnonymousFunctionExpressionSyntax anonymous => anonymous.Modifiers,
        _ => default,
    };

    private static ExpressionSyntax RewriteExpressionBody(ExpressionSyntax expression, ReturnRewrite rewrite) => rewrite switch
    {
        ReturnRewrite.Unwrap => Unwrap(expression),
        ReturnRewrite.DefaultResult => SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression).WithTriviaFrom(expression),
        _ => AwaitOperand(expression).WithTriviaFrom(expression),
    };

    /// <summary><c>Task.FromResult(x)</c> → <c>x</c>; anything else (which the plan did not expect) is awaited, which is also correct.</summary>
    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        var inner = expression;
        while (inner is ParenthesizedExpressionSyntax parenthesized)
        {
            inner = parenthesized.Expression;
        }

        var arguments = inner switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
            _ => null,
        };
        return arguments is { Arguments.Count: 1 }
            ? arguments.Arguments[0].Expression.WithTriviaFrom(expression)
            : AwaitOperand(expression).WithTriviaFrom(expression);
    }

    /// <summary><c>await operand</c>, with the operand parenthesised when it is not a primary expression (<c>await (a ? b : c)</c>); the simplifier drops parentheses that are not needed.</summary>
    private static ParenthesizedExpressionSyntax AwaitOperand(ExpressionSyntax operand)
    {
        var parenthesized = SyntaxFactory.ParenthesizedExpression(operand.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation);
        return SyntaxFactory.ParenthesizedExpression(SyntaxFactory.AwaitExpression(parenthesized)).WithAdditionalAnnotations(Simplifier.Annotation);
    }

    /// <summary>Adds <c>async</c> after the existing modifiers (<c>public static async Task</c>), or first, taking over the leading trivia of what came first.</summary>
    private static SyntaxNode WithAsyncModifier(SyntaxNode function)
    {
        var modifiers = Modifiers(function);
        var asyncKeyword = SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (modifiers.Count == 0)
        {
            var first = function switch
            {
                MethodDeclarationSyntax method => method.ReturnType.GetFirstToken(),
                LocalFunctionStatementSyntax localFunction => localFunction.ReturnType.GetFirstToken(),
                ParenthesizedLambdaExpressionSyntax lambda => (lambda.ReturnType ?? (SyntaxNode)lambda.ParameterList).GetFirstToken(),
                SimpleLambdaExpressionSyntax lambda => lambda.Parameter.GetFirstToken(),
                AnonymousMethodExpressionSyntax anonymous => anonymous.DelegateKeyword,
                _ => default,
            };
            asyncKeyword = asyncKeyword.WithLeadingTrivia(first.LeadingTrivia);
            function = function.ReplaceToken(first, first.WithLeadingTrivia());
        }

        var newModifiers = Modifiers(function).Add(asyncKeyword);
        return function switch
        {
            MethodDeclarationSyntax method => method.WithModifiers(newModifiers),
            LocalFunctionStatementSyntax localFunction => localFunction.WithModifiers(newModifiers),
            AnonymousFunctionExpressionSyntax anonymous => anonymous.WithModifiers(newModifiers),
            _ => function,
        };
    }

    /// <summary>Rewrites the planned returns of one body; nested functions are left alone (their returns are theirs).</summary>
    private sealed class ReturnRewriter : CSharpSyntaxRewriter
    {
        private readonly Dictionary<ReturnStatementSyntax, ReturnRewrite> _rewrites;
        private readonly BlockSyntax _body;

        public ReturnRewriter(Dictionary<ReturnStatementSyntax, ReturnRewrite> rewrites, BlockSyntax body)
        {
            _rewrites = rewrites;
            _body = body;
        }

        public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) => node;

        public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) => node;

        public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) => node;

        public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) => node;

        public override SyntaxNode? VisitBlock(BlockSyntax node) => node.WithStatements(RewriteList(node.Statements, isFunctionBody: node == _body));

        public override SyntaxNode? VisitSwitchSection(SwitchSectionSyntax node) => node.WithStatements(RewriteList(node.Statements, isFunctionBody: false));

        /// <summary>A return that is not in a statement list (<c>if (x) return t;</c>) becomes a block when it turns into two statements.</summary>
        public override SyntaxNode? VisitReturnStatement(ReturnStatementSyntax node)
        {
            if (!_rewrites.TryGetValue(node, out var rewrite))
            {
                return base.VisitReturnStatement(node);
            }

            var statements = Rewrite(node, rewrite, isLast: false);
            return statements.Count == 1 ? statements[0] : SyntaxFactory.Block(statements).WithAdditionalAnnotations(Formatter.Annotation);
        }

        private SyntaxList<StatementSyntax> RewriteList(SyntaxList<StatementSyntax> statements, bool isFunctionBody)
        {
            var result = new List<StatementSyntax>(statements.Count + 1);
            for (var i = 0; i < statements.Count; i++)
            {
                if (statements[i] is ReturnStatementSyntax returnStatement && _rewrites.TryGetValue(returnStatement, out var rewrite))
                {
                    result.AddRange(Rewrite(returnStatement, rewrite, isLast: isFunctionBody && i == statements.Count - 1));
                }
                else
                {
                    result.Add((StatementSyntax)Visit(statements[i]));
                }
            }

            return SyntaxFactory.List(result);
        }

        private static List<StatementSyntax> Rewrite(ReturnStatementSyntax node, ReturnRewrite rewrite, bool isLast)
        {
            var expression = node.Expression!;
            switch (rewrite)
            {
                case ReturnRewrite.Drop:
                    return isLast ? new List<StatementSyntax>() : new List<StatementSyntax> { SyntaxFactory.ReturnStatement().WithTriviaFrom(node) };
                case ReturnRewrite.AwaitThenReturn:
                    var awaitStatement = SyntaxFactory.ExpressionStatement(AwaitOperand(expression));
                    return isLast
                        ? new List<StatementSyntax> { awaitStatement.WithTriviaFrom(node) }
                        : new List<StatementSyntax>
                        {
                            awaitStatement.WithLeadingTrivia(node.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation),
                            SyntaxFactory.ReturnStatement().WithTrailingTrivia(node.GetTrailingTrivia()).WithAdditionalAnnotations(Formatter.Annotation),
                        };
                default:
                    return new List<StatementSyntax> { node.WithExpression(RewriteExpressionBody(expression, rewrite)) };
            }
        }
    }
}
