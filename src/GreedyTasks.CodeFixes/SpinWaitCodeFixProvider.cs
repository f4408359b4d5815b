using System.Composition;
using GreedyTasks.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace GreedyTasks.CodeFixes;

/// <summary>
/// GT0005 fixes: <c>while (!t.IsCompleted) { }</c> → <c>await t.ConfigureAwait(SuppressThrowing | ContinueOnCapturedContext);</c>
/// (.NET 8+; like the spin, it neither throws nor reads the result); other spin loops poll with
/// <c>await Task.Delay(1[, ct]);</c> as their body; <c>SpinWait.SpinUntil(() =&gt; c);</c> →
/// <c>while (!c) await Task.Delay(1[, ct]);</c>; a lone <c>Thread.Yield();</c>/<c>Thread.SpinWait(n);</c>/<c>SpinOnce();</c>
/// → <c>await Task.Yield();</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SpinWaitCodeFixProvider)), Shared]
public sealed class SpinWaitCodeFixProvider : GreedyTasksCodeFixProvider
{
    protected override string DiagnosticId => DiagnosticIds.SpinWait;

    protected override string GetTitle(string fixKind, Diagnostic diagnostic) => fixKind switch
    {
        DiagnosticProperties.FixKindAwaitCompletion => "Await the task without throwing",
        DiagnosticProperties.FixKindYield => "Use 'await Task.Yield()'",
        _ => "Poll with 'await Task.Delay(1)'",
    };

    protected override void RegisterRewrite(DocumentEditor editor, SyntaxNode node, string fixKind, Diagnostic diagnostic)
    {
        var compilation = editor.SemanticModel.Compilation;
        diagnostic.Properties.TryGetValue(DiagnosticProperties.CancellationToken, out var token);
        switch (fixKind)
        {
            case DiagnosticProperties.FixKindAwaitCompletion:
                var isTaskOfT = diagnostic.Properties.ContainsKey(DiagnosticProperties.TaskOfT);
                editor.ReplaceNode(node, (current, generator) => current is WhileStatementSyntax loop && CompletedTask(loop.Condition) is { } task
                    ? AwaitCompletion(loop, task, isTaskOfT, generator, compilation)
                    : current);
                break;
            case DiagnosticProperties.FixKindPollWithDelay:
                editor.ReplaceNode(node, (current, generator) => current switch
                {
                    WhileStatementSyntax whileLoop => whileLoop.WithStatement(DelayBlock(token, generator, compilation).WithTrailingTrivia(whileLoop.Statement.GetTrailingTrivia())),
                    DoStatementSyntax doLoop => doLoop.WithStatement(DelayBlock(token, generator, compilation)),
                    ForStatementSyntax forLoop => forLoop.WithStatement(DelayBlock(token, generator, compilation).WithTrailingTrivia(forLoop.Statement.GetTrailingTrivia())),
                    _ => current,
                });
                break;
            case DiagnosticProperties.FixKindSpinUntil when node.Parent is ExpressionStatementSyntax statement:
                editor.ReplaceNode(statement, (current, generator) => current is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation } spin
                    && invocation.ArgumentList.Arguments.Count == 1 && invocation.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax { Body: ExpressionSyntax condition }
                    ? SyntaxFactory.WhileStatement(
                            SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, SyntaxFactory.ParenthesizedExpression(condition.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation)),
                            DelayBlock(token, generator, compilation))
                        .WithTriviaFrom(spin)
                        .WithAdditionalAnnotations(Formatter.Annotation)
                    : current);
                break;
            case DiagnosticProperties.FixKindYield when node.Parent is ExpressionStatementSyntax statement:
                editor.ReplaceNode(statement, (current, generator) => SyntaxFactory.ExpressionStatement(Call(generator, compilation, "Yield")).WithTriviaFrom(current));
                break;
        }
    }

    /// <summary><c>t</c> in <c>!t.IsCompleted</c> or <c>t.IsCompleted == false</c>.</summary>
    private static ExpressionSyntax? CompletedTask(ExpressionSyntax condition)
    {
        // The analyzer sees through parentheses; so must the rewrite.
        condition = WithoutParentheses(condition);
        var isCompleted = condition switch
        {
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not => not.Operand,
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals => equals.Left,
            _ => null,
        };
        return isCompleted is not null && WithoutParentheses(isCompleted) is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsCompleted" } access ? access.Expression : null;
    }

    private static ExpressionSyntax WithoutParentheses(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static ExpressionStatementSyntax AwaitCompletion(WhileStatementSyntax loop, ExpressionSyntax task, bool isTaskOfT, SyntaxGenerator generator, Compilation compilation)
    {
        // SuppressThrowing is not supported on Task<TResult>: await it as a Task.
        var receiver = isTaskOfT
            ? SyntaxFactory.ParenthesizedExpression(SyntaxFactory.CastExpression((TypeSyntax)AwaitSyntax.TypeName(generator, compilation, "System.Threading.Tasks.Task"), task.WithoutTrivia()))
            : task.WithoutTrivia();
        // ContinueOnCapturedContext keeps the rest of the method where the spin ran (a UI thread stays a UI thread).
        var options = SyntaxFactory.BinaryExpression(
            SyntaxKind.BitwiseOrExpression,
            Option(generator, compilation, "SuppressThrowing"),
            Option(generator, compilation, "ContinueOnCapturedContext"));
        var configured = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("ConfigureAwait")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(options))));
        return SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(configured)).WithTriviaFrom(loop);
    }

    private static MemberAccessExpressionSyntax Option(SyntaxGenerator generator, Compilation compilation, string name) =>
        SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            AwaitSyntax.TypeName(generator, compilation, "System.Threading.Tasks.ConfigureAwaitOptions"),
            SyntaxFactory.IdentifierName(name));

    private static BlockSyntax DelayBlock(string? token, SyntaxGenerator generator, Compilation compilation)
    {
        var arguments = SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1))) });
        if (token is not null)
        {
            arguments = arguments.Add(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token)));
        }

        return SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(Call(generator, compilation, "Delay", arguments))).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static AwaitExpressionSyntax Call(SyntaxGenerator generator, Compilation compilation, string name, SeparatedSyntaxList<ArgumentSyntax> arguments = default) =>
        SyntaxFactory.AwaitExpression(SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, AwaitSyntax.TypeName(generator, compilation, "System.Threading.Tasks.Task"), SyntaxFactory.IdentifierName(name)),
            SyntaxFactory.ArgumentList(arguments)));
}
