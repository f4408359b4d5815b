using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// The index of a read of one element of a collection, <c>tasks[i]</c> or <c>list[0]</c>, when it names the same element
/// each time it is evaluated: a local, a parameter or a constant. Anything else (<c>tasks[i + 1]</c>, <c>tasks[_next]</c>)
/// is unknown, and two reads of it cannot be shown to be the same element.
/// </summary>
internal readonly struct ElementIndex
{
    private readonly object? _constant;

    private ElementIndex(ISymbol? symbol, object? constant)
    {
        Symbol = symbol;
        _constant = constant;
        IsKnown = true;
    }

    /// <summary>No element: the read is not an element read with a known index.</summary>
    public static ElementIndex None => default;

    /// <summary>True for a local, parameter or constant index.</summary>
    public bool IsKnown { get; }

    /// <summary>The local or parameter used as the index; null for a constant index.</summary>
    public ISymbol? Symbol { get; }

    /// <summary>The index of <paramref name="elementRead"/>, an array element or a one-argument indexer.</summary>
    public static ElementIndex Of(IOperation elementRead)
    {
        if (IndexOperand(elementRead) is not { } index)
        {
            return None;
        }

        if (index.ConstantValue.HasValue)
        {
            return new ElementIndex(null, index.ConstantValue.Value);
        }

        return index.ReferencedLocalOrParameter() is { } symbol ? new ElementIndex(symbol, null) : None;
    }

    /// <summary>The collection an element read reads from: the array of <c>a[i]</c>, the instance of <c>list[i]</c>.</summary>
    public static IOperation? CollectionOf(IOperation elementRead) => elementRead.WalkDownConversion() switch
    {
        IArrayElementReferenceOperation element => element.ArrayReference,
        IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Instance,
        _ => null,
    };

    /// <summary>True when <paramref name="elementRead"/> reads at this index (its collection is for the caller to check).</summary>
    public bool IsIndexOf(IOperation elementRead)
    {
        if (!IsKnown || IndexOperand(elementRead) is not { } index)
        {
            return false;
        }

        if (Symbol is null)
        {
            return index.ConstantValue.HasValue && Equals(index.ConstantValue.Value, _constant);
        }

        return !index.ConstantValue.HasValue && SymbolEqualityComparer.Default.Equals(index.ReferencedLocalOrParameter(), Symbol);
    }

    private static IOperation? IndexOperand(IOperation elementRead) => elementRead.WalkDownConversion() switch
    {
        IArrayElementReferenceOperation { Indices.Length: 1 } element => element.Indices[0],
        IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer => indexer.Arguments[0].Value,
        _ => null,
    };
}
