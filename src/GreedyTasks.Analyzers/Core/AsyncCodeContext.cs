using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Answers "is this operation in async code?" as RULES.md defines it: the body of an <c>async</c> method,
/// local function, lambda or anonymous method (async iterators and top-level statements with <c>await</c>
/// included), but not a synchronous lambda or local function nested in async code, because that may run later
/// and on another thread. With <c>greedy_tasks.task_returning_methods</c> on, a non-<c>async</c> function that returns
/// <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c> is async code too (its fix makes it
/// <c>async</c>; see <see cref="NeedsAsyncModifier"/>). It also records where <c>await</c> would be illegal: inside a <c>lock</c> body
/// (CS1996) or a catch filter (CS7094).
/// </summary>
/// <remarks>
/// The walk goes from the operation up to the nearest enclosing function, so its cost is the nesting depth
/// of the operation. Rules match their target symbol first and only then ask for the context.
/// </remarks>
internal readonly struct AsyncCodeContext
{
    private AsyncCodeContext(IMethodSymbol? function, IOperation? functionOperation, bool isAsyncCode, bool isInLock, bool isInCatchFilter)
    {
        Function = function;
        FunctionOperation = functionOperation;
        IsAsyncCode = isAsyncCode;
        IsInLock = isInLock;
        IsInCatchFilter = isInCatchFilter;
    }

    /// <summary>The innermost function (method, local function, lambda or anonymous method) containing the operation.</summary>
    public IMethodSymbol? Function { get; }

    /// <summary>The <see cref="IAnonymousFunctionOperation"/> or <see cref="ILocalFunctionOperation"/> of <see cref="Function"/>, or null when it is the member itself.</summary>
    public IOperation? FunctionOperation { get; }

    /// <summary>True when the operation runs as part of an async function.</summary>
    public bool IsAsyncCode { get; }

    /// <summary>True when the operation is async code only because <c>greedy_tasks.task_returning_methods</c> is on: a fix must make <see cref="Function"/> <c>async</c>.</summary>
    public bool NeedsAsyncModifier => IsAsyncCode && Function is { IsAsync: false };

    /// <summary>True when the operation is inside the body of a <c>lock</c> statement of its function.</summary>
    public bool IsInLock { get; }

    /// <summary>True when the operation is inside a <c>catch (…) when (…)</c> filter of its function.</summary>
    public bool IsInCatchFilter { get; }

    /// <summary>True when an <c>await</c> may legally be written in place of the operation, as far as its enclosing statements tell.</summary>
    public bool AllowsAwait => IsAsyncCode && !IsInLock && !IsInCatchFilter;

    /// <summary>
    /// The operation that holds the whole function <paramref name="operation"/> runs in: the lambda or local function,
    /// or the root of the member's operation tree.
    /// </summary>
    public IOperation FunctionBody(IOperation operation)
    {
        return FunctionOperation ?? operation.Root();
    }

    /// <summary>Finds the context of <paramref name="operation"/>; <paramref name="containingSymbol"/> is the analysis context's containing symbol.</summary>
    public static AsyncCodeContext Of(IOperation operation, ISymbol containingSymbol, GreedyTasksOptions options)
    {
        var isInLock = false;
        var isInCatchFilter = false;
        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            // By kind, not by type test: most operations are neither, and an interface type test per kind costs more
            // than reading the kind once (this walk runs for every candidate call in the compilation).
            switch (current.Kind)
            {
                case OperationKind.AnonymousFunction:
                    var lambda = (IAnonymousFunctionOperation)current;
                    return new AsyncCodeContext(lambda.Symbol, lambda, lambda.Symbol.IsAsync || (IsAsyncFunction(lambda.Symbol, operation, options) && ReturnsATask(lambda)), isInLock, isInCatchFilter);
                case OperationKind.LocalFunction:
                    var localFunction = (ILocalFunctionOperation)current;
                    return new AsyncCodeContext(localFunction.Symbol, localFunction, IsAsyncFunction(localFunction.Symbol, operation, options), isInLock, isInCatchFilter);
                case OperationKind.Lock when ReferenceEquals(((ILockOperation)current).Body, child):
                    isInLock = true;
                    break;
                case OperationKind.CatchClause when ReferenceEquals(((ICatchClauseOperation)current).Filter, child):
                    isInCatchFilter = true;
                    break;
                case OperationKind.NameOf:
                    // nameof(task.Result) never runs.
                    return default;
            }
        }

        var method = containingSymbol as IMethodSymbol;
        return new AsyncCodeContext(method, null, method is not null && IsAsyncFunction(method, operation, options), isInLock, isInCatchFilter);
    }

    /// <summary>
    /// A lambda counts as task-returning only when it returns something: <c>() =&gt; { for (;;) { … } }</c> never returns, so
    /// overload resolution may bind it to <c>Func&lt;Task&gt;</c> (as <c>Task.Run</c> does), but it produces no task and is
    /// synchronous code; counting it would report the loop a GT0004 fix has just moved into <c>Task.Run</c>.
    /// </summary>
    private static bool ReturnsATask(IAnonymousFunctionOperation lambda)
    {
        foreach (var descendant in lambda.Body.DescendantsInSameFunction())
        {
            if (descendant is IReturnOperation { ReturnedValue: not null })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAsyncFunction(IMethodSymbol function, IOperation operation, GreedyTasksOptions options)
    {
        // The synthesized entry point of top-level statements reports IsAsync when the statements contain an await.
        // The option is read last: most functions are either async or return no task.
        return function.IsAsync || options.IsTaskReturningFunction(function, operation.Syntax.SyntaxTree);
    }
}
