using System.Linq;
using System.Threading.Tasks;
using GreedyTasks.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GreedyTasks.Tests;

/// <summary>
/// Code as it is while the user types: every analyzer and every code fix runs over it without throwing, and where
/// the blocking call itself is complete it is still reported.
/// </summary>
public class IncompleteCodeTests
{
    [Theory]
    [InlineData("var x = t.Result", "GT0001")]
    [InlineData("var x = t.Result +", "GT0001")]
    [InlineData("t.Wait(", "GT0001")]
    [InlineData("t.Wait(ct", "GT0001")]
    [InlineData("Task.WaitAll(t, u", "GT0001")]
    [InlineData("Task.WaitAny(t, u", "GT0001")]
    [InlineData("var i = Task.WaitAny(t, u", "GT0001")]
    [InlineData("t.GetAwaiter().GetResult(", "GT0001")]
    [InlineData("Thread.Sleep(100", "GT0002")]
    [InlineData("Thread.Sleep(100) Thread.Sleep(200);", "GT0002")]
    [InlineData("lock (this) { t.Wait() ", "GT0001")]
    [InlineData("if (t.IsCompleted) { var r = t.Result; } else { var s = t.Result", "GT0001")]
    [InlineData("await t; t = ; var r = t.Result;", "GT0001")]
    [InlineData("var done = await Task.WhenAny(t, ; var r = u.Result", "GT0001")]
    [InlineData("var done = await Task.WhenAny(t, u); if (done == ) { var r = t.Result; }", "GT0001")]
    [InlineData("var tasks = new[] { t, u }; if (tasks[0].IsCompleted) { } var r = tasks[0].Result; tasks[", "GT0001")]
    [InlineData("var lazy = new System.Lazy<Task<int>>(() => t); await lazy.; var r = lazy.Value.Result", "GT0001")]
    [InlineData("var lazy = new System.Lazy<Task<int>>(( ; await lazy.Value; var r = u.Result", "GT0001")]
    public async Task Typing_a_blocking_call_reports_it_and_never_throws(string statement, string expectedId)
    {
        var result = await AnalyzerRunner.RunAsync($$"""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task<int> t, Task<int> u, CancellationToken ct)
                {
                    await Task.Yield();
                    {{statement}}
                }
            }
            """);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
        Assert.Contains(result.Diagnostics, d => d.Id == expectedId);
    }

    [Theory]
    [InlineData("""class C { async Task M(Task<int> t) { var x = t.""")]
    [InlineData("""class C { async Task M(Task<int> t) { Thread.Sleep( } }""")]
    [InlineData("""class C { async Task M(Task<int> t) { Task.WaitAll(t, ); var i = Task.WaitAny(t,""")]
    [InlineData("""class C { async Task M(Task<int> t) { var x = t.Res""")]
    [InlineData("""class C { async Task M(Task<int> t) => t.Result""")]
    [InlineData("""class C { async Task M(Task<int> t) { undefinedTask.Result; missing.Wait(); Thread.Sleep(undefined); } }""")]
    [InlineData("""class C { async Task M(Task<int> t) { Func<Task> f = async () => t.Result; } }""")]
    [InlineData("""class C { async Task M(Task<int> t) { Task.WaitAll(new[] { t, }); Task.WaitAny(); } }""")]
    [InlineData("""class C { async Task M(Task<int> t) { Task.WaitAny(params: t); Thread.Sleep(x: 1); } }""")]
    [InlineData("""class C { async Task M(Task<int> t) { var i = Task.WaitAny(new Task[] { t }, ); } }""")]
    [InlineData("""class C { async Task<int> M(Task<int> t) { return t.ContinueWith(async a => a.Result).Result.Result; } }""")]
    [InlineData("""class C { async async Task M(Task<int> t) { t.Wait(); } }""")]
    [InlineData("""class C { async Task M(Task<int>[] ts, int i) { if (ts[].IsCompleted) _ = ts[].Result; if (ts[i,].IsCompleted) _ = ts[i,].Result; var w = await Task.WhenAny(; if (w == ts[0]) _ = ts[0].Result; } }""")]
    [InlineData("""class C { async Task M(Task<int> t) { Task<int> w; if (await Task.WhenAny(t) == t == w) _ = t.Result; w = await Task.WhenAny( } }""")]
    [InlineData("""class C { async Task M(Lazy<Task<int>> l, Lazy<int> n) { await l.Value; _ = l.Value.Res; _ = n.Value.Result; await l.Value.; _ = l..Value.Result; _ = ((Lazy<Task<int>>)null).Value.Result; } }""")]
    [InlineData("""class C { async Task M(Lazy<Task<int>> l) { await l.Value; l = ; _ = l.Value.Result; Lazy<Task<int>> u; await u.Value; _ = u.Value.Result; } }""")]
    [InlineData("""class C { async void M(Task<int> t { t.Wait(); } }""")]
    [InlineData("""class C { async Task M(Task<int> t) { while (!t.IsCompleted) { } return t.Result; } }""")]
    [InlineData("""class C { async Task M(Task<int> t) { goto L; L: t.Wait(); try { await t; } finally { t.Wait(); } } }""")]
    [InlineData("""class C { Task M(Task<int> t) { async Task L() { static async Task S() => Thread.Sleep(1); Thread.Sleep(2); } } }""")]
    [InlineData("""async Task<int> M(Task<int> t) => t.Result; await M(null); Thread.Sleep(1);""")]
    [InlineData("""await Task.Delay(1); var t = Task.Run(() => 1); if (t.IsCompleted) t.Result; t.Wait(""")]
    [InlineData("""class C { async Task M(Task<int>[] ts) { foreach (var t in ts) { t.Wait(); t = null; } } }""")]
    [InlineData("""class C { async Task M(Task<int> t) { var (a, b) = (t, t); await a; _ = a.Result + b.Result; } }""")]
    [InlineData("""class C { async Task M(Task<int> t) { unsafe { fixed (int* p = new int[1]) { t.Wait(); } } } }""")]
    [InlineData("""class C { async Task M(Task<int> t) { var r = nameof(t.Result); Expression<Func<int>> e = () => t.Result; } }""")]
    [InlineData("""class C { async Task M(System.IO.Stream[] s, C c) { s?[0].Flush(); s?[0]?.Flush(; c?.S?.Flush(); c?.S!.Flush(); s?[.Flush(); c?..S.Flush(); ?.S.Flush(); } System.IO.Stream S => null; } }""")]
    public async Task Broken_and_unusual_code_never_throws(string body)
    {
        var source = "using System; using System.Linq.Expressions; using System.Threading; using System.Threading.Tasks;\n" + body;
        var kind = body.StartsWith("class", System.StringComparison.Ordinal) ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication;
        var result = await AnalyzerRunner.RunAsync(source, kind);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Runner_sees_the_diagnostics_and_applies_the_fixes()
    {
        // Guards the robustness tests above: if the runner stopped analyzing or fixing, they would pass vacuously.
        var result = await AnalyzerRunner.RunAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    Thread.Sleep(1);
                    return t.Result;
                }
            }
            """);

        Assert.Equal(new[] { "GT0001", "GT0002" }, result.Diagnostics.Select(d => d.Id).OrderBy(id => id));
        Assert.Equal(2, result.FixesApplied);
    }
}
