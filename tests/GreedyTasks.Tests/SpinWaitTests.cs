using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.SpinWaitAnalyzer, GreedyTasks.CodeFixes.SpinWaitCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0005: do not spin-wait in async code.</summary>
public partial class SpinWaitTests
{
    [Fact]
    public Task Empty_wait_for_completion_becomes_a_non_throwing_await()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t, Task<int> u)
                {
                    {|#0:while|} (!t.IsCompleted) { }
                    {|GT0005:while|} (u.IsCompleted == false) ;
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t, Task<int> u)
                {
                    await t.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
                    await ((Task)u).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
                }
            }
            """,
            VerifyCS.Diagnostic(GreedyTasks.Analyzers.Descriptors.SpinLoop).WithLocation(0).WithArguments("while", "!t.IsCompleted"));
    }

    [Fact]
    public Task Spin_on_a_flag_polls_with_a_delay_and_the_token()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(CancellationToken ct)
                {
                    {|GT0005:while|} (!_ready)
                    {
                        Thread.Yield();
                    }
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(CancellationToken ct)
                {
                    while (!_ready)
                    {
                        await Task.Delay(1, ct);
                    }
                }
            }
            """);
    }

    [Fact]
    public Task SpinUntil_and_lone_spin_calls_are_rewritten()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M()
                {
                    {|#0:SpinWait.SpinUntil(() => _ready)|};
                    {|GT0005:Thread.Yield()|};
                    {|GT0005:Thread.SpinWait(20)|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M()
                {
                    while (!_ready)
                    {
                        await Task.Delay(1);
                    }
                    await Task.Yield();
                    await Task.Yield();
                }
            }
            """,
            VerifyCS.Diagnostic(GreedyTasks.Analyzers.Descriptors.SpinCall).WithLocation(0).WithArguments("SpinWait.SpinUntil(Func<bool>)"));
    }

    [Fact]
    public Task Draining_a_queue_is_not_a_spin()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Concurrent;
            using System.Threading.Tasks;
            class C
            {
                async Task M(ConcurrentQueue<int> queue)
                {
                    await Task.Yield();
                    while (queue.TryDequeue(out _)) { }
                }
            }
            """);
    }
}
