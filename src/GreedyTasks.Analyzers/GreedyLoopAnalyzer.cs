using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using GreedyTasks.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers;

/// <summary>
/// GT0004: finds loops in async code that never give the thread back and run long: unbounded (<c>while (true)</c>,
/// <c>for (;;)</c>), polling a condition nothing in the loop changes (<c>while (!token.IsCancellationRequested)</c>),
/// counted with a constant trip count at or above <c>greedy_tasks.loop_iteration_threshold</c>, or nesting loops over
/// unrelated data (a cross product). One diagnostic per nest, on the outermost greedy loop's keyword. Loops that
/// await, yield to an async iterator's consumer, spin (GT0005's) or always leave on their first pass are not reported;
/// neither is a single loop over a collection doing plain work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GreedyLoopAnalyzer : GreedyTasksAnalyzer
{
    /// <summary>How often a counted loop yields (see docs/rules/GT0004.md): a power of two, so rare enough that the yield costs well under 1% of a loop doing even trivial work.</summary>
    public const int YieldInterval = 4096;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.GreedyLoop);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        context.RegisterOperationAction(c => Analyze(c, symbols, options), OperationKind.Loop);
    }

    private static void Analyze(OperationAnalysisContext context, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        var loop = (ILoopOperation)context.Operation;
        if (loop is IForEachLoopOperation { IsAsynchronous: true } || KeywordOf(loop.Syntax) is not { } keyword)
        {
            return;
        }

        var asyncCode = AsyncCodeContext.Of(loop, context.ContainingSymbol, options);
        if (!asyncCode.IsAsyncCode)
        {
            return;
        }

        var threshold = options.For(loop.Syntax.SyntaxTree).LoopIterationThreshold;
        var reason = GreedyReason(loop, symbols, threshold, out var tripCount);
        if (reason is null)
        {
            return;
        }

        // One diagnostic per nest: an enclosing loop of the same function that is greedy itself reports instead.
        for (var parent = loop.Parent; parent is not null and not (IAnonymousFunctionOperation or ILocalFunctionOperation); parent = parent.Parent)
        {
            if (parent is ILoopOperation outer && GreedyReason(outer, symbols, threshold, out _) is not null)
            {
                return;
            }
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (AwaitPlacement.CanInsertAwait(loop, asyncCode))
        {
            properties.Add(DiagnosticProperties.FixKind, DiagnosticProperties.FixKindYieldInLoop);
            var targets = new List<(ILoopOperation Loop, long? TripCount)>();
            CollectYieldTargets(loop, tripCount, symbols, threshold, targets);
            properties.Add(DiagnosticProperties.YieldTargets, DescribeYieldTargets(targets));

            if (LoopOffload.MayOffload(loop, asyncCode, context.ContainingSymbol, symbols, out var mustReachEnd))
            {
                properties.Add(DiagnosticProperties.Offload, mustReachEnd ? DiagnosticProperties.OffloadIfEndReachable : DiagnosticProperties.OffloadIfFlowAllows);
                if (CancellationTokenFinder.FindTokenInScope(loop, context.ContainingSymbol, symbols) is { } token)
                {
                    properties.Add(DiagnosticProperties.CancellationToken, token);
                }
            }
        }

        context.ReportInHandWrittenCode(symbols, Diagnostic.Create(Descriptors.GreedyLoop, keyword.GetLocation(), properties.ToImmutable(), keyword.ValueText, reason));
    }

    /// <summary>
    /// Where the yield fix must go so that the whole nest stops being greedy: in each directly nested loop that is greedy
    /// on its own (recursively), or in <paramref name="loop"/> itself when none is. A yield in the outer body alone
    /// would leave an inner nest or an inner long loop greedy, and GT0004 would report it next.
    /// </summary>
    private static void CollectYieldTargets(ILoopOperation loop, long? tripCount, WellKnownSymbols symbols, long threshold, List<(ILoopOperation Loop, long? TripCount)> targets)
    {
        var count = targets.Count;
        foreach (var operation in loop.Body.DescendantsInSameFunction())
        {
            if (operation is ILoopOperation inner && !ReferenceEquals(inner, loop) && IsDirectlyNested(inner, loop) && GreedyReason(inner, symbols, threshold, out var innerTripCount) is not null)
            {
                CollectYieldTargets(inner, innerTripCount, symbols, threshold, targets);
            }
        }

        if (targets.Count == count)
        {
            targets.Add((loop, tripCount));
        }
    }

    private static bool IsDirectlyNested(ILoopOperation inner, ILoopOperation outer)
    {
        for (var parent = inner.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ILoopOperation enclosing)
            {
                return ReferenceEquals(enclosing, outer);
            }
        }

        return false;
    }

    /// <summary><c>start,every,counter</c> per target loop keyword, <c>;</c>-separated; <c>every</c> and <c>counter</c> are empty unless the target is a counted loop.</summary>
    private static string DescribeYieldTargets(List<(ILoopOperation Loop, long? TripCount)> targets)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var (target, targetTripCount) in targets)
        {
            var counter = targetTripCount is not null ? CounterOf(target) : null;
            builder.Append(builder.Length == 0 ? string.Empty : ";")
                .Append((KeywordOf(target.Syntax)?.SpanStart ?? target.Syntax.SpanStart).ToString(CultureInfo.InvariantCulture))
                .Append(',')
                .Append(counter is null ? string.Empty : YieldInterval.ToString(CultureInfo.InvariantCulture))
                .Append(',')
                .Append(counter?.Name ?? string.Empty);
        }

        return builder.ToString();
    }

    /// <summary>Why the loop is greedy, as the message words it, or null when it is not.</summary>
    private static string? GreedyReason(ILoopOperation loop, WellKnownSymbols symbols, long threshold, out long? tripCount)
    {
        tripCount = null;
        if (loop is IForEachLoopOperation { IsAsynchronous: true } || LoopFacts.HasCooperativePoint(loop) || LoopFacts.IsSpinLoop(loop, symbols) || LoopFacts.ExitsOnFirstIteration(loop))
        {
            return null;
        }

        if (LoopFacts.IsUnbounded(loop) && LoopFacts.HasNoExit(loop))
        {
            return "has no exit";
        }

        if (loop is IWhileLoopOperation { Condition: { } condition } && LoopFacts.IsPollingCondition(condition, loop, symbols))
        {
            return $"waits on '{Shorten(condition.Syntax.ToString())}', which nothing in the loop changes";
        }

        tripCount = loop switch
        {
            IForLoopOperation forLoop => LoopFacts.ConstantTripCount(forLoop),
            IForEachLoopOperation forEach => RangeCount(forEach, symbols),
            _ => null,
        };
        if (tripCount >= threshold)
        {
            return $"runs {tripCount.Value.ToString("N0", CultureInfo.InvariantCulture)} times";
        }

        tripCount = null;
        foreach (var operation in loop.Body.DescendantsInSameFunction())
        {
            if (operation is ILoopOperation inner && !(inner is IForEachLoopOperation { IsAsynchronous: true }) && LoopFacts.IsIndependentNest(loop, inner, threshold))
            {
                return "nests loops over unrelated data";
            }
        }

        return null;
    }

    /// <summary><c>foreach (var i in Enumerable.Range(start, count))</c> with a constant count.</summary>
    private static long? RangeCount(IForEachLoopOperation loop, WellKnownSymbols symbols)
    {
        return loop.Collection.WalkDownConversion() is IInvocationOperation { TargetMethod: { Name: "Range", ContainingType.Name: "Enumerable" }, Arguments.Length: 2 } range
            && SymbolEqualityComparer.Default.Equals(range.TargetMethod.ContainingType, symbols.Enumerable)
            && range.Arguments[1].Value.ConstantValue is { HasValue: true, Value: int count }
            ? count
            : null;
    }

    /// <summary>The variable that counts passes one by one: a for loop's counter, or foreach's variable over Enumerable.Range.</summary>
    private static ILocalSymbol? CounterOf(ILoopOperation loop) => loop switch
    {
        IForLoopOperation forLoop when StepsByOne(forLoop) => LoopFacts.Counter(forLoop),
        IForEachLoopOperation { Locals.Length: 1 } forEach when forEach.Locals[0].Name != "_" && forEach.Syntax is ForEachStatementSyntax => forEach.Locals[0],
        _ => null,
    };

    private static bool StepsByOne(IForLoopOperation loop) => loop.AtLoopBottom.Length == 1
        && (loop.AtLoopBottom[0] is IExpressionStatementOperation { Operation: var step } ? step : loop.AtLoopBottom[0]) switch
        {
            IIncrementOrDecrementOperation => true,
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract, Value.ConstantValue: { HasValue: true, Value: 1 } } => true,
            _ => false,
        };

    private static string Shorten(string text)
    {
        text = string.Join(" ", text.Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }

    internal static SyntaxToken? KeywordOf(SyntaxNode syntax) => syntax switch
    {
        WhileStatementSyntax whileStatement => whileStatement.WhileKeyword,
        DoStatementSyntax doStatement => doStatement.DoKeyword,
        ForStatementSyntax forStatement => forStatement.ForKeyword,
        CommonForEachStatementSyntax forEach => forEach.ForEachKeyword,
        _ => null,
    };
}
