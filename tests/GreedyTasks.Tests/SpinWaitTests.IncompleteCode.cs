using System.Threading.Tasks;
using GreedyTasks.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GreedyTasks.Tests;

/// <summary>GT0005 over spin-waits as they are while the user types: nothing throws, and a complete spin is still reported.</summary>
public partial class SpinWaitTests
{
    [Theory]
    [InlineData("while (!_ready) {")]
    [InlineData("while (!_ready) { } var x =")]
    [InlineData("while (!t.IsCompleted) { }  t.")]
    [InlineData("while (!t.IsCompleted) ; await")]
    [InlineData("Thread.Yield()")]
    [InlineData("Thread.SpinWait(10) Thread.SpinWait(20);")]
    [InlineData("SpinWait.SpinUntil(() => _ready)")]
    [InlineData("var ok = Thread.Yield(); if (ok")]
    [InlineData("lock (this) { while (!_ready) { } ")]
    [InlineData("while (Volatile.Read(ref _state) == 0) Thread.Yield(); _state =")]
    public async Task Typing_near_a_spin_reports_it_and_never_throws(string statement)
    {
        var result = await AnalyzerRunner.RunAsync($$"""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;
                private int _state;

                async Task M(Task t, CancellationToken ct)
                {
                    await Task.Yield();
                    {{statement}}
                }
            }
            """);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
        Assert.Contains(result.Diagnostics, d => d.Id == "GT0005");
    }

    [Theory]
    [InlineData("""class C { async Task M() { while (!) { } } }""")]
    [InlineData("""class C { async Task M() { while (!undefined.IsCompleted) { } } }""")]
    [InlineData("""class C { async Task M(Task t) { while (!t.IsCompleted { } } }""")]
    [InlineData("""class C { async Task M(Task t) { while (!t.IsComplete) { } } }""")]
    [InlineData("""class C { async Task M(Task t) { while (t.IsCompleted == ) { } } }""")]
    [InlineData("""class C { async Task M(Task t) { while (!(t).IsCompleted) { } while (!t?.IsCompleted ?? true) { } } }""")]
    [InlineData("""class C { async Task M() { SpinWait.SpinUntil(; } }""")]
    [InlineData("""class C { bool _ready; async Task M() { SpinWait.SpinUntil(() => _ready, } }""")]
    [InlineData("""class C { async Task M() { SpinWait.SpinUntil(() => ); } }""")]
    [InlineData("""class C { async Task M() { SpinWait.SpinUntil(() =>); Thread.SpinWait(); } }""")]
    [InlineData("""class C { async Task M() { SpinWait.SpinUntil(x => true); } }""")]
    [InlineData("""class C { async Task M() { SpinWait.SpinUntil(async () => true); } }""")]
    [InlineData("""class C { async Task M() { SpinWait.SpinUntil(condition: () => true); SpinWait.SpinUntil(millisecondsTimeout: 1, condition: () => true); } }""")]
    [InlineData("""class C { async Task M() { Thread.Yield(1); Thread.SpinWait("x"); } }""")]
    [InlineData("""class C { async Task M() { var s = new SpinWait(); s.SpinOnce(; } }""")]
    [InlineData("""class C { async Task M() { SpinWait s; s.SpinOnce(); } }""")]
    [InlineData("""class C { async Task M() { for (;;) Thread.Sleep(0 } }""")]
    [InlineData("""class C { async Task M() { do { } while (true } }""")]
    [InlineData("""class C { async Task M() { do ; while (true); } }""")]
    [InlineData("""class C { async Task M() { Func<Task> f = async () => Thread.Yield(); Func<Task> g = async () => SpinWait.SpinUntil(() => true); } }""")]
    [InlineData("""class C { async Task M() { unsafe { while (true) { } Thread.Yield(); } } }""")]
    [InlineData("""class C { async Task M(Task<int> t) { while (!t.IsCompleted) { } return t.Result; } }""")]
    [InlineData("""while (true) { } await Task.Yield(); SpinWait.SpinUntil(() => """)]
    public async Task Broken_and_unusual_spins_never_throw(string body)
    {
        var source = "using System; using System.Threading; using System.Threading.Tasks;\n" + body;
        var kind = body.StartsWith("class", System.StringComparison.Ordinal) ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication;
        var result = await AnalyzerRunner.RunAsync(source, kind);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Runner_sees_spins_and_applies_their_fixes()
    {
        // Guards the robustness tests above: if the runner stopped analyzing or fixing, they would pass vacuously.
        var result = await AnalyzerRunner.RunAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(Task t)
                {
                    while (!t.IsCompleted) { }
                    Thread.Yield();
                }
            }
            """);

        Assert.Equal(new[] { "GT0005", "GT0005" }, System.Linq.Enumerable.Select(result.Diagnostics, d => d.Id));
        Assert.Equal(2, result.FixesApplied);
    }
}
