using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Decides whether a task is provably complete where it is read, so that reading its result does not block:
/// a task made complete (<c>Task.FromResult</c>, <c>Task.CompletedTask</c>, …), the antecedent inside a
/// <c>ContinueWith</c> callback, and a local or parameter that on every path to the use was awaited
/// (alone or in <c>Task.WhenAll</c>), already waited on, tested with <c>IsCompleted</c>-like checks, assigned what
/// <c>await Task.WhenAny(…)</c> returned or shown to be that winner, and not reassigned since; also one element of a
/// collection, <c>tasks[i]</c>, tested the same way, and the <c>Value</c> of a <c>Lazy&lt;Task&lt;T&gt;&gt;</c> local or
/// parameter.
/// </summary>
/// <remarks>
/// The path check is a must-analysis over the control flow graph of the enclosing function, run only for an
/// operation a rule is about to report, so its cost is paid rarely. An awaited <c>ValueTask</c> is never
/// considered complete (a ValueTask may be consumed once); an <c>IsCompleted</c> test is, because
/// <c>if (vt.IsCompletedSuccessfully) return vt.Result;</c> is the documented fast path and does not block.
/// </remarks>
internal static partial class CompletedTaskAnalysis
{
    private enum Effect
    {
        None,
        Completes,
        Reassigns,
    }

    public static bool IsProvablyComplete(IOperation taskExpression, IOperation use, in AsyncCodeContext context, WellKnownSymbols symbols, Func<ControlFlowGraph?> getRootGraph)
    {
        var task = taskExpression.WalkDownConversion();
        if (IsCompletedTaskFactory(task, symbols))
        {
            return true;
        }

        var (symbol, isCollection) = TrackedVariable(task, use);
        var throughLazyValue = false;
        if (symbol is null
            && task is IPropertyReferenceOperation { Instance: { } lazy } property
            && symbols.IsLazyValue(property.Property))
        {
            // lazy.Value, where lazy is a Lazy<Task<T>>: once Value has returned a task it returns that same task on
            // every call, so "await lazy.Value; … lazy.Value.Result" reads a complete task as long as lazy is not
            // reassigned. (A factory that throws leaves the read reachable only through a catch, where nothing is known.)
            symbol = lazy.ReferencedLocalOrParameter();
            throughLazyValue = true;
        }

        if (symbol is null)
        {
            return false;
        }

        if (!isCollection && !throughLazyValue && IsContinuationAntecedent(symbol, use, symbols))
        {
            return true;
        }

        var root = use.Root();

        if (IsWrittenInAnotherFunction(symbol, root))
        {
            return false;
        }

        ControlFlowGraph? graph;
        try
        {
            graph = getRootGraph();
        }
        catch (ArgumentException)
        {
            // The graph cannot be built for some incomplete code; without it nothing is provable.
            return false;
        }

        if (graph is null || context.Function is null)
        {
            return false;
        }

        if (context.FunctionOperation is not null)
        {
            graph = FindFunctionGraph(graph, context.Function);
            if (graph is null)
            {
                return false;
            }
        }

        if (new PathCheck(symbol, isCollection, ElementIndex.None, task.Type, symbols, graph, root, throughLazyValue).IsCompleteAt(use.Syntax))
        {
            return true;
        }

        // The variable of foreach (var t in tasks) is a read-only local: its own check or await guards it as any
        // local's does (if (t.IsCompletedSuccessfully) t.Result.Dispose();).
        if (isCollection
            && task is ILocalReferenceOperation { Local: var iterationVariable }
            && new PathCheck(iterationVariable, isCollection: false, ElementIndex.None, task.Type, symbols, graph, root).IsCompleteAt(use.Syntax))
        {
            return true;
        }

        // One element, tasks[i], is also complete behind a check of that same element (after a WhenAll that may have
        // thrown, real code tests each element before reading it). A second pass, so that the index's changes cannot
        // undo what a WhenAll over the whole collection proved in the first.
        return isCollection
            && ElementIndex.Of(task) is { IsKnown: true } index
            && !(index.Symbol is { } indexSymbol && IsWrittenInAnotherFunction(indexSymbol, root))
            && new PathCheck(symbol, isCollection, index, task.Type, symbols, graph, root).IsCompleteAt(use.Syntax);
    }

    /// <summary>
    /// The variable whose completion decides: the task variable itself, or, for a task read from a collection
    /// (<c>tasks[i]</c>, <c>list[i]</c>, the variable of <c>foreach (var t in tasks)</c>), the collection variable, which
    /// <c>Task.WhenAll(tasks)</c> completes as a whole.
    /// </summary>
    private static (ISymbol? Symbol, bool IsCollection) TrackedVariable(IOperation task, IOperation use)
    {
        switch (task)
        {
            case IArrayElementReferenceOperation element:
                return (element.ArrayReference.ReferencedLocalOrParameter(), true);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } collection }:
                return (collection.ReferencedLocalOrParameter(), true);
            case ILocalReferenceOperation local:
                for (var current = use.Parent; current is not null; current = current.Parent)
                {
                    if (current is IForEachLoopOperation loop && loop.Locals.Contains(local.Local, SymbolEqualityComparer.Default))
                    {
                        return (loop.Collection.ReferencedLocalOrParameter(), true);
                    }
                }

                return (local.Local, false);
            default:
                return (task.ReferencedLocalOrParameter(), false);
        }
    }

    /// <summary><c>Task.FromResult(x)</c>, <c>Task.CompletedTask</c>, <c>Task.FromException(e)</c>, <c>Task.FromCanceled(ct)</c> and their ValueTask twins.</summary>
    private static bool IsCompletedTaskFactory(IOperation operation, WellKnownSymbols symbols)
    {
        switch (operation)
        {
            case IInvocationOperation invocation when invocation.TargetMethod.IsStatic && IsTaskOrValueTaskType(invocation.TargetMethod.ContainingType, symbols):
                return invocation.TargetMethod.Name is "FromResult" or "FromException" or "FromCanceled";
            case IPropertyReferenceOperation property when property.Property.IsStatic && IsTaskOrValueTaskType(property.Property.ContainingType, symbols):
                return property.Property.Name == "CompletedTask";
            case IObjectCreationOperation creation when symbols.IsValueTask(creation.Type) && creation.Constructor is { Parameters.Length: 1 } constructor:
                // new ValueTask<T>(result) holds a value; the Task and IValueTaskSource constructors do not.
                return constructor.OriginalDefinition.Parameters[0].Type is ITypeParameterSymbol;
            default:
                return false;
        }
    }

    private static bool IsTaskOrValueTaskType(INamedTypeSymbol? type, WellKnownSymbols symbols)
    {
        var definition = type?.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition, symbols.Task)
            || SymbolEqualityComparer.Default.Equals(definition, symbols.TaskOfT)
            || SymbolEqualityComparer.Default.Equals(definition, symbols.ValueTask)
            || SymbolEqualityComparer.Default.Equals(definition, symbols.ValueTaskOfT);
    }

    /// <summary>The first parameter of a lambda passed to <c>Task.ContinueWith</c> is the antecedent, which is complete when the callback runs.</summary>
    private static bool IsContinuationAntecedent(ISymbol symbol, IOperation use, WellKnownSymbols symbols)
    {
        if (symbol is not IParameterSymbol { Ordinal: 0, ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambdaSymbol })
        {
            return false;
        }

        for (var current = use.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, lambdaSymbol))
            {
                var argument = lambda.Parent is IDelegateCreationOperation creation ? creation.Parent : lambda.Parent;
                return argument is IArgumentOperation { Parent: IInvocationOperation invocation }
                    && invocation.TargetMethod.Name == "ContinueWith"
                    && IsTaskOrValueTaskType(invocation.TargetMethod.ContainingType, symbols);
            }
        }

        return false;
    }

    /// <summary>A local that a lambda or local function reassigns may change between any two statements; nothing is provable about it.</summary>
    private static bool IsWrittenInAnotherFunction(ISymbol symbol, IOperation root)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation.Writes(symbol)
                && !SymbolEqualityComparer.Default.Equals(EnclosingFunction(operation), OwnFunction(symbol)))
            {
                return true;
            }
        }

        return false;

        // The lambda or local function that declares the variable; null for the member itself, as EnclosingFunction
        // answers for code outside any lambda or local function.
        static ISymbol? OwnFunction(ISymbol variable) =>
            variable.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } function ? function : null;

        static ISymbol? EnclosingFunction(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation lambda:
                        return lambda.Symbol;
                    case ILocalFunctionOperation localFunction:
                        return localFunction.Symbol;
                }
            }

            return null;
        }
    }

    private static ControlFlowGraph? FindFunctionGraph(ControlFlowGraph root, IMethodSymbol function)
    {
        var pending = new Stack<ControlFlowGraph>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var graph = pending.Pop();
            foreach (var localFunction in graph.LocalFunctions)
            {
                var nested = graph.GetLocalFunctionControlFlowGraph(localFunction);
                if (SymbolEqualityComparer.Default.Equals(localFunction, function))
                {
                    return nested;
                }

                pending.Push(nested);
            }

            foreach (var block in graph.Blocks)
            {
                foreach (var operation in BlockOperations(block))
                {
                    foreach (var descendant in operation.DescendantsAndSelf())
                    {
                        if (descendant is IFlowAnonymousFunctionOperation lambda)
                        {
                            var nested = graph.GetAnonymousFunctionControlFlowGraph(lambda);
                            if (SymbolEqualityComparer.Default.Equals(lambda.Symbol, function))
                            {
                                return nested;
                            }

                            pending.Push(nested);
                        }
                    }
                }
            }
        }

        return null;
    }

    private static IEnumerable<IOperation> BlockOperations(BasicBlock block)
    {
        foreach (var operation in block.Operations)
        {
            yield return operation;
        }

        if (block.BranchValue is not null)
        {
            yield return block.BranchValue;
        }
    }

    /// <summary>
    /// The must-analysis "the task in this variable is complete" over one control flow graph. The variable is a task,
    /// a collection of tasks (complete as a whole), with a known <see cref="ElementIndex"/> one element of a
    /// collection, or a <c>Lazy&lt;Task&lt;T&gt;&gt;</c> whose <c>Value</c> is the task.
    /// </summary>
    private readonly partial struct PathCheck
    {
        private readonly ISymbol _symbol;
        private readonly bool _isCollection;
        private readonly ElementIndex _element;
        private readonly bool _throughLazyValue;
        private readonly WellKnownSymbols _symbols;
        private readonly bool _isValueTask;
        private readonly ControlFlowGraph _graph;

        // What each flow capture of the graph holds, when it is captured once: the graph captures an assignment's
        // target (x = await Task.WhenAny(new List<Task> { a, b })) and other operands it must evaluate early.
        private readonly Dictionary<CaptureId, IOperation?> _captures;

        // The whole operation tree of the member, for the checks of a second variable; null inside such a check, so
        // that one comparison never starts another (two winners compared with each other would recurse).
        private readonly IOperation? _root;

        // Set for a winner check (CompletedTaskAnalysis.WhenAnyWinner.cs): the check follows a variable and proves that
        // it holds what await Task.WhenAny(_task, _rival) returned, with neither of the two reassigned since.
        private readonly ISymbol? _task;
        private readonly ISymbol? _rival;

        public PathCheck(ISymbol symbol, bool isCollection, ElementIndex element, ITypeSymbol? taskType, WellKnownSymbols symbols, ControlFlowGraph graph, IOperation? root, bool throughLazyValue = false)
        {
            _symbol = symbol;
            _isCollection = isCollection;
            _element = element;
            _throughLazyValue = throughLazyValue;
            _symbols = symbols;
            _graph = graph;
            _root = root;

            // A ValueTask may be consumed only once, so awaiting it never makes a later read safe.
            _isValueTask = symbols.IsValueTask(taskType);

            _captures = new Dictionary<CaptureId, IOperation?>();
            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    if (operation is IFlowCaptureOperation capture)
                    {
                        // Captured on several paths (a ?: or ??): no single value.
                        _captures[capture.Id] = _captures.ContainsKey(capture.Id) ? null : capture.Value;
                    }
                }
            }
        }

        public bool IsCompleteAt(SyntaxNode useSyntax)
        {
            var blocks = _graph.Blocks;
            var useBlock = -1;
            var useIndex = -1;
            for (var b = 0; b < blocks.Length && useBlock < 0; b++)
            {
                var index = 0;
                foreach (var operation in BlockOperations(blocks[b]))
                {
                    if (ContainsSyntax(operation, useSyntax))
                    {
                        useBlock = b;
                        useIndex = index;
                        break;
                    }

                    index++;
                }
            }

            if (useBlock < 0)
            {
                return false;
            }

            // Fixed point of the entry states; every state starts optimistic (true) except the entry block.
            var blockEffects = new Effect[blocks.Length];
            for (var b = 0; b < blocks.Length; b++)
            {
                blockEffects[b] = LastEffect(BlockOperations(blocks[b]), int.MaxValue);
            }

            var entry = new bool[blocks.Length];
            var exit = new bool[blocks.Length];
            for (var b = 0; b < blocks.Length; b++)
            {
                entry[b] = true;
                exit[b] = Apply(blockEffects[b], true);
            }

            var changed = true;
            while (changed)
            {
                changed = false;
                for (var b = 0; b < blocks.Length; b++)
                {
                    var state = EntryState(blocks[b], exit);
                    var newExit = Apply(blockEffects[b], state);
                    if (state != entry[b] || newExit != exit[b])
                    {
                        entry[b] = state;
                        exit[b] = newExit;
                        changed = true;
                    }
                }
            }

            // Walk the use's block up to the use.
            var complete = entry[useBlock];
            var position = 0;
            foreach (var operation in BlockOperations(blocks[useBlock]))
            {
                if (position == useIndex)
                {
                    return Apply(LastEffect(new[] { operation }, useSyntax.SpanStart), complete);
                }

                complete = Apply(LastEffect(new[] { operation }, int.MaxValue), complete);
                position++;
            }

            return complete;
        }

        private static bool ContainsSyntax(IOperation operation, SyntaxNode syntax)
        {
            if (!operation.Syntax.Span.Contains(syntax.Span))
            {
                return false;
            }

            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (descendant.Syntax == syntax)
                {
                    return true;
                }
            }

            return false;
        }

        private bool EntryState(BasicBlock block, bool[] exit)
        {
            if (block.Kind == BasicBlockKind.Entry || block.Predecessors.IsEmpty)
            {
                // Nothing is known at the start, nor where control arrives by an exception (catch and finally entries have no predecessors).
                return false;
            }

            foreach (var branch in block.Predecessors)
            {
                var source = branch.Source;
                var onEdge = exit[source.Ordinal];
                if (!onEdge && source.ConditionKind != ControlFlowConditionKind.None && source.BranchValue is not null)
                {
                    var takenWhenTrue = branch.IsConditionalSuccessor == (source.ConditionKind == ControlFlowConditionKind.WhenTrue);
                    // A winner check (see WinnerEffectOf) has no guards: a test of the winner says nothing about who won.
                    var test = _rival is null ? CompletionTest(source.BranchValue) : 0;
                    onEdge = (test > 0 && takenWhenTrue) || (test < 0 && !takenWhenTrue);
                }

                if (!onEdge)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Apply(Effect effect, bool state) => effect switch
        {
            Effect.Completes => true,
            Effect.Reassigns => false,
            _ => state,
        };

        /// <summary>The effect on the variable of the last relevant event that ends before <paramref name="limit"/>.</summary>
        private Effect LastEffect(IEnumerable<IOperation> operations, int limit)
        {
            var last = Effect.None;
            var lastEnd = -1;
            foreach (var root in operations)
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    var end = operation.Syntax.Span.End;
                    if (end > limit || end < lastEnd)
                    {
                        continue;
                    }

                    var effect = EffectOf(operation);
                    if (effect != Effect.None)
                    {
                        last = effect;
                        lastEnd = end;
                    }
                }
            }

            return last;
        }

        private Effect EffectOf(IOperation operation)
        {
            if (_rival is not null)
            {
                return WinnerEffectOf(operation);
            }

            if (_element.Symbol is not null && WritesIndex(operation))
            {
                return Effect.Reassigns;
            }

            switch (operation)
            {
                case IAwaitOperation await when !_isValueTask && CompletesSymbol(await.Operation):
                    return Effect.Completes;
                case IInvocationOperation invocation when !_isValueTask && IsBlockingWaitOnSymbol(invocation):
                    return Effect.Completes;
                case ISimpleAssignmentOperation or IVariableDeclaratorOperation when WritesSymbol(operation, out var written):
                    return written is not null && IsCompleteValue(written) ? Effect.Completes : Effect.Reassigns;
                case IDeconstructionAssignmentOperation deconstruction when ContainsSymbol(deconstruction.Target):
                    return Effect.Reassigns;
                case ISimpleAssignmentOperation elementAssignment when _isCollection && IsElementOfSymbol(elementAssignment.Target):
                    return Effect.Reassigns;
                case IInvocationOperation mutation when _isCollection && IsSymbol(mutation.Instance) && AddsElements(mutation.TargetMethod):
                    return Effect.Reassigns;
                case IInvocationOperation use when _element.IsKnown && MayReorder(use):
                    return Effect.Reassigns;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument when IsSymbol(argument.Value):
                    return Effect.Reassigns;
                default:
                    return Effect.None;
            }
        }

        /// <summary>
        /// True for an assignment or a declaration of the followed variable, with the value it stores (null for a
        /// declaration without an initializer).
        /// </summary>
        private bool WritesSymbol(IOperation operation, out IOperation? value)
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation assignment when IsSymbol(assignment.Target):
                    value = assignment.Value;
                    return true;
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, _symbol):
                    value = declarator.Initializer?.Value;
                    return true;
                default:
                    value = null;
                    return false;
            }
        }

        /// <summary>
        /// A value that is a complete task: <c>Task.FromResult(x)</c> and the like, or what <c>await Task.WhenAny(…)</c>
        /// returns, the task that completed first.
        /// </summary>
        private bool IsCompleteValue(IOperation value) => IsCompletedTaskFactory(value.WalkDownConversion(), _symbols) || AwaitedWhenAny(value) is not null;

        /// <summary>An assignment, increment, <c>ref</c>/<c>out</c> argument, deconstruction or declaration that changes the index variable.</summary>
        private bool WritesIndex(IOperation operation) => operation is IVariableDeclaratorOperation declarator
            ? SymbolEqualityComparer.Default.Equals(declarator.Symbol, _element.Symbol)
            : operation.Writes(_element.Symbol!);

        /// <summary>
        /// A call that is given the collection and may change which task sits at the index: any method other than the
        /// task combinators and a few that only read (<c>Contains</c>, <c>IndexOf</c>, <c>ToArray</c>, …).
        /// </summary>
        private bool MayReorder(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name is "Contains" or "IndexOf" or "LastIndexOf" or "ToArray" or "ToList" or "CopyTo"
                || (method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.Task)))
            {
                return false;
            }

            if (IsSymbol(invocation.Instance))
            {
                return true;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (IsSymbol(argument.Value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>await t</c>, <c>await Task.WhenAll(…, t, …)</c> (or over the collection), and either of them wrapped:
        /// <c>.ConfigureAwait(…)</c>, <c>.WaitAsync(…)</c>, <c>.ContinueWith(…)</c>, or an extension method on the task
        /// (libraries' own ConfigureAwait shorthands): the wrapper completes normally only after the task has.
        /// </summary>
        private bool CompletesSymbol(IOperation awaited)
        {
            awaited = awaited.WalkDownConversion();
            if (IsTrackedTask(awaited))
            {
                return true;
            }

            if (awaited is not IInvocationOperation invocation)
            {
                return false;
            }

            var method = invocation.TargetMethod;
            if (method.IsStatic && method.Name == "WhenAll" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.Task))
            {
                return ArgumentsContainSymbol(invocation);
            }

            var wrapped = method switch
            {
                { IsStatic: false, Name: "ConfigureAwait" or "WaitAsync" or "ContinueWith" } => invocation.Instance,
                { IsExtensionMethod: true } when !invocation.Arguments.IsEmpty && _symbols.IsTaskLike(method.Parameters[0].Type) => invocation.Arguments[0].Value,
                _ => null,
            };
            return wrapped is not null && CompletesSymbol(wrapped);
        }

        /// <summary><c>tasks.ToArray()</c>, <c>tasks.ToList()</c>: the same tasks in a new collection.</summary>
        private bool IsCopyOfSymbol(IOperation value) =>
            value.WalkDownConversion() is IInvocationOperation { TargetMethod.Name: "ToArray" or "ToList" } copy
            && IsSymbol(copy.Instance ?? (copy.Arguments.IsEmpty ? null : copy.Arguments[0].Value));

        private bool IsElementOfSymbol(IOperation target) => target switch
        {
            IArrayElementReferenceOperation element => IsSymbol(element.ArrayReference),
            IPropertyReferenceOperation { Property.IsIndexer: true } indexer => IsSymbol(indexer.Instance),
            _ => false,
        };

        /// <summary>Collection methods that can bring in a task the earlier WhenAll did not cover.</summary>
        private static bool AddsElements(IMethodSymbol method) =>
            method.Name is "Add" or "AddRange" or "Insert" or "InsertRange" or "Enqueue" or "Push" or "TryAdd";

        /// <summary><c>t.Wait()</c>, <c>t.Wait(ct)</c>, <c>t.GetAwaiter().GetResult()</c>, <c>Task.WaitAll(…, t, …)</c>: once they return, the task is complete.</summary>
        private bool IsBlockingWaitOnSymbol(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.Task))
            {
                if (method.Name == "GetResult" && _symbols.IsTaskAwaiter(method.ContainingType)
                    && invocation.Instance?.WalkDownConversion() is IInvocationOperation { TargetMethod.Name: "GetAwaiter" } getAwaiter)
                {
                    return CompletesSymbol(getAwaiter.Instance ?? getAwaiter);
                }

                return false;
            }

            if (TimeoutArguments.TryGetTimeoutParameter(method, _symbols, out _))
            {
                return false;
            }

            return method.Name switch
            {
                "Wait" => IsTrackedTask(invocation.Instance),
                "WaitAll" => ArgumentsContainSymbol(invocation),
                _ => false,
            };
        }

        private bool ArgumentsContainSymbol(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (IsSymbol(argument.Value) || (_isCollection && IsCopyOfSymbol(argument.Value)))
                {
                    return true;
                }

                if (argument.WrittenCollectionElements() is { } elements)
                {
                    foreach (var element in elements)
                    {
                        if (IsTaskReference(element))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>+1 when the branch value is true only for a complete task, -1 when it is false only for a complete task, 0 otherwise.</summary>
        private int CompletionTest(IOperation condition)
        {
            switch (condition.WalkDownConversion())
            {
                case IPropertyReferenceOperation property
                    when property.Property.Name is "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled"
                         && _symbols.IsTaskLike(property.Property.ContainingType)
                         && IsTrackedTask(property.Instance):
                    return 1;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return -CompletionTest(not.Operand);
                case IIsPatternOperation { Pattern: IRecursivePatternOperation recursive } isPattern
                    when (IsTrackedTask(isPattern.Value) || SymbolEqualityComparer.Default.Equals(recursive.DeclaredSymbol, _symbol)) && TestsCompletion(recursive):
                    // if (o is Task<int> { IsCompleted: true } t) / if (t is { IsCompletedSuccessfully: true })
                    return 1;
                case IInvocationOperation { TargetMethod.ReturnType.SpecialType: SpecialType.System_Boolean } wait
                    when SymbolEqualityComparer.Default.Equals(wait.TargetMethod.ContainingType, _symbols.Task)
                         && ((wait.TargetMethod.Name == "Wait" && IsTrackedTask(wait.Instance)) || (wait.TargetMethod.Name == "WaitAll" && ArgumentsContainSymbol(wait))):
                    // if (t.Wait(timeout)) / if (!t.Wait(timeout)) throw …: true only once the task has completed.
                    return 1;
                case IInvocationOperation { Instance: null, Arguments.Length: 1 } helper when IsCompletionHelper(helper.TargetMethod) && IsTrackedTask(helper.Arguments[0].Value):
                    // t.IsCompletedSuccessfully(): libraries that target netstandard2.0, where the property is missing,
                    // write it as an extension method (MassTransit, for one, calls it 26 times, mostly to guard a read of the result).
                    return 1;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                    var sign = binary.OperatorKind == BinaryOperatorKind.Equals ? 1 : -1;
                    if (binary.RightOperand.ConstantValue is { HasValue: true, Value: bool right })
                    {
                        return sign * (right ? 1 : -1) * CompletionTest(binary.LeftOperand);
                    }

                    if (binary.LeftOperand.ConstantValue is { HasValue: true, Value: bool left })
                    {
                        return sign * (left ? 1 : -1) * CompletionTest(binary.RightOperand);
                    }

                    if (IsFinalStatusTest(binary.LeftOperand, binary.RightOperand) || IsFinalStatusTest(binary.RightOperand, binary.LeftOperand) || IsSameAsCompleteTask(binary))
                    {
                        return sign;
                    }

                    // done == delay, where done is what WhenAny(t, delay) returned: when false, t won.
                    return IsRivalOfWinner(binary) ? -sign : 0;
                default:
                    return 0;
            }
        }

        /// <summary>
        /// A static method, usually an extension, that takes one task and answers one of the task's own completion
        /// questions under the property's name: <c>static bool IsCompletedSuccessfully(this Task task)</c>. The name is
        /// trusted as the property's is; a helper that answered something else under it would mislead its callers too.
        /// </summary>
        private bool IsCompletionHelper(IMethodSymbol method)
        {
            return method.IsStatic
                && method.Name is "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled"
                && method.ReturnType.SpecialType == SpecialType.System_Boolean
                && method.Parameters.Length == 1
                && _symbols.IsTaskLike(method.Parameters[0].Type);
        }

        /// <summary>A property pattern that requires <c>IsCompleted</c> (or a final-state flag) to be <c>true</c>.</summary>
        private bool TestsCompletion(IRecursivePatternOperation pattern)
        {
            foreach (var subpattern in pattern.PropertySubpatterns)
            {
                if (subpattern.Member is IPropertyReferenceOperation { Property: { Name: "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled" } property }
                    && _symbols.IsTaskLike(property.ContainingType)
                    && subpattern.Pattern is IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: true } })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>t.Status == TaskStatus.RanToCompletion</c> (or Faulted, Canceled).</summary>
        private bool IsFinalStatusTest(IOperation statusRead, IOperation value)
        {
            return statusRead.WalkDownConversion() is IPropertyReferenceOperation { Property.Name: "Status" } property
                && IsTrackedTask(property.Instance)
                && value.WalkDownConversion() is IFieldReferenceOperation field
                && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _symbols.TaskStatus)
                && field.Field.Name is "RanToCompletion" or "Faulted" or "Canceled";
        }

        /// <summary>The task this check follows: the variable itself, or the element at the index of the collection variable.</summary>
        private bool IsTrackedTask(IOperation? operation)
        {
            if (operation is null)
            {
                return false;
            }

            if (_element.IsKnown)
            {
                return IsSymbol(ElementIndex.CollectionOf(operation)) && _element.IsIndexOf(operation);
            }

            return !_isCollection && IsTaskReference(operation);
        }

        private bool IsSymbol(IOperation? operation) => SymbolEqualityComparer.Default.Equals(Captured(operation).ReferencedLocalOrParameter(), _symbol);

        /// <summary>A read of the followed task: the variable, or <c>lazy.Value</c> when the variable is the lazy that holds it.</summary>
        private bool IsTaskReference(IOperation? operation) => _throughLazyValue
            ? Captured(operation)?.WalkDownConversion() is IPropertyReferenceOperation { Instance: { } lazy } property && _symbols.IsLazyValue(property.Property) && IsSymbol(lazy)
            : IsSymbol(operation);

        /// <summary>The operation a flow capture reference stands for, when it was captured once; otherwise the operation itself.</summary>
        private IOperation? Captured(IOperation? operation)
        {
            return operation?.WalkDownConversion() is IFlowCaptureReferenceOperation reference
                && _captures.TryGetValue(reference.Id, out var value) && value is not null
                ? value
                : operation;
        }

        private bool ContainsSymbol(IOperation operation)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (IsSymbol(descendant))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
