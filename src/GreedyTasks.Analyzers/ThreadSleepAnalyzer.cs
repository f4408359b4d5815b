using System.Collections.Immutable;
using GreedyTasks.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers;

/// <summary>
/// GT0002: finds <c>Thread.Sleep(int)</c> and <c>Thread.Sleep(TimeSpan)</c> in async code. <c>Thread.Sleep(0)</c>
/// gives up the rest of the time slice rather than sleeping; that is a spin-wait concern, not this rule's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThreadSleepAnalyzer : GreedyTasksAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ThreadSleep);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        // Thread lives outside the core library: it is resolved when a call named Sleep on a type named Thread first
        // needs it, not here, where a full lookup would cost every compilation that never sleeps.
        context.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, options), OperationKind.Invocation);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "Sleep" || !method.IsStatic || method.ContainingType.Name != "Thread" || !SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Thread)
            || method.Parameters.Length != 1 || TimeoutArguments.HasZeroTimeout(invocation, symbols))
        {
            return;
        }

        var asyncCode = AsyncCodeContext.Of(invocation, context.ContainingSymbol, options);
        if (!asyncCode.IsAsyncCode)
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.Member, "Sleep");
        if (AwaitPlacement.CanInsertAwait(invocation, asyncCode))
        {
            properties.Add(DiagnosticProperties.FixKind, DiagnosticProperties.FixKindDelay);
            var token = CancellationTokenFinder.FindTokenInScope(invocation, context.ContainingSymbol, symbols);
            if (token is not null)
            {
                properties.Add(DiagnosticProperties.CancellationToken, token);
            }
        }

        context.ReportInHandWrittenCode(symbols, Diagnostic.Create(
            Descriptors.ThreadSleep,
            invocation.Syntax.GetLocation(),
            properties.ToImmutable(),
            method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
    }
}
