using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// The synchronization primitives whose waits block a thread (GT0006), resolved once per compilation, and for each
/// blocking call the cooperative replacement the message names. Calls are matched by symbol: a user type with a
/// <c>Wait()</c> method is never a primitive. Zero-timeout probes and the try-methods without a timeout return at
/// once, so they are not waits.
/// </summary>
internal sealed class BlockingPrimitives
{
    /// <summary>Replaces a lock held across the wait.</summary>
    public const string SemaphoreAlternative = "'await SemaphoreSlim.WaitAsync()'";

    /// <summary>Replaces an event that another party sets.</summary>
    public const string SignalAlternative = "an awaited 'TaskCompletionSource' that the signalling side completes";

    /// <summary>Replaces a producer/consumer queue.</summary>
    public const string ChannelAlternative = "a 'Channel<T>' and 'await reader.ReadAsync()'";

    /// <summary>Replaces a dedicated thread that is joined.</summary>
    public const string TaskAlternative = "a 'Task' that you await";

    /// <summary>Replaces waiting for several handles at once.</summary>
    public const string WhenAllAlternative = "awaited 'TaskCompletionSource' tasks with 'Task.WhenAll' or 'Task.WhenAny'";

    private readonly WellKnownSymbols _symbols;
    private readonly INamedTypeSymbol? _waitHandle;

    // Outside the core library of .NET: resolved when a call on a type of that name first needs them (see LazyType).
    private readonly LazyType _mutex;
    private readonly LazyType _semaphore;
    private readonly LazyType _monitor;
    private readonly LazyType _manualResetEventSlim;
    private readonly LazyType _countdownEvent;
    private readonly LazyType _barrier;
    private readonly LazyType _blockingCollection;
    private readonly LazyType _lock;
    private readonly LazyType _readerWriterLockSlim;
    private readonly LazyType _semaphoreSlim;

    public BlockingPrimitives(WellKnownSymbols symbols)
    {
        _symbols = symbols;
        var lookup = symbols.Types;
        _waitHandle = lookup.Find("System.Threading.WaitHandle");
        _mutex = new LazyType(lookup, "System.Threading.Mutex");
        _semaphore = new LazyType(lookup, "System.Threading.Semaphore");
        _monitor = new LazyType(lookup, "System.Threading.Monitor");
        _manualResetEventSlim = new LazyType(lookup, "System.Threading.ManualResetEventSlim");
        _countdownEvent = new LazyType(lookup, "System.Threading.CountdownEvent");
        _barrier = new LazyType(lookup, "System.Threading.Barrier");
        _blockingCollection = new LazyType(lookup, "System.Collections.Concurrent.BlockingCollection`1");
        _lock = new LazyType(lookup, "System.Threading.Lock");
        _readerWriterLockSlim = new LazyType(lookup, "System.Threading.ReaderWriterLockSlim");
        _semaphoreSlim = new LazyType(lookup, "System.Threading.SemaphoreSlim");
    }

    /// <summary>True when the target framework has any of the primitives, so the rule has something to look for.</summary>
    public bool Any => _waitHandle is not null || _monitor.Value is not null || _manualResetEventSlim.Value is not null || _blockingCollection.Value is not null || _symbols.Thread is not null;

    /// <summary><c>SemaphoreSlim.Wait</c>: GT0003 owns it wherever an <c>await</c> may be written (its fix is <c>WaitAsync</c>); GT0006 reports it only where GT0003 cannot.</summary>
    public bool IsSemaphoreSlimWait(IMethodSymbol method) => method.Name == "Wait" && method.ContainingType is { Name: "SemaphoreSlim" } type && Is(type, _semaphoreSlim.Value);

    /// <summary>The cooperative replacement to name when <paramref name="invocation"/> blocks on a primitive; null when it does not block.</summary>
    public string? BlockingAlternative(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        var alternative = AlternativeFor(method, type, invocation);
        if (alternative is null)
        {
            return null;
        }

        // A try-method without a timeout, or any wait given a zero timeout, returns at once.
        var hasTimeout = TimeoutArguments.TryGetTimeoutParameter(method, _symbols, out _);
        if ((IsTryMethod(method) && !hasTimeout) || (hasTimeout && TimeoutArguments.HasZeroTimeout(invocation, _symbols)))
        {
            return null;
        }

        return alternative;
    }

    private string? AlternativeFor(IMethodSymbol method, INamedTypeSymbol type, IInvocationOperation invocation)
    {
        // The type's name first, then its symbol: a call on any other type costs one string switch, and the types are
        // resolved only when a call on a type of their name is seen. A look-alike of another name (a user type named
        // Monitor) falls through to the wait-handle check, as it did when every symbol was compared in turn.
        switch (type.Name)
        {
            case "Monitor" when Is(type, _monitor.Value):
                return method.Name switch
                {
                    "Enter" or "TryEnter" => SemaphoreAlternative,
                    "Wait" => SignalAlternative,
                    _ => null,
                };
            case "ManualResetEventSlim" when Is(type, _manualResetEventSlim.Value):
                return method.Name == "Wait" ? SignalAlternative : null;
            case "CountdownEvent" when Is(type, _countdownEvent.Value):
            case "Barrier" when Is(type, _barrier.Value):
                return method.Name is "Wait" or "SignalAndWait" ? SignalAlternative : null;
            case "BlockingCollection" when Is(type.OriginalDefinition, _blockingCollection.Value):
                return method.Name is "Take" or "TryTake" or "TakeFromAny" or "TryTakeFromAny" or "GetConsumingEnumerable" ? ChannelAlternative : null;
            case "Lock" when Is(type, _lock.Value):
                // EnterScope is the lock statement's own form (a ref struct scope no await can cross): not reported, like lock.
                return method.Name is "Enter" or "TryEnter" ? SemaphoreAlternative : null;
            case "ReaderWriterLockSlim" when Is(type, _readerWriterLockSlim.Value):
                return method.Name is "EnterReadLock" or "EnterWriteLock" or "EnterUpgradeableReadLock"
                    or "TryEnterReadLock" or "TryEnterWriteLock" or "TryEnterUpgradeableReadLock"
                    ? SemaphoreAlternative
                    : null;
            case "Thread" when Is(type, _symbols.Thread):
                return method.Name == "Join" && !method.IsStatic ? TaskAlternative : null;
            case "SemaphoreSlim" when Is(type, _semaphoreSlim.Value):
                return method.Name == "Wait" ? SemaphoreAlternative : null;
            default:
                return WaitHandleAlternative(method, invocation);
        }
    }

    private string? WaitHandleAlternative(IMethodSymbol method, IInvocationOperation invocation)
    {
        if (_waitHandle is null || method.Name is not ("WaitOne" or "WaitAll" or "WaitAny" or "SignalAndWait"))
        {
            return null;
        }

        // The call must resolve to WaitHandle's own method (or an override of it), not a look-alike on a user type.
        var root = method;
        while (root.OverriddenMethod is { } overridden)
        {
            root = overridden;
        }

        if (!Is(root.ContainingType, _waitHandle))
        {
            return null;
        }

        if (method.IsStatic)
        {
            return method.Name == "SignalAndWait" ? SignalAlternative : WhenAllAlternative;
        }

        var handleType = invocation.Instance?.WalkDownConversion().Type;
        return WellKnownSymbols.DerivesFrom(handleType, _mutex.Value) || WellKnownSymbols.DerivesFrom(handleType, _semaphore.Value)
            ? SemaphoreAlternative
            : SignalAlternative;
    }

    private static bool IsTryMethod(IMethodSymbol method) => method.Name.StartsWith("Try", System.StringComparison.Ordinal);

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) => expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
