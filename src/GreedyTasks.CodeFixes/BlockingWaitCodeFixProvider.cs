using System.Composition;
using GreedyTasks.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace GreedyTasks.CodeFixes;

/// <summary>
/// GT0001 fixes: <c>t.Result</c>, <c>t.Wait()</c>, <c>t.GetAwaiter().GetResult()</c> → <c>await t</c>;
/// <c>t.Wait(ct)</c>/<c>t.Wait(timeout)</c> → <c>await t.WaitAsync(…)</c>; <c>Task.WaitAll</c> → <c>await Task.WhenAll</c>;
/// <c>Task.WaitAny</c> → <c>await Task.WhenAny</c>, or <c>Array.IndexOf(tasks, await Task.WhenAny(tasks))</c> where the index is used.
/// The analyzer decides which (see <see cref="DiagnosticProperties"/>); a diagnostic it marks unfixable gets no action.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingWaitCodeFixProvider)), Shared]
public sealed class BlockingWaitCodeFixProvider : GreedyTasksCodeFixProvider
{
    protected override string DiagnosticId => DiagnosticIds.BlockingWait;

    protected override string GetTitle(string fixKind, Diagnostic diagnostic)
    {
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Member, out var member);
        return fixKind switch
        {
            DiagnosticProperties.FixKindWaitAsync => "Use 'await WaitAsync(…)' instead of '.Wait(…)'",
            DiagnosticProperties.FixKindWhenAll => "Use 'await Task.WhenAll' instead of 'Task.WaitAll'",
            DiagnosticProperties.FixKindWhenAny or DiagnosticProperties.FixKindWhenAnyIndex => "Use 'await Task.WhenAny' instead of 'Task.WaitAny'",
            _ => member switch
            {
                "Wait" => "Use 'await' instead of '.Wait()'",
                "GetResult" => "Use 'await' instead of '.GetAwaiter().GetResult()'",
                _ => "Use 'await' instead of '.Result'",
            },
        };
    }

    protected override void RegisterRewrite(DocumentEditor editor, SyntaxNode node, string fixKind, Diagnostic diagnostic)
    {
        var compilation = editor.SemanticModel.Compilation;
        switch (fixKind)
        {
            case DiagnosticProperties.FixKindAwait:
                editor.ReplaceNode(node, (current, _) => AwaitableOf(current) is { } awaitable ? AwaitSyntax.Await(awaitable, current) : current);
                break;
            case DiagnosticProperties.FixKindWaitAsync:
                var inMilliseconds = diagnostic.Properties.ContainsKey(DiagnosticProperties.TimeoutInMilliseconds);
                editor.ReplaceNode(node, (current, generator) => RewriteWaitAsync(current, inMilliseconds, generator, compilation) ?? current);
                break;
            case DiagnosticProperties.FixKindWhenAll:
            case DiagnosticProperties.FixKindWhenAny:
                var newName = fixKind == DiagnosticProperties.FixKindWhenAll ? "WhenAll" : "WhenAny";
                editor.ReplaceNode(node, (current, _) => current is InvocationExpressionSyntax invocation && AwaitSyntax.RenameInvokedMember(invocation, newName) is { } renamed
                    ? AwaitSyntax.Await(renamed, current)
                    : current);
                break;
            case DiagnosticProperties.FixKindWhenAnyIndex:
                var asParams = diagnostic.Properties.ContainsKey(DiagnosticProperties.TasksAsParams);
                editor.ReplaceNode(node, (current, generator) => RewriteWhenAnyIndex(current, asParams, generator, compilation) ?? current);
                break;
        }
    }

    /// <summary>The awaitable in <c>x.Result</c>, <c>x.Wait()</c> or <c>x.GetAwaiter().GetResult()</c>: <c>x</c>.</summary>
    private static ExpressionSyntax? AwaitableOf(SyntaxNode node)
    {
        switch (node)
        {
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } result:
                return result.Expression;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" } wait }:
                return wait.Expression;
            case InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax
                {
                    Name.Identifier.ValueText: "GetResult",
                    Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } getAwaiter }
                }
            }:
                return getAwaiter.Expression;
            default:
                return null;
        }
    }

    /// <summary><c>t.Wait(timeout[, ct])</c> → <c>await t.WaitAsync(timeout[, ct])</c>, an <c>int</c> timeout wrapped in <c>TimeSpan.FromMilliseconds</c>.</summary>
    private static ExpressionSyntax? RewriteWaitAsync(SyntaxNode current, bool inMilliseconds, SyntaxGenerator generator, Compilation compilation)
    {
        if (current is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } invocation)
        {
            return null;
        }

        var arguments = invocation.ArgumentList;
        if (inMilliseconds && arguments.Arguments.Count > 0)
        {
            var timeout = arguments.Arguments[0];
            var fromMilliseconds = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    AwaitSyntax.TypeName(generator, compilation, "System.TimeSpan"),
                    SyntaxFactory.IdentifierName("FromMilliseconds")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(timeout.Expression.WithoutTrivia()))));
            arguments = arguments.WithArguments(arguments.Arguments.Replace(timeout, timeout.WithExpression(fromMilliseconds.WithTriviaFrom(timeout.Expression))));
        }

        var waitAsync = invocation
            .WithExpression(memberAccess.WithName(SyntaxFactory.IdentifierName("WaitAsync").WithTriviaFrom(memberAccess.Name)))
            .WithArgumentList(arguments);
        return AwaitSyntax.Await(waitAsync, current);
    }

    /// <summary><c>Task.WaitAny(tasks)</c> → <c>Array.IndexOf(tasks, await Task.WhenAny(tasks))</c>; separate tasks are gathered in a <c>Task[]</c>.</summary>
    private static InvocationExpressionSyntax? RewriteWhenAnyIndex(SyntaxNode current, bool asParams, SyntaxGenerator generator, Compilation compilation)
    {
        if (current is not InvocationExpressionSyntax invocation || AwaitSyntax.RenameInvokedMember(invocation, "WhenAny") is not { } whenAny)
        {
            return null;
        }

        var arguments = invocation.ArgumentList.Arguments;
        ExpressionSyntax tasks;
        if (asParams)
        {
            var elements = SyntaxFactory.SeparatedList<ExpressionSyntax>();
            foreach (var argument in arguments)
            {
                elements = elements.Add(argument.Expression.WithoutTrivia());
            }

            tasks = SyntaxFactory.ArrayCreationExpression(
                SyntaxFactory.ArrayType((TypeSyntax)AwaitSyntax.TypeName(generator, compilation, "System.Threading.Tasks.Task"))
                    .WithRankSpecifiers(SyntaxFactory.SingletonList(SyntaxFactory.ArrayRankSpecifier(SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(SyntaxFactory.OmittedArraySizeExpression())))),
                SyntaxFactory.InitializerExpression(SyntaxKind.ArrayInitializerExpression, elements));
        }
        else if (arguments.Count == 1)
        {
            tasks = arguments[0].Expression.WithoutTrivia();
        }
        else
        {
            return null;
        }

        var indexOf = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, AwaitSyntax.TypeName(generator, compilation, "System.Array"), SyntaxFactory.IdentifierName("IndexOf")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
            {
                SyntaxFactory.Argument(tasks),
                SyntaxFactory.Argument(SyntaxFactory.AwaitExpression(whenAny.WithoutTrivia())),
            })));
        return indexOf.WithTriviaFrom(current);
    }
}
