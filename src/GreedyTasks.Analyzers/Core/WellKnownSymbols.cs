using Microsoft.CodeAnalysis;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// The framework symbols the rules compare against, resolved once per compilation in a compilation-start
/// action. Rules compare symbols (never type names as strings); a symbol missing from the target framework
/// is null and the check that needs it is skipped.
/// </summary>
internal sealed class WellKnownSymbols
{
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

    public bool IsTask(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, Task);

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
