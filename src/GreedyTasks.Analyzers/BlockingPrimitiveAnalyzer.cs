using System.Collections.Immutable;
using GreedyTasks.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers;

/// <summary>
/// GT0006: finds waits on blocking synchronization primitives in async code — <c>WaitHandle.WaitOne/WaitAll/WaitAny</c>
/// (events, <c>Mutex</c>, <c>Semaphore</c>), <c>Monitor.Enter/Wait/TryEnter(timeout)</c>, <c>ManualResetEventSlim.Wait</c>,
/// <c>CountdownEvent.Wait</c>, <c>Barrier.SignalAndWait</c>, <c>BlockingCollection.Take/TryTake(timeout)</c>,
/// <c>Lock.Enter</c>, <c>ReaderWriterLockSlim.Enter*Lock</c> and <c>Thread.Join</c>. None of them has an awaitable
/// twin, so there is no fix: the message names the cooperative replacement. A <c>lock</c> statement (and
/// <c>using (l.EnterScope())</c>, its form for <c>Lock</c>) is not reported: the compiler keeps <c>await</c> out of it, so
/// it guards a short synchronous section, and blocking work inside it is reported by the rule that owns that work.
/// The same section written by hand, <c>Enter(); try { … } finally { Exit(); }</c> with no <c>await</c> inside, is
/// left alone too (<see cref="CriticalSections"/>). Other explicit <c>Enter</c> calls are reported: they block under
/// contention, and an <c>await</c> before the matching <c>Exit</c> resumes on another thread, where <c>Exit</c> throws. The synchronous branch of dual-mode code
/// (<c>if (async) await …; else mres.Wait();</c>) blocks on purpose and is left alone, as GT0003 does.
/// </summary>
/// <remarks>
/// <c>SemaphoreSlim.Wait</c> has <c>WaitAsync</c>, so GT0003 reports it wherever an <c>await</c> may be written; this
/// rule reports it only where GT0003 cannot (a <c>lock</c> body, a catch filter, unsafe code, a function with ref or
/// ref struct locals: <see cref="AwaitPlacement.CanInsertAwait"/> is false), so one call gets exactly one of the two.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingPrimitiveAnalyzer : GreedyTasksAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BlockingPrimitive);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        var primitives = new BlockingPrimitives(symbols);
        if (primitives.Any)
        {
            context.RegisterOperationAction(c => AnalyzeInvocation(c, primitives, options), OperationKind.Invocation);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, BlockingPrimitives primitives, GreedyTasksOptions options)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var alternative = primitives.BlockingAlternative(invocation);
        if (alternative is null)
        {
            return;
        }

        var asyncCode = AsyncCodeContext.Of(invocation, context.ContainingSymbol, options);
        if (!asyncCode.IsAsyncCode)
        {
            return;
        }

        // SemaphoreSlim.Wait is GT0003's wherever its fix (await WaitAsync) can be written; GT0006 takes the rest.
        if (primitives.IsSemaphoreSlimWait(invocation.TargetMethod) && AwaitPlacement.CanInsertAwait(invocation, asyncCode))
        {
            return;
        }

        var method = invocation.TargetMethod;
        var receiverType = invocation.Instance?.WalkDownConversion().Type;
        if (options.ExclusionsFor(invocation.Syntax.SyntaxTree).IsExcluded(method, receiverType) || DualModeCode.IsSynchronousBranch(invocation)
            || CriticalSections.IsEnterOfAwaitFreeSection(invocation))
        {
            return;
        }

        context.ReportInHandWrittenCode(options.Symbols, Diagnostic.Create(
            Descriptors.BlockingPrimitive,
            invocation.Syntax.GetLocation(),
            method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            alternative));
    }
}
