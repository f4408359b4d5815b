using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.GreedyLoopAnalyzer, GreedyTasks.CodeFixes.GreedyLoopCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>
/// GT0004 yield fix on a nest: the yields go where they silence the whole nest (regressions found by the fix
/// verification test: a yield in the outer body alone left the inner nest or an inner long loop reported).
/// </summary>
public partial class GreedyLoopTests
{
    private static Task VerifyYieldAsync(string source, string fixedSource) => new VerifyCS.Test
    {
        TestCode = source,
        FixedCode = fixedSource,
        ReferenceAssemblies = TestReferences.Net80,
        CodeActionEquivalenceKey = YieldKey,
    }.RunAsync();

    [Fact]
    public Task Yield_fix_on_a_nest_of_three_loops_goes_into_the_middle_loop() => VerifyYieldAsync("""
        using System.Threading.Tasks;
        class C
        {
            async Task M(int[] xs, int[] ys, int[] zs)
            {
                await Task.Yield();
                {|GT0004:foreach|} (var x in xs)
                {
                    foreach (var y in ys)
                    {
                        foreach (var z in zs)
                        {
                            Use(x, y, z);
                        }
                    }
                }
            }

            void Use(int x, int y, int z) { }
        }
        """, """
        using System.Threading.Tasks;
        class C
        {
            async Task M(int[] xs, int[] ys, int[] zs)
            {
                await Task.Yield();
                foreach (var x in xs)
                {
                    foreach (var y in ys)
                    {
                        await Task.Yield();
                        foreach (var z in zs)
                        {
                            Use(x, y, z);
                        }
                    }
                }
            }

            void Use(int x, int y, int z) { }
        }
        """);

    [Fact]
    public Task Yield_fix_on_a_loop_around_a_long_counted_loop_yields_in_the_counted_loop() => VerifyYieldAsync("""
        using System.Threading.Tasks;
        class C
        {
            async Task M(int[] items)
            {
                await Task.Yield();
                {|GT0004:foreach|} (var item in items)
                {
                    for (var i = 0; i < 1_000_000; i++)
                    {
                        Work(item, i);
                    }
                }
            }

            void Work(int item, int i) { }
        }
        """, """
        using System.Threading.Tasks;
        class C
        {
            async Task M(int[] items)
            {
                await Task.Yield();
                foreach (var item in items)
                {
                    for (var i = 0; i < 1_000_000; i++)
                    {
                        if (i % 4096 == 0)
                            await Task.Yield();
                        Work(item, i);
                    }
                }
            }

            void Work(int item, int i) { }
        }
        """);

    [Fact]
    public Task Yield_fix_on_a_polling_loop_around_greedy_loops_yields_in_each_of_them() => VerifyYieldAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async Task M(CancellationToken token)
            {
                await Task.Yield();
                {|GT0004:while|} (!token.IsCancellationRequested)
                {
                    for (var i = 0; i < 1_000_000; i++)
                    {
                        Work(i);
                    }

                    while (true)
                    {
                        Work(0);
                    }
                }
            }

            void Work(int i) { }
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async Task M(CancellationToken token)
            {
                await Task.Yield();
                while (!token.IsCancellationRequested)
                {
                    for (var i = 0; i < 1_000_000; i++)
                    {
                        if (i % 4096 == 0)
                            await Task.Yield();
                        Work(i);
                    }

                    while (true)
                    {
                        await Task.Yield();
                        Work(0);
                    }
                }
            }

            void Work(int i) { }
        }
        """);
}
