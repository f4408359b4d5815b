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

    /// <summary>The name of the async alternative (<c>ReadAsync</c>), for GT0003.</summary>
    public const string AlternativeName = "AlternativeName";

    /// <summary>The parameter name to pass the token by name, when it cannot go by position.</summary>
    public const string CancellationTokenParameter = "CancellationTokenParameter";

    /// <summary><c>x.Read(a)</c> → <c>await x.ReadAsync(a[, ct])</c>.</summary>
    public const string FixKindAlternative = "Alternative";

    /// <summary><c>using var x = …</c> → <c>await using var x = …</c>.</summary>
    public const string FixKindAwaitUsing = "AwaitUsing";

    /// <summary><c>using var s = sp.CreateScope()</c> → <c>await using var s = sp.CreateAsyncScope()</c>.</summary>
    public const string FixKindAsyncScope = "AsyncScope";

    /// <summary><c>Parallel.ForEach(source, x =&gt; …)</c> → <c>await Parallel.ForEachAsync(source, (x, _) =&gt; { …; return ValueTask.CompletedTask; })</c>.</summary>
    public const string FixKindParallelForEach = "ParallelForEach";
}
