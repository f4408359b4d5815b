using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.SpinWaitAnalyzer, GreedyTasks.CodeFixes.SpinWaitCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0005: code that does not spin, or does not run as async code, is not reported.</summary>
public partial class SpinWaitTests
{
    [Fact]
    public Task Spinning_in_sync_code_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                void M(Task t)
                {
                    while (!_ready) { }
                    while (!t.IsCompleted) Thread.Yield();
                    SpinWait.SpinUntil(() => _ready);
                    Thread.SpinWait(10);
                    Thread.Yield();
                    var spinner = new SpinWait();
                    spinner.SpinOnce();
                    while (true) { Work(); Thread.Sleep(0); }
                }

                Task N()
                {
                    while (!_ready) { }
                    return Task.CompletedTask;
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Spinning_in_sync_lambdas_and_local_functions_inside_async_code_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M()
                {
                    await Task.Run(() =>
                    {
                        while (!_ready) { }
                        Thread.Yield();
                    });
                    await Task.Run(() => SpinWait.SpinUntil(() => _ready));
                    Action a = delegate { Thread.SpinWait(10); };
                    Local();
                    Static();

                    void Local()
                    {
                        while (!_ready) Thread.Yield();
                    }

                    static void Static()
                    {
                        var spinner = new SpinWait();
                        spinner.SpinOnce();
                    }
                }
            }
            """);
    }

    [Theory]
    [InlineData("Thread.Sleep(0);")]
    [InlineData("Thread.Sleep(TimeSpan.Zero);")]
    [InlineData("if (_ready) Thread.Sleep(0);")]
    [InlineData("while (!_ready) { Work(); Func<Task> f = async () => { Thread.Sleep(0); await Task.Yield(); }; }")]
    [InlineData("while (!_ready) { Work(); Thread.Sleep(1); }")]
    [InlineData("while (!_ready) { Work(); Thread.Sleep(TimeSpan.FromMilliseconds(5)); }")]
    public Task Sleep_that_is_not_a_zero_sleep_in_a_loop_is_not_reported(string statement)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M()
                {
                    await Task.Yield();
                    {{statement}}
                }

                void Work() { }
            }
            """);
    }

    [Theory]
    [InlineData("while (queue.TryDequeue(out _)) { }")]
    [InlineData("while (queue.TryDequeue(out var item)) { }")]
    [InlineData("while (queue.TryDequeue(out _)) ;")]
    [InlineData("while (stack.TryPop(out _)) { }")]
    [InlineData("while (bag.TryTake(out _)) { }")]
    [InlineData("while ((queue.TryDequeue(out _))) { }")]
    [InlineData("while (stream.Read(buffer, 0, buffer.Length) > 0) { }")]
    [InlineData("while (0 < stream.Read(buffer, 0, buffer.Length)) ;")]
    public Task Draining_loop_is_not_reported(string loop)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Collections.Concurrent;
            using System.IO;
            using System.Threading.Tasks;
            class C
            {
                async Task M(ConcurrentQueue<int> queue, ConcurrentStack<int> stack, ConcurrentBag<int> bag, Stream stream, byte[] buffer)
                {
                    await Task.Yield();
                    {{loop}}
                }
            }
            """);
    }

    [Theory]
    [InlineData("while (!_ready) { await Task.Delay(10); }")]
    [InlineData("while (!_ready) await Task.Yield();")]
    [InlineData("while (!t.IsCompleted) { await Task.Delay(1); }")]
    [InlineData("while (!_ready && !await IsReadyAsync()) { }")]
    [InlineData("for (;;) { await Task.Delay(1); }")]
    [InlineData("do { await Task.Yield(); } while (!_ready);")]
    public Task Loop_that_awaits_is_not_reported(string loop)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(Task t)
                {
                    {{loop}}
                }

                Task<bool> IsReadyAsync() => Task.FromResult(true);
            }
            """);
    }

    [Theory]
    [InlineData("while (!_ready) { Work(); }")]
    [InlineData("while (!_ready) { _count++; }")]
    [InlineData("while (!_ready) { Func<bool> check = () => _ready; }")]
    [InlineData("foreach (var item in items) { }")]
    public Task Loop_that_does_work_is_not_a_spin(string loop)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;
                private int _count;

                async Task M(int[] items)
                {
                    await Task.Yield();
                    {{loop}}
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Members_of_user_types_named_SpinWait_and_Thread_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            namespace Lib
            {
                static class Thread
                {
                    public static bool Yield() => true;
                    public static void SpinWait(int iterations) { }
                    public static void Sleep(int milliseconds) { }
                }

                struct SpinWait
                {
                    public void SpinOnce() { }
                    public static void SpinUntil(Func<bool> condition) { }
                }

                class C
                {
                    private volatile bool _ready;

                    async Task M()
                    {
                        await Task.Yield();
                        Thread.Yield();
                        Thread.SpinWait(10);
                        SpinWait.SpinUntil(() => _ready);
                        var spinner = new SpinWait();
                        spinner.SpinOnce();
                        while (!_ready) Thread.Yield();
                        while (!_ready) { spinner.SpinOnce(); }
                        while (!_ready) { Work(); Thread.Sleep(0); }
                    }

                    void Work() { }
                }
            }
            """);
    }

    [Fact]
    public Task Spin_methods_named_in_nameof_and_expression_trees_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Linq.Expressions;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M()
                {
                    await Task.Yield();
                    Expression<Func<bool>> e = () => Thread.Yield();
                    return nameof(SpinWait.SpinUntil) + nameof(Thread.Yield);
                }
            }
            """);
    }

    [Fact]
    public Task Generated_code_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M()
                {
                    await Task.Yield();
                    while (!_ready) { }
                    Thread.Yield();
                    SpinWait.SpinUntil(() => _ready);
                }
            }
            """);
    }
}
