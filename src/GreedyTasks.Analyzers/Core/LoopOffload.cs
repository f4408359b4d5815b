using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Decides whether a loop can be moved into <c>await Task.Run(() =&gt; { loop })</c> unchanged: nothing in it leaves the
/// lambda (<c>return</c>, <c>yield</c>, <c>goto</c>), it captures no <c>ref</c>/<c>out</c>/<c>in</c> parameter, ref local or
/// ref struct (CS1628, CS8175), its end is reachable (CS0161 otherwise), it is not in a struct (a lambda cannot capture <c>this</c> there, CS1673), and every
/// variable it assigns that is read after it was already definitely assigned before it (an assignment inside a
/// lambda does not count for definite assignment, CS0165). Runs only for loops that are reported.
/// </summary>
internal static class LoopOffload
{
    public static bool CanOffload(ILoopOperation loop, in AsyncCodeContext asyncCode, ISymbol containingSymbol, WellKnownSymbols symbols)
    {
        if (!AwaitPlacement.CanInsertAwait(loop, asyncCode) || containingSymbol.ContainingType is { IsValueType: true } || loop.SemanticModel is not { } semanticModel)
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

        // A loop that never ends makes the rest of the method unreachable; inside a lambda it would not, and a method
        // returning a value would then miss its return (CS0161).
        var control = semanticModel.AnalyzeControlFlow(loop.Syntax);
        if (control is null || !control.Succeeded || (!control.EndPointIsReachable && ReturnsValue(asyncCode.Function, symbols)))
        {
            return false;
        }

        var flow = semanticModel.AnalyzeDataFlow(loop.Syntax);
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
