namespace GreedyTasks.Analyzers.Core;

/// <summary>The .editorconfig / .globalconfig keys GreedyTasks reads, and the AdditionalFile it looks for.</summary>
internal static class OptionKeys
{
    /// <summary>Doc-comment IDs (<c>T:</c>/<c>M:</c>), <c>|</c>-separated, whose calls GT0003 never reports.</summary>
    public const string ExcludedMethods = "greedy_tasks.excluded_methods";

    /// <summary>The AdditionalFile (any folder) with one excluded doc-comment ID per line; other packages may ship one too.</summary>
    public const string ExcludedMethodsFileName = "GreedyTasks.ExcludedMethods.txt";
}
