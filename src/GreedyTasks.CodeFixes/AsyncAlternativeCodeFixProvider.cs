using System.Composition;
using System.Linq;
using GreedyTasks.Analyzers;
using GreedyTasks.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace GreedyTasks.CodeFixes;

/// <summary>
/// GT0003 fixes: <c>x.Read(a)</c> → <c>await x.ReadAsync(a[, ct])</c> (the call the analyzer bound speculatively);
/// <c>using var s = …</c> → <c>await using var s = …</c>; <c>using var scope = sp.CreateScope()</c> →
/// <c>await using var scope = sp.CreateAsyncScope()</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AsyncAlternativeCodeFixProvider)), Shared]
public sealed class AsyncAlternativeCodeFixProvider : GreedyTasksCodeFixProvider
{
    protected override string DiagnosticId => DiagnosticIds.AsyncAlternative;

    protected override string GetTitle(string fixKind, Diagnostic diagnostic)
    {
        return fixKind switch
        {
            DiagnosticProperties.FixKindAwaitUsing => "Use 'await using'",
            DiagnosticProperties.FixKindAsyncScope => "Use 'await using' with 'CreateAsyncScope'",
            DiagnosticProperties.FixKindParallelForEach => "Await 'Parallel.ForEachAsync' instead",
            _ => diagnostic.Properties.TryGetValue(DiagnosticProperties.AlternativeName, out var name) ? $"Await '{name}' instead" : "Await the async alternative instead",
        };
    }

    protected override void RegisterRewrite(DocumentEditor editor, SyntaxNode node, string fixKind, Diagnostic diagnostic)
    {
        switch (fixKind)
        {
            case DiagnosticProperties.FixKindAlternative when diagnostic.Properties.TryGetValue(DiagnosticProperties.AlternativeName, out var name) && name is not null:
                diagnostic.Properties.TryGetValue(DiagnosticProperties.CancellationToken, out var token);
                diagnostic.Properties.TryGetValue(DiagnosticProperties.CancellationTokenParameter, out var tokenParameter);
                editor.ReplaceNode(node, (current, _) => current is InvocationExpressionSyntax invocation && AlternativeCallSyntax.Build(invocation, name, token, tokenParameter) is { } alternative
                    ? AwaitSyntax.Await(alternative, current)
                    : current);
                break;
            case DiagnosticProperties.FixKindAwaitUsing:
                editor.ReplaceNode(node, (current, _) => AddAwait(current));
                break;
            case DiagnosticProperties.FixKindAsyncScope:
                editor.ReplaceNode(node, (current, _) => AddAwait(RenameCreateScope(current)));
                break;
            case DiagnosticProperties.FixKindParallelForEach:
                var compilation = editor.SemanticModel.Compilation;
                editor.ReplaceNode(node, (current, generator) =>
                {
                    var completed = SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        AwaitSyntax.TypeName(generator, compilation, "System.Threading.Tasks.ValueTask"),
                        SyntaxFactory.IdentifierName("CompletedTask"));
                    return current is InvocationExpressionSyntax invocation && ParallelForEachSyntax.Build(invocation, completed) is { } forEachAsync
                        ? AwaitSyntax.Await(forEachAsync, current).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation)
                        : current;
                });
                break;
        }
    }

    /// <summary>Puts <c>await</c> before the <c>using</c> keyword, taking over its leading trivia.</summary>
    private static SyntaxNode AddAwait(SyntaxNode statement)
    {
        switch (statement)
        {
            case UsingStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.None } usingStatement:
                return usingStatement
                    .WithAwaitKeyword(AwaitKeyword(usingStatement.UsingKeyword))
                    .WithUsingKeyword(usingStatement.UsingKeyword.WithLeadingTrivia());
            case LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.None } declaration:
                return declaration
                    .WithAwaitKeyword(AwaitKeyword(declaration.UsingKeyword))
                    .WithUsingKeyword(declaration.UsingKeyword.WithLeadingTrivia());
            default:
                return statement;
        }
    }

    private static SyntaxToken AwaitKeyword(SyntaxToken usingKeyword) =>
        SyntaxFactory.Token(usingKeyword.LeadingTrivia, SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));

    private static SyntaxNode RenameCreateScope(SyntaxNode statement)
    {
        var createScope = statement.DescendantNodes()
            .OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateScope" } or IdentifierNameSyntax { Identifier.ValueText: "CreateScope" });
        return createScope is not null && AlternativeCallSyntax.Build(createScope, "CreateAsyncScope", tokenName: null, tokenParameterName: null) is { } renamed
            ? statement.ReplaceNode(createScope, renamed)
            : statement;
    }
}
