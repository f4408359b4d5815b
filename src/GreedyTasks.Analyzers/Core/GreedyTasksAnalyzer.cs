using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// What every rule's analyzer does the same way, so none can forget it: concurrent execution, generated code
/// never analyzed, the well-known symbols resolved and the options reader created once per compilation, and nothing registered when the compilation has
/// no <c>Task</c> at all (then no rule can apply).
/// </summary>
public abstract class GreedyTasksAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is never analyzed: without the Analyze flag the driver skips generated files, [GeneratedCode]
        // types and members, and operations in '#line hidden' regions before any callback. ReportDiagnostics is set on
        // purpose. Without it the driver checks every reported diagnostic's location for generated code once more, and
        // that check walks every token of the diagnostic's file (looking for a GeneratedCode attribute) once per file
        // and analysis run: about 1 ms of a 584-line document's IDE analysis, inside our callbacks. Every diagnostic
        // the rules report lies in the operation being analyzed, which the driver has already found to be hand-written,
        // except in an accessor of a [GeneratedCode] property, which DiagnosticReporting filters itself
        // (GeneratedCodeMemberTests pins each case per rule).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = WellKnownSymbols.TryCreate(start.Compilation);
            if (symbols is not null)
            {
                OnCompilationStart(start, symbols, new GreedyTasksOptions(symbols, start.Options, start.CancellationToken));
            }
        });
    }

    /// <summary>Registers the rule's actions for one compilation; per-compilation state lives in the closures created here.</summary>
    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, WellKnownSymbols symbols, GreedyTasksOptions options);
}
