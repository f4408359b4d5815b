using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.BlockingWaitAnalyzer, GreedyTasks.CodeFixes.BlockingWaitCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0001: do not block on a task in async code.</summary>
public partial class BlockingWaitTests
{
    // ---------------------------------------------------------------- reports: every async context

    [Fact]
    public Task Result_in_async_method_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
                    return {|#0:t.Result|};
                }
            }
            """,
            VerifyCS.Diagnostic("GT0001").WithLocation(0).WithArguments("Task<int>.Result"));
    }

    [Fact]
    public Task Result_in_async_lambda_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task<int> t)
                {
                    Func<Task<int>> f = async () => { await Task.Yield(); return {|GT0001:t.Result|}; };
                    await f();
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_async_lambda_inside_sync_method_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                void M(Task<int> t)
                {
                    Func<Task<int>> f = async () => {|GT0001:t.Result|};
                    f();
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_async_local_function_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                int M(Task<int> t)
                {
                    return Local().GetHashCode();

                    async Task<int> Local()
                    {
                        await Task.Yield();
                        return {|GT0001:t.Result|};
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_async_anonymous_method_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                void M(Task<int> t)
                {
                    Func<Task<int>> f = async delegate { await Task.Yield(); return {|GT0001:t.Result|}; };
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_async_iterator_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async IAsyncEnumerable<int> M(Task<int> t)
                {
                    await Task.Yield();
                    yield return {|GT0001:t.Result|};
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_top_level_statements_with_await_is_reported()
    {
        return new VerifyCS.Test
        {
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            TestCode = """
                using System.Threading.Tasks;
                var t = Task.Run(() => 1);
                await Task.Yield();
                System.Console.WriteLine({|GT0001:t.Result|});
                """,
        }.RunAsync();
    }

    [Fact]
    public Task Result_in_top_level_statements_without_await_is_not_reported()
    {
        return new VerifyCS.Test
        {
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            TestCode = """
                using System.Threading.Tasks;
                var t = Task.Run(() => 1);
                System.Console.WriteLine(t.Result);
                """,
        }.RunAsync();
    }

    // ---------------------------------------------------------------- reports: every blocking form

    [Fact]
    public Task ValueTask_result_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(ValueTask<int> t)
                {
                    await Task.Yield();
                    return {|#0:t.Result|};
                }
            }
            """,
            VerifyCS.Diagnostic("GT0001").WithLocation(0).WithArguments("ValueTask<int>.Result"));
    }

    [Theory]
    [InlineData("t.Wait()", "Task.Wait()")]
    [InlineData("t.Wait(ct)", "Task.Wait(CancellationToken)")]
    [InlineData("t.Wait(100)", "Task.Wait(int)")]
    [InlineData("t.Wait(TimeSpan.FromSeconds(1))", "Task.Wait(TimeSpan)")]
    [InlineData("t.Wait(100, ct)", "Task.Wait(int, CancellationToken)")]
    public Task Task_wait_overloads_are_reported(string call, string member)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t, CancellationToken ct)
                {
                    await Task.Yield();
                    {|#0:{{call}}|};
                }
            }
            """,
            VerifyCS.Diagnostic("GT0001").WithLocation(0).WithArguments(member));
    }

    [Theory]
    [InlineData("Task<int>", "t.GetAwaiter().GetResult()", "TaskAwaiter<int>.GetResult()")]
    [InlineData("Task", "t.GetAwaiter().GetResult()", "TaskAwaiter.GetResult()")]
    [InlineData("ValueTask<int>", "t.GetAwaiter().GetResult()", "ValueTaskAwaiter<int>.GetResult()")]
    [InlineData("ValueTask", "t.GetAwaiter().GetResult()", "ValueTaskAwaiter.GetResult()")]
    [InlineData("Task<int>", "t.ConfigureAwait(false).GetAwaiter().GetResult()", "ConfiguredTaskAwaitable<int>.ConfiguredTaskAwaiter.GetResult()")]
    [InlineData("Task", "t.ConfigureAwait(false).GetAwaiter().GetResult()", "ConfiguredTaskAwaitable.ConfiguredTaskAwaiter.GetResult()")]
    [InlineData("ValueTask<int>", "t.ConfigureAwait(false).GetAwaiter().GetResult()", "ConfiguredValueTaskAwaitable<int>.ConfiguredValueTaskAwaiter.GetResult()")]
    [InlineData("ValueTask", "t.ConfigureAwait(false).GetAwaiter().GetResult()", "ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter.GetResult()")]
    public Task GetAwaiter_GetResult_is_reported(string type, string call, string member)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Threading.Tasks;
            class C
            {
                async Task M({{type}} t)
                {
                    await Task.Yield();
                    {|#0:{{call}}|};
                }
            }
            """,
            VerifyCS.Diagnostic("GT0001").WithLocation(0).WithArguments(member));
    }

    [Theory]
    [InlineData("Task.WaitAll(a, b)", "Task.WaitAll(params Task[])")]
    [InlineData("Task.WaitAll(tasks)", "Task.WaitAll(params Task[])")]
    [InlineData("Task.WaitAll(tasks, 1000)", "Task.WaitAll(Task[], int)")]
    [InlineData("Task.WaitAny(a, b)", "Task.WaitAny(params Task[])")]
    [InlineData("Task.WaitAny(tasks, TimeSpan.FromSeconds(1))", "Task.WaitAny(Task[], TimeSpan)")]
    public Task WaitAll_and_WaitAny_are_reported(string call, string member)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task a, Task b, Task[] tasks)
                {
                    await Task.Yield();
                    {|#0:{{call}}|};
                }
            }
            """,
            VerifyCS.Diagnostic("GT0001").WithLocation(0).WithArguments(member));
    }

    [Fact]
    public Task Blocking_inside_lock_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                private readonly object _gate = new object();

                async Task<int> M(Task<int> t, Task u)
                {
                    await Task.Yield();
                    lock (_gate)
                    {
                        {|GT0001:u.Wait()|};
                        return {|GT0001:t.Result|};
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Blocking_in_lock_expression_is_fixed_because_it_runs_before_the_lock_is_taken()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task<object> t)
                {
                    lock ({|GT0001:t.Result|})
                    {
                    }
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task<object> t)
                {
                    lock (await t)
                    {
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Blocking_in_catch_filter_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task<bool> t)
                {
                    try
                    {
                        await Task.Yield();
                    }
                    catch (Exception) when ({|GT0001:t.Result|})
                    {
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Blocking_in_unsafe_context_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t)
                {
                    await Task.Yield();
                    unsafe
                    {
                        int x = 1;
                        int* p = &x;
                        {|GT0001:t.Wait()|};
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Result_with_conditional_access_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            #nullable enable
            using System.Threading.Tasks;
            class C
            {
                async Task<string?> M(Task<string>? t)
                {
                    await Task.Yield();
                    return t?{|GT0001:.Result|};
                }
            }
            """);
    }

    [Fact]
    public Task GetResult_on_a_stored_awaiter_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
                    var awaiter = t.GetAwaiter();
                    return {|GT0001:awaiter.GetResult()|};
                }
            }
            """);
    }

    [Fact]
    public Task Wait_with_timeout_whose_result_is_used_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<bool> M(Task t)
                {
                    await Task.Yield();
                    return {|GT0001:t.Wait(100)|};
                }
            }
            """);
    }

    [Fact]
    public Task Wait_with_named_arguments_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t, CancellationToken ct)
                {
                    await Task.Yield();
                    {|GT0001:t.Wait(cancellationToken: ct)|};
                }
            }
            """);
    }

    [Fact]
    public Task Wait_with_token_has_no_fix_where_WaitAsync_does_not_exist()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t, CancellationToken ct)
                {
                    await Task.Yield();
                    {|GT0001:t.Wait(ct)|};
                }
            }
            """, TestReferences.NetStandard20);
    }

    [Fact]
    public Task WaitAll_with_timeout_has_no_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task[] tasks)
                {
                    await Task.Yield();
                    {|GT0001:Task.WaitAll(tasks, 1000)|};
                }
            }
            """);
    }

    [Fact]
    public Task WaitAny_whose_index_is_used_with_computed_tasks_has_no_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                Task[] Start() => new[] { Task.Delay(1), Task.Delay(2) };

                async Task<int> M()
                {
                    await Task.Yield();
                    return {|GT0001:Task.WaitAny(Start())|};
                }
            }
            """);
    }

#if !ROSLYN_4_8
    // Span locals in async methods exist from C# 13 on (Roslyn 4.12); before that the input itself does not compile.
    [Fact]
    public Task Function_with_ref_struct_local_gets_no_fix()
    {
        return new VerifyCS.Test
        {
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview,
            TestCode = """
                using System;
                using System.Threading.Tasks;
                class C
                {
                    async Task<int> M(Task<int> t)
                    {
                        await Task.Yield();
                        {
                            Span<int> span = stackalloc int[1];
                            span[0] = 1;
                        }
                        return {|GT0001:t.Result|};
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Threading.Tasks;
                class C
                {
                    async Task<int> M(Task<int> t)
                    {
                        await Task.Yield();
                        {
                            Span<int> span = stackalloc int[1];
                            span[0] = 1;
                        }
                        return {|GT0001:t.Result|};
                    }
                }
                """,
        }.RunAsync();
    }
#endif

    // ---------------------------------------------------------------- reports: what the completed-task check must not hide

    [Fact]
    public Task Result_after_await_on_one_branch_only_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, bool b)
                {
                    if (b)
                    {
                        await t;
                    }

                    return {|GT0001:t.Result|};
                }
            }
            """);
    }

    [Fact]
    public Task Result_after_await_and_reassignment_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await t;
                    t = Task.Run(() => 2);
                    return {|GT0001:t.Result|};
                }
            }
            """);
    }

    [Fact]
    public Task Result_after_await_of_a_task_reassigned_by_a_lambda_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    Action reset = () => t = Task.Run(() => 2);
                    await t;
                    reset();
                    return {|GT0001:t.Result|};
                }
            }
            """);
    }

    [Fact]
    public Task ValueTask_result_after_await_is_reported_because_a_value_task_is_consumed_once()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(ValueTask<int> t)
                {
                    await t;
                    return {|GT0001:t.Result|};
                }
            }
            """);
    }

    [Fact]
    public Task Result_of_a_field_after_await_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                private Task<int> _task = Task.Run(() => 1);

                async Task<int> M()
                {
                    await _task;
                    return {|GT0001:_task.Result|};
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_else_branch_of_IsCompleted_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
                    if (t.IsCompleted)
                    {
                        return 0;
                    }
                    else
                    {
                        return {|GT0001:t.Result|};
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Result_after_await_of_another_task_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, Task<int> u)
                {
                    await Task.WhenAll(u);
                    await u;
                    return {|GT0001:t.Result|};
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_catch_after_await_in_try_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    try
                    {
                        await Task.Delay(1);
                        await t;
                    }
                    catch (Exception)
                    {
                        return {|GT0001:t.Result|};
                    }

                    return 0;
                }
            }
            """);
    }

    [Fact]
    public Task Element_of_a_collection_other_than_the_awaited_one_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int>[] awaited, Task<int>[] other)
                {
                    await Task.WhenAll(awaited);
                    return {|GT0001:other[0].Result|};
                }
            }
            """);
    }

    [Fact]
    public Task Element_replaced_after_WhenAll_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int>[] tasks, List<Task<int>> list)
                {
                    await Task.WhenAll(tasks);
                    await Task.WhenAll(list);
                    tasks[0] = Task.Run(() => 1);
                    list.Add(Task.Run(() => 2));
                    return {|GT0001:tasks[0].Result|} + {|GT0001:list[1].Result|};
                }
            }
            """);
    }

    // ---------------------------------------------------------------- does not report

    [Fact]
    public Task Result_in_sync_method_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                int M(Task<int> t)
                {
                    t.Wait();
                    Task.WaitAll(t);
                    return t.Result + t.GetAwaiter().GetResult();
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_sync_lambda_inside_async_method_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task<int> t)
                {
                    await Task.Yield();
                    Func<int> f = () => t.Result;
                    Action a = delegate { t.Wait(); };
                    f();
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_sync_local_function_inside_async_method_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
                    return Local();

                    int Local() => t.Result;
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_sync_iterator_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                IEnumerable<int> M(Task<int> t)
                {
                    yield return t.Result;
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_nameof_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(Task<int> t)
                {
                    await Task.Yield();
                    return nameof(t.Result);
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_expression_tree_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Linq.Expressions;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task<int> t)
                {
                    await Task.Yield();
                    Expression<Func<int>> e = () => t.Result;
                }
            }
            """);
    }

    [Fact]
    public Task Result_after_await_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, Task<int> u)
                {
                    await t;
                    await u.ConfigureAwait(false);
                    return t.Result + u.Result + t.GetAwaiter().GetResult();
                }
            }
            """);
    }

    [Fact]
    public Task Result_after_await_WhenAll_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, Task<int> u)
                {
                    await Task.WhenAll(t, u);
                    return t.Result + u.Result;
                }
            }
            """);
    }

    [Fact]
    public Task Result_of_a_local_assigned_in_the_method_body_and_awaited_is_not_reported()
    {
        // An assignment outside any lambda is the method's own write: the path check follows it, and only writes from
        // a lambda or local function make the variable unprovable. A parameter assigned in the body, too.
        return VerifyAsyncMethodAsync("Task<int> t", """
            Task<int> loaded;
            loaded = Task.Run(() => 1);
            await loaded;
            t = Task.Run(() => 2);
            await t;
            return loaded.Result + t.Result;
            """);
    }

    [Fact]
    public Task Results_after_WhenAll_over_tasks_of_different_types_in_try_finally_are_not_reported()
    {
        // A dashboard refresh: three queries of different result types, awaited together, read after.
        return VerifyAsyncMethodAsync(
            parameters: "",
            statements: """
                _busy = true;
                try
                {
                    var count = Task.Run(() => 1);
                    var names = Task.Run(() => new[] { "a" });
                    var load = Task.Run(() => 0.5);
                    await Task.WhenAll(count, names, load);
                    return count.Result + names.Result.Length + (int)load.Result;
                }
                finally
                {
                    _busy = false;
                }
                """,
            members: "private bool _busy;");
    }

    [Fact]
    public Task Result_after_configured_await_of_WhenAll_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Runtime.CompilerServices;
            using System.Threading.Tasks;
            static class TaskExtensions
            {
                // Libraries often wrap ConfigureAwait(false) in an extension of their own.
                public static ConfiguredTaskAwaitable ForAwait(this Task task) => task.ConfigureAwait(false);
            }

            class C
            {
                async Task<int> M(Task<int> a, Task<int> b, Task<int> c)
                {
                    await Task.WhenAll(a, b).ConfigureAwait(false);
                    await Task.WhenAll(c).ForAwait();
                    return a.Result + b.Result + c.Result;
                }
            }
            """);
    }

    [Fact]
    public Task Elements_of_a_collection_awaited_with_WhenAll_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int>[] tasks, List<Task<int>> list, List<Task<int>> copied)
                {
                    await Task.WhenAll(tasks);
                    await Task.WhenAll(list).ConfigureAwait(false);
                    await Task.WhenAll(copied.ToArray());
                    var sum = tasks[0].Result + list[0].Result + copied[0].Result;
                    foreach (var task in tasks)
                    {
                        sum += task.Result;
                    }

                    return sum;
                }
            }
            """);
    }

    [Fact]
    public Task Result_after_a_timed_wait_that_must_have_succeeded_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
                    if (!{|GT0001:t.Wait(1000)|})
                    {
                        throw new TimeoutException();
                    }

                    return t.Result;
                }
            }
            """);
    }

    [Fact]
    public Task Result_after_await_on_every_branch_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, bool b)
                {
                    if (b)
                    {
                        await t;
                    }
                    else
                    {
                        await Task.WhenAll(t);
                    }

                    return t.Result;
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_loop_after_await_before_the_loop_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, int n)
                {
                    await t;
                    var sum = 0;
                    for (var i = 0; i < n; i++)
                    {
                        sum += t.Result;
                    }

                    return sum;
                }
            }
            """);
    }

    [Fact]
    public Task Result_after_await_with_timeout_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await t.WaitAsync(TimeSpan.FromSeconds(5));
                    return t.Result;
                }
            }
            """);
    }

    [Theory]
    [InlineData("t.IsCompleted")]
    [InlineData("t.IsCompletedSuccessfully")]
    [InlineData("t.IsFaulted")]
    [InlineData("t.IsCanceled")]
    [InlineData("t.Status == TaskStatus.RanToCompletion")]
    [InlineData("t.IsCompleted == true")]
    [InlineData("t.IsCompleted && b")]
    public Task Result_inside_completion_check_is_not_reported(string condition)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, bool b)
                {
                    await Task.Yield();
                    if ({{condition}})
                    {
                        return t.Result;
                    }

                    return 0;
                }
            }
            """);
    }

    [Fact]
    public Task Result_after_early_return_on_incomplete_task_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
                    if (!t.IsCompleted)
                    {
                        return -1;
                    }

                    return t.Result;
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_conditional_expression_guarded_by_IsCompleted_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
                    return t.IsCompleted ? t.Result : -1;
                }
            }
            """);
    }

    [Fact]
    public Task ValueTask_fast_path_guarded_by_IsCompletedSuccessfully_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(ValueTask<int> t)
                {
                    await Task.Yield();
                    if (t.IsCompletedSuccessfully)
                    {
                        return t.Result;
                    }

                    return await t;
                }
            }
            """);
    }

    [Theory]
    [InlineData("Task.FromResult(1).Result")]
    [InlineData("Task.FromResult(1).GetAwaiter().GetResult()")]
    [InlineData("ValueTask.FromResult(1).Result")]
    [InlineData("new ValueTask<int>(1).Result")]
    [InlineData("Task.FromException<int>(new System.Exception()).Result")]
    public Task Result_of_a_task_created_complete_is_not_reported(string expression)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M()
                {
                    await Task.Yield();
                    return {{expression}};
                }
            }
            """);
    }

    [Fact]
    public Task Wait_on_completed_task_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    await Task.Yield();
                    Task.CompletedTask.Wait();
                    var done = Task.FromResult(3);
                    done.Wait();
                    _ = done.Result;
                }
            }
            """);
    }

    [Fact]
    public Task Result_after_a_reported_wait_is_not_reported_again()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, Task<int> u)
                {
                    await Task.Yield();
                    {|GT0001:t.Wait()|};
                    {|GT0001:Task.WaitAll(u)|};
                    return t.Result + u.Result;
                }
            }
            """);
    }

    [Fact]
    public Task Antecedent_in_ContinueWith_callback_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task<int> t)
                {
                    await t.ContinueWith(async antecedent =>
                    {
                        await Task.Yield();
                        return antecedent.Result + 1;
                    });
                }
            }
            """);
    }

    [Theory]
    [InlineData("t.Wait(0)")]
    [InlineData("t.Wait(TimeSpan.Zero)")]
    [InlineData("t.Wait(0, ct)")]
    [InlineData("Task.WaitAll(new[] { t }, 0)")]
    [InlineData("Task.WaitAny(new[] { t }, TimeSpan.Zero)")]
    public Task Zero_timeout_probe_is_not_reported(string call)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t, CancellationToken ct)
                {
                    await Task.Yield();
                    _ = {{call}};
                }
            }
            """);
    }

    [Fact]
    public Task Members_named_Result_and_Wait_on_other_types_are_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class Job
            {
                public int Result => 1;
                public void Wait() { }
                public static void WaitAll(params Job[] jobs) { }
                public Job GetAwaiter() => this;
                public int GetResult() => 1;
            }

            class C
            {
                async Task<int> M(Job job)
                {
                    await Task.Yield();
                    job.Wait();
                    Job.WaitAll(job);
                    return job.Result + job.GetAwaiter().GetResult();
                }
            }
            """);
    }

    [Fact]
    public Task Generated_code_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
                    return t.Result;
                }
            }
            """);
    }

    [Fact]
    public Task Code_marked_GeneratedCode_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.CodeDom.Compiler;
            using System.Threading.Tasks;
            [GeneratedCode("tool", "1.0")]
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
                    return t.Result;
                }
            }
            """);
    }

    // ---------------------------------------------------------------- fix

    [Fact]
    public Task Result_is_replaced_by_await()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    var x = {|GT0001:t.Result|};
                    return x;
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    var x = await t;
                    return x;
                }
            }
            """);
    }

    [Fact]
    public Task Result_used_further_is_parenthesised()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            #nullable enable
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<string> t, Task<string?> u)
                {
                    var trimmed = {|GT0001:u.Result|}?.Trim();
                    return {|GT0001:t.Result|}.Length;
                }
            }
            """, """
            #nullable enable
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<string> t, Task<string?> u)
                {
                    var trimmed = (await u)?.Trim();
                    return (await t).Length;
                }
            }
            """);
    }

    [Fact]
    public Task Result_as_argument_and_operand_is_fixed_without_extra_parentheses()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task<int> t, Task<int> u)
                {
                    Console.WriteLine({|GT0001:t.Result|});
                    var sum = 1 + {|GT0001:u.Result|};
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task<int> t, Task<int> u)
                {
                    Console.WriteLine(await t);
                    var sum = 1 + await u;
                }
            }
            """);
    }

    [Fact]
    public Task Result_of_a_call_and_a_cast_is_awaited()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                Task<int> Get() => Task.FromResult(1);

                async Task<int> M(object o)
                {
                    await Task.Yield();
                    return {|GT0001:Get().Result|} + {|GT0001:((Task<int>)o).Result|};
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                Task<int> Get() => Task.FromResult(1);

                async Task<int> M(object o)
                {
                    await Task.Yield();
                    return await Get() + await ((Task<int>)o);
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_expression_bodied_async_lambda_is_awaited()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                void M(Task<int> t)
                {
                    Func<Task<int>> f = async () => {|GT0001:t.Result|};
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            class C
            {
                void M(Task<int> t)
                {
                    Func<Task<int>> f = async () => await t;
                }
            }
            """);
    }

    [Fact]
    public Task Fix_keeps_comments_around_the_expression()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    var x = /* before */ {|GT0001:t.Result|} /* after */;
                    return x;
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    var x = /* before */ await t /* after */;
                    return x;
                }
            }
            """);
    }

    [Fact]
    public Task Wait_is_replaced_by_await()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t)
                {
                    {|GT0001:t.Wait()|};
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t)
                {
                    await t;
                }
            }
            """);
    }

    [Fact]
    public Task GetAwaiter_GetResult_is_replaced_by_await()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, ValueTask v)
                {
                    {|GT0001:v.GetAwaiter().GetResult()|};
                    return {|GT0001:t.GetAwaiter().GetResult()|};
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, ValueTask v)
                {
                    await v;
                    return await t;
                }
            }
            """);
    }

    [Fact]
    public Task ConfigureAwait_GetAwaiter_GetResult_keeps_ConfigureAwait()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    return {|GT0001:t.ConfigureAwait(false).GetAwaiter().GetResult()|} + 1;
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    return await t.ConfigureAwait(false) + 1;
                }
            }
            """);
    }

    [Fact]
    public Task Wait_with_token_becomes_WaitAsync()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t, CancellationToken ct)
                {
                    {|GT0001:t.Wait(ct)|};
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t, CancellationToken ct)
                {
                    await t.WaitAsync(ct);
                }
            }
            """);
    }

    [Fact]
    public Task Wait_with_millisecond_timeout_and_unused_result_becomes_WaitAsync_with_TimeSpan()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t, Task u, CancellationToken ct)
                {
                    {|GT0001:t.Wait(1000)|};
                    {|GT0001:u.Wait(500, ct)|};
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t, Task u, CancellationToken ct)
                {
                    await t.WaitAsync(TimeSpan.FromMilliseconds(1000));
                    await u.WaitAsync(TimeSpan.FromMilliseconds(500), ct);
                }
            }
            """);
    }

    [Fact]
    public Task Wait_with_TimeSpan_timeout_and_unused_result_becomes_WaitAsync()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t)
                {
                    {|GT0001:t.Wait(TimeSpan.FromSeconds(2))|};
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t)
                {
                    await t.WaitAsync(TimeSpan.FromSeconds(2));
                }
            }
            """);
    }

    [Fact]
    public Task WaitAll_becomes_await_WhenAll()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task a, Task<int> b, Task[] tasks)
                {
                    {|GT0001:Task.WaitAll(a, b)|};
                    {|GT0001:Task.WaitAll(tasks)|};
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task a, Task<int> b, Task[] tasks)
                {
                    await Task.WhenAll(a, b);
                    await Task.WhenAll(tasks);
                }
            }
            """);
    }

    [Fact]
    public Task WaitAll_through_using_static_becomes_await_WhenAll()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using static System.Threading.Tasks.Task;
            class C
            {
                async Task M(Task a, Task b)
                {
                    {|GT0001:WaitAll(a, b)|};
                }
            }
            """, """
            using System.Threading.Tasks;
            using static System.Threading.Tasks.Task;
            class C
            {
                async Task M(Task a, Task b)
                {
                    await WhenAll(a, b);
                }
            }
            """);
    }

    [Fact]
    public Task WaitAny_with_unused_result_becomes_await_WhenAny()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task a, Task b)
                {
                    {|GT0001:Task.WaitAny(a, b)|};
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task a, Task b)
                {
                    await Task.WhenAny(a, b);
                }
            }
            """);
    }

    [Fact]
    public Task WaitAny_whose_index_is_used_keeps_the_index()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task[] tasks)
                {
                    var index = {|GT0001:Task.WaitAny(tasks)|};
                    return index;
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task[] tasks)
                {
                    var index = Array.IndexOf(tasks, await Task.WhenAny(tasks));
                    return index;
                }
            }
            """);
    }

    [Fact]
    public Task WaitAny_over_separate_tasks_whose_index_is_used_gathers_them_in_an_array()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task a, Task<int> b)
                {
                    return {|GT0001:Task.WaitAny(a, b)|};
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task a, Task<int> b)
                {
                    return Array.IndexOf(new Task[] { a, b }, await Task.WhenAny(a, b));
                }
            }
            """);
    }

    [Fact]
    public Task WaitAll_over_an_enumerable_on_net9_becomes_await_WhenAll()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task M(List<Task> tasks)
                {
                    {|GT0001:Task.WaitAll(tasks)|};
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task M(List<Task> tasks)
                {
                    await Task.WhenAll(tasks);
                }
            }
            """, TestReferences.Net90);
    }

    [Fact]
    public Task WaitAll_over_an_enumerable_with_an_explicit_token_has_no_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(List<Task> tasks, CancellationToken ct)
                {
                    {|GT0001:Task.WaitAll(tasks, ct)|};
                }
            }
            """, TestReferences.Net90);
    }

    [Fact]
    public Task ValueTask_awaited_elsewhere_in_the_function_gets_no_fix_because_it_may_be_consumed_once()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(ValueTask<int> t)
                {
                    await t;
                    return {|GT0001:t.Result|};
                }
            }
            """);
    }

#if !ROSLYN_4_8
    // On .NET 9 with C# 13, Task.WhenAll(a, b) binds to params ReadOnlySpan<Task>; the tasks are then elements of a collection.
    [Fact]
    public Task Result_after_await_WhenAll_over_a_params_span_is_not_reported()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net90,
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp13,
            TestCode = """
                using System.Threading.Tasks;
                class C
                {
                    async Task<int> M(Task<int> a, Task<int> b)
                    {
                        await Task.WhenAll(a, b);
                        await Task.WhenAll([a]);
                        return a.Result + b.Result;
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public Task WaitAll_over_a_params_span_becomes_await_WhenAll_and_completes_the_tasks()
    {
        return new VerifyCS.Test
        {
            ReferenceAssemblies = TestReferences.Net90,
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp13,
            TestCode = """
                using System.Threading.Tasks;
                class C
                {
                    async Task<int> M(Task<int> a, Task<int> b)
                    {
                        {|GT0001:Task.WaitAll(a, b)|};
                        return a.Result + b.Result;
                    }
                }
                """,
            FixedCode = """
                using System.Threading.Tasks;
                class C
                {
                    async Task<int> M(Task<int> a, Task<int> b)
                    {
                        await Task.WhenAll(a, b);
                        return a.Result + b.Result;
                    }
                }
                """,
        }.RunAsync();
    }
#endif

    [Fact]
    public Task Fix_in_net_framework_project_compiles()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, Task u)
                {
                    {|GT0001:u.Wait()|};
                    return {|GT0001:t.Result|};
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, Task u)
                {
                    await u;
                    return await t;
                }
            }
            """, TestReferences.NetFramework472);
    }

    // ---------------------------------------------------------------- fix all

    [Fact]
    public Task Fix_all_rewrites_every_form_in_the_document()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> a, Task<string> b, Task c, Task d, CancellationToken ct)
                {
                    {|GT0001:c.Wait()|};
                    {|GT0001:d.Wait(ct)|};
                    {|GT0001:Task.WaitAll(c, d)|};
                    var length = {|GT0001:b.Result|}.Length;
                    return {|GT0001:a.GetAwaiter().GetResult()|} + length;
                }

                async Task N(Task<int> e)
                {
                    System.Console.WriteLine({|GT0001:e.Result|});
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> a, Task<string> b, Task c, Task d, CancellationToken ct)
                {
                    await c;
                    await d.WaitAsync(ct);
                    await Task.WhenAll(c, d);
                    var length = (await b).Length;
                    return await a + length;
                }

                async Task N(Task<int> e)
                {
                    System.Console.WriteLine(await e);
                }
            }
            """);
    }

    [Fact]
    public Task Fix_all_rewrites_nested_occurrences_in_one_statement()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                Task<int> Twice(int x) => Task.FromResult(x * 2);

                async Task<int> M(Task<int> t, Task<Task<int>> nested)
                {
                    var a = {|GT0001:Twice({|GT0001:t.Result|}).Result|};
                    var b = {|GT0001:{|GT0001:nested.Result|}.Result|};
                    return a + b;
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                Task<int> Twice(int x) => Task.FromResult(x * 2);

                async Task<int> M(Task<int> t, Task<Task<int>> nested)
                {
                    var a = await Twice(await t);
                    var b = await (await nested);
                    return a + b;
                }
            }
            """);
    }

    [Fact]
    public Task Fix_all_across_documents_fixes_each_document()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("A.cs", """
            using System.Threading.Tasks;
            class A
            {
                async Task<int> M(Task<int> t) => {|GT0001:t.Result|};
            }
            """));
        test.TestState.Sources.Add(("B.cs", """
            using System.Threading.Tasks;
            class B
            {
                async Task M(Task t) { {|GT0001:t.Wait()|}; }
            }
            """));
        test.FixedState.Sources.Add(("A.cs", """
            using System.Threading.Tasks;
            class A
            {
                async Task<int> M(Task<int> t) => await t;
            }
            """));
        test.FixedState.Sources.Add(("B.cs", """
            using System.Threading.Tasks;
            class B
            {
                async Task M(Task t) { await t; }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_uses_one_equivalence_key_for_every_form()
    {
        var provider = new GreedyTasks.CodeFixes.BlockingWaitCodeFixProvider();
        Assert.NotNull(provider.GetFixAllProvider());
        Assert.Equal(new[] { "GT0001" }, provider.FixableDiagnosticIds);
        await Task.CompletedTask;
    }
}
