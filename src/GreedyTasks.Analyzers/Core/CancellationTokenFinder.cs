using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Finds the <c>CancellationToken</c> a fix should pass at an operation: the nearest scope (block locals
/// declared before the operation, then each enclosing function's parameters, outwards) that holds exactly one
/// token. A scope with two or more tokens is ambiguous and yields none, rather than a guess; a static lambda
/// or local function stops the search, because it cannot capture the outer tokens.
/// </summary>
internal static class CancellationTokenFinder
{
    /// <summary>The name of the token to pass, or null when there is none or the choice is ambiguous.</summary>
    public static string? FindTokenInScope(IOperation operation, ISymbol containingSymbol, WellKnownSymbols symbols)
    {
        if (symbols.CancellationToken is null)
        {
            return null;
        }

        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case IBlockOperation block:
                    if (Pick(LocalsDeclaredBefore(block, child, symbols), out var local))
                    {
                        return local;
                    }

                    break;
                case IAnonymousFunctionOperation lambda:
                    if (Pick(Parameters(lambda.Symbol, symbols), out var lambdaParameter) || lambda.Symbol.IsStatic)
                    {
                        return lambdaParameter;
                    }

                    break;
                case ILocalFunctionOperation localFunction:
                    if (Pick(Parameters(localFunction.Symbol, symbols), out var localFunctionParameter) || localFunction.Symbol.IsStatic)
                    {
                        return localFunctionParameter;
                    }

                    break;
            }
        }

        return containingSymbol is IMethodSymbol method && Pick(Parameters(method, symbols), out var parameter) ? parameter : null;
    }

    /// <summary>Returns true when the scope settles the question: one candidate (named in <paramref name="name"/>) or several (ambiguous, null).</summary>
    private static bool Pick((string? First, int Count) candidates, out string? name)
    {
        name = candidates.Count == 1 ? candidates.First : null;
        return candidates.Count > 0;
    }

    private static (string? First, int Count) Parameters(IMethodSymbol method, WellKnownSymbols symbols)
    {
        string? first = null;
        var count = 0;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind is RefKind.None or RefKind.In && symbols.IsCancellationToken(parameter.Type))
            {
                first ??= parameter.Name;
                count++;
            }
        }

        return (first, count);
    }

    private static (string? First, int Count) LocalsDeclaredBefore(IBlockOperation block, IOperation child, WellKnownSymbols symbols)
    {
        string? first = null;
        var count = 0;
        foreach (var statement in block.Operations)
        {
            if (ReferenceEquals(statement, child))
            {
                break;
            }

            if (statement is IVariableDeclarationGroupOperation group)
            {
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        if (!declarator.Symbol.IsRef && symbols.IsCancellationToken(declarator.Symbol.Type))
                        {
                            first ??= declarator.Symbol.Name;
                            count++;
                        }
                    }
                }
            }
        }

        return (first, count);
    }
}
