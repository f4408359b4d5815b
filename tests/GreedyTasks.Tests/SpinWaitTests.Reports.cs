using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.SpinWaitAnalyzer, GreedyTasks.CodeFixes.SpinWaitCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0005: which spin loops and spinning calls are reported, where, and with which message.</summary>
public partial class SpinWaitTests
{
    private static DiagnosticResult SpinLoop(int location, string keyword, string condition) =>
        VerifyCS.Diagnostic(GreedyTasks.Analyzers.Descriptors.SpinLoop).WithLocation(location).WithArguments(keyword, condition);

    private static DiagnosticResult SpinCall(int location, string method) =>
        VerifyCS.Diagnostic(GreedyTasks.Analyzers.Descriptors.SpinCall).WithLocation(location).WithArguments(method);

    private static VerifyCS.Test InContext(string context, string statement)
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        if (context == "top-level statements")
        {
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.TestCode = $$"""
                using System.Threading;
                using System.Threading.Tasks;
                var done = false;
                await Task.Yield();
                {{statement}}
                """;
            return test;
        }

        var member = context switch
        {
            "async method" => $$"""
                async Task M(bool done)
                {
                    await Task.Yield();
                    {{statement}}
                }
            """,
            "async lambda" => $$"""
                async Task M(bool done)
                {
                    Func<Task> f = async () =>
                    {
                        {{statement}}
                    };
                    await f();
                }
            """,
            "async lambda in a sync method" => $$"""
                void M(bool done)
                {
                    Task.Run(async () =>
                    {
                        {{statement}}
                    });
                }
            """,
            "async local function" => $$"""
                Task M(bool done)
                {
                    return Local();

                    async Task Local()
                    {
                        {{statement}}
                    }
                }
            """,
            "async anonymous method" => $$"""
                void M(bool done)
                {
                    Func<Task> f = async delegate
                    {
                        {{statement}}
                    };
                }
            """,
            "async iterator" => $$"""
                async IAsyncEnumerable<int> M(bool done)
                {
                    {{statement}}
                    yield return 1;
                }
            """,
            _ => throw new System.ArgumentOutOfRangeException(nameof(context)),
        };
        test.TestCode = $$"""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
            {{member}}
            }
            """;
        return test;
    }

    // ---------------------------------------------------------------- reports: every async context

    [Theory]
    [InlineData("async method")]
    [InlineData("async lambda")]
    [InlineData("async lambda in a sync method")]
    [InlineData("async local function")]
    [InlineData("async anonymous method")]
    [InlineData("async iterator")]
    [InlineData("top-level statements")]
    public Task Spin_loop_is_reported_in_every_async_context(string context)
    {
        var test = InContext(context, "{|#0:while|} (!done) { }");
        test.ExpectedDiagnostics.Add(SpinLoop(0, "while", "!done"));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("async method")]
    [InlineData("async lambda")]
    [InlineData("async lambda in a sync method")]
    [InlineData("async local function")]
    [InlineData("async anonymous method")]
    [InlineData("async iterator")]
    [InlineData("top-level statements")]
    public Task Spin_call_is_reported_in_every_async_context(string context)
    {
        var test = InContext(context, "{|#0:Thread.SpinWait(10)|};");
        test.ExpectedDiagnostics.Add(SpinCall(0, "Thread.SpinWait(int)"));
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- reports: spin loops, once, on the loop keyword

    [Theory]
    [InlineData("{|#0:while|} (!_done) { }", "while", "!_done")]
    [InlineData("{|#0:while|} (!_done) ;", "while", "!_done")]
    [InlineData("{|#0:while|} (!_done) { continue; }", "while", "!_done")]
    [InlineData("{|#0:while|} (true) { }", "while", "true")]
    [InlineData("{|#0:for|} (;;) { }", "for", "true")]
    [InlineData("{|#0:for|} (; !_done; ) { }", "for", "!_done")]
    [InlineData("{|#0:do|} { } while (!_done);", "do", "!_done")]
    [InlineData("{|#0:while|} (!t.IsCompleted) { }", "while", "!t.IsCompleted")]
    [InlineData("{|#0:while|} (t.IsCompleted == false) { }", "while", "t.IsCompleted == false")]
    [InlineData("{|#0:while|} (!t.IsCompleted) { Thread.Yield(); }", "while", "!t.IsCompleted")]
    [InlineData("{|#0:while|} (Volatile.Read(ref _state) == 0) Thread.Yield();", "while", "Volatile.Read(ref _state) == 0")]
    [InlineData("{|#0:while|} (Interlocked.CompareExchange(ref _lock, 1, 0) != 0) Thread.SpinWait(20);", "while", "Interlocked.CompareExchange(ref _lock, 1, 0) != 0")]
    [InlineData("{|#0:while|} (!q.TryDequeue(out var item)) { }", "while", "!q.TryDequeue(out var item)")]
    [InlineData("{|#0:while|} (!_done) { Thread.Sleep(0); }", "while", "!_done")]
    [InlineData("{|#0:while|} (!_done) { spinner.SpinOnce(); }", "while", "!_done")]
    [InlineData("{|#0:while|} (!_done) { Thread.Yield(); Thread.SpinWait(10); Thread.Sleep(TimeSpan.Zero); }", "while", "!_done")]
    [InlineData("{|#0:while|} (_state < 10) { }", "while", "_state < 10")]
    [InlineData("{|#0:while|} (Interlocked.Read(ref _counter) < 10) { }", "while", "Interlocked.Read(ref _counter) < 10")]
    [InlineData("{|#0:while|} (!Volatile.Read(ref _flag)) Thread.SpinWait(1);", "while", "!Volatile.Read(ref _flag)")]
    [InlineData("{|#0:while|} (0 == Interlocked.CompareExchange(ref _lock, 0, 0)) { }", "while", "0 == Interlocked.CompareExchange(ref _lock, 0, 0)")]
    public Task Spin_loop_is_reported_once_on_its_keyword(string loop, string keyword, string condition)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Concurrent;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _done;
                private int _state;
                private int _lock;
                private long _counter;
                private bool _flag;

                async Task M(Task t, ConcurrentQueue<int> q)
                {
                    await Task.Yield();
                    var spinner = new SpinWait();
                    {{loop}}
                }
            }
            """,
            SpinLoop(0, keyword, condition));
    }

    [Fact]
    public Task Condition_spread_over_lines_is_shown_on_one_line()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;
                private volatile bool _stopped;

                async Task M()
                {
                    await Task.Yield();
                    {|#0:while|} (!_ready
                           && !_stopped)
                    {
                        Thread.Yield();
                    }
                }
            }
            """,
            SpinLoop(0, "while", "!_ready && !_stopped"));
    }

    [Fact]
    public Task Nested_spin_loop_inside_a_working_loop_is_reported_alone()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M(int[] items)
                {
                    await Task.Yield();
                    foreach (var item in items)
                    {
                        Work(item);
                        {|#0:while|} (!_ready) Thread.SpinWait(1);
                    }
                }

                void Work(int item) { }
            }
            """,
            SpinLoop(0, "while", "!_ready"));
    }

    // ---------------------------------------------------------------- reports: spinning calls outside spin loops

    [Theory]
    [InlineData("{|#0:SpinWait.SpinUntil(() => _done)|};", "SpinWait.SpinUntil(Func<bool>)")]
    [InlineData("{|#0:SpinWait.SpinUntil(() => _done, 100)|};", "SpinWait.SpinUntil(Func<bool>, int)")]
    [InlineData("{|#0:SpinWait.SpinUntil(() => _done, TimeSpan.FromSeconds(1))|};", "SpinWait.SpinUntil(Func<bool>, TimeSpan)")]
    [InlineData("{|#0:SpinWait.SpinUntil(IsDone)|};", "SpinWait.SpinUntil(Func<bool>)")]
    [InlineData("{|#0:Thread.SpinWait(100)|};", "Thread.SpinWait(int)")]
    [InlineData("{|#0:Thread.Yield()|};", "Thread.Yield()")]
    [InlineData("var yielded = {|#0:Thread.Yield()|};", "Thread.Yield()")]
    [InlineData("if (!{|#0:Thread.Yield()|}) Work();", "Thread.Yield()")]
    [InlineData("{|#0:spinner.SpinOnce()|};", "SpinWait.SpinOnce()")]
    [InlineData("{|#0:spinner.SpinOnce(-1)|};", "SpinWait.SpinOnce(int)")]
    [InlineData("while (!_done) { Work(); {|#0:Thread.Sleep(0)|}; }", "Thread.Sleep(int)")]
    [InlineData("for (var i = 0; i < 10; i++) { Work(); {|#0:Thread.Sleep(TimeSpan.Zero)|}; }", "Thread.Sleep(TimeSpan)")]
    [InlineData("foreach (var x in new[] { 1, 2 }) { Work(); {|#0:Thread.Sleep(0)|}; }", "Thread.Sleep(int)")]
    [InlineData("while (!_done) { Work(); {|#0:Thread.Yield()|}; }", "Thread.Yield()")]
    [InlineData("while (!_done) { if (!spinner.NextSpinWillYield) Work(); {|#0:spinner.SpinOnce()|}; }", "SpinWait.SpinOnce()")]
    public Task Spin_call_is_reported(string statement, string method)
    {
        var test = new VerifyCS.Test
        {
            TestCode = $$"""
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                class C
                {
                    private volatile bool _done;

                    async Task M()
                    {
                        await Task.Yield();
                        var spinner = new SpinWait();
                        {{statement}}
                    }

                    bool IsDone() => _done;
                    void Work() { }
                }
                """,
            ReferenceAssemblies = TestReferences.Net80,
        };
        test.ExpectedDiagnostics.Add(SpinCall(0, method));
        return test.RunAsync();
    }

    [Fact]
    public Task Spin_call_through_using_static_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using static System.Threading.Thread;
            class C
            {
                async Task M()
                {
                    await Task.Yield();
                    {|#0:SpinWait(5)|};
                    {|#1:Yield()|};
                }
            }
            """,
            SpinCall(0, "Thread.SpinWait(int)"),
            SpinCall(1, "Thread.Yield()"));
    }

    // ---------------------------------------------------------------- reports: lock and catch filters

    [Fact]
    public Task Spin_loop_and_spin_call_inside_lock_are_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private readonly object _gate = new object();
                private volatile bool _ready;

                async Task M(Task t)
                {
                    await Task.Yield();
                    lock (_gate)
                    {
                        {|GT0005:while|} (!_ready) { }
                        {|GT0005:while|} (!t.IsCompleted) { }
                        {|GT0005:Thread.Yield()|};
                        {|GT0005:SpinWait.SpinUntil(() => _ready)|};
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Spin_call_in_a_catch_filter_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _ready;

                async Task M()
                {
                    try
                    {
                        await Task.Yield();
                    }
                    catch (InvalidOperationException) when ({|GT0005:SpinWait.SpinUntil(() => _ready, 100)|})
                    {
                    }
                }
            }
            """);
    }
}
