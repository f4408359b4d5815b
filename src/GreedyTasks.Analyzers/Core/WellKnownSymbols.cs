using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// The framework symbols the rules compare against, resolved once per compilation in a compilation-start
/// action. Rules compare symbols (never type names as strings); a symbol missing from the target framework
/// is null and the check that needs it is skipped.
/// </summary>
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

    private WellKnownSymbols(Compilation compilation, INamedTypeSymbol task)
    {
        Compilation = compilation;
        Task = task;
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        TaskStatus = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskStatus");
        Thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");

        TaskAwaiter = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.TaskAwaiter");
        TaskAwaiterOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.TaskAwaiter`1");
        ValueTaskAwaiter = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ValueTaskAwaiter");
        ValueTaskAwaiterOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ValueTaskAwaiter`1");
        ConfiguredTaskAwaiter = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter");
        ConfiguredTaskAwaiterOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter");
        ConfiguredValueTaskAwaiter = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter");
        ConfiguredValueTaskAwaiterOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1+ConfiguredValueTaskAwaiter");

        ObsoleteAttribute = compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
        GeneratedCodeAttribute = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
        SpinWaitType = compilation.GetTypeByMetadataName("System.Threading.SpinWait");
        Interlocked = compilation.GetTypeByMetadataName("System.Threading.Interlocked");
        Volatile = compilation.GetTypeByMetadataName("System.Threading.Volatile");
        ConfigureAwaitOptions = compilation.GetTypeByMetadataName("System.Threading.Tasks.ConfigureAwaitOptions");
        Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        MemoryStream = compilation.GetTypeByMetadataName("System.IO.MemoryStream");
        Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
        DbCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
        IAsyncDisposable = compilation.GetTypeByMetadataName("System.IAsyncDisposable");
        Console = compilation.GetTypeByMetadataName("System.Console");
        Parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
        ParallelOptions = compilation.GetTypeByMetadataName("System.Threading.Tasks.ParallelOptions");
        ActionOfT = compilation.GetTypeByMetadataName("System.Action`1");
        ServiceProviderServiceExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions");
        ServiceScopeFactory = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceScopeFactory");
        DefaultAsyncDisposeBases = ImmutableArray.CreateRange(
            DefaultAsyncDisposeBaseNames.Select(compilation.GetTypeByMetadataName).Where(t => t is not null).Select(t => t!));

        TaskWaitAsyncWithTimeout = FindMethod(task, "WaitAsync", TimeSpan);
        TaskWaitAsyncWithCancellation = FindMethod(task, "WaitAsync", CancellationToken);
        TaskWaitAsyncWithTimeoutAndCancellation = FindMethod(task, "WaitAsync", TimeSpan, CancellationToken);
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? TaskStatus { get; }
    public INamedTypeSymbol? Thread { get; }
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
    public INamedTypeSymbol? SpinWaitType { get; }
    public INamedTypeSymbol? Interlocked { get; }
    public INamedTypeSymbol? Volatile { get; }

    /// <summary><c>ConfigureAwaitOptions</c> (.NET 8+), for the non-throwing await of a spun-on task.</summary>
    public INamedTypeSymbol? ConfigureAwaitOptions { get; }
    public INamedTypeSymbol? Enumerable { get; }
    public INamedTypeSymbol? MemoryStream { get; }
    public INamedTypeSymbol? Stream { get; }
    public INamedTypeSymbol? DbCommand { get; }
    public INamedTypeSymbol? IAsyncDisposable { get; }
    public INamedTypeSymbol? Console { get; }
    public INamedTypeSymbol? Parallel { get; }
    public INamedTypeSymbol? ParallelOptions { get; }
    public INamedTypeSymbol? ActionOfT { get; }
    public INamedTypeSymbol? ServiceProviderServiceExtensions { get; }
    public INamedTypeSymbol? ServiceScopeFactory { get; }

    /// <summary>Framework base classes whose <c>DisposeAsync</c> only calls <c>Dispose</c>: a type that inherits it unchanged gains nothing from <c>await using</c>.</summary>
    public ImmutableArray<INamedTypeSymbol> DefaultAsyncDisposeBases { get; }

    /// <summary><c>Task.WaitAsync(TimeSpan)</c>, .NET 6 and later.</summary>
    public IMethodSymbol? TaskWaitAsyncWithTimeout { get; }

    /// <summary><c>Task.WaitAsync(CancellationToken)</c>, .NET 6 and later.</summary>
    public IMethodSymbol? TaskWaitAsyncWithCancellation { get; }

    /// <summary><c>Task.WaitAsync(TimeSpan, CancellationToken)</c>, .NET 6 and later.</summary>
    public IMethodSymbol? TaskWaitAsyncWithTimeoutAndCancellation { get; }

    /// <summary>Resolves the symbols, or returns null when the compilation has no <c>Task</c> (then no rule can apply).</summary>
    public static WellKnownSymbols? TryCreate(Compilation compilation)
    {
        var task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        return task is null ? null : new WellKnownSymbols(compilation, task);
    }

    /// <summary>True for <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> and <c>ValueTask&lt;T&gt;</c> (and types derived from the tasks).</summary>
    public bool IsTaskLike(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        var definition = named.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(definition, ValueTask) || SymbolEqualityComparer.Default.Equals(definition, ValueTaskOfT))
        {
            return true;
        }

        for (var current = named; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, Task))
            {
                return true;
            }
        }

        return false;
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
                    return !DefaultAsyncDisposeBases.Contains(current.OriginalDefinition, SymbolEqualityComparer.Default);
                }
            }
        }

        return false;
    }

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
