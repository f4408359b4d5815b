using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// The call a diagnostic is about, whatever part of it the analyzer underlined. Packages differ: one reports
/// <c>task.Wait()</c>, another only the name <c>Wait</c>, another <c>task.Wait</c>. Climbing from the reported span to
/// the whole member access and then to the invocation that calls it gives one node per call, so two diagnostics
/// are about the same call exactly when their anchors are the same node. Nested calls keep distinct anchors:
/// <c>Load().Result</c> and <c>Load()</c> are different calls.
/// </summary>
internal static class CallAnchor
{
    public static SyntaxNode? Of(SyntaxNode root, TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);

        // `Wait` in `task.Wait`, `Result` in `task?.Result`: the name stands for its member access.
        if (node is SimpleNameSyntax name
            && (node.Parent is MemberAccessExpressionSyntax { Name: var accessed } && accessed == name
                || node.Parent is MemberBindingExpressionSyntax))
        {
            node = node.Parent!;
        }

        // `task.Wait` in `task.Wait()`, or `Sleep` in `Sleep(100)`: the callee stands for the call.
        if (node is ExpressionSyntax callee && node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee)
        {
            node = invocation;
        }

        // An argument list was underlined: the call it belongs to.
        if (node is ArgumentListSyntax { Parent: InvocationExpressionSyntax owner })
        {
            node = owner;
        }

        return node;
    }
}
