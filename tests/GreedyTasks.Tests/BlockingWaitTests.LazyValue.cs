using System.Threading.Tasks;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.BlockingWaitAnalyzer, GreedyTasks.CodeFixes.BlockingWaitCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>
/// GT0001: a task kept in a <c>Lazy&lt;Task&lt;T&gt;&gt;</c> (a per-key cache of started work) is the same task on every
/// read of <c>Value</c>, so <c>await lazy.Value; … lazy.Value.Result</c> reads a complete task, as long as the lazy
/// variable is not replaced in between. NuGet's plugin factory and package reader are written this way.
/// </summary>
public partial class BlockingWaitTests
{
    private const string LazyLookalike = """
        namespace Lookalike
        {
            class Lazy<T>
            {
                private readonly System.Func<T> _factory;
                public Lazy(System.Func<T> factory) => _factory = factory;

                // Named like System.Lazy<T>.Value, but a new value on every read.
                public T Value => _factory();
            }
        }
        """;

    /// <summary>An async method <c>M(Lazy&lt;Task&lt;int&gt;&gt; lazy, Lazy&lt;Task&lt;int&gt;&gt; other, Lazy&lt;ValueTask&lt;int&gt;&gt; lazyValueTask, Lookalike.Lazy&lt;Task&lt;int&gt;&gt; notLazy)</c> whose body is <paramref name="statements"/>.</summary>
    private static Task VerifyLazyAsync(string statements)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Concurrent;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Lazy<Task<int>> lazy, Lazy<Task<int>> other, Lazy<ValueTask<int>> lazyValueTask, Lookalike.Lazy<Task<int>> notLazy)
                {
                    {{statements}}
                }
            }

            {{LazyLookalike}}
            """);
    }

    [Theory]
    [InlineData("await lazy.Value; return lazy.Value.Result;")]
    [InlineData("await lazy.Value.ConfigureAwait(false); return lazy.Value.GetAwaiter().GetResult();")]
    [InlineData("await Task.WhenAll(lazy.Value, other.Value); return lazy.Value.Result + other.Value.Result;")]
    [InlineData("if (!lazy.Value.IsCompletedSuccessfully) { return -1; } return lazy.Value.Result;")]
    [InlineData("{|GT0001:lazy.Value.Wait()|}; return lazy.Value.Result;")]
    [InlineData("var cache = new ConcurrentDictionary<string, Lazy<Task<int>>>(); var entry = cache.GetOrAdd(\"k\", _ => new Lazy<Task<int>>(() => Task.Run(() => 1))); await entry.Value; return entry.Value.Result == 0 ? -1 : entry.Value.Result;")]
    [InlineData("var withMetadata = new Lazy<Task<int>, string>(() => Task.Run(() => 1), \"m\"); await withMetadata.Value; return withMetadata.Value.Result;")]
    public Task Value_of_a_lazy_task_awaited_or_checked_before_is_not_reported(string statements)
    {
        return VerifyLazyAsync(statements);
    }

    [Theory]
    [InlineData("await other.Value; return {|GT0001:lazy.Value.Result|};")]
    [InlineData("await lazy.Value; lazy = other; return {|GT0001:lazy.Value.Result|};")]
    [InlineData("await lazy.Value; lazy = new Lazy<Task<int>>(() => Task.Run(() => 1)); return {|GT0001:lazy.Value.Result|};")]
    [InlineData("await lazy.Value; (lazy, _) = (other, 0); return {|GT0001:lazy.Value.Result|};")]
    [InlineData("await lazy.Value; Swap(ref lazy); return {|GT0001:lazy.Value.Result|}; static void Swap(ref Lazy<Task<int>> l) { }")]
    [InlineData("Action replace = () => lazy = other; await lazy.Value; replace(); return {|GT0001:lazy.Value.Result|};")]
    [InlineData("try { await lazy.Value; } catch (InvalidOperationException) { } return {|GT0001:lazy.Value.Result|};")]
    [InlineData("await notLazy.Value; return {|GT0001:notLazy.Value.Result|};")]
    [InlineData("await lazyValueTask.Value; return {|GT0001:lazyValueTask.Value.Result|};")]
    [InlineData("var task = lazy.Value; await Task.Yield(); return {|GT0001:lazy.Value.Result|} + {|GT0001:task.Result|};")]
    public Task Value_of_a_lazy_task_not_proven_complete_is_reported(string statements)
    {
        // Another lazy awaited; the lazy replaced (assigned, deconstructed into, passed by ref, or by a lambda) after
        // the await; a factory that threw and was caught; a look-alike with a Value that is new on every read; a
        // ValueTask, which awaiting consumes; a copy of the task taken without an await.
        return VerifyLazyAsync(statements);
    }

    [Fact]
    public Task Value_of_a_lazy_task_is_followed_in_lambdas_local_functions_anonymous_methods_and_iterators()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                void M(Lazy<Task<int>> lazy, Lazy<Task<int>> other)
                {
                    Func<Task<int>> lambda = async () =>
                    {
                        await lazy.Value;
                        return lazy.Value.Result + {|GT0001:other.Value.Result|};
                    };
                    Func<Task<int>> anonymous = async delegate
                    {
                        await lazy.Value;
                        return lazy.Value.Result + {|GT0001:other.Value.Result|};
                    };

                    async Task<int> Local()
                    {
                        await lazy.Value;
                        return lazy.Value.Result + {|GT0001:other.Value.Result|};
                    }
                }

                async IAsyncEnumerable<int> Iterate(Lazy<Task<int>> lazy, Lazy<Task<int>> other)
                {
                    await lazy.Value;
                    yield return lazy.Value.Result;
                    yield return {|GT0001:other.Value.Result|};
                }
            }
            """);
    }
}
