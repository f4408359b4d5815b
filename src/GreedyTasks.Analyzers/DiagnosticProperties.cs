namespace GreedyTasks.Analyzers;

/// <summary>
/// Keys and values of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>: what an analyzer tells its code
/// fix, so the fix never re-derives a decision the analyzer already made. A diagnostic without
/// <see cref="FixKind"/> has no fix (for example inside a <c>lock</c>, where <c>await</c> is illegal).
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>Which rewrite the fix performs; one of the <c>FixKind*</c> values.</summary>
    public const string FixKind = "FixKind";

    /// <summary>The member that blocks, as the user wrote it (<c>Result</c>, <c>Wait</c>, <c>GetResult</c>, <c>WaitAll</c>, <c>WaitAny</c>, <c>Sleep</c>), for fix titles.</summary>
    public const string Member = "Member";

    /// <summary>The name of the <c>CancellationToken</c> in scope that the fix passes, when there is exactly one.</summary>
    public const string CancellationToken = "CancellationToken";

    /// <summary>"true" when the timeout argument is in milliseconds (an <c>int</c>) and must become a <c>TimeSpan</c>.</summary>
    public const string TimeoutInMilliseconds = "TimeoutInMilliseconds";

    /// <summary>"true" when the tasks of <c>Task.WaitAny</c> are passed as separate arguments rather than one array.</summary>
    public const string TasksAsParams = "TasksAsParams";

    /// <summary><c>x.Result</c> / <c>x.Wait()</c> / <c>x.GetAwaiter().GetResult()</c> → <c>await x</c>.</summary>
    public const string FixKindAwait = "Await";

    /// <summary><c>t.Wait(timeout[, ct])</c> / <c>t.Wait(ct)</c> → <c>await t.WaitAsync(…)</c>.</summary>
    public const string FixKindWaitAsync = "WaitAsync";

    /// <summary><c>Task.WaitAll(…)</c> → <c>await Task.WhenAll(…)</c>.</summary>
    public const string FixKindWhenAll = "WhenAll";

    /// <summary><c>Task.WaitAny(…)</c> with its result unused → <c>await Task.WhenAny(…)</c>.</summary>
    public const string FixKindWhenAny = "WhenAny";

    /// <summary><c>Task.WaitAny(tasks)</c> with its index used → <c>Array.IndexOf(tasks, await Task.WhenAny(tasks))</c>.</summary>
    public const string FixKindWhenAnyIndex = "WhenAnyIndex";

    /// <summary><c>Thread.Sleep(x)</c> → <c>await Task.Delay(x[, ct])</c>.</summary>
    public const string FixKindDelay = "Delay";
}
