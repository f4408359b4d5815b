using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GreedyTasks.Crosswalk;

/// <summary>
/// Names what a diagnostic is about, so findings group into "what each rule covers": the member its span calls or
/// accesses (<c>Task&lt;TResult&gt;.Result</c>, <c>File.ReadAllText</c>), or for statement-level findings the statement
/// kind (<c>while loop</c>, <c>using statement</c>). Rules place their spans differently (the whole invocation, the member
/// name, the receiver), so the innermost node with a symbol is searched from the span outwards.
/// </summary>
internal static class Subjects
{
    private static readonly SymbolDisplayFormat TypeFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    public static string Of(SyntaxNode root, TextSpan span, SemanticModel model)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        if (StatementKind(node) is { } statement)
        {
            return statement;
        }

        // A span on a whole statement (or a declaration) is about its first call; a span inside a call is about that call.
        var start = node is StatementSyntax or VariableDeclarationSyntax or VariableDeclaratorSyntax
            ? node.DescendantNodesAndSelf().FirstOrDefault(n => n is InvocationExpressionSyntax or MemberAccessExpressionSyntax or ObjectCreationExpressionSyntax) ?? node
            : node;
        foreach (var candidate in start.AncestorsAndSelf())
        {
            if (candidate is StatementSyntax or MemberDeclarationSyntax)
            {
                break;
            }

            if (Describe(SymbolOf(candidate, model)) is { } described)
            {
                return described;
            }
        }

        return node.Kind().ToString();
    }

    private static ISymbol? SymbolOf(SyntaxNode node, SemanticModel model)
    {
        if (node is not ExpressionSyntax)
        {
            return null;
        }

        var info = model.GetSymbolInfo(node);
        return info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
    }

    private static string? Describe(ISymbol? symbol)
    {
        if (symbol is IMethodSymbol { ReducedFrom: { } extension })
        {
            symbol = extension;
        }

        return symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => $"new {constructor.ContainingType.ToDisplayString(TypeFormat)}",
            IMethodSymbol or IPropertySymbol or IEventSymbol or IFieldSymbol when symbol.ContainingType is { } type =>
                $"{type.OriginalDefinition.ToDisplayString(TypeFormat)}.{symbol.Name}",
            _ => null,
        };
    }

    private static string? StatementKind(SyntaxNode node) => node switch
    {
        WhileStatementSyntax => "while loop",
        DoStatementSyntax => "do loop",
        ForStatementSyntax => "for loop",
        ForEachStatementSyntax => "foreach loop",
        UsingStatementSyntax => "using statement",
        LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword } => "using declaration",
        LockStatementSyntax => "lock statement",
        _ => null,
    };
}
