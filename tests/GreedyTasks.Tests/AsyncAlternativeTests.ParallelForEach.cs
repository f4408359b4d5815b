using System.Threading.Tasks;
using GreedyTasks.Tests.Verifiers;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.AsyncAlternativeAnalyzer, GreedyTasks.CodeFixes.AsyncAlternativeCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>GT0003, the curated pair Parallel.ForEach → Parallel.ForEachAsync.</summary>
public partial class AsyncAlternativeTests
{
    [Fact]
    public Task Parallel_ForEach_with_expression_lambda_becomes_ForEachAsync()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task M(List<int> items)
                {
                    {|#0:Parallel.ForEach(items, item => Console.WriteLine(item))|};
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task M(List<int> items)
                {
                    await Parallel.ForEachAsync(items, (item, _) => { Console.WriteLine(item); return ValueTask.CompletedTask; });
                }
            }
            """,
            VerifyCS.Diagnostic("GT0003").WithLocation(0).WithArguments("Parallel.ForEach<int>(IEnumerable<int>, Action<int>)", "Parallel.ForEachAsync<int>(IEnumerable<int>, Func<int, CancellationToken, ValueTask>)"));
    }

    [Fact]
    public Task Parallel_ForEach_with_options_and_block_lambda_becomes_ForEachAsync()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task M(List<int> items, ParallelOptions options)
                {
                    {|GT0003:Parallel.ForEach(items, options, item =>
                    {
                        var doubled = item * 2;
                        Console.WriteLine(doubled);
                    })|};
                }
            }
            """, """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task M(List<int> items, ParallelOptions options)
                {
                    await Parallel.ForEachAsync(items, options, (item, _) =>
                    {
                        var doubled = item * 2;
                        Console.WriteLine(doubled);
                        return ValueTask.CompletedTask;
                    });
                }
            }
            """);
    }

    [Fact]
    public Task Parallel_ForEach_with_async_void_lambda_becomes_ForEachAsync_with_async_lambda()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task M(List<int> items)
                {
                    {|GT0003:Parallel.ForEach(items, async item => await Task.Delay(item))|};
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task M(List<int> items)
                {
                    await Parallel.ForEachAsync(items, async (item, _) => await Task.Delay(item));
                }
            }
            """);
    }

    [Fact]
    public Task Parallel_ForEach_with_a_method_group_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                static void Process(int item) { }

                async Task M(List<int> items)
                {
                    {|GT0003:Parallel.ForEach(items, Process)|};
                }
            }
            """);
    }

    [Fact]
    public Task Parallel_ForEach_lambda_with_its_own_return_is_reported_without_a_fix()
    {
        return VerifyCS.VerifyNoCodeFixAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task M(List<int> items)
                {
                    {|GT0003:Parallel.ForEach(items, item =>
                    {
                        if (item < 0) return;
                        Console.WriteLine(item);
                    })|};
                }
            }
            """);
    }

    [Fact]
    public Task Parallel_ForEach_with_loop_state_or_used_result_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task<bool> M(List<int> items)
                {
                    await Task.Yield();
                    Parallel.ForEach(items, (item, state) => { if (item < 0) state.Break(); });
                    var result = Parallel.ForEach(items, item => { });
                    return result.IsCompleted;
                }
            }
            """);
    }

    [Fact]
    public Task Parallel_ForEach_in_sync_code_or_before_ForEachAsync_existed_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                void M(List<int> items) => Parallel.ForEach(items, item => { });

                async Task N(List<int> items)
                {
                    await Task.Run(() => Parallel.ForEach(items, item => { }));
                }
            }
            """);
    }

    [Fact]
    public Task Parallel_ForEach_on_net_framework_has_no_ForEachAsync_and_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task M(List<int> items)
                {
                    await Task.Yield();
                    Parallel.ForEach(items, item => { });
                }
            }
            """, TestReferences.NetFramework472);
    }
}
