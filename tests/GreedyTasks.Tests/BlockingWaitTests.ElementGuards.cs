using System.Threading.Tasks;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.BlockingWaitAnalyzer, GreedyTasks.CodeFixes.BlockingWaitCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>
/// GT0001: a completion check on one element of a collection (<c>tasks[i].IsCompletedSuccessfully</c>) guards a read
/// of that same element, as long as neither the collection, nor the index, nor the collection's content changes in
/// between. Real code does this after a <c>WhenAll</c> that may have thrown.
/// </summary>
public partial class BlockingWaitTests
{
    /// <summary>An async method <c>M(Task&lt;int&gt;[] tasks, List&lt;Task&lt;int&gt;&gt; list, int i, int j)</c> whose body, after an <c>await</c>, is <paramref name="statements"/>.</summary>
    private static Task VerifyElementsAsync(string statements, string members = "")
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            class C
            {
                {{members}}

                async Task<int> M(Task<int>[] tasks, List<Task<int>> list, int i, int j)
                {
                    await Task.Yield();
                    {{statements}}
                }
            }
            """);
    }

    [Fact]
    public Task Element_read_after_a_completion_check_of_the_same_element_in_a_loop_is_not_reported()
    {
        // The registration loop of a directory hand-off: a WhenAll in a try that may throw, the results read in finally.
        return VerifyElementsAsync("""
            var sum = 0;
            try
            {
                await Task.WhenAll(tasks);
            }
            finally
            {
                for (var k = tasks.Length - 1; k >= 0; k--)
                {
                    if (!tasks[k].IsCompletedSuccessfully) continue;
                    sum += tasks[k].Result;
                }
            }

            return sum;
            """);
    }

    [Theory]
    [InlineData("return list[i].Status != TaskStatus.RanToCompletion || list[i].GetAwaiter().GetResult() > 0 ? 1 : 0;")]
    [InlineData("return tasks[0].IsCompleted ? tasks[0].Result : -1;")]
    [InlineData("return tasks[i] is { IsCompletedSuccessfully: true } ? tasks[i].Result : -1;")]
    [InlineData("if (!list[j].IsFaulted) { return -1; } return list[j].Result;")]
    [InlineData("await tasks[i]; return tasks[i].Result;")]
    [InlineData("var length = tasks.Length; return tasks[i].IsCompleted && Array.IndexOf(tasks, tasks[j]) >= 0 && list.Contains(tasks[j]) ? tasks[i].Result : length;")]
    public Task Element_read_guarded_by_a_check_of_the_same_element_is_not_reported(string statements)
    {
        return VerifyElementsAsync(statements);
    }

    [Theory]
    [InlineData("return tasks[i].IsCompleted ? {|GT0001:tasks[j].Result|} : -1;")]
    [InlineData("return tasks[i].IsCompleted ? {|GT0001:list[i].Result|} : -1;")]
    [InlineData("return tasks[0].IsCompleted ? {|GT0001:tasks[1].Result|} : -1;")]
    [InlineData("if (tasks[i].IsCompleted) { i++; return {|GT0001:tasks[i].Result|}; } return -1;")]
    [InlineData("if (tasks[i].IsCompleted) { i = j; return {|GT0001:tasks[i].Result|}; } return -1;")]
    [InlineData("if (tasks[i].IsCompleted) { tasks[j] = Task.Run(() => 1); return {|GT0001:tasks[i].Result|}; } return -1;")]
    [InlineData("if (tasks[i].IsCompleted) { tasks = new[] { Task.Run(() => 1) }; return {|GT0001:tasks[i].Result|}; } return -1;")]
    [InlineData("if (list[0].IsCompleted) { list.RemoveAt(0); return {|GT0001:list[0].Result|}; } return -1;")]
    [InlineData("if (tasks[0].IsCompleted) { Array.Reverse(tasks); return {|GT0001:tasks[0].Result|}; } return -1;")]
    [InlineData("if (list[0].IsCompleted) { Shuffle(list); return {|GT0001:list[0].Result|}; } return -1;")]
    [InlineData("return tasks[i + 1].IsCompleted ? {|GT0001:tasks[i + 1].Result|} : -1;")]
    [InlineData("return tasks[i].IsCompleted ? -1 : {|GT0001:tasks[i].Result|};")]
    [InlineData("return _tasks[0].IsCompleted ? {|GT0001:_tasks[0].Result|} : -1;")]
    [InlineData("return tasks[_index].IsCompleted ? {|GT0001:tasks[_index].Result|} : -1;")]
    [InlineData("Func<int> next = () => i++; return tasks[i].IsCompleted ? {|GT0001:tasks[i].Result|} : next();")]
    public Task Element_read_not_guarded_by_a_check_of_the_same_element_is_reported(string statements)
    {
        // Another index, collection or constant; the index or an element changed after the check; the collection
        // replaced, shortened, reordered, or passed to a method that may reorder it; an index that is not a plain
        // variable; the branch where the check failed; a field as the collection or the index; an index a lambda changes.
        return VerifyElementsAsync(
            statements,
            members: """
                private Task<int>[] _tasks = new Task<int>[1];
                private int _index;
                private static void Shuffle(List<Task<int>> tasks) => tasks.Reverse();
                """);
    }

    [Theory]
    [InlineData("var sum = 0; foreach (var task in tasks) { if (task.IsCompletedSuccessfully) sum += task.Result; } return sum;")]
    [InlineData("var sum = 0; foreach (var task in list) { if (!task.IsCompleted) continue; sum += task.GetAwaiter().GetResult(); } return sum;")]
    [InlineData("var sum = 0; foreach (var task in list) { await task; sum += task.Result; } return sum;")]
    public Task Foreach_variable_behind_its_own_check_or_await_is_not_reported(string statements)
    {
        // Disposing what the tasks that did succeed produced, after the others were canceled.
        return VerifyElementsAsync(statements);
    }

    [Theory]
    [InlineData("var sum = 0; foreach (var task in tasks) { sum += {|GT0001:task.Result|}; } return sum;")]
    [InlineData("var sum = 0; foreach (var task in tasks) { if (task.IsCompletedSuccessfully) { } sum += {|GT0001:task.Result|}; } return sum;")]
    [InlineData("var sum = 0; foreach (var task in tasks) { if (tasks[0].IsCompleted) sum += {|GT0001:task.Result|}; } return sum;")]
    public Task Foreach_variable_without_its_own_check_is_reported(string statements)
    {
        return VerifyElementsAsync(statements);
    }

    [Fact]
    public Task ValueTask_element_awaited_before_its_read_is_reported_and_checked_is_not()
    {
        // A ValueTask may be consumed once: awaiting it does not make a later read safe; a completion check does.
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(ValueTask<int>[] tasks, int i)
                {
                    await tasks[i];
                    var first = {|GT0001:tasks[i].Result|};
                    return tasks[i].IsCompletedSuccessfully ? tasks[i].Result + first : first;
                }
            }
            """);
    }
}
