using System.Composition;
using GreedyTasks.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace GreedyTasks.CodeFixes;

/// <summary>GT0002 fix: <c>Thread.Sleep(x)</c> → <c>await Task.Delay(x)</c>, passing the <c>CancellationToken</c> in scope when there is exactly one.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ThreadSleepCodeFixProvider)), Shared]
public sealed class ThreadSleepCodeFixProvider : GreedyTasksCodeFixProvider
{
    protected override string DiagnosticId => DiagnosticIds.ThreadSleep;

    protected override string GetTitle(string fixKind, Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DiagnosticProperties.CancellationToken, out var token) && token is not null
            ? $"Use 'await Task.Delay(…, {token})' instead of 'Thread.Sleep'"
            : "Use 'await Task.Delay' instead of 'Thread.Sleep'";

    protected override void RegisterRewrite(DocumentEditor editor, SyntaxNode node, string fixKind, Diagnostic diagnostic)
    {
        diagnostic.Properties.TryGetValue(DiagnosticProperties.CancellationToken, out var token);
        var compilation = editor.SemanticModel.Compilation;
        editor.ReplaceNode(node, (current, generator) =>
        {
            if (current is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } sleep)
            {
                return current;
            }

            // Sleep(millisecondsTimeout: x) and Delay(millisecondsDelay: x) name their parameter differently: pass it by position.
            var delay = SyntaxFactory.Argument(sleep.ArgumentList.Arguments[0].Expression);
            var arguments = SyntaxFactory.SingletonSeparatedList(delay);
            if (token is not null)
            {
                arguments = arguments.Add(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token)));
            }

            var taskDelay = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, AwaitSyntax.TypeName(generator, compilation, "System.Threading.Tasks.Task"), SyntaxFactory.IdentifierName("Delay")),
                sleep.ArgumentList.WithArguments(arguments));
            return AwaitSyntax.Await(taskDelay, current);
        });
    }
}
