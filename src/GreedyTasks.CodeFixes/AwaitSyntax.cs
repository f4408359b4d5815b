using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace GreedyTasks.CodeFixes;

/// <summary>Shared rewriting helpers: build an <c>await</c> that keeps its meaning wherever it lands, and framework type names that import their namespace.</summary>
internal static class AwaitSyntax
{
    /// <summary>
    /// <c>(await operand)</c> with the trivia of <paramref name="replaced"/>. The parentheses carry the simplifier
    /// annotation, so they stay where the expression continues (<c>(await t).Length</c>) and go where they
    /// are not needed (<c>await t;</c>).
    /// </summary>
    public static ExpressionSyntax Await(ExpressionSyntax operand, SyntaxNode replaced)
    {
        // An operand that is itself a rewritten (parenthesised) await keeps its parentheses: "await (await t)" reads
        // better than "await await t", and Fix All then produces what fixing one at a time produces.
        // Tokens without elastic trivia: at the start of a top-level statement, elastic trivia left behind when the
        // simplifier drops the parentheses makes the formatter insert a blank line before the statement.
        var awaitKeyword = SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        var awaitExpression = SyntaxFactory.AwaitExpression(awaitKeyword, operand.WithoutTrivia().WithoutAnnotations(Simplifier.Annotation));
        return SyntaxFactory.ParenthesizedExpression(
                SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.OpenParenToken, SyntaxTriviaList.Empty),
                awaitExpression,
                SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseParenToken, SyntaxTriviaList.Empty))
            .WithTriviaFrom(replaced)
            .WithAdditionalAnnotations(Simplifier.Annotation);
    }

    /// <summary>A reference to a framework type that simplifies to its short name and adds the <c>using</c> when it is missing.</summary>
    public static ExpressionSyntax TypeName(SyntaxGenerator generator, Compilation compilation, string metadataName)
    {
        var type = compilation.GetTypeByMetadataName(metadataName);
        var syntax = type is null ? SyntaxFactory.ParseTypeName(metadataName) : (TypeSyntax)generator.TypeExpression(type);
        return syntax.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }

    /// <summary>Replaces the invoked member's name (<c>Task.WaitAll</c> → <c>Task.WhenAll</c>, or a <c>using static</c> call <c>WaitAll</c> → <c>WhenAll</c>).</summary>
    public static InvocationExpressionSyntax? RenameInvokedMember(InvocationExpressionSyntax invocation, string newName)
    {
        return invocation.Expression switch
        {
            MemberAccessExpressionSyntax memberAccess => invocation.WithExpression(memberAccess.WithName(SyntaxFactory.IdentifierName(newName).WithTriviaFrom(memberAccess.Name))),
            IdentifierNameSyntax identifier => invocation.WithExpression(SyntaxFactory.IdentifierName(newName).WithTriviaFrom(identifier)),
            _ => null,
        };
    }
}
