using System.Collections.Generic;
using System.Composition;
using System.Globalization;
using GreedyTasks.Analyzers;
using GreedyTasks.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace GreedyTasks.CodeFixes;

/// <summary>
/// GT0004 fixes, each with its own equivalence key: insert <c>await Task.Yield();</c> at the top of the loop body
/// (<c>GT0004.Yield</c>; every <see cref="GreedyLoopAnalyzer.YieldInterval"/> iterations for a counted loop), or move the
/// whole loop to the thread pool with <c>await Task.Run(() =&gt; { … }[, ct]);</c> (<c>GT0004.Offload</c>, where the
/// analyzer found nothing that jumps out of the loop and the flow of variables allows it, checked here).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GreedyLoopCodeFixProvider)), Shared]
public sealed class GreedyLoopCodeFixProvider : GreedyTasksCodeFixProvider
{
    public const string YieldKey = "GT0004.Yield";
    public const string OffloadKey = "GT0004.Offload";

    protected override string DiagnosticId => DiagnosticIds.GreedyLoop;

    protected override string GetTitle(string fixKind, Diagnostic diagnostic)
    {
        var targets = YieldTargetsOf(diagnostic);
        if (targets.Count != 1 || targets[0].Start != diagnostic.Location.SourceSpan.Start)
        {
            return "Insert 'await Task.Yield()' in the inner loops";
        }

        return targets[0].Every is { } every ? $"Insert 'await Task.Yield()' every {every} iterations" : "Insert 'await Task.Yield()'";
    }

    protected override IEnumerable<(string Title, string EquivalenceKey)> GetActions(string fixKind, Diagnostic diagnostic)
    {
        yield return (GetTitle(fixKind, diagnostic), YieldKey);
        if (diagnostic.Properties.ContainsKey(DiagnosticProperties.Offload))
        {
            yield return ("Move the loop to 'await Task.Run(…)'", OffloadKey);
        }
    }

    protected override bool RequiresSemanticCheck(string equivalenceKey) => equivalenceKey == OffloadKey;

    /// <summary>The offload: the analyzer checked what the operations tell; the flow of variables is checked here, only when fixes are asked for.</summary>
    protected override bool IsOffered(string equivalenceKey, Diagnostic diagnostic, SyntaxNode node, SemanticModel semanticModel) =>
        node is StatementSyntax loop
        && diagnostic.Properties.TryGetValue(DiagnosticProperties.Offload, out var offload)
        && LoopOffload.FlowAllowsOffload(semanticModel, loop, mustReachEnd: offload == DiagnosticProperties.OffloadIfEndReachable);

    protected override void RegisterRewrite(DocumentEditor editor, SyntaxNode node, string fixKind, Diagnostic diagnostic) =>
        RegisterRewrite(editor, node, fixKind, diagnostic, YieldKey);

    protected override void RegisterRewrite(DocumentEditor editor, SyntaxNode node, string fixKind, Diagnostic diagnostic, string equivalenceKey)
    {
        var compilation = editor.SemanticModel.Compilation;
        if (equivalenceKey == OffloadKey)
        {
            diagnostic.Properties.TryGetValue(DiagnosticProperties.CancellationToken, out var token);
            editor.ReplaceNode(node, (current, generator) => current is StatementSyntax loop ? Offload(loop, token, generator, compilation) : current);
            return;
        }

        // The loop itself, or in a nest the inner loops the analyzer chose, so that none of them stays greedy.
        foreach (var (start, every, counter) in YieldTargetsOf(diagnostic))
        {
            if (editor.OriginalRoot.FindToken(start).Parent is StatementSyntax targetLoop && BodyOf(targetLoop) is not null)
            {
                InsertYield(editor, targetLoop, every, counter, compilation);
            }
        }
    }

    /// <summary>The loops to yield in, read from <see cref="DiagnosticProperties.YieldTargets"/>; malformed entries are skipped.</summary>
    private static List<(int Start, string? Every, string? Counter)> YieldTargetsOf(Diagnostic diagnostic)
    {
        var result = new List<(int Start, string? Every, string? Counter)>();
        if (diagnostic.Properties.TryGetValue(DiagnosticProperties.YieldTargets, out var targets) && targets is not null)
        {
            foreach (var target in targets.Split(';'))
            {
                var parts = target.Split(',');
                if (parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
                {
                    result.Add((start, parts[1].Length == 0 ? null : parts[1], parts[2].Length == 0 ? null : parts[2]));
                }
            }
        }

        return result;
    }

    private static void InsertYield(DocumentEditor editor, SyntaxNode node, string? every, string? counter, Compilation compilation)
    {
        editor.ReplaceNode(node, (current, generator) =>
        {
            StatementSyntax yield = SyntaxFactory.ExpressionStatement(YieldExpression(generator, compilation));
            if (every is not null && counter is not null)
            {
                // if (i % 4096 == 0) await Task.Yield();
                yield = SyntaxFactory.IfStatement(
                    SyntaxFactory.BinaryExpression(
                        SyntaxKind.EqualsExpression,
                        SyntaxFactory.BinaryExpression(SyntaxKind.ModuloExpression, SyntaxFactory.IdentifierName(counter), SyntaxFactory.ParseExpression(every)),
                        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0))),
                    yield);
            }

            return WithBody(current, InsertFirst(BodyOf(current), yield.WithAdditionalAnnotations(Formatter.Annotation)));
        });
    }

    private static AwaitExpressionSyntax YieldExpression(SyntaxGenerator generator, Compilation compilation) =>
        SyntaxFactory.AwaitExpression(SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            AwaitSyntax.TypeName(generator, compilation, "System.Threading.Tasks.Task"),
            SyntaxFactory.IdentifierName("Yield"))));

    private static StatementSyntax? BodyOf(SyntaxNode loop) => loop switch
    {
        WhileStatementSyntax whileStatement => whileStatement.Statement,
        DoStatementSyntax doStatement => doStatement.Statement,
        ForStatementSyntax forStatement => forStatement.Statement,
        CommonForEachStatementSyntax forEach => forEach.Statement,
        _ => null,
    };

    private static SyntaxNode WithBody(SyntaxNode loop, BlockSyntax? body) => body is null ? loop : loop switch
    {
        WhileStatementSyntax whileStatement => whileStatement.WithStatement(body),
        DoStatementSyntax doStatement => doStatement.WithStatement(body),
        ForStatementSyntax forStatement => forStatement.WithStatement(body),
        CommonForEachStatementSyntax forEach => forEach.WithStatement(body),
        _ => loop,
    };

    private static BlockSyntax? InsertFirst(StatementSyntax? body, StatementSyntax statement) => body switch
    {
        null => null,
        BlockSyntax block => block.WithStatements(block.Statements.Insert(0, statement)),
        _ => SyntaxFactory.Block(statement, body.WithoutTrivia()).WithTrailingTrivia(body.GetTrailingTrivia()).WithAdditionalAnnotations(Formatter.Annotation),
    };

    /// <summary><c>await Task.Run(() =&gt; { loop }[, ct]);</c></summary>
    private static ExpressionStatementSyntax Offload(StatementSyntax loop, string? token, SyntaxGenerator generator, Compilation compilation)
    {
        var lambda = SyntaxFactory.ParenthesizedLambdaExpression(SyntaxFactory.ParameterList(), SyntaxFactory.Block(loop.WithoutLeadingTrivia().WithoutTrailingTrivia()));
        var arguments = SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(lambda) });
        if (token is not null)
        {
            arguments = arguments.Add(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token)));
        }

        var run = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, AwaitSyntax.TypeName(generator, compilation, "System.Threading.Tasks.Task"), SyntaxFactory.IdentifierName("Run")),
            SyntaxFactory.ArgumentList(arguments));
        return SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(run))
            .WithLeadingTrivia(loop.GetLeadingTrivia())
            .WithTrailingTrivia(loop.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
