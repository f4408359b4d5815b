using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;
using VerifyLoop = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.GreedyLoopAnalyzer, GreedyTasks.CodeFixes.GreedyLoopCodeFixProvider>;
using VerifySleep = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.ThreadSleepAnalyzer, GreedyTasks.CodeFixes.ThreadSleepCodeFixProvider>;
using VerifyWait = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.BlockingWaitAnalyzer, GreedyTasks.CodeFixes.BlockingWaitCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>
/// Valid but unusual C#: every test input compiles, and each asserts the exact diagnostics (and fix, or its absence)
/// that RULES.md asks for. This part: unsafe code, ref structs and spans, dynamic, control flow and patterns.
/// </summary>
public partial class OddButValidCodeTests
{
    // ---------------------------------------------------------------- unsafe code and pointers

    [Fact]
    public Task Result_in_unsafe_block_with_a_pointer_is_reported_without_a_fix()
    {
        return VerifyWait.VerifyNoCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, int[] data)
                {
                    await Task.Yield();
                    unsafe
                    {
                        fixed (int* p = data)
                        {
                            *p = {|GT0001:t.Result|};
                        }
                    }

                    return data[0];
                }
            }
            """);
    }

    [Fact]
    public Task Sleep_in_async_lambda_inside_unsafe_method_is_reported_without_a_fix()
    {
        return VerifySleep.VerifyNoCodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                unsafe void M(int* p)
                {
                    *p = 1;
                    Func<Task> f = async () => {|GT0002:Thread.Sleep(*&p[0])|};
                    f();
                }
            }
            """);
    }

    [Fact]
    public Task Wait_in_unsafe_block_in_async_local_function_is_reported_without_a_fix()
    {
        return VerifyWait.VerifyNoCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                Task M(Task t)
                {
                    return Local();

                    async Task Local()
                    {
                        await Task.Yield();
                        unsafe
                        {
                            int x = 1;
                            int* p = &x;
                            {|GT0001:t.Wait()|};
                            *p = 2;
                        }
                    }
                }
            }
            """);
    }

    // ---------------------------------------------------------------- ref structs and spans

    [Fact]
    public Task Result_in_static_async_method_of_a_ref_struct_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            ref struct Buffer
            {
                public Span<byte> Bytes;

                public static async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
                    return {|GT0001:t.Result|} + 1;
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            ref struct Buffer
            {
                public Span<byte> Bytes;

                public static async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
                    return await t + 1;
                }
            }
            """);
    }

    [Fact]
    public Task Result_next_to_a_span_temporary_is_reported_and_fixed()
    {
        // No ref struct local: the span is a temporary consumed before the await.
        return VerifyWait.VerifyCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, string s)
                {
                    await Task.Yield();
                    return s.AsSpan().Length + {|GT0001:t.Result|};
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, string s)
                {
                    await Task.Yield();
                    return s.AsSpan().Length + await t;
                }
            }
            """);
    }

    [Fact]
    public Task Span_local_in_a_nested_sync_local_function_still_suppresses_the_fix()
    {
        // C# 12 allows the span in the synchronous local function. The fix check is conservative: a ref struct local anywhere
        // in the member's operation tree (nested functions included) means no fix, while the diagnostic stays.
        return VerifyWait.VerifyNoCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
                    return {|GT0001:t.Result|} + Sum();

                    static int Sum()
                    {
                        Span<int> s = stackalloc int[2];
                        s[0] = 1;
                        return s[0] + s[1];
                    }
                }
            }
            """);
    }

#if !ROSLYN_4_8
    // C# 13 allows ref struct locals (and stackalloc spans) in async methods, as long as they do not cross an await.
    [Fact]
    public Task Result_in_async_method_with_a_span_local_is_reported_without_a_fix()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, byte[] data)
                {
                    await Task.Yield();
                    Span<byte> span = data;
                    span[0] = 1;
                    return {|GT0001:t.Result|} + span.Length;
                }
            }
            """;
        return new VerifyWait.Test { LanguageVersion = LanguageVersion.CSharp13, TestCode = source, FixedCode = source }.RunAsync();
    }

    [Fact]
    public Task Sleep_in_async_method_with_a_stackalloc_span_is_reported_without_a_fix()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M()
                {
                    await Task.Yield();
                    Span<int> buffer = stackalloc int[4];
                    buffer[0] = 1;
                    {|GT0002:Thread.Sleep(buffer[0])|};
                    return buffer[0];
                }
            }
            """;
        return new VerifySleep.Test { LanguageVersion = LanguageVersion.CSharp13, TestCode = source, FixedCode = source }.RunAsync();
    }

    [Fact]
    public Task Wait_in_async_method_with_a_ref_struct_local_is_reported_without_a_fix()
    {
        const string source = """
            using System.Threading.Tasks;
            ref struct Counter
            {
                public int Value;
            }

            class C
            {
                async Task M(Task t)
                {
                    await Task.Yield();
                    var counter = new Counter();
                    counter.Value++;
                    {|GT0001:t.Wait()|};
                }
            }
            """;
        return new VerifyWait.Test { LanguageVersion = LanguageVersion.CSharp13, TestCode = source, FixedCode = source }.RunAsync();
    }

    [Fact]
    public Task Results_passed_as_params_span_arguments_are_reported_and_fixed()
    {
        return new VerifyWait.Test
        {
            LanguageVersion = LanguageVersion.CSharp13,
            TestCode = """
                using System;
                using System.Threading.Tasks;
                class C
                {
                    static int Sum(params ReadOnlySpan<int> values) => values.Length;

                    async Task<int> M(Task<int> a, Task<int> b)
                    {
                        await Task.Yield();
                        return Sum({|GT0001:a.Result|}, {|GT0001:b.Result|});
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Threading.Tasks;
                class C
                {
                    static int Sum(params ReadOnlySpan<int> values) => values.Length;

                    async Task<int> M(Task<int> a, Task<int> b)
                    {
                        await Task.Yield();
                        return Sum(await a, await b);
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public Task WaitAll_binding_to_the_params_span_overload_is_reported_and_fixed()
    {
        return new VerifyWait.Test
        {
            LanguageVersion = LanguageVersion.CSharp13,
            ReferenceAssemblies = TestReferences.Net90,
            TestCode = """
                using System.Threading.Tasks;
                class C
                {
                    async Task M(Task a, Task b)
                    {
                        await Task.Yield();
                        {|GT0001:Task.WaitAll(a, b)|};
                    }
                }
                """,
            FixedCode = """
                using System.Threading.Tasks;
                class C
                {
                    async Task M(Task a, Task b)
                    {
                        await Task.Yield();
                        await Task.WhenAll(a, b);
                    }
                }
                """,
        }.RunAsync();
    }
#endif

    // ---------------------------------------------------------------- dynamic

    [Fact]
    public Task Result_on_a_dynamic_receiver_is_not_reported()
    {
        // A dynamic member access binds at run time: nothing says it is a task (RULES.md: only task members are flagged).
        return VerifyWait.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<object> M(dynamic d)
                {
                    await Task.Yield();
                    d.Wait();
                    return d.Result;
                }
            }
            """);
    }

    [Fact]
    public Task Result_on_a_dynamic_cast_to_task_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(dynamic d)
                {
                    await Task.Yield();
                    return {|GT0001:((Task<int>)d).Result|};
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(dynamic d)
                {
                    await Task.Yield();
                    return await ((Task<int>)d);
                }
            }
            """);
    }

    // ---------------------------------------------------------------- try/catch/finally, goto

    [Fact]
    public Task Blocking_around_await_in_catch_and_finally_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, Task u)
                {
                    try
                    {
                        await Task.Yield();
                    }
                    catch (InvalidOperationException)
                    {
                        {|GT0001:u.Wait()|};
                        await Task.Delay(1);
                        return {|GT0001:t.Result|};
                    }
                    finally
                    {
                        await Task.Yield();
                        {|GT0001:u.GetAwaiter().GetResult()|};
                    }

                    return 0;
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, Task u)
                {
                    try
                    {
                        await Task.Yield();
                    }
                    catch (InvalidOperationException)
                    {
                        await u;
                        await Task.Delay(1);
                        return await t;
                    }
                    finally
                    {
                        await Task.Yield();
                        await u;
                    }

                    return 0;
                }
            }
            """);
    }

    [Fact]
    public Task Sleep_in_catch_before_an_await_is_reported_and_fixed()
    {
        return VerifySleep.VerifyCodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Func<Task> work)
                {
                    try
                    {
                        await work();
                    }
                    catch (TimeoutException)
                    {
                        {|GT0002:Thread.Sleep(100)|};
                        await work();
                    }
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Func<Task> work)
                {
                    try
                    {
                        await work();
                    }
                    catch (TimeoutException)
                    {
                        await Task.Delay(100);
                        await work();
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Result_after_a_label_and_before_a_goto_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, int attempts)
                {
                    await Task.Yield();
                retry:
                    attempts--;
                    if ({|GT0001:t.Result|} < 0 && attempts > 0)
                    {
                        goto retry;
                    }

                    return attempts;
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, int attempts)
                {
                    await Task.Yield();
                retry:
                    attempts--;
                    if (await t < 0 && attempts > 0)
                    {
                        goto retry;
                    }

                    return attempts;
                }
            }
            """);
    }

    [Fact]
    public Task Result_after_a_goto_that_jumps_past_the_await_is_reported()
    {
        // The await is skipped on one path, so the task is not provably complete at the read.
        return VerifyWait.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, bool fast)
                {
                    if (fast)
                    {
                        goto read;
                    }

                    await t;
                read:
                    return {|GT0001:t.Result|};
                }
            }
            """);
    }

    [Fact]
    public Task Result_after_await_reached_only_through_goto_is_not_reported()
    {
        return VerifyWait.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    goto wait;
                read:
                    return t.Result;
                wait:
                    await t;
                    goto read;
                }
            }
            """);
    }

    // ---------------------------------------------------------------- pattern matching, switch expressions

    [Theory]
    // RULES.md: '.Result' inside 'if (t.IsCompleted…)' does not block; the property pattern is the same guard.
    [InlineData("o is Task<int> { IsCompleted: true } t")]
    [InlineData("o is Task<int> t && t.IsCompleted")]
    public Task Result_guarded_by_IsCompleted_on_a_pattern_variable_is_not_reported(string guard)
    {
        return VerifyWait.VerifyAnalyzerAsync($$"""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(object o)
                {
                    await Task.Yield();
                    if ({{guard}})
                    {
                        return t.Result;
                    }

                    return 0;
                }
            }
            """);
    }

    [Fact]
    public Task Result_on_a_pattern_variable_without_a_guard_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(object o)
                {
                    await Task.Yield();
                    if (o is Task<int> t && t.Id > 0)
                    {
                        return {|GT0001:t.Result|};
                    }

                    return 0;
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(object o)
                {
                    await Task.Yield();
                    if (o is Task<int> t && t.Id > 0)
                    {
                        return await t;
                    }

                    return 0;
                }
            }
            """);
    }

    [Fact]
    public Task Results_in_switch_expression_arms_are_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(int kind, Task<int> a, Task<int> b)
                {
                    await Task.Yield();
                    return kind switch
                    {
                        0 => {|GT0001:a.Result|},
                        1 when b.IsCompleted => b.Result,
                        _ => {|GT0001:b.Result|} * 2,
                    };
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(int kind, Task<int> a, Task<int> b)
                {
                    await Task.Yield();
                    return kind switch
                    {
                        0 => await a,
                        1 when b.IsCompleted => b.Result,
                        _ => await b * 2,
                    };
                }
            }
            """);
    }

    // ---------------------------------------------------------------- nested functions, static lambdas, checked

    [Fact]
    public Task Only_the_async_functions_in_local_function_lambda_local_function_nesting_are_reported()
    {
        return VerifyWait.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                void M(Task<int> t)
                {
                    Outer();

                    void Outer()
                    {
                        Func<Task<int>> lambda = async () =>
                        {
                            await Task.Yield();
                            return {|GT0001:t.Result|} + Sync() + await Inner();

                            int Sync()
                            {
                                Func<int> nested = () => t.Result;
                                return t.Result + nested();
                            }

                            async Task<int> Inner()
                            {
                                await Task.Yield();
                                int Deeper() => t.Result;
                                return {|GT0001:t.Result|} + Deeper();
                            }
                        };
                        lambda();
                        _ = t.Result;
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Sleep_in_static_async_lambda_is_reported_and_fixed()
    {
        return VerifySleep.VerifyCodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                void M()
                {
                    Func<Task> f = static async () =>
                    {
                        {|GT0002:Thread.Sleep(10)|};
                        await Task.Yield();
                    };
                    Func<int, Task<int>> g = static async x => { {|GT0002:Thread.Sleep(x)|}; return x; };
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                void M()
                {
                    Func<Task> f = static async () =>
                    {
                        await Task.Delay(10);
                        await Task.Yield();
                    };
                    Func<int, Task<int>> g = static async x => { await Task.Delay(x); return x; };
                }
            }
            """);
    }

    [Fact]
    public Task Results_in_checked_and_unchecked_blocks_are_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> a, Task<int> b, Task<int> c)
                {
                    await Task.Yield();
                    int x;
                    checked
                    {
                        x = {|GT0001:a.Result|} + 1;
                    }

                    unchecked
                    {
                        x += {|GT0001:b.Result|} * 3;
                    }

                    return checked({|GT0001:c.Result|} + x);
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> a, Task<int> b, Task<int> c)
                {
                    await Task.Yield();
                    int x;
                    checked
                    {
                        x = await a + 1;
                    }

                    unchecked
                    {
                        x += await b * 3;
                    }

                    return checked(await c + x);
                }
            }
            """);
    }

    // ---------------------------------------------------------------- tuples, stackalloc, collection expressions

    [Fact]
    public Task Results_in_tuple_deconstruction_are_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M((Task<int> First, Task<int> Second) pair)
                {
                    await Task.Yield();
                    var (a, b) = ({|GT0001:pair.First.Result|}, {|GT0001:pair.Item2.Result|});
                    return a + b;
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M((Task<int> First, Task<int> Second) pair)
                {
                    await Task.Yield();
                    var (a, b) = (await pair.First, await pair.Item2);
                    return a + b;
                }
            }
            """);
    }

    [Fact]
    public Task Deconstructed_tasks_awaited_with_WhenAll_are_not_reported()
    {
        return VerifyWait.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M((Task<int>, Task<int>) pair)
                {
                    var (a, b) = pair;
                    await Task.WhenAll(a, b);
                    return a.Result + b.Result;
                }
            }
            """);
    }

    [Fact]
    public Task Result_in_async_method_using_stackalloc_in_an_expression_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                static int Count(ReadOnlySpan<int> values) => values.Length;

                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
                    var n = Count(stackalloc int[] { 1, 2, 3 });
                    return n + {|GT0001:t.Result|};
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            class C
            {
                static int Count(ReadOnlySpan<int> values) => values.Length;

                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
                    var n = Count(stackalloc int[] { 1, 2, 3 });
                    return n + await t;
                }
            }
            """);
    }

    [Fact]
    public Task WaitAll_over_a_collection_expression_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t1, Task t2)
                {
                    await Task.Yield();
                    {|GT0001:Task.WaitAll([t1, t2])|};
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t1, Task t2)
                {
                    await Task.Yield();
                    await Task.WhenAll([t1, t2]);
                }
            }
            """);
    }

    // ---------------------------------------------------------------- await foreach / await using

    [Fact]
    public Task Result_inside_await_foreach_and_await_using_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(IAsyncEnumerable<int> items, IAsyncDisposable resource, Task<int> t)
                {
                    var total = 0;
                    await using (resource)
                    {
                        await foreach (var item in items)
                        {
                            total += item * {|GT0001:t.Result|};
                        }
                    }

                    return total;
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(IAsyncEnumerable<int> items, IAsyncDisposable resource, Task<int> t)
                {
                    var total = 0;
                    await using (resource)
                    {
                        await foreach (var item in items)
                        {
                            total += item * await t;
                        }
                    }

                    return total;
                }
            }
            """);
    }

    [Fact]
    public Task Unbounded_loops_that_await_only_through_await_foreach_or_await_using_are_not_reported()
    {
        return VerifyLoop.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Func<IAsyncEnumerable<int>> items, Func<IAsyncDisposable> open)
                {
                    while (true)
                    {
                        await foreach (var item in items())
                        {
                            Console.WriteLine(item);
                        }
                    }
                }

                async Task N(Func<IAsyncDisposable> open)
                {
                    for (;;)
                    {
                        await using var resource = open();
                        Console.WriteLine(resource);
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Unbounded_loop_left_only_by_goto_is_not_reported()
    {
        // docs/rules/GT0004.md: an unbounded loop with an exit ('break', 'return', 'throw' or 'goto') is a search, not reported.
        return VerifyLoop.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                int _n;

                async Task M()
                {
                    await Task.Yield();
                    while (true)
                    {
                        if (_n++ > 10)
                        {
                            goto done;
                        }
                    }

                done:
                    _n = 0;
                }
            }
            """);
    }

    [Fact]
    public Task Unbounded_loop_between_goto_and_its_label_is_reported_and_fixed()
    {
        return VerifyLoop.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                int _n;

                async Task M(bool skip)
                {
                    await Task.Yield();
                    if (skip)
                    {
                        goto done;
                    }

                    {|GT0004:while|} (true)
                    {
                        _n++;
                    }

                done:
                    _n = 0;
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                int _n;

                async Task M(bool skip)
                {
                    await Task.Yield();
                    if (skip)
                    {
                        goto done;
                    }

                    while (true)
                    {
                        await Task.Yield();
                        _n++;
                    }

                done:
                    _n = 0;
                }
            }
            """);
    }
}
