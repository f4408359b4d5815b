using System.Threading.Tasks;
using GreedyTasks.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace GreedyTasks.Tests;

/// <summary>GT0004 over loops as they are while the user types: nothing throws, and a loop whose head is complete is still reported.</summary>
public partial class GreedyLoopTests
{
    [Theory]
    [InlineData("while (true) { Work();")]
    [InlineData("while (true) { Work() }")]
    [InlineData("while (!token.IsCancellationRequested) { Work(); ")]
    [InlineData("while (!token.IsCancellationRequested) Work()")]
    [InlineData("for (;;) { Work(); ")]
    [InlineData("for (var i = 0; i < 1_000_000; i++) { Work(")]
    [InlineData("do { Work(); } while (true)")]
    [InlineData("foreach (var x in xs) { foreach (var y in ys) { Work(); }")]
    [InlineData("lock (this) { while (true) { Work(); ")]
    public async Task Typing_a_greedy_loop_reports_it_and_never_throws(string statement)
    {
        var result = await AnalyzerRunner.RunAsync($$"""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token, int[] xs, int[] ys)
                {
                    await Task.Yield();
                    {{statement}}
                }

                void Work() { }
            }
            """);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
        Assert.Contains(result.Diagnostics, d => d.Id == "GT0004");
    }

    [Theory]
    [InlineData("""class C { async Task M() { while ( } }""")]
    [InlineData("""class C { async Task M() { while (true }""")]
    [InlineData("""class C { async Task M() { for (; } }""")]
    [InlineData("""class C { async Task M() { for (var i = 0; i < ; i++) { } } }""")]
    [InlineData("""class C { async Task M() { for (var i = 0; i < 1_000_000; i += ) { } } }""")]
    [InlineData("""class C { async Task M() { for (var i = 0; i < 1_000_000; i += 0) { Console.WriteLine(); } } }""")]
    [InlineData("""class C { async Task M() { for (var i = 0, j = 0; i < 1_000_000; i++, j++) { Console.WriteLine(); } } }""")]
    [InlineData("""class C { async Task M() { for (x = 0; x < 1_000_000; x++) { Console.WriteLine(); } } }""")]
    [InlineData("""class C { async Task M() { for (var i = 0m; i < 1_000_000m; i++) { Console.WriteLine(); } } }""")]
    [InlineData("""class C { async Task M() { for (ulong i = 18446744073709551615; i > 0; i--) { Console.WriteLine(); } } }""")]
    [InlineData("""class C { async Task M() { for (int i = int.MinValue; i < int.MaxValue; i++) { Console.WriteLine(); } } }""")]
    [InlineData("""class C { async Task M() { do { } while ( } }""")]
    [InlineData("""class C { async Task M() { do Console.WriteLine(); } }""")]
    [InlineData("""class C { async Task M() { foreach (var x in Enumerable.Range(0, ) { } } }""")]
    [InlineData("""class C { async Task M() { foreach (var x in undefined) { foreach (var y in alsoUndefined) { } } } }""")]
    [InlineData("""class C { async Task M() { foreach (var in xs) { } } }""")]
    [InlineData("""class C { async Task M() { while (undefined.IsRunning) { Work(); } } }""")]
    [InlineData("""class C { async Task M() { while (true) { goto missing; } } }""")]
    [InlineData("""class C { async Task M() { while (true) { break; continue; await; } } }""")]
    [InlineData("""class C { async Task M() { int last; do { last = 1; } while (true); return last; } }""")]
    [InlineData("""class C { async Task M() { while (true) { var f = async () => { while (true) { } }; } } }""")]
    [InlineData("""class C { async Task M() { while (true) { L: goto L; } } }""")]
    [InlineData("""struct S { async Task M() { while (true) { this = default; } } }""")]
    [InlineData("""while (true) { } await Task.Yield(); for (;;) Console.WriteLine(""")]
    [InlineData("""class C { async Task M() { unsafe { fixed (int* p = new int[1]) { while (true) { *p = 1; } } } } }""")]
    [InlineData("""class C { async Task M(int n) { while (n > 0) { Evict(); } void Evict() } }""")]
    [InlineData("""class C { async Task M(int n) { while (n > 0) { Evict(); } void Evict() { n } } }""")]
    [InlineData("""class C { async Task M(int n) { while (n > 0) { Evict(n); } void Evict() => n--; } }""")]
    [InlineData("""class C { async Task M(int n) { while (n > 0) { Evict(); } void Evict() => Evict(); void Evict() => n--; } }""")]
    [InlineData("""class C { async Task M(int n) { while (n > 0) { Evict<>(); } void Evict<T>() => n--; } }""")]
    public async Task Broken_and_unusual_loops_never_throw(string body)
    {
        var source = "using System; using System.Linq; using System.Threading; using System.Threading.Tasks;\n" + body;
        var kind = body.StartsWith("class", System.StringComparison.Ordinal) || body.StartsWith("struct", System.StringComparison.Ordinal)
            ? OutputKind.DynamicallyLinkedLibrary
            : OutputKind.ConsoleApplication;
        var result = await AnalyzerRunner.RunAsync(source, kind);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Runner_sees_greedy_loops_and_applies_both_fixes()
    {
        // Guards the robustness tests above: if the runner stopped analyzing or fixing, they would pass vacuously.
        var result = await AnalyzerRunner.RunAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    while (!token.IsCancellationRequested) { Work(); }
                }

                void Work() { }
            }
            """);

        Assert.Equal(new[] { "GT0004" }, System.Linq.Enumerable.Select(result.Diagnostics, d => d.Id));
        Assert.Equal(2, result.FixesApplied);
    }
}
