using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// What GT0004 (greedy loops) and GT0005 (spin-waits) need to know about a loop: whether it ever gives the
/// thread back, whether it is bounded, counted, polling or spinning. Every walk stops at nested lambdas and local
/// functions, whose bodies run elsewhere; only the polling check follows the local functions a loop calls, which run
/// as part of it.
/// </summary>
internal static class LoopFacts
{
    /// <summary>
    /// True when the loop (condition, body and increments) reaches a point that gives the thread back: an
    /// <c>await</c>, <c>await foreach</c>, <c>await using</c>, or a <c>yield return</c> of an async iterator, which
    /// hands control to the consumer.
    /// </summary>
    public static bool HasCooperativePoint(IOperation loop)
    {
        foreach (var operation in loop.DescendantsInSameFunction())
        {
            switch (operation)
            {
                case IAwaitOperation:
                case IForEachLoopOperation { IsAsynchronous: true }:
                case IUsingOperation { IsAsynchronous: true }:
                case IUsingDeclarationOperation { IsAsynchronous: true }:
                case IReturnOperation { Kind: OperationKind.YieldReturn }:
                    return true;
            }
        }

        return false;
    }

    /// <summary><c>while (true)</c>, <c>for (;;)</c>, <c>do … while (true)</c>.</summary>
    public static bool IsUnbounded(ILoopOperation loop) => loop switch
    {
        IWhileLoopOperation whileLoop => whileLoop.Condition is null || IsConstantTrue(whileLoop.Condition),
        IForLoopOperation forLoop => forLoop.Condition is null || IsConstantTrue(forLoop.Condition),
        _ => false,
    };

    /// <summary>
    /// True when nothing in the body leaves the loop (<c>break</c> out of it, <c>return</c>, <c>throw</c>, <c>goto</c>):
    /// an unbounded loop with an exit is usually a search or a compare-and-swap retry that ends quickly; without one it
    /// runs for as long as the process does.
    /// </summary>
    public static bool HasNoExit(ILoopOperation loop)
    {
        foreach (var operation in loop.Body.DescendantsInSameFunction())
        {
            switch (operation)
            {
                case IReturnOperation:
                case IThrowOperation:
                case IBranchOperation { BranchKind: BranchKind.GoTo }:
                case IBranchOperation { BranchKind: BranchKind.Break } exit when SymbolEqualityComparer.Default.Equals(exit.Target, loop.ExitLabel):
                    return false;
            }
        }

        return true;
    }

    private static bool IsConstantTrue(IOperation condition) => condition.ConstantValue is { HasValue: true, Value: true };

    /// <summary>
    /// The trip count of <c>for (var i = a; i &lt; b; i += k)</c> with constant <c>a</c>, <c>b</c>, <c>k</c> (any of
    /// &lt; &lt;= &gt; &gt;=, ++/--/+=/-=), when the counter is not assigned in the body; null otherwise.
    /// </summary>
    public static long? ConstantTripCount(IForLoopOperation loop)
    {
        if (loop.Before.Length != 1 || loop.AtLoopBottom.Length != 1 || loop.Condition?.WalkDownConversion() is not IBinaryOperation condition)
        {
            return null;
        }

        if (!TryGetCounterStart(loop.Before[0], out var counter, out var start)
            || !TryGetStep(loop.AtLoopBottom[0], counter!, out var step)
            || step == 0
            || !SymbolEqualityComparer.Default.Equals(condition.LeftOperand.ReferencedLocalOrParameter(), counter)
            || condition.RightOperand.ConstantValue is not { HasValue: true } bound
            || !TryToLong(bound.Value, out var end)
            || IsAssignedIn(loop.Body, counter!))
        {
            return null;
        }

        var inclusive = condition.OperatorKind is BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThanOrEqual;
        var distance = condition.OperatorKind switch
        {
            BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual when step > 0 => end - start,
            BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual when step < 0 => start - end,
            _ => (long?)null,
        };
        if (distance is null)
        {
            return null;
        }

        var count = (distance.Value + (inclusive ? 1 : 0) + System.Math.Abs(step) - 1) / System.Math.Abs(step);
        return count < 0 ? 0 : count;
    }

    /// <summary>The counter a counted <c>for</c> loop steps, when it has exactly one (for the yield-every-N fix).</summary>
    public static ILocalSymbol? Counter(IForLoopOperation loop)
    {
        return loop.Before.Length == 1 && loop.AtLoopBottom.Length == 1 && TryGetCounterStart(loop.Before[0], out var counter, out _) && TryGetStep(loop.AtLoopBottom[0], counter!, out _)
            ? counter as ILocalSymbol
            : null;
    }

    private static bool TryGetCounterStart(IOperation before, out ISymbol? counter, out long start)
    {
        counter = null;
        start = 0;
        switch (before)
        {
            case IVariableDeclarationGroupOperation { Declarations.Length: 1 } group when group.Declarations[0].Declarators.Length == 1:
                var declarator = group.Declarations[0].Declarators[0];
                counter = declarator.Symbol;
                var initializer = declarator.Initializer ?? group.Declarations[0].Initializer;
                return initializer?.Value.ConstantValue is { HasValue: true } value && TryToLong(value.Value, out start) && IsInteger(declarator.Symbol.Type);
            case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }:
                counter = assignment.Target.ReferencedLocalOrParameter();
                return counter is not null && assignment.Value.ConstantValue is { HasValue: true } assigned && TryToLong(assigned.Value, out start);
            default:
                return false;
        }
    }

    private static bool TryGetStep(IOperation atBottom, ISymbol counter, out long step)
    {
        step = 0;
        var operation = atBottom is IExpressionStatementOperation statement ? statement.Operation : atBottom;
        switch (operation)
        {
            case IIncrementOrDecrementOperation increment when SymbolEqualityComparer.Default.Equals(increment.Target.ReferencedLocalOrParameter(), counter):
                step = increment.Kind == OperationKind.Increment ? 1 : -1;
                return true;
            case ICompoundAssignmentOperation compound when SymbolEqualityComparer.Default.Equals(compound.Target.ReferencedLocalOrParameter(), counter)
                                                            && compound.Value.ConstantValue is { HasValue: true } value && TryToLong(value.Value, out var amount):
                step = compound.OperatorKind switch
                {
                    BinaryOperatorKind.Add => amount,
                    BinaryOperatorKind.Subtract => -amount,
                    _ => 0,
                };
                return step != 0;
            default:
                return false;
        }
    }

    private static bool IsInteger(ITypeSymbol type) => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Byte or SpecialType.System_SByte;

    private static bool TryToLong(object? value, out long result)
    {
        switch (value)
        {
            case int i: result = i; return true;
            case long l: result = l; return true;
            case uint u: result = u; return true;
            case short s: result = s; return true;
            case ushort us: result = us; return true;
            case byte b: result = b; return true;
            case sbyte sb: result = sb; return true;
            case ulong ul when ul <= long.MaxValue: result = (long)ul; return true;
            default: result = 0; return false;
        }
    }

    /// <summary>True when <paramref name="symbol"/> is written (assigned, also by a deconstruction, incremented, passed by ref/out) under <paramref name="root"/>.</summary>
    public static bool IsAssignedIn(IOperation? root, ISymbol symbol)
    {
        if (root is null)
        {
            return false;
        }

        foreach (var operation in root.DescendantsInSameFunction())
        {
            if (operation.Writes(symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The loop's condition, or null for <c>for (;;)</c> and <c>foreach</c>.</summary>
    public static IOperation? Condition(ILoopOperation loop) => loop switch
    {
        IWhileLoopOperation whileLoop => whileLoop.Condition,
        IForLoopOperation forLoop => forLoop.Condition,
        _ => null,
    };

    /// <summary>
    /// True when the body always leaves on its first pass (ends with <c>return</c>, <c>throw</c> or <c>break</c> and
    /// never <c>continue</c>s): such a loop is an <c>if</c> in disguise.
    /// </summary>
    public static bool ExitsOnFirstIteration(ILoopOperation loop)
    {
        var last = loop.Body is IBlockOperation { Operations.Length: > 0 } block ? block.Operations[block.Operations.Length - 1] : loop.Body;
        var exits = last is IReturnOperation { Kind: OperationKind.Return } or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation }
            || (last is IBranchOperation { BranchKind: BranchKind.Break } exit && SymbolEqualityComparer.Default.Equals(exit.Target, loop.ExitLabel));
        if (!exits)
        {
            return false;
        }

        foreach (var operation in loop.Body.DescendantsInSameFunction())
        {
            if (operation is IBranchOperation { BranchKind: BranchKind.Continue } next && SymbolEqualityComparer.Default.Equals(next.Target, loop.ContinueLabel))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A condition that only reads state (locals, parameters, fields, properties, constants, operators) that nothing
    /// in the loop changes: the loop waits for something outside it (<c>while (!token.IsCancellationRequested)</c>,
    /// <c>while (_running)</c>). A condition with a call, or reading a variable the loop assigns or calls a method on,
    /// is data-driven (<c>while (node != null) node = node.Next;</c>, <c>while (queue.Count &gt; 0) queue.Dequeue();</c>).
    /// </summary>
    public static bool IsPollingCondition(IOperation condition, ILoopOperation loop, WellKnownSymbols symbols)
    {
        var read = new List<ISymbol>();
        foreach (var operation in condition.DescendantsInSameFunction())
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    read.Add(local.Local);
                    break;
                case IParameterReferenceOperation parameter:
                    read.Add(parameter.Parameter);
                    break;
                case IFieldReferenceOperation field:
                    read.Add(field.Field);
                    break;
                case IPropertyReferenceOperation { Instance: null } staticProperty:
                    read.Add(staticProperty.Property);
                    break;
                case IPropertyReferenceOperation:
                case IInstanceReferenceOperation:
                case ILiteralOperation:
                case IUnaryOperation:
                case IBinaryOperation:
                case IConversionOperation:
                case IParenthesizedOperation:
                case IFieldInitializerOperation:
                    break;
                default:
                    return false;
            }
        }

        if (read.Count == 0)
        {
            return false;
        }

        if (ChangesAnyOf(loop.Body, read, symbols, out var calledLocalFunctions))
        {
            return false;
        }

        // A local function the loop calls runs as part of the loop (evict() lowering the size the condition reads), and
        // so does one that it calls in turn: their bodies are followed, each once. Lambdas are not: when they run is
        // up to whoever receives them.
        if (calledLocalFunctions is not null)
        {
            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            for (var i = 0; i < calledLocalFunctions.Count; i++)
            {
                if (!visited.Add(calledLocalFunctions[i]) || DeclarationOf(calledLocalFunctions[i], loop) is not { Body: { } body })
                {
                    continue;
                }

                if (ChangesAnyOf(body, read, symbols, out var further))
                {
                    return false;
                }

                if (further is not null)
                {
                    calledLocalFunctions.AddRange(further);
                }
            }
        }

        return true;
    }

    /// <summary>
    /// True when <paramref name="body"/> (nested functions skipped) assigns one of the <paramref name="read"/> symbols,
    /// passes it by <c>ref</c>/<c>out</c> or as an argument, or calls a method on it. The local functions it calls are
    /// listed in <paramref name="calledLocalFunctions"/> (null when there are none).
    /// </summary>
    private static bool ChangesAnyOf(IOperation body, List<ISymbol> read, WellKnownSymbols symbols, out List<IMethodSymbol>? calledLocalFunctions)
    {
        calledLocalFunctions = null;
        foreach (var operation in body.DescendantsInSameFunction())
        {
            if (operation is IInvocationOperation { TargetMethod: { MethodKind: MethodKind.LocalFunction } localFunction })
            {
                (calledLocalFunctions ??= new List<IMethodSymbol>()).Add(localFunction.OriginalDefinition);
            }

            switch (operation)
            {
                case IDeconstructionAssignmentOperation deconstruction when WritesAnyOf(deconstruction.Target, read):
                case IAssignmentOperation assignment when read.Contains(ReferencedSymbol(assignment.Target), SymbolEqualityComparer.Default):
                case IIncrementOrDecrementOperation increment when read.Contains(ReferencedSymbol(increment.Target), SymbolEqualityComparer.Default):
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument when read.Contains(ReferencedSymbol(argument.Value), SymbolEqualityComparer.Default):
                    return true;
                case IInvocationOperation { Instance: { } instance } when !symbols.IsCancellationToken(instance.Type) && read.Contains(ReferencedSymbol(instance), SymbolEqualityComparer.Default):
                    return true;
                case IArgumentOperation passed when !symbols.IsCancellationToken(passed.Value.Type) && read.Contains(ReferencedSymbol(passed.Value), SymbolEqualityComparer.Default):
                    // Update(state): the method may change what the condition reads.
                    return true;
            }
        }

        return false;
    }

    /// <summary>The declaration of a local function, searched in the whole member around <paramref name="from"/>.</summary>
    private static ILocalFunctionOperation? DeclarationOf(IMethodSymbol localFunction, IOperation from)
    {
        foreach (var operation in from.Root().DescendantsAndSelf())
        {
            if (operation is ILocalFunctionOperation declaration && SymbolEqualityComparer.Default.Equals(declaration.Symbol, localFunction))
            {
                return declaration;
            }
        }

        return null;
    }

    /// <summary>
    /// True when, every time the inner loop (or the loop around it right under the outer one) ends, the outer loop is
    /// left next: the statements after that loop, in its block and in the blocks around it up to the outer body, reach a
    /// <c>return</c>, a <c>throw</c> or a <c>break</c> out of the outer loop before anything could <c>continue</c> it.
    /// That loop then runs at most once in all, as in a search that processes what it found
    /// (<c>if (s.Version != v) continue; foreach (…) …; return …;</c>), and the nest is no cross product.
    /// </summary>
    private static bool LeavesOuterAfter(ILoopOperation outer, ILoopOperation inner)
    {
        // With loops in between, the question is about the one right under the outer loop: if it runs once in all, the
        // loops inside it nest with it, not with the outer loop, and are judged as that nest.
        IOperation top = inner;
        for (var between = inner.Parent; between is not null && between != outer; between = between.Parent)
        {
            if (between is ILoopOperation)
            {
                top = between;
            }
        }

        for (var between = top.Parent; between is not null && between != outer; between = between.Parent)
        {
            if (between is ITryOperation { Catches.IsEmpty: false })
            {
                // A catch may swallow a throw from the loop and go on with the next item.
                return false;
            }
        }

        IOperation current = top;
        while (current != outer.Body && current.Parent is { } parent)
        {
            switch (parent)
            {
                case IBlockOperation block:
                    var following = false;
                    foreach (var statement in block.Operations)
                    {
                        if (!following)
                        {
                            following = statement == current;
                            continue;
                        }

                        if (LeavesLoop(statement, outer))
                        {
                            return true;
                        }

                        if (MayContinue(statement, outer))
                        {
                            return false;
                        }
                    }

                    break;
            }

            current = parent;
        }

        return false;

        static bool LeavesLoop(IOperation statement, ILoopOperation loop) => statement switch
        {
            IReturnOperation { Kind: OperationKind.Return or OperationKind.YieldBreak } => true,
            IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation } => true,
            IBranchOperation { BranchKind: BranchKind.Break } exit => SymbolEqualityComparer.Default.Equals(exit.Target, loop.ExitLabel),
            _ => false,
        };

        static bool MayContinue(IOperation statement, ILoopOperation loop)
        {
            foreach (var operation in statement.DescendantsInSameFunction())
            {
                if (operation is IBranchOperation branch
                    && (branch.BranchKind == BranchKind.GoTo
                        || (branch.BranchKind == BranchKind.Continue && SymbolEqualityComparer.Default.Equals(branch.Target, loop.ContinueLabel))))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// True when a deconstruction's target, <c>(required, length) = reader.TryRead(…)</c>, writes one of the
    /// <paramref name="read"/> symbols (a tuple's elements, nested tuples included).
    /// </summary>
    private static bool WritesAnyOf(IOperation target, List<ISymbol> read)
    {
        foreach (var element in target.DescendantsAndSelf())
        {
            if (read.Contains(ReferencedSymbol(element), SymbolEqualityComparer.Default))
            {
                return true;
            }
        }

        return false;
    }

    private static ISymbol? ReferencedSymbol(IOperation? operation) => operation?.WalkDownConversion() switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation { Instance: { } instance } => ReferencedSymbol(instance),
        IPropertyReferenceOperation { Instance: null } staticProperty => staticProperty.Property,
        _ => null,
    };

    /// <summary>
    /// True when <paramref name="inner"/> (nested in <paramref name="outer"/>) runs over data that does not come from the
    /// outer iteration: the nest is a cross product (O(n·m)), not a walk over a hierarchy (orders and their lines).
    /// </summary>
    public static bool IsIndependentNest(ILoopOperation outer, ILoopOperation inner, long threshold)
    {
        if (HasSmallConstantBound(inner, threshold) || HasSmallConstantBound(outer, threshold) || LeavesOuterAfter(outer, inner))
        {
            return false;
        }

        // The outer iteration variables and every local computed from them in the outer body.
        var derived = new List<ISymbol>(outer.Locals);
        if (outer is IWhileLoopOperation { Condition: { } outerCondition })
        {
            // A while loop has no iteration variable: it iterates over whatever its condition reads.
            foreach (var operation in outerCondition.DescendantsAndSelf())
            {
                if (ReferencedSymbol(operation) is { } symbol)
                {
                    derived.Add(symbol);
                }
            }
        }

        foreach (var operation in outer.Body.DescendantsInSameFunction())
        {
            if (operation is IVariableDeclaratorOperation declarator
                && (declarator.Initializer ?? declarator.GetVariableInitializer())?.Value is { } value
                && References(value, derived))
            {
                derived.Add(declarator.Symbol);
            }
            else if (operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation assigned } assignment && References(assignment.Value, derived))
            {
                // entities = models.Select(x => Create(shard, x)): assigned from the outer item.
                derived.Add(assigned.Local);
            }
            else if (operation is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: ILocalReferenceOperation configured } } memberAssignment
                     && References(memberAssignment.Value, derived))
            {
                // query.Language = lang: the query object is configured from the outer item.
                derived.Add(configured.Local);
            }
            else if (operation is IInvocationOperation { Instance: ILocalReferenceOperation filled } fill && fill.Arguments.Any(a => References(a.Value, derived)))
            {
                // stack.Push(root): a work list filled from the outer item.
                derived.Add(filled.Local);
            }
            else if (operation is IForEachLoopOperation nested && nested != inner && References(nested.Collection, derived))
            {
                // foreach (var span in trace.Spans) stack.Push(span): a nested loop's variables come from the outer item.
                derived.AddRange(nested.Locals);
            }
            else if (operation is IIsPatternOperation isPattern && References(isPattern.Value, derived))
            {
                // item is Video video: video is the outer item.
                foreach (var declared in isPattern.Pattern.DescendantsAndSelf())
                {
                    if (declared is IDeclarationPatternOperation { DeclaredSymbol: { } symbol })
                    {
                        derived.Add(symbol);
                    }
                }
            }
        }

        // The inner loop's own counter may start from the outer one (j = i + 1) and still run over unrelated bounds.
        derived.RemoveAll(symbol => inner.Locals.Contains(symbol, SymbolEqualityComparer.Default));

        IOperation? bound = inner switch
        {
            IForEachLoopOperation forEach => forEach.Collection,
            IForLoopOperation forLoop => forLoop.Condition,
            IWhileLoopOperation whileLoop => whileLoop.Condition,
            _ => null,
        };
        return bound is not null && !References(bound, derived) && !IndexesDerivedCollection(inner, derived);
    }

    /// <summary><c>for (var j = 0; j &lt; size; j++) use(row[j]);</c> with <c>row</c> from the outer item: a walk over its elements.</summary>
    private static bool IndexesDerivedCollection(ILoopOperation inner, List<ISymbol> derived)
    {
        if (inner is not IForLoopOperation { Locals.Length: > 0 } forLoop)
        {
            return false;
        }

        foreach (var operation in forLoop.Body.DescendantsAndSelf())
        {
            var (collection, indices) = operation switch
            {
                IArrayElementReferenceOperation element => (element.ArrayReference, element.Indices),
                IPropertyReferenceOperation { Property.IsIndexer: true } indexer => (indexer.Instance, indexer.Arguments.Select(a => a.Value).ToImmutableArray()),
                _ => (null, default),
            };
            if (collection is not null && References(collection, derived) && indices.Any(index => References(index, new List<ISymbol>(forLoop.Locals))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasSmallConstantBound(ILoopOperation loop, long threshold) => loop switch
    {
        IForLoopOperation forLoop => ConstantTripCount(forLoop) is { } count && count < threshold,
        IForEachLoopOperation { Collection: var collection } => IsLiteralCollection(collection.WalkDownConversion()),
        _ => false,
    };

    /// <summary>Looks into lambdas too: <c>images.Where(i =&gt; i.Type == current)</c> depends on <c>current</c>.</summary>
    /// <summary><c>new[] { a, b }</c>, <c>[a, b]</c>, or a local initialized with one: a handful of elements written in the code.</summary>
    private static bool IsLiteralCollection(IOperation collection)
    {
        if (collection is ILocalReferenceOperation { Local: var local } && local.DeclaringSyntaxReferences.Length == 1
            && local.DeclaringSyntaxReferences[0].GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } initializer })
        {
            return initializer is Microsoft.CodeAnalysis.CSharp.Syntax.ImplicitArrayCreationExpressionSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.ArrayCreationExpressionSyntax { Initializer: not null }
                or Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax { Initializer.RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.CollectionInitializerExpression };
        }

        return collection is IArrayCreationOperation { Initializer: not null }
            || collection.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax
            || collection.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax { Initializer.RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.CollectionInitializerExpression };
    }

    private static bool References(IOperation root, List<ISymbol> symbols)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (ReferencedSymbol(operation) is { } symbol && symbols.Contains(symbol, SymbolEqualityComparer.Default))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A spin loop: it never gives the thread back and its body does nothing but spin (empty, <c>continue</c>,
    /// <c>Thread.Yield()</c>, <c>Thread.SpinWait(n)</c>, <c>Thread.Sleep(0)</c>, <c>SpinWait.SpinOnce()</c>).
    /// </summary>
    public static bool IsSpinLoop(ILoopOperation loop, WellKnownSymbols symbols)
    {
        if (loop is not (IWhileLoopOperation or IForLoopOperation) || HasCooperativePoint(loop) || IsDrainCondition(Condition(loop), symbols))
        {
            return false;
        }

        foreach (var statement in loop.Body is IBlockOperation block ? block.Operations : ImmutableArrayOf(loop.Body))
        {
            if (!IsSpinStatement(statement, symbols))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>while (queue.TryDequeue(out _)) { }</c> empties a queue and stops when it is empty: a call whose success keeps
    /// the loop going is a drain, not a wait. (<c>while (!queue.TryDequeue(out x))</c> waits for a producer: a spin.)
    /// </summary>
    private static bool IsDrainCondition(IOperation? condition, WellKnownSymbols symbols)
    {
        // while (queue.TryDequeue(out _)) or while (stream.Read(buffer, 0, n) > 0): a call that consumes data drives
        // the loop. Interlocked and Volatile only read or swap a flag: those conditions spin.
        return condition?.WalkDownConversion() switch
        {
            IInvocationOperation call => !IsFlagAccess(call, symbols),
            IBinaryOperation comparison => comparison.LeftOperand.WalkDownConversion() is IInvocationOperation left && !IsFlagAccess(left, symbols)
                                           || comparison.RightOperand.WalkDownConversion() is IInvocationOperation right && !IsFlagAccess(right, symbols),
            _ => false,
        };
    }

    private static bool IsFlagAccess(IInvocationOperation call, WellKnownSymbols symbols) =>
        call.TargetMethod.ContainingType is { Name: "Interlocked" or "Volatile" } type
        && (SymbolEqualityComparer.Default.Equals(type, symbols.Interlocked) || SymbolEqualityComparer.Default.Equals(type, symbols.Volatile));

    private static IEnumerable<IOperation> ImmutableArrayOf(IOperation operation)
    {
        yield return operation;
    }

    private static bool IsSpinStatement(IOperation statement, WellKnownSymbols symbols) => statement switch
    {
        IEmptyOperation => true,
        IBlockOperation { Operations.IsEmpty: true } => true,
        IBranchOperation { BranchKind: BranchKind.Continue } => true,
        IExpressionStatementOperation { Operation: IInvocationOperation invocation } => SpinCalls.IsSpinCall(invocation, symbols, insideLoop: true),
        _ => false,
    };
}
