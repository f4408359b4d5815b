using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Dual-mode code: one async method serves both the synchronous and the asynchronous API of a library
/// (<c>if (async) { await …; } else { x.Connect(); }</c>), as in database drivers and HTTP stacks. The synchronous branch
/// blocks on purpose, because its caller asked for a synchronous call; the rules leave it alone.
/// </summary>
internal static class DualModeCode
{
    /// <summary>True when <paramref name="operation"/> sits in one branch of an <c>if</c> or <c>?:</c> whose other branch awaits.</summary>
    public static bool IsSynchronousBranch(IOperation operation)
    {
        var child = operation;
        for (var current = operation.Parent; current is not null and not (IAnonymousFunctionOperation or ILocalFunctionOperation); child = current, current = current.Parent)
        {
            if (current is IConditionalOperation conditional)
            {
                var other = ReferenceEquals(child, conditional.WhenTrue) ? conditional.WhenFalse : ReferenceEquals(child, conditional.WhenFalse) ? conditional.WhenTrue : null;
                if (other is not null && (other is IAwaitOperation || other.DescendantsInSameFunction().Any(o => o is IAwaitOperation)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
