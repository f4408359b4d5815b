using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.SpinWaitAnalyzer, GreedyTasks.CodeFixes.SpinWaitCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0005 fixes: a non-throwing await of a spun-on task, a delay in other spin loops, SpinUntil as a polling loop, await Task.Yield() for lone spins.</summary>
public partial class SpinWaitTests
{
    // ---------------------------------------------------------------- fix: waiting for a task to complete

    [Fact]
    public Task Empty_wait_on_a_task_field_becomes_a_non_throwing_await()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                private Task _worker = Task.CompletedTask;

                async Task M()
                {
                    // wait for the worker
                    {|GT0005:while|} (!_worker.IsCompleted) ; // spin
                    Done();
                }

                void Done() { }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                private Task _worker = Task.CompletedTask;

                async Task M()
                {
                    // wait for the worker
                    await _worker.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext); // spin
                    Done();
                }

                void Done() { }
            }
            """);
    }

    [Fact]
    public Task Empty_wait_on_a_generic_task_is_cast_to_Task_for_SuppressThrowing()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(CancellationToken ct)
                {
                    var download = Task.Run(() => "data");
                    {|GT0005:while|} (download.IsCompleted == false)
                    {
                    }

                    return download.IsCompletedSuccessfully ? download.Result : "";
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(CancellationToken ct)
                {
                    var download = Task.Run(() => "data");
                    await ((Task)download).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);

                    return download.IsCompletedSuccessfully ? download.Result : "";
                }
            }
            """);
    }

    [Fact]
    public Task Empty_wait_for_completion_in_an_async_lambda_becomes_a_non_throwing_await()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                void M(Task t)
                {
                    Func<Task> f = async () =>
                    {
                        {|GT0005:while|} (!t.IsCompleted) { }
                    };
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            class C
            {
                void M(Task t)
                {
                    Func<Task> f = async () =>
                    {
                        await t.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
                    };
                }
            }
            """);
    }

    [Theory]
    [InlineData("!(t.IsCompleted)")]
    [InlineData("(!t.IsCompleted)")]
    [InlineData("(t.IsCompleted) == false")]
    public Task Parenthesized_wait_for_completion_becomes_a_non_throwing_await(string condition)
    {
        return VerifyCS.VerifyCodeFixAsync($$"""
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t)
                {
                    {|GT0005:while|} ({{condition}}) { }
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t)
                {
                    await t.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
                }
            }
            """);
    }

    [Fact]
    public Task Empty_wait_for_completion_without_ConfigureAwaitOptions_polls_with_a_delay_on_netstandard20()
    {
        // Without SuppressThrowing a plain 'await t' would throw where the spin did not.
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t)
                {
                    {|GT0005:while|} (!t.IsCompleted) { }
                }

                async Task N(Task<int> u)
                {
                    {|GT0005:while|} (u.IsCompleted == false) ;
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t)
                {
                    while (!t.IsCompleted)
                    {
                        await Task.Delay(1);
                    }
                }

                async Task N(Task<int> u)
                {
                    while (u.IsCompleted == false)
                    {
                        await Task.Delay(1);
                    }
                }
            }
            """, TestReferences.NetStandard20);
    }

    [Fact]
    public Task Empty_wait_for_completion_without_ConfigureAwaitOptions_polls_with_a_delay_on_net472()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t, CancellationToken ct)
                {
                    {|GT0005:while|} (!t.IsCompleted)
                    {
                    }
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t, CancellationToken ct)
                {
                    while (!t.IsCompleted)
                    {
                        await Task.Delay(1, ct);
                    }
                }
            }
            """, TestReferences.NetFramework472);
    }

    [Fact]
    public Task Wait_for_completion_that_spins_in_its_body_polls_with_a_delay()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t)
                {
                    {|GT0005:while|} (!t.IsCompleted)
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
                async Task M(Task t)
                {
                    while (!t.IsCompleted)
                    {
                        await Task.Delay(1);
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Wait_for_completion_of_a_computed_task_polls_with_a_delay()
    {
        // 'await Current()' would call Current() once; the loop calls it on every pass.
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    {|GT0005:while|} (!Current().IsCompleted) { }
                }

                Task Current() => Task.CompletedTask;
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    while (!Current().IsCompleted)
                    {
                        await Task.Delay(1);
                    }
                }

                Task Current() => Task.CompletedTask;
            }
            """);
    }

    // ---------------------------------------------------------------- fix: other spin loops poll with a delay

    [Theory]
    [InlineData("while (!_ready) { }", "while (!_ready)")]
    [InlineData("while (Volatile.Read(ref _state) == 0) { Thread.Yield(); }", "while (Volatile.Read(ref _state) == 0)")]
    [InlineData("while (Interlocked.CompareExchange(ref _lock, 1, 0) != 0) { Thread.SpinWait(20); }", "while (Interlocked.CompareExchange(ref _lock, 1, 0) != 0)")]
    [InlineData("while (!q.TryDequeue(out var item)) { }", "while (!q.TryDequeue(out var item))")]
    [InlineData("for (; !_ready; ) { spinner.SpinOnce(); }", "for (; !_ready; )")]
    [InlineData("for (;;) { }", "for (;;)")]
    [InlineData("while (!_ready) { Thread.Sleep(0); continue; }", "while (!_ready)")]
    [InlineData("while (!_ready)\n        {\n            Thread.Yield();\n        }", "while (!_ready)")]
    public Task Spin_loop_body_becomes_a_delay(string loop, string header)
    {
        return VerifyCS.VerifyCodeFixAsync($$"""
            using System.Collections.Concurrent;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;
                private int _state;
                private int _lock;

                async Task M(ConcurrentQueue<int> q)
                {
                    var spinner = new SpinWait();
                    {|GT0005:{{loop.Substring(0, loop.IndexOf(' '))}}|}{{loop.Substring(loop.IndexOf(' '))}}
                }
            }
            """, $$"""
            using System.Collections.Concurrent;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;
                private int _state;
                private int _lock;

                async Task M(ConcurrentQueue<int> q)
                {
                    var spinner = new SpinWait();
                    {{header}}
                    {
                        await Task.Delay(1);
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Spin_loop_with_a_single_statement_body_gets_a_delay_block()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private int _state;

                async Task M()
                {
                    {|GT0005:while|} (Volatile.Read(ref _state) == 0) Thread.Yield();
                }

                async Task N()
                {
                    {|GT0005:while|} (_state < 10) ;
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private int _state;

                async Task M()
                {
                    while (Volatile.Read(ref _state) == 0)
                    {
                        await Task.Delay(1);
                    }
                }

                async Task N()
                {
                    while (_state < 10)
                    {
                        await Task.Delay(1);
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Spin_loop_delay_passes_the_token_in_scope()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(CancellationToken cancellationToken)
                {
                    {|GT0005:while|} (!_ready) { }
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(CancellationToken cancellationToken)
                {
                    while (!_ready)
                    {
                        await Task.Delay(1, cancellationToken);
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Do_while_spin_loop_body_becomes_a_delay()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M()
                {
                    {|GT0005:do|} { } while (!_ready);
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M()
                {
                    do
                    {
                        await Task.Delay(1);
                    }
                    while (!_ready);
                }
            }
            """);
    }

    [Fact]
    public Task Spin_loop_fix_adds_no_blank_line_before_the_next_statement()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M()
                {
                    {|GT0005:while|} (!_ready) { }
                    Work();
                }

                void Work() { }
            }
            """, """
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
                    Work();
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Fix_adds_the_tasks_namespace_when_missing()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading;
            class C
            {
                private volatile bool _ready;

                async IAsyncEnumerable<int> M()
                {
                    {|GT0005:Thread.Yield()|};
                    {|GT0005:SpinWait.SpinUntil(() => _ready)|};
                    yield return 1;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async IAsyncEnumerable<int> M()
                {
                    await Task.Yield();
                    while (!_ready)
                    {
                        await Task.Delay(1);
                    }
                    yield return 1;
                }
            }
            """);
    }

    // ---------------------------------------------------------------- fix: SpinWait.SpinUntil

    [Theory]
    [InlineData("() => _ready", "!_ready")]
    [InlineData("() => _ready && _count > 0", "!(_ready && _count > 0)")]
    [InlineData("() => _ready || _count > 0", "!(_ready || _count > 0)")]
    [InlineData("() => _count >= 10", "!(_count >= 10)")]
    [InlineData("() => t.IsCompleted", "!t.IsCompleted")]
    [InlineData("() => Volatile.Read(ref _count) == 1", "!(Volatile.Read(ref _count) == 1)")]
    [InlineData("() => IsReady()", "!IsReady()")]
    [InlineData("() => _name is not null", "!(_name is not null)")]
    [InlineData("() => (_ready)", "!(_ready)")]
    [InlineData("static () => true", "!true")]
    public Task SpinUntil_becomes_a_polling_loop(string condition, string negated)
    {
        return VerifyCS.VerifyCodeFixAsync($$"""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;
                private int _count;
                private string _name;

                async Task M(Task t)
                {
                    {|GT0005:SpinWait.SpinUntil({{condition}})|};
                }

                bool IsReady() => _ready;
            }
            """, $$"""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;
                private int _count;
                private string _name;

                async Task M(Task t)
                {
                    while ({{negated}})
                    {
                        await Task.Delay(1);
                    }
                }

                bool IsReady() => _ready;
            }
            """);
    }

    [Fact]
    public Task SpinUntil_loop_passes_the_token_and_keeps_comments()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(CancellationToken ct)
                {
                    // wait for the producer
                    {|GT0005:SpinWait.SpinUntil(() => _ready)|}; // spin
                    Work();
                }

                void Work() { }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(CancellationToken ct)
                {
                    // wait for the producer
                    while (!_ready)
                    {
                        await Task.Delay(1, ct);
                    } // spin
                    Work();
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task SpinUntil_as_the_body_of_an_if_becomes_a_loop_under_it()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(bool wait)
                {
                    if (wait)
                        {|GT0005:SpinWait.SpinUntil(() => _ready)|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(bool wait)
                {
                    if (wait)
                        while (!_ready)
                        {
                            await Task.Delay(1);
                        }
                }
            }
            """);
    }

    [Theory]
    [InlineData("{|GT0005:SpinWait.SpinUntil(() => _ready, 100)|};")]
    [InlineData("{|GT0005:SpinWait.SpinUntil(() => _ready, TimeSpan.FromSeconds(1))|};")]
    [InlineData("var ok = {|GT0005:SpinWait.SpinUntil(() => _ready, 100)|};")]
    [InlineData("{|GT0005:SpinWait.SpinUntil(IsReady)|};")]
    [InlineData("{|GT0005:SpinWait.SpinUntil(() => { return _ready; })|};")]
    [InlineData("{|GT0005:SpinWait.SpinUntil(delegate { return _ready; })|};")]
    [InlineData("{|GT0005:SpinWait.SpinUntil(condition)|};")]
    public Task SpinUntil_that_cannot_be_rewritten_is_reported_without_a_fix(string statement)
    {
        return VerifyCS.VerifyNoCodeFixAsync($$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(Func<bool> condition)
                {
                    await Task.Yield();
                    {{statement}}
                }

                bool IsReady() => _ready;
            }
            """);
    }

    // ---------------------------------------------------------------- fix: lone spinning calls

    [Theory]
    [InlineData("Thread.Yield();")]
    [InlineData("Thread.SpinWait(20);")]
    [InlineData("spinner.SpinOnce();")]
    [InlineData("spinner.SpinOnce(-1);")]
    public Task Lone_spin_call_becomes_await_Task_Yield(string statement)
    {
        return VerifyCS.VerifyCodeFixAsync($$"""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    var spinner = new SpinWait();
                    {|GT0005:{{statement.TrimEnd(';')}}|}; // back off
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    var spinner = new SpinWait();
                    await Task.Yield(); // back off
                }
            }
            """);
    }

    [Fact]
    public Task Zero_sleep_in_a_working_loop_becomes_await_Task_Yield()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _running = true;

                async Task M()
                {
                    while (_running)
                    {
                        Work();
                        {|GT0005:Thread.Sleep(0)|};
                        Work();
                        {|GT0005:Thread.Sleep(TimeSpan.Zero)|};
                    }
                }

                void Work() { }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _running = true;

                async Task M()
                {
                    while (_running)
                    {
                        Work();
                        await Task.Yield();
                        Work();
                        await Task.Yield();
                    }
                }

                void Work() { }
            }
            """);
    }

    [Theory]
    [InlineData("var ok = {|GT0005:Thread.Yield()|};")]
    [InlineData("if ({|GT0005:Thread.Yield()|}) Work();")]
    [InlineData("Use({|GT0005:Thread.Yield()|});")]
    [InlineData("_ = {|GT0005:Thread.Yield()|};")]
    public Task Thread_Yield_whose_result_is_used_is_reported_without_a_fix(string statement)
    {
        return VerifyCS.VerifyNoCodeFixAsync($$"""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    await Task.Yield();
                    {{statement}}
                }

                void Work() { }
                void Use(bool yielded) { }
            }
            """);
    }

    [Fact]
    public Task Spin_call_as_the_body_of_an_async_lambda_is_reported_without_a_fix()
    {
        // The rewrites replace a statement; an action here would change nothing.
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                void M()
                {
                    Func<Task> f = async () => {|GT0005:Thread.SpinWait(5)|};
                    Func<Task> g = async () => {|GT0005:SpinWait.SpinUntil(() => _ready)|};
                }
            }
            """);
    }

    // ---------------------------------------------------------------- fix all

    [Fact]
    public Task Fix_all_rewrites_every_spin_in_the_document()
    {
        return VerifyCS.VerifyFixAllAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(Task t, CancellationToken ct)
                {
                    {|GT0005:while|} (!t.IsCompleted) { }
                    {|GT0005:SpinWait.SpinUntil(() => _ready)|};
                    {|GT0005:Thread.SpinWait(10)|};
                    Func<Task> f = async () =>
                    {
                        {|GT0005:Thread.Yield()|};
                        {|GT0005:while|} (!_ready) ;
                    };
                    await f();
                    {|GT0005:while|} (!_ready) { Thread.Yield(); }
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(Task t, CancellationToken ct)
                {
                    await t.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
                    while (!_ready)
                    {
                        await Task.Delay(1, ct);
                    }
                    await Task.Yield();
                    Func<Task> f = async () =>
                    {
                        await Task.Yield();
                        while (!_ready)
                        {
                            await Task.Delay(1, ct);
                        }
                    };
                    await f();
                    while (!_ready)
                    {
                        await Task.Delay(1, ct);
                    }
                }
            }
            """);
    }
}
