using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GreedyTasks.Tests.Reliability;

/// <summary>
/// Damages source text the way a user mid-keystroke does: a token deleted or duplicated, a range selected and
/// deleted, the file or a line cut short, one brace or parenthesis gone, a stray character typed. Analyzers run on
/// every keystroke in the IDE, so each of these states must be survivable. The mutations are driven by a seeded
/// <see cref="Random"/>, so a failing variant is reproducible from its description.
/// </summary>
internal static class CodeDamage
{
    public enum Kind
    {
        DeleteToken,
        DeleteTokenRange,
        TruncateFile,
        TruncateLine,
        RemoveBraceOrParen,
        DuplicateToken,
        InsertStrayCharacter,
    }

    private static readonly Kind[] Kinds = (Kind[])Enum.GetValues(typeof(Kind));

    private static readonly string[] StrayCharacters = { ".", "(", ")", "{", "}", ";", ",", "=", "<", ">", "\"", "'", "@", "$", "a", "?", "!", "[", "]", "/", "*", "#" };

    /// <summary>A damaged copy of <paramref name="source"/> and a short description of what was done.</summary>
    public static (string Text, string Description) Damage(string source, Random random)
    {
        var kind = Kinds[random.Next(Kinds.Length)];
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens(descendIntoTrivia: false)
            .Where(t => t.Span.Length > 0)
            .ToImmutableArray();
        if (tokens.IsEmpty || source.Length == 0)
        {
            return (source + "}", "append '}'");
        }

        switch (kind)
        {
            case Kind.DeleteToken:
            {
                var token = tokens[random.Next(tokens.Length)];
                return (Remove(source, token.SpanStart, token.Span.End), $"delete token '{token.Text}' at {token.SpanStart}");
            }

            case Kind.DeleteTokenRange:
            {
                var first = random.Next(tokens.Length);
                var last = Math.Min(tokens.Length - 1, first + random.Next(1, 12));
                return (Remove(source, tokens[first].SpanStart, tokens[last].Span.End), $"delete tokens {tokens[first].SpanStart}..{tokens[last].Span.End}");
            }

            case Kind.TruncateFile:
            {
                var at = random.Next(source.Length);
                return (source.Substring(0, at), $"truncate file at {at}");
            }

            case Kind.TruncateLine:
            {
                var token = tokens[random.Next(tokens.Length)];
                var lineEnd = source.IndexOf('\n', token.SpanStart);
                var end = lineEnd < 0 ? source.Length : lineEnd;
                return (Remove(source, token.SpanStart, end), $"truncate line from {token.SpanStart}");
            }

            case Kind.RemoveBraceOrParen:
            {
                var brackets = tokens.Where(t => t.IsKind(SyntaxKind.OpenBraceToken) || t.IsKind(SyntaxKind.CloseBraceToken)
                    || t.IsKind(SyntaxKind.OpenParenToken) || t.IsKind(SyntaxKind.CloseParenToken)).ToImmutableArray();
                var token = brackets.IsEmpty ? tokens[random.Next(tokens.Length)] : brackets[random.Next(brackets.Length)];
                return (Remove(source, token.SpanStart, token.Span.End), $"remove '{token.Text}' at {token.SpanStart}");
            }

            case Kind.DuplicateToken:
            {
                var token = tokens[random.Next(tokens.Length)];
                return (source.Insert(token.Span.End, " " + token.Text), $"duplicate '{token.Text}' at {token.SpanStart}");
            }

            default:
            {
                var at = random.Next(source.Length + 1);
                var stray = StrayCharacters[random.Next(StrayCharacters.Length)];
                return (source.Insert(at, stray), $"insert '{stray}' at {at}");
            }
        }
    }

    private static string Remove(string source, int start, int end) => source.Remove(start, end - start);
}
