using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.GreedyLoopAnalyzer, GreedyTasks.CodeFixes.GreedyLoopCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0004 fixes: yield at the top of the body (every 4096 iterations of a counted loop), or offload the loop to the thread pool.</summary>
public partial class GreedyLoopTests
{
    private const string YieldKey = "GT0004.Yield";
    private const string OffloadKey = "GT0004.Offload";

    private static Task VerifyOffloadAsync(string source, string fixedSource, int iterations = 1)
    {
        return new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.Net80,
            CodeActionEquivalenceKey = OffloadKey,
            CodeActionIndex = 1,
            NumberOfFixAllIterations = iterations,
            NumberOfFixAllInDocumentIterations = iterations,
            NumberOfFixAllInProjectIterations = iterations,
        }.RunAsync();
    }

    /// <summary>
    /// The loop is reported and fixed by yielding into <paramref name="yieldFixed"/>, and asking for the offload action
    /// changes nothing: only the yield action is offered.
    /// </summary>
    private static async Task VerifyOnlyYieldIsOfferedAsync(string source, string yieldFixed, Microsoft.CodeAnalysis.CSharp.LanguageVersion? languageVersion = null)
    {
        var yieldTest = new VerifyCS.Test { TestCode = source, FixedCode = yieldFixed, ReferenceAssemblies = TestReferences.Net80, CodeActionEquivalenceKey = YieldKey, CodeActionIndex = 0 };
        // No index: the framework applies the action with this key if there is one, and nothing otherwise.
        var offloadTest = new VerifyCS.Test { TestCode = source, FixedCode = source, ReferenceAssemblies = TestReferences.Net80, CodeActionEquivalenceKey = OffloadKey };
        if (languageVersion is { } version)
        {
            yieldTest.LanguageVersion = version;
            offloadTest.LanguageVersion = version;
        }

        await yieldTest.RunAsync();
        await offloadTest.RunAsync();
    }

    // ---------------------------------------------------------------- fix: insert await Task.Yield()

    [Fact]
    public Task Unbounded_loop_gets_a_yield_at_the_top_of_its_block()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    {|GT0004:for|} (;;)
                    {
                        Work();
                        Work();
                    }
                }

                void Work() { }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    for (;;)
                    {
                        await Task.Yield();
                        Work();
                        Work();
                    }
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Single_statement_body_is_wrapped_in_a_block_with_the_yield()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    {|GT0004:while|} (!token.IsCancellationRequested)
                        Work(); // one unit
                    Done();
                }

                void Work() { }
                void Done() { }
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
                    } // one unit
                    Done();
                }

                void Work() { }
                void Done() { }
            }
            """);
    }

    [Fact]
    public Task Empty_block_body_gets_the_yield()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _running = true;

                async Task M()
                {
                    {|GT0004:while|} (_running)
                    {
                        // work goes here
                        Work();
                    }
                }

                void Work() { }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _running = true;

                async Task M()
                {
                    while (_running)
                    {
                        await Task.Yield();
                        // work goes here
                        Work();
                    }
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Do_while_loop_gets_a_yield_at_the_top_of_its_body()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _stop;

                async Task M()
                {
                    {|GT0004:do|}
                    {
                        Work();
                    }
                    while (!_stop);

                    {|GT0004:do|} Work(); while (true);
                }

                void Work() { }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _stop;

                async Task M()
                {
                    do
                    {
                        await Task.Yield();
                        Work();
                    }
                    while (!_stop);

                    do
                    {
                        await Task.Yield();
                        Work();
                    } while (true);
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Nest_gets_a_yield_at_the_top_of_the_outer_loop_body()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(int[] xs, int[] ys)
                {
                    {|GT0004:foreach|} (var x in xs)
                    {
                        foreach (var y in ys)
                        {
                            Use(x, y);
                        }
                    }
                }

                void Use(int x, int y) { }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task M(int[] xs, int[] ys)
                {
                    foreach (var x in xs)
                    {
                        await Task.Yield();
                        foreach (var y in ys)
                        {
                            Use(x, y);
                        }
                    }
                }

                void Use(int x, int y) { }
            }
            """);
    }

    [Fact]
    public Task Fix_in_an_async_lambda_inside_a_sync_method()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                void M()
                {
                    Task.Run(async () =>
                    {
                        {|GT0004:while|} (true)
                        {
                            Work();
                        }
                    });
                }

                void Work() { }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                void M()
                {
                    Task.Run(async () =>
                    {
                        while (true)
                        {
                            await Task.Yield();
                            Work();
                        }
                    });
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
                async IAsyncEnumerable<int> M(CancellationToken token)
                {
                    {|GT0004:while|} (!token.IsCancellationRequested)
                    {
                        Work();
                    }

                    yield return 1;
                }

                void Work() { }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async IAsyncEnumerable<int> M(CancellationToken token)
                {
                    while (!token.IsCancellationRequested)
                    {
                        await Task.Yield();
                        Work();
                    }

                    yield return 1;
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Fix_uses_the_short_name_when_Task_is_imported_under_an_alias_only()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using T = System.Threading.Tasks.Task;
            class C
            {
                async T M()
                {
                    {|GT0004:for|} (;;)
                    {
                        Work();
                    }
                }

                void Work() { }
            }
            """, """
            using T = System.Threading.Tasks.Task;
            class C
            {
                async T M()
                {
                    for (;;)
                    {
                        await T.Yield();
                        Work();
                    }
                }

                void Work() { }
            }
            """);
    }

    // ---------------------------------------------------------------- fix: counted loops yield every 4096 iterations

    [Theory]
    [InlineData("for (var i = 1_000_000; i > 0; i--)")]
    [InlineData("for (var i = 0; i <= 1_000_000; ++i)")]
    [InlineData("for (long i = 0; i < 5_000_000_000; i++)")]
    public Task Counted_loop_stepping_by_one_yields_every_4096_iterations(string header)
    {
        return VerifyCS.VerifyCodeFixAsync($$"""
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M()
                {
                    long sum = 0;
                    {|GT0004:{{header.Substring(0, 3)}}|}{{header.Substring(3)}}
                    {
                        sum += Next(i);
                    }

                    return sum;
                }

                long Next(long i) => i;
            }
            """, $$"""
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M()
                {
                    long sum = 0;
                    {{header}}
                    {
                        if (i % 4096 == 0)
                            await Task.Yield();
                        sum += Next(i);
                    }

                    return sum;
                }

                long Next(long i) => i;
            }
            """);
    }

    [Theory]
    [InlineData("for (var i = 0; i < 1_000_000; i += 1)")]
    [InlineData("for (var i = 1_000_000; i >= 0; i -= 1)")]
    public Task Counted_loop_stepping_by_one_with_a_compound_assignment_yields_every_4096_iterations(string header)
    {
        return Counted_loop_stepping_by_one_yields_every_4096_iterations(header);
    }

    [Fact]
    public Task Counted_loop_with_a_single_statement_body_yields_every_4096_iterations_in_a_new_block()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(int[] data)
                {
                    {|GT0004:for|} (var i = 100_000; i > 0; i--)
                        Work(i);
                }

                void Work(int i) { }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task M(int[] data)
                {
                    for (var i = 100_000; i > 0; i--)
                    {
                        if (i % 4096 == 0)
                            await Task.Yield();
                        Work(i);
                    }
                }

                void Work(int i) { }
            }
            """);
    }

    [Fact]
    public Task Range_loop_yields_every_4096_iterations()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Linq;
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M()
                {
                    long sum = 0;
                    {|GT0004:foreach|} (var i in Enumerable.Range(0, 1_000_000))
                    {
                        sum += Next(i);
                    }

                    return sum;
                }

                long Next(int i) => i;
            }
            """, """
            using System.Linq;
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M()
                {
                    long sum = 0;
                    foreach (var i in Enumerable.Range(0, 1_000_000))
                    {
                        if (i % 4096 == 0)
                            await Task.Yield();
                        sum += Next(i);
                    }

                    return sum;
                }

                long Next(int i) => i;
            }
            """);
    }

    // ---------------------------------------------------------------- fix: offload to the thread pool

    [Fact]
    public Task Offload_passes_the_token_parameter()
    {
        return VerifyOffloadAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    {|GT0004:while|} (!token.IsCancellationRequested)
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
                    await Task.Run(() =>
                    {
                        while (!token.IsCancellationRequested)
                        {
                            Work();
                        }
                    }, token);
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Offload_without_a_token_in_scope_passes_none()
    {
        return VerifyOffloadAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M(int[] xs, int[] ys)
                {
                    long sum = 0;
                    {|GT0004:foreach|} (var x in xs)
                    {
                        foreach (var y in ys)
                        {
                            sum += x * y;
                        }
                    }

                    return sum;
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M(int[] xs, int[] ys)
                {
                    long sum = 0;
                    await Task.Run(() =>
                    {
                        foreach (var x in xs)
                        {
                            foreach (var y in ys)
                            {
                                sum += x * y;
                            }
                        }
                    });

                    return sum;
                }
            }
            """);
    }

    [Fact]
    public Task Offload_passes_no_token_when_two_are_in_scope()
    {
        return VerifyOffloadAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken first, CancellationToken second)
                {
                    {|GT0004:while|} (true)
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
                async Task M(CancellationToken first, CancellationToken second)
                {
                    await Task.Run(() =>
                    {
                        while (true)
                        {
                            Work();
                        }
                    });
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Offload_passes_a_local_token_declared_before_the_loop()
    {
        return VerifyOffloadAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    using var cts = new CancellationTokenSource();
                    var stopping = cts.Token;
                    {|GT0004:while|} (!stopping.IsCancellationRequested)
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
                async Task M()
                {
                    using var cts = new CancellationTokenSource();
                    var stopping = cts.Token;
                    await Task.Run(() =>
                    {
                        while (!stopping.IsCancellationRequested)
                        {
                            Work();
                        }
                    }, stopping);
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Offload_in_a_lambda_passes_the_lambda_token()
    {
        return VerifyOffloadAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                void M()
                {
                    Func<CancellationToken, Task> f = async ct =>
                    {
                        {|GT0004:while|} (!ct.IsCancellationRequested)
                        {
                            Work();
                        }
                    };
                }

                void Work() { }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                void M()
                {
                    Func<CancellationToken, Task> f = async ct =>
                    {
                        await Task.Run(() =>
                        {
                            while (!ct.IsCancellationRequested)
                            {
                                Work();
                            }
                        }, ct);
                    };
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Offload_keeps_a_break_out_of_the_moved_loop()
    {
        return VerifyOffloadAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    // pump
                    {|GT0004:while|} (!token.IsCancellationRequested)
                    {
                        if (Done()) break;
                        Work();
                    } // end pump
                }

                bool Done() => false;
                void Work() { }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    // pump
                    await Task.Run(() =>
                    {
                        while (!token.IsCancellationRequested)
                        {
                            if (Done()) break;
                            Work();
                        }
                    }, token); // end pump
                }

                bool Done() => false;
                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Offload_adds_the_tasks_namespace_when_missing()
    {
        return VerifyOffloadAsync("""
            using System.Collections.Generic;
            class C
            {
                async IAsyncEnumerable<int> M()
                {
                    {|GT0004:for|} (var i = 0; i < 1_000_000; i++)
                    {
                        Work();
                    }

                    yield return 1;
                }

                void Work() { }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async IAsyncEnumerable<int> M()
                {
                    await Task.Run(() =>
                    {
                        for (var i = 0; i < 1_000_000; i++)
                        {
                            Work();
                        }
                    });

                    yield return 1;
                }

                void Work() { }
            }
            """);
    }

    // ---------------------------------------------------------------- fix: offload not offered where it would change meaning or not compile

    [Fact]
    public Task Offload_is_not_offered_when_the_loop_returns()
    {
        return VerifyOnlyYieldIsOfferedAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(CancellationToken token)
                {
                    {|GT0004:while|} (!token.IsCancellationRequested)
                    {
                        if (Found()) return 1;
                        Work();
                    }

                    return 0;
                }

                bool Found() => false;
                void Work() { }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(CancellationToken token)
                {
                    while (!token.IsCancellationRequested)
                    {
                        await Task.Yield();
                        if (Found()) return 1;
                        Work();
                    }

                    return 0;
                }

                bool Found() => false;
                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Offload_is_not_offered_when_a_counted_loop_returns()
    {
        return VerifyOnlyYieldIsOfferedAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(int[] data)
                {
                    {|GT0004:for|} (var i = 0; i < 1_000_000; i++)
                    {
                        if (data[i % data.Length] == i) return i;
                    }

                    return -1;
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(int[] data)
                {
                    for (var i = 0; i < 1_000_000; i++)
                    {
                        if (i % 4096 == 0)
                            await Task.Yield();
                        if (data[i % data.Length] == i) return i;
                    }

                    return -1;
                }
            }
            """);
    }

    [Fact]
    public Task Offload_is_not_offered_when_the_loop_jumps_out_with_goto()
    {
        return VerifyOnlyYieldIsOfferedAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    {|GT0004:while|} (!token.IsCancellationRequested)
                    {
                        if (Found()) goto found;
                        Work();
                    }

                    return;
                found:
                    Work();
                }

                bool Found() => false;
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
                        if (Found()) goto found;
                        Work();
                    }

                    return;
                found:
                    Work();
                }

                bool Found() => false;
                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Offload_is_not_offered_when_the_loop_ends_an_async_iterator_with_yield_break()
    {
        return VerifyOnlyYieldIsOfferedAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async IAsyncEnumerable<int> M(CancellationToken token)
                {
                    {|GT0004:while|} (!token.IsCancellationRequested)
                    {
                        if (Found()) yield break;
                        Work();
                    }

                    yield return 1;
                }

                bool Found() => false;
                void Work() { }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async IAsyncEnumerable<int> M(CancellationToken token)
                {
                    while (!token.IsCancellationRequested)
                    {
                        await Task.Yield();
                        if (Found()) yield break;
                        Work();
                    }

                    yield return 1;
                }

                bool Found() => false;
                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Offload_is_not_offered_in_a_struct()
    {
        // A lambda in a struct member cannot capture 'this' (CS1673).
        return VerifyOnlyYieldIsOfferedAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            struct Pump
            {
                private int _count;

                async Task M(CancellationToken token)
                {
                    {|GT0004:while|} (!token.IsCancellationRequested)
                    {
                        _count++;
                    }
                }
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            struct Pump
            {
                private int _count;

                async Task M(CancellationToken token)
                {
                    while (!token.IsCancellationRequested)
                    {
                        await Task.Yield();
                        _count++;
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Offload_is_not_offered_when_a_variable_read_after_the_loop_is_first_assigned_in_it()
    {
        // After 'await Task.Run(() => { do { last = … } … })' the compiler no longer knows 'last' is assigned (CS0165).
        return VerifyOnlyYieldIsOfferedAsync("""
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _stop;

                async Task<int> M()
                {
                    int last;
                    {|GT0004:do|}
                    {
                        last = Next();
                    }
                    while (!_stop);

                    return last;
                }

                int Next() => 1;
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _stop;

                async Task<int> M()
                {
                    int last;
                    do
                    {
                        await Task.Yield();
                        last = Next();
                    }
                    while (!_stop);

                    return last;
                }

                int Next() => 1;
            }
            """);
    }

    [Fact]
    public Task Offload_is_offered_when_a_variable_read_after_the_loop_was_assigned_before_it()
    {
        return VerifyOffloadAsync("""
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _stop;

                async Task<int> M()
                {
                    var last = 0;
                    {|GT0004:do|}
                    {
                        last = Next();
                    }
                    while (!_stop);

                    return last;
                }

                int Next() => 1;
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _stop;

                async Task<int> M()
                {
                    var last = 0;
                    await Task.Run(() =>
                    {
                        do
                        {
                            last = Next();
                        }
                        while (!_stop);
                    });

                    return last;
                }

                int Next() => 1;
            }
            """);
    }

    [Fact]
    public Task Offload_is_not_offered_for_a_loop_with_no_exit_that_ends_a_value_returning_method()
    {
        // Inside the lambda the loop no longer makes the end of the method unreachable: a missing return (CS0161).
        return VerifyOnlyYieldIsOfferedAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M()
                {
                    await Task.Yield();
                    {|GT0004:for|} (;;)
                    {
                        Work();
                    }
                }

                void Work() { }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M()
                {
                    await Task.Yield();
                    for (;;)
                    {
                        await Task.Yield();
                        Work();
                    }
                }

                void Work() { }
            }
            """);
    }

#if !ROSLYN_4_8
    // Ref locals and Span locals in async methods exist from C# 13 on (Roslyn 4.12); before that the input itself does not compile.
    [Fact]
    public Task Loop_reading_a_span_local_is_reported_without_a_fix()
    {
        // A Span can neither be captured by the offload lambda (CS8175) nor live across the yield's await (CS4007).
        const string Source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    await Task.Yield();
                    Span<int> counts = stackalloc int[4];
                    {|GT0004:while|} (!token.IsCancellationRequested)
                    {
                        counts[0]++;
                    }
                }
            }
            """;
        return new VerifyCS.Test { LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview, TestCode = Source, FixedCode = Source }.RunAsync();
    }

    [Fact]
    public Task Loop_writing_through_a_ref_local_is_reported_without_a_fix()
    {
        const string Source = """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private int[] _counts = new int[4];

                async Task M(CancellationToken token)
                {
                    await Task.Yield();
                    ref int first = ref _counts[0];
                    {|GT0004:while|} (!token.IsCancellationRequested)
                    {
                        first++;
                    }
                }
            }
            """;
        return new VerifyCS.Test { LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview, TestCode = Source, FixedCode = Source }.RunAsync();
    }
#endif

    // ---------------------------------------------------------------- fix all

    [Fact]
    public Task Fix_all_yields_in_every_greedy_loop_of_the_document()
    {
        return new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                class C
                {
                    async Task M(CancellationToken token, int[] xs, int[] ys)
                    {
                        {|GT0004:while|} (!token.IsCancellationRequested)
                            Work();
                        {|GT0004:for|} (var i = 0; i < 1_000_000; i++)
                        {
                            Work();
                        }
                        {|GT0004:foreach|} (var x in xs)
                        {
                            foreach (var y in ys) Work();
                        }
                        Func<Task> f = async () =>
                        {
                            {|GT0004:do|} { Work(); } while (true);
                        };
                        await f();
                    }

                    void Work() { }
                }
                """,
            FixedCode = """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                class C
                {
                    async Task M(CancellationToken token, int[] xs, int[] ys)
                    {
                        while (!token.IsCancellationRequested)
                        {
                            await Task.Yield();
                            Work();
                        }
                        for (var i = 0; i < 1_000_000; i++)
                        {
                            if (i % 4096 == 0)
                                await Task.Yield();
                            Work();
                        }
                        foreach (var x in xs)
                        {
                            await Task.Yield();
                            foreach (var y in ys) Work();
                        }
                        Func<Task> f = async () =>
                        {
                            do { await Task.Yield(); Work(); } while (true);
                        };
                        await f();
                    }

                    void Work() { }
                }
                """,
            ReferenceAssemblies = TestReferences.Net80,
            CodeActionEquivalenceKey = YieldKey,
            CodeActionIndex = 0,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
            NumberOfFixAllInProjectIterations = 1,
        }.RunAsync();
    }

    [Fact]
    public Task Fix_all_offloads_every_loop_that_can_be_offloaded()
    {
        return VerifyOffloadAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M(CancellationToken token, int[] xs, int[] ys)
                {
                    long sum = 0;
                    {|GT0004:while|} (!token.IsCancellationRequested)
                    {
                        sum++;
                    }

                    {|GT0004:for|} (var i = 0; i < 1_000_000; i++)
                    {
                        sum += Next(i);
                    }

                    {|GT0004:foreach|} (var x in xs)
                    {
                        foreach (var y in ys)
                        {
                            sum += x * y;
                        }
                    }

                    return sum;
                }

                long Next(int i) => i;
            }
            """, """
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M(CancellationToken token, int[] xs, int[] ys)
                {
                    long sum = 0;
                    await Task.Run(() =>
                    {
                        while (!token.IsCancellationRequested)
                        {
                            sum++;
                        }
                    }, token);

                    await Task.Run(() =>
                    {
                        for (var i = 0; i < 1_000_000; i++)
                        {
                            sum += Next(i);
                        }
                    }, token);

                    await Task.Run(() =>
                    {
                        foreach (var x in xs)
                        {
                            foreach (var y in ys)
                            {
                                sum += x * y;
                            }
                        }
                    }, token);

                    return sum;
                }

                long Next(int i) => i;
            }
            """);
    }

    [Fact]
    public Task Fix_all_offload_leaves_loops_that_cannot_be_offloaded()
    {
        // The loop that returns keeps its diagnostic (and its yield fix); the others are moved.
        return new VerifyCS.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                class C
                {
                    async Task M(CancellationToken token)
                    {
                        {|GT0004:while|} (!token.IsCancellationRequested)
                        {
                            Work();
                        }

                        {|GT0004:while|} (!token.IsCancellationRequested)
                        {
                            if (Found()) return;
                        }

                        {|GT0004:do|}
                        {
                            Work();
                        }
                        while (true);
                    }

                    bool Found() => false;
                    void Work() { }
                }
                """,
            FixedCode = """
                using System.Threading;
                using System.Threading.Tasks;
                class C
                {
                    async Task M(CancellationToken token)
                    {
                        await Task.Run(() =>
                        {
                            while (!token.IsCancellationRequested)
                            {
                                Work();
                            }
                        }, token);

                        {|GT0004:while|} (!token.IsCancellationRequested)
                        {
                            if (Found()) return;
                        }

                        await Task.Run(() =>
                        {
                            do
                            {
                                Work();
                            }
                            while (true);
                        }, token);
                    }

                    bool Found() => false;
                    void Work() { }
                }
                """,
            ReferenceAssemblies = TestReferences.Net80,
            FixedState = { MarkupHandling = MarkupMode.Allow },
            CodeActionEquivalenceKey = OffloadKey,
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
            NumberOfFixAllInProjectIterations = 1,
        }.RunAsync();
    }

    [Fact]
    public Task Fix_all_offload_leaves_loops_whose_variables_cannot_move_into_a_lambda()
    {
        // Only the code fix checks the flow of variables (the analyzer leaves that costly check to it): Fix All must
        // leave the loop that first assigns 'last', read after it (CS0165 once moved), and move the other one.
        return new VerifyCS.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                class C
                {
                    async Task<int> M(CancellationToken token)
                    {
                        {|GT0004:while|} (!token.IsCancellationRequested)
                        {
                            Work();
                        }

                        int last;
                        {|GT0004:do|}
                        {
                            last = Next();
                        }
                        while (!token.IsCancellationRequested);

                        return last;
                    }

                    int Next() => 1;
                    void Work() { }
                }
                """,
            FixedCode = """
                using System.Threading;
                using System.Threading.Tasks;
                class C
                {
                    async Task<int> M(CancellationToken token)
                    {
                        await Task.Run(() =>
                        {
                            while (!token.IsCancellationRequested)
                            {
                                Work();
                            }
                        }, token);

                        int last;
                        {|GT0004:do|}
                        {
                            last = Next();
                        }
                        while (!token.IsCancellationRequested);

                        return last;
                    }

                    int Next() => 1;
                    void Work() { }
                }
                """,
            ReferenceAssemblies = TestReferences.Net80,
            FixedState = { MarkupHandling = MarkupMode.Allow },
            CodeActionEquivalenceKey = OffloadKey,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
            NumberOfFixAllInProjectIterations = 1,
        }.RunAsync();
    }
}
