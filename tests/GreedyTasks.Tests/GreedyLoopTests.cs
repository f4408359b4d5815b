using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.GreedyLoopAnalyzer, GreedyTasks.CodeFixes.GreedyLoopCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0004: long-running loop without await in async code.</summary>
public partial class GreedyLoopTests
{
    [Fact]
    public Task Polling_loop_gets_a_yield_at_the_top_of_its_body()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    {|#0:while|} (!token.IsCancellationRequested)
                    {
                        Work();
                    }
                }

                void Work() { }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    while (!token.IsCancellationRequested)
                    {
                        await Task.Yield();
                        Work();
                    }
                }

                void Work() { }
            }
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("while", "waits on '!token.IsCancellationRequested', which nothing in the loop changes"));
    }

    [Fact]
    public Task Counted_loop_yields_every_4096_iterations()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M()
                {
                    long sum = 0;
                    {|#0:for|} (var i = 0; i < 1_000_000; i++)
                        sum += i;
                    return sum;
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M()
                {
                    long sum = 0;
                    for (var i = 0; i < 1_000_000; i++)
                    {
                        if (i % 4096 == 0)
                            await Task.Yield();
                        sum += i;
                    }
                    return sum;
                }
            }
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("for", "runs 1,000,000 times"));
    }

    [Fact]
    public Task Loop_can_be_offloaded_to_the_thread_pool()
    {
        return new VerifyCS.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                class C
                {
                    private volatile bool _running = true;

                    async Task M(CancellationToken ct)
                    {
                        var count = 0;
                        {|GT0004:while|} (_running)
                        {
                            count++;
                        }

                        System.Console.WriteLine(count);
                    }
                }
                """,
            FixedCode = """
                using System.Threading;
                using System.Threading.Tasks;
                class C
                {
                    private volatile bool _running = true;

                    async Task M(CancellationToken ct)
                    {
                        var count = 0;
                        await Task.Run(() =>
                        {
                            while (_running)
                            {
                                count++;
                            }
                        }, ct);

                        System.Console.WriteLine(count);
                    }
                }
                """,
            CodeActionEquivalenceKey = "GT0004.Offload",
            CodeActionIndex = 1,
        }.RunAsync();
    }

    [Fact]
    public Task Single_loop_over_a_collection_and_loops_that_await_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(List<int> items, Queue<int> queue)
                {
                    var sum = 0;
                    foreach (var item in items)
                    {
                        sum += item;
                    }

                    while (queue.Count > 0)
                    {
                        sum += queue.Dequeue();
                    }

                    while (true)
                    {
                        await Task.Delay(10);
                        if (sum > 10) break;
                    }

                    for (var i = 0; i < 1000; i++)
                    {
                        sum += i;
                    }

                    return sum;
                }
            }
            """);
    }
}
