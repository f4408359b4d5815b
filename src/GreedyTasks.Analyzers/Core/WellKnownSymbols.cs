using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// The framework symbols the rules compare against, resolved once per compilation in a compilation-start
/// action. Rules compare symbols (never type names as strings); a symbol missing from the target framework
/// is null and the check that needs it is skipped.
/// </summary>
/// <remarks>
/// The core library's types are resolved at once, through <see cref="TypeLookup"/>; the others on first use
/// (<see cref="LazyType"/>), and the rules test a cheap name before asking for one, so a compilation that never calls
/// <c>Parallel.ForEach</c> never searches its references for <c>Parallel</c>.
/// </remarks>
internal sealed class WellKnownSymbols
{
    // Immutable, like all static state in the analyzers: analyzer instances are shared across compilations and threads.
    private static readonly ImmutableArray<string> DefaultAsyncDisposeBaseNames = ImmutableArray.Create(
        "System.IO.Stream",
        "System.IO.TextWriter",
        "System.Data.Common.DbConnection",
        "System.Data.Common.DbCommand",
        "System.Data.Common.DbDataReader",
        "System.Data.Common.DbTransaction",
        "System.Data.Common.DbBatch");

    private readonly LazyType _thread;
    private readonly LazyType _spinWait;
    private readonly LazyType _interlocked;
    private readonly LazyType _volatile;
    private readonly LazyType _enumerable;
    private readonly LazyType _dbCommand;
    private readonly LazyType _console;
    private readonly LazyType _parallel;
    private readonly LazyType _parallelOptions;
    private readonly LazyType _serviceProviderServiceExtensions;
    private readonly LazyType _serviceScopeFactory;
    private readonly LazyType _lazy;

    /// <summary>Framework base classes whose <c>DisposeAsync</c> only calls <c>Dispose</c>: a type that inherits it unchanged gains nothing from <c>await using</c>.</summary>
    private readonly LazyType[] _defaultAsyncDisposeBases;

    private WellKnownSymbols(Compilation compilation, TypeLookup lookup, INamedTypeSymbol task)
    {
        Compilation = compilation;
        Types = lookup;
        Task = task;
        TaskOfT = lookup.Find("System.Threading.Tasks.Task`1");
        ValueTask = lookup.Find("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = lookup.Find("System.Threading.Tasks.ValueTask`1");
        TaskStatus = lookup.Find("System.Threading.Tasks.TaskStatus");
        CancellationToken = lookup.Find("System.Threading.CancellationToken");
        TimeSpan = lookup.Find("System.TimeSpan");

        TaskAwaiter = lookup.Find("System.Runtime.CompilerServices.TaskAwaiter");
        TaskAwaiterOfT = lookup.Find("System.Runtime.CompilerServices.TaskAwaiter`1");
        ValueTaskAwaiter = lookup.Find("System.Runtime.CompilerServices.ValueTaskAwaiter");
        ValueTaskAwaiterOfT = lookup.Find("System.Runtime.CompilerServices.ValueTaskAwaiter`1");
        ConfiguredTaskAwaiter = lookup.Find("System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter");
        ConfiguredTaskAwaiterOfT = lookup.Find("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter");
        ConfiguredValueTaskAwaiter = lookup.Find("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter");
        ConfiguredValueTaskAwaiterOfT = lookup.Find("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1+ConfiguredValueTaskAwaiter");

        ObsoleteAttribute = lookup.Find("System.ObsoleteAttribute");
        GeneratedCodeAttribute = lookup.Find("System.CodeDom.Compiler.GeneratedCodeAttribute");
        ConfigureAwaitOptions = lookup.Find("System.Threading.Tasks.ConfigureAwaitOptions");
        MemoryStream = lookup.Find("System.IO.MemoryStream");
        Stream = lookup.Find("System.IO.Stream");
        IAsyncDisposable = lookup.Find("System.IAsyncDisposable");
        ActionOfT = lookup.Find("System.Action`1");

        // Outside the core library of .NET (in the reference pack's System.Threading, System.Linq, System.Console, ...):
        // resolved when a rule first needs them, so a rule that never does pays no search of every reference for them.
        _thread = new LazyType(lookup, "System.Threading.Thread");
        _spinWait = new LazyType(lookup, "System.Threading.SpinWait");
        _interlocked = new LazyType(lookup, "System.Threading.Interlocked");
        _volatile = new LazyType(lookup, "System.Threading.Volatile");
        _enumerable = new LazyType(lookup, "System.Linq.Enumerable");
        _dbCommand = new LazyType(lookup, "System.Data.Common.DbCommand");
        _console = new LazyType(lookup, "System.Console");
        _parallel = new LazyType(lookup, "System.Threading.Tasks.Parallel");
        _parallelOptions = new LazyType(lookup, "System.Threading.Tasks.ParallelOptions");
        _serviceProviderServiceExtensions = new LazyType(lookup, "Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions");
        _serviceScopeFactory = new LazyType(lookup, "Microsoft.Extensions.DependencyInjection.IServiceScopeFactory");
        _lazy = new LazyType(lookup, "System.Lazy`1");
        var defaultAsyncDisposeBases = new LazyType[DefaultAsyncDisposeBaseNames.Length];
        for (var i = 0; i < defaultAsyncDisposeBases.Length; i++)
        {
            defaultAsyncDisposeBases[i] = new LazyType(lookup, DefaultAsyncDisposeBaseNames[i]);
        }

        _defaultAsyncDisposeBases = defaultAsyncDisposeBases;

        TaskWaitAsyncWithTimeout = FindMethod(task, "WaitAsync", TimeSpan);
        TaskWaitAsyncWithCancellation = FindMethod(task, "WaitAsync", CancellationToken);
        TaskWaitAsyncWithTimeoutAndCancellation = FindMethod(task, "WaitAsync", TimeSpan, CancellationToken);
    }

    public Compilation Compilation { get; }

    /// <summary>The compilation's type lookup, for the rules' own types (GT0006's primitives), so there is one per compilation start.</summary>
    public TypeLookup Types { get; }

    public INamedTypeSymbol Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? TaskStatus { get; }
    public INamedTypeSymbol? Thread => _thread.Value;
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? TimeSpan { get; }

    public INamedTypeSymbol? TaskAwaiter { get; }
    public INamedTypeSymbol? TaskAwaiterOfT { get; }
    public INamedTypeSymbol? ValueTaskAwaiter { get; }
    public INamedTypeSymbol? ValueTaskAwaiterOfT { get; }
    public INamedTypeSymbol? ConfiguredTaskAwaiter { get; }
    public INamedTypeSymbol? ConfiguredTaskAwaiterOfT { get; }
    public INamedTypeSymbol? ConfiguredValueTaskAwaiter { get; }
    public INamedTypeSymbol? ConfiguredValueTaskAwaiterOfT { get; }

    public INamedTypeSymbol? ObsoleteAttribute { get; }

    /// <summary><c>System.CodeDom.Compiler.GeneratedCodeAttribute</c>, for the one generated-code case the driver leaves to the rules (<see cref="DiagnosticReporting"/>).</summary>
    public INamedTypeSymbol? GeneratedCodeAttribute { get; }

    /// <summary>The <c>System.Threading.SpinWait</c> struct.</summary>
    public INamedTypeSymbol? SpinWaitType => _spinWait.Value;
    public INamedTypeSymbol? Interlocked => _interlocked.Value;
    public INamedTypeSymbol? Volatile => _volatile.Value;

    /// <summary><c>ConfigureAwaitOptions</c> (.NET 8+), for the non-throwing await of a spun-on task.</summary>
    public INamedTypeSymbol? ConfigureAwaitOptions { get; }
    public INamedTypeSymbol? Enumerable => _enumerable.Value;
    public INamedTypeSymbol? MemoryStream { get; }
    public INamedTypeSymbol? Stream { get; }
    public INamedTypeSymbol? DbCommand => _dbCommand.Value;
    public INamedTypeSymbol? IAsyncDisposable { get; }
    public INamedTypeSymbol? Console => _console.Value;
    public INamedTypeSymbol? Parallel => _parallel.Value;
    public INamedTypeSymbol? ParallelOptions => _parallelOptions.Value;
    public INamedTypeSymbol? ActionOfT { get; }
    public INamedTypeSymbol? ServiceProviderServiceExtensions => _serviceProviderServiceExtensions.Value;
    public INamedTypeSymbol? ServiceScopeFactory => _serviceScopeFactory.Value;

    /// <summary><c>System.Lazy&lt;T&gt;</c>, asked for only when a rule is about to report a read of a lazy task's <c>Value</c>.</summary>
    public INamedTypeSymbol? Lazy => _lazy.Value;


    /// <summary><c>Task.WaitAsync(TimeSpan)</c>, .NET 6 and later.</summary>
    public IMethodSymbol? TaskWaitAsyncWithTimeout { get; }

    /// <summary><c>Task.WaitAsync(CancellationToken)</c>, .NET 6 and later.</summary>
    public IMethodSymbol? TaskWaitAsyncWithCancellation { get; }

    /// <summary><c>Task.WaitAsync(TimeSpan, CancellationToken)</c>, .NET 6 and later.</summary>
    public IMethodSymbol? TaskWaitAsyncWithTimeoutAndCancellation { get; }

    /// <summary>Resolves the symbols, or returns null when the compilation has no <c>Task</c> (then no rule can apply).</summary>
    public static WellKnownSymbols? TryCreate(Compilation compilation)
    {
        var lookup = new TypeLookup(compilation);
        var task = lookup.Find("System.Threading.Tasks.Task");
        return task is null ? null : new WellKnownSymbols(compilation, lookup, task);
    }

    /// <summary>True for <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> and <c>ValueTask&lt;T&gt;</c> (and types derived from the tasks).</summary>
    public bool IsTaskLike(ITypeSymbol? type)
    {
        // Asked for the return type of nearly every call: the cheap answers first. The framework's special types (string,
        // int, object, IEnumerable<T>, ...) are never tasks, and a struct can only be a ValueTask.
        if (type is not INamedTypeSymbol named || named.SpecialType != SpecialType.None)
        {
            return false;
        }

        var definition = named.OriginalDefinition;
        switch (named.TypeKind)
        {
            case TypeKind.Struct:
                return SymbolEqualityComparer.Default.Equals(definition, ValueTask) || SymbolEqualityComparer.Default.Equals(definition, ValueTaskOfT);
            case TypeKind.Class:
                // The definitions' base types: a constructed type's base types would be substituted first (List<T> → …).
                for (var current = definition; current is not null; current = current.BaseType?.OriginalDefinition)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, Task))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>True for exactly <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> and <c>ValueTask&lt;T&gt;</c>: the return types an <c>async</c> function can have without a custom builder.</summary>
    public bool IsTaskOrValueTask(ITypeSymbol? type)
    {
        var definition = type?.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition, Task) || SymbolEqualityComparer.Default.Equals(definition, TaskOfT) || IsValueTask(type);
    }

    /// <summary>True for <c>ValueTask</c> and <c>ValueTask&lt;T&gt;</c>.</summary>
    public bool IsValueTask(ITypeSymbol? type)
    {
        var definition = type?.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition, ValueTask) || SymbolEqualityComparer.Default.Equals(definition, ValueTaskOfT);
    }

    /// <summary>True for the awaiter types of the framework's tasks and configured tasks, whose <c>GetResult()</c> blocks.</summary>
    public bool IsTaskAwaiter(ITypeSymbol? type)
    {
        var definition = type?.OriginalDefinition;
        return definition is not null
            && (SymbolEqualityComparer.Default.Equals(definition, TaskAwaiter)
                || SymbolEqualityComparer.Default.Equals(definition, TaskAwaiterOfT)
                || SymbolEqualityComparer.Default.Equals(definition, ValueTaskAwaiter)
                || SymbolEqualityComparer.Default.Equals(definition, ValueTaskAwaiterOfT)
                || SymbolEqualityComparer.Default.Equals(definition, ConfiguredTaskAwaiter)
                || SymbolEqualityComparer.Default.Equals(definition, ConfiguredTaskAwaiterOfT)
                || SymbolEqualityComparer.Default.Equals(definition, ConfiguredValueTaskAwaiter)
                || SymbolEqualityComparer.Default.Equals(definition, ConfiguredValueTaskAwaiterOfT));
    }

    /// <summary>True when <c>await using</c> compiles for <paramref name="type"/>: it is, implements, or is constrained to an IAsyncDisposable.</summary>
    public bool IsAsyncDisposable(ITypeSymbol type)
    {
        if (IAsyncDisposable is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, IAsyncDisposable) || type.AllInterfaces.Contains(IAsyncDisposable, SymbolEqualityComparer.Default))
        {
            return true;
        }

        return type is ITypeParameterSymbol typeParameter && typeParameter.ConstraintTypes.Any(IsAsyncDisposable);
    }

    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsObsolete(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ObsoleteAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when disposing <paramref name="type"/> asynchronously does real work: it is async-disposable and its
    /// <c>DisposeAsync</c> is its own (or an interface's promise), not a framework default that calls <c>Dispose</c>.
    /// </summary>
    public bool HasOwnDisposeAsync(ITypeSymbol type)
    {
        if (IAsyncDisposable is null)
        {
            return false;
        }

        if (type is ITypeParameterSymbol typeParameter)
        {
            // A type parameter disposes the way its constraints say (TFile : FileStream).
            return typeParameter.AllInterfaces.Contains(IAsyncDisposable, SymbolEqualityComparer.Default) || typeParameter.ConstraintTypes.Any(HasOwnDisposeAsync);
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            return SymbolEqualityComparer.Default.Equals(type, IAsyncDisposable) || type.AllInterfaces.Contains(IAsyncDisposable, SymbolEqualityComparer.Default);
        }

        if (!type.AllInterfaces.Contains(IAsyncDisposable, SymbolEqualityComparer.Default) || DerivesFrom(type, DbCommand))
        {
            // A command's DisposeAsync releases no I/O (providers that override it, such as MySqlCommand, just call Dispose).
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IMethodSymbol { IsStatic: false, Parameters.Length: 0 } method
                    && (method.Name == "DisposeAsync" || method.Name.EndsWith(".DisposeAsync", System.StringComparison.Ordinal)))
                {
                    return !IsDefaultAsyncDisposeBase(current.OriginalDefinition);
                }
            }
        }

        return false;
    }

    private bool IsDefaultAsyncDisposeBase(ITypeSymbol type)
    {
        foreach (var defaultBase in _defaultAsyncDisposeBases)
        {
            if (SymbolEqualityComparer.Default.Equals(type, defaultBase.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Lazy&lt;T&gt;.Value</c>, for any <c>T</c> (and on <c>Lazy&lt;T, TMetadata&gt;</c>, which inherits it).</summary>
    public bool IsLazyValue(IPropertySymbol property) => property.Name == "Value"
        && property.ContainingType.Name == "Lazy"
        && Lazy is { } lazy
        && SymbolEqualityComparer.Default.Equals(property.ContainingType.OriginalDefinition, lazy);

    public bool IsCancellationToken(ITypeSymbol? type) => CancellationToken is not null && SymbolEqualityComparer.Default.Equals(type, CancellationToken);

    public bool IsTimeSpan(ITypeSymbol? type) => TimeSpan is not null && SymbolEqualityComparer.Default.Equals(type, TimeSpan);

    private static IMethodSymbol? FindMethod(INamedTypeSymbol type, string name, params ITypeSymbol?[] parameterTypes)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol method && !method.IsStatic && method.Parameters.Length == parameterTypes.Length && ParametersMatch(method, parameterTypes))
            {
                return method;
            }
        }

        return null;
    }

    private static bool ParametersMatch(IMethodSymbol method, ITypeSymbol?[] parameterTypes)
    {
        for (var i = 0; i < parameterTypes.Length; i++)
        {
            if (parameterTypes[i] is null || !SymbolEqualityComparer.Default.Equals(method.Parameters[i].Type, parameterTypes[i]))
            {
                return false;
            }
        }

        return true;
    }
}
