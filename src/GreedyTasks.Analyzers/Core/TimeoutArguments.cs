using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Recognises the timeout parameter of a wait (an <c>int</c> of milliseconds or a <c>TimeSpan</c>, named as a timeout) and the
/// zero-timeout probes (<c>Wait(0)</c>, <c>Wait(TimeSpan.Zero)</c>), which return at once and never block.
/// </summary>
internal static class TimeoutArguments
{
    public static bool TryGetTimeoutParameter(IMethodSymbol method, WellKnownSymbols symbols, out IParameterSymbol? timeout)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsTimeout(parameter, symbols))
            {
                timeout = parameter;
                return true;
            }
        }

        timeout = null;
        return false;
    }

    public static bool HasZeroTimeout(IInvocationOperation invocation, WellKnownSymbols symbols)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && IsTimeout(parameter, symbols) && IsZero(argument.Value.WalkDownConversion(), symbols))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A timeout is an <c>int</c> or <c>TimeSpan</c> parameter whose name says so (<c>millisecondsTimeout</c>,
    /// <c>timeout</c>): the framework's wait APIs all name it that way, and an <c>int offset</c> is no timeout.
    /// </summary>
    private static bool IsTimeout(IParameterSymbol parameter, WellKnownSymbols symbols) =>
        (parameter.Type.SpecialType == SpecialType.System_Int32 || symbols.IsTimeSpan(parameter.Type))
        && parameter.Name.IndexOf("timeout", System.StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsZero(IOperation value, WellKnownSymbols symbols)
    {
        if (value.ConstantValue is { HasValue: true, Value: int milliseconds })
        {
            return milliseconds == 0;
        }

        return value switch
        {
            IFieldReferenceOperation { Field: { Name: "Zero", IsStatic: true } field } => symbols.IsTimeSpan(field.ContainingType),
            IDefaultValueOperation defaultValue => symbols.IsTimeSpan(defaultValue.Type),
            _ => false,
        };
    }
}
