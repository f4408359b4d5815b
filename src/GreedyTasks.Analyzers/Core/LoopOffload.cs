using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Decides whether a loop can be moved into <c>await Task.Run(() =&gt; { loop })</c> unchanged: nothing in it leaves the
/// lambda (<c>return</c>, <c>yield</c>, <c>goto</c>), it captures no <c>ref</c>/<c>out</c>/<c>in</c> parameter, ref local or
/// ref struct (CS1628, CS8175), its end is reachable (CS0161 otherwise), it is not in a struct (a lambda cannot capture <c>this</c> there, CS1673), and every
/// variable it assigns that is read after it was already definitely assigned before it (an assignment inside a
/// lambda does not count for definite assignment, CS0165).
/// </summary>
/// <remarks>
/// Split in two because the second half is costly: the analyzer checks what the operation tree tells
/// (<see cref="MayOffload"/>) for every reported loop; the code fix runs the control- and data-flow analysis
/// (<see cref="FlowAllowsOffload"/>) only when the fixes of a loop are asked for. The data-flow analysis was most of
/// GT0004's time in the analyzer (docs/performance-log.md).
/// </remarks>
internal static class LoopOffload
{
    /// <summary>
    /// The analyzer's half: await can stand there, the loop is not in a struct and nothing in it jumps out.
    /// <paramref name="mustReachEnd"/> is true when the function returns a value, so the loop's end must be reachable.
    /// </summary>
    public static bool MayOffload(ILoopOperation loop, in AsyncCodeContext asyncCode, ISymbol containingSymbol, WellKnownSymbols symbols, out bool mustReachEnd)
    {
        mustReachEnd = false;
        if (!AwaitPlacement.CanInsertAwait(loop, asyncCode) || containingSymbol.ContainingType is { IsValueType: true })
        {
            return false;
        }

        foreach (var operation in loop.DescendantsInSameFunction())
        {
            if (operation is IReturnOperation or IBranchOperation { BranchKind: BranchKind.GoTo })
            {
                return false;
            }
        }

        mustReachEnd = ReturnsValue(asyncCode.Function, symbols);
        return true;
    }

    /// <summary>The code fix's half: what flows into and out of <paramref name="loop"/> lets it move into a lambda.</summary>
    public static bool FlowAllowsOffload(SemanticModel semanticModel, SyntaxNode loop, bool mustReachEnd)
    {
        // A loop that never ends makes the rest of the method unreachable; inside a lambda it would not, and a method
        // returning a value would then miss its return (CS0161).
        var control = semanticModel.AnalyzeControlFlow(loop);
        if (control is null || !control.Succeeded || (!control.EndPointIsReachable && mustReachEnd))
        {
            return false;
        }

        var flow = semanticModel.AnalyzeDataFlow(loop);
        if (flow is null || !flow.Succeeded)
        {
            return false;
        }

        foreach (var symbol in flow.ReadInside.AddRange(flow.WrittenInside))
        {
            switch (symbol)
            {
                case IParameterSymbol { RefKind: not RefKind.None }:
                case ILocalSymbol local when local.IsRef || local.Type.IsRefLikeType:
                case IParameterSymbol parameter when parameter.Type.IsRefLikeType:
                    return false;
            }
        }

        foreach (var written in flow.WrittenInside)
        {
            if (written is ILocalSymbol && !flow.VariablesDeclared.Contains(written, SymbolEqualityComparer.Default)
                && flow.ReadOutside.Contains(written, SymbolEqualityComparer.Default) && !flow.DefinitelyAssignedOnEntry.Contains(written, SymbolEqualityComparer.Default))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An async function whose body must end in a return: <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c> (async iterators need none).</summary>
    private static bool ReturnsValue(IMethodSymbol? function, WellKnownSymbols symbols) =>
        function is not null
        && (SymbolEqualityComparer.Default.Equals(function.ReturnType.OriginalDefinition, symbols.TaskOfT)
            || SymbolEqualityComparer.Default.Equals(function.ReturnType.OriginalDefinition, symbols.ValueTaskOfT));
}
