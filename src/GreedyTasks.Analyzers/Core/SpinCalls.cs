using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>The calls that spin: <c>SpinWait.SpinUntil</c>, <c>Thread.SpinWait</c>, <c>Thread.Yield</c>, <c>SpinWait.SpinOnce</c>, and <c>Thread.Sleep(0)</c> inside a loop.</summary>
internal static class SpinCalls
{
    public static bool IsSpinCall(IInvocationOperation invocation, WellKnownSymbols symbols, bool insideLoop)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        // The type's name first: it resolves the symbols only for calls on types of their names.
        if (type is null)
        {
            return false;
        }

        if (type.Name == "Thread" && SymbolEqualityComparer.Default.Equals(type, symbols.Thread))
        {
            return method.Name switch
            {
                "SpinWait" or "Yield" => true,
                "Sleep" => insideLoop && TimeoutArguments.HasZeroTimeout(invocation, symbols),
                _ => false,
            };
        }

        return type.Name == "SpinWait" && method.Name is "SpinUntil" or "SpinOnce" && SymbolEqualityComparer.Default.Equals(type, symbols.SpinWaitType);
    }
}
