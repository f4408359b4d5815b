namespace GreedyTasks.Analyzers;

/// <summary>
/// The stable identifiers of the GreedyTasks rules. IDs are never reused or renumbered;
/// a new rule takes the next free ID and is listed in AnalyzerReleases.Unshipped.md.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>GT0001: blocking on a task (<c>.Result</c>, <c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c>, <c>Task.WaitAll/WaitAny</c>) in async code.</summary>
    public const string BlockingWait = "GT0001";

    /// <summary>GT0002: <c>Thread.Sleep</c> in async code.</summary>
    public const string ThreadSleep = "GT0002";

    /// <summary>GT0003: a synchronous call that has an awaitable alternative, in async code.</summary>
    public const string AsyncAlternative = "GT0003";

    /// <summary>GT0004: a long-running loop without <c>await</c> in async code (greedy loop).</summary>
    public const string GreedyLoop = "GT0004";

    /// <summary>GT0005: spin-waiting in async code.</summary>
    public const string SpinWait = "GT0005";

    /// <summary>GT0006: a wait on a blocking synchronization primitive (<c>WaitHandle</c>, <c>Monitor</c>, <c>ManualResetEventSlim</c>, …) in async code.</summary>
    public const string BlockingPrimitive = "GT0006";

    /// <summary>GT0100: a GreedyTasks option or exclusion entry that cannot be read.</summary>
    public const string InvalidConfiguration = "GT0100";
}
