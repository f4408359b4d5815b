using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Recognises a stream, reader or writer that only ever touches memory: a local created in the same function as
/// <c>new MemoryStream(…)</c>, or as a wrapper (<c>new DeflateStream(inner, …)</c>, <c>new StreamReader(inner)</c>, …)
/// whose first argument is such a stream. Compressing or reading bytes that are already in memory does no I/O,
/// so its async twin only adds overhead; GT0003 leaves those calls alone. Only runs for calls about to be reported.
/// </summary>
internal static class InMemoryStreams
{
    private const int MaxWrapperDepth = 4;

    public static bool IsInMemory(IOperation? value, WellKnownSymbols symbols) => IsInMemory(value, symbols, MaxWrapperDepth);

    private static bool IsInMemory(IOperation? value, WellKnownSymbols symbols, int depth)
    {
        if (value is null || depth == 0 || symbols.MemoryStream is null)
        {
            return false;
        }

        value = value.WalkDownConversion();
        if (value is ILocalReferenceOperation local)
        {
            value = InitializerOf(local.Local, value.SemanticModel);
        }

        if (value is not IObjectCreationOperation creation)
        {
            return false;
        }

        if (WellKnownSymbols.DerivesFrom(creation.Type, symbols.MemoryStream))
        {
            return true;
        }

        // A wrapper over another stream: the stream it wraps is its first Stream argument.
        foreach (var argument in creation.Arguments)
        {
            if (WellKnownSymbols.DerivesFrom(argument.Value.WalkDownConversion().Type, symbols.Stream))
            {
                return IsInMemory(argument.Value, symbols, depth - 1);
            }
        }

        return false;
    }

    private static IOperation? InitializerOf(ILocalSymbol local, SemanticModel? semanticModel)
    {
        if (semanticModel is null || local.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var declarator = local.DeclaringSyntaxReferences[0].GetSyntax() as VariableDeclaratorSyntax;
        return declarator?.Initializer?.Value is { } initializer && initializer.SyntaxTree == semanticModel.SyntaxTree
            ? semanticModel.GetOperation(initializer)?.WalkDownConversion()
            : null;
    }
}
