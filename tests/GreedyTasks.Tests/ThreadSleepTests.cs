using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.ThreadSleepAnalyzer, GreedyTasks.CodeFixes.ThreadSleepCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0002: do not call Thread.Sleep in async code.</summary>
public class ThreadSleepTests
{
    // ---------------------------------------------------------------- reports: every async context

    [Fact]
    public Task Sleep_in_async_method_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    await Task.Yield();
                    {|#0:Thread.Sleep(100)|};
                }
            }
            """,
            VerifyCS.Diagnostic("GT0002").WithLocation(0).WithArguments("Thread.Sleep(int)"));
    }

    [Fact]
    public Task Sleep_with_TimeSpan_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    await Task.Yield();
                    {|#0:Thread.Sleep(TimeSpan.FromSeconds(1))|};
                }
            }
            """,
            VerifyCS.Diagnostic("GT0002").WithLocation(0).WithArguments("Thread.Sleep(TimeSpan)"));
    }

    [Fact]
    public Task Sleep_in_async_lambda_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    Func<Task> f = async () => { {|GT0002:Thread.Sleep(10)|}; await Task.Yield(); };
                    await f();
                }
            }
            """);
    }

    [Fact]
    public Task Sleep_in_async_lambda_inside_sync_method_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                void M()
                {
                    Func<Task> f = async () => {|GT0002:Thread.Sleep(10)|};
                    Task.Run(async () => {|GT0002:Thread.Sleep(10)|});
                }
            }
            """);
    }

    [Fact]
    public Task Sleep_in_async_local_function_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                Task M()
                {
                    return Local();

                    async Task Local()
                    {
                        {|GT0002:Thread.Sleep(10)|};
                        await Task.Yield();
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Sleep_in_async_anonymous_method_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                void M()
                {
                    Func<Task> f = async delegate { {|GT0002:Thread.Sleep(10)|}; await Task.Yield(); };
                }
            }
            """);
    }

    [Fact]
    public Task Sleep_in_async_iterator_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async IAsyncEnumerable<int> M()
                {
                    for (var i = 0; i < 3; i++)
                    {
                        {|GT0002:Thread.Sleep(10)|};
                        yield return i;
                    }

                    await Task.Yield();
                }
            }
            """);
    }

    [Fact]
    public Task Sleep_in_top_level_statements_with_await_is_reported()
    {
        return new VerifyCS.Test
        {
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                {|GT0002:Thread.Sleep(10)|};
                await Task.Yield();
                """,
        }.RunAsync();
    }

    [Fact]
    public Task Sleep_inside_lock_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private readonly object _gate = new object();

                async Task M()
                {
                    await Task.Yield();
                    lock (_gate)
                    {
                        {|GT0002:Thread.Sleep(10)|};
                    }
                }
            }
            """);
    }

    // ---------------------------------------------------------------- does not report

    [Fact]
    public Task Sleep_in_sync_method_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            class C
            {
                void M() => Thread.Sleep(100);
            }
            """);
    }

    [Fact]
    public Task Sleep_in_sync_lambda_and_local_function_inside_async_method_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    await Task.Run(() => Thread.Sleep(100));
                    Action a = delegate { Thread.Sleep(100); };
                    Local();

                    void Local() => Thread.Sleep(100);
                }
            }
            """);
    }

    [Theory]
    [InlineData("Thread.Sleep(0)")]
    [InlineData("Thread.Sleep(TimeSpan.Zero)")]
    public Task Sleep_zero_is_not_reported_because_it_only_yields_the_time_slice(string call)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    await Task.Yield();
                    {{call}};
                }
            }
            """);
    }

    [Fact]
    public Task Sleep_method_of_another_type_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            static class Thread
            {
                public static void Sleep(int milliseconds) { }
            }

            class C
            {
                async Task M()
                {
                    await Task.Yield();
                    Thread.Sleep(100);
                }
            }
            """);
    }

    [Fact]
    public Task Sleep_method_group_in_nameof_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M()
                {
                    await Task.Yield();
                    return nameof(Thread.Sleep);
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
                async Task M()
                {
                    await Task.Yield();
                    Thread.Sleep(100);
                }
            }
            """);
    }

    // ---------------------------------------------------------------- fix

    [Fact]
    public Task Sleep_becomes_await_Task_Delay()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    {|GT0002:Thread.Sleep(250)|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    await Task.Delay(250);
                }
            }
            """);
    }

    [Fact]
    public Task Sleep_with_TimeSpan_becomes_await_Task_Delay_with_TimeSpan()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(TimeSpan pause)
                {
                    {|GT0002:Thread.Sleep(pause)|};
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(TimeSpan pause)
                {
                    await Task.Delay(pause);
                }
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
                async IAsyncEnumerable<int> M()
                {
                    {|GT0002:Thread.Sleep(10)|};
                    yield return 1;
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async IAsyncEnumerable<int> M()
                {
                    await Task.Delay(10);
                    yield return 1;
                }
            }
            """);
    }

    [Fact]
    public Task Fix_passes_the_token_parameter()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(int id, CancellationToken cancellationToken)
                {
                    {|GT0002:Thread.Sleep(100)|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(int id, CancellationToken cancellationToken)
                {
                    await Task.Delay(100, cancellationToken);
                }
            }
            """);
    }

    [Fact]
    public Task Fix_prefers_a_local_token_declared_before_the_call()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken outer)
                {
                    using var cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
                    var linked = cts.Token;
                    {|GT0002:Thread.Sleep(100)|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken outer)
                {
                    using var cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
                    var linked = cts.Token;
                    await Task.Delay(100, linked);
                }
            }
            """);
    }

    [Fact]
    public Task Fix_ignores_a_local_token_declared_after_the_call()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken ct)
                {
                    {|GT0002:Thread.Sleep(100)|};
                    var later = CancellationToken.None;
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken ct)
                {
                    await Task.Delay(100, ct);
                    var later = CancellationToken.None;
                }
            }
            """);
    }

    [Fact]
    public Task Fix_passes_no_token_when_two_are_equally_near()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken first, CancellationToken second)
                {
                    {|GT0002:Thread.Sleep(100)|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken first, CancellationToken second)
                {
                    await Task.Delay(100);
                }
            }
            """);
    }

    [Fact]
    public Task Fix_in_lambda_uses_the_lambda_token_before_the_outer_one()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                void M(CancellationToken outer)
                {
                    Func<CancellationToken, Task> f = async inner => {|GT0002:Thread.Sleep(10)|};
                    Func<Task> g = async () => {|GT0002:Thread.Sleep(10)|};
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                void M(CancellationToken outer)
                {
                    Func<CancellationToken, Task> f = async inner => await Task.Delay(10, inner);
                    Func<Task> g = async () => await Task.Delay(10, outer);
                }
            }
            """);
    }

    [Fact]
    public Task Fix_in_static_lambda_does_not_capture_the_outer_token()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                void M(CancellationToken outer)
                {
                    Func<Task> f = static async () => {|GT0002:Thread.Sleep(10)|};
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                void M(CancellationToken outer)
                {
                    Func<Task> f = static async () => await Task.Delay(10);
                }
            }
            """);
    }

    [Fact]
    public Task Fix_in_local_function_uses_the_enclosing_method_token()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                Task M(CancellationToken ct)
                {
                    return Local();

                    async Task Local()
                    {
                        {|GT0002:Thread.Sleep(10)|};
                    }
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                Task M(CancellationToken ct)
                {
                    return Local();

                    async Task Local()
                    {
                        await Task.Delay(10, ct);
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Fix_passes_the_argument_by_position_when_it_was_named()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    {|GT0002:Thread.Sleep(millisecondsTimeout: 5)|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    await Task.Delay(5);
                }
            }
            """);
    }

    [Fact]
    public Task Fix_works_through_using_static()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using static System.Threading.Thread;
            class C
            {
                async Task M()
                {
                    {|GT0002:Sleep(5)|};
                }
            }
            """, """
            using System.Threading.Tasks;
            using static System.Threading.Thread;
            class C
            {
                async Task M()
                {
                    await Task.Delay(5);
                }
            }
            """);
    }

    [Fact]
    public Task Fix_keeps_comments()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    // back off before retrying
                    {|GT0002:Thread.Sleep(100)|}; // 100 ms
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    // back off before retrying
                    await Task.Delay(100); // 100 ms
                }
            }
            """);
    }

    // ---------------------------------------------------------------- fix all

    [Fact]
    public Task Fix_all_rewrites_every_sleep_in_the_document()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken ct)
                {
                    {|GT0002:Thread.Sleep(1)|};
                    {|GT0002:Thread.Sleep(TimeSpan.FromMilliseconds(2))|};
                    Func<Task> f = async () => {|GT0002:Thread.Sleep(3)|};
                    await f();
                }

                async Task N()
                {
                    for (var i = 0; i < 3; i++)
                    {
                        {|GT0002:Thread.Sleep(i)|};
                    }
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken ct)
                {
                    await Task.Delay(1, ct);
                    await Task.Delay(TimeSpan.FromMilliseconds(2), ct);
                    Func<Task> f = async () => await Task.Delay(3, ct);
                    await f();
                }

                async Task N()
                {
                    for (var i = 0; i < 3; i++)
                    {
                        await Task.Delay(i);
                    }
                }
            }
            """);
    }
}
