using System.Threading.Tasks;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.BlockingWaitAnalyzer, GreedyTasks.CodeFixes.BlockingWaitCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>
/// GT0001: the task that <c>await Task.WhenAny(…)</c> returns has completed, and so has a task proven to be that same
/// object (<c>if (winner != task) throw …;</c>), the timeout idiom of real code.
/// </summary>
public partial class BlockingWaitTests
{
    private const string WhenAnyLookalike = """
        static class Race
        {
            // Same shape as Task.WhenAny, but nothing says the task it returns has completed.
            public static Task<Task<int>> WhenAny(params Task<int>[] tasks) => Task.FromResult(tasks[0]);
        }
        """;

    /// <summary>An async method <c>M(Task&lt;int&gt; t, Task&lt;int&gt; u, Task&lt;int&gt;[] tasks)</c> whose body is <paramref name="statements"/>.</summary>
    private static Task VerifyRaceAsync(string statements)
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<int> t, Task<int> u, Task<int>[] tasks)
                {
                    {{statements}}
                }
            }

            {{WhenAnyLookalike}}
            """);
    }

    [Theory]
    [InlineData("var winner = await Task.WhenAny(t, u); return winner.Result;")]
    [InlineData("var winner = await Task.WhenAny(tasks).ConfigureAwait(false); return winner.GetAwaiter().GetResult();")]
    [InlineData("Task<int> winner; winner = await Task.WhenAny(new List<Task<int>> { t, u }); winner.Wait(); return winner.Result;")]
    [InlineData("var winner = await Task.WhenAny(t, u).WaitAsync(TimeSpan.FromSeconds(1)); return winner.Result;")]
    public Task Result_of_the_task_WhenAny_returned_is_not_reported(string statements)
    {
        return VerifyRaceAsync(statements);
    }

    [Fact]
    public Task Result_of_the_WhenAny_winner_in_a_loop_condition_is_not_reported()
    {
        // A scheduler's wait for work: the condition reads the task the last WhenAny returned.
        return VerifyRaceAsync("""
            Task<int> ready;
            do
            {
                tasks[0] = Task.Run(() => 1);
                ready = await Task.WhenAny(tasks);
            }
            while (ready.Result > 0);
            return 0;
            """);
    }

    [Theory]
    [InlineData("var done = await Task.WhenAny(t, Task.Delay(1000)); if (done != t) throw new TimeoutException(); return t.Result;")]
    [InlineData("var done = await Task.WhenAny(t, Task.Delay(1000)); if (t != done) { return -1; } return t.GetAwaiter().GetResult();")]
    [InlineData("var done = await Task.WhenAny(t, u); return done == t ? t.Result : -1;")]
    [InlineData("var done = await Task.WhenAny(t, u); if (done != u) return -1; return u.Result;")]
    [InlineData("if (await Task.WhenAny(t, Task.Delay(1000)) == t) { return t.Result; } return -1;")]
    [InlineData("Task done = await Task.WhenAny(t, Task.Delay(1000)).ConfigureAwait(false); if (!(done == t)) throw new TimeoutException(); return t.Result;")]
    public Task Result_of_a_task_that_is_the_WhenAny_winner_is_not_reported(string statements)
    {
        return VerifyRaceAsync(statements);
    }

    [Theory]
    [InlineData("var winner = await Task.WhenAny(t, u); winner = u; return {|GT0001:winner.Result|};")]
    [InlineData("var winner = await Race.WhenAny(t, u); return {|GT0001:winner.Result|};")]
    [InlineData("var pending = Task.WhenAny(t, u); await Task.Yield(); return {|GT0001:pending.Result|}.Id;")]
    [InlineData("var done = await Task.WhenAny(t, u); if (done == t) { } return {|GT0001:t.Result|};")]
    [InlineData("var done = await Task.WhenAny(t, u); return done == t ? -1 : {|GT0001:t.Result|};")]
    [InlineData("var done = await Task.WhenAny(t, u); done = Task.Run(() => 1); return done == t ? {|GT0001:t.Result|} : -1;")]
    [InlineData("var done = u; return done == t ? {|GT0001:t.Result|} : -1;")]
    [InlineData("var done = await Race.WhenAny(t, u); if (done != t) throw new TimeoutException(); return {|GT0001:t.Result|};")]
    [InlineData("var done = await Task.WhenAny(t, u); if (done != u) throw new TimeoutException(); return {|GT0001:t.Result|};")]
    [InlineData("var done = await Task.WhenAny(t, u); Action reset = () => done = u; if (done != t) throw new TimeoutException(); return {|GT0001:t.Result|};")]
    public Task Result_of_a_task_not_proven_to_be_the_WhenAny_winner_is_reported(string statements)
    {
        // Reassigned after WhenAny; a look-alike WhenAny; the WhenAny task itself, not awaited; the read after the
        // check rather than under it; the branch where the task lost; the winner replaced before the comparison; a
        // comparison with a task nobody awaited; a look-alike in the timeout idiom; the idiom checking the other task; a
        // winner that a lambda may replace at any time.
        return VerifyRaceAsync(statements);
    }

    [Theory]
    [InlineData("var delay = Task.Delay(1000); var done = await Task.WhenAny(t, delay).ConfigureAwait(false); if (done == delay) throw new TimeoutException(); return t.GetAwaiter().GetResult();")]
    [InlineData("var delay = Task.Delay(1000); var done = await Task.WhenAny(delay, t); return done != delay ? t.Result : -1;")]
    [InlineData("var delay = Task.Delay(1000); if (await Task.WhenAny(t, delay) == delay) { return -1; } return t.Result;")]
    [InlineData("Task done; done = await Task.WhenAny(new[] { t, u }); if (u == done) return -1; return t.Result;")]
    [InlineData("var delay = Task.Delay(1000); var done = await Task.WhenAny(t, delay); if (done == delay) { throw new TimeoutException(); } await Task.Yield(); return t.Result;")]
    public Task Result_of_the_task_whose_only_rival_lost_the_WhenAny_is_not_reported(string statements)
    {
        // The timeout idiom as real code usually writes it: the winner compared with the delay, not with the task.
        return VerifyRaceAsync(statements);
    }

    [Theory]
    [InlineData("var delay = Task.Delay(1000); var done = await Task.WhenAny(t, delay, u); if (done == delay) throw new TimeoutException(); return {|GT0001:t.Result|};")]
    [InlineData("var delay = Task.Delay(1000); var done = await Task.WhenAny(t, delay); delay = Task.Delay(5); if (done == delay) throw new TimeoutException(); return {|GT0001:t.Result|};")]
    [InlineData("var delay = Task.Delay(1000); var done = await Task.WhenAny(t, delay); t = u; if (done == delay) throw new TimeoutException(); return {|GT0001:t.Result|};")]
    [InlineData("var delay = Task.Delay(1000); var done = await Task.WhenAny(t, delay); return done == delay ? {|GT0001:t.Result|} : -1;")]
    [InlineData("var delay = Task.Delay(1000); var done = await Task.WhenAny(t, delay); if (done == delay) throw new TimeoutException(); t = u; return {|GT0001:t.Result|};")]
    [InlineData("var delay = Task.Delay(1000); var done = await Task.WhenAny(u, delay); if (done == delay) throw new TimeoutException(); return {|GT0001:t.Result|};")]
    [InlineData("var delay = Task.Delay(1000); var done = await Race.WhenAny(t, u); if (done == u) throw new TimeoutException(); return {|GT0001:t.Result|};")]
    [InlineData("var done = await Task.WhenAny(t, u); var other = u; if (done == other) throw new TimeoutException(); return {|GT0001:t.Result|};")]
    [InlineData("var done = await Task.WhenAny(t, u); Action swap = () => u = t; if (done == u) throw new TimeoutException(); return {|GT0001:t.Result|};")]
    [InlineData("var done = await Task.WhenAny(t, u); Action swap = () => (u, _) = (t, 0); if (done == u) throw new TimeoutException(); return {|GT0001:t.Result|};")]
    [InlineData("var done = await Task.WhenAny(t, u); (u, _) = (t, 0); if (done == u) throw new TimeoutException(); return {|GT0001:t.Result|};")]
    [InlineData("var done = await Task.WhenAny(tasks); if (done == u) throw new TimeoutException(); return {|GT0001:t.Result|};")]
    public Task Result_of_a_task_whose_rival_is_not_proven_to_have_lost_is_reported(string statements)
    {
        // Three racers; the rival or the task reassigned between the race and the comparison; the branch where the
        // rival won; the task reassigned after the comparison; a race the task was not in; a look-alike WhenAny; a
        // comparison with a copy of the rival; a rival a lambda may replace, also by a deconstruction; the rival
        // deconstructed into before the comparison; a race over a collection.
        return VerifyRaceAsync(statements);
    }

    [Fact]
    public Task WhenAny_winner_is_recognized_in_lambdas_local_functions_and_anonymous_methods()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            class C
            {
                void M(Task<int> t, Task<int> u)
                {
                    Func<Task<int>> lambda = async () =>
                    {
                        var done = await Task.WhenAny(t, Task.Delay(1000));
                        return done == t ? t.Result : {|GT0001:u.Result|};
                    };
                    Func<Task<int>> anonymous = async delegate
                    {
                        var winner = await Task.WhenAny(t, u);
                        return winner.Result + {|GT0001:u.Result|};
                    };

                    async Task<int> Local()
                    {
                        var done = await Task.WhenAny(t, Task.Delay(1000));
                        if (done != t) throw new TimeoutException();
                        return t.Result + {|GT0001:u.Result|};
                    }
                }
            }
            """);
    }

    [Fact]
    public Task WhenAny_winner_is_recognized_in_an_async_iterator()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                async IAsyncEnumerable<int> M(Task<int> t, Task<int> u)
                {
                    var winner = await Task.WhenAny(t, u);
                    yield return winner.Result;
                    yield return winner == t ? t.Result : {|GT0001:t.Result|};
                }
            }
            """);
    }
}
