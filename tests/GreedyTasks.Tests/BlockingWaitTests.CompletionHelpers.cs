using System.Threading.Tasks;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.BlockingWaitAnalyzer, GreedyTasks.CodeFixes.BlockingWaitCodeFixProvider>;

namespace GreedyTasks.Tests;

/// <summary>
/// GT0001: a completion check written as a static helper under the property's name, as libraries that target
/// netstandard2.0 (which lacks <c>Task.IsCompletedSuccessfully</c>) write it, guards a read as the property does.
/// </summary>
public partial class BlockingWaitTests
{
    private const string CompletionHelpers = """
        static class TaskHelpers
        {
            public static bool IsCompletedSuccessfully(this Task task) => task.Status == TaskStatus.RanToCompletion;
            public static bool IsFaulted<T>(this ValueTask<T> task) => task.IsFaulted;
            public static bool IsDone(this Task task) => task.IsCompleted;
            public static bool IsCompleted(this Task task, bool orCanceled) => task.IsCompleted || orCanceled;
        }

        class Wrapper
        {
            public Task<int> Task { get; } = System.Threading.Tasks.Task.FromResult(1);
            public bool IsCompletedSuccessfully() => true;
        }
        """;

    /// <summary>
    /// Verifies an async method <c>M</c> with <paramref name="parameters"/> whose body, after an <c>await</c>, is
    /// <paramref name="statements"/>, in a class with <paramref name="members"/>, next to the helpers.
    /// </summary>
    private static Task VerifyAsyncMethodAsync(string parameters, string statements, string members = "")
    {
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Threading.Tasks;
            class C
            {
                {{members}}

                async Task<int> M({{parameters}})
                {
                    await Task.Yield();
                    {{statements}}
                }
            }

            {{CompletionHelpers}}
            """);
    }

    [Theory]
    [InlineData("t.IsCompletedSuccessfully() ? t.Result : -1")]
    [InlineData("TaskHelpers.IsCompletedSuccessfully(t) ? t.Result : -1")]
    [InlineData("t.IsCompletedSuccessfully() ? t.GetAwaiter().GetResult() : await t")]
    [InlineData("!t.IsCompletedSuccessfully() ? await t : t.Result")]
    [InlineData("vt.IsFaulted() ? vt.Result : -1")]
    public Task Result_guarded_by_a_completion_helper_is_not_reported(string expression)
    {
        return VerifyAsyncMethodAsync("Task<int> t, ValueTask<int> vt", $"return {expression};");
    }

    [Fact]
    public Task Result_after_an_early_return_on_a_completion_helper_is_not_reported()
    {
        return VerifyAsyncMethodAsync("Task<int> t", """
            if (!t.IsCompletedSuccessfully())
            {
                return -1;
            }

            return t.Result;
            """);
    }

    [Theory]
    [InlineData("u.IsCompletedSuccessfully() ? {|GT0001:t.Result|} : -1")]
    [InlineData("t.IsDone() ? {|GT0001:t.Result|} : -1")]
    [InlineData("t.IsCompleted(orCanceled: true) ? {|GT0001:t.Result|} : -1")]
    [InlineData("w.IsCompletedSuccessfully() ? {|GT0001:w.Task.Result|} : -1")]
    [InlineData("t.IsCompletedSuccessfully() ? -1 : {|GT0001:t.Result|}")]
    public Task Result_not_guarded_by_a_completion_helper_of_the_same_task_is_reported(string expression)
    {
        // Another task's check; a helper under another name; a helper with a second parameter, which can answer
        // something else; an instance method of a type that is not a task; the branch where the check failed.
        return VerifyAsyncMethodAsync("Task<int> t, Task<int> u, Wrapper w", $"return {expression};");
    }

    [Fact]
    public Task Result_of_a_field_behind_a_completion_check_is_reported_and_of_its_local_copy_is_not()
    {
        // A field may hold another task when it is read again; a local copy cannot.
        return VerifyAsyncMethodAsync(
            parameters: "",
            statements: """
                var first = _task.IsCompletedSuccessfully() ? {|GT0001:_task.Result|} : -1;
                var task = _task;
                return task.IsCompletedSuccessfully() ? task.Result + first : -1;
                """,
            members: "private Task<int> _task = Task.Run(() => 1);");
    }
}
