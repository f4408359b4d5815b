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

    /// <summary>GT0004: insert <c>await Task.Yield();</c> at the top of the loop bodies named by <see cref="YieldTargets"/>.</summary>
    public const string FixKindYieldInLoop = "YieldInLoop";

    /// <summary>
    /// GT0004: present when the loop may also be moved into <c>await Task.Run(() =&gt; { … })</c>, as far as its operations
    /// tell; the code fix checks the flow of variables (<see cref="Core.LoopOffload.FlowAllowsOffload"/>) before it offers
    /// the move. The value is <see cref="OffloadIfFlowAllows"/> or <see cref="OffloadIfEndReachable"/>.
    /// </summary>
    public const string Offload = "Offload";

    /// <summary>Value of <see cref="Offload"/>: the flow of variables decides.</summary>
    public const string OffloadIfFlowAllows = "true";

    /// <summary>Value of <see cref="Offload"/>: the function returns a value, so the loop's end must also be reachable.</summary>
    public const string OffloadIfEndReachable = "EndReachable";

    /// <summary>
    /// GT0004: where the yield goes so that the whole nest stops being greedy, <c>start,every,counter</c> per loop,
    /// <c>;</c>-separated: the position of the loop's keyword (the reported loop itself when no inner loop is greedy on its
    /// own), and for a counted <c>for</c> loop stepping by one the interval and its counter (<c>if (i % every == 0)</c>),
    /// otherwise two empty fields (yield on every iteration).
    /// </summary>
    public const string YieldTargets = "YieldTargets";

    /// <summary>GT0005: <c>while (!t.IsCompleted) { }</c> → <c>await t.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);</c>; "true" in <see cref="TaskOfT"/> when a cast to Task is needed.</summary>
    public const string FixKindAwaitCompletion = "AwaitCompletion";

    /// <summary>GT0005: "true" when the awaited task is a <c>Task&lt;T&gt;</c> (SuppressThrowing needs the non-generic Task).</summary>
    public const string TaskOfT = "TaskOfT";

    /// <summary>GT0005: the spin loop's body becomes <c>await Task.Delay(1[, ct]);</c>.</summary>
    public const string FixKindPollWithDelay = "PollWithDelay";

    /// <summary>GT0005: <c>SpinWait.SpinUntil(() =&gt; c);</c> → <c>while (!(c)) await Task.Delay(1[, ct]);</c>.</summary>
    public const string FixKindSpinUntil = "SpinUntil";

    /// <summary>GT0005: a lone <c>Thread.Yield();</c>, <c>Thread.SpinWait(n);</c>, <c>spinner.SpinOnce();</c> → <c>await Task.Yield();</c>.</summary>
    public const string FixKindYield = "Yield";
}
