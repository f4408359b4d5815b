namespace GreedyTasks.Analyzers.Core;

/// <summary>The .editorconfig / .globalconfig keys GreedyTasks reads, and the AdditionalFile it looks for.</summary>
internal static class OptionKeys
{
    /// <summary>Doc-comment IDs (<c>T:</c>/<c>M:</c>), <c>|</c>-separated, whose calls GT0003 never reports.</summary>
    public const string ExcludedMethods = "greedy_tasks.excluded_methods";

    /// <summary>The constant trip count from which a counted loop without <c>await</c> is reported by GT0004.</summary>
    public const string LoopIterationThreshold = "greedy_tasks.loop_iteration_threshold";

    /// <summary>The default of <see cref="LoopIterationThreshold"/>.</summary>
    public const long DefaultLoopIterationThreshold = 100_000;

    /// <summary>The AdditionalFile (any folder) with one excluded doc-comment ID per line; other packages may ship one too.</summary>
    public const string ExcludedMethodsFileName = "GreedyTasks.ExcludedMethods.txt";
}
