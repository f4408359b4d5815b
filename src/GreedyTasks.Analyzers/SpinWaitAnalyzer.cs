using System.Collections.Immutable;
using GreedyTasks.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers;

/// <summary>
/// GT0005: finds spin-waiting in async code: spin loops (a loop that never awaits and whose body only spins, such as
/// <c>while (!done) { }</c>, <c>while (!t.IsCompleted) Thread.Yield();</c>), reported once on the loop keyword, and spinning
/// calls elsewhere: <c>SpinWait.SpinUntil</c>, <c>Thread.SpinWait</c>, <c>Thread.Yield</c>, <c>SpinWait.SpinOnce</c>, and
/// <c>Thread.Sleep(0)</c> inside a loop. A spin loop is GT0005's and never GT0004's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SpinWaitAnalyzer : GreedyTasksAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SpinLoop, Descriptors.SpinCall);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        // Thread and SpinWait live outside the core library: they are resolved when a call on a type of their name first
        // needs them (SpinCalls), not here, where a full lookup would cost every compilation that never spins.
        context.RegisterOperationAction(c => AnalyzeLoop(c, symbols, options), OperationKind.Loop);
        context.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, options), OperationKind.Invocation);
    }

    private static void AnalyzeLoop(OperationAnalysisContext context, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        var loop = (ILoopOperation)context.Operation;
        if (GreedyLoopAnalyzer.KeywordOf(loop.Syntax) is not { } keyword)
        {
            return;
        }

        // The async check walks up to the function; the spin check walks the loop: cheapest first.
        var asyncCode = AsyncCodeContext.Of(loop, context.ContainingSymbol, options);
        if (!asyncCode.IsAsyncCode || !LoopFacts.IsSpinLoop(loop, symbols))
        {
            return;
        }

        var condition = LoopFacts.Condition(loop);
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (AwaitPlacement.CanInsertAwait(loop, asyncCode))
        {
            if (IsEmptyWaitForCompletion(loop, condition, symbols, out var isTaskOfT))
            {
                properties.Add(DiagnosticProperties.FixKind, DiagnosticProperties.FixKindAwaitCompletion);
                if (isTaskOfT)
                {
                    properties.Add(DiagnosticProperties.TaskOfT, "true");
                }
            }
            else
            {
                properties.Add(DiagnosticProperties.FixKind, DiagnosticProperties.FixKindPollWithDelay);
                AddToken(properties, loop, context.ContainingSymbol, symbols);
            }
        }

        var conditionText = condition is null ? "true" : string.Join(" ", condition.Syntax.ToString().Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
        context.ReportInHandWrittenCode(symbols, Diagnostic.Create(Descriptors.SpinLoop, keyword.GetLocation(), properties.ToImmutable(), keyword.ValueText, conditionText));
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!SpinCalls.IsSpinCall(invocation, symbols, insideLoop: true))
        {
            // Not even a candidate (the common case): decided by comparing the containing type, before any walk.
            return;
        }

        var enclosingLoop = EnclosingLoop(invocation);
        if (!SpinCalls.IsSpinCall(invocation, symbols, insideLoop: enclosingLoop is not null)
            || (enclosingLoop is not null && LoopFacts.IsSpinLoop(enclosingLoop, symbols)))
        {
            // Inside a spin loop the loop itself is reported, once.
            return;
        }

        var asyncCode = AsyncCodeContext.Of(invocation, context.ContainingSymbol, options);
        if (!asyncCode.IsAsyncCode)
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        // The rewrites replace a statement: a call that is an expression-bodied lambda's body gets none.
        if (AwaitPlacement.CanInsertAwait(invocation, asyncCode) && invocation.Syntax.Parent is ExpressionStatementSyntax)
        {
            if (invocation.TargetMethod.Name != "SpinUntil")
            {
                properties.Add(DiagnosticProperties.FixKind, DiagnosticProperties.FixKindYield);
            }
            else if (invocation.Arguments.Length == 1 && invocation.Syntax is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } spinUntil && spinUntil.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax { Body: ExpressionSyntax })
            {
                // SpinUntil(() => condition) without a timeout; the timeout overloads return a bool the rewrite could not keep.
                properties.Add(DiagnosticProperties.FixKind, DiagnosticProperties.FixKindSpinUntil);
                AddToken(properties, invocation, context.ContainingSymbol, symbols);
            }
        }

        context.ReportInHandWrittenCode(symbols, Diagnostic.Create(
            Descriptors.SpinCall,
            invocation.Syntax.GetLocation(),
            properties.ToImmutable(),
            invocation.TargetMethod.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
    }

    /// <summary>
    /// <c>while (!t.IsCompleted) { }</c> (or <c>t.IsCompleted == false</c>) on a Task variable, where
    /// <c>ConfigureAwaitOptions.SuppressThrowing</c> exists (.NET 8+): the spin neither throws nor reads the result,
    /// and neither does a non-throwing await. Elsewhere a plain await would throw where the spin did not.
    /// </summary>
    private static bool IsEmptyWaitForCompletion(ILoopOperation loop, IOperation? condition, WellKnownSymbols symbols, out bool isTaskOfT)
    {
        isTaskOfT = false;
        if (symbols.ConfigureAwaitOptions is null || loop is not IWhileLoopOperation { ConditionIsTop: true } || condition is null
            || loop.Body is not (IEmptyOperation or IBlockOperation { Operations.IsEmpty: true }))
        {
            return false;
        }

        var completed = condition.WalkDownConversion() switch
        {
            IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not => not.Operand,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals, RightOperand.ConstantValue: { HasValue: true, Value: false } } equals => equals.LeftOperand,
            _ => null,
        };
        if (completed?.WalkDownConversion() is not IPropertyReferenceOperation { Property.Name: "IsCompleted", Instance: { } task }
            || !SymbolEqualityComparer.Default.Equals(task.Type?.OriginalDefinition, symbols.Task) && !SymbolEqualityComparer.Default.Equals(task.Type?.OriginalDefinition, symbols.TaskOfT)
            || task.WalkDownConversion() is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation))
        {
            return false;
        }

        isTaskOfT = SymbolEqualityComparer.Default.Equals(task.Type?.OriginalDefinition, symbols.TaskOfT);
        return true;
    }

    private static ILoopOperation? EnclosingLoop(IOperation operation)
    {
        for (var current = operation.Parent; current is not null and not (IAnonymousFunctionOperation or ILocalFunctionOperation); current = current.Parent)
        {
            if (current is ILoopOperation loop)
            {
                return loop;
            }
        }

        return null;
    }

    private static void AddToken(ImmutableDictionary<string, string?>.Builder properties, IOperation operation, ISymbol containingSymbol, WellKnownSymbols symbols)
    {
        if (CancellationTokenFinder.FindTokenInScope(operation, containingSymbol, symbols) is { } token)
        {
            properties.Add(DiagnosticProperties.CancellationToken, token);
        }
    }
}
