using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.GreedyLoopAnalyzer, GreedyTasks.CodeFixes.GreedyLoopCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0004: which loops are reported, where, and with which message.</summary>
public partial class GreedyLoopTests
{
    private const string NoExit = "has no exit";
    private const string TokenPoll = "waits on '!token.IsCancellationRequested', which nothing in the loop changes";
    private const string CrossProduct = "nests loops over unrelated data";

    private static string Runs(string count) => $"runs {count} times";

    /// <summary>A greedy loop of each kind, written with the names every context below declares: token, items, others, Work().</summary>
    private static (string Loop, string Keyword, string Reason) LoopOfKind(string kind) => kind switch
    {
        "unbounded" => ("{|#0:while|} (true) { Work(); }", "while", NoExit),
        "polling" => ("{|#0:while|} (!token.IsCancellationRequested) { Work(); }", "while", TokenPoll),
        "counted" => ("{|#0:for|} (var i = 0; i < 1_000_000; i++) { Work(); }", "for", Runs("1,000,000")),
        "nested" => ("{|#0:foreach|} (var a in items) { foreach (var b in others) { Work(); } }", "foreach", CrossProduct),
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Every context <see cref="InContext"/> knows.</summary>
    public static TheoryData<string> AsyncContexts() => new()
    {
        "async method",
        "async lambda",
        "async lambda in a sync method",
        "async local function",
        "async anonymous method",
        "async iterator",
        "top-level statements",
    };

    private static VerifyCS.Test InContext(string context, string loop)
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = TestReferences.Net80 };
        if (context == "top-level statements")
        {
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.TestCode = $$"""
                using System.Threading;
                using System.Threading.Tasks;
                var token = CancellationToken.None;
                var items = Load();
                var others = Load();
                await Task.Yield();
                {{loop}}

                static int[] Load() => new int[0];
                static void Work() { }
                """;
            return test;
        }

        var member = context switch
        {
            "async method" => $$"""
                async Task M(CancellationToken token, int[] items, int[] others)
                {
                    await Task.Yield();
                    {{loop}}
                }
            """,
            "async lambda" => $$"""
                async Task M(CancellationToken token, int[] items, int[] others)
                {
                    Func<Task> f = async () =>
                    {
                        {{loop}}
                    };
                    await f();
                }
            """,
            "async lambda in a sync method" => $$"""
                void M(CancellationToken token, int[] items, int[] others)
                {
                    Task.Run(async () =>
                    {
                        {{loop}}
                    });
                }
            """,
            "async local function" => $$"""
                Task M(CancellationToken token, int[] items, int[] others)
                {
                    return Local();

                    async Task Local()
                    {
                        {{loop}}
                    }
                }
            """,
            "async anonymous method" => $$"""
                void M(CancellationToken token, int[] items, int[] others)
                {
                    Func<Task> f = async delegate
                    {
                        {{loop}}
                    };
                }
            """,
            "async iterator" => $$"""
                async IAsyncEnumerable<int> M(CancellationToken token, int[] items, int[] others)
                {
                    {{loop}}
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

                void Work() { }
            }
            """;
        return test;
    }

    // ---------------------------------------------------------------- reports: every async context, every kind of greedy loop

    [Theory]
    [InlineData("async method", "unbounded")]
    [InlineData("async method", "polling")]
    [InlineData("async method", "counted")]
    [InlineData("async method", "nested")]
    [InlineData("async lambda", "unbounded")]
    [InlineData("async lambda", "polling")]
    [InlineData("async lambda", "counted")]
    [InlineData("async lambda", "nested")]
    [InlineData("async lambda in a sync method", "unbounded")]
    [InlineData("async lambda in a sync method", "polling")]
    [InlineData("async lambda in a sync method", "counted")]
    [InlineData("async lambda in a sync method", "nested")]
    [InlineData("async local function", "unbounded")]
    [InlineData("async local function", "polling")]
    [InlineData("async local function", "counted")]
    [InlineData("async local function", "nested")]
    [InlineData("async anonymous method", "unbounded")]
    [InlineData("async anonymous method", "polling")]
    [InlineData("async anonymous method", "counted")]
    [InlineData("async anonymous method", "nested")]
    [InlineData("async iterator", "unbounded")]
    [InlineData("async iterator", "polling")]
    [InlineData("async iterator", "counted")]
    [InlineData("async iterator", "nested")]
    [InlineData("top-level statements", "unbounded")]
    [InlineData("top-level statements", "polling")]
    [InlineData("top-level statements", "counted")]
    [InlineData("top-level statements", "nested")]
    public Task Greedy_loop_is_reported_in_every_async_context(string context, string kind)
    {
        var (loop, keyword, reason) = LoopOfKind(kind);
        var test = InContext(context, loop);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments(keyword, reason));
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- reports: unbounded loops with no exit

    [Theory]
    [InlineData("{|#0:while|} (true) { Work(); }", "while")]
    [InlineData("{|#0:while|} (true) Work();", "while")]
    [InlineData("{|#0:for|} (;;) { Work(); }", "for")]
    [InlineData("{|#0:for|} (var i = 0; ; i++) { Work(); }", "for")]
    [InlineData("{|#0:do|} { Work(); } while (true);", "do")]
    [InlineData("{|#0:while|} (true) { if (_flag) continue; Work(); }", "while")]
    [InlineData("{|#0:while|} (true) { foreach (var x in _items) { if (x == 0) break; } }", "while")]
    [InlineData("{|#0:while|} (true) { switch (_state) { case 1: Work(); break; default: break; } }", "while")]
    [InlineData("{|#0:while|} (true) { Func<int> f = () => { return 1; }; Work(); }", "while")]
    public Task Unbounded_loop_without_an_exit_is_reported(string loop, string keyword)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading.Tasks;
            class C
            {
                private bool _flag;
                private int _state;
                private int[] _items = new int[0];

                async Task M()
                {
                    await Task.Yield();
                    {{loop}}
                }

                void Work() { }
            }
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments(keyword, NoExit));
    }

    // ---------------------------------------------------------------- reports: polling loops

    [Theory]
    [InlineData("{|#0:while|} (!token.IsCancellationRequested) { Work(); }", "while", "!token.IsCancellationRequested")]
    [InlineData("{|#0:while|} (_running) { Work(); }", "while", "_running")]
    [InlineData("{|#0:do|} { Work(); } while (!_stop);", "do", "!_stop")]
    [InlineData("{|#0:while|} (!_cts.IsCancellationRequested) { Work(); }", "while", "!_cts.IsCancellationRequested")]
    [InlineData("{|#0:while|} (_running && !token.IsCancellationRequested) Work();", "while", "_running && !token.IsCancellationRequested")]
    [InlineData("{|#0:while|} (_processed < _limit) { Work(); }", "while", "_processed < _limit")]
    [InlineData("{|#0:while|} (!token.IsCancellationRequested) { token.ThrowIfCancellationRequested(); Work(); }", "while", "!token.IsCancellationRequested")]
    [InlineData("{|#0:while|} (!token.IsCancellationRequested) { if (_flag) { Work(); continue; } Work(); break; }", "while", "!token.IsCancellationRequested")]
    [InlineData("{|#0:while|} (!token.IsCancellationRequested) { Func<Task> f = async () => await Task.Delay(1); Work(); }", "while", "!token.IsCancellationRequested")]
    public Task Polling_loop_is_reported_with_its_condition(string loop, string keyword, string condition)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _running;
                private volatile bool _stop;
                private bool _flag;
                private int _processed;
                private int _limit;
                private readonly CancellationTokenSource _cts = new CancellationTokenSource();

                async Task M(CancellationToken token)
                {
                    await Task.Yield();
                    {{loop}}
                }

                void Work() { }
            }
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments(keyword, $"waits on '{condition}', which nothing in the loop changes"));
    }

    [Theory]
    [InlineData("{|#0:while|} (size > limit) { Log(); } void Log() { var copy = size; Console.WriteLine(copy); }")]
    [InlineData("{|#0:while|} (size > limit) { Walk(3); } void Walk(int n) { if (n > 0) Walk(n - 1); }")]
    [InlineData("{|#0:while|} (size > limit) { Count(); } void Count() => other--;")]
    [InlineData("{|#0:while|} (size > limit) { Outer(); } void Outer() { Action a = () => size--; }")]
    [InlineData("{|#0:while|} (size > limit) { lower(); }")]
    public Task Polling_loop_whose_local_functions_leave_the_condition_alone_is_reported(string loop)
    {
        // A local function that only reads, one that recurses, or one that writes something else changes nothing the
        // condition reads. Lambdas are not followed: when they run is up to whoever receives them.
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task M(int limit)
                {
                    await Task.Yield();
                    var size = limit * 2;
                    var other = 0;
                    Action lower = () => size--;
                    {{loop}}
                }
            }
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("while", "waits on 'size > limit', which nothing in the loop changes"));
    }

    [Fact]
    public Task Long_polling_condition_is_shortened_in_the_message()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private volatile bool _running;
                private volatile bool _paused;

                async Task M(CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    {|#0:while|} (_running
                        && !_paused
                        && !cancellationToken.IsCancellationRequested)
                    {
                        Work();
                    }
                }

                void Work() { }
            }
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("while", "waits on '_running && !_paused && !cancellationToken.IsCancellation...', which nothing in the loop changes"));
    }

    [Fact]
    public Task Polling_a_static_property_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                async Task M()
                {
                    await Task.Yield();
                    {|#0:while|} (!Console.KeyAvailable)
                    {
                        Render();
                    }
                }

                void Render() { }
            }
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("while", "waits on '!Console.KeyAvailable', which nothing in the loop changes"));
    }

    // ---------------------------------------------------------------- reports: counted loops at or above the threshold

    [Theory]
    [InlineData("{|#0:for|} (var i = 0; i < 100_000; i++)", "100,000")]
    [InlineData("{|#0:for|} (var i = 0; i <= 100_000; i++)", "100,001")]
    [InlineData("{|#0:for|} (var i = 100_000; i > 0; i--)", "100,000")]
    [InlineData("{|#0:for|} (var i = 100_000; i >= 0; i--)", "100,001")]
    [InlineData("{|#0:for|} (var i = 0; i < 1_000_000; i += 2)", "500,000")]
    [InlineData("{|#0:for|} (var i = 1_000_000; i > 0; i -= 10)", "100,000")]
    [InlineData("{|#0:for|} (int i = 5; i < 100_005; ++i)", "100,000")]
    [InlineData("{|#0:for|} (long i = 0; i < 10_000_000_000; i++)", "10,000,000,000")]
    [InlineData("{|#0:for|} (var i = 0; i < Size; i++)", "250,000")]
    [InlineData("{|#0:foreach|} (var i in Enumerable.Range(0, 1_000_000))", "1,000,000")]
    [InlineData("{|#0:foreach|} (var i in Enumerable.Range(10, 100_000))", "100,000")]
    public Task Counted_loop_at_or_above_the_threshold_is_reported(string header, string count)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Linq;
            using System.Threading.Tasks;
            class C
            {
                private const int Size = 250_000;

                async Task<long> M()
                {
                    await Task.Yield();
                    long sum = 0;
                    {{header}}
                    {
                        sum += Next(i);
                    }

                    return sum;
                }

                long Next(long i) => i;
            }
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments(header.Contains("foreach") ? "foreach" : "for", Runs(count)));
    }

    [Fact]
    public Task Counted_loop_with_an_early_break_is_still_reported()
    {
        // A search over a constant range is bounded by its trip count, not ended by its first pass.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(int[] data)
                {
                    await Task.Yield();
                    var found = -1;
                    {|#0:for|} (var i = 0; i < 1_000_000; i++)
                    {
                        if (data[i % data.Length] == i)
                        {
                            found = i;
                            break;
                        }
                    }

                    return found;
                }
            }
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("for", Runs("1,000,000")));
    }

    [Fact]
    public Task Counted_loop_whose_counter_only_indexes_a_deconstruction_target_is_still_reported()
    {
        // (results[i], total) = … writes an element and total; the counter is only read, so the trip count holds.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<long> M(long[] results)
                {
                    await Task.Yield();
                    long total = 0;
                    {|#0:for|} (var i = 0; i < 1_000_000; i++)
                    {
                        (results[i % results.Length], total) = (i, total + i);
                    }

                    return total;
                }
            }
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("for", Runs("1,000,000")));
    }

    // ---------------------------------------------------------------- reports: nested loops over unrelated data

    [Theory]
    [InlineData("{|#0:foreach|} (var user in users) { foreach (var group in groups) { Check(user, group); } }", "foreach")]
    [InlineData("{|#0:for|} (var i = 0; i < n; i++) { for (var j = 0; j < m; j++) { grid[i, j] = 0; } }", "for")]
    [InlineData("{|#0:foreach|} (var user in users) { for (var j = 0; j < m; j++) { Check(user, groups[j]); } }", "foreach")]
    [InlineData("{|#0:for|} (var i = 0; i < n; i++) { foreach (var group in groups) { Check(users[i], group); } }", "for")]
    [InlineData("{|#0:foreach|} (var user in users) { var name = user.Name; foreach (var group in groups) { Check(name, group); } }", "foreach")]
    [InlineData("{|#0:foreach|} (var user in users) { foreach (var group in groups.Where(g => g.Length > 0)) { Check(user, group); } }", "foreach")]
    [InlineData("{|#0:foreach|} (var user in users) { var k = 0; while (k < m) { Check(user, groups[k]); k++; } }", "foreach")]
    public Task Nest_over_unrelated_data_is_reported(string nest, string keyword)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            class User { public string Name = ""; }
            class C
            {
                async Task M(List<User> users, string[] groups, int[,] grid, int n, int m)
                {
                    await Task.Yield();
                    {{nest}}
                }

                void Check(User user, string group) { }
                void Check(string name, string group) { }
            }
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments(keyword, CrossProduct));
    }

    [Theory]
    [InlineData("{|#0:foreach|} (var snapshot in snapshots) { foreach (var hold in holds) { count += hold; } if (count > version) continue; return count; }")]
    [InlineData("{|#0:foreach|} (var snapshot in snapshots) { foreach (var hold in holds) { count += hold; } if (count > version) return count; }")]
    [InlineData("{|#0:foreach|} (var snapshot in snapshots) { foreach (var hold in holds) { if (hold == version) break; count += hold; } Log(count); }")]
    [InlineData("{|#0:foreach|} (var snapshot in snapshots) { try { foreach (var hold in holds) { count += hold; } return count; } catch (InvalidOperationException) { } }")]
    [InlineData("{|#0:foreach|} (var snapshot in snapshots) { foreach (var hold in holds) { count += hold; } if (count > version) goto next; return count; next: Log(count); }")]
    [InlineData("{|#0:foreach|} (var snapshot in snapshots) { switch (snapshot) { case 1: { foreach (var hold in holds) { count += hold; } break; } } }")]
    [InlineData("{|#0:foreach|} (var snapshot in snapshots) { while (count < version) { foreach (var hold in holds) { count += hold; } break; } }")]
    public Task Nest_whose_outer_loop_may_go_on_after_the_inner_loop_is_reported(string nest)
    {
        // A continue or a goto that can skip the exit, an exit only on one path, a break out of the inner loop only, a
        // catch that swallows what the exit would have thrown, a break out of a switch or out of a loop in between: the inner
        // loop can run once per outer item.
        return VerifySearchNestAsync(nest, VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("foreach", CrossProduct));
    }

    [Theory]
    [InlineData("{|#0:foreach|} (var user in users) foreach (var group in groups) Check(user, group);", "foreach")]
    [InlineData("{|#0:for|} (var i = 0; i < n; i++) for (var j = 0; j < m; j++) grid[i, j] = 0;", "for")]
    public Task Nest_without_braces_is_reported(string nest, string keyword)
    {
        return Nest_over_unrelated_data_is_reported(nest, keyword);
    }

    [Fact]
    public Task Pairwise_nest_over_a_collection_is_reported()
    {
        return Nest_over_unrelated_data_is_reported("{|#0:for|} (var i = 0; i < n; i++) { for (var j = i + 1; j < n; j++) { Check(users[i], users[j].Name); } }", "for");
    }

    [Fact]
    public Task Nest_of_three_loops_is_reported_once_on_the_outermost()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(int[] xs, int[] ys, int[] zs)
                {
                    await Task.Yield();
                    {|#0:foreach|} (var x in xs)
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
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("foreach", CrossProduct));
    }

    [Fact]
    public Task Polling_loop_around_a_counted_loop_is_reported_once_on_the_outer_loop()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    await Task.Yield();
                    {|#0:while|} (!token.IsCancellationRequested)
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
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("while", TokenPoll));
    }

    [Fact]
    public Task Greedy_loop_inside_a_short_loop_is_reported_on_the_inner_loop()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token, int[] items)
                {
                    await Task.Yield();
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        {|#0:while|} (!token.IsCancellationRequested)
                        {
                            Work();
                        }
                    }

                }

                void Work() { }
            }
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("while", TokenPoll));
    }

    [Fact]
    public Task Loop_over_a_collection_around_a_long_counted_loop_is_reported_on_the_outer_loop()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task M(int[] items)
                {
                    await Task.Yield();
                    {|#0:foreach|} (var item in items)
                    {
                        for (var i = 0; i < 1_000_000; i++)
                        {
                            Work(item, i);
                        }
                    }
                }

                void Work(int item, int i) { }
            }
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("foreach", CrossProduct));
    }

    [Fact]
    public Task Greedy_loops_in_sequence_are_each_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    await Task.Yield();
                    {|GT0004:for|} (var i = 0; i < 1_000_000; i++) Work();
                    {|GT0004:while|} (!token.IsCancellationRequested) Work();
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Greedy_loop_in_an_async_lambda_inside_a_greedy_loop_is_reported_separately()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    await Task.Yield();
                    {|#0:while|} (!token.IsCancellationRequested)
                    {
                        Func<Task> f = async () =>
                        {
                            {|#1:while|} (true) { Work(); }
                        };
                        Work();
                    }
                }

                void Work() { }
            }
            """,
            VerifyCS.Diagnostic("GT0004").WithLocation(0).WithArguments("while", TokenPoll),
            VerifyCS.Diagnostic("GT0004").WithLocation(1).WithArguments("while", NoExit));
    }

    // ---------------------------------------------------------------- reports: lock, catch, finally

    [Fact]
    public Task Loop_inside_lock_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                private readonly object _gate = new object();

                async Task M(CancellationToken token)
                {
                    await Task.Yield();
                    lock (_gate)
                    {
                        {|GT0004:while|} (!token.IsCancellationRequested)
                        {
                            Work();
                        }
                    }
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Nest_inside_lock_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                private readonly object _gate = new object();

                async Task M(int[] xs, int[] ys)
                {
                    await Task.Yield();
                    lock (_gate)
                    {
                        {|GT0004:foreach|} (var x in xs)
                        {
                            foreach (var y in ys)
                            {
                                Use(x, y);
                            }
                        }
                    }
                }

                void Use(int x, int y) { }
            }
            """);
    }

    [Fact]
    public Task Loop_in_a_catch_block_is_reported_and_fixed()
    {
        // Unlike a catch filter (an expression, which holds no loop), a catch block may await since C# 6.
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    try
                    {
                        await Task.Yield();
                    }
                    catch (InvalidOperationException) when (!token.IsCancellationRequested)
                    {
                        {|GT0004:while|} (!token.IsCancellationRequested)
                        {
                            Work();
                        }
                    }
                    finally
                    {
                        {|GT0004:for|} (;;)
                        {
                            Work();
                        }
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
                async Task M(CancellationToken token)
                {
                    try
                    {
                        await Task.Yield();
                    }
                    catch (InvalidOperationException) when (!token.IsCancellationRequested)
                    {
                        while (!token.IsCancellationRequested)
                        {
                            await Task.Yield();
                            Work();
                        }
                    }
                    finally
                    {
                        for (;;)
                        {
                            await Task.Yield();
                            Work();
                        }
                    }
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Loop_in_an_unsafe_block_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(CancellationToken token)
                {
                    await Task.Yield();
                    unsafe
                    {
                        {|GT0004:while|} (!token.IsCancellationRequested)
                        {
                            Work();
                        }
                    }
                }

                void Work() { }
            }
            """);
    }

    [Fact]
    public Task Loop_in_async_void_and_ValueTask_methods_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async void OnClick()
                {
                    {|GT0004:while|} (true) Work();
                }

                async ValueTask<int> M()
                {
                    {|GT0004:for|} (;;) Work();
                }

                void Work() { }
            }
            """);
    }
}
