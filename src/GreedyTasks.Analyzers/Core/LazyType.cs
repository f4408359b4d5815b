using System.Threading;
using Microsoft.CodeAnalysis;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// A type resolved by metadata name on first use. For the types outside the core library, which cost a search of every
/// referenced assembly (see <see cref="TypeLookup"/>), and which most compilations and most rules never ask for
/// (<c>Parallel</c>, <c>Console</c>, the <c>System.Data.Common</c> bases, dependency injection).
/// </summary>
/// <remarks>
/// Thread-safe without a lock: two threads may both resolve it, and both get the same symbol. The state flag is written
/// after the value and read before it, so a thread that sees it set sees the value.
/// </remarks>
internal sealed class LazyType
{
    private readonly TypeLookup _lookup;
    private readonly string _metadataName;
    private INamedTypeSymbol? _value;
    private int _resolved;

    public LazyType(TypeLookup lookup, string metadataName)
    {
        _lookup = lookup;
        _metadataName = metadataName;
    }

    public INamedTypeSymbol? Value
    {
        get
        {
            if (Volatile.Read(ref _resolved) == 0)
            {
                _value = _lookup.Find(_metadataName);
                Volatile.Write(ref _resolved, 1);
            }

            return _value;
        }
    }
}
