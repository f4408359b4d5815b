using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GreedyTasks.Tests.Infrastructure;
using GreedyTasks.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifySleep = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.ThreadSleepAnalyzer, GreedyTasks.CodeFixes.ThreadSleepCodeFixProvider>;
using VerifyWait = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.BlockingWaitAnalyzer, GreedyTasks.CodeFixes.BlockingWaitCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>Odd but valid code, part three: preprocessor directives, code that never runs, top-level programs.</summary>
public partial class OddButValidCodeTests
{
    // ---------------------------------------------------------------- #if, #nullable, #pragma

    [Fact]
    public Task Only_the_active_if_branch_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            #define GREEDY
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
            #if GREEDY
                    return {|GT0001:t.Result|};
            #else
                    return t.Result + t.GetAwaiter().GetResult();
            #endif
                }
            }
            """, """
            #define GREEDY
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
            #if GREEDY
                    return await t;
            #else
                    return t.Result + t.GetAwaiter().GetResult();
            #endif
                }
            }
            """);
    }

    [Fact]
    public Task Code_disabled_by_the_preprocessor_is_never_reported()
    {
        return VerifySleep.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task M(Task t)
                {
                    await Task.Yield();
            #if false
                    Thread.Sleep(100);
                    t.Wait();
            #endif
            #if UNDEFINED_SYMBOL && !false
                    Thread.Sleep(100);
            #elif true
                    {|GT0002:Thread.Sleep(5)|};
            #endif
                }

            #if NEVER
                async Task N() { Thread.Sleep(1); await Task.Yield(); }
            #endif
            }
            """);
    }

    [Fact]
    public Task Result_under_nullable_enable_with_a_suppression_is_reported_and_fixed()
    {
        return VerifyWait.VerifyCodeFixAsync("""
            #nullable enable
            using System.Threading.Tasks;
            class C
            {
                async Task<string?> M(Task<string?>? t)
                {
                    await Task.Yield();
                    return {|GT0001:t!.Result|}?.Trim();
                }
            #nullable disable
                async Task<string> N(Task<string> t)
                {
                    await Task.Yield();
                    return {|GT0001:t.Result|};
                }
            #nullable restore
            }
            """, """
            #nullable enable
            using System.Threading.Tasks;
            class C
            {
                async Task<string?> M(Task<string?>? t)
                {
                    await Task.Yield();
                    return (await t!)?.Trim();
                }
            #nullable disable
                async Task<string> N(Task<string> t)
                {
                    await Task.Yield();
                    return await t;
                }
            #nullable restore
            }
            """);
    }

    [Fact]
    public Task Pragma_warning_disable_suppresses_only_the_region_it_covers()
    {
        // The verifier's own suppression pass prepends '#pragma warning disable', which the restore below would undo.
        return new VerifyWait.Test
        {
            TestBehaviors = TestBehaviors.SkipSuppressionCheck,
            TestCode = """
                using System.Threading.Tasks;
                class C
                {
                    async Task<int> M(Task<int> t, Task<int> u)
                    {
                        await Task.Yield();
                #pragma warning disable GT0001
                        var first = t.Result;
                        t.Wait();
                #pragma warning restore GT0001
                        return first + {|GT0001:u.Result|};
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Pragma_warning_disable_hides_the_diagnostic_from_a_plain_compilation()
    {
        var result = await AnalyzerRunner.RunAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t)
                {
                    await Task.Yield();
            #pragma warning disable GT0001, GT0002
                    Thread.Sleep(1);
                    return t.Result;
            #pragma warning restore GT0001, GT0002
                }
            }
            """);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.Diagnostics);
    }

    // ---------------------------------------------------------------- code that never runs: nameof, expression trees

    [Fact]
    public Task Result_inside_nameof_is_not_reported()
    {
        return VerifyWait.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<string> M(Task<int> t)
                {
                    await Task.Yield();
                    return nameof(t.Result) + nameof(Task<int>.Result) + nameof(t.Wait) + nameof(Task.WaitAll);
                }
            }
            """);
    }

    [Fact]
    public Task Result_inside_an_expression_tree_is_not_reported()
    {
        return VerifyWait.VerifyAnalyzerAsync("""
            using System;
            using System.Linq.Expressions;
            using System.Threading.Tasks;
            class C
            {
                async Task<Expression<Func<int>>> M(Task<int> t)
                {
                    await Task.Yield();
                    Expression<Func<int>> e = () => t.Result;
                    Expression<Action> w = () => t.Wait();
                    Func<Task<int>> f = async () => {|GT0001:t.Result|};
                    return e;
                }
            }
            """);
    }

    // ---------------------------------------------------------------- top-level programs

    [Fact]
    public Task Result_in_top_level_program_with_await_is_reported_and_fixed()
    {
        return new VerifyWait.Test
        {
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            TestCode = """
                using System;
                using System.Threading.Tasks;

                var t = Task.Run(() => 42);
                await Task.Yield();
                Console.WriteLine({|GT0001:t.Result|});
                var u = Task.Run(() => 1);
                var all = {|GT0001:u.Result|} + 1;

                static int Sync(Task<int> t) => t.Result;
                """,
            FixedState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System;
                    using System.Threading.Tasks;

                    var t = Task.Run(() => 42);
                    await Task.Yield();
                    Console.WriteLine(await t);
                    var u = Task.Run(() => 1);
                    var all = await u + 1;

                    static int Sync(Task<int> t) => t.Result;
                    """,
                },
            },
        }.RunAsync();
    }

    [Fact]
    public Task Statement_fix_in_top_level_program_keeps_the_layout()
    {
        return new VerifyWait.Test
        {
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            TestCode = """
                using System.Threading.Tasks;
                var t = Task.Run(() => 42);
                await Task.Yield();
                {|GT0001:Task.WaitAll([t])|};
                System.Console.WriteLine();
                """,
            FixedState =
            {
                OutputKind = OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System.Threading.Tasks;
                    var t = Task.Run(() => 42);
                    await Task.Yield();
                    await Task.WhenAll([t]);
                    System.Console.WriteLine();
                    """,
                },
            },
        }.RunAsync();
    }

    [Fact]
    public async Task Several_rules_in_one_odd_top_level_program_report_each_line_once()
    {
        var result = await AnalyzerRunner.RunAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            var t = Task.Run(() => 1);
            var gate = new ManualResetEventSlim();
            await Task.Yield();
            var r = t switch { { IsCompleted: false } => t.Result, _ => 0 };
            Thread.Sleep(r);
            gate.Wait();
            checked { while (true) { r++; } }

            static void Sync(Task<int> t) { Thread.Sleep(1); t.Wait(); }
            """, OutputKind.ConsoleApplication);

        Assert.Empty(result.AnalyzerExceptions);
        var actual = result.Diagnostics
            .Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .OrderBy(d => d.Line).ThenBy(d => d.Id)
            .ToList();
        Assert.Equal(new List<(string, int)> { ("GT0001", 8), ("GT0002", 9), ("GT0006", 10), ("GT0004", 11) }, actual);
    }

    [Fact]
    public async Task Odd_shapes_in_a_library_report_exactly_the_async_ones()
    {
        var result = await AnalyzerRunner.RunAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            file record Holder(Task<int> T)
            {
                public unsafe int Sync() { int x = T.Result; int* p = &x; return *p; }
                public async Task<int> A() { await Task.Yield(); return T.Result; }
                public Func<Task> B => static async () => Thread.Sleep(1);
                public int C => nameof(T.Result).Length;
            }
            """);

        Assert.Empty(result.AnalyzerExceptions);
        var actual = result.Diagnostics
            .Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .OrderBy(d => d.Line).ThenBy(d => d.Id)
            .ToList();
        Assert.Equal(new List<(string, int)> { ("GT0001", 7), ("GT0002", 8) }, actual);
    }
}
