namespace GreedyTasks.Analyzers.Core;

/// <summary>The .editorconfig / .globalconfig keys GreedyTasks reads, their defaults, and the AdditionalFile it looks for.</summary>
internal static class OptionKeys
{
    /// <summary>Doc-comment IDs (<c>T:</c>/<c>M:</c>), <c>|</c>-separated, whose calls are never reported.</summary>
    public const string ExcludedMethods = "greedy_tasks.excluded_methods";

    /// <summary>The constant trip count from which a counted loop without <c>await</c> is reported by GT0004.</summary>
    public const string LoopIterationThreshold = "greedy_tasks.loop_iteration_threshold";

    /// <summary>The default of <see cref="LoopIterationThreshold"/>.</summary>
    public const long DefaultLoopIterationThreshold = 100_000;

    /// <summary>When true, non-<c>async</c> functions that return <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c> are async code too.</summary>
    public const string TaskReturningMethods = "greedy_tasks.task_returning_methods";

    /// <summary>The default of <see cref="TaskReturningMethods"/>.</summary>
    public const bool DefaultTaskReturningMethods = false;

    /// <summary>
    /// When true, the peer-package diagnostics GreedyTasks duplicates (VSTHRD002, CA1849, MA0042, …) are suppressed on the
    /// call a GreedyTasks rule already reports; see <see cref="DuplicatePeerDiagnosticSuppressor"/>.
    /// </summary>
    public const string SuppressDuplicatePeerDiagnostics = "greedy_tasks.suppress_duplicate_peer_diagnostics";

    /// <summary>The default of <see cref="SuppressDuplicatePeerDiagnostics"/>: off, so installing GreedyTasks never hides another package's warning unasked.</summary>
    public const bool DefaultSuppressDuplicatePeerDiagnostics = false;

    /// <summary>The AdditionalFile (any folder) with one excluded doc-comment ID per line; other packages may ship one too.</summary>
    public const string ExcludedMethodsFileName = "GreedyTasks.ExcludedMethods.txt";
}
