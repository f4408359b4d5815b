using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Recognises the timeout parameter of a wait (an <c>int</c> of milliseconds or a <c>TimeSpan</c>) and the
/// zero-timeout probes (<c>Wait(0)</c>, <c>Wait(TimeSpan.Zero)</c>), which return at once and never block.
/// </summary>
internal static class TimeoutArguments
{
    public static bool TryGetTimeoutParameter(IMethodSymbol method, WellKnownSymbols symbols, out IParameterSymbol? timeout)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsTimeoutType(parameter.Type, symbols))
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
            if (argument.Parameter is { } parameter && IsTimeoutType(parameter.Type, symbols) && IsZero(argument.Value.WalkDownConversion(), symbols))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTimeoutType(ITypeSymbol type, WellKnownSymbols symbols) => type.SpecialType == SpecialType.System_Int32 || symbols.IsTimeSpan(type);

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
