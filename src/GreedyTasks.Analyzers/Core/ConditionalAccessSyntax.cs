using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Expressions inside the <c>WhenNotNull</c> part of a conditional access start with a binding (<c>.Output</c>,
/// <c>[0]</c>) whose receiver is the conditional access's expression. Such an expression cannot be bound on its own:
/// speculative binding of it outside its conditional access makes Roslyn throw. This rewrites it with its receivers
/// spelled out (<c>x?.Output.Flush()</c> → <c>x.Output.Flush()</c>, <c>x?.y?[0].Flush()</c> → <c>x.y[0].Flush()</c>),
/// for lookup and binding only: the result is a detached node.
/// </summary>
internal static class ConditionalAccessSyntax
{
    /// <summary>Whether the leftmost part of <paramref name="expression"/> is a <c>.Name</c> or <c>[…]</c> binding of a conditional access.</summary>
    public static bool StartsWithBinding(ExpressionSyntax expression) => Leftmost(expression) is MemberBindingExpressionSyntax or ElementBindingExpressionSyntax;

    /// <summary>
    /// <paramref name="expression"/> (a node of the tree) with each conditional binding on its leftmost path replaced by
    /// an ordinary member or element access on the receiver; the node itself when it starts with no binding; null when
    /// the conditional access a binding belongs to cannot be found (incomplete code).
    /// </summary>
    public static ExpressionSyntax? WithoutConditionalAccess(ExpressionSyntax expression)
    {
        var leftmost = Leftmost(expression);
        if (leftmost is not (MemberBindingExpressionSyntax or ElementBindingExpressionSyntax))
        {
            return expression;
        }

        var receiver = OwnerOf(leftmost) is { } owner ? WithoutConditionalAccess(owner.Expression)?.WithoutTrivia() : null;
        if (receiver is null)
        {
            return null;
        }

        ExpressionSyntax access = leftmost is MemberBindingExpressionSyntax member
            ? SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, member.Name)
            : SyntaxFactory.ElementAccessExpression(receiver, ((ElementBindingExpressionSyntax)leftmost).ArgumentList);
        return leftmost == expression ? access : expression.ReplaceNode(leftmost, access);
    }

    /// <summary>The innermost part of a chain of member accesses, calls, element accesses and <c>!</c>: where its receivers start.</summary>
    private static ExpressionSyntax Leftmost(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case MemberAccessExpressionSyntax memberAccess:
                    expression = memberAccess.Expression;
                    break;
                case InvocationExpressionSyntax invocation:
                    expression = invocation.Expression;
                    break;
                case ElementAccessExpressionSyntax elementAccess:
                    expression = elementAccess.Expression;
                    break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppression:
                    expression = suppression.Operand;
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary>The conditional access whose <c>WhenNotNull</c> part <paramref name="binding"/> starts: the nearest one that holds it there.</summary>
    private static ConditionalAccessExpressionSyntax? OwnerOf(ExpressionSyntax binding)
    {
        for (var node = binding.Parent; node is not null; node = node.Parent)
        {
            if (node is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull.Span.Contains(binding.Span))
            {
                return conditional;
            }
        }

        return null;
    }
}
