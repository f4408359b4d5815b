using Microsoft.CodeAnalysis.Diagnostics;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// What every rule's analyzer does the same way, so none can forget it: concurrent execution, generated code
/// skipped, the well-known symbols resolved and the options reader created once per compilation, and nothing registered when the compilation has
/// no <c>Task</c> at all (then no rule can apply).
/// </summary>
public abstract class GreedyTasksAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
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
